import { errorMessage, fileAndReason } from '../util/errors';

/** Runs `load`; when it fails, adds "<file>: <reason>" to `notes` (the file the message names, else `file`) and gives undefined. */
export async function noteOnFailure<T>(notes: string[], file: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    const named = fileAndReason(errorMessage(error), file);
    notes.push(`${named.file}: ${named.reason}`);
    return undefined;
  }
}
