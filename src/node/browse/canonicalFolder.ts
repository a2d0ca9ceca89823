import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** A folder's real path (symbolic links resolved), or its absolute path when it does not exist; case-folded on Windows. */
export async function canonicalFolder(folder: string): Promise<string> {
  let resolved = path.resolve(folder);
  try {
    resolved = await fs.realpath(resolved);
  } catch {
    // A dataset folder moved or deleted since the run can still match by its recorded path.
  }
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}
