import type { ConfusionMatrix } from './confusionMatrix';

/** Precision, recall, F1 and IoU from pixel counts; each is null when its denominator is 0. */
export interface RatioScores {
  /** TP / Pred. */
  readonly precision: number | null;
  /** TP / GT. */
  readonly recall: number | null;
  /** 2·TP / (GT + Pred), the Dice coefficient. */
  readonly f1: number | null;
  /** TP / (GT + Pred − TP). */
  readonly iou: number | null;
}

/** Scores of one class of a confusion matrix, with the counts they come from. */
export interface ClassScore extends RatioScores {
  readonly id: number;
  /** Ground-truth pixels of the class (row sum, "other" predictions included). */
  readonly gtPixels: number;
  /** Pixels predicted as the class (column sum). */
  readonly predPixels: number;
  /** Pixels both labelled and predicted as the class. */
  readonly tp: number;
}

/** Computes precision, recall, F1 and IoU from true positives, ground-truth and predicted pixel counts. */
export function ratioScores(tp: number, gtPixels: number, predPixels: number): RatioScores {
  return {
    precision: ratioOrNull(tp, predPixels),
    recall: ratioOrNull(tp, gtPixels),
    f1: ratioOrNull(2 * tp, gtPixels + predPixels),
    iou: ratioOrNull(tp, gtPixels + predPixels - tp),
  };
}

/** Scores class id of a matrix. */
export function scoreClass(matrix: ConfusionMatrix, id: number): ClassScore {
  const tp = matrix.get(id, id);
  const gtPixels = matrix.gtTotal(id);
  const predPixels = matrix.predTotal(id);
  return { id, ...ratioScores(tp, gtPixels, predPixels), gtPixels, predPixels, tp };
}

/** Scores every class 0..n−1 of a matrix, in id order. */
export function scoreClasses(matrix: ConfusionMatrix): ClassScore[] {
  const scores: ClassScore[] = [];
  for (let id = 0; id < matrix.classCount; id++) scores.push(scoreClass(matrix, id));
  return scores;
}

/** True when the class has pixels in ground truth or prediction, i.e. its F1 and IoU are defined. */
export function isClassPresent(score: ClassScore): boolean {
  return score.gtPixels > 0 || score.predPixels > 0;
}

function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
