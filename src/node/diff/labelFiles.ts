import type { ContentHasher } from '../../core/ports/contentHasher';
import type { FileAccess } from '../../core/ports/fileAccess';
import { baseName } from '../../core/util/paths';

/** The bytes of an item's label files and their content key. */
export interface ReadLabelFiles {
  readonly bytes: ReadonlyMap<string, Uint8Array>;
  /** Hash of each file's name and bytes: a moved dataset keeps its keys, an edited file changes them. */
  readonly key: string;
}

/** Reads label files once, for hashing and for decoding. */
export async function readLabelFiles(paths: readonly string[], deps: { files: FileAccess; hasher: ContentHasher }, signal?: AbortSignal): Promise<ReadLabelFiles> {
  const bytes = new Map<string, Uint8Array>();
  for (const path of paths) bytes.set(path, await deps.files.readBytes(path, signal));
  const key = deps.hasher.hash('labels', ...[...bytes].flatMap(([path, data]) => [baseName(path), data]));
  return { bytes, key };
}

/** A FileAccess that serves files already read, so decoding does not read them again. */
export function preloadedFiles(files: FileAccess, bytes: ReadonlyMap<string, Uint8Array>): FileAccess {
  return {
    list: (dir) => files.list(dir),
    kind: (path) => files.kind(path),
    readBytes: async (path, signal) => bytes.get(path) ?? files.readBytes(path, signal),
    readText: async (path, signal) => (bytes.has(path) ? new TextDecoder().decode(bytes.get(path)) : files.readText(path, signal)),
  };
}
