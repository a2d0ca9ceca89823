import type { ImageResult } from '../eval/runJournal';

/**
 * The n images with the lowest per-image mean F1, worst first (ties by id). Images without a mean F1 (no foreground
 * class in ground truth or prediction) have nothing to rank and are left out.
 */
export function worstImages(results: Iterable<ImageResult>, n: number): ImageResult[] {
  const ranked = [...results].filter((r) => typeof r.scores.meanF1 === 'number');
  ranked.sort((a, b) => a.scores.meanF1! - b.scores.meanF1! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.slice(0, Math.max(0, n));
}
