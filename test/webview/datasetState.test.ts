import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { DatasetPanelEvents, DatasetPanelRequests, DatasetSnapshot } from '../../src/protocol/datasetPanelMessages';
import { chromiumPath, webviewSession, type WebviewHarness } from '../helpers/webviewHarness';
import { captions, choose, datasetSnapshot, DETAIL_SIZE, galleryItems, hostLog, type HostLog, pngDataUri, propertyOf, RUN_A, RUN_B, serveDataset, until, waitForCount, waitForText } from './datasetFixtures';

type Harness = WebviewHarness<DatasetPanelRequests, DatasetPanelEvents>;

const chromium = chromiumPath();

/** The most recent state the page saved. */
function lastState(h: Harness): Record<string, unknown> {
  return (h.states[h.states.length - 1] ?? {}) as Record<string, unknown>;
}

async function selectValue(page: Page, selector: string): Promise<string> {
  return String(await propertyOf(page, selector, 'value'));
}

describe('dataset webview: UI state and host updates', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  const session = webviewSession<DatasetPanelRequests, DatasetPanelEvents>('dataset');
  let harness: Harness | undefined;
  let imageUri = '';
  before(async () => {
    imageUri = await pngDataUri(DETAIL_SIZE.width, DETAIL_SIZE.height, { r: 90, g: 90, b: 90 });
  });
  async function open(snapshot: DatasetSnapshot, log: HostLog, savedState?: unknown, confusion?: Array<{ id: string; pixels: number }>): Promise<Harness> {
    harness = await session.open(serveDataset({ snapshot, thumbnailUri: imageUri, imageUri, confusion }, log), { savedState });
    await harness.page.waitForSelector('#app[aria-busy="false"]', { state: 'attached' });
    return harness;
  }

  it('saves filter, run, sort, selection, zoom, mode, opacity and hidden classes, and restores them after a reload', async () => {
    const items = galleryItems(60);
    const first = await open(datasetSnapshot(items), hostLog());
    const page = first.page;
    await page.fill('#name-filter input', '0001');
    await choose(page, '#run-select', RUN_B);
    await choose(page, '#sort-select', 'class:skin');
    await page.waitForSelector('.gallery-cell[data-id="img/00012"]');
    await page.click('.gallery-cell[data-id="img/00012"]');
    await page.waitForSelector('.metric-summary');
    await page.keyboard.press('s');
    await page.keyboard.press('0');
    await page.keyboard.press('-');
    await page.click('vscode-checkbox[data-class-id="2"]');
    await page.locator('#opacity-slider').fill('80');
    await until(() => lastState(first).opacity === 0.8 && lastState(first).mode === 'sideBySide', 'the state to be saved');
    const saved = lastState(first);
    assert.equal(saved.filterText, '0001');
    assert.equal(saved.run, RUN_B);
    assert.equal(saved.sortKey, 'class:skin');
    assert.equal(saved.selectedId, 'img/00012');
    assert.equal(saved.detailOpen, true);
    assert.deepEqual(saved.hiddenClasses, [2]);
    assert.equal(typeof saved.zoom, 'number');
    assert.deepEqual(first.errors, []);

    const log = hostLog();
    const second = await open(datasetSnapshot(items), log, saved);
    await second.page.waitForSelector('.metric-summary');
    assert.deepEqual(log.detail, [{ id: 'img/00012', run: RUN_B }]);
    assert.equal(await propertyOf(second.page, '#name-filter', 'value'), '0001');
    assert.equal(await selectValue(second.page, '#run-select'), RUN_B);
    assert.equal(await selectValue(second.page, '#sort-select'), 'class:skin');
    assert.equal(await second.page.locator('.stage').count(), 3, 'side by side');
    assert.equal(await second.page.locator('#opacity-slider').inputValue(), '80');
    assert.equal(await propertyOf(second.page, 'vscode-checkbox[data-class-id="2"]', 'checked'), false);
    assert.equal(await second.page.locator('.stage-content').first().evaluate((c): string => c.style.transform), `translate(${saved.panX}px, ${saved.panY}px) scale(${saved.zoom})`);
    await second.page.keyboard.press('Escape');
    await second.page.waitForSelector('.gallery-cell.selected[data-id="img/00012"]');
    assert.ok((await captions(second.page)).every((c) => c.includes('0001')));
    assert.deepEqual(second.errors, []);
  });

  it('restores the gallery\'s scroll position', async () => {
    const items = galleryItems(5000);
    const first = await open(datasetSnapshot(items), hostLog());
    await first.page.locator('#gallery').evaluate((grid) => void (grid.scrollTop = 40000));
    await until(() => lastState(first).scrollTop === 40000, 'the scroll position to be saved');
    const topCaption = async (h: Harness): Promise<string> => {
      await waitForCount(h.page, '.gallery-cell', 1, true);
      return h.page.locator('#gallery').evaluate((grid): string => {
        const top = grid.getBoundingClientRect().top;
        const cells = [...grid.querySelectorAll('.gallery-cell')].filter((c) => c.getBoundingClientRect().top >= top);
        return cells.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))[0]?.querySelector('.cell-caption')?.textContent ?? '';
      });
    };
    const before = await topCaption(first);
    const second = await open(datasetSnapshot(items), hostLog(), lastState(first));
    assert.equal(await propertyOf(second.page, '#gallery', 'scrollTop'), 40000);
    assert.equal(await topCaption(second), before);
    assert.deepEqual(second.errors, []);
  });

  it('keeps UI state across a new snapshot where it still applies, and drops a run that is gone', async () => {
    const items = galleryItems(30);
    const log = hostLog();
    const { page, host, errors } = await open(datasetSnapshot(items), log);
    await page.fill('#name-filter input', '0002');
    await choose(page, '#run-select', RUN_B);
    await page.waitForSelector('#open-report-button');
    const added = { id: 'img/10002', file: 'img/10002.png', hasLabel: false };
    host.emit({ type: 'didChangeSnapshot', snapshot: datasetSnapshot([...items, added], { runs: datasetSnapshot(items).runs.filter((r) => r.dir === RUN_A) }) });
    await page.waitForSelector('.gallery-cell[data-id="img/10002"]');
    assert.equal(await propertyOf(page, '#name-filter', 'value'), '0002');
    assert.ok((await captions(page)).every((c) => c.includes('0002')));
    assert.equal(await selectValue(page, '#run-select'), '', 'the vanished run is no longer chosen');
    assert.equal(await page.locator('#open-report-button').count(), 0);
    assert.deepEqual(errors, []);
  });

  it('opens the item the snapshot names once; after Escape a reload stays in the gallery', async () => {
    const items = galleryItems(30);
    const snapshot = datasetSnapshot(items, { openItem: 'img/00017', run: RUN_A });
    const first = await open(snapshot, hostLog());
    await waitForText(first.page, '.detail-title', 'img/00017.png');
    await first.page.keyboard.press('Escape');
    await until(() => lastState(first).detailOpen === false, 'the closed detail view to be saved');
    const log = hostLog();
    const second = await open(snapshot, log, lastState(first));
    await second.page.waitForSelector('.gallery-cell.selected[data-id="img/00017"]');
    assert.equal(await second.page.locator('.detail-view').isVisible(), false);
    assert.deepEqual(log.detail, []);
    assert.deepEqual([...first.errors, ...second.errors], []);
  });

  it('opens an item when the host asks (didRequestView)', async () => {
    const items = galleryItems(30);
    const log = hostLog();
    const { page, host, errors } = await open(datasetSnapshot(items), log);
    host.emit({ type: 'didRequestView', openItem: 'img/00021', run: RUN_A });
    await waitForText(page, '.detail-title', 'img/00021.png');
    await until(() => log.detail.length === 1, 'the detail request');
    assert.deepEqual(log.detail, [{ id: 'img/00021', run: RUN_A }]);
    assert.deepEqual(errors, []);
  });

  it('shows the gallery, not the image open before, when a confusion filter arrives (reload with the host\'s filter, or didRequestView)', async () => {
    const items = galleryItems(30);
    const filter = { run: RUN_A, gt: 1, pred: 2, gtName: 'skin', predName: 'hair' };
    const confusion = [{ id: items[11]!.id, pixels: 40 }, { id: items[4]!.id, pixels: 9 }];
    const first = await open(datasetSnapshot(items), hostLog(), undefined, confusion);
    await first.page.click('.gallery-cell[data-id="img/00003"]');
    await waitForText(first.page, '.detail-title', 'img/00003.png');
    await until(() => lastState(first).detailOpen === true, 'the open detail view to be saved');
    first.host.emit({ type: 'didRequestView', filter, run: RUN_A });
    await waitForText(first.page, '.confusion-caption', 'ground truth skin predicted as hair: 2 images');
    assert.equal(await first.page.locator('.detail-view').isVisible(), false, 'didRequestView with a filter closes the detail view');
    assert.deepEqual(await captions(first.page), ['00011.png', '00004.png']);

    // The panel was hidden with the detail view open (its webview is gone) and comes back with the host's filter.
    const saved = { ...lastState(first), detailOpen: true, confusion: null, seen: { run: null, filter: null, openItem: null } };
    const second = await open(datasetSnapshot(items, { filter, run: RUN_A }), hostLog(), saved, confusion);
    await waitForText(second.page, '.confusion-caption', 'ground truth skin predicted as hair: 2 images');
    assert.equal(await second.page.locator('.detail-view').isVisible(), false, 'a new filter in the snapshot shows the gallery');
    assert.deepEqual(await captions(second.page), ['00011.png', '00004.png']);

    second.host.emit({ type: 'didRequestView', filter, openItem: 'img/00004', run: RUN_A });
    await waitForText(second.page, '.detail-title', 'img/00004.png');
    await waitForText(second.page, '.detail-position', '2 / 2');
    assert.deepEqual([...first.errors, ...second.errors], []);
  });
});
