import { IGNORE_ID } from '../raster/labelMap';
import type { LabelSchema } from '../schema/labelSchema';
import { scoreClasses, type ClassScore } from './classScores';
import type { ConfusionMatrix } from './confusionMatrix';
import { backgroundClassIds, classNamesById, headlineScores, type ImageScores } from './imageScores';
import { groupClassIds, groupScore, missingGroupConcepts, type GroupScore, type LabelGroup } from './labelGroups';

/** Options of summarize; ignoreId and skipDescription only word the protocol and must match how the matrix was filled. */
export interface SummaryOptions {
  /** Merged groups to score (e.g. HELEN_GROUPS). */
  readonly groups?: readonly LabelGroup[];
  /** The ignore id given to ConfusionMatrix.add (default 255). */
  readonly ignoreId?: number;
  /** What the skip mask was, e.g. "boundary band k = 2 around ground-truth class edges". */
  readonly skipDescription?: string;
}

/** A class's scores with its schema name and concept (null concept for ids the schema lacks). */
export interface NamedClassScore extends ClassScore {
  readonly name: string;
  readonly concept: string | null;
}

/** A class left out of a mean, and why. */
export interface ExcludedClass {
  readonly id: number;
  readonly name: string;
  readonly reason: 'background' | 'absent from ground truth and prediction';
}

/** A group's result: scored, or absent when no class of the schema has any of its concepts. */
export type GroupResult =
  | { readonly name: string; readonly present: true; readonly classIds: readonly number[]; readonly missingConcepts: readonly string[]; readonly score: GroupScore }
  | { readonly name: string; readonly present: false; readonly missingConcepts: readonly string[] };

/** Dataset-level scores from one pooled confusion matrix, with the protocol that produced them. */
export interface DatasetSummary {
  readonly pixelAccuracy: number | null;
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  /** Pixels in the matrix (ignored and skipped pixels excluded). */
  readonly scoredPixels: number;
  readonly ignoredPixels: number;
  readonly skippedPixels: number;
  /** Scored pixels predicted as a value that is not a class (column "other"). */
  readonly otherPredictionPixels: number;
  readonly classes: readonly NamedClassScore[];
  readonly excludedFromMeanF1: readonly ExcludedClass[];
  readonly excludedFromMIoU: readonly ExcludedClass[];
  readonly groups: readonly GroupResult[];
  /** Plain sentences stating every choice behind the numbers above. */
  readonly protocol: readonly string[];
}

/** A mean of per-image values and how many images had a value (non-null) to average. */
export interface AveragedValue {
  readonly mean: number | null;
  readonly imageCount: number;
}

/** Per-image-averaged headline scores (each image weighs the same, unlike the pooled DatasetSummary). */
export interface PerImageAverage {
  readonly meanF1: AveragedValue;
  readonly mIoU: AveragedValue;
  readonly pixelAccuracy: AveragedValue;
}

/** Summarizes a dataset's pooled confusion matrix in the given schema. */
export function summarize(matrix: ConfusionMatrix, schema: LabelSchema, options: SummaryOptions = {}): DatasetSummary {
  const background = backgroundClassIds(schema);
  const names = classNamesById(schema, matrix.classCount);
  const scores = scoreClasses(matrix);
  const headline = headlineScores(matrix, scores, background);
  const { ignoredPixels, skippedPixels } = matrix.excluded();
  const classes = scores.map((s) => ({ ...s, name: names[s.id], concept: conceptOf(schema, s.id) }));
  const groups = (options.groups ?? []).map((g) => scoreGroup(matrix, schema, g));
  return {
    pixelAccuracy: headline.pixelAccuracy,
    meanF1: headline.meanF1,
    mIoU: headline.mIoU,
    scoredPixels: matrix.total(),
    ignoredPixels,
    skippedPixels,
    otherPredictionPixels: matrix.predTotal(matrix.classCount),
    classes,
    excludedFromMeanF1: excludedClasses(classes, headline.meanF1ClassIds, background),
    excludedFromMIoU: excludedClasses(classes, headline.mIoUClassIds, new Set()),
    groups,
    protocol: protocolSentences(matrix, schema, options, background),
  };
}

