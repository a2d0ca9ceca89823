import { baseName } from '../util/paths';
import type { AlignedRow } from './classAlignment';
import type { HeadlineRow } from './headline';
import { html, type SafeHtml } from './htmlEscape';
import { score, signed } from './numberFormat';
import type { RunView } from './reportModel';

/** The headline table: each run's pooled scores and their change against the first run. */
export function headlineTableHtml(rows: readonly HeadlineRow[], deltas: readonly string[]): SafeHtml {
  const key = deltas.map((d) => html`<p class="key">${d}</p>`);
  const head = html`<tr><th>run</th><th>dataset</th><th>schema</th><th class="num">mean F1 (fg)</th><th class="num">Δ</th><th class="num">mIoU</th><th class="num">Δ</th><th class="num">pixel accuracy</th><th class="num">Δ</th></tr>`;
  const body = rows.map(
    (r, i) => html`<tr><td>${r.label}</td><td><span class="path" title="${r.dataset}">${baseName(r.dataset)}</span></td><td>${r.schema}</td>
<td class="num">${score(r.meanF1)}</td>${deltaCell(r.delta.meanF1, i)}<td class="num">${score(r.mIoU)}</td>${deltaCell(r.delta.mIoU, i)}
<td class="num">${score(r.pixelAccuracy)}</td>${deltaCell(r.delta.pixelAccuracy, i)}</tr>`,
  );
  return html`${key}<div class="scroll"><table class="headline"><thead>${head}</thead><tbody>${body}</tbody></table></div>
<p class="muted">Pooled over each run's images. Mean F1 averages the foreground classes present in ground truth or prediction; mIoU includes background.
Δ is each run minus run ${rows[0].label}. Runs scored in different label schemas average over different class sets: compare the per-class table too.</p>`;
}

function deltaCell(value: number | null, index: number): SafeHtml {
  if (index === 0) return html`<td class="num muted">reference</td>`;
  const tone = value === null || Math.abs(value) < 0.005 ? '' : value < 0 ? 'neg' : 'pos';
  return html`<td class="${`num ${tone}`.trim()}">${signed(value, 4)}</td>`;
}

/** F1 and IoU per class and run, rows aligned by concept and the subject's side; a run without the class gets an empty cell. */
export function classTableHtml(rows: readonly AlignedRow[], runs: readonly RunView[]): SafeHtml {
  const top = html`<tr><th rowspan="2">concept</th>${runs.map((r) => html`<th colspan="3">${r.label} <span class="classname">${r.schema.id}</span></th>`)}</tr>`;
  const sub = html`<tr>${runs.map(() => html`<th>class</th><th class="num">F1</th><th class="num">IoU</th>`)}</tr>`;
  const body = rows.map(
    (row) => html`<tr><th scope="row" title="${row.key}">${row.concept}</th>${row.cells.map((cell) =>
      cell === null ? html`<td class="muted"></td><td></td><td></td>` : html`<td class="classname">${cell.name}</td><td class="num">${score(cell.f1)}</td><td class="num">${score(cell.iou)}</td>`,
    )}</tr>`,
  );
  return html`<div class="scroll"><table class="classes"><thead>${top}${sub}</thead><tbody>${body}</tbody></table></div>
<p class="muted">Rows pair classes by canonical concept and the subject's own side, never by name (FaceSynthetics LEFT_EYE is the subject's right eye, CelebAMask-HQ r_eye).
An empty cell: that run's schema has no such class. "–": the class had no pixels in ground truth or prediction.</p>`;
}
