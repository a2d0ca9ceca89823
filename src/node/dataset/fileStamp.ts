import { promises as fs } from 'node:fs';
import type { EntryKind } from '../../core/ports/fileAccess';

/** What one stat told about a path: its kind, and for files and folders their times and size. */
export interface FileStamp {
  readonly kind: EntryKind;
  readonly mtimeMs?: number;
  readonly ctimeMs?: number;
  readonly size?: number;
  /** Modified so shortly before the stat that a later change could keep the same time: never trusted as unchanged. */
  readonly racy?: boolean;
}

/**
 * Changes this close to a stat may not move the modification time (coarse file-system clocks, FAT's 2 s), so a stamp
 * taken then proves nothing later; such paths are read again next time (git's "racy" entries).
 */
export const RACY_MS = 3000;

/** Stats a path, following links; a missing path or one under a file is 'missing', an unreadable one 'other'. */
export async function stampOf(path: string, now: number = Date.now()): Promise<FileStamp> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'other' };
  }
  const kind: EntryKind = stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other';
  const racy = now - stat.mtimeMs < RACY_MS;
  return { kind, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, size: stat.size, ...(racy ? { racy } : {}) };
}

/** True when two stamps show the same unchanged path; a racy stamp is never the same. */
export function sameStamp(before: FileStamp, now: FileStamp): boolean {
  if (before.racy || now.racy) return false;
  return before.kind === now.kind && before.mtimeMs === now.mtimeMs && before.ctimeMs === now.ctimeMs && before.size === now.size;
}
