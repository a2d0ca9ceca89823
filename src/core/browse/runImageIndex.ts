import type { ImageResult } from '../eval/runJournal';
import type { ImageScores } from '../metrics/imageScores';

/** An image of a run with the pixels of one confusion cell. */
export interface ConfusionImage {
  readonly id: string;
  readonly pixels: number;
}

/** The scores of one journal entry (the shape of the protocol's ImageMetrics); a missing or non-numeric score is null. */
export function imageMetrics(result: ImageResult): ImageScores {
  const s = (result.scores ?? {}) as Partial<ImageScores>;
  const classF1: Record<string, number> = {};
  for (const [name, f1] of Object.entries(s.classF1 ?? {})) if (typeof f1 === 'number') classF1[name] = f1;
  return { meanF1: numberOrNull(s.meanF1), mIoU: numberOrNull(s.mIoU), pixelAccuracy: numberOrNull(s.pixelAccuracy), classF1 };
}

/** Per-image scores of a run by item id. Built with Object.fromEntries, so an id like "__proto__" stays an ordinary key. */
export function imageMetricsById(results: Iterable<ImageResult>): Record<string, ImageScores> {
  return Object.fromEntries([...results].map((r) => [r.id, imageMetrics(r)]));
}

/**
 * Images whose ground-truth class `gt` was predicted as `pred` (column n = "other", as in SparseCell), with the pixel
 * count of that cell, most pixels first, ties by id. Images where the cell is empty are left out.
 */
export function confusionImages(results: Iterable<ImageResult>, gt: number, pred: number): ConfusionImage[] {
  const found: ConfusionImage[] = [];
  for (const result of results) {
    let pixels = 0;
    for (const [g, p, count] of result.confusion) if (g === gt && p === pred) pixels += count;
    if (pixels > 0) found.push({ id: result.id, pixels });
  }
  return found.sort((a, b) => b.pixels - a.pixels || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
