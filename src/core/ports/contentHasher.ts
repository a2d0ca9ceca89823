/** Hashes file contents for cache keys and run records. */
export interface ContentHasher {
  /** A hex digest of the bytes (the same bytes always give the same digest). */
  hash(...parts: ReadonlyArray<Uint8Array | string>): string;
}
