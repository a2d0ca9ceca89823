import type { ThumbnailState } from './galleryCell';
import { LatestRequest } from '../../shared/latestRequest';

/** Asks the host for thumbnails of these ids; the signal aborts the request. */
export type FetchThumbnails = (ids: readonly string[], signal: AbortSignal) => Promise<ReadonlyArray<{ readonly id: string; readonly uri?: string; readonly error?: string }>>;

/**
 * Fetches thumbnails for the items on screen: debounced while scrolling, one batch at a time, latest wins (a new batch
 * aborts the one in flight; ids it did not deliver are asked again when still on screen).
 */
export class ThumbnailLoader {
  private cache = new Map<string, ThumbnailState>();
  /** Thumbnails from before the dataset changed: shown until their fresh ones arrive, so cells do not blink. */
  private stale = new Map<string, ThumbnailState>();
  private readonly latest = new LatestRequest();
  private wanted: readonly string[] = [];
  private inFlight: ReadonlySet<string> = new Set();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly fetch: FetchThumbnails,
    private readonly onLoaded: () => void,
    private readonly onError: (error: unknown) => void,
    private readonly debounceMs = 60,
    private readonly maxBatch = 400,
  ) {}

  /** What the host answered for an id, if it has. */
  get(id: string): ThumbnailState | undefined {
    return this.cache.get(id) ?? this.stale.get(id);
  }

  /** Sets the ids on screen now; those without a thumbnail are fetched after the debounce. */
  want(ids: readonly string[]): void {
    this.wanted = ids;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetchMissing();
    }, this.debounceMs);
  }

  /** Fetches every thumbnail again (the dataset changed), showing the old ones meanwhile; aborts the batch in flight. */
  invalidate(): void {
    this.stale = new Map([...this.stale, ...this.cache]);
    this.cache = new Map();
    this.latest.cancel();
    this.inFlight = new Set();
  }

  private async fetchMissing(): Promise<void> {
    const missing = this.wanted.filter((id) => !this.cache.has(id)).slice(0, this.maxBatch);
    // The batch in flight already covers these: let it finish rather than restart it.
    if (missing.every((id) => this.inFlight.has(id))) return;
    const batch = new Set(missing);
    this.inFlight = batch;
    try {
      const answer = await this.latest.run((signal) => this.fetch(missing, signal));
      if (this.inFlight === batch) this.inFlight = new Set();
      if (!answer) return;
      for (const t of answer.value) {
        this.cache.set(t.id, t.uri !== undefined ? { uri: t.uri } : { error: t.error ?? 'no thumbnail' });
        this.stale.delete(t.id);
      }
      this.onLoaded();
    } catch (error) {
      if (this.inFlight === batch) this.inFlight = new Set();
      this.onError(error);
    }
  }
}
