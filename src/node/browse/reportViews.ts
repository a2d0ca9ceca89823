import { shareSentence } from '../../core/eval/boundaryShare';
import type { PerClassRow } from '../../core/eval/evalReport';
import type { AlignedRow } from '../../core/report/classAlignment';
import type { HeadlineRow } from '../../core/report/headline';
import type { RunInput, RunView } from '../../core/report/reportModel';
import type { ConfusionData } from '../../core/report/runFolderParsing';
import type { ClassRowView, ClassScoresView, ConfusionView, RunSummaryView, TolerantSummaryView, WorstImageView } from '../../protocol/reportPanelMessages';
import { schemaView } from './schemaView';

/** Name of the column of predictions outside the schema (e.g. 255 = unmapped). */
export const OTHER_CLASS_NAME = 'other';

/**
 * The confusion matrix of confusion.json as a square view over the ground truth's class ids. The "other" column
 * (predictions outside the schema) is kept, not dropped: when any pixel fell into it, it becomes a last class with
 * id n (the column number images.jsonl uses for it, so a click on it filters images correctly) and an all-zero row,
 * since no ground-truth pixel can be "other". Without such pixels the view has just the n classes.
 */
export function confusionView(data: ConfusionData): ConfusionView {
  const n = data.classes.length;
  const hasOther = data.counts.some((row) => row[n] > 0);
  const size = hasOther ? n + 1 : n;
  const counts = new Array<number>(size * size).fill(0);
  for (let r = 0; r < n; r++) for (let c = 0; c < size; c++) counts[r * size + c] = data.counts[r][c];
  const classes = data.classes.map((name, id) => ({ id, name }));
  return { classes: hasOther ? [...classes, { id: n, name: OTHER_CLASS_NAME }] : classes, counts };
}

/**
 * The per-class table: rows aligned by concept and subject side across the runs. A row is named by its class when
 * every run that has it calls it the same, else by the concept in words ("subject's left eye").
 */
export function classRowViews(rows: readonly AlignedRow[], inputs: readonly RunInput[]): ClassRowView[] {
  const perClass = inputs.map((input) => new Map((input.record.summary?.perClass ?? []).map((c) => [c.name, c])));
  return rows.map((row) => {
    const names = new Set(row.cells.flatMap((cell) => (cell ? [cell.name] : [])));
    const name = names.size === 1 ? [...names][0] : row.concept;
    return { name, perRun: row.cells.map((cell, r) => (cell ? scoresView(perClass[r].get(cell.name), cell.tolerantF1) : null)) };
  });
}

/** A run with no score for a class (no summary yet) shows nulls and no pixels. */
function scoresView(row: PerClassRow | undefined, tolerantF1: number | null | undefined): ClassScoresView {
  return {
    ...(tolerantF1 === undefined ? {} : { tolerantF1 }),
    f1: row?.f1 ?? null,
    iou: row?.iou ?? null,
    precision: row?.precision ?? null,
    recall: row?.recall ?? null,
    gtPixels: row?.gtPixels ?? 0,
    predPixels: row?.predPixels ?? 0,
  };
}

/** One run of the report: facts, protocol, headline scores, confusion, worst images and notes. */
export function runSummaryView(view: RunView, input: RunInput, headline: HeadlineRow, worst: readonly WorstImageView[], notes: readonly string[]): RunSummaryView {
  const summary = input.record.summary;
  return {
    label: view.label,
    dir: view.dir,
    schema: schemaView(view.schema),
    facts: view.facts.map((f) => ({ label: f.label, value: f.value })),
    protocol: [...view.protocol],
    meanF1: headline.meanF1,
    mIoU: headline.mIoU,
    pixelAccuracy: headline.pixelAccuracy,
    ...(headline.tolerant ? { tolerant: tolerantView(headline) } : {}),
    images: typeof summary?.images === 'number' ? summary.images : input.images.length,
    status: summary?.status ?? input.record.status,
    confusion: input.confusion ? confusionView(input.confusion) : undefined,
    worst,
    skipped: view.skipped.map((s) => ({ file: s.file, reason: s.reason })),
    notes: [...view.notes, ...notes],
  };
}

/** The tolerant headline of a run that has one, with the same sentence the CLI and the HTML report print. */
function tolerantView(headline: HeadlineRow): TolerantSummaryView {
  const t = headline.tolerant!;
  const wrongPixelShare = t.shares.wrongPixels;
  const sentence = shareSentence({ strictMeanF1: headline.meanF1, tolerantMeanF1: t.meanF1, boundaryK: t.boundaryK, shareOfError: t.shareOfError, wrongPixelShare }, 3);
  return { boundaryK: t.boundaryK, meanF1: t.meanF1, mIoU: t.mIoU, pixelAccuracy: t.pixelAccuracy, shareOfError: t.shareOfError, wrongPixelShare, sentence };
}
