import type { AttributeComparison, AttributeDef, ImageAttributes } from '../distTypes';
import { compareBinary, compareContinuous } from './compareAttribute';
import { findingText } from './findingText';
import { measuredSample } from './weightedStats';

export { distFindings } from './findingText';

/** Fewest measured images a side needs before an attribute is compared. */
export const MIN_MEASURED = 10;

/** An attribute left out of the comparison, and why (in words). */
export interface SkippedAttribute {
  readonly name: string;
  readonly reason: string;
}

/** Options of compareAttributesWithNotes. */
export interface CompareOptions {
  /** Weights for A's images, aligned with `a` (e.g. importance weights towards B). */
  readonly weightsA?: readonly number[];
  /** Fewest measured images per side (default MIN_MEASURED). */
  readonly minMeasured?: number;
}

/** The comparisons, sorted by effect (largest first), with the attributes that were skipped. */
export interface ComparisonOutcome {
  readonly comparisons: AttributeComparison[];
  readonly skipped: SkippedAttribute[];
}

function skipReason(measuredA: number, measuredB: number, weightA: number, min: number): string | null {
  if (measuredA < min || measuredB < min) return `measured on ${measuredA} images of A and ${measuredB} of B; at least ${min} on each side are needed`;
  if (!(weightA > 0)) return "A's measured images all have weight 0";
  return null;
}

/** Compares every attribute of `defs` between A and B, and says which ones were skipped for too few measured images. */
export function compareAttributesWithNotes(a: readonly ImageAttributes[], b: readonly ImageAttributes[], defs: readonly AttributeDef[], options: CompareOptions = {}): ComparisonOutcome {
  const min = Math.max(1, options.minMeasured ?? MIN_MEASURED);
  if (options.weightsA && options.weightsA.length !== a.length) throw new Error(`weightsA has ${options.weightsA.length} entries for ${a.length} images of A`);
  const comparisons: AttributeComparison[] = [];
  const skipped: SkippedAttribute[] = [];
  for (const def of defs) {
    const sampleA = measuredSample(a, def.name, options.weightsA);
    const sampleB = measuredSample(b, def.name);
    const reason = skipReason(sampleA.values.length, sampleB.values.length, sampleA.weights.reduce((s, w) => s + w, 0), min);
    if (reason !== null) {
      skipped.push({ name: def.name, reason });
      continue;
    }
    const compared = def.kind === 'binary' ? compareBinary(def, sampleA, sampleB) : compareContinuous(def, sampleA, sampleB);
    comparisons.push({ ...compared, finding: findingText({ ...compared, finding: '' }) });
  }
  comparisons.sort((x, y) => y.effect - x.effect || x.name.localeCompare(y.name));
  return { comparisons, skipped };
}

/** Per-attribute comparison of A (optionally weighted) and B, sorted by effect, largest first; see compareAttributesWithNotes for skips. */
export function compareAttributes(a: readonly ImageAttributes[], b: readonly ImageAttributes[], defs: readonly AttributeDef[], weightsA?: readonly number[]): AttributeComparison[] {
  return compareAttributesWithNotes(a, b, defs, { weightsA }).comparisons;
}
