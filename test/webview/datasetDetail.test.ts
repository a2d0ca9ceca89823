import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { DatasetPanelEvents, DatasetPanelRequests, DatasetSnapshot } from '../../src/protocol/datasetPanelMessages';
import { chromiumPath, webviewSession, type WebviewHarness } from '../helpers/webviewHarness';
import { datasetSnapshot, DETAIL_SIZE, galleryItems, hostLog, type HostLog, labelIds, pngDataUri, RUN_A, SCHEMA, serveDataset, until, waitForText } from './datasetFixtures';

type Harness = WebviewHarness<DatasetPanelRequests, DatasetPanelEvents>;

const chromium = chromiumPath();

/** The RGBA of one pixel of a layer canvas, read back with getImageData. */
async function layerPixel(page: Page, layer: string, x: number, y: number): Promise<number[]> {
  return page.locator(`canvas[data-layer="${layer}"]`).evaluate((canvas, [px, py]): number[] => [...canvas.getContext('2d').getImageData(px, py, 1, 1).data], [x, y] as const);
}

/** Moves the mouse to the middle of label pixel (x, y) of the first stage; returns where it went. */
async function hoverPixel(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('.stage-content').first().boundingBox();
  assert.ok(box);
  const point = { x: box.x + ((x + 0.5) * box.width) / DETAIL_SIZE.width, y: box.y + ((y + 0.5) * box.height) / DETAIL_SIZE.height };
  await page.mouse.move(point.x, point.y);
  return point;
}

function className(id: number): string {
  return id === 255 ? 'ignore' : (SCHEMA.classes.find((c) => c.id === id)?.name ?? `class ${id}`);
}

