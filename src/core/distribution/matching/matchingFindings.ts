import type { AttributeDef, MatchingResult } from '../distTypes';

/** Below this average share of the gap closed by weighting, A lacks images like B's and more data, not weights, is the remedy. */
const ENOUGH_CLOSED = 0.5;
/** The attributes the sentence is about: the largest differences before matching. */
const TOP = 3;

const pct = (x: number): string => `${Math.round(100 * x)}%`;

/** One sentence on what matching achieved for the largest differences, and what to do when it cannot close them. */
export function matchingFinding(result: MatchingResult, defs: readonly AttributeDef[], imagesA: number): string | undefined {
  // Part areas repeat the face-size difference; the sentence names differences of their own.
  const top = [...result.distances].filter((d) => d.before > 0 && !d.name.startsWith('area:')).sort((x, y) => y.effectBefore - x.effectBefore).slice(0, TOP);
  if (top.length === 0) return undefined;
  const title = (name: string): string => defs.find((d) => d.name === name)?.title ?? name;
  const closed = top.map((d) => Math.max(0, 1 - d.weighted / d.before));
  const parts = top.map((d, i) => `${pct(closed[i])} of the ${title(d.name)} difference`);
  const mean = closed.reduce((s, v) => s + v, 0) / closed.length;
  const head = `Weighting A towards B closes ${parts.join(', ')} (effective sample size ${Math.round(result.effectiveSize)} of ${imagesA})`;
  if (mean < ENOUGH_CLOSED) return `${head}: A has too few images like B's there, so matching cannot close the gap; add such images to A`;
  return `${head}; the matched subset of ${result.subsetSize} images of A is in matched-subset-a.txt`;
}
