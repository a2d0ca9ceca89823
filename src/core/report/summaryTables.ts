import { baseName } from '../util/paths';
import { shareSentence, wholePercent } from '../eval/boundaryShare';
import type { AlignedCell, AlignedRow } from './classAlignment';
import type { HeadlineRow } from './headline';
import { html, type SafeHtml } from './htmlEscape';
import { score, signed } from './numberFormat';
import type { RunView } from './reportModel';

/** The headline table: each run's pooled scores and their change against the first run; tolerant scores beside mean F1 when a run has them. */
export function headlineTableHtml(rows: readonly HeadlineRow[], deltas: readonly string[]): SafeHtml {
  const key = deltas.map((d) => html`<p class="key">${d}</p>`);
  const tolerant = rows.some((r) => r.tolerant);
  const tolerantHead = tolerant ? html`<th class="num">tolerant mean F1</th><th class="num">band's share of error</th>` : '';
  const head = html`<tr><th>run</th><th>dataset</th><th>schema</th><th class="num">mean F1 (fg)</th><th class="num">Δ</th>${tolerantHead}<th class="num">mIoU</th><th class="num">Δ</th><th class="num">pixel accuracy</th><th class="num">Δ</th></tr>`;
  const body = rows.map(
    (r, i) => html`<tr><td>${r.label}</td><td><span class="path" title="${r.dataset}">${baseName(r.dataset)}</span></td><td>${r.schema}</td>
<td class="num">${score(r.meanF1)}</td>${deltaCell(r.delta.meanF1, i)}${tolerant ? tolerantCells(r) : ''}<td class="num">${score(r.mIoU)}</td>${deltaCell(r.delta.mIoU, i)}
<td class="num">${score(r.pixelAccuracy)}</td>${deltaCell(r.delta.pixelAccuracy, i)}</tr>`,
  );
  return html`${key}<div class="scroll"><table class="headline"><thead>${head}</thead><tbody>${body}</tbody></table></div>${shareLines(rows)}
<p class="muted">Pooled over each run's images. Mean F1 averages the foreground classes present in ground truth or prediction; mIoU includes background.
Δ is each run minus run ${rows[0].label}. Runs scored in different label schemas average over different class sets: compare the per-class table too.</p>`;
}

function tolerantCells(row: HeadlineRow): SafeHtml {
  const t = row.tolerant;
  if (!t) return html`<td class="num muted">–</td><td class="num muted">–</td>`;
  const share = t.shareOfError === null ? '–' : wholePercent(t.shareOfError);
  return html`<td class="num">${score(t.meanF1)} <span class="muted">k=${t.boundaryK}</span></td><td class="num">${share}</td>`;
}

/** One sentence per run with tolerant scores: strict and tolerant mean F1 and the band's share of the error. */
function shareLines(rows: readonly HeadlineRow[]): SafeHtml {
  const lines = rows.flatMap((r) => {
    const t = r.tolerant;
    if (!t) return [];
    const inputs = { strictMeanF1: r.meanF1, tolerantMeanF1: t.meanF1, boundaryK: t.boundaryK, shareOfError: t.shareOfError, wrongPixelShare: t.shares.wrongPixels };
    return [html`<p class="tolerant">${r.label}: ${shareSentence(inputs, 4)}.</p>`];
  });
  if (lines.length === 0) return html``;
  return html`${lines}<p class="muted">Tolerant scores leave out ground-truth pixels near class edges (band k, see each run's protocol): the share is how much of the strict error is there, (tolerant − strict) / (1 − strict), negative when leaving the band out lowers the score.</p>`;
}

function deltaCell(value: number | null, index: number): SafeHtml {
  if (index === 0) return html`<td class="num muted">reference</td>`;
  const tone = value === null || Math.abs(value) < 0.005 ? '' : value < 0 ? 'neg' : 'pos';
  return html`<td class="${`num ${tone}`.trim()}">${signed(value, 4)}</td>`;
}

/** F1 and IoU per class and run (and tolerant F1 for runs that have it), rows aligned by concept and the subject's side; a run without the class gets empty cells. */
export function classTableHtml(rows: readonly AlignedRow[], runs: readonly RunView[]): SafeHtml {
  const tolerant = runs.map((_, r) => rows.some((row) => row.cells[r]?.tolerantF1 !== undefined));
  const top = html`<tr><th rowspan="2">concept</th>${runs.map((r, i) => html`<th colspan="${tolerant[i] ? 4 : 3}">${r.label} <span class="classname">${r.schema.id}</span></th>`)}</tr>`;
  const sub = html`<tr>${runs.map((_, i) => html`<th>class</th><th class="num">F1</th>${tolerant[i] ? html`<th class="num">F1 tolerant</th>` : ''}<th class="num">IoU</th>`)}</tr>`;
  const body = rows.map((row) => html`<tr><th scope="row" title="${row.key}">${row.concept}</th>${row.cells.map((cell, i) => classCells(cell, tolerant[i]))}</tr>`);
  return html`<div class="scroll"><table class="classes"><thead>${top}${sub}</thead><tbody>${body}</tbody></table></div>
<p class="muted">Rows pair classes by canonical concept and the subject's own side, never by name (FaceSynthetics LEFT_EYE is the subject's right eye, CelebAMask-HQ r_eye).
An empty cell: that run's schema has no such class. "–": the class had no pixels in ground truth or prediction${tolerant.some(Boolean) ? ' (F1 tolerant: none outside the boundary band)' : ''}.</p>`;
}

function classCells(cell: AlignedCell | null, tolerant: boolean): SafeHtml {
  const tolerantCell = tolerant ? html`<td class="num">${score(cell?.tolerantF1)}</td>` : '';
  if (cell === null) return html`<td class="muted"></td><td></td>${tolerant ? html`<td></td>` : ''}<td></td>`;
  return html`<td class="classname">${cell.name}</td><td class="num">${score(cell.f1)}</td>${tolerantCell}<td class="num">${score(cell.iou)}</td>`;
}
