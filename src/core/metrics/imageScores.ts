import type { LabelSchema } from '../schema/labelSchema';
import { isClassPresent, scoreClasses, type ClassScore } from './classScores';
import type { ConfusionMatrix } from './confusionMatrix';

/** Headline scores of one image, from that image's own confusion matrix. */
export interface ImageScores {
  /** Correct pixels / scored pixels; null when the image has no scored pixel. */
  readonly pixelAccuracy: number | null;
  /** Mean F1 over foreground classes present in ground truth or prediction; null when there is none. */
  readonly meanF1: number | null;
  /** Mean IoU over all classes (background included) present in ground truth or prediction; null when there is none. */
  readonly mIoU: number | null;
  /** F1 by class name, for the classes present in this image's ground truth or prediction (background included). */
  readonly classF1: Readonly<Record<string, number>>;
}

/** Pixel accuracy, mean F1 and mIoU of a matrix, with the classes each mean was taken over. */
export interface HeadlineScores {
  readonly pixelAccuracy: number | null;
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  /** Ids averaged into meanF1: present foreground classes. */
  readonly meanF1ClassIds: readonly number[];
  /** Ids averaged into mIoU: present classes, background included. */
  readonly mIoUClassIds: readonly number[];
}

/** Scores one image: the headline numbers plus F1 per present class. */
export function scoreImage(matrix: ConfusionMatrix, schema: LabelSchema): ImageScores {
  const classes = scoreClasses(matrix);
  const headline = headlineScores(matrix, classes, backgroundClassIds(schema));
  const names = classNamesById(schema, matrix.classCount);
  const classF1: Record<string, number> = {};
  for (const score of classes) {
    if (score.f1 !== null) classF1[names[score.id]] = score.f1;
  }
  return { pixelAccuracy: headline.pixelAccuracy, meanF1: headline.meanF1, mIoU: headline.mIoU, classF1 };
}

/** Computes pixel accuracy, foreground mean F1 and all-class mIoU; classes absent from gt and pred are left out of both means. */
export function headlineScores(matrix: ConfusionMatrix, classes: readonly ClassScore[], backgroundIds: ReadonlySet<number>): HeadlineScores {
  const present = classes.filter(isClassPresent);
  const foreground = present.filter((c) => !backgroundIds.has(c.id));
  const total = matrix.total();
  return {
    pixelAccuracy: total > 0 ? matrix.correct() / total : null,
    meanF1: meanOf(foreground.map((c) => c.f1)),
    mIoU: meanOf(present.map((c) => c.iou)),
    meanF1ClassIds: foreground.map((c) => c.id),
    mIoUClassIds: present.map((c) => c.id),
  };
}

/** Ids of the schema's classes whose concept is 'background'. */
export function backgroundClassIds(schema: LabelSchema): Set<number> {
  return new Set(schema.classes.filter((c) => c.concept === 'background').map((c) => c.id));
}

/** Class name per id 0..classCount−1; ids the schema does not define are named "#id". */
export function classNamesById(schema: LabelSchema, classCount: number): string[] {
  const names = Array.from({ length: classCount }, (_, id) => `#${id}`);
  for (const c of schema.classes) {
    if (c.id >= 0 && c.id < classCount) names[c.id] = c.name;
  }
  return names;
}

/** Mean of the non-null values; null when there is none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    count++;
  }
  return count > 0 ? sum / count : null;
}
