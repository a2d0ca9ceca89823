// A fake extension host for the dataset panel webview: snapshot, thumbnails, run scores, confusion images and details.
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import type { DatasetPanelEvents, DatasetPanelRequests, DatasetSnapshot, GalleryItem, ItemDetail } from '../../src/protocol/datasetPanelMessages';
import type { RpcEndpoint } from '../../src/protocol/rpc';
import type { ImageMetrics, SchemaView } from '../../src/protocol/viewTypes';

/** The dataset panel's host end as the harness gives it. */
export type DatasetHost = RpcEndpoint<DatasetPanelRequests, DatasetPanelEvents>;

/** A file name that would run script if it were ever parsed as HTML. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>.png';

/** Background, skin, hair and eye, each in its colour. */
export const SCHEMA: SchemaView = {
  id: 'test-schema',
  title: 'Test schema',
  classes: [
    { id: 0, name: 'background', color: [0, 0, 0] },
    { id: 1, name: 'skin', color: [204, 0, 0] },
    { id: 2, name: 'hair', color: [0, 0, 255] },
    { id: 3, name: 'eye', color: [0, 255, 0] },
  ],
};

/** The first run's folder. */
export const RUN_A = '/runs/model-a';
/** The second run's folder. */
export const RUN_B = '/runs/model-b';

/** Items named img/00000.png …, the id without the extension. */
export function galleryItems(count: number): GalleryItem[] {
  return Array.from({ length: count }, (_, i) => {
    const name = String(i).padStart(5, '0');
    return { id: `img/${name}`, file: `img/${name}.png`, hasLabel: true };
  });
}

/** A snapshot of `items` with two runs; `patch` overrides any field. */
export function datasetSnapshot(items: readonly GalleryItem[], patch: Partial<DatasetSnapshot> = {}): DatasetSnapshot {
  return {
    root: '/data/faces',
    title: 'faces',
    formatTitle: 'FaceSynthetics',
    schema: SCHEMA,
    schemaReason: 'found *_seg.png files',
    items,
    problems: [{ file: 'img/broken.png', problem: 'not a PNG' }],
    runs: [
      { dir: RUN_A, label: 'model-a, today', meanF1: 0.8, status: 'complete' },
      { dir: RUN_B, label: 'model-b, yesterday', meanF1: 0.6, status: 'complete' },
    ],
    overlayOpacity: 0.5,
    trusted: true,
    ...patch,
  };
}

/** Per-image mean F1 that is a scrambled function of the index, so name order and score order differ. */
export function meanF1Of(index: number): number {
  return ((index * 7919) % 1000) / 1000;
}

/** The scores of every item in a run. */
export function runMetrics(items: readonly GalleryItem[]): Record<string, ImageMetrics> {
  return Object.fromEntries(
    items.map((item, i) => [item.id, { meanF1: meanF1Of(i), mIoU: meanF1Of(i) / 2, pixelAccuracy: 0.9, classF1: { skin: 1 - meanF1Of(i), hair: 0.5 } }]),
  );
}

/** The size of every item's detail rasters. */
export const DETAIL_SIZE = { width: 8, height: 6 };

/** 8 × 6 rasters: left half skin, right half hair, the top row ignored; the prediction calls (5, 3) skin instead of hair and (0, 0) eye. */
export function labelIds(kind: 'gt' | 'pred'): Uint8Array {
  const { width, height } = DETAIL_SIZE;
  const ids = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) ids[y * width + x] = y === 0 ? 255 : x < 4 ? 1 : 2;
  if (kind === 'pred') {
    ids[3 * width + 5] = 1;
    ids[0] = 3;
  }
  return ids;
}

