/** Hashes file contents for cache keys and run records. */
export interface ContentHasher {
  /** A hex digest of several parts, each length-prefixed so that part boundaries count; for cache keys. */
  hash(...parts: ReadonlyArray<Uint8Array | string>): string;
  /** The plain SHA-256 of one file's bytes, as `sha256sum` prints it; for run records. */
  sha256(bytes: Uint8Array): string;
}
