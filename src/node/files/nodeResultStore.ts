import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ResultStore } from '../../core/ports/fileAccess';

/** ResultStore on Node's fs: atomic writes by temporary file + fsync + rename; journals appended and fsynced. */
export class NodeResultStore implements ResultStore {
  /** Creates a directory and its parents. */
  async makeDir(path: string): Promise<void> {
    await fs.mkdir(path, { recursive: true });
  }

  /** Writes a file atomically: readers see the old file or the new one, never a part. */
  async writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
    await fs.mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, path);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  /** Appends whole lines in one write and fsyncs, so a crash leaves at most one partial last line. */
  async appendLines(path: string, lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const handle = await fs.open(path, 'a');
    try {
      await handle.writeFile(lines.map((l) => `${l}\n`).join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Reads a file, or undefined when it does not exist. */
  async readIfExists(path: string): Promise<Uint8Array | undefined> {
    try {
      const buffer = await fs.readFile(path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Deletes a file if it exists. */
  async remove(path: string): Promise<void> {
    await fs.rm(path, { force: true });
  }
}
