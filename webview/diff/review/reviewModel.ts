import type { MarkUpdate, ReviewEntryView, VerdictCounts } from '../../../src/protocol/diffPanelMessages';
import type { ReviewFilter } from '../diffUiState';

/** The review queue as the panel holds it: the ranked images, their marks as saved, and the counts. */
export class ReviewModel {
  private readonly entries: ReviewEntryView[];
  private readonly index = new Map<string, number>();
  private cache: { filter: ReviewFilter; version: number; list: ReviewEntryView[] } | undefined;
  private version = 0;

  constructor(
    queue: readonly ReviewEntryView[],
    private countsNow: VerdictCounts,
  ) {
    this.entries = [...queue];
    this.entries.forEach((e, i) => this.index.set(e.id, i));
  }

  /** Marks per verdict and in all. */
  get counts(): VerdictCounts {
    return this.countsNow;
  }

  /** How many images the diff compared. */
  get total(): number {
    return this.entries.length;
  }

  /** The image with this id, if the diff compared it. */
  entry(id: string | undefined): ReviewEntryView | undefined {
    const i = id === undefined ? undefined : this.index.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  /** Rank of an image in the whole queue (1 = most disagreement). */
  rank(id: string): number {
    return (this.index.get(id) ?? -1) + 1;
  }

  /** The images the filter keeps, in queue order. */
  filtered(filter: ReviewFilter): readonly ReviewEntryView[] {
    if (this.cache?.filter === filter && this.cache.version === this.version) return this.cache.list;
    const list = filter === 'all' ? this.entries : this.entries.filter((e) => (filter === 'unmarked' ? !e.mark : e.mark?.verdict === filter));
    this.cache = { filter, version: this.version, list };
    return list;
  }

  /** The image `step` places after (or before) `id` among the filtered ones; the first when `id` is not among them. */
  neighbour(id: string | undefined, filter: ReviewFilter, step: 1 | -1): string | undefined {
    const list = this.filtered(filter);
    const at = list.findIndex((e) => e.id === id);
    if (at < 0) return list[0]?.id;
    return list[Math.min(list.length - 1, Math.max(0, at + step))]?.id;
  }

  /** Takes in a saved mark (or its removal) and the counts after it. */
  apply(update: MarkUpdate): void {
    const i = this.index.get(update.id);
    if (i === undefined) return;
    const { mark: _old, ...rest } = this.entries[i];
    this.entries[i] = update.mark ? { ...rest, mark: update.mark } : rest;
    this.countsNow = update.counts;
    this.version++;
  }
}
