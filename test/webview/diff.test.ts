import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiffPanelEvents, DiffPanelRequests, DiffSnapshot } from '../../src/protocol/diffPanelMessages';
import { chromiumPath, webviewSession, type WebviewHarness } from '../helpers/webviewHarness';
import { diffSnapshot, HOSTILE_NAME, serveDiff } from './diffFixtures';
import { waitFor, waitForPage } from './reportFixtures';

type Harness = WebviewHarness<DiffPanelRequests, DiffPanelEvents>;

const chromium = chromiumPath();

describe('diff webview', { skip: chromium ? false : 'no Chromium on this machine' }, () => {
  const session = webviewSession<DiffPanelRequests, DiffPanelEvents>('diff');
  async function open(snapshot: DiffSnapshot, calls: Array<{ type: string }> = [], savedState?: unknown): Promise<Harness> {
    const harness = await session.open(serveDiff(snapshot, calls), { savedState });
    await harness.page.waitForSelector('.diff-header h1');
    return harness;
  }

  it('shows the findings first, then the per-class table, flows, swaps and the suggested crosswalk', async () => {
    const calls: Array<{ type: string }> = [];
    const { page, errors } = await open(diffSnapshot(), calls);
    assert.deepEqual(await page.locator('ol.findings li').allTextContents(), ['B draws skin 1.25 px beyond A on average.', '12% of A’s skin is HAIR in B.']);
    const firstSection = await page.evaluate('document.querySelector(".summary-view > section").className');
    assert.equal(firstSection, 'findings-section');
    assert.deepEqual(await page.locator('table.class-diff-table tbody th').allTextContents(), ['background', 'skin', 'HAIR']);
    const skin = await page.locator('table.class-diff-table tbody tr:nth-child(2) td').allTextContents();
    assert.deepEqual(skin, ['2,000', '2,200', '1.10', '0.900', '0.818', '+1.25 px', '1.75 px', '75.0% / 25.0%', '1.05', '1.40']);
    assert.equal(await page.locator('table.class-diff-table tbody tr:nth-child(3) td:nth-child(7)').textContent(), '−2.00 px');
    assert.deepEqual(await page.locator('table.flow-table tbody td').allTextContents(), ['skin', '→ HAIR', '12.0%', '1,234']);
    assert.match(await page.locator('.swap-list').innerText(), /eye: A's l_eye is where B's r_eye is in 9 of 10 images/);
    // B is a run's predictions: the crosswalk offered first is the one facegap eval --mapping applies (B → A).
    assert.equal(await page.locator('select.mapping-direction').inputValue(), 'bToA');
    assert.match(await page.locator('.mapping-changes').innerText(), /skin → HAIR \(12%\)/);
    await page.locator('vscode-button.export-mapping').click();
    await waitFor(() => calls.length === 1);
    assert.deepEqual(calls, [{ type: 'exportMapping', direction: 'bToA' }]);
    assert.deepEqual(errors, []);
  });

  it('marks an image with a key and a button, with its note; the counter and the list follow; j moves on', async () => {
    const calls: Array<{ type: string }> = [];
    const { page, states, errors } = await open(diffSnapshot(), calls);
    await page.locator('button.tab[data-tab="review"]').click();
    await page.locator('.review-row[aria-current="true"]').waitFor();
    assert.equal(await page.locator('.pair-title').textContent(), 'img-000');
    assert.match(await page.locator('.review-counter').innerText(), /^marked 0 of 120/);
    await page.keyboard.press('2');
    await waitFor(() => calls.length === 1);
    assert.deepEqual(calls[0], { type: 'setMark', id: 'img-000', verdict: 'error-b', note: '' });
    await waitForPage(page, 'document.querySelector(".review-counter").textContent.startsWith("marked 1 of 120")');
    assert.equal(await page.locator('.review-row[data-id="img-000"] .mark-tag').textContent(), 'B wrong');
    assert.equal(await page.locator('.verdict-button[data-verdict="error-b"]').getAttribute('aria-pressed'), 'true');
    await page.locator('input.note-input').fill('ears: "skin" in A');
    await page.locator('.verdict-button[data-verdict="convention"]').click();
    // Leaving the note field saves the note with the old verdict first; the click then saves the new verdict.
    await waitFor(() => calls.length === 3);
    assert.deepEqual(calls.slice(1), [
      { type: 'setMark', id: 'img-000', verdict: 'error-b', note: 'ears: "skin" in A' },
      { type: 'setMark', id: 'img-000', verdict: 'convention', note: 'ears: "skin" in A' },
    ]);
    await page.locator('.review-list').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('j');
    await waitForPage(page, 'document.querySelector(".pair-title").textContent === "img-001"');
    assert.equal(await page.locator('input.note-input').inputValue(), '');
    assert.deepEqual(states.at(-1), { dir: '/results/diffs/r1-gt--vs--r1-pred', tab: 'review', filter: 'all', layer: 'diff', currentId: 'img-001' });
    await page.locator('vscode-button.export-csv').click();
    await waitFor(() => calls.length === 4);
    assert.deepEqual(calls[3], { type: 'exportCsv' });
    assert.deepEqual(errors, []);
  });

  it('draws the difference in magenta and reads both sides under the pointer', async () => {
    const { page, errors } = await open(diffSnapshot(), [], { tab: 'review', filter: 'all', layer: 'diff' });
    const canvas = page.locator('canvas.pair-canvas[data-layer="diff"]');
    await canvas.waitFor();
    await waitForPage(page, 'document.querySelector(".pair-status").textContent.includes("25.0% of pixels differ")');
    const pixels = (await page.evaluate(`(() => {
      const c = document.querySelector('canvas.pair-canvas');
      const d = c.getContext('2d').getImageData(0, 0, 4, 1).data;
      return [...d];
    })()`)) as number[];
    assert.deepEqual(pixels.slice(4, 8), [255, 0, 255, 255], 'column 1 (A skin, B hair) is magenta');
    assert.notDeepEqual(pixels.slice(0, 4), [255, 0, 255, 255], 'column 0 (both skin) is not');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * (1.5 / 4), box.y + box.height * (0.5 / 4));
    await waitForPage(page, 'document.querySelector("#hover-readout").textContent !== ""');
    assert.equal(await page.locator('#hover-readout').textContent(), '1, 0 · A: skin · B: hair');
    await page.keyboard.press('s');
    await waitForPage(page, 'document.querySelectorAll("canvas.pair-canvas").length === 3');
    assert.deepEqual(await page.$$eval('canvas.pair-canvas', (cs) => cs.map((c) => c.getAttribute('data-layer'))), ['a', 'b', 'diff']);
    assert.deepEqual(errors, []);
  });

  it('restores the tab, the current image (on its page of the list) and the layer after a reload', async () => {
    const { page, errors } = await open(diffSnapshot(), [], { dir: '/elsewhere', tab: 'review', currentId: 'img-060', filter: 'all', layer: 'a' });
    await page.locator('.review-row[aria-current="true"]').waitFor();
    assert.equal(await page.locator('.pair-title').textContent(), 'img-060');
    assert.equal(await page.locator('.page-text').textContent(), '51–100 of 120');
    assert.equal(await page.locator('.review-row').count(), 50);
    assert.equal(await page.locator('.layer-button[data-layer="a"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(errors, []);
  });

  it('renders hostile file names, ids and findings as text, never as HTML', async () => {
    const base = diffSnapshot(3);
    const record = { ...base.record, summary: { ...base.record.summary, findings: [{ kind: 'flow' as const, text: HOSTILE_NAME, classes: [] }] } };
    const queue = [{ id: HOSTILE_NAME, disagreement: 0.9, image: `/data/${HOSTILE_NAME}.png` }, ...base.queue];
    const snapshot = { ...base, title: HOSTILE_NAME, record, queue, notes: [`${HOSTILE_NAME}: odd`] };
    const dialogs: string[] = [];
    const { page, errors } = await open(snapshot, [], { tab: 'summary', filter: 'all', layer: 'diff' });
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    assert.equal(await page.locator('.diff-header h1').textContent(), HOSTILE_NAME);
    assert.equal(await page.locator('ol.findings li').textContent(), HOSTILE_NAME);
    await page.locator('button.tab[data-tab="review"]').click();
    await page.locator('.review-row[aria-current="true"]').waitFor();
    assert.equal(await page.locator('.pair-title').textContent(), HOSTILE_NAME);
    assert.equal(await page.locator('.pair-file').textContent(), `/data/${HOSTILE_NAME}.png`);
    assert.equal(await page.locator('.review-row .row-id').first().textContent(), HOSTILE_NAME);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  });

  it('says why when the host cannot read the diff folder', async () => {
    const harness = await session.open((host) => host.serve({ ready: () => Promise.reject(new Error('/diffs/x/diff.json: not valid JSON')) }));
    const alert = harness.page.locator('[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /\/diffs\/x\/diff\.json: not valid JSON/);
    assert.deepEqual(harness.errors, []);
  });
});
