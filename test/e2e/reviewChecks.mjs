// The "review" checkpoint: the driver reviews the finished run the way a user does, by clicking in the webviews.
// 1. In the report, click the confusion cell with the most pixels among those in some but not all images: the dataset
//    panel opens filtered to it; its chip and gallery must agree with the run's images.jsonl (dataset-confusion.png).
// 2. Open the first filtered image, press 'e' for the error map, hover red pixels: the readout must say "wrong" and
//    name both classes (dataset-errors.png); press 's' for side by side (dataset-side-by-side.png).
// 3. Back on the report tab, click the first worst-image card: the dataset panel's detail view opens on that image
//    (dataset-worst-image.png).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detailDrawn, detailProbe } from './datasetProbes.mjs';
import { budget, CHECKPOINT_TIMEOUT_MS } from './driverCommon.mjs';
import { screenshot, waitInFrame, waitInView } from './webviewFrames.mjs';

/** At most this many red pixels of the error map are hovered, spread evenly over all of them. */
const HOVER_SAMPLES = 80;

export async function reviewRun(page, request) {
  const { runDir, images } = request;
  if (typeof runDir !== 'string' || !Number.isInteger(images)) throw new Error(`the review checkpoint needs { runDir, images } from the suite, got ${JSON.stringify(request)}`);
  const time = budget(CHECKPOINT_TIMEOUT_MS);
  const { confusion, expected } = await clickLargestConfusion(page, runDir, images, time);
  const gallery = await checkConfusionGallery(page, confusion, expected, images, time);
  const errors = await checkErrorMap(page, gallery.frame, confusion, expected, time);
  const sideBySide = await checkSideBySide(page, gallery.frame, time);
  const worst = await openWorstImage(page, time);
  return { confusion, gallery: gallery.facts, errors, sideBySide, worst };
}

// ---- 1. heatmap cell → filtered gallery ----------------------------------------------------------------------------

/**
 * Clicks the heatmap cell with the most pixels among those that filter the gallery (in more than 0 and fewer than all
 * images, as images.jsonl says: a confusion every image has would not show the filter working).
 */
async function clickLargestConfusion(page, runDir, images, time) {
  const { frame, value } = await waitInView(page, 'report', {
    probe: heatmapProbe,
    ready: (s) => s.cells.length > 0 && s.unparsed.length === 0,
    timeoutMs: time(20_000),
    what: 'the report heatmap with clickable confusion cells (table.heatmap td.cell.actionable, aria-label "ground truth A predicted as B: N px, …")',
  });
  const results = readResults(runDir);
  const candidates = value.cells.map((cell) => ({ cell, expected: expectedImages(results, cell) }));
  const chosen = candidates.find((c) => c.expected.length > 0 && c.expected.length < images);
  if (!chosen) throw new Error(`no clickable heatmap cell filters the gallery: per images.jsonl the ${value.cells.length} confusions are in ${[...new Set(candidates.map((c) => c.expected.length))].join(', ')} of ${images} images`);
  const { cell, expected } = chosen;
  await frame.locator(`table.heatmap td.cell.actionable[data-gt="${cell.gt}"][data-pred="${cell.pred}"]`).click({ timeout: 10_000 });
  const skipped = candidates.indexOf(chosen);
  const confusion = { ...cell, what: `ground truth ${cell.gtName} predicted as ${cell.predName}`, clickableCells: value.cells.length, largerCellsInEveryImage: skipped };
  return { confusion, expected };
}

/** Runs in the report webview: the clickable confusion cells, the one with the most pixels first. */
function heatmapProbe() {
  const cells = [...document.querySelectorAll('table.heatmap td.cell.actionable')].map((td) => {
    const label = td.getAttribute('aria-label') ?? '';
    const m = /^ground truth (.+) predicted as (.+): ([\d,]+) px/.exec(label);
    return { gt: Number(td.dataset.gt), pred: Number(td.dataset.pred), gtName: m?.[1], predName: m?.[2], pixels: m ? Number(m[3].replaceAll(',', '')) : -1, label };
  });
  cells.sort((a, b) => b.pixels - a.pixels);
  return { cells, unparsed: cells.filter((c) => c.pixels < 0).map((c) => c.label).slice(0, 3) };
}

