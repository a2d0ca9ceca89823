// The hostile-file-names checkpoints (suite/hostileNamesStep.ts). "hostile": the report of the run over the dataset
// whose stems are markup and quotes/non-ASCII text lists each name as the text of a worst-image card; a click on the
// <img …> card opens it in the dataset panel, whose detail title is exactly that file name, and whose gallery cells
// carry the names as captions and tooltips (hostile-names.png). "hostileDiff": the diff panel's review list shows each
// name as a row's text, and the hostile row opens with that title (hostile-diff.png). After each, runE2E.mjs audits
// every webview (securityWatch.mjs): no <img src="x">, no dialog, no CSP violation.
import { budget, CHECKPOINT_TIMEOUT_MS, withTimeout } from './driverCommon.mjs';
import { screenshot, waitInFrame, waitInView } from './webviewFrames.mjs';

const sameSet = (a, b) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

export async function checkHostileNames(page, request) {
  const time = budget(CHECKPOINT_TIMEOUT_MS);
  const hostile = request.names[0];
  const { frame: report, value: cards } = await waitInView(page, 'report', {
    probe: () => [...document.querySelectorAll('.worst-card')].map((b) => ({ id: b.dataset.id, text: b.querySelector('.worst-id')?.textContent ?? null, title: b.title })),
    ready: (list) => sameSet(list.map((c) => c.text), request.names),
    timeoutMs: time(30_000),
    what: `the report's worst-image cards, whose .worst-id texts are exactly ${JSON.stringify(request.names)}`,
  });
  const index = cards.findIndex((c) => c.id === hostile);
  if (index < 0 || cards[index].text !== hostile) throw new Error(`no worst-image card whose data-id and text are ${JSON.stringify(hostile)}: ${JSON.stringify(cards)}`);
  // The report reads its thumbnails and its bundle only: the dataset's own images are outside its roots.
  const reportRoots = await checkRoots(report, 'report', { own: '.worst-card img.thumb[src]', outside: [request.inside, ...request.outside] });
  await report.locator('.worst-card').nth(index).click({ timeout: 10_000 });
  const { frame: datasetFrame, value: detail } = await waitInView(page, 'dataset', {
    probe: () => ({
      title: document.querySelector('.detail-view:not([hidden]) .detail-title')?.textContent ?? null,
      images: [...document.querySelectorAll('.detail-view img')].map((img) => ({ alt: img.alt, loaded: img.complete && img.naturalWidth > 0 })),
    }),
    ready: (s) => s.title === request.files[0],
    timeoutMs: time(30_000),
    what: `after a click on the ${JSON.stringify(hostile)} card: the dataset panel's detail title exactly ${JSON.stringify(request.files[0])}`,
  });
  const detailShot = await screenshot(page, 'hostile-detail.png');
  const roots = await checkRoots(datasetFrame, 'dataset', { own: '.detail-view img[src]', inside: request.inside, outside: request.outside });
  await datasetFrame.locator('body').press('Escape');
  const gallery = await waitInFrame(datasetFrame, {
    probe: () => {
      const cells = [...document.querySelectorAll('.gallery-cell')];
      return { captions: cells.map((c) => c.querySelector('.cell-caption')?.textContent ?? null), tooltips: cells.map((c) => c.title) };
    },
    ready: (s) => sameSet(s.captions, request.files) && sameSet(s.tooltips, request.files),
    timeoutMs: time(20_000),
    what: `after Escape, the gallery's cell captions and tooltips exactly ${JSON.stringify(request.files)}`,
  });
  return { cards: cards.map((c) => c.text), reportRoots, detail, roots, gallery, detailScreenshot: detailShot, screenshot: await screenshot(page, 'hostile-names.png') };
}

