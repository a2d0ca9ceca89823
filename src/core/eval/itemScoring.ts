import { ConfusionMatrix } from '../metrics/confusionMatrix';
import type { ExcludedPixels, SparseCell } from '../metrics/confusionMatrix';
import { scoreImage } from '../metrics/imageScores';
import type { ImageScores } from '../metrics/imageScores';
import { boundaryBand } from '../raster/boundaryBand';
import type { LabelMap } from '../raster/labelMap';
import { resizeLabelsNearest } from '../raster/resizeLabels';
import type { LabelSchema } from '../schema/labelSchema';

/** Confusion and scores of one image. */
export interface ItemScore {
  readonly confusion: SparseCell[];
  readonly excluded: ExcludedPixels;
  readonly scores: ImageScores;
  readonly tolerant?: SparseCell[];
  readonly tolerantExcluded?: ExcludedPixels;
  readonly tolerantScores?: ImageScores;
}

/** Number of matrix rows a schema needs (largest id + 1). */
export function classCountOf(schema: LabelSchema): number {
  return Math.max(...schema.classes.map((c) => c.id)) + 1;
}

/**
 * Scores one prediction against its ground truth at the prediction's size: the ground truth is resized
 * nearest-neighbour, the prediction is translated into the ground truth's schema through the crosswalk table.
 */
export function scoreItem(
  gt: LabelMap,
  prediction: LabelMap,
  crosswalkTable: Uint8Array,
  schema: LabelSchema,
  boundaryK: number,
): ItemScore {
  const target = resizeLabelsNearest(gt, prediction.width, prediction.height);
  // The crosswalk is applied to the 256 × 256 pair counts, not to every pixel.
  const predicted = prediction.data;
  const classCount = classCountOf(schema);
  const strict = new ConfusionMatrix(classCount);
  strict.add(target.data, predicted, { predTable: crosswalkTable });
  const result: ItemScore = { confusion: strict.toSparse(), excluded: strict.excluded(), scores: scoreImage(strict, schema) };
  if (boundaryK <= 0) return result;
  const tolerant = new ConfusionMatrix(classCount);
  tolerant.add(target.data, predicted, { skip: boundaryBand(target, boundaryK), predTable: crosswalkTable });
  return { ...result, tolerant: tolerant.toSparse(), tolerantExcluded: tolerant.excluded(), tolerantScores: scoreImage(tolerant, schema) };
}