/** The per-image records of the run (images.jsonl; a later line for the same id replaces an earlier one). */
function readResults(runDir) {
  const byId = new Map();
  for (const line of readFileSync(join(runDir, 'images.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line);
    byId.set(record.id, record.confusion ?? []);
  }
  return byId;
}

/** The images with a confusion, most pixels first (the order of the host's confusionImages). */
function expectedImages(results, { gt, pred }) {
  const found = [];
  for (const [id, cells] of results) {
    const pixels = cells.filter(([g, p]) => g === gt && p === pred).reduce((sum, [, , n]) => sum + n, 0);
    if (pixels > 0) found.push({ id, pixels });
  }
  return found.sort((a, b) => b.pixels - a.pixels || (a.id < b.id ? -1 : 1));
}

async function checkConfusionGallery(page, confusion, expected, images, time) {
  const n = expected.length;
  const { frame, value } = await waitInView(page, 'dataset', {
    probe: confusionGalleryProbe,
    ready: (s) => s.galleryShown && s.caption !== null && !s.caption.endsWith('loading…') && s.visible > 0 && s.loaded === s.visible,
    timeoutMs: time(30_000),
    what: `after a click on the heatmap cell "${confusion.what}": the dataset panel's gallery (not its detail view) with a .confusion-chip and its thumbnails loaded`,
  });
  const wanted = { caption: `${confusion.what}: ${n} image${n === 1 ? '' : 's'}`, count: `${n} of ${images} images` };
  const problems = [];
  if (value.caption !== wanted.caption) problems.push(`the chip says "${value.caption}", expected "${wanted.caption}" (from images.jsonl)`);
  if (value.count !== wanted.count) problems.push(`the gallery count says "${value.count}", expected "${wanted.count}"`);
  const allowed = new Set(expected.map((e) => e.id));
  const strays = value.ids.filter((id) => !allowed.has(id));
  if (strays.length > 0) problems.push(`the gallery shows images without the confusion: ${strays.slice(0, 5).join(', ')}`);
  if (value.ids[0] !== expected[0].id) problems.push(`the first image is ${value.ids[0]}, expected ${expected[0].id} (most ${confusion.what} pixels: ${expected[0].pixels})`);
  if (problems.length > 0) throw new Error(`confusion gallery: ${problems.join('; ')}`);
  const facts = { caption: value.caption, count: value.count, renderedCells: value.ids.length, first: expected[0], screenshot: await screenshot(page, 'dataset-confusion.png') };
  return { frame, facts };
}

/** Runs in the dataset webview: is the gallery shown, the chip's caption, the count, the rendered cells' ids in order, and how many are on screen with a loaded thumbnail. */
function confusionGalleryProbe() {
  const section = document.querySelector('.gallery-view');
  const cells = [...document.querySelectorAll('.gallery-cell')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
  const onScreen = cells.filter((c) => {
    const r = c.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  });
  const loaded = onScreen.filter((c) => c.querySelector('img')?.complete && c.querySelector('img').naturalWidth > 0);
  return {
    galleryShown: !!section && !section.hidden,
    detailShown: document.querySelector('.detail-view')?.hidden === false,
    caption: document.querySelector('.confusion-chip .confusion-caption')?.textContent ?? null,
    count: document.querySelector('.gallery-count')?.textContent ?? null,
    ids: cells.map((c) => c.dataset.id),
    visible: onScreen.length,
    loaded: loaded.length,
  };
}

// ---- 2. first filtered image: error map, hover readout, side by side ----------------------------------------------

async function checkErrorMap(page, frame, confusion, expected, time) {
  const first = expected[0].id;
  await frame.locator('.gallery-cell[data-index="0"]').click({ timeout: 10_000 });
  const detail = await waitInFrame(frame, {
    probe: detailProbe,
    ready: (s) => detailDrawn(s) && (s.title ?? '').includes(first),
    timeoutMs: time(20_000),
    what: `after a click on the first filtered image (${first}): a .detail-view titled with it, its <img> loaded and canvases drawn`,
  });
  const position = `1 / ${expected.length}`;
  if (detail.position !== position) throw new Error(`the detail view of ${first} says "${detail.position}", expected "${position}" (the first of the filtered gallery)`);
  await frame.locator('.detail-view').press('e');
  const layer = await waitInFrame(frame, {
    probe: errorLayerProbe,
    arg: HOVER_SAMPLES,
    ready: (s) => s.layerSelect === 'errors' && s.caption === 'Errors' && s.wrong > 0,
    timeoutMs: time(15_000),
    what: `after pressing 'e' in the detail view of ${first}: the layer select on "errors" and canvas[data-layer=errors] drawn with red (wrong) pixels`,
  });
  const hover = await hoverWrongPixels(page, frame, confusion, layer, time);
  const { samples: _samples, ...facts } = layer;
  return { image: first, title: detail.title, position: detail.position, ...facts, hover, screenshot: await screenshot(page, 'dataset-errors.png') };
}

/** Runs in the dataset webview: the layer select, the error canvas, its wrong (pure red) pixels and up to `max` of them spread evenly. */
function errorLayerProbe(max) {
  const canvas = document.querySelector('.detail-view canvas[data-layer="errors"]');
  const base = {
    layerSelect: document.querySelector('#layer-select')?.value ?? null,
    caption: canvas?.closest('.stage')?.querySelector('.stage-caption')?.textContent ?? null,
    canvas: canvas ? `${canvas.width}×${canvas.height}` : null,
  };
  if (!canvas || canvas.width <= 1 || canvas.height <= 1) return { ...base, wrong: 0 };
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const wrong = [];
  let marked = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0) marked++;
    if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 0 && data[i + 3] === 255) wrong.push(i / 4);
  }
  const step = Math.max(1, Math.floor(wrong.length / max));
  const samples = wrong.filter((_, k) => k % step === 0).slice(0, max).map((p) => [p % canvas.width, Math.floor(p / canvas.width)]);
  return { ...base, width: canvas.width, height: canvas.height, marked, wrong: wrong.length, samples };
}

