import { promises as fs } from 'node:fs';
import type { DirEntry, EntryKind, FileAccess } from '../../core/ports/fileAccess';

/** Largest file FaceGap reads whole (images, masks, JSON); larger files are refused with a clear error. */
export const MAX_READ_BYTES = 512 * 1024 * 1024;

/** FileAccess on Node's fs; symbolic links are followed once when listing, never recursively. */
export class NodeFileAccess implements FileAccess {
  /** Lists a directory sorted by name; a link whose target is gone is 'missing', one that loops 'other'. */
  async list(dir: string): Promise<DirEntry[]> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      throw new Error(`${dir}: cannot list folder (${describeFsError(error)})`);
    }
    const result = await Promise.all(
      entries.map(async (e): Promise<DirEntry> => {
        if (e.isFile()) return { name: e.name, kind: 'file' };
        if (e.isDirectory()) return { name: e.name, kind: 'dir' };
        if (e.isSymbolicLink()) return { name: e.name, kind: await this.kind(`${dir}/${e.name}`) };
        return { name: e.name, kind: 'other' };
      }),
    );
    return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Tells what a path is, following links. */
  async kind(path: string): Promise<EntryKind> {
    try {
      const stat = await fs.stat(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : 'other';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'other';
    }
  }

  /** Reads a whole file, refusing files over MAX_READ_BYTES. */
  async readBytes(path: string, signal?: AbortSignal): Promise<Uint8Array> {
    try {
      const stat = await fs.stat(path);
      if (stat.size > MAX_READ_BYTES) throw new Error(`file is ${stat.size} bytes, over the ${MAX_READ_BYTES}-byte limit`);
      const buffer = await fs.readFile(path, { signal });
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new Error(`${path}: cannot read file (${describeFsError(error)})`);
    }
  }

  /** Reads a whole file as UTF-8. */
  async readText(path: string, signal?: AbortSignal): Promise<string> {
    return new TextDecoder('utf-8').decode(await this.readBytes(path, signal));
  }
}

/** Turns an fs error into a short reason a user can act on. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'not a folder';
    default:
      return e.message ?? String(error);
  }
}
