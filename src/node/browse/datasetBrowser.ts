import * as path from 'node:path';
import { confusionImages, imageMetrics, imageMetricsById, type ConfusionImage } from '../../core/browse/runImageIndex';
import { noteOnFailure } from '../../core/browse/noteOnFailure';
import type { DatasetIndex, DatasetItem, LabelSource } from '../../core/dataset/datasetIndex';
import { loadLabel } from '../../core/dataset/labelLoader';
import type { DatasetOverrides } from '../../core/dataset/openDataset';
import type { ImageResult } from '../../core/eval/runJournal';
import type { ImageScores } from '../../core/metrics/imageScores';
import type { LabelMap } from '../../core/raster/labelMap';
import { resizeLabelsNearest } from '../../core/raster/resizeLabels';
import type { Size } from '../../core/raster/rgbImage';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import type { GalleryItem } from '../../protocol/datasetPanelMessages';
import type { ImageMetrics, SchemaView } from '../../protocol/viewTypes';
import type { NodeAdapters } from '../nodeAdapters';
import { openBrowsedRun, type BrowsedRun } from './browsedRun';
import { scanDataset, type DatasetScan, type ScanDeps, type ScannedDataset } from './datasetScan';
import type { ScanCounts } from '../dataset/recordingFileAccess';
import { loadPrediction, predictionFile } from './runLabels';
import type { ScanCache } from './scanCache';
import { schemaView } from './schemaView';

/** What opening a dataset for browsing needs. */
export interface DatasetBrowserDeps {
  readonly adapters: NodeAdapters;
  readonly registry: SchemaRegistry;
  /** Stops the folder scan; not used after open. */
  readonly signal?: AbortSignal;
  /** The user's choice of schema; recognised from the layout or the masks when absent. */
  readonly schema?: LabelSchema;
  /** Layout overrides (format, images and masks folders), as the CLI's --format/--images/--masks. */
  readonly overrides?: DatasetOverrides;
  /** Scans kept between openings; without one every opening lists the folders again. */
  readonly scanCache?: ScanCache;
}

/** The pixels of one item: ground truth and a run's prediction in the dataset's schema, both at width × height. */
export interface BrowseDetail {
  /** The run's scoring size for the item when the run scored it, else the label's size, else the image's. */
  readonly width: number;
  readonly height: number;
  readonly gt?: LabelMap;
  readonly pred?: LabelMap;
  readonly metrics?: ImageMetrics;
  /** Why a part is missing, each naming the file. */
  readonly notes: readonly string[];
}

/** A dataset folder opened for the gallery and detail view, with the runs looked at so far kept open. */
export class DatasetBrowser {
  private readonly items: ReadonlyMap<string, DatasetItem>;
  private readonly runs = new Map<string, Promise<BrowsedRun>>();

  readonly index: DatasetIndex;
  readonly schema: LabelSchema;
  readonly schemaReason: string;
  /** What the scan behind this browser cost (all zero listed when it came whole from the cache). */
  readonly scanCounts: ScanCounts;

  private constructor(
    private scanned: ScannedDataset,
    counts: ScanCounts,
    private readonly deps: DatasetBrowserDeps,
  ) {
    this.index = scanned.index;
    this.schema = scanned.choice.schema;
    this.schemaReason = scanned.choice.reason;
    this.scanCounts = counts;
    this.items = new Map(this.index.items.map((item) => [item.id, item]));
  }

  /**
   * Detects the folder's layout, indexes it and chooses its schema, or takes the cached scan when a few stats show
   * nothing it looked at changed; throws when the folder matches no layout or no schema can be told.
   */
  static async open(root: string, deps: DatasetBrowserDeps): Promise<DatasetBrowser> {
    const entry = deps.scanCache?.entry(root, deps.overrides, deps.schema?.id);
    const cached = entry && (await deps.scanCache!.load(entry, deps.registry));
    const scan = await scanDataset(root, scanDeps(deps), cached);
    // Not awaited: the gallery need not wait for the cache file (ScanCache orders its own loads after its saves).
    if (entry && !scan.unchanged) void deps.scanCache!.save(entry, scan);
    return new DatasetBrowser(scan, scan.counts, deps);
  }

  /**
   * The folder scanned again, listing only the folders that changed since this browser's scan; undefined when the
   * dataset is still the same (files changed that no item or problem depends on, e.g. a run written into the folder).
   * Runs are not carried over: the new browser reads them again when asked.
   */
  async refreshed(signal?: AbortSignal): Promise<DatasetBrowser | undefined> {
    const deps = { ...this.deps, signal };
    const scan: DatasetScan = await scanDataset(this.index.root, scanDeps(deps), this.scanned);
    if (scan.unchanged) return undefined;
    const entry = deps.scanCache?.entry(this.index.root, deps.overrides, deps.schema?.id);
    if (entry) void deps.scanCache!.save(entry, scan);
    if (sameDataset(this.scanned, scan)) {
      this.scanned = scan;
      return undefined;
    }
    return new DatasetBrowser(scan, scan.counts, deps);
  }

