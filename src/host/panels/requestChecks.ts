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

/** Largest figure a webview may send: an SVG document's characters, or a PNG data: URL's. */
export const MAX_FIGURE_CHARS = 24 * 2 ** 20;

/** A figure to save, checked: a safe file stem, its format, and the bytes to write. */
export interface CheckedFigure {
  readonly stem: string;
  readonly format: 'svg' | 'png';
  readonly bytes: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A figure a webview asks to save: an SVG document (no script, no foreign content) or a PNG data: URL that decodes to
 * a PNG, each at most MAX_FIGURE_CHARS; the suggested name becomes a file stem of letters, digits, '.', '_' and '-'.
 */
export function checkFigure(name: unknown, format: unknown, data: unknown): CheckedFigure {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200) throw new Error('a figure needs a name of at most 200 characters');
  const stem = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80) || 'figure';
  if (typeof data !== 'string' || data.length === 0 || data.length > MAX_FIGURE_CHARS) throw new Error(`a figure must be text of at most ${MAX_FIGURE_CHARS} characters`);
  if (format === 'svg') return { stem, format, bytes: new TextEncoder().encode(checkSvg(data)) };
  if (format === 'png') return { stem, format, bytes: checkPngDataUrl(data) };
  throw new Error('a figure is exported as svg or png');
}

function checkSvg(data: string): string {
  const body = data.replace(/^\uFEFF?(<\?xml[^>]*\?>\s*)?/, '');
  if (!/^<svg[\s>]/.test(body) || !/<\/svg>\s*$/.test(body)) throw new Error('an SVG figure must be one <svg> element');
  // Text is escaped when an SVG is serialised, so a literal tag here is markup: a script or foreign HTML would run where the file is opened.
  if (/<(script|foreignObject|iframe)[\s>/]/i.test(body)) throw new Error('an SVG figure must not hold scripts or foreign content');
  return data;
}

function checkPngDataUrl(data: string): Uint8Array {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/.exec(data);
  if (!match) throw new Error('a PNG figure must be a data:image/png;base64 URL');
  const bytes = Buffer.from(match[1], 'base64');
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('a PNG figure must hold a PNG image');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
