import type { AttributeComparison, AttributeDef, SideStats } from '../distTypes';
import { binaryHistogram, histogramOf, sharedEdges } from './histogram';
import { wasserstein1 } from './wasserstein';
import { weightedMeanSd, type WeightedSample } from './weightedStats';

/** Below this effect a difference is reported as 'same'. */
const NEGLIGIBLE_EFFECT = 0.01;

/** Whether a continuous attribute differs more in its mean or in its spread (the larger of |Δmean| and |Δsd|). */
export function dominantChange(c: Pick<AttributeComparison, 'a' | 'b'>): 'mean' | 'spread' {
  return Math.abs(c.b.sd - c.a.sd) > Math.abs(c.b.mean - c.a.mean) ? 'spread' : 'mean';
}

function directionOf(delta: number, effect: number): AttributeComparison['direction'] {
  if (!(effect >= NEGLIGIBLE_EFFECT) || delta === 0) return 'same';
  return delta > 0 ? 'higher' : 'lower';
}

function pooledSd(a: WeightedSample, b: WeightedSample, sdA: number, sdB: number): number {
  const averaged = Math.sqrt((sdA * sdA + sdB * sdB) / 2);
  if (averaged > 0) return averaged;
  // Two constant sides: fall back to the spread of the pooled values, which is then half their gap.
  return weightedMeanSd({ values: [...a.values, ...b.values], weights: [...a.weights.map(() => 1), ...b.weights.map(() => 1)] }).sd;
}

type Unfound = Omit<AttributeComparison, 'finding'>;

/**
 * A continuous attribute: exact W1 between the (weighted) samples, effect W1 over the pooled sd (root mean of the two
 * variances), direction of whichever moved more, the mean or the spread (for a spread change, 'higher' = wider).
 */
export function compareContinuous(def: AttributeDef, a: WeightedSample, b: WeightedSample): Unfound {
  const statsA = weightedMeanSd(a);
  const statsB = weightedMeanSd(b);
  const edges = sharedEdges([...a.values, ...b.values]);
  const distance = wasserstein1(a, b);
  const scale = pooledSd(a, b, statsA.sd, statsB.sd);
  const effect = scale > 0 ? distance / scale : 0;
  const sideA: SideStats = { n: a.values.length, ...statsA, histogram: histogramOf(a, edges) };
  const sideB: SideStats = { n: b.values.length, ...statsB, histogram: histogramOf(b, edges) };
  const delta = dominantChange({ a: sideA, b: sideB }) === 'spread' ? statsB.sd - statsA.sd : statsB.mean - statsA.mean;
  return { ...header(def), metric: 'wasserstein-1', distance, effect, direction: directionOf(delta, effect), a: sideA, b: sideB };
}

function binarySide(sample: WeightedSample): SideStats {
  const { mean } = weightedMeanSd({ values: sample.values.map((v) => (v > 0.5 ? 1 : 0)), weights: sample.weights });
  return { n: sample.values.length, mean, sd: Math.sqrt(mean * (1 - mean)), histogram: binaryHistogram(mean) };
}

/** A binary attribute: total variation |p_B − p_A|, effect |Cohen's h| = |2·asin√p_B − 2·asin√p_A|. */
export function compareBinary(def: AttributeDef, a: WeightedSample, b: WeightedSample): Unfound {
  const sideA = binarySide(a);
  const sideB = binarySide(b);
  const effect = Math.abs(2 * Math.asin(Math.sqrt(sideB.mean)) - 2 * Math.asin(Math.sqrt(sideA.mean)));
  const distance = Math.abs(sideB.mean - sideA.mean);
  return { ...header(def), metric: 'total-variation', distance, effect, direction: directionOf(sideB.mean - sideA.mean, effect), a: sideA, b: sideB };
}

function header(def: AttributeDef): Pick<AttributeComparison, 'name' | 'kind' | 'title' | 'unit'> {
  return { name: def.name, kind: def.kind, title: def.title, unit: def.unit };
}
