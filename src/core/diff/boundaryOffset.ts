/** Boundary samples summed over images: the middle half of each image's signed offsets, and all unsigned distances. */
export interface OffsetTotals {
  readonly offsetSum: number;
  readonly offsetCount: number;
  readonly distanceSum: number;
  readonly distanceCount: number;
}

/** The typical signed shift of B's outline from A's (px): the mean of each image's middle half of samples; null without samples. */
export function typicalOffset(t: OffsetTotals): number | null {
  return t.offsetCount > 0 ? t.offsetSum / t.offsetCount : null;
}

/** Mean distance between the two outlines over all samples (the average symmetric boundary distance); null without samples. */
export function outlineDistance(t: OffsetTotals): number | null {
  return t.distanceCount > 0 ? t.distanceSum / t.distanceCount : null;
}
