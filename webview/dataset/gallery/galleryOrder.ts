import type { GalleryItem } from '../../../src/protocol/datasetPanelMessages';
import type { ImageMetrics } from '../../../src/protocol/viewTypes';
import type { SortKey } from '../uiState';
import { metricValue } from './sortChoices';

/** What decides which images the gallery shows, and in which order. */
export interface GalleryOrderInput {
  readonly items: readonly GalleryItem[];
  readonly filterText: string;
  readonly sortKey: SortKey;
  readonly descending: boolean;
  /** The chosen run's per-image scores; without them a score sort falls back to names. */
  readonly metrics?: Readonly<Record<string, ImageMetrics>>;
  /** A confusion filter's images, most confused first: only these are shown, in this order. */
  readonly confusion?: ReadonlyArray<{ readonly id: string }>;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** Name order per snapshot item list: sorting 30,000 names with a collator is too slow to repeat on each keystroke. */
const nameOrders = new WeakMap<readonly GalleryItem[], readonly GalleryItem[]>();

/** The images to show: filtered by name (substring, any case), then a confusion filter's order or the chosen sort. */
export function galleryOrder(input: GalleryOrderInput): GalleryItem[] {
  const needle = input.filterText.trim().toLowerCase();
  const matches = (item: GalleryItem): boolean => needle === '' || item.file.toLowerCase().includes(needle);
  if (input.confusion) {
    const byId = new Map(input.items.map((item) => [item.id, item]));
    return input.confusion.map((c) => byId.get(c.id)).filter((item): item is GalleryItem => item !== undefined && matches(item));
  }
  const shown = byName(input.items).filter(matches);
  if (input.sortKey === 'name' || !input.metrics) return input.descending ? shown.reverse() : shown;
  return sortByScore(shown, input.metrics, input.sortKey, input.descending);
}

function byName(items: readonly GalleryItem[]): readonly GalleryItem[] {
  let sorted = nameOrders.get(items);
  if (!sorted) {
    sorted = [...items].sort((a, b) => collator.compare(a.file, b.file));
    nameOrders.set(items, sorted);
  }
  return sorted;
}

/** Scored images first by score, ties in name order (the sort is stable); images without the score last, in either direction. */
function sortByScore(items: GalleryItem[], metrics: Readonly<Record<string, ImageMetrics>>, key: SortKey, descending: boolean): GalleryItem[] {
  const score = new Map(items.map((item) => [item.id, metricValue(metrics[item.id], key)]));
  const sign = descending ? -1 : 1;
  return items.sort((a, b) => {
    const sa = score.get(a.id) ?? null;
    const sb = score.get(b.id) ?? null;
    if (sa === null || sb === null) return sa === sb ? 0 : sa === null ? 1 : -1;
    return sign * (sa - sb);
  });
}
