import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** What pruning found and did. */
export interface PruneResult {
  readonly files: number;
  readonly bytes: number;
  readonly removedFiles: number;
  readonly removedBytes: number;
}

/** Temporary files older than this are leftovers of a crash and go whatever the cache's size. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Keeps a thumbnail cache (files in subfolders of `dir`) under `maxBytes`: when it is over, deletes the least recently
 * used files (oldest modification time; ThumbnailCache touches a file on every hit) until it is at `keepFraction` of the
 * limit. A missing folder is an empty cache. Files that cannot be deleted are skipped.
 */
export async function pruneCache(dir: string, maxBytes: number, keepFraction = 0.75, now = Date.now()): Promise<PruneResult> {
  const entries = await cacheFiles(dir);
  let bytes = entries.reduce((sum, e) => sum + e.size, 0);
  let removedFiles = 0;
  let removedBytes = 0;
  const remove = async (entry: CacheFile): Promise<void> => {
    if (!(await fs.rm(entry.file, { force: true }).then(() => true, () => false))) return;
    removedFiles++;
    removedBytes += entry.size;
    bytes -= entry.size;
  };
  for (const entry of entries.filter((e) => e.file.endsWith('.tmp') && now - e.mtimeMs > STALE_TEMP_MS)) await remove(entry);
  if (bytes > maxBytes) {
    const target = maxBytes * keepFraction;
    for (const entry of entries.filter((e) => !e.file.endsWith('.tmp')).sort((a, b) => a.mtimeMs - b.mtimeMs)) {
      if (bytes <= target) break;
      await remove(entry);
    }
  }
  return { files: entries.length - removedFiles, bytes, removedFiles, removedBytes };
}

interface CacheFile {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

async function cacheFiles(dir: string): Promise<CacheFile[]> {
  const found: CacheFile[] = [];
  for (const sub of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!sub.isDirectory()) continue;
    const folder = path.join(dir, sub.name);
    for (const name of await fs.readdir(folder).catch((): string[] => [])) {
      const file = path.join(folder, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat?.isFile()) found.push({ file, size: stat.size, mtimeMs: stat.mtimeMs });
    }
  }
  return found;
}
