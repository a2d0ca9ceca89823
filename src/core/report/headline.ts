import type { RunRecord } from '../eval/runRecord';
import { baseName } from '../util/paths';
import { signed } from './numberFormat';
import { tolerantHeadline, type TolerantHeadline } from './tolerantScores';

/** The three headline scores of a run (null when the run has no summary or the score is undefined). */
export interface HeadlineScores {
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  readonly pixelAccuracy: number | null;
}

/** One run's line of the headline table: its scores and their change against the first run. */
export interface HeadlineRow extends HeadlineScores {
  readonly label: string;
  readonly dir: string;
  readonly dataset: string;
  readonly schema: string;
  /** This run minus the first run, per score (null where either is missing); zeros for the first run. */
  readonly delta: HeadlineScores;
  /** Scores with the boundary band left out, when the run has them. */
  readonly tolerant?: TolerantHeadline;
}

/** The headline table: each run's pooled mean F1 (foreground), mIoU and pixel accuracy, and the change against the first run. */
export function headlineRows(runs: ReadonlyArray<{ readonly label: string; readonly dir: string; readonly record: RunRecord }>): HeadlineRow[] {
  const scores = runs.map((r) => scoresOf(r.record));
  return runs.map((run, i) => {
    const tolerant = tolerantHeadline(run.record.summary);
    return {
      label: run.label,
      dir: run.dir,
      dataset: run.record.dataset.root,
      schema: run.record.dataset.schema,
      ...scores[i],
      delta: {
        meanF1: difference(scores[i].meanF1, scores[0].meanF1),
        mIoU: difference(scores[i].mIoU, scores[0].mIoU),
        pixelAccuracy: difference(scores[i].pixelAccuracy, scores[0].pixelAccuracy),
      },
      ...(tolerant ? { tolerant } : {}),
    };
  });
}

/** A sentence per later run saying how its scores moved against the first, e.g. "#2 real vs #1 synth: −0.21 mean F1, …". */
export function deltaSentences(rows: readonly HeadlineRow[]): string[] {
  return rows.slice(1).map((row) => {
    const parts = [
      `${signed(row.delta.meanF1, 2)} mean F1`,
      `${signed(row.delta.mIoU, 2)} mIoU`,
      `${signed(row.delta.pixelAccuracy, 3)} pixel accuracy`,
    ];
    return `${row.label} (${baseName(row.dataset)}) against ${rows[0].label} (${baseName(rows[0].dataset)}): ${parts.join(', ')}`;
  });
}

function scoresOf(record: RunRecord): HeadlineScores {
  const s = record.summary;
  return { meanF1: s?.meanF1 ?? null, mIoU: s?.mIoU ?? null, pixelAccuracy: s?.pixelAccuracy ?? null };
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}
