// The driver's checkpoints: what it checks (and photographs) in the webviews when the suite asks. Each check gets the
// Playwright page and the suite's request ({ name, at, ...details }), returns facts for summary.json, and throws with
// what was expected and what was seen when a view is wrong. The review workflow is in reviewChecks.mjs.
import { CHECKPOINT_TIMEOUT_MS, sleep } from './driverCommon.mjs';
import { reviewRun } from './reviewChecks.mjs';
import { markInDiff, markStillShown } from './diffChecks.mjs';
import { checkDistribution } from './distributionChecks.mjs';
import { checkGalleryFiles, checkHostileDiff, checkHostileNames } from './hostileChecks.mjs';
import { cancelFromNotification, reloadMidRun } from './lifetimeChecks.mjs';
import { detailDrawn, detailProbe, galleryProbe } from './datasetProbes.mjs';
import { probeFrame, screenshot, waitInFrame, waitInView } from './webviewFrames.mjs';

/** Checkpoint name → the webview bundles (dist/webview/<bundle>.js) it needs and the check. */
export const checks = {
  dataset: { bundles: ['dataset'], run: checkDataset },
  report: { bundles: ['report'], run: checkReport },
  review: { bundles: ['report', 'dataset'], run: reviewRun },
  mask: { bundles: ['mask'], run: checkMask },
  pickModel: { bundles: [], run: pickModel },
  specForm: { bundles: [], run: answerSpecForm },
  compare: { bundles: ['report'], run: checkComparison },
  diffMark: { bundles: ['diff'], run: markInDiff },
  diffReload: { bundles: ['diff'], run: (page, request) => markStillShown(page, request, 'diff-reload') },
  diffReopen: { bundles: ['diff'], run: (page, request) => markStillShown(page, request, 'diff-reopen') },
  distribution: { bundles: ['distribution'], run: checkDistribution },
  hostile: { bundles: ['report', 'dataset'], run: checkHostileNames },
  datasetWatchAdded: { bundles: ['dataset'], run: checkGalleryFiles },
  datasetWatchRemoved: { bundles: ['dataset'], run: checkGalleryFiles },
  hostileDiff: { bundles: ['diff'], run: checkHostileDiff },
  cancelRun: { bundles: [], run: cancelFromNotification },
  // The page reloads under it: no webview audit after this one.
  reloadRun: { bundles: [], run: reloadMidRun, audit: false },
};

/** Two runs in one report: a column group per run, a ΔF1 column, and one row per class as before. */
async function checkComparison(page) {
  const { frame, value } = await waitInView(page, 'report', {
    probe: () => ({
      groups: [...document.querySelectorAll('table.class-table th.run-group')].map((th) => th.textContent),
      deltas: [...document.querySelectorAll('table.class-table thead th')].filter((th) => th.textContent?.includes('ΔF1')).length,
      rows: document.querySelectorAll('table.class-table tbody tr').length,
    }),
    ready: (s) => s.groups.length === 2 && s.deltas >= 1 && s.rows >= 10,
    timeoutMs: CHECKPOINT_TIMEOUT_MS,
    what: 'table.class-table with two th.run-group headers, a ΔF1 column and at least 10 rows',
  });
  await probeFrame(frame, () => document.querySelector('table.class-table')?.scrollIntoView({ block: 'start' }));
  await sleep(300);
  return { ...value, screenshot: await screenshot(page, 'report-compare.png') };
}

