import type { ExcludedPixels, SparseCell } from '../metrics/confusionMatrix';
import type { ImageScores } from '../metrics/imageScores';

/** Content keys that decide whether a stored result still holds. */
export interface ResultKeys {
  /** Hash of the image bytes. */
  readonly image: string;
  /** Hash of the ground-truth file(s). */
  readonly gt: string;
  /** Hash of what produced the prediction: model, spec, image and size; or the prediction file's bytes. */
  readonly pred: string;
  /** Hash of the scoring protocol (size rule, crosswalk, boundary band). */
  readonly protocol: string;
}

/** One finished image, as stored in images.jsonl. */
export interface ImageResult {
  readonly v: 1;
  readonly id: string;
  readonly image: string;
  readonly keys: ResultKeys;
  /** Prediction PNG relative to the run folder (class ids of the model's schema), when FaceGap wrote one. */
  readonly predFile?: string;
  /** Scoring size [width, height]. */
  readonly size: readonly [number, number];
  readonly confusion: readonly SparseCell[];
  /** Ground-truth pixels left out of the confusion (ignore id). */
  readonly excluded: ExcludedPixels;
  /** Confusion with the boundary band left out, when boundary-tolerant scoring is on. */
  readonly tolerant?: readonly SparseCell[];
  readonly tolerantExcluded?: ExcludedPixels;
  readonly scores: ImageScores;
  readonly tolerantScores?: ImageScores;
  /** Pixels whose logits were NaN (scored as wrong). */
  readonly nanPixels?: number;
}

/** What reading a journal found. */
export interface JournalContents {
  /** The last valid entry per image id. */
  readonly entries: ReadonlyMap<string, ImageResult>;
  /** Lines that could not be read (a torn last line after a crash is expected and harmless). */
  readonly badLines: number;
}

/** Serialises a result as one journal line. */
export function journalLine(result: ImageResult): string {
  return JSON.stringify(result);
}

/** Reads images.jsonl; later lines for the same id replace earlier ones; unreadable lines are counted and skipped. */
export function readJournal(text: string): JournalContents {
  const entries = new Map<string, ImageResult>();
  let badLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (parsed) entries.set(parsed.id, parsed);
    else badLines++;
  }
  return { entries, badLines };
}

function parseLine(line: string): ImageResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Partial<ImageResult>;
  const keys = r.keys as Partial<ResultKeys> | undefined;
  const validKeys = keys && ['image', 'gt', 'pred', 'protocol'].every((k) => typeof keys[k as keyof ResultKeys] === 'string');
  if (r.v !== 1 || typeof r.id !== 'string' || !validKeys || !Array.isArray(r.confusion) || !Array.isArray(r.size)) return undefined;
  if (!isObject(r.scores) || !isObject(r.excluded)) return undefined;
  const cellsOk = r.confusion.every((c) => Array.isArray(c) && c.length === 3 && c.every((n) => Number.isFinite(n)));
  return cellsOk ? (value as ImageResult) : undefined;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** Whether a stored result was made from the same inputs under the same protocol. */
export function sameKeys(a: ResultKeys, b: ResultKeys): boolean {
  return a.image === b.image && a.gt === b.gt && a.pred === b.pred && a.protocol === b.protocol;
}
