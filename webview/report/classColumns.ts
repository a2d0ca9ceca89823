import type { ClassRowView, ClassScoresView, RunSummaryView } from '../../src/protocol/reportPanelMessages';
import { score } from '../shared/dom';

/** One sortable column of the per-class table. */
export interface ClassColumn {
  /** Stable identity, saved as the sort key: "name", or "<run index>.<metric>". */
  readonly key: string;
  /** Short header text, e.g. "F1". */
  readonly label: string;
  /** Header text for assistive technology, naming the run, e.g. "#2 ΔF1 vs #1". */
  readonly ariaLabel: string;
  /** The run this column belongs to; undefined for the class-name column. */
  readonly runIndex?: number;
  readonly numeric: boolean;
  value(row: ClassRowView): number | string | null;
  format(row: ClassRowView): string;
}

type Metric = 'f1' | 'tolerantF1' | 'iou' | 'precision' | 'recall' | 'gtPixels';

const METRICS: ReadonlyArray<{ metric: Metric; label: string }> = [
  { metric: 'f1', label: 'F1' },
  { metric: 'iou', label: 'IoU' },
  { metric: 'precision', label: 'Precision' },
  { metric: 'recall', label: 'Recall' },
  { metric: 'gtPixels', label: 'GT px' },
];

/** The class-name column followed by, per run, its metrics (and from the second run on, ΔF1 against the first). */
export function classColumns(runs: readonly RunSummaryView[]): ClassColumn[] {
  const name: ClassColumn = {
    key: 'name',
    label: 'Class',
    ariaLabel: 'Class',
    numeric: false,
    value: (row) => row.name,
    format: (row) => row.name,
  };
  return [name, ...runs.flatMap((run, i) => runColumns(run, i, runs[0]))];
}

function runColumns(run: RunSummaryView, runIndex: number, reference: RunSummaryView): ClassColumn[] {
  const metrics = run.tolerant ? [METRICS[0], { metric: 'tolerantF1' as const, label: 'F1 tol.' }, ...METRICS.slice(1)] : METRICS;
  const columns = metrics.map(({ metric, label }) => metricColumn(run, runIndex, metric, label));
  if (runIndex > 0) columns.push(deltaColumn(run, runIndex, reference));
  return columns;
}

function metricColumn(run: RunSummaryView, runIndex: number, metric: Metric, label: string): ClassColumn {
  const value = (row: ClassRowView): number | null => scoresOf(row, runIndex)?.[metric] ?? null;
  return {
    key: `${runIndex}.${metric}`,
    label,
    ariaLabel: metric === 'tolerantF1' ? `${run.label} F1 tolerant (boundary band k=${run.tolerant?.boundaryK ?? 0})` : `${run.label} ${label}`,
    runIndex,
    numeric: true,
    value,
    format: (row) => (metric === 'gtPixels' ? pixelCount(value(row)) : score(value(row))),
  };
}

function deltaColumn(run: RunSummaryView, runIndex: number, reference: RunSummaryView): ClassColumn {
  const value = (row: ClassRowView): number | null => f1Delta(row, runIndex);
  return {
    key: `${runIndex}.dF1`,
    label: 'ΔF1',
    ariaLabel: `${run.label} ΔF1 vs ${reference.label}`,
    runIndex,
    numeric: true,
    value,
    format: (row) => signedScore(value(row)),
  };
}

/** True for the first column of a run's group after the first run's (the table draws a divider before it). */
export function startsRunGroup(column: ClassColumn): boolean {
  return column.runIndex !== undefined && column.runIndex > 0 && column.key.endsWith('.f1');
}

/** This run's F1 minus the first run's, or null when either is missing. */
export function f1Delta(row: ClassRowView, runIndex: number): number | null {
  const here = scoresOf(row, runIndex)?.f1 ?? null;
  const reference = scoresOf(row, 0)?.f1 ?? null;
  return here === null || reference === null ? null : here - reference;
}

function scoresOf(row: ClassRowView, runIndex: number): ClassScoresView | null {
  return row.perRun[runIndex] ?? null;
}

function pixelCount(value: number | null): string {
  return value === null ? '–' : value.toLocaleString('en-US');
}

/** A signed score with three decimals and a true minus sign, or an en dash for none. */
export function signedScore(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '–';
  const text = Math.abs(value).toFixed(3);
  if (text === '0.000') return '±0.000';
  return value > 0 ? `+${text}` : `−${text}`;
}
