/** Values of one side with their weights (all 1 when unweighted). */
export interface WeightedSample {
  readonly values: readonly number[];
  readonly weights: readonly number[];
}

/** Weighted mean and standard deviation (population form: divides by the total weight). */
export function weightedMeanSd(sample: WeightedSample): { mean: number; sd: number } {
  const { values, weights } = sample;
  let total = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights[i];
    sum += weights[i] * values[i];
  }
  if (total <= 0) return { mean: Number.NaN, sd: Number.NaN };
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += weights[i] * (values[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / total) };
}

/** Quantile q ∈ [0, 1] of unweighted values by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const position = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Effective sample size of weights, (Σw)² / Σw². */
export function effectiveSampleSize(weights: readonly number[]): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/** The measured values of one attribute on one side, with the matching weights (images without the attribute dropped). */
export function measuredSample(items: ReadonlyArray<{ readonly values: Readonly<Record<string, number>> }>, name: string, weights?: readonly number[]): WeightedSample {
  const values: number[] = [];
  const kept: number[] = [];
  items.forEach((item, i) => {
    const value = item.values[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    values.push(value);
    kept.push(weights ? weights[i] : 1);
  });
  return { values, weights: kept };
}
