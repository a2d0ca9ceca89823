import type { WeightedSample } from './weightedStats';

function sortedNormalised(sample: WeightedSample): { values: number[]; weights: number[] } {
  const order = sample.values.map((_, i) => i).sort((i, j) => sample.values[i] - sample.values[j]);
  const total = sample.weights.reduce((s, w) => s + w, 0);
  return { values: order.map((i) => sample.values[i]), weights: order.map((i) => sample.weights[i] / total) };
}

/**
 * Exact Wasserstein-1 distance between two weighted empirical distributions on the line: the area between their CDFs,
 * ∫|F_A(x) − F_B(x)| dx, summed over the merged sorted sample points. NaN when a side is empty or weighs nothing.
 */
export function wasserstein1(a: WeightedSample, b: WeightedSample): number {
  if (a.values.length === 0 || b.values.length === 0) return Number.NaN;
  if (!(a.weights.reduce((s, w) => s + w, 0) > 0) || !(b.weights.reduce((s, w) => s + w, 0) > 0)) return Number.NaN;
  const sa = sortedNormalised(a);
  const sb = sortedNormalised(b);
  let i = 0;
  let j = 0;
  let cdfA = 0;
  let cdfB = 0;
  let previous = Math.min(sa.values[0], sb.values[0]);
  let area = 0;
  while (i < sa.values.length || j < sb.values.length) {
    const x = Math.min(i < sa.values.length ? sa.values[i] : Infinity, j < sb.values.length ? sb.values[j] : Infinity);
    area += Math.abs(cdfA - cdfB) * (x - previous);
    while (i < sa.values.length && sa.values[i] === x) cdfA += sa.weights[i++];
    while (j < sb.values.length && sb.values[j] === x) cdfB += sb.weights[j++];
    previous = x;
  }
  return area;
}
