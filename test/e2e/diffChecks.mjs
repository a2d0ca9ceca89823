// The label-diff checkpoints: the driver reviews a diff in its panel like a user. "diffMark": the summary shows
// findings and the per-class table (diff-summary.png); on the Review tab the most disagreeing image is current, its
// canvas is drawn and the hover readout names both sides; the driver types a note and presses the verdict key, and the
// row, the buttons and the counter show the mark (diff-review.png). "diffReload" (after Developer: Reload Webviews) and
// "diffReopen" (after closing and opening the panel again): a fresh page shows the same mark (diff-reload.png,
// diff-reopen.png); after the reload the page is also back on the Review tab at the same image (its saved UI state).
import { budget, CHECKPOINT_TIMEOUT_MS } from './driverCommon.mjs';
import { probeFrame, screenshot, waitInFrame, waitInView } from './webviewFrames.mjs';

/** The verdict key's tag in the review list. */
const TAGS = { 'error-a': 'A wrong', 'error-b': 'B wrong', convention: 'convention', fine: 'fine' };

export async function markInDiff(page, request) {
  const time = budget(CHECKPOINT_TIMEOUT_MS);
  const { frame, value: summary } = await waitInView(page, 'diff', {
    probe: () => ({
      findings: document.querySelectorAll('ol.findings li').length,
      classRows: document.querySelectorAll('table.class-diff-table tbody tr').length,
      title: document.querySelector('.diff-header h1')?.textContent ?? null,
    }),
    ready: (s) => s.classRows > 0 && !!s.title,
    timeoutMs: time(30_000),
    what: 'the diff panel (body[data-view=diff]) with its per-class table (table.class-diff-table)',
  });
  const summaryShot = await screenshot(page, 'diff-summary.png');
  await frame.locator('button.tab[data-tab="review"]').click({ timeout: 10_000 });
  const review = await waitInFrame(frame, { probe: reviewProbe, arg: request.id, ready: (s) => s.title === request.id && s.drawn, timeoutMs: time(30_000), what: `the Review tab on the most disagreeing image ${request.id} with its canvas drawn` });
  await frame.locator('canvas.pair-canvas').first().hover({ timeout: 10_000 });
  const readout = await waitInFrame(frame, { probe: () => document.querySelector('#hover-readout')?.textContent ?? '', ready: (t) => /^\d+, \d+ · A: .+ · B: .+$/.test(t), timeoutMs: time(10_000), what: 'the hover readout "x, y · A: <class> · B: <class>"' });
  await frame.locator('input.note-input').fill(request.note, { timeout: 10_000 });
  await frame.locator('.review-row[aria-current="true"]').press(request.key, { timeout: 10_000 });
  const marked = await waitInFrame(frame, { probe: reviewProbe, arg: request.id, ready: (s) => s.tag === TAGS[request.verdict] && s.pressed === request.verdict && s.counter.startsWith('marked 1 of'), timeoutMs: time(15_000), what: `after typing a note and pressing ${request.key}: the row of ${request.id} tagged "${TAGS[request.verdict]}", its verdict button pressed, the counter at "marked 1 of …"` });
  // A marker on this page: after "Reload Webviews" the check below must find a page without it.
  await probeFrame(frame, () => (window.__facegapBeforeReload = true));
  return { summary, summaryScreenshot: summaryShot, review, readout, marked, screenshot: await screenshot(page, 'diff-review.png') };
}

/** After a reload or a reopen: a fresh page (no marker) showing the mark; after a reload also the same tab and image. */
export async function markStillShown(page, request, name) {
  const time = budget(CHECKPOINT_TIMEOUT_MS);
  const { frame, value: first } = await waitInView(page, 'diff', {
    probe: () => ({ fresh: !window.__facegapBeforeReload, tab: document.querySelector('button.tab[aria-selected="true"]')?.dataset.tab ?? null }),
    ready: (s) => s.fresh && s.tab !== null,
    timeoutMs: time(30_000),
    what: `a freshly loaded diff panel (${name})`,
  });
  if (request.restoredTab && first.tab !== request.restoredTab) throw new Error(`after the reload the panel shows the "${first.tab}" tab; its saved state says "${request.restoredTab}"`);
  if (first.tab !== 'review') await frame.locator('button.tab[data-tab="review"]').click({ timeout: 10_000 });
  const state = await waitInFrame(frame, {
    probe: reviewProbe,
    arg: request.id,
    ready: (s) => s.title === request.id && s.drawn && s.tag === TAGS[request.verdict] && s.pressed === request.verdict && s.note === request.note && s.counter.startsWith('marked 1 of'),
    timeoutMs: time(30_000),
    what: `${request.id} current with its canvas drawn, its row tagged "${TAGS[request.verdict]}", its verdict button pressed, its note "${request.note}" and the counter at "marked 1 of …"`,
  });
  return { ...first, ...state, screenshot: await screenshot(page, `${name}.png`) };
}

/** Runs in the diff webview: the current image, whether its canvas has pixels, and the mark of image `id` as shown. */
function reviewProbe(id) {
  const canvas = document.querySelector('canvas.pair-canvas');
  const row = [...document.querySelectorAll('.review-row')].find((r) => r.dataset.id === id);
  return {
    title: document.querySelector('.pair-title')?.textContent ?? null,
    drawn: !!canvas && canvas.width > 0 && canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.some((v, i) => i % 4 === 3 && v > 0),
    tag: row?.querySelector('.mark-tag')?.textContent ?? null,
    pressed: document.querySelector('.verdict-button[aria-pressed="true"]')?.dataset.verdict ?? null,
    note: document.querySelector('input.note-input')?.value ?? null,
    counter: document.querySelector('.review-counter')?.textContent ?? '',
    status: document.querySelector('.pair-status')?.textContent ?? null,
  };
}
