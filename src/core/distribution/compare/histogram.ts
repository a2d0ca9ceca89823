import type { Histogram } from '../distTypes';
import { quantile, type WeightedSample } from './weightedStats';

/** Bin counts the Freedman–Diaconis rule is held to. */
export interface BinLimits {
  readonly minBins: number;
  readonly maxBins: number;
}

const COMPARE_BINS: BinLimits = { minBins: 5, maxBins: 30 };

function binCount(pooled: readonly number[], low: number, high: number, limits: BinLimits): number {
  const iqr = quantile(pooled, 0.75) - quantile(pooled, 0.25);
  if (!(iqr > 0)) return Math.round((limits.minBins + limits.maxBins) / 2);
  const width = (2 * iqr) / Math.cbrt(pooled.length);
  return Math.min(limits.maxBins, Math.max(limits.minBins, Math.ceil((high - low) / width)));
}

/**
 * Shared bin edges over the pooled 1st–99th percentile range of both sides (so one outlier does not squash the plot),
 * with a Freedman–Diaconis bin count held within the limits; a constant attribute gets one unit-wide bin.
 */
export function sharedEdges(pooled: readonly number[], limits: BinLimits = COMPARE_BINS): number[] {
  let low = quantile(pooled, 0.01);
  let high = quantile(pooled, 0.99);
  if (!(high > low)) {
    low = Math.min(...pooled);
    high = Math.max(...pooled);
  }
  if (!(high > low)) return [low - 0.5, low + 0.5];
  const bins = binCount(pooled, low, high, limits);
  return Array.from({ length: bins + 1 }, (_, k) => (k === bins ? high : low + ((high - low) * k) / bins));
}

/** Index of the bin a value falls in; values beyond the outer edges count in the end bins. */
export function binIndex(edges: readonly number[], value: number): number {
  const last = edges.length - 2;
  if (value < edges[1]) return 0;
  if (value >= edges[last]) return last;
  let lo = 1;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (value >= edges[mid]) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A side's (weighted) shares per bin over the given edges; shares sum to 1. */
export function histogramOf(sample: WeightedSample, edges: readonly number[]): Histogram {
  const shares = new Array<number>(edges.length - 1).fill(0);
  let total = 0;
  sample.values.forEach((value, i) => {
    shares[binIndex(edges, value)] += sample.weights[i];
    total += sample.weights[i];
  });
  return { edges: [...edges], shares: shares.map((s) => (total > 0 ? s / total : 0)) };
}

/** The 0/1 histogram of a binary attribute for a rate p. */
export function binaryHistogram(rate: number): Histogram {
  return { edges: [0, 0.5, 1], shares: [1 - rate, rate] };
}