describe('dataset webview: detail view', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  const session = webviewSession<DatasetPanelRequests, DatasetPanelEvents>('dataset');
  let harness: Harness | undefined;
  let imageUri = '';
  const items = galleryItems(40);
  before(async () => {
    imageUri = await pngDataUri(DETAIL_SIZE.width, DETAIL_SIZE.height, { r: 128, g: 128, b: 128 });
  });
  async function open(snapshot: DatasetSnapshot, log: HostLog): Promise<Harness> {
    harness = await session.open(serveDataset({ snapshot, thumbnailUri: imageUri, imageUri }, log));
    await harness.page.waitForSelector('.gallery-cell');
    return harness;
  }
  async function openDetailOf(page: Page, index: number): Promise<void> {
    await page.click(`.gallery-cell[data-index="${index}"]`);
    await page.waitForSelector('.metric-summary, .metric-none');
  }

  it('opens on click with the run\'s prediction; the hover readout names ground truth and prediction at the pixel', async () => {
    const log = hostLog();
    const { page, errors } = await open(datasetSnapshot(items, { run: RUN_A }), log);
    await openDetailOf(page, 2);
    assert.deepEqual(log.detail, [{ id: items[2]!.id, run: RUN_A }]);
    assert.equal(await page.locator('.detail-title').textContent(), items[2]!.file);
    const gt = labelIds('gt');
    const pred = labelIds('pred');
    for (const [x, y, verdict] of [[5, 3, 'wrong'], [1, 2, 'correct'], [6, 4, 'correct']] as const) {
      await hoverPixel(page, x, y);
      const i = y * DETAIL_SIZE.width + x;
      const expected = `${x}, ${y} · ground truth: ${className(gt[i]!)} · prediction: ${className(pred[i]!)} · ${verdict}`;
      await waitForText(page, '#hover-readout', expected);
    }
    assert.equal(await page.locator('.stage-layer').evaluate((c): string => c.ownerDocument.defaultView.getComputedStyle(c).imageRendering), 'pixelated');
    assert.deepEqual(errors, []);
  });

  it('draws the error map: wrong pixels red, correct ones faint green, ignored ones grey', async () => {
    const { page, errors } = await open(datasetSnapshot(items, { run: RUN_A }), hostLog());
    await openDetailOf(page, 0);
    await page.keyboard.press('e');
    await page.waitForSelector('canvas[data-layer="errors"]');
    assert.deepEqual(await layerPixel(page, 'errors', 5, 3), [255, 0, 0, 255]);
    const [r, g, b, a] = await layerPixel(page, 'errors', 1, 2);
    assert.ok(r === 0 && b === 0 && g > 150 && a > 0 && a < 128, `correct pixel ${[r, g, b, a]}`);
    assert.deepEqual(await layerPixel(page, 'errors', 0, 0), [128, 128, 128, 255]);
    assert.deepEqual(errors, []);
  });

  it('hides a class when its legend box is unchecked, and shows it again', async () => {
    const { page, errors } = await open(datasetSnapshot(items, { run: RUN_A }), hostLog());
    await openDetailOf(page, 0);
    await page.keyboard.press('g');
    assert.deepEqual(await layerPixel(page, 'gt', 1, 2), [204, 0, 0, 255], 'skin in its colour');
    await page.click('vscode-checkbox[data-class-id="1"]');
    assert.deepEqual(await layerPixel(page, 'gt', 1, 2), [0, 0, 0, 0], 'hidden skin is transparent');
    assert.deepEqual(await layerPixel(page, 'gt', 6, 2), [0, 0, 255, 255], 'hair still drawn');
    await page.click('vscode-checkbox[data-class-id="1"]');
    assert.deepEqual(await layerPixel(page, 'gt', 1, 2), [204, 0, 0, 255]);
    assert.deepEqual(errors, []);
  });

  it('steps through the gallery order with Right/Left and j/k, and Escape returns to the grid on the last image', async () => {
    const log = hostLog();
    const { page, errors } = await open(datasetSnapshot(items), log);
    await openDetailOf(page, 5);
    await page.keyboard.press('ArrowRight');
    await waitForText(page, '.detail-title', items[6]!.file);
    await page.keyboard.press('j');
    await waitForText(page, '.detail-title', items[7]!.file);
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowLeft');
    await waitForText(page, '.detail-title', items[5]!.file);
    assert.equal(await page.locator('.detail-position').textContent(), `6 / ${items.length}`);
    await until(() => log.detail.length === 5, 'five detail requests');
    assert.deepEqual(log.detail.map((d) => d.id), [5, 6, 7, 6, 5].map((i) => items[i]!.id));
    await page.keyboard.press('Escape');
    await page.waitForSelector('.detail-view', { state: 'hidden' });
    assert.equal(await page.locator('.gallery-cell.selected').getAttribute('data-id'), items[5]!.id);
    assert.deepEqual(errors, []);
  });

  it('opens from the keyboard: the first arrow selects the first image, arrows move the selection, Enter opens', async () => {
    const log = hostLog();
    const { page, errors } = await open(datasetSnapshot(items), log);
    await page.focus('#gallery');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.gallery-cell.selected').getAttribute('data-id'), items[0]!.id);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const columns = await page.$$eval('.gallery-cell', (cells): number => new Set(cells.map((c) => c.getBoundingClientRect().left)).size);
    const expected = items[2 + columns]!;
    assert.equal(await page.locator('.gallery-cell.selected').getAttribute('data-id'), expected.id);
    assert.equal(await page.locator('#gallery').getAttribute('aria-activedescendant'), `gallery-cell-${2 + columns}`);
    await page.keyboard.press('Enter');
    await waitForText(page, '.detail-title', expected.file);
    assert.deepEqual(errors, []);
  });

  it('zooms in whole steps with + and -, and fits with 0', async () => {
    const { page, errors } = await open(datasetSnapshot(items, { run: RUN_A }), hostLog());
    await openDetailOf(page, 0);
    const scale = (): Promise<string> => page.locator('.stage-content').first().evaluate((c): string => c.style.transform);
    await page.keyboard.press('0');
    const fitted = await scale();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    assert.match(await scale(), /^translate\(-?\d+px, -?\d+px\) scale\((\d+)\)$/);
    assert.match(await page.locator('.zoom-level').textContent() ?? '', /^\d+×$/);
    await page.keyboard.press('0');
    assert.equal(await scale(), fitted);
    assert.deepEqual(errors, []);
  });

  it('zooms with the wheel around the pixel under the pointer, and pans by dragging in whole pixels', async () => {
    const { page, errors } = await open(datasetSnapshot(items, { run: RUN_A }), hostLog());
    await openDetailOf(page, 0);
    const transform = (): Promise<string> => page.locator('.stage-content').first().evaluate((c): string => c.style.transform);
    const parse = (t: string): number[] => (t.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    for (const key of ['0', '-', '-', '-']) await page.keyboard.press(key);
    const [, , zoomBefore] = parse(await transform());
    const pointer = await hoverPixel(page, 5, 3);
    await page.mouse.wheel(0, -100);
    const [x, y, zoomAfter] = parse(await transform());
    assert.ok(zoomAfter! > zoomBefore! && Number.isInteger(zoomAfter), `zoom ${zoomBefore} → ${zoomAfter}`);
    await page.mouse.move(pointer.x + 1, pointer.y);
    await waitForText(page, '#hover-readout', '5, 3 · ground truth: hair · prediction: skin · wrong');
    const stage = await page.locator('.stage').first().boundingBox();
    assert.ok(stage);
    await page.mouse.move(stage.x + 100, stage.y + 100);
    await page.mouse.down();
    await page.mouse.move(stage.x + 130, stage.y + 120, { steps: 3 });
    await page.mouse.up();
    assert.deepEqual(parse(await transform()), [x! + 30, y! + 20, zoomAfter]);
    assert.deepEqual(errors, []);
  });

  it('shows ground truth, prediction and errors side by side with s, sharing zoom and pan', async () => {
    const { page, errors } = await open(datasetSnapshot(items, { run: RUN_A }), hostLog());
    await openDetailOf(page, 0);
    await page.keyboard.press('s');
    assert.equal(await page.locator('.stage').count(), 3);
    assert.deepEqual(await page.$$eval('.stage-layer', (cs) => cs.map((c): string => c.dataset.layer)), ['gt', 'pred', 'errors']);
    const transforms = await page.$$eval('.stage-content', (cs) => cs.map((c): string => c.style.transform));
    assert.equal(new Set(transforms).size, 1, 'the stages share zoom and pan');
    await page.keyboard.press('s');
    assert.equal(await page.locator('.stage').count(), 1);
    assert.deepEqual(errors, []);
  });
});
