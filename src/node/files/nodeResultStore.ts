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

  /**
   * Appends whole lines in one write and fsyncs, so a crash leaves at most one partial last line; a partial last line
   * left by an earlier crash is cut off first, or the first new line would be glued to it and lost with it.
   */
  async appendLines(path: string, lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const handle = await fs.open(path, 'a+');
    try {
      await cutTornLastLine(handle);
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

/** Bytes read at a time while looking back for the last newline. */
const TAIL_BLOCK = 4096;

/** Truncates a file that does not end in a newline to just after its last newline (to nothing when it has none). */
async function cutTornLastLine(handle: fs.FileHandle): Promise<void> {
  const { size } = await handle.stat();
  const block = Buffer.alloc(TAIL_BLOCK);
  for (let end = size; end > 0; end -= TAIL_BLOCK) {
    const start = Math.max(0, end - TAIL_BLOCK);
    const { bytesRead } = await handle.read(block, 0, end - start, start);
    const newline = block.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline === bytesRead - 1 && end === size) return;
    if (newline >= 0) return handle.truncate(start + newline + 1);
  }
  if (size > 0) await handle.truncate(0);
}
