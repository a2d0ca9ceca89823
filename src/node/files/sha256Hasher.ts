import { createHash } from 'node:crypto';
import type { ContentHasher } from '../../core/ports/contentHasher';

/** SHA-256 over the given parts, each prefixed by its length so ("ab","c") and ("a","bc") differ. */
export class Sha256Hasher implements ContentHasher {
  /** Hex SHA-256 digest. */
  hash(...parts: ReadonlyArray<Uint8Array | string>): string {
    const h = createHash('sha256');
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      h.update(`${bytes.length}:`);
      h.update(bytes);
    }
    return h.digest('hex');
  }

  /** Plain hex SHA-256 of the bytes. */
  sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }
}