  /** The items as the gallery lists them, image files relative to the root with "/" separators. */
  galleryItems(): GalleryItem[] {
    const root = path.resolve(this.index.root);
    const prefix = root.endsWith(path.sep) ? root : root + path.sep;
    // Most images lie under the root as the readers joined them: cutting the prefix spares 100,000 path.relative calls.
    const relative = (file: string): string => {
      const rest = file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
      return rest !== undefined && !UNNORMAL.test(rest) ? rest : path.relative(root, path.resolve(file));
    };
    const slashed = path.sep === '/' ? (file: string) => file : (file: string) => file.split(path.sep).join('/');
    return this.index.items.map((item) => ({ id: item.id, file: slashed(relative(item.imagePath)), hasLabel: item.label !== undefined }));
  }

  /** The dataset's schema as the webviews show it. */
  schemaView(): SchemaView {
    return schemaView(this.schema);
  }

  /** The dataset item with this id; throws an Error naming the dataset when there is none. */
  item(id: string): DatasetItem {
    const item = this.items.get(id);
    if (!item) throw new Error(`${this.index.root}: no item "${id}" in this dataset`);
    return item;
  }

  /**
   * Ground truth, and with `runDir` the run's prediction and scores, for one item. Whatever cannot be read becomes a
   * note naming the file; only an unknown id throws.
   */
  async detail(id: string, runDir?: string): Promise<BrowseDetail> {
    const item = this.item(id);
    const notes: string[] = [];
    const run = runDir === undefined ? undefined : await noteOnFailure(notes, runDir, () => this.run(runDir));
    const result = run?.resultsById.get(id);
    if (run && !result) notes.push(`${run.input.dir}: the run did not score ${item.imagePath}`);
    const label = item.label ? await noteOnFailure(notes, labelFile(item.label), () => this.loadGroundTruth(item.label!)) : undefined;
    const size: Size | undefined = result ? { width: result.size[0], height: result.size[1] } : (label ?? (await this.imageSize(item, notes)));
    if (!size) return { width: 0, height: 0, notes };
    const gt = label && (label.width !== size.width || label.height !== size.height) ? resizeLabelsNearest(label, size.width, size.height) : label;
    const pred = run && result ? await this.prediction(run, result, size, notes) : undefined;
    return { width: size.width, height: size.height, gt, pred, metrics: result ? imageMetrics(result) : undefined, notes };
  }

  /** The run folder read and prepared once, then kept; a failed read is not kept, so a later call tries again. */
  run(runDir: string): Promise<BrowsedRun> {
    const key = path.resolve(runDir);
    let opened = this.runs.get(key);
    if (!opened) {
      const opening = openBrowsedRun(runDir, { root: this.index.root, schema: this.schema, items: this.items }, this.deps);
      this.runs.set(key, opening);
      opening.catch(() => {
        if (this.runs.get(key) === opening) this.runs.delete(key);
      });
      opened = opening;
    }
    return opened;
  }

  /** Drops a kept run (all of them without `runDir`), e.g. after it changed on disk. */
  forgetRun(runDir?: string): void {
    if (runDir === undefined) this.runs.clear();
    else this.runs.delete(path.resolve(runDir));
  }

  /** Per-image scores of a run by item id. */
  async runMetrics(runDir: string): Promise<Record<string, ImageScores>> {
    return imageMetricsById((await this.run(runDir)).resultsById.values());
  }

  /** Items where the run predicted `pred` for ground-truth `gt`, most pixels first. */
  async confusionImages(runDir: string, gt: number, pred: number): Promise<ConfusionImage[]> {
    return confusionImages((await this.run(runDir)).resultsById.values(), gt, pred);
  }

  private async loadGroundTruth(source: LabelSource): Promise<LabelMap> {
    const { files, decoder } = this.deps.adapters;
    return (await loadLabel(source, this.schema, files, decoder)).map;
  }

  private async imageSize(item: DatasetItem, notes: string[]): Promise<Size | undefined> {
    const { files, decoder } = this.deps.adapters;
    return noteOnFailure(notes, item.imagePath, async () => decoder.probe(await files.readBytes(item.imagePath), item.imagePath));
  }

  private async prediction(run: BrowsedRun, result: ImageResult, size: Size, notes: string[]): Promise<LabelMap | undefined> {
    // Without a crosswalk the prediction cannot be shown; the run's notes say why.
    if (!run.sources.crosswalk) notes.push(...run.notes);
    return noteOnFailure(notes, predictionFile(result, run.sources), () => loadPrediction(result, run.sources, size, this.deps.adapters));
  }
}

/** A path part that path.relative would rewrite: ".", "..", an empty one, or a trailing separator. */
const UNNORMAL = /(^|[\\/])\.{1,2}([\\/]|$)|[\\/]{2}|^[\\/]|[\\/]$/;

function sameDataset(a: ScannedDataset, b: ScannedDataset): boolean {
  if (a.index.items.length !== b.index.items.length || a.choice.schema.id !== b.choice.schema.id || a.choice.reason !== b.choice.reason) return false;
  return JSON.stringify(a.index) === JSON.stringify(b.index);
}

function scanDeps(deps: DatasetBrowserDeps): ScanDeps {
  const { adapters, registry, schema, overrides, signal } = deps;
  return { files: adapters.files, decoder: adapters.decoder, registry, schema, overrides, signal };
}

/** The file a label's read errors are attributed to when they name none. */
function labelFile(source: LabelSource): string {
  if (source.kind === 'mask') return source.path;
  return source.kind === 'parts' ? (source.parts[0]?.path ?? '') : (source.paths[0] ?? '');
}
