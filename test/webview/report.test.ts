import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReportPanelEvents, ReportPanelRequests, ReportSnapshot } from '../../src/protocol/reportPanelMessages';
import { chromiumPath, webviewSession, type WebviewHarness } from '../helpers/webviewHarness';
import { HOSTILE_NAME, reportSnapshot, runSummary, serveReport, waitFor, waitForPage } from './reportFixtures';

type Harness = WebviewHarness<ReportPanelRequests, ReportPanelEvents>;

const chromium = chromiumPath();

async function classNames(page: Page): Promise<string[]> {
  return page.$$eval('table.class-table tbody tr', (rows) => rows.map((r) => r.querySelector('th')?.textContent ?? ''));
}

describe('report webview: summary and per-class table', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  const session = webviewSession<ReportPanelRequests, ReportPanelEvents>('report');
  let harness: Harness | undefined;
  async function open(snapshot: ReportSnapshot, calls: unknown[] = [], savedState?: unknown): Promise<Harness> {
    harness = await session.open(serveReport(snapshot, calls), { savedState });
    await harness.page.waitForSelector('table.class-table');
    return harness;
  }

  it('shows one row per class and sorts by F1 both ways, classes without a score last', async () => {
    const { page, errors } = await open(reportSnapshot(1));
    assert.deepEqual(await classNames(page), ['background', 'skin', 'hair', 'hat', 'glasses']);
    const f1Header = page.locator('th[data-key="0.f1"]');
    await f1Header.locator('button').click();
    assert.equal(await f1Header.getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await classNames(page), ['background', 'skin', 'hair', 'glasses', 'hat']);
    await f1Header.locator('button').focus();
    await page.keyboard.press('Enter');
    assert.equal(await f1Header.getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await classNames(page), ['glasses', 'hair', 'skin', 'background', 'hat']);
    await page.keyboard.press('Space');
    assert.equal(await f1Header.getAttribute('aria-sort'), 'descending');
    const hatCells = await page.$$eval('table.class-table tbody tr:last-child td', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(hatCells, ['–', '–', '–', '–', '100']);
    assert.deepEqual(errors, []);
  });

  it('shows the run summary: headline numbers, facts with the provider, protocol, skipped files and notes', async () => {
    const { page, errors } = await open(reportSnapshot(1));
    const summary = await page.locator('.run-summary').innerText();
    for (const text of ['0.800', '0.700', '0.950', '40', 'finished', 'provider', 'cuda', '12 ms / image', 'Scored at 512 × 512', 'missing-1.png — no ground truth', 'note of run 1']) {
      assert.ok(summary.includes(text), `summary lacks "${text}": ${summary}`);
    }
    assert.deepEqual(errors, []);
  });

  it('lays two runs side by side with ΔF1 against the first, and the change sentences', async () => {
    const { page, errors } = await open(reportSnapshot(2));
    assert.equal(await page.locator('.run-summary').count(), 2);
    assert.match(await page.locator('.deltas').innerText(), /#2 vs #1: mean F1 drops by 0\.200/);
    const labels = await page.$$eval('table.class-table thead th button', (buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    assert.deepEqual(labels.filter((l) => l?.endsWith('F1') || l?.includes('ΔF1')), ['#1 F1', '#2 F1', '#2 ΔF1 vs #1']);
    const skinRow = await page.$$eval('table.class-table tbody tr:nth-child(2) td', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual([skinRow[0], skinRow[5], skinRow[10]], ['0.900', '0.600', '−0.300']);
    await page.locator('th[data-key="1.dF1"] button').click();
    assert.deepEqual(await classNames(page), ['hair', 'background', 'skin', 'hat', 'glasses']);
    assert.deepEqual(errors, []);
  });

  it('shows tolerant mean F1 beside the strict one with the band share, and a tolerant F1 column for that run', async () => {
    const sentence = 'mean F1 0.800 strict · 0.900 tolerant (boundary band k=3): 50% of the error is within 2 px of a ground-truth edge';
    const tolerant = { boundaryK: 3, meanF1: 0.9, mIoU: 0.8, pixelAccuracy: 0.97, shareOfError: 0.5, wrongPixelShare: 0.55, sentence };
    const base = reportSnapshot(2);
    const runs = [runSummary(1, { tolerant }), base.runs[1]];
    const tolerantF1: Record<string, number | null> = { background: 0.995, skin: 0.95, hair: 0.7, hat: null, glasses: 0.75 };
    const classes = base.classes.map((row) => ({ ...row, perRun: [row.perRun[0] && { ...row.perRun[0], tolerantF1: tolerantF1[row.name] }, row.perRun[1]] }));
    const { page, errors } = await open({ ...base, runs, classes });
    const first = page.locator('.run-summary').first();
    assert.equal(await first.locator('.boundary-share').innerText(), sentence);
    const tiles = await first.locator('.headline .tile').allInnerTexts();
    assert.ok(tiles.some((t) => t.includes('mean F1 tolerant (k=3)') && t.includes('0.900')), tiles.join(' | '));
    assert.ok(tiles.some((t) => t.includes("band's share of error") && t.includes('50%')), tiles.join(' | '));
    assert.equal(await page.locator('.run-summary').nth(1).locator('.boundary-share').count(), 0);
    const labels = await page.$$eval('table.class-table thead th button', (buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    assert.deepEqual(labels.filter((l) => l?.includes('F1')), ['#1 F1', '#1 F1 tolerant (boundary band k=3)', '#2 F1', '#2 ΔF1 vs #1']);
    const skinRow = await page.$$eval('table.class-table tbody tr:nth-child(2) td', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual([skinRow[0], skinRow[1], skinRow[6], skinRow[11]], ['0.900', '0.950', '0.600', '−0.300']);
    await page.locator('th[data-key="0.tolerantF1"] button').click();
    assert.deepEqual(await classNames(page), ['background', 'skin', 'glasses', 'hair', 'hat']);
    assert.deepEqual(errors, []);
  });

  it('restores the saved sort, keeps it across a snapshot change and saves it', async () => {
    const { page, host, states, errors } = await open(reportSnapshot(1), [], { sortKey: '0.f1', sortDir: 'asc', heatmapScale: 'log', scrollY: 0 });
    assert.equal(await page.locator('th[data-key="0.f1"]').getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await classNames(page), ['glasses', 'hair', 'skin', 'background', 'hat']);
    const changed = reportSnapshot(1, { title: 'Changed report' });
    host.emit({ type: 'didChangeSnapshot', snapshot: changed });
    await page.waitForSelector('h1:text("Changed report")');
    assert.deepEqual(await classNames(page), ['glasses', 'hair', 'skin', 'background', 'hat']);
    await page.locator('th[data-key="name"] button').click();
    await page.locator('th[data-key="name"][aria-sort="ascending"]').waitFor();
    assert.deepEqual(states.at(-1), { sortKey: 'name', sortDir: 'asc', heatmapScale: 'log', scrollY: 0 });
    assert.deepEqual(errors, []);
  });

  it('restores the saved scroll position and keeps it when the snapshot changes', async () => {
    const { page, host, errors } = await open(reportSnapshot(2), [], { heatmapScale: 'log', scrollY: 300 });
    await waitForPage(page, 'window.scrollY === 300');
    host.emit({ type: 'didChangeSnapshot', snapshot: reportSnapshot(2, { title: 'Changed report' }) });
    await page.waitForSelector('h1:text("Changed report")');
    assert.equal(await page.evaluate('window.scrollY'), 300);
    assert.deepEqual(errors, []);
  });

  it('renders hostile file and class names as text, never as HTML', async () => {
    const run = runSummary(1, {
      skipped: [{ file: HOSTILE_NAME, reason: 'unreadable' }],
      notes: [`${HOSTILE_NAME}: odd size`],
      worst: [{ id: HOSTILE_NAME, image: HOSTILE_NAME, meanF1: 0.1 }],
    });
    const snapshot = reportSnapshot(1, { title: HOSTILE_NAME, runs: [run] });
    const dialogs: string[] = [];
    const { page, errors } = await open({ ...snapshot, classes: [{ name: HOSTILE_NAME, perRun: [null] }] });
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    assert.equal(await page.locator('h1').innerText(), HOSTILE_NAME);
    assert.ok((await page.locator('.skipped').innerText()).includes(`${HOSTILE_NAME} — unreadable`));
    assert.equal(await page.locator('.worst-id').innerText(), HOSTILE_NAME);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });

  it('shows why when the host cannot give a snapshot', async () => {
    harness = await session.open((host) =>
      host.serve({ ready: () => Promise.reject(new Error('/runs/broken/run.json: not valid JSON')) }),
    );
    const alert = harness.page.locator('[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /\/runs\/broken\/run\.json: not valid JSON/);
    assert.deepEqual(harness.errors, []);
  });

  it('renders the vscode-elements button under the CSP and sends compareWith', async () => {
    const calls: unknown[] = [];
    const { page, errors } = await open(reportSnapshot(1), calls);
    const button = page.locator('vscode-button.compare-button');
    // The component's own stylesheet (adopted, so style-src does not block it) makes its inner part a flex box.
    const rendered = (await page.evaluate(`(() => {
      const b = document.querySelector('vscode-button.compare-button');
      const base = b.shadowRoot && b.shadowRoot.querySelector('.base');
      return { display: base ? getComputedStyle(base).display : 'none', height: b.getBoundingClientRect().height };
    })()`)) as { display: string; height: number };
    assert.equal(rendered.display, 'flex');
    assert.ok(rendered.height > 10, `button height ${rendered.height}`);
    await button.click();
    await button.focus();
    await page.keyboard.press('Enter');
    await waitFor(() => calls.length === 2);
    assert.deepEqual(calls, [{ type: 'compareWith' }, { type: 'compareWith' }]);
    assert.deepEqual(errors, []);
  });
});
