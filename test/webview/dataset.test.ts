import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';

import type { DatasetPanelEvents, DatasetPanelRequests, DatasetSnapshot } from '../../src/protocol/datasetPanelMessages';
import { chromiumPath, webviewSession, type WebviewHarness } from '../helpers/webviewHarness';
import {
  HOSTILE_NAME,
  captions,
  choose,
  datasetSnapshot,
  galleryItems,
  type FakeHostData,
  hostLog,
  type HostLog,
  meanF1Of,
  pngDataUri,
  propertyOf,
  RUN_A,
  serveDataset,
  until,
  waitForCount,
  waitForText,
} from './datasetFixtures';

type Harness = WebviewHarness<DatasetPanelRequests, DatasetPanelEvents>;

const chromium = chromiumPath();

describe('dataset webview: gallery', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  const session = webviewSession<DatasetPanelRequests, DatasetPanelEvents>('dataset');
  let harness: Harness | undefined;
  let thumbnailUri = '';
  before(async () => {
    thumbnailUri = await pngDataUri(4, 4, { r: 10, g: 200, b: 30 });
  });
  async function open(snapshot: DatasetSnapshot, log: HostLog, confusion?: Array<{ id: string; pixels: number }>, host: Partial<FakeHostData> = {}): Promise<Harness> {
    const data: FakeHostData = { snapshot, thumbnailUri, imageUri: thumbnailUri, confusion, ...host };
    harness = await session.open(serveDataset(data, log));
    await harness.page.waitForSelector('.gallery-cell');
    return harness;
  }

  it('keeps 30,000 items virtualised: few cells in the DOM, the end reachable, thumbnails fetched only for cells on screen', async () => {
    const items = galleryItems(30000);
    const log = hostLog();
    const { page, errors } = await open(datasetSnapshot(items), log);
    const cellsAtTop = await page.locator('.gallery-cell').count();
    assert.ok(cellsAtTop > 0 && cellsAtTop < 200, `${cellsAtTop} cells in the DOM`);
    await until(() => log.thumbnails.length > 0, 'a thumbnails request');
    await page.locator('#gallery').evaluate((grid) => {
      grid.scrollTop = grid.scrollHeight;
    });
    const last = items[items.length - 1]!;
    await page.waitForSelector(`.gallery-cell[data-id="${last.id}"] img.thumb[src^="data:"]`);
    assert.ok((await captions(page)).includes('29999.png'), 'the last item has its caption');
    assert.ok((await page.locator('.gallery-cell').count()) < 1000);
    const onScreen = new Set(await page.$$eval('.gallery-cell', (cells) => cells.map((c): string => c.dataset.id ?? '')));
    const lastRequest = log.thumbnails[log.thumbnails.length - 1]!;
    assert.ok(lastRequest.includes(last.id));
    assert.ok(lastRequest.every((id) => onScreen.has(id)), 'the last batch asks only for cells in the DOM');
    const requested = new Set(log.thumbnails.flat());
    assert.ok(requested.size < 600, `${requested.size} thumbnails requested`);
    assert.ok(!requested.has('img/15000'), 'nothing from the middle was asked for');
    assert.deepEqual(errors, []);
  });

  it('aborts a thumbnail batch in flight when scrolling moves on (latest wins), and shows a failed thumbnail\'s error', async () => {
    const items = galleryItems(3000);
    const log = hostLog();
    const failing = items[2990]!.id;
    const { page, errors } = await open(datasetSnapshot(items), log, undefined, { thumbnailDelayMs: 400, thumbnailErrors: { [failing]: 'img/02990.png: not a PNG' } });
    await until(() => log.thumbnails.length === 1, 'the first batch');
    await page.locator('#gallery').evaluate((grid) => void (grid.scrollTop = grid.scrollHeight));
    await until(() => log.thumbnailAborts.length === 1, 'the first batch to be aborted');
    assert.ok(log.thumbnailAborts[0]!.includes(items[0]!.id), 'the aborted batch was the top of the grid');
    await page.waitForSelector(`.gallery-cell[data-id="${failing}"] .thumb-missing`);
    assert.equal(await page.locator(`.gallery-cell[data-id="${failing}"] .thumb-missing`).getAttribute('title'), 'img/02990.png: not a PNG');
    await page.waitForSelector(`.gallery-cell[data-id="${items[2999]!.id}"] img.thumb[src^="data:"]`);
    assert.equal(await page.locator(`.gallery-cell[data-id="${items[0]!.id}"]`).count(), 0);
    assert.deepEqual(errors, []);
  });

  it('renders the VS Code elements under the panel CSP (constructed style sheets, no inline styles)', async () => {
    const { page, errors } = await open(datasetSnapshot(galleryItems(20)), hostLog());
    for (const tag of ['vscode-button', 'vscode-single-select', 'vscode-textfield']) {
      const r = (await page.locator(tag).first().evaluate((node) => ({
        defined: node.ownerDocument.defaultView.customElements.get(node.localName) !== undefined,
        sheets: node.shadowRoot?.adoptedStyleSheets.length ?? 0,
        width: node.getBoundingClientRect().width,
      }))) as { defined: boolean; sheets: number; width: number };
      assert.ok(r.defined && r.sheets > 0 && r.width > 20, `${tag} did not render: ${JSON.stringify(r)}`);
    }
    assert.deepEqual(errors, []);
  });

  it('filters by name, case-insensitive substring', async () => {
    const { page, errors } = await open(datasetSnapshot(galleryItems(300)), hostLog());
    await page.fill('#name-filter input', 'IMG/0004');
    await waitForCount(page, '.gallery-cell', 10);
    const shown = await captions(page);
    assert.deepEqual(shown, Array.from({ length: 10 }, (_, i) => `0004${i}.png`));
    assert.equal(await page.locator('.gallery-count').textContent(), '10 of 300 images');
    assert.deepEqual(errors, []);
  });

  it('sorts by the chosen run\'s mean F1, worst first, with the score as a badge; reverses on request', async () => {
    const items = galleryItems(200);
    const log = hostLog();
    const { page, errors } = await open(datasetSnapshot(items), log);
    await choose(page, '#run-select', RUN_A);
    await until(() => log.runMetrics.length === 1, 'runMetrics');
    await choose(page, '#sort-select', 'meanF1');
    const byScore = items.map((item, i) => ({ item, f1: meanF1Of(i) })).sort((a, b) => a.f1 - b.f1 || a.item.file.localeCompare(b.item.file));
    const worst = byScore[0]!;
    await page.waitForSelector(`.gallery-cell[data-index="0"][data-id="${worst.item.id}"]`);
    assert.equal(await page.locator('.gallery-cell[data-index="0"] .cell-badge').textContent(), worst.f1.toFixed(3));
    await page.click('#sort-direction');
    const best = byScore[byScore.length - 1]!;
    await page.waitForSelector(`.gallery-cell[data-index="0"][data-id="${best.item.id}"]`);
    assert.ok(await page.locator('#open-report-button').isVisible(), 'Open report shows once a run is chosen');
    assert.deepEqual(errors, []);
  });

  it('shows a confusion filter from the snapshot as a removable chip with only the host\'s images, most confused first', async () => {
    const items = galleryItems(100);
    const log = hostLog();
    const confusion = [{ id: items[42]!.id, pixels: 900 }, { id: items[7]!.id, pixels: 300 }, { id: items[63]!.id, pixels: 12 }];
    const filter = { run: RUN_A, gt: 1, pred: 2, gtName: 'skin', predName: 'hair' };
    const { page, errors } = await open(datasetSnapshot(items, { filter }), log, confusion);
    await waitForText(page, '.confusion-caption', 'ground truth skin predicted as hair: 3 images');
    assert.deepEqual(log.confusion, [{ run: RUN_A, gt: 1, pred: 2 }]);
    assert.deepEqual(await captions(page), ['00042.png', '00007.png', '00063.png']);
    await page.click('.chip-remove');
    await waitForCount(page, '.gallery-cell', 4, true);
    assert.equal(await page.locator('.confusion-chip').count(), 0);
    assert.equal((await captions(page))[0], '00000.png');
    assert.deepEqual(errors, []);
  });

  it('applies a confusion filter the host asks for after loading (didRequestView)', async () => {
    const items = galleryItems(100);
    const log = hostLog();
    const { page, host, errors } = await open(datasetSnapshot(items), log, [{ id: items[9]!.id, pixels: 5 }]);
    host.emit({ type: 'didRequestView', filter: { run: RUN_A, gt: 2, pred: 3, gtName: 'hair', predName: 'eye' } });
    await waitForText(page, '.confusion-caption', 'ground truth hair predicted as eye: 1 image');
    assert.deepEqual(await captions(page), ['00009.png']);
    assert.deepEqual(log.runMetrics, [RUN_A], 'the filter\'s run becomes the chosen run');
    assert.deepEqual(errors, []);
  });

  it('shows a file name that looks like markup as text and runs nothing', async () => {
    const items = [...galleryItems(5), { id: 'evil', file: `evil/${HOSTILE_NAME}`, hasLabel: true }];
    const problems = [{ file: HOSTILE_NAME, problem: '<b>bold</b> claim' }];
    let dialogs = 0;
    const log = hostLog();
    const h = await session.open((host) => {
      serveDataset({ snapshot: datasetSnapshot(items, { problems, title: HOSTILE_NAME }), thumbnailUri, imageUri: thumbnailUri }, log)(host);
    });
    harness = h;
    h.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await h.page.waitForSelector('.gallery-cell');
    assert.ok((await captions(h.page)).includes(HOSTILE_NAME));
    assert.equal(await h.page.locator('.dataset-title').textContent(), HOSTILE_NAME);
    assert.equal(await h.page.locator('.problem-file').textContent(), HOSTILE_NAME);
    assert.equal(await h.page.locator('img[src="x"]').count(), 0);
    assert.equal(await h.page.locator('b').count(), 0);
    await h.page.click('.gallery-cell[data-id="evil"]');
    await waitForText(h.page, '.detail-title', `evil/${HOSTILE_NAME}`);
    await h.page.waitForTimeout(200);
    assert.equal(await h.page.locator('img[src="x"]').count(), 0);
    assert.equal(dialogs, 0);
    assert.deepEqual(h.errors, []);
  });

  it('header: layout, schema and reason, counts, problems; Evaluate and Open report call the host; untrusted disables Evaluate and says why', async () => {
    const log = hostLog();
    const { page, errors } = await open(datasetSnapshot(galleryItems(12), { run: RUN_A }), log);
    const header = await page.locator('.dataset-header').innerText();
    for (const text of ['faces', 'FaceSynthetics', 'Test schema (found *_seg.png files)', '12', '1 problem']) assert.ok(header.includes(text), `header lacks ${text}: ${header}`);
    await page.click('.problems-summary');
    assert.equal(await page.locator('.problem').innerText(), 'img/broken.png — not a PNG');
    await page.click('#evaluate-button');
    await page.click('#open-report-button');
    await until(() => log.evaluate.length === 1 && log.openReport.length === 1, 'evaluate and openReport');
    assert.deepEqual(log.openReport, [RUN_A]);
    assert.deepEqual(errors, []);

    const untrusted = hostLog();
    const second = await open(datasetSnapshot(galleryItems(12), { trusted: false }), untrusted);
    assert.equal(await propertyOf(second.page, '#evaluate-button', 'disabled'), true);
    assert.match(await second.page.locator('#evaluate-disabled-reason').textContent() ?? '', /untrusted workspace/);
    await second.page.click('#evaluate-button', { force: true });
    await second.page.waitForTimeout(100);
    assert.deepEqual(untrusted.evaluate, []);
    assert.equal(await second.page.locator('#open-report-button').count(), 0, 'no Open report without a run');
    assert.deepEqual(second.errors, []);
  });
});
