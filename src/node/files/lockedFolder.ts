import { lockFolder } from './folderLock';
import { removeStaleTempFiles } from './staleTempFiles';

/**
 * Runs `work` holding the folder's lock (run.lock), after removing the temporary files of killed writers (with the
 * lock held they can only be theirs); `work` gets the note saying whose stale lock was taken over, if one was.
 */
export async function inLockedFolder<T>(dir: string, work: (note: string | undefined) => Promise<T>): Promise<T> {
  const lock = await lockFolder(dir);
  try {
    await removeStaleTempFiles(dir);
    return await work(lock.note);
  } finally {
    await lock.release();
  }
}
