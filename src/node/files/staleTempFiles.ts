import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from './processAlive';

/** The temporary-file names NodeResultStore.writeAtomic uses: `<file>.<pid>.<8 hex>.tmp`. */
const TEMP_NAME = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes, under `dir` and its subfolders, the temporary files of atomic writes whose writer process is gone (killed
 * before its rename); a live writer's files are left alone. Returns how many were removed.
 */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed += await removeStaleTempFiles(path);
    const pid = entry.isFile() ? TEMP_NAME.exec(entry.name)?.[1] : undefined;
    if (pid === undefined || isProcessAlive(Number(pid))) continue;
    await fs.rm(path, { force: true });
    removed++;
  }
  return removed;
}
