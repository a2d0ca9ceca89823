import type { DirEntry, EntryKind, FileAccess } from '../../core/ports/fileAccess';

/**
 * File access for opening one dataset: each folder is listed once and the listing shared (layout detection asks
 * every reader, and several list the root again, which for a 200,000-file folder costs a quarter second each).
 */
export class ListOnceFiles implements FileAccess {
  private readonly listings = new Map<string, Promise<DirEntry[]>>();

  constructor(private readonly inner: FileAccess) {}

  /** The folder's entries, listed on the first call; each caller gets its own copy of the array. */
  async list(dir: string): Promise<DirEntry[]> {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = this.inner.list(dir);
      this.listings.set(dir, listing);
      listing.catch(() => this.listings.delete(dir));
    }
    return (await listing).slice();
  }

  /** Tells what a path is. */
  kind(path: string): Promise<EntryKind> {
    return this.inner.kind(path);
  }

  /** Reads a whole file. */
  readBytes(path: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.inner.readBytes(path, signal);
  }

  /** Reads a whole file as UTF-8 text. */
  readText(path: string, signal?: AbortSignal): Promise<string> {
    return this.inner.readText(path, signal);
  }
}