export async function checkHostileDiff(page, request) {
  const time = budget(CHECKPOINT_TIMEOUT_MS);
  const hostile = request.names[0];
  const { frame } = await waitInView(page, 'diff', {
    probe: () => !!document.querySelector('button.tab[data-tab="review"]'),
    ready: (present) => present,
    timeoutMs: time(30_000),
    what: 'the diff panel of the hostile run with its Review tab',
  });
  await frame.locator('button.tab[data-tab="review"]').click({ timeout: 10_000 });
  const rows = await waitInFrame(frame, {
    probe: () => [...document.querySelectorAll('.review-row')].map((r) => ({ id: r.dataset.id, text: r.querySelector('.row-id')?.textContent ?? null })),
    ready: (list) => sameSet(list.map((r) => r.text), request.names),
    timeoutMs: time(20_000),
    what: `the review list's .row-id texts exactly ${JSON.stringify(request.names)}`,
  });
  const index = rows.findIndex((r) => r.id === hostile && r.text === hostile);
  if (index < 0) throw new Error(`no review row whose data-id and text are ${JSON.stringify(hostile)}: ${JSON.stringify(rows)}`);
  await frame.locator('.review-row').nth(index).click({ timeout: 10_000 });
  const title = await waitInFrame(frame, {
    probe: () => document.querySelector('.pair-title')?.textContent ?? null,
    ready: (t) => t === hostile,
    timeoutMs: time(15_000),
    what: `after a click on its row, the pair title exactly ${JSON.stringify(hostile)}`,
  });
  // The diff panel reads its bundle only (the pixels come by message).
  const roots = await checkRoots(frame, 'diff', { own: 'link[rel="stylesheet"][href]', outside: [request.inside, ...request.outside] });
  return { rows: rows.map((r) => r.text), title, roots, screenshot: await screenshot(page, 'hostile-diff.png') };
}

/**
 * Runs in a webview: loads image files by the webview resource URI of one of its own elements (`own`, with src or
 * href) with the path swapped: `inside` (optional) must load, each of `outside` must not.
 */
async function loadFiles({ own, inside, outside }) {
  const element = document.querySelector(own);
  const base = element?.src || element?.href;
  if (!base) return { error: `no ${own} to take the resource origin from` };
  const uriOf = (file) => {
    const url = new URL(base);
    url.pathname = file.split('/').map(encodeURIComponent).join('/');
    return url.href;
  };
  const loadUrl = (url) =>
    new Promise((resolve) => {
      const img = new Image();
      const timer = setTimeout(() => resolve('timeout'), 2500);
      img.onload = () => (clearTimeout(timer), resolve(img.naturalWidth > 0 ? 'loaded' : 'empty'));
      img.onerror = () => (clearTimeout(timer), resolve('failed'));
      img.src = url;
    });
  const load = (file) => loadUrl(uriOf(file));
  return {
    origin: new URL(base).origin,
    // A lazy thumbnail below the fold has not loaded yet: load its URL the same way as the others.
    own: element.tagName === 'LINK' ? (element.sheet ? 'loaded' : 'failed') : await loadUrl(base),
    inside: inside === undefined ? null : await load(inside),
    outside: await Promise.all(outside.map(async (file) => ({ file, result: await load(file) }))),
  };
}

/** Loads files from a webview (see loadFiles) and throws unless its own resource and `inside` load and every `outside` file fails. */
async function checkRoots(frame, view, probe) {
  const roots = await withTimeout(frame.evaluate(loadFiles, probe), 10_000, `loading files in the ${view} webview`).catch((e) => ({ error: String(e.message ?? e) }));
  const insideOk = probe.inside === undefined || roots.inside === 'loaded';
  if (roots.error || roots.own !== 'loaded' || !insideOk || roots.outside.some((o) => o.result !== 'failed')) {
    throw new Error(`localResourceRoots of the ${view} webview: its own ${probe.own}${probe.inside ? ` and ${probe.inside}` : ''} must load, ${probe.outside.join(', ')} must not; got ${JSON.stringify(roots)}`);
  }
  return roots;
}

/**
 * "datasetWatchAdded" / "datasetWatchRemoved": with the hostile dataset's panel open, the suite added (then removed)
 * an image pair in its folder; without any command, the file watcher rescans the folder and the gallery's captions
 * become exactly the request's files.
 */
export async function checkGalleryFiles(page, request) {
  const { value } = await waitInView(page, 'dataset', {
    probe: () => [...document.querySelectorAll('.gallery-cell .cell-caption')].map((c) => c.textContent),
    ready: (captions) => sameSet(captions, request.files),
    timeoutMs: CHECKPOINT_TIMEOUT_MS,
    what: `the open dataset panel's gallery captions, updated by the file watcher, exactly ${JSON.stringify(request.files)}`,
  });
  return { captions: value, screenshot: await screenshot(page, `${request.name}.png`) };
}