/** A solid PNG as a data: URI. */
export async function pngDataUri(width: number, height: number, rgb: { r: number; g: number; b: number }): Promise<string> {
  const png = await sharp({ create: { width, height, channels: 3, background: rgb } }).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Every request the webview made, in order. */
export interface HostLog {
  readonly thumbnails: string[][];
  /** Thumbnail batches the webview aborted while the host was still working on them. */
  readonly thumbnailAborts: string[][];
  readonly runMetrics: string[];
  readonly confusion: Array<{ run: string; gt: number; pred: number }>;
  readonly detail: Array<{ id: string; run?: string }>;
  readonly evaluate: number[];
  readonly openReport: string[];
}

/** A fresh, empty log. */
export function hostLog(): HostLog {
  return { thumbnails: [], thumbnailAborts: [], runMetrics: [], confusion: [], detail: [], evaluate: [], openReport: [] };
}

/** What the fake host answers with. */
export interface FakeHostData {
  readonly snapshot: DatasetSnapshot;
  readonly thumbnailUri: string;
  readonly imageUri: string;
  /** The confusion filter's answer. */
  readonly confusion?: ReadonlyArray<{ id: string; pixels: number }>;
  /** How long each thumbnail batch takes (a slow host, to see batches aborted). */
  readonly thumbnailDelayMs?: number;
  /** Thumbnails that fail, with the error the host gives. */
  readonly thumbnailErrors?: Readonly<Record<string, string>>;
}

/** Installs the fake host's handlers; every request is logged. */
export function serveDataset(data: FakeHostData, log: HostLog): (host: DatasetHost) => void {
  const items = data.snapshot.items;
  return (host) =>
    host.serve({
      ready: () => data.snapshot,
      thumbnails: async ({ ids }, { signal }) => {
        log.thumbnails.push([...ids]);
        if (data.thumbnailDelayMs) await new Promise((r) => setTimeout(r, data.thumbnailDelayMs));
        if (signal.aborted) log.thumbnailAborts.push([...ids]);
        return ids.map((id) => (data.thumbnailErrors?.[id] ? { id, error: data.thumbnailErrors[id] } : { id, uri: data.thumbnailUri }));
      },
      runMetrics: ({ run }) => (log.runMetrics.push(run), runMetrics(items)),
      confusionImages: ({ run, gt, pred }) => (log.confusion.push({ run, gt, pred }), data.confusion ?? []),
      detail: ({ id, run }) => (log.detail.push({ id, ...(run === undefined ? {} : { run }) }), itemDetail(id, data.imageUri, run)),
      evaluate: () => void log.evaluate.push(1),
      openReport: ({ run }) => void log.openReport.push(run),
    });
}

function itemDetail(id: string, imageUri: string, run: string | undefined): ItemDetail {
  const { width, height } = DETAIL_SIZE;
  return {
    id,
    imageUri,
    width,
    height,
    gt: { width, height, ids: labelIds('gt') },
    ...(run === undefined ? {} : { pred: { width, height, ids: labelIds('pred') } }),
    ...(run === undefined ? {} : { metrics: { meanF1: 0.75, mIoU: 0.6, pixelAccuracy: 0.97, classF1: { skin: 0.9, hair: 0.6 } } }),
    notes: run === undefined ? ['no run chosen'] : [],
  };
}

/** Polls a condition in Node (the host side) until it holds or the time is up. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The captions of the gallery cells in the DOM, in grid order. */
export async function captions(page: Page): Promise<string[]> {
  return page.$$eval('.gallery-cell', (cells) =>
    cells
      .map((c) => ({ index: Number(c.dataset.index), text: String(c.querySelector('.cell-caption')?.textContent ?? '') }))
      .sort((a, b) => a.index - b.index)
      .map((c) => c.text),
  );
}

/** Chooses a value in a vscode-single-select the way its change event reports it. */
export async function choose(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).evaluate((select, v) => {
    select.value = v;
    select.dispatchEvent(new Event('change'));
  }, value);
}

/**
 * Polls a page expression until it is true. A string, because this project's Node type library has no DOM; and polled
 * here, because waitForFunction evaluates strings with eval inside the page, which the panel's CSP forbids.
 */
export async function waitInPage(page: Page, expression: string, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await page.evaluate(expression))) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until the first element matching `selector` has exactly this text. */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await waitInPage(page, `document.querySelector(${JSON.stringify(selector)})?.textContent === ${JSON.stringify(text)}`);
}

/** Waits until this many elements match `selector` (or more, with `atLeast`). */
export async function waitForCount(page: Page, selector: string, count: number, atLeast = false): Promise<void> {
  const n = `document.querySelectorAll(${JSON.stringify(selector)}).length`;
  await waitInPage(page, atLeast ? `${n} >= ${count}` : `${n} === ${count}`);
}

/** A property of the first element matching `selector` (a custom element's value, checked, disabled …). */
export async function propertyOf(page: Page, selector: string, property: string): Promise<unknown> {
  return page.locator(selector).first().evaluate((node, name) => node[name], property);
}
