import { html, type SafeHtml } from './htmlEscape';
import type { ConfusionData } from './runFolderParsing';

/** One cell of the heatmap: its pixel count and its share of the ground-truth row. */
export interface HeatmapCell {
  readonly count: number;
  readonly share: number;
}

/** A row-normalised confusion matrix restricted to the classes that occur in ground truth or prediction. */
export interface HeatmapView {
  /** Ground-truth classes shown, one per row. */
  readonly rows: readonly string[];
  /** Predicted classes shown, one per column (the rows' classes, plus "other" when any pixel was unmapped). */
  readonly columns: readonly string[];
  readonly cells: readonly (readonly HeatmapCell[])[];
  /** Ground-truth pixels of each shown row. */
  readonly rowTotals: readonly number[];
  /** Classes left out because no pixel has them in ground truth or prediction. */
  readonly hidden: readonly string[];
}

/** Builds the heatmap of a confusion matrix: each row divided by its ground-truth pixel count. */
export function heatmapView(data: ConfusionData): HeatmapView {
  const n = data.classes.length;
  const rowSum = data.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colSum = Array.from({ length: n + 1 }, (_, c) => data.counts.reduce((a, row) => a + row[c], 0));
  const kept = data.classes.map((_, i) => i).filter((i) => rowSum[i] > 0 || colSum[i] > 0);
  const columns = colSum[n] > 0 ? [...kept, n] : kept;
  return {
    rows: kept.map((i) => data.classes[i]),
    columns: columns.map((c) => (c === n ? 'other' : data.classes[c])),
    cells: kept.map((r) => columns.map((c) => ({ count: data.counts[r][c], share: rowSum[r] > 0 ? data.counts[r][c] / rowSum[r] : 0 }))),
    rowTotals: kept.map((r) => rowSum[r]),
    hidden: data.classes.filter((_, i) => !kept.includes(i)),
  };
}

/** The heatmap as an HTML table: diagonal cells green, confusions red, opacity by row share; each cell's title gives the counts. */
export function heatmapHtml(view: HeatmapView, caption: string): SafeHtml {
  const head = html`<tr><th class="corner" scope="col">ground truth ↓ / prediction →</th>${view.columns.map((c) => html`<th class="col" scope="col"><span>${c}</span></th>`)}<th scope="col">GT pixels</th></tr>`;
  const body = view.rows.map((name, r) => {
    const cells = view.cells[r].map((cell, c) => heatCell(cell, name, view.columns[c], c === r));
    return html`<tr><th scope="row">${name}</th>${cells}<td class="num">${view.rowTotals[r].toLocaleString('en-US')}</td></tr>`;
  });
  const hidden = view.hidden.length > 0 ? html`<p class="muted">Not shown (no pixels in ground truth or prediction): ${view.hidden.join(', ')}.</p>` : '';
  return html`<div class="scroll"><table class="heatmap"><caption>${caption}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>${hidden}`;
}

function heatCell(cell: HeatmapCell, gt: string, pred: string, diagonal: boolean): SafeHtml {
  const pct = cell.share * 100;
  const title = `ground truth ${gt} → predicted ${pred}: ${cell.count.toLocaleString('en-US')} px (${pct.toFixed(2)}% of ${gt})`;
  const colour = diagonal ? '22, 163, 74' : '220, 38, 38';
  // A floor of 0.08 keeps tiny non-zero confusions visible against empty cells.
  const alpha = cell.count > 0 ? Math.max(0.08, cell.share).toFixed(3) : '0';
  const text = pct >= 1 ? Math.round(pct).toString() : '';
  return html`<td class="${diagonal ? 'cell diag' : 'cell'}" style="background: rgba(${colour}, ${alpha})" title="${title}">${text}</td>`;
}