/** Answers the short form for a model without a spec: "Enter the missing values", then each box by its flag. */
async function answerSpecForm(page, request) {
  const widget = page.locator('.quick-input-widget');
  const title = () => widget.locator('.quick-input-title').textContent({ timeout: 10_000 });
  await widget.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
  const first = await title();
  if (!/needs more about this model/.test(first ?? '')) throw new Error(`expected the spec form's first question, saw the quick pick "${first}"`);
  const shot = await screenshot(page, 'spec-form.png');
  await widget.locator('input').press('Enter');
  const asked = [];
  for (let i = 0; i < Object.keys(request.answers).length; i++) {
    await sleep(300);
    const text = (await title()) ?? '';
    const flag = Object.keys(request.answers).find((f) => text.includes(`--${f}`)) ?? (text.includes('label schema') ? 'model-schema' : undefined);
    if (!flag) throw new Error(`the spec form asked "${text}", which names none of ${Object.keys(request.answers).join(', ')}`);
    asked.push(flag);
    await widget.locator('input').fill(request.answers[flag]);
    if (flag === 'model-schema') await widget.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
    await widget.locator('input').press('Enter');
  }
  return { first, asked, screenshot: shot };
}

/** Answers the model quick pick of "Evaluate Model on This Folder…" by typing the requested model's name. */
async function pickModel(page, request) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  const title = await page.locator('.quick-input-widget .quick-input-title').textContent({ timeout: 5_000 }).catch(() => '');
  await input.fill(request.pick);
  const row = page.locator('.quick-input-widget .monaco-list-row').first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  const rows = await page.locator('.quick-input-widget .monaco-list-row').allTextContents();
  if (!rows[0]?.includes(request.pick)) throw new Error(`the model quick pick's first row should name ${request.pick}; rows: ${JSON.stringify(rows)}`);
  const shot = await screenshot(page, 'model-picker.png');
  await input.press('Enter');
  return { title, rows: rows.slice(0, 5), screenshot: shot };
}

async function checkDataset(page) {
  const { frame, value } = await waitInView(page, 'dataset', {
    probe: galleryProbe,
    ready: (s) => s.visible > 0 && s.loaded === s.visible,
    timeoutMs: CHECKPOINT_TIMEOUT_MS,
    what: 'visible .gallery-cell elements, every one with a loaded <img> thumbnail',
  });
  const facts = { ...value, screenshot: await screenshot(page, 'dataset-panel.png') };
  await frame.locator('.gallery-cell').first().click({ timeout: 10_000 });
  const detail = await waitInFrame(frame, {
    probe: detailProbe,
    ready: detailDrawn,
    timeoutMs: 20_000,
    what: 'after a click on the first .gallery-cell: a .detail-view with its <img> loaded and its canvases drawn',
  });
  return { ...facts, detail, detailScreenshot: await screenshot(page, 'dataset-detail.png') };
}

async function checkReport(page) {
  const { frame, value } = await waitInView(page, 'report', {
    probe: () => ({ tables: document.querySelectorAll('table.class-table').length, rows: document.querySelectorAll('table.class-table tbody tr').length }),
    ready: (s) => s.rows >= 10,
    timeoutMs: CHECKPOINT_TIMEOUT_MS,
    what: 'table.class-table with at least 10 body rows',
  });
  // The summary and protocol fill the first screen: scroll the per-class table into the picture.
  await probeFrame(frame, () => (document.querySelector('table.class-table')?.closest('section') ?? document.querySelector('table.class-table'))?.scrollIntoView({ block: 'start' }));
  await sleep(300);
  return { classTableRows: value.rows, screenshot: await screenshot(page, 'report-panel.png') };
}

async function checkMask(page) {
  const { value } = await waitInView(page, 'mask', {
    probe: () => {
      const canvas = document.querySelector('canvas');
      const box = canvas?.getBoundingClientRect();
      return { canvas: canvas ? `${canvas.width}×${canvas.height}` : null, shown: box ? `${Math.round(box.width)}×${Math.round(box.height)}` : null };
    },
    ready: (s) => !!s.canvas && !!s.shown && s.canvas !== '0×0' && !s.shown.startsWith('0×') && !s.shown.endsWith('×0'),
    timeoutMs: CHECKPOINT_TIMEOUT_MS,
    what: 'a drawn <canvas> in body[data-view=mask]',
  });
  return { ...value, screenshot: await screenshot(page, 'mask-viewer.png') };
}
