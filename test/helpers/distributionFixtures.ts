/** Planted attribute shifts between two generated sets, for the distribution-gap unit tests. */
import type { AttributeDef, ImageAttributes } from '../../src/core/distribution/distTypes';
import { prng } from './prng';

type Random = () => number;

/** A standard normal draw by Box–Muller (unclamped tails, unlike the generator's gaussian). */
export function normal(rand: Random, mean = 0, sd = 1): number {
  const u = Math.max(rand(), 1e-12);
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const def = (name: string, kind: AttributeDef['kind'], title: string, unit: string): AttributeDef => ({ name, kind, title, unit, source: 'image+labels' });

/** The attributes the planted sets carry: four shifted (first), six unshifted. */
export const PLANTED_DEFS: readonly AttributeDef[] = [
  def('brightness', 'continuous', 'brightness', ''),
  def('faceArea', 'continuous', 'face area', 'share of image'),
  def('presence:glasses', 'binary', 'glasses', ''),
  def('yaw', 'continuous', 'yaw', '°'),
  def('contrast', 'continuous', 'contrast', ''),
  def('faceCenterX', 'continuous', 'face centre x', 'share of width'),
  def('ita', 'continuous', 'skin tone (ITA)', '°'),
  def('roll', 'continuous', 'roll', '°'),
  def('sharpness', 'continuous', 'sharpness', ''),
  def('presence:hat', 'binary', 'hats', ''),
];

/** The four planted shifts of B against A. */
export const SHIFTED = ['brightness', 'faceArea', 'presence:glasses', 'yaw'];

/** How one set is drawn; B differs from A in brightness mean, face scale, glasses rate and yaw spread. */
export interface SetShape {
  readonly brightnessMean: number;
  readonly faceScale: number;
  readonly glassesRate: number;
  readonly yawSd: number;
}

export const SHAPE_A: SetShape = { brightnessMean: 0.55, faceScale: 1, glassesRate: 0.08, yawSd: 5 };
export const SHAPE_B: SetShape = { brightnessMean: 0.45, faceScale: 0.8, glassesRate: 0.4, yawSd: 20 };

function values(rand: Random, shape: SetShape): Record<string, number> {
  const v: Record<string, number> = {
    brightness: normal(rand, shape.brightnessMean, 0.08),
    faceArea: Math.max(0.02, normal(rand, 0.23, 0.04)) * shape.faceScale,
    'presence:glasses': rand() < shape.glassesRate ? 1 : 0,
    yaw: normal(rand, 0, shape.yawSd),
    contrast: normal(rand, 0.3, 0.05),
    faceCenterX: normal(rand, 0.5, 0.03),
    ita: normal(rand, 30, 12),
    roll: normal(rand, 0, 4),
    sharpness: normal(rand, 100, 20),
    'presence:hat': rand() < 0.1 ? 1 : 0,
  };
  // About one image in twenty has no measurable pose.
  if (rand() < 0.05) delete v.yaw;
  return v;
}

/** n images drawn with the given shape from a seeded PRNG. */
export function plantedSet(seed: number, n: number, shape: SetShape, prefix: string): ImageAttributes[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => ({ v: 1 as const, id: `${prefix}${i}`, key: `${prefix}${i}`, values: values(rand, shape) }));
}

/** Brute-force W1 of two equal-size unweighted samples: the mean gap between sorted order statistics. */
export function sortedPairW1(a: readonly number[], b: readonly number[]): number {
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  return sa.reduce((s, x, i) => s + Math.abs(x - sb[i]), 0) / sa.length;
}

/** Each value repeated `times[i]` times: integer weights as replicated samples. */
export function replicate(values: readonly number[], times: readonly number[]): number[] {
  return values.flatMap((x, i) => new Array<number>(times[i]).fill(x));
}
