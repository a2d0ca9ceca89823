import { createHash } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import type { DatasetOverrides } from '../../core/dataset/openDataset';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { NodeResultStore } from '../files/nodeResultStore';
import { removeStaleTempFiles } from '../files/staleTempFiles';
import type { ScannedDataset } from './datasetScan';
import { decodeScan, encodeScan, SCAN_CACHE_VERSION } from './scanCacheFormat';

/** What a cached scan is for: the same folder opened with other overrides or another schema choice gets its own file. */
export interface ScanCacheEntry {
  readonly file: string;
  readonly identity: string;
}

/** Cache files kept by default; the least recently used go first. */
const DEFAULT_KEEP = 16;

/**
 * Dataset scans kept on disk between openings, one JSON file per folder + overrides + schema choice, in a folder the
 * caller owns (never the dataset's). Files are written atomically and killed writers' temporary files removed, as in
 * run folders; a damaged, foreign or old file is ignored, never an error, and the next scan overwrites it.
 */
export class ScanCache {
  /** Saves still being written, by file: a load waits for the one of its file, so it never reads an older scan. */
  private readonly saving = new Map<string, Promise<boolean>>();
  private readonly store = new NodeResultStore();

  constructor(
    readonly dir: string,
    private readonly keep = DEFAULT_KEEP,
  ) {}

  /** The cache file of a folder opened with these overrides and this schema choice. */
  entry(root: string, overrides: DatasetOverrides = {}, schemaId?: string): ScanCacheEntry {
    const { format, imagesDir, masksDir } = overrides;
    const identity = JSON.stringify([SCAN_CACHE_VERSION, codeStamp(), root, path.resolve(root), format ?? null, imagesDir ?? null, masksDir ?? null, schemaId ?? null]);
    const key = createHash('sha256').update(identity).digest('hex').slice(0, 32);
    return { file: path.join(this.dir, `${key}.json`), identity };
  }

  /** The cached scan, or undefined when there is none or it cannot be used; a hit marks the file recently used. */
  async load(entry: ScanCacheEntry, registry: SchemaRegistry): Promise<ScannedDataset | undefined> {
    await this.saving.get(entry.file);
    const text = await fs.readFile(entry.file, 'utf8').catch(() => undefined);
    const scan = text === undefined ? undefined : decodeScan(text, entry.identity, registry);
    if (scan) {
      const now = new Date();
      await fs.utimes(entry.file, now, now).catch(() => undefined);
    }
    return scan;
  }

  /**
   * Starts writing a scan (temporary file, then rename) and drops the least recently used files over the limit;
   * resolves false when it could not write. Callers need not wait: saves of one file are written one after another,
   * and a file that ends up older than the folder only fails its check and is scanned again.
   */
  save(entry: ScanCacheEntry, scan: ScannedDataset): Promise<boolean> {
    const saved = (this.saving.get(entry.file) ?? Promise.resolve(true)).then(() => this.write(entry, scan));
    this.saving.set(entry.file, saved);
    void saved.then(() => this.saving.get(entry.file) === saved && this.saving.delete(entry.file));
    return saved;
  }

  /** Resolves once every save started so far is written (or failed). */
  async idle(): Promise<void> {
    await Promise.all([...this.saving.values()]);
  }

  private async write(entry: ScanCacheEntry, scan: ScannedDataset): Promise<boolean> {
    try {
      await this.store.writeAtomic(entry.file, encodeScan(entry.identity, scan));
    } catch {
      // A cache that cannot be written only makes the next opening slower.
      return false;
    }
    await this.prune().catch(() => undefined);
    return true;
  }

  private async prune(): Promise<void> {
    await removeStaleTempFiles(this.dir);
    const names = (await fs.readdir(this.dir)).filter((n) => n.endsWith('.json'));
    if (names.length <= this.keep) return;
    const files = await Promise.all(names.map(async (n) => ({ file: path.join(this.dir, n), mtimeMs: (await fs.stat(path.join(this.dir, n))).mtimeMs })));
    files.sort((a, b) => b.mtimeMs - a.mtimeMs);
    await Promise.all(files.slice(this.keep).map((f) => fs.rm(f.file, { force: true })));
  }
}

let code: string | undefined;

/** The running code's file size and time: an updated FaceGap never trusts what an older one's readers made. */
function codeStamp(): string {
  if (code === undefined) {
    try {
      const stat = statSync(__filename);
      code = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      code = 'unknown';
    }
  }
  return code;
}
