/** What a directory entry is, without following it further than one stat. */
export type EntryKind = 'file' | 'dir' | 'other' | 'missing';

/** One entry of a directory listing. */
export interface DirEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

/** Read access to the user's files; paths use the platform's form, joined with core/util/paths. */
export interface FileAccess {
  /** Lists a directory (entries sorted by name); throws if it is not a readable directory. */
  list(dir: string): Promise<DirEntry[]>;
  /** Tells what a path is ('missing' when it does not exist). */
  kind(path: string): Promise<EntryKind>;
  /** Reads a whole file. */
  readBytes(path: string, signal?: AbortSignal): Promise<Uint8Array>;
  /** Reads a whole file as UTF-8 text. */
  readText(path: string, signal?: AbortSignal): Promise<string>;
}

/** Write access for results: every write is atomic (temporary file, then rename). */
export interface ResultStore {
  /** Creates a directory and its parents. */
  makeDir(path: string): Promise<void>;
  /** Writes a whole file atomically. */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  /** Appends complete lines to a journal file and flushes them to disk. */
  appendLines(path: string, lines: readonly string[]): Promise<void>;
  /** Reads a file, or returns undefined when it does not exist. */
  readIfExists(path: string): Promise<Uint8Array | undefined>;
  /** Deletes a file if it exists. */
  remove(path: string): Promise<void>;
}
