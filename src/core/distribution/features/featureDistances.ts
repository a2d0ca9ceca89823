// All feature-space distances between two sets of embedded images, as dist.json's summary.features.
import type { FeatureDistances } from '../distTypes';
import { frechetDistanceFromSamples } from './frechet';
import { kernelInceptionDistance, type KidOptions } from './kid';
import { checkVectors } from './moments';
import { farthest, neighbourSummary } from './neighbours';

/** One set's embedded images: ids[i] names vectors[i]. */
export interface FeatureSet {
  readonly ids: readonly string[];
  readonly vectors: readonly Float64Array[];
}

/** Options of featureDistances. */
export interface FeatureDistanceOptions {
  /** What embedded the images, for the record (e.g. the model file's name). */
  readonly extractor: string;
  /** Neighbours for precision/recall and density/coverage; default 5 (prdc's), lowered to the smaller set's size − 1. */
  readonly k?: number;
  readonly kid?: KidOptions;
  /** Least covered images listed per set; default 10. */
  readonly leastCovered?: number;
}

/** The neighbour count used by default for the k-NN measures. */
export const DEFAULT_NEIGHBOURS = 5;

/** Fréchet distance, KID, precision/recall, density/coverage (B against A) and each set's least covered images. */
export function featureDistances(a: FeatureSet, b: FeatureSet, options: FeatureDistanceOptions): FeatureDistances {
  for (const [name, set] of [['A', a], ['B', b]] as const) {
    if (set.ids.length !== set.vectors.length) throw new Error(`feature set ${name}: ${set.ids.length} ids for ${set.vectors.length} vectors`);
  }
  const dimension = checkVectors(a.vectors, 2, 'feature distances (set A)');
  if (checkVectors(b.vectors, 2, 'feature distances (set B)') !== dimension) {
    throw new Error(`feature distances: set A has ${dimension}-d vectors, set B ${b.vectors[0].length}-d`);
  }
  const wanted = options.k ?? DEFAULT_NEIGHBOURS;
  if (!Number.isInteger(wanted) || wanted < 1) throw new Error(`feature distances: k must be a whole number ≥ 1, got ${wanted}`);
  const k = Math.min(wanted, a.vectors.length - 1, b.vectors.length - 1);
  const nn = neighbourSummary(a.vectors, b.vectors, k);
  const count = options.leastCovered ?? 10;
  const named = (ids: readonly string[], distances: Float64Array): Array<{ id: string; distance: number }> =>
    farthest(distances, count).map(({ index, distance }) => ({ id: ids[index], distance }));
  return {
    extractor: options.extractor,
    dimension,
    frechetDistance: frechetDistanceFromSamples(a.vectors, b.vectors),
    kid: kernelInceptionDistance(a.vectors, b.vectors, options.kid),
    precision: nn.precision,
    recall: nn.recall,
    density: nn.density,
    coverage: nn.coverage,
    k,
    leastCoveredA: named(a.ids, nn.nearestInB),
    leastCoveredB: named(b.ids, nn.nearestInA),
  };
}
