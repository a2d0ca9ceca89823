import type { ReviewVerdict } from '../../core/diff/diffTypes';
import { isReviewVerdict, MAX_NOTE_LENGTH } from '../../core/diff/reviewMarks';

// Every value a webview sends is checked before use: a webview shows dataset content, which may be hostile.

/** Most ids one thumbnails request may name. */
const MAX_IDS = 500;

/** An item id: a non-empty string of sane length. */
export function checkId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 4096) throw new Error('invalid item id');
  return id;
}

/** A list of item ids. */
export function checkIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length > MAX_IDS) throw new Error(`expected at most ${MAX_IDS} item ids`);
  return ids.map(checkId);
}

/** A class id of a label map (0–255). */
export function checkClassId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 255) throw new Error('invalid class id');
  return id;
}

/** A run folder the host itself offered to this view; anything else is refused. */
export function checkKnownRun(run: unknown, known: ReadonlySet<string>): string {
  if (typeof run !== 'string' || !known.has(run)) throw new Error('unknown run folder');
  return run;
}

/** An item id the host itself offered to this view (e.g. one of a diff's compared images); anything else is refused. */
export function checkKnownId(id: unknown, known: ReadonlySet<string>): string {
  if (typeof id !== 'string' || !known.has(id)) throw new Error('unknown item id');
  return id;
}

/** A review verdict, or null to clear a mark. */
export function checkVerdict(verdict: unknown): ReviewVerdict | null {
  if (verdict !== null && !isReviewVerdict(verdict)) throw new Error('invalid review verdict');
  return verdict;
}

/** A reviewer's note: a string of at most MAX_NOTE_LENGTH characters. */
export function checkNote(note: unknown): string {
  if (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH) throw new Error(`a note must be text of at most ${MAX_NOTE_LENGTH} characters`);
  return note;
}

/** One of the allowed values. */
export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new Error(`expected one of ${allowed.join(', ')}`);
  return value as T;
}