/** Averages per-image scores, each value over the images where it is not null. */
export function averagePerImage(scores: readonly ImageScores[]): PerImageAverage {
  return {
    meanF1: averageOf(scores.map((s) => s.meanF1)),
    mIoU: averageOf(scores.map((s) => s.mIoU)),
    pixelAccuracy: averageOf(scores.map((s) => s.pixelAccuracy)),
  };
}

function averageOf(values: readonly (number | null)[]): AveragedValue {
  const defined = values.filter((v): v is number => v !== null);
  const sum = defined.reduce((a, b) => a + b, 0);
  return { mean: defined.length > 0 ? sum / defined.length : null, imageCount: defined.length };
}

function conceptOf(schema: LabelSchema, id: number): string | null {
  return schema.classes.find((c) => c.id === id)?.concept ?? null;
}

/** Classes not in usedIds; background (when given, i.e. excluded from this mean) takes precedence over absence as the reason. */
function excludedClasses(classes: readonly NamedClassScore[], usedIds: readonly number[], excludedBackground: ReadonlySet<number>): ExcludedClass[] {
  const used = new Set(usedIds);
  return classes
    .filter((c) => !used.has(c.id))
    .map((c) => ({
      id: c.id,
      name: c.name,
      reason: excludedBackground.has(c.id) ? ('background' as const) : ('absent from ground truth and prediction' as const),
    }));
}

function scoreGroup(matrix: ConfusionMatrix, schema: LabelSchema, group: LabelGroup): GroupResult {
  const classIds = groupClassIds(group, schema).filter((id) => id < matrix.classCount);
  const missingConcepts = missingGroupConcepts(group, schema);
  if (classIds.length === 0) return { name: group.name, present: false, missingConcepts };
  return { name: group.name, present: true, classIds, missingConcepts, score: groupScore(matrix, classIds) };
}

function protocolSentences(matrix: ConfusionMatrix, schema: LabelSchema, options: SummaryOptions, background: ReadonlySet<number>): string[] {
  const n = matrix.classCount;
  const { ignoredPixels, skippedPixels } = matrix.excluded();
  const sentences = [
    'pooled: pixel counts are summed over all images into one confusion matrix, then scores are computed from the totals (not an average of per-image scores)',
    'pixelAccuracy: correctly labelled pixels / all scored pixels',
    meanF1Sentence(schema, background),
    'mIoU: mean of per-class IoU over all classes present in ground truth or prediction; background included',
    'F1 = 2·TP / (GT + Pred) (Dice); IoU = TP / (GT + Pred − TP); a score whose denominator is 0 is null and left out of every mean',
    `ignore id ${options.ignoreId ?? IGNORE_ID} skipped: ground-truth pixels with this value are not scored (${ignoredPixels} pixels)`,
    `predicted values ≥ ${n} (not a class, e.g. 255 = unmapped) count as wrong for every class: they lower recall but no class's precision (${matrix.predTotal(n)} pixels)`,
  ];
  if (skippedPixels > 0 || options.skipDescription !== undefined) {
    sentences.push(`skip mask: ${skippedPixels} pixels not scored${options.skipDescription ? ` (${options.skipDescription})` : ''}`);
  }
  if ((options.groups ?? []).length > 0) {
    sentences.push('groups: pooled over the group\'s classes: TP = pixels with ground truth and prediction both in the group (confusions inside the group count as correct), GT = sum of the group\'s rows, Pred = sum of its columns; a group with no class in the schema is absent');
  }
  const unscored = schema.classes.filter((c) => c.id >= n || c.id < 0).map((c) => `${c.name} (${c.id})`);
  if (unscored.length > 0) sentences.push(`schema classes outside the matrix's ids 0..${n - 1}, not scored: ${unscored.join(', ')}`);
  return sentences;
}

function meanF1Sentence(schema: LabelSchema, background: ReadonlySet<number>): string {
  if (background.size === 0) {
    return 'meanF1: mean of per-class F1 over all classes present in ground truth or prediction; the schema has no background class, so none is excluded';
  }
  const names = schema.classes.filter((c) => background.has(c.id)).map((c) => c.name);
  return `meanF1: mean of per-class F1 over foreground classes present in ground truth or prediction; background excluded (${names.join(', ')})`;
}
