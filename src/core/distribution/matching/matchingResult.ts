import { compareAttributesWithNotes } from '../compare/compareAttributes';
import { effectiveSampleSize } from '../compare/weightedStats';
import type { AttributeComparison, AttributeDef, ImageAttributes, MatchingResult } from '../distTypes';
import { importanceWeights, type ImportanceWeights } from './importanceWeights';
import { matchedSubset } from './matchedSubset';

function byName(comparisons: readonly AttributeComparison[]): Map<string, AttributeComparison> {
  return new Map(comparisons.map((c) => [c.name, c]));
}

/**
 * Each attribute's distance and effect between A and B before matching, with A importance-weighted, and for the matched
 * subset of A; attributes skipped for too few measured images get NaN there. Rows follow the before effect, largest first.
 */
export function matchingResult(a: readonly ImageAttributes[], b: readonly ImageAttributes[], defs: readonly AttributeDef[], fit: ImportanceWeights, subsetIds: readonly string[]): MatchingResult {
  const inSubset = new Set(subsetIds);
  const before = compareAttributesWithNotes(a, b, defs).comparisons;
  const weighted = byName(compareAttributesWithNotes(a, b, defs, { weightsA: fit.weights }).comparisons);
  const subset = byName(compareAttributesWithNotes(a.filter((item) => inSubset.has(item.id)), b, defs).comparisons);
  const distances = before.map((c) => ({
    name: c.name,
    metric: c.metric,
    before: c.distance,
    weighted: weighted.get(c.name)?.distance ?? Number.NaN,
    subset: subset.get(c.name)?.distance ?? Number.NaN,
    effectBefore: c.effect,
    effectSubset: subset.get(c.name)?.effect ?? Number.NaN,
  }));
  return { method: fit.method, attributes: fit.attributes, effectiveSize: effectiveSampleSize(fit.weights), subsetSize: subsetIds.length, distances };
}

/** Importance weights of A towards B over every attribute in defs, a matched subset of A of the given size, and the distances before and after. */
export function matchDistributions(a: readonly ImageAttributes[], b: readonly ImageAttributes[], defs: readonly AttributeDef[], subsetSize: number): { result: MatchingResult; fit: ImportanceWeights; subset: string[] } {
  const fit = importanceWeights(a, b, defs.map((d) => d.name));
  const subset = matchedSubset(a, fit.weights, subsetSize);
  return { result: matchingResult(a, b, defs, fit, subset), fit, subset };
}
