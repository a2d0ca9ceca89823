import type { ClassImageStats, DiffKeys, ImageDiffRecord } from './diffTypes';

/** What reading a diff journal (images.jsonl) found. */
export interface DiffJournalContents {
  /** The last valid record per A id. */
  readonly entries: ReadonlyMap<string, ImageDiffRecord>;
  /** Lines that could not be read (a torn last line after a crash is expected and harmless). */
  readonly badLines: number;
}

/** Serialises a record as one journal line. */
export function diffJournalLine(record: ImageDiffRecord): string {
  return JSON.stringify(record);
}

/** Reads images.jsonl of a diff folder; later lines for the same id replace earlier ones; unreadable lines are counted and skipped. */
export function readDiffJournal(text: string): DiffJournalContents {
  const entries = new Map<string, ImageDiffRecord>();
  let badLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const record = parseDiffLine(line);
    if (record) entries.set(record.id, record);
    else badLines++;
  }
  return { entries, badLines };
}

/** One journal line as a record, or undefined when it is not valid JSON of the record's shape. */
export function parseDiffLine(line: string): ImageDiffRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const r = value as Partial<Record<keyof ImageDiffRecord, unknown>>;
  if (r.v !== 1 || typeof r.id !== 'string' || !validKeys(r.keys)) return undefined;
  if (r.idB !== undefined && typeof r.idB !== 'string') return undefined;
  if (r.image !== undefined && typeof r.image !== 'string') return undefined;
  if (!isSize(r.size) || (r.resizedFrom !== undefined && !isSize(r.resizedFrom))) return undefined;
  if (!Array.isArray(r.joint) || !r.joint.every((c) => Array.isArray(c) && c.length === 3 && c.every(isCount))) return undefined;
  if (!Array.isArray(r.classes) || !r.classes.every(isClassStats)) return undefined;
  if (!Array.isArray(r.sides) || !r.sides.every(isSideOrder)) return undefined;
  if (typeof r.disagreement !== 'number' || !(r.disagreement >= 0 && r.disagreement <= 1)) return undefined;
  return value as unknown as ImageDiffRecord;
}

/** Whether a stored record was made from the same label files under the same protocol. */
export function sameDiffKeys(a: DiffKeys, b: DiffKeys): boolean {
  return a.a === b.a && a.b === b.b && a.protocol === b.protocol;
}

const CLASS_FIELDS = [
  'band', 'interior', 'offsetSum', 'offsetCount', 'distanceSum', 'distanceCount', 'perimeterA', 'smoothPerimeterA', 'perimeterB', 'smoothPerimeterB',
] as const satisfies ReadonlyArray<keyof ClassImageStats>;
// A field added to ClassImageStats must be checked here too: this fails to compile until it is listed.
const EVERY_FIELD_CHECKED: [Exclude<keyof ClassImageStats, 'id' | (typeof CLASS_FIELDS)[number]>] extends [never] ? true : never = true;
void EVERY_FIELD_CHECKED;

function isClassStats(value: unknown): boolean {
  if (!isObject(value)) return false;
  const c = value as Record<string, unknown>;
  return isCount(c.id) && CLASS_FIELDS.every((k) => typeof c[k] === 'number' && Number.isFinite(c[k]));
}

function isSideOrder(value: unknown): boolean {
  if (!isObject(value)) return false;
  const s = value as Record<string, unknown>;
  return typeof s.concept === 'string' && [-1, 0, 1].includes(s.a as number) && [-1, 0, 1].includes(s.b as number);
}

function validKeys(value: unknown): boolean {
  if (!isObject(value)) return false;
  const k = value as Record<string, unknown>;
  return typeof k.a === 'string' && typeof k.b === 'string' && typeof k.protocol === 'string';
}

function isSize(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n) && n > 0);
}

function isCount(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
