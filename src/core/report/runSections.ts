import type { ImageResult } from '../eval/runJournal';
import { baseName } from '../util/paths';
import { heatmapHtml } from './confusionHeatmap';
import { html, type SafeHtml } from './htmlEscape';
import { score } from './numberFormat';
import type { RunView, Thumbnail, ThumbnailSet } from './reportModel';

/** How many skipped files are listed before the rest are counted. */
const SKIPPED_LISTED = 20;

/** A run's facts: dataset, model, provider, images, timings; then its protocol, skipped files and notes. */
export function runDetailsHtml(run: RunView): SafeHtml {
  const facts = run.facts.map((f) => html`<tr><th scope="row">${f.label}</th><td>${f.value}</td></tr>`);
  const protocol = html`<details><summary>protocol (${run.protocol.length} statements)</summary><ul class="protocol">${run.protocol.map((s) => html`<li>${s}</li>`)}</ul></details>`;
  return html`<h3 id="${`run-${run.label.slice(1)}`}">Run ${run.label} <span class="path muted">${run.dir}</span></h3>
<table class="facts">${facts}</table>${protocol}${skippedHtml(run.skipped)}${notesHtml(run.notes)}`;
}

function skippedHtml(skipped: RunView['skipped']): SafeHtml | string {
  if (skipped.length === 0) return '';
  const listed = skipped.slice(0, SKIPPED_LISTED).map((s) => html`<li><span class="path">${s.file}</span>: ${s.reason}</li>`);
  const more = skipped.length > SKIPPED_LISTED ? html`<li>… and ${skipped.length - SKIPPED_LISTED} more (run.json, summary.skipped)</li>` : '';
  return html`<details><summary>${skipped.length} skipped file(s)</summary><ul>${listed}${more}</ul></details>`;
}

/** Notes about files that could not be read, each naming its file. */
export function notesHtml(notes: readonly string[]): SafeHtml | string {
  return notes.length === 0 ? '' : html`${notes.map((n) => html`<p class="note">${n}</p>`)}`;
}

/** A run's confusion heatmap and its worst images with their thumbnails. */
export function runDiagnosticsHtml(run: RunView, thumbnails: ReadonlyMap<string, ThumbnailSet>): SafeHtml {
  const caption = `Run ${run.label}: rows = ground truth (${run.schema.id}), share of each row in %; hover a cell for pixel counts`;
  const heatmap = run.heatmap ? heatmapHtml(run.heatmap, caption) : html`<p class="muted">No confusion matrix (confusion.json could not be read).</p>`;
  const cards = run.worst.map((result, i) => imageCardHtml(result, i + 1, thumbnails.get(result.id)));
  const worst = run.worst.length > 0 ? html`<div class="cards">${cards}</div>` : html`<p class="muted">No ranked images.</p>`;
  return html`<h3>Run ${run.label}: confusion matrix</h3>${heatmap}
<h3>Run ${run.label}: ${run.worst.length} worst image(s) by per-image mean F1</h3>
<p class="muted">Overlays in ${run.schema.id} colours; the prediction is shown after mapping into the ground truth's schema (grey: no counterpart). Errors: green = correct, red = wrong, dark = not scored.</p>${worst}`;
}

function imageCardHtml(result: ImageResult, rank: number, set: ThumbnailSet | undefined): SafeHtml {
  const s = result.scores;
  const figures = (set?.thumbnails ?? []).map(figureHtml);
  return html`<div class="card"><h4>${rank}. ${result.id}</h4>
<div class="muted">mean F1 ${score(s.meanF1)} · mIoU ${score(s.mIoU)} · pixel accuracy ${score(s.pixelAccuracy)}</div>
<div class="path muted" title="${result.image}">${baseName(result.image)}</div>
<div class="thumbs">${figures}</div>${notesHtml(set?.notes ?? [])}</div>`;
}

function figureHtml(t: Thumbnail): SafeHtml {
  // Only embedded pictures: anything else would load from outside the file (and the CSP would block it anyway).
  if (!/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/.test(t.dataUri)) return html`<p class="note">${t.label}: not an embedded picture</p>`;
  return html`<figure><img src="${t.dataUri}" width="${t.width}" height="${t.height}" alt="${t.description}" title="${t.description}"><figcaption>${t.label}</figcaption></figure>`;
}
