import type { LabelSchema } from '../schema/labelSchema';
import type { DiffTotals } from './diffTotals';
import type { SideSwap } from './diffTypes';
import { sidedPairs } from './sideOrder';

/** Left and right reversed between A and B for a concept, in `images` of `of` images, with a few example ids. */
export interface SideReversal extends SideSwap {
  readonly examples: readonly string[];
}

/** Every sided concept whose left/right order differs in at least one image: a swap when most images agree on it. */
export function sideReversals(totals: DiffTotals, schemaA: LabelSchema): SideReversal[] {
  const name = new Map(schemaA.classes.map((c) => [c.id, c.name]));
  return sidedPairs(schemaA).flatMap((pair) => {
    const t = totals.sides.get(pair.concept);
    if (!t || t.swapped === 0) return [];
    const a = name.get(pair.left) ?? String(pair.left);
    const b = name.get(pair.right) ?? String(pair.right);
    return [{ a, b, concept: pair.concept, images: t.swapped, of: t.compared, examples: t.examples }];
  });
}

/** The reversals that are a convention: the order is reversed in at least half the images that show both sides. */
export function sideSwaps(reversals: readonly SideReversal[]): SideSwap[] {
  return reversals.filter((r) => r.images * 2 >= r.of).map(({ a, b, concept, images, of }) => ({ a, b, concept, images, of }));
}
