import type { ConfusionView } from '../../src/protocol/reportPanelMessages';
import type { HeatmapScale } from './reportUiState';

/** A class of the confusion matrix: its id in the ground truth's schema and its name. */
export type HeatmapClass = ConfusionView['classes'][number];

/** One cell: ground truth `gt` predicted as `pred`, its pixel count and its share of the ground-truth row. */
export interface HeatmapCell {
  readonly gt: HeatmapClass;
  readonly pred: HeatmapClass;
  readonly count: number;
  readonly share: number;
  readonly diagonal: boolean;
}

/** The matrix restricted to classes that occur in ground truth or prediction (same classes on both axes). */
export interface HeatmapModel {
  readonly classes: readonly HeatmapClass[];
  /** cells[row][column], rows = ground truth. */
  readonly cells: readonly (readonly HeatmapCell[])[];
  readonly rowTotals: readonly number[];
  /** Names of classes left out because no pixel has them on either axis. */
  readonly hidden: readonly string[];
}

/** The smallest row share the log scale tells apart from zero (0.01 %). */
export const LOG_SCALE_FLOOR = 1e-4;

/** Builds the heatmap of a confusion matrix (row-major counts, classes.length²), each row divided by its total. */
export function heatmapModel(view: ConfusionView): HeatmapModel {
  const n = view.classes.length;
  const at = (r: number, c: number): number => view.counts[r * n + c] ?? 0;
  const rowSum = view.classes.map((_, r) => view.classes.reduce((sum, _c, c) => sum + at(r, c), 0));
  const colSum = view.classes.map((_, c) => view.classes.reduce((sum, _r, r) => sum + at(r, c), 0));
  const kept = view.classes.map((_, i) => i).filter((i) => rowSum[i] > 0 || colSum[i] > 0);
  const cells = kept.map((r) =>
    kept.map((c) => ({
      gt: view.classes[r],
      pred: view.classes[c],
      count: at(r, c),
      share: rowSum[r] > 0 ? at(r, c) / rowSum[r] : 0,
      diagonal: r === c,
    })),
  );
  return {
    classes: kept.map((i) => view.classes[i]),
    cells,
    rowTotals: kept.map((i) => rowSum[i]),
    hidden: view.classes.filter((_, i) => !kept.includes(i)).map((c) => c.name),
  };
}

/** How strongly a cell is coloured, 0–1; any non-zero cell gets at least a faint tint so it stays visible. */
export function cellStrength(cell: HeatmapCell, scale: HeatmapScale): number {
  if (cell.count === 0) return 0;
  const minimum = 0.06;
  const raw = scale === 'linear' ? cell.share : (Math.log10(Math.max(cell.share, LOG_SCALE_FLOOR)) - Math.log10(LOG_SCALE_FLOOR)) / -Math.log10(LOG_SCALE_FLOOR);
  return Math.min(1, Math.max(minimum, raw));
}

/** The cell in words, for the tooltip and the readout. */
export function describeCell(cell: HeatmapCell, rowTotal: number): string {
  const what = cell.diagonal ? `${cell.gt.name} predicted correctly` : `ground truth ${cell.gt.name} predicted as ${cell.pred.name}`;
  return `${what}: ${cell.count.toLocaleString('en-US')} px, ${percent(cell.share)} of ${rowTotal.toLocaleString('en-US')} ${cell.gt.name} px`;
}

/** A share as a percentage with enough decimals to tell small values apart. */
export function percent(share: number): string {
  const pct = share * 100;
  return `${pct >= 10 || pct === 0 ? pct.toFixed(1) : pct.toFixed(2)} %`;
}

/** True when clicking the cell has something to open: a confusion with pixels. */
export function isActionable(cell: HeatmapCell): boolean {
  return !cell.diagonal && cell.count > 0;
}
