import type { DirEntry, EntryKind, FileAccess } from '../../core/ports/fileAccess';
import { stampOf, type FileStamp } from './fileStamp';

/** A folder as it was listed, with its stamp taken just before the listing; kept compact (names, one kind letter each). */
export interface FolderRecord {
  readonly stamp: FileStamp;
  readonly names: readonly string[];
  /** One letter per name: f(ile), d(ir), o(ther), m(issing). */
  readonly kinds: string;
}

const KIND_LETTERS: Record<EntryKind, string> = { file: 'f', dir: 'd', other: 'o', missing: 'm' };
const LETTER_KINDS: Record<string, EntryKind> = { f: 'file', d: 'dir', o: 'other', m: 'missing' };

/** A listing in the record's compact form. */
export function folderRecord(stamp: FileStamp, entries: readonly DirEntry[]): FolderRecord {
  return { stamp, names: entries.map((e) => e.name), kinds: entries.map((e) => KIND_LETTERS[e.kind]).join('') };
}

/** The listing a record holds, as FileAccess.list answers it. */
export function recordedEntries(folder: FolderRecord): DirEntry[] {
  return folder.names.map((name, i) => ({ name, kind: LETTER_KINDS[folder.kinds[i]] ?? 'other' }));
}

/** Everything a dataset scan looked at: the folders it listed, the paths whose kind it asked, the files it read. */
export interface ScanRecord {
  readonly folders: ReadonlyMap<string, FolderRecord>;
  readonly kinds: ReadonlyMap<string, EntryKind>;
  readonly reads: ReadonlyMap<string, FileStamp>;
}

/** What a scan cost: folders listed on disk, folders replayed from an earlier record, paths stat'ed. */
export interface ScanCounts {
  readonly listed: number;
  readonly reused: number;
  readonly stats: number;
}

/**
 * A FileAccess that records what the dataset readers look at, so the scan can be cached and checked later with stats
 * alone. Each folder is listed at most once per scan (the readers' detection lists the root several times), and
 * folders in `reuse` are answered from an earlier record without touching the disk. Stamps are taken before listing
 * or reading: a change in between then shows as a change next time, never as a stale "unchanged".
 */
export class RecordingFileAccess implements FileAccess {
  private readonly folders = new Map<string, Promise<{ record: FolderRecord; entries: readonly DirEntry[] }>>();
  private readonly kinds = new Map<string, EntryKind>();
  private readonly reads = new Map<string, FileStamp>();
  private listed = 0;
  private reused = 0;
  private stats = 0;

  constructor(
    private readonly inner: FileAccess,
    private readonly reuse: ReadonlyMap<string, FolderRecord> = new Map(),
  ) {}

  /** Lists a folder once per scan: from the earlier record when it is unchanged, else from disk. */
  async list(dir: string): Promise<DirEntry[]> {
    let folder = this.folders.get(dir);
    if (!folder) {
      folder = this.listFolder(dir);
      this.folders.set(dir, folder);
    }
    // A copy: the record must stay as listed whatever a reader does with its array.
    return (await folder).entries.slice();
  }

  /** Tells what a path is, with one stat. */
  async kind(path: string): Promise<EntryKind> {
    const { kind } = await this.stamp(path);
    this.kinds.set(path, kind);
    return kind;
  }

  /** Reads a whole file, stamping it first. */
  async readBytes(path: string, signal?: AbortSignal): Promise<Uint8Array> {
    this.reads.set(path, await this.stamp(path));
    return this.inner.readBytes(path, signal);
  }

  /** Reads a whole file as UTF-8 text, stamping it first. */
  async readText(path: string, signal?: AbortSignal): Promise<string> {
    this.reads.set(path, await this.stamp(path));
    return this.inner.readText(path, signal);
  }

  /** What was looked at so far; folders whose listing failed are left out (the scan failed with them). */
  async record(): Promise<ScanRecord> {
    const folders = new Map<string, FolderRecord>();
    for (const [dir, folder] of this.folders) {
      const settled = await folder.then((f) => f.record, () => undefined);
      if (settled) folders.set(dir, settled);
    }
    return { folders, kinds: new Map(this.kinds), reads: new Map(this.reads) };
  }

  /** What the scan cost so far. */
  counts(): ScanCounts {
    return { listed: this.listed, reused: this.reused, stats: this.stats };
  }

  private async listFolder(dir: string): Promise<{ record: FolderRecord; entries: readonly DirEntry[] }> {
    const earlier = this.reuse.get(dir);
    if (earlier) {
      this.reused++;
      return { record: earlier, entries: recordedEntries(earlier) };
    }
    const stamp = await this.stamp(dir);
    this.listed++;
    const entries = await this.inner.list(dir);
    return { record: folderRecord(stamp, entries), entries };
  }

  private stamp(path: string): Promise<FileStamp> {
    this.stats++;
    return stampOf(path);
  }
}
