import * as path from 'node:path';
import { SchemaUnknownError } from '../../core/dataset/inferDatasetSchema';
import { UnrecognisedDatasetError } from '../../core/dataset/openDataset';
import type { LabelMap } from '../../core/raster/labelMap';
import { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { errorMessage } from '../../core/util/errors';
import type { BrowsedDetail, BrowseWorkerConfig, BrowseWorkerRequests, OpenedDataset, RefreshedDataset, ThumbnailFile } from '../../protocol/browseWorkerMessages';
import type { HandlerContext, RpcHandlers } from '../../protocol/rpc';
import type { LabelPixels } from '../../protocol/viewTypes';
import { createNodeAdapters, type NodeAdapters } from '../nodeAdapters';
import { DatasetBrowser } from './datasetBrowser';
import { createDiffHandlers } from './diffHandlers';
import { createDistributionHandlers } from './distributionHandlers';
import { readMaskFile } from './maskFile';
import { buildReportSnapshot } from './reportSnapshot';
import { ScanCache } from './scanCache';
import { ThumbnailCache } from './thumbnailCache';

/** The browse worker's state: the datasets opened by resolved root, the adapters, one schema registry, the gallery's thumbnail cache and the scan cache. */
class BrowseState {
  readonly adapters: NodeAdapters = createNodeAdapters();
  readonly registry = new SchemaRegistry();
  readonly thumbnails: ThumbnailCache;
  private readonly scanCache: ScanCache;
  private readonly browsers = new Map<string, DatasetBrowser>();

  constructor(config: BrowseWorkerConfig) {
    this.thumbnails = new ThumbnailCache(config.thumbnailDir, { maxSide: config.thumbnailMaxSide ?? 192, concurrency: config.thumbnailConcurrency ?? 2 });
    this.scanCache = new ScanCache(config.scanCacheDir ?? path.join(path.dirname(path.resolve(config.thumbnailDir)), 'dataset-index'));
  }

  /** Opens a dataset folder (again, when it is open already: the files may have changed) and keeps it. */
  async open(root: string, schemaId: string | undefined, signal: AbortSignal): Promise<DatasetBrowser> {
    const { adapters, registry, scanCache } = this;
    const schema = schemaId === undefined ? undefined : registry.get(schemaId);
    const browser = await DatasetBrowser.open(root, { adapters, registry, schema, signal, scanCache }).catch((error: unknown) => Promise.reject(named(error)));
    this.browsers.set(path.resolve(browser.index.root), browser);
    return browser;
  }

  /** Scans an opened dataset again where its files changed, and keeps the new scan. */
  async refresh(root: string, signal: AbortSignal): Promise<RefreshedDataset> {
    const key = path.resolve(root);
    const next = await this.browser(root).refreshed(signal).catch((error: unknown) => Promise.reject(named(error)));
    // Closed while it was scanned: nothing to keep.
    if (!next || !this.browsers.has(key)) return { changed: false };
    this.browsers.set(key, next);
    return { changed: true, dataset: openedDataset(next), listed: next.scanCounts.listed, reused: next.scanCounts.reused };
  }

  /** Forgets a dataset; an unknown one is not an error. */
  close(root: string): void {
    this.browsers.delete(path.resolve(root));
  }

  /** The opened dataset at this root; throws an Error naming the folder when it is not open. */
  browser(root: string): DatasetBrowser {
    const browser = this.browsers.get(path.resolve(root));
    if (!browser) throw new Error(`${root}: no dataset is open at this folder in the browse worker (open it first)`);
    return browser;
  }

  /** The cache file of each item's thumbnail, or an error naming the image or the id. */
  async thumbnailFiles(root: string, ids: readonly string[], signal: AbortSignal): Promise<ThumbnailFile[]> {
    const browser = this.browser(root);
    return Promise.all(
      ids.map(async (id) => {
        try {
          return { id, file: await this.thumbnails.get(browser.item(id).imagePath, signal) };
        } catch (error) {
          return { id, error: errorMessage(error) };
        }
      }),
    );
  }

  /** The detail view's pixels of one item, the label buffers marked for transfer. */
  async detail(root: string, id: string, run: string | undefined, ctx: HandlerContext): Promise<BrowsedDetail> {
    const browser = this.browser(root);
    const item = browser.item(id);
    const detail = await browser.detail(id, run);
    const { width, height, metrics, notes } = detail;
    return { imagePath: item.imagePath, width, height, gt: transferredMap(detail.gt, ctx), pred: transferredMap(detail.pred, ctx), metrics, notes };
  }
}

/** Creates the handlers that serve the browse protocol inside the worker; they own the datasets they open. */
export function createBrowseHandlers(config: BrowseWorkerConfig): RpcHandlers<BrowseWorkerRequests> {
  const state = new BrowseState(config);
  const { adapters, registry } = state;
  return {
    openDataset: async ({ root, schemaId }, ctx) => openedDataset(await state.open(root, schemaId, ctx.signal)),
    refreshDataset: ({ root }, ctx) => state.refresh(root, ctx.signal),
    closeDataset: ({ root }) => state.close(root),
    thumbnails: ({ root, ids }, ctx) => state.thumbnailFiles(root, ids, ctx.signal),
    detail: ({ root, id, run }, ctx) => state.detail(root, id, run, ctx),
    runMetrics: ({ root, run }) => state.browser(root).runMetrics(run),
    confusionImages: ({ root, run, gt, pred }) => state.browser(root).confusionImages(run, gt, pred),
    forgetRun: ({ root, run }) => state.browser(root).forgetRun(run),
    // File paths stand in for URIs: only the host knows the webview that will load them.
    reportSnapshot: ({ runDirs, title, worst, thumbnailDir }) => buildReportSnapshot({ runDirs, title, worst, thumbnailDir, toUri: (file) => file }, { adapters, registry }),
    maskFile: async ({ file }, ctx) => {
      const snapshot = await readMaskFile(file, registry, adapters);
      return { ...snapshot, pixels: transferred(snapshot.pixels, ctx) };
    },
    ...createDiffHandlers(adapters, registry),
    ...createDistributionHandlers(adapters),
  };
}

function openedDataset(browser: DatasetBrowser): OpenedDataset {
  const { root, formatTitle, problems } = browser.index;
  return { root, formatTitle, schema: browser.schemaView(), schemaReason: browser.schemaReason, items: browser.galleryItems(), problems };
}

/**
 * A copy of the raster whose buffer is marked for transfer. Copied first: the worker's buffer may be a slice of a
 * pooled Buffer or still held by a cache, and transferring it would detach it under them.
 */
function transferred(pixels: LabelPixels, ctx: HandlerContext): LabelPixels {
  const ids = new Uint8Array(pixels.ids);
  ctx.transfer(ids.buffer);
  return { width: pixels.width, height: pixels.height, ids };
}

function transferredMap(map: LabelMap | undefined, ctx: HandlerContext): LabelPixels | undefined {
  return map && transferred({ width: map.width, height: map.height, ids: map.data }, ctx);
}

/** The error with a name the host can tell apart after it crossed the boundary (class names do not survive minification). */
function named(error: unknown): unknown {
  if (error instanceof SchemaUnknownError) error.name = 'SchemaUnknownError';
  else if (error instanceof UnrecognisedDatasetError) error.name = 'UnrecognisedDatasetError';
  return error;
}