/**
 * Moves the mouse over red pixels of the error map until the readout names the filtered confusion; each readout must
 * name the pixel, both classes and "wrong".
 */
async function hoverWrongPixels(page, frame, confusion, layer, time) {
  const box = await frame.locator('.detail-view canvas[data-layer="errors"]').boundingBox();
  if (!box) throw new Error('the error canvas has no box on screen to hover');
  const wanted = `ground truth: ${confusion.gtName} · prediction: ${confusion.predName} · wrong`;
  const seen = [];
  for (const [x, y] of layer.samples) {
    await page.mouse.move(box.x + ((x + 0.5) * box.width) / layer.width, box.y + ((y + 0.5) * box.height) / layer.height);
    const text = await readoutFor(frame, `${x}, ${y} · `, time(3000));
    if (!/^\d+, \d+ · ground truth: \S.* · prediction: \S.* · wrong$/.test(text)) throw new Error(`hovering the red (wrong) pixel ${x}, ${y} of the error map: the readout says "${text}", expected "${x}, ${y} · ground truth: <class> · prediction: <class> · wrong"`);
    seen.push(text);
    if (text.endsWith(wanted)) return { readout: text, hovered: seen.length };
  }
  throw new Error(`none of ${seen.length} hovered red pixels reads "${wanted}" (the filter's confusion); seen: ${[...new Set(seen.map((t) => t.replace(/^\d+, \d+ · /, '')))].slice(0, 6).join(' | ')}`);
}

/** Waits for #hover-readout to describe the pixel (`prefix` is "x, y · "); returns its text. */
async function readoutFor(frame, prefix, timeoutMs) {
  const state = await waitInFrame(frame, {
    probe: () => ({ text: document.querySelector('#hover-readout')?.textContent ?? null }),
    ready: (s) => (s.text ?? '').startsWith(prefix),
    timeoutMs,
    pollMs: 25,
    what: `the hover readout (#hover-readout) for pixel ${prefix.slice(0, -3)}`,
  });
  return state.text;
}

async function checkSideBySide(page, frame, time) {
  await frame.locator('.detail-view').press('s');
  const state = await waitInFrame(frame, {
    probe: stagesProbe,
    ready: (s) => s.sideBySide && s.mode === 'sideBySide' && s.layers.join() === 'gt,pred,errors' && s.drawn === 3,
    timeoutMs: time(15_000),
    what: "after pressing 's': .stages.side-by-side with three stages (gt, pred, errors), each canvas drawn, and the mode select on sideBySide",
  });
  return { ...state, screenshot: await screenshot(page, 'dataset-side-by-side.png') };
}

/** Runs in the dataset webview: the stages, their layers and captions, and how many canvases have pixels. */
function stagesProbe() {
  const stages = document.querySelector('.detail-view .stages');
  const canvases = [...document.querySelectorAll('.detail-view .stage canvas')];
  const drawn = canvases.filter((c) => c.width > 1 && c.height > 1 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0));
  return {
    sideBySide: !!stages?.classList.contains('side-by-side'),
    mode: document.querySelector('#mode-select')?.value ?? null,
    layers: canvases.map((c) => c.dataset.layer),
    captions: [...document.querySelectorAll('.detail-view .stage-caption')].map((c) => c.textContent),
    drawn: drawn.length,
  };
}

// ---- 3. worst image card → detail view ----------------------------------------------------------------------------

async function openWorstImage(page, time) {
  await page.locator('.tabs-container .tab', { hasText: 'Report: ' }).first().click({ timeout: 10_000 });
  const { frame, value } = await waitInView(page, 'report', {
    probe: () => {
      const cards = [...document.querySelectorAll('button.worst-card')];
      const img = cards[0]?.querySelector('img');
      return { cards: cards.length, firstId: cards[0]?.dataset.id ?? null, thumbnail: img ? img.complete && img.naturalWidth > 0 : 'none' };
    },
    ready: (s) => s.cards > 0 && s.thumbnail !== false,
    timeoutMs: time(20_000),
    what: 'after a click on the report tab: the report webview with worst-image cards (button.worst-card)',
  });
  await frame.locator('button.worst-card').first().click({ timeout: 10_000 });
  const { value: detail } = await waitInView(page, 'dataset', {
    probe: detailProbe,
    ready: (s) => detailDrawn(s) && (s.title ?? '').includes(value.firstId),
    timeoutMs: time(20_000),
    what: `after a click on the first worst-image card (${value.firstId}): the dataset panel's detail view titled with it, its image loaded and canvases drawn`,
  });
  if (!/^\d+ \/ \d+$|^not in the gallery’s \d+ images$/.test(detail.position ?? '')) throw new Error(`the detail view of ${value.firstId} shows the position "${detail.position}", expected "k / N" or "not in the gallery’s N images"`);
  return { id: value.firstId, cards: value.cards, title: detail.title, position: detail.position, screenshot: await screenshot(page, 'dataset-worst-image.png') };
}
