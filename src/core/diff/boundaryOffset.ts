/** Offset samples on each outline, summed: B's outline (A's signed distance) and A's outline (minus B's). */
export interface OffsetTotals {
  readonly offsetSum: number;
  readonly offsetAbsSum: number;
  readonly offsetCount: number;
  readonly offsetSumA: number;
  readonly offsetAbsSumA: number;
  readonly offsetCountA: number;
}

/**
 * One signed offset from the two outlines' means. When both agree in sign the smaller is taken: a part one side lacks
 * (a tapering brow tip that vanished, a blob only B has) pulls only the mean on the other side's outline, so the smaller
 * one is the shift of the edges both have. When they disagree the region grew in places and shrank in others: their
 * sample-weighted mean. Null without samples.
 */
export function combinedOffset(t: OffsetTotals): number | null {
  const onB = t.offsetCount > 0 ? t.offsetSum / t.offsetCount : null;
  const onA = t.offsetCountA > 0 ? t.offsetSumA / t.offsetCountA : null;
  if (onB === null || onA === null) return onB ?? onA;
  if (Math.sign(onB) === Math.sign(onA)) return Math.sign(onB) * Math.min(Math.abs(onB), Math.abs(onA));
  return (t.offsetSum + t.offsetSumA) / (t.offsetCount + t.offsetCountA);
}

/** Mean distance between the two outlines over all samples (the average symmetric boundary distance); null without samples. */
export function outlineDistance(t: OffsetTotals): number | null {
  const count = t.offsetCount + t.offsetCountA;
  return count > 0 ? (t.offsetAbsSum + t.offsetAbsSumA) / count : null;
}

/** Samples behind the offset. */
export function offsetSamples(t: OffsetTotals): number {
  return t.offsetCount + t.offsetCountA;
}
