import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ReportPanelEvents, ReportPanelRequests, ReportSnapshot } from '../../src/protocol/reportPanelMessages';
import { chromiumPath, webviewSession, type WebviewHarness } from '../helpers/webviewHarness';
import { reportSnapshot, serveReport, waitFor, waitForPage } from './reportFixtures';

type Harness = WebviewHarness<ReportPanelRequests, ReportPanelEvents>;

const chromium = chromiumPath();

describe('report webview: confusion heatmap and worst images', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  const session = webviewSession<ReportPanelRequests, ReportPanelEvents>('report');
  let harness: Harness | undefined;
  async function open(snapshot: ReportSnapshot, calls: unknown[], savedState?: unknown): Promise<Harness> {
    harness = await session.open(serveReport(snapshot, calls), { savedState });
    await harness.page.waitForSelector('table.heatmap');
    return harness;
  }

  it('names the classes on both axes, leaves out classes without pixels and tells the scale', async () => {
    const { page, errors } = await open(reportSnapshot(1), []);
    const columns = await page.$$eval('table.heatmap thead .axis-col', (cells) => cells.map((c) => c.textContent));
    const rows = await page.$$eval('table.heatmap tbody .axis-row', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(columns, ['background', 'skin', 'hair', 'glasses']);
    assert.deepEqual(rows, columns);
    assert.match(await page.locator('.confusion-section').innerText(), /Not shown \(no pixels in ground truth or prediction\): hat/);
    assert.match(await page.locator('.legend-text').innerText(), /log scale/);
    assert.equal(await page.locator('td.cell.diagonal').count(), 4);
    await page.locator('td.cell[data-gt="3"][data-pred="5"]').hover();
    assert.equal(await page.locator('.heatmap-readout').innerText(), 'ground truth skin predicted as hair: 80 px, 10.0 % of 800 skin px');
    await page.selectOption('#heatmap-scale', 'linear');
    assert.match(await page.locator('.legend-text').innerText(), /linear scale/);
    assert.deepEqual(errors, []);
  });

  it('sends openConfusion with the class ids of a clicked off-diagonal cell, and nothing for the diagonal', async () => {
    const calls: unknown[] = [];
    const { page, errors } = await open(reportSnapshot(1), calls);
    await page.locator('td.cell[data-gt="3"][data-pred="3"]').click();
    await page.locator('td.cell[data-gt="3"][data-pred="5"]').click();
    await waitFor(() => calls.length >= 1);
    await page.waitForTimeout(100);
    assert.deepEqual(calls, [{ type: 'openConfusion', run: '/runs/run-1', gt: 3, pred: 5 }]);
    assert.deepEqual(errors, []);
  });

  it('is reachable and usable from the keyboard: Tab into the grid, arrows move, Enter opens', async () => {
    const calls: unknown[] = [];
    const { page, errors } = await open(reportSnapshot(1), calls);
    await page.locator('#heatmap-scale').focus();
    await page.keyboard.press('Tab');
    assert.deepEqual(await page.evaluate(`[document.activeElement.dataset.gt, document.activeElement.dataset.pred]`), ['0', '0']);
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
    assert.match(await page.locator('.heatmap-readout').innerText(), /ground truth glasses predicted as skin: 2 px/);
    await page.keyboard.press('Enter');
    await waitFor(() => calls.length === 1);
    assert.deepEqual(calls, [{ type: 'openConfusion', run: '/runs/run-1', gt: 9, pred: 3 }]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(' ');
    await waitFor(() => calls.length === 2);
    assert.deepEqual(calls[1], { type: 'openConfusion', run: '/runs/run-1', gt: 5, pred: 3 });
    assert.deepEqual(errors, []);
  });

  it('picks the run with the selector, remembers it, and opens that run\'s confusion', async () => {
    const calls: unknown[] = [];
    const { page, states, errors } = await open(reportSnapshot(2), calls);
    await page.selectOption('#heatmap-run', '/runs/run-2');
    await page.locator('td.cell[data-gt="3"][data-pred="5"]').hover();
    assert.match(await page.locator('.heatmap-readout').innerText(), /160 px/);
    await page.locator('td.cell[data-gt="3"][data-pred="5"]').click();
    await waitFor(() => calls.length === 1);
    assert.deepEqual(calls, [{ type: 'openConfusion', run: '/runs/run-2', gt: 3, pred: 5 }]);
    assert.equal((states.at(-1) as { heatmapRun?: string }).heatmapRun, '/runs/run-2');
    const reopened = await open(reportSnapshot(2), [], states.at(-1));
    assert.equal(await reopened.page.locator('#heatmap-run').inputValue(), '/runs/run-2');
    assert.deepEqual(errors, []);
  });

  it('shows worst-image cards with thumbnails and sends openImage on click', async () => {
    const calls: unknown[] = [];
    const { page, errors } = await open(reportSnapshot(2), calls);
    assert.equal(await page.locator('.worst-card').count(), 4);
    const first = page.locator('.worst-card[data-id="img-2-a"]');
    assert.match(await first.innerText(), /img-2-a\s+mean F1 0\.300/);
    await waitForPage(page, `document.querySelector('.worst-card[data-id="img-2-a"] img.thumb').naturalWidth === 1`);
    assert.match(await page.locator('.worst-card[data-id="img-2-b"]').innerText(), /no preview[\s\S]*mean F1 –/);
    await first.click();
    await waitFor(() => calls.length === 1);
    assert.deepEqual(calls, [{ type: 'openImage', run: '/runs/run-2', id: 'img-2-a' }]);
    assert.deepEqual(errors, []);
  });
});
