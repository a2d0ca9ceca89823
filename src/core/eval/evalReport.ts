import type { ConfusionMatrix } from '../metrics/confusionMatrix';
import type { DatasetSummary, PerImageAverage } from '../metrics/datasetSummary';
import { averagePerImage, summarize } from '../metrics/datasetSummary';
import type { ImageScores } from '../metrics/imageScores';
import { classNamesById } from '../metrics/imageScores';
import { NEAREST_PIXEL_CENTRE_RULE } from '../raster/resizeLabels';
import { crosswalkReport } from '../schema/crosswalk';
import type { LabelSchema } from '../schema/labelSchema';
import type { EvalOutcome } from './evaluateDataset';
import type { EvalDataset, EvalProtocol } from './evalTypes';
import { describeScoringResolution } from './scoringResolution';
import { boundaryShares, type BoundaryShares } from './boundaryShare';

/** One class's scores as printed by --json. */
export interface PerClassRow {
  readonly name: string;
  readonly f1: number | null;
  readonly iou: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly gtPixels: number;
  readonly predPixels: number;
}

/** A scored view of the dataset (strict, or with the boundary band left out). */
export interface ScoreView {
  readonly pixelAccuracy: number | null;
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  readonly perClass: readonly PerClassRow[];
  readonly perImageAverage: PerImageAverage;
  readonly groups: DatasetSummary['groups'];
  readonly excludedFromMeanF1: DatasetSummary['excludedFromMeanF1'];
  readonly scoredPixels: number;
  readonly ignoredPixels: number;
  readonly otherPredictionPixels: number;
}

/** The tolerant scores and how much of the strict error the band accounts for (older run.json files lack the two share fields). */
export interface TolerantView extends ScoreView {
  readonly boundaryK: number;
  /** The band's share of the strict mean F1's error, (tolerant − strict) / (1 − strict); see boundaryShare.ts. */
  readonly boundaryShareOfError: number | null;
  readonly boundaryShares: BoundaryShares;
}

/** The evaluation summary that `eval --json` prints and run.json holds. */
export interface EvalSummary extends ScoreView {
  readonly status: EvalOutcome['status'];
  readonly images: number;
  readonly executionProvider: string | null;
  readonly skipped: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
  /** Scores with a k-pixel band around ground-truth boundaries left out, when asked for. */
  readonly tolerant?: TolerantView;
  readonly protocol: readonly string[];
  readonly counts: EvalOutcome['counts'];
}

/** What the summary needs of the dataset (facegap merge has its shards' record of it, not the dataset). */
export type SummaryDataset = Pick<EvalDataset, 'schema' | 'schemaReason'>;

/** Builds the summary of an evaluation with every protocol choice stated. */
export function buildEvalSummary(outcome: EvalOutcome, dataset: SummaryDataset, protocol: EvalProtocol, executionProvider: string | null): EvalSummary {
  const strictSummary = summarize(outcome.matrix, dataset.schema, { groups: protocol.groups });
  const strict = scoreView(strictSummary, dataset.schema, outcome.results.map((r) => r.scores));
  const tolerantImages = outcome.results.flatMap((r) => (r.tolerantScores ? [r.tolerantScores] : []));
  const tolerant = outcome.tolerantMatrix
    ? tolerantView(strict, scoreView(summarize(outcome.tolerantMatrix, dataset.schema, { groups: protocol.groups }), dataset.schema, tolerantImages), protocol.boundaryK)
    : undefined;
  return {
    status: outcome.status,
    images: outcome.results.length,
    ...strict,
    executionProvider,
    skipped: outcome.skipped.map((s) => ({ file: s.file, reason: s.reason })),
    ...(tolerant ? { tolerant } : {}),
    protocol: protocolSentences(outcome, dataset, protocol, strictSummary.protocol),
    counts: outcome.counts,
  };
}

function tolerantView(strict: ScoreView, tolerant: ScoreView, boundaryK: number): TolerantView {
  const shares = boundaryShares(strict, tolerant);
  return { ...tolerant, boundaryK, boundaryShareOfError: shares.meanF1, boundaryShares: shares };
}

function scoreView(summary: DatasetSummary, schema: LabelSchema, images: readonly ImageScores[]): ScoreView {
  return {
    pixelAccuracy: summary.pixelAccuracy,
    meanF1: summary.meanF1,
    mIoU: summary.mIoU,
    perClass: schema.classes.map((cls) => {
      const s = summary.classes.find((c) => c.id === cls.id)!;
      return { name: cls.name, f1: s.f1, iou: s.iou, precision: s.precision, recall: s.recall, gtPixels: s.gtPixels, predPixels: s.predPixels };
    }),
    perImageAverage: averagePerImage(images),
    groups: summary.groups,
    excludedFromMeanF1: summary.excludedFromMeanF1,
    scoredPixels: summary.scoredPixels,
    ignoredPixels: summary.ignoredPixels,
    otherPredictionPixels: summary.otherPredictionPixels,
  };
}

function protocolSentences(outcome: EvalOutcome, dataset: SummaryDataset, protocol: EvalProtocol, metricSentences: readonly string[]): string[] {
  const sentences = [
    `ground truth: ${dataset.schema.id} (${dataset.schemaReason})`,
    describeScoringResolution(protocol.resolution),
    `label resizing: ${NEAREST_PIXEL_CENTRE_RULE}`,
    'model logits: resampled bilinearly (half-pixel centres) straight to the scoring size, then argmax',
    'confusion matrix accumulated over all images; per-class F1 = 2TP/(GT+Pred), IoU = TP/(GT+Pred−TP)',
    ...metricSentences,
    'per-image averages: each image scored on its own matrix, then averaged with equal weight',
    `predictions in ${outcome.crosswalk.fromSchema} are mapped to ${outcome.crosswalk.toSchema} by concept and subject side`,
    ...crosswalkReport(outcome.crosswalk),
  ];
  if (protocol.mapping) sentences.push(`crosswalk overrides from ${protocol.mapping.fileName}`);
  if (protocol.boundaryK > 0) {
    sentences.push(`tolerant scores leave out ground-truth pixels within ${protocol.boundaryK - 1} px of a pixel touching another class (boundary band k = ${protocol.boundaryK})`);
    sentences.push("the band's share of the error = (tolerant − strict) / (1 − strict) per score; negative when leaving the band out lowers the score; a class with no pixels outside the band drops out of the tolerant means");
  }
  return sentences;
}

/** The confusion matrix with class names, for confusion.json. */
export function confusionRecord(matrix: ConfusionMatrix, schema: LabelSchema): Record<string, unknown> {
  const names = classNamesById(schema, matrix.classCount);
  return { schema: schema.id, rows: 'ground truth', columns: 'prediction', classes: [...names, 'other (unmapped prediction)'], counts: matrix.toRows(), ...matrix.excluded() };
}

/** The confusion matrix as CSV: a header of predicted classes, one row per ground-truth class. */
export function confusionCsv(matrix: ConfusionMatrix, schema: LabelSchema): string {
  const names = classNamesById(schema, matrix.classCount);
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const header = ['gt \\ pred', ...names, 'other'].map(quote).join(',');
  const rows = matrix.toRows().map((row, i) => [quote(names[i]), ...row.map(String)].join(','));
  return [header, ...rows].join('\n') + '\n';
}
