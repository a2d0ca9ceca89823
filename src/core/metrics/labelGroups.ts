import type { LabelSchema } from '../schema/labelSchema';
import { ratioScores, type RatioScores } from './classScores';
import type { ConfusionMatrix } from './confusionMatrix';

/** A merged class for scoring, defined by concepts so that it applies to any schema. */
export interface LabelGroup {
  readonly name: string;
  readonly concepts: readonly string[];
}

/** Pooled scores of a group of classes, with the pixel counts they come from. */
export interface GroupScore extends RatioScores {
  /** Ground-truth pixels in any class of the group. */
  readonly gtPixels: number;
  /** Pixels predicted as any class of the group. */
  readonly predPixels: number;
  /** Pixels whose ground truth and prediction both lie in the group (a swap inside the group counts as correct). */
  readonly tp: number;
}

/** Helen's merged groups (as in DML-CSR and SegFace): eyes, brows, mouth, and overall = eyes ∪ brows ∪ nose ∪ mouth; skin and hair are in no group. */
export const HELEN_GROUPS: readonly LabelGroup[] = [
  { name: 'eyes', concepts: ['eye'] },
  { name: 'brows', concepts: ['brow'] },
  { name: 'mouth', concepts: ['upper_lip', 'mouth', 'lower_lip'] },
  { name: 'overall', concepts: ['eye', 'brow', 'nose', 'upper_lip', 'mouth', 'lower_lip'] },
];

/** Ids of the schema's classes whose concept is in the group, ascending (both sides of sided concepts). */
export function groupClassIds(group: LabelGroup, schema: LabelSchema): number[] {
  const concepts = new Set(group.concepts);
  const ids = schema.classes.filter((c) => concepts.has(c.concept)).map((c) => c.id);
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** The group's concepts that no class of the schema has. */
export function missingGroupConcepts(group: LabelGroup, schema: LabelSchema): string[] {
  const present = new Set(schema.classes.map((c) => c.concept));
  return group.concepts.filter((concept) => !present.has(concept));
}

/** Scores the union of classes ids by pooling: TP = cells with gt and pred both in ids, GT = their rows, Pred = their columns. */
export function groupScore(matrix: ConfusionMatrix, ids: readonly number[]): GroupScore {
  const members = [...new Set(ids)];
  for (const id of members) {
    if (!Number.isInteger(id) || id < 0 || id >= matrix.classCount) {
      throw new RangeError(`group class id ${id} is outside 0..${matrix.classCount - 1}`);
    }
  }
  let tp = 0;
  let gtPixels = 0;
  let predPixels = 0;
  for (const gt of members) {
    gtPixels += matrix.gtTotal(gt);
    predPixels += matrix.predTotal(gt);
    for (const pred of members) tp += matrix.get(gt, pred);
  }
  return { ...ratioScores(tp, gtPixels, predPixels), gtPixels, predPixels, tp };
}
