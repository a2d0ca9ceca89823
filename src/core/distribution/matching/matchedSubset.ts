import type { ImageAttributes } from '../distTypes';

/** Inclusion probabilities proportional to the weights, summing to size, none above 1 (the excess is redistributed). */
export function inclusionProbabilities(weights: readonly number[], size: number): number[] {
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const pi = new Array<number>(w.length).fill(0);
  const fixed = new Array<boolean>(w.length).fill(false);
  let remaining = size;
  for (;;) {
    const open = w.map((_, i) => i).filter((i) => !fixed[i]);
    const total = open.reduce((s, i) => s + w[i], 0);
    let capped = false;
    for (const i of open) {
      pi[i] = total > 0 ? (remaining * w[i]) / total : remaining / open.length;
      if (pi[i] >= 1) {
        pi[i] = 1;
        fixed[i] = true;
        remaining--;
        capped = true;
      }
    }
    if (!capped || remaining <= 0) break;
  }
  return pi;
}

/**
 * Ids of a subset of A of the given size that follows the weights: systematic sampling without replacement with
 * inclusion probabilities proportional to the weights, in A's order from a fixed start of 0.5, so it is deterministic.
 */
export function matchedSubset(a: readonly ImageAttributes[], weights: readonly number[], size: number): string[] {
  if (weights.length !== a.length) throw new Error(`${weights.length} weights for ${a.length} images of A`);
  const target = Math.max(0, Math.min(a.length, Math.floor(size)));
  if (target === a.length) return a.map((item) => item.id);
  const pi = inclusionProbabilities(weights, target);
  const chosen = new Array<boolean>(a.length).fill(false);
  let cumulative = 0;
  for (let i = 0; i < a.length; i++) {
    const before = Math.ceil(cumulative - 0.5);
    cumulative += pi[i];
    chosen[i] = Math.ceil(cumulative - 0.5) > before;
  }
  return settle(chosen, pi, target).flatMap((yes, i) => (yes ? [a[i].id] : []));
}

/** Rounding can leave one too many or too few: drop the least likely chosen or add the most likely unchosen. */
function settle(chosen: boolean[], pi: readonly number[], target: number): boolean[] {
  const order = pi.map((_, i) => i).sort((x, y) => pi[y] - pi[x] || x - y);
  let count = chosen.filter(Boolean).length;
  for (const i of order) {
    if (count >= target) break;
    if (chosen[i]) continue;
    chosen[i] = true;
    count++;
  }
  for (const i of [...order].reverse()) {
    if (count <= target) break;
    if (!chosen[i]) continue;
    chosen[i] = false;
    count--;
  }
  return chosen;
}
