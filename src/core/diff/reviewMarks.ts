import { parseJsonText } from '../util/jsonText';
import type { ReviewFile, ReviewMark, ReviewVerdict } from './diffTypes';

/** Every verdict, in the order the panel offers them (keys 1–4). */
export const REVIEW_VERDICTS: readonly ReviewVerdict[] = ['error-a', 'error-b', 'convention', 'fine'];

/** Longest note kept with a mark (characters). */
export const MAX_NOTE_LENGTH = 2000;

/** One compared image as the review queue needs it (from images.jsonl). */
export interface ReviewItem {
  readonly id: string;
  readonly disagreement: number;
  readonly image?: string;
}

/** An image of the review queue with its mark, if any. */
export interface ReviewQueueEntry extends ReviewItem {
  readonly mark?: ReviewMark;
}

/** How many images carry each verdict, and how many are marked in all. */
export type VerdictCounts = Readonly<Record<ReviewVerdict, number>> & { readonly marked: number };

/** A review file with no marks. */
export function emptyReview(): ReviewFile {
  return { kind: 'facegap-review', formatVersion: 1, marks: [] };
}

/** True for one of the four verdicts. */
export function isReviewVerdict(value: unknown): value is ReviewVerdict {
  return typeof value === 'string' && (REVIEW_VERDICTS as readonly string[]).includes(value);
}

/** Parses review.json text; undefined text (no file yet) is an empty review. Errors name the file and the bad part. */
export function parseReviewFile(text: string | undefined, file: string): ReviewFile {
  if (text === undefined) return emptyReview();
  const json = parseJsonText(text, file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${file}: expected a JSON object, a FaceGap review file`);
  const o = json as Record<string, unknown>;
  if (o.kind !== 'facegap-review') throw new Error(`${file}: not a FaceGap review file (kind is ${JSON.stringify(o.kind)}, expected "facegap-review")`);
  if (o.formatVersion !== 1) throw new Error(`${file}: review format version ${JSON.stringify(o.formatVersion)} is not supported (expected 1)`);
  if (!Array.isArray(o.marks)) throw new Error(`${file}: "marks" must be an array`);
  const byId = new Map<string, ReviewMark>();
  o.marks.forEach((raw, i) => {
    const mark = parseMark(raw, `${file}: marks[${i}]`);
    byId.set(mark.id, mark);
  });
  return { kind: 'facegap-review', formatVersion: 1, marks: [...byId.values()] };
}

function parseMark(raw: unknown, where: string): ReviewMark {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${where}: expected an object`);
  const m = raw as Record<string, unknown>;
  if (typeof m.id !== 'string' || m.id.length === 0) throw new Error(`${where}: "id" must be a non-empty string`);
  if (!isReviewVerdict(m.verdict)) throw new Error(`${where}: "verdict" must be one of ${REVIEW_VERDICTS.join(', ')}, got ${JSON.stringify(m.verdict)}`);
  if (m.note !== undefined && typeof m.note !== 'string') throw new Error(`${where}: "note" must be a string`);
  if (typeof m.at !== 'string') throw new Error(`${where}: "at" must be an ISO time string`);
  return { id: m.id, verdict: m.verdict, note: m.note ?? '', at: m.at };
}

/** The review with this image's mark set (replacing an older one in place) or, with a null verdict, cleared. */
export function withMark(review: ReviewFile, id: string, verdict: ReviewVerdict | null, note: string, at: string): ReviewFile {
  if (verdict === null) return { ...review, marks: review.marks.filter((m) => m.id !== id) };
  const mark: ReviewMark = { id, verdict, note: note.slice(0, MAX_NOTE_LENGTH), at };
  const index = review.marks.findIndex((m) => m.id === id);
  const marks = index < 0 ? [...review.marks, mark] : review.marks.map((m, i) => (i === index ? mark : m));
  return { ...review, marks };
}

/** review.json text: indented JSON with a final newline. */
export function serializeReview(review: ReviewFile): string {
  return `${JSON.stringify(review, null, 2)}\n`;
}

/** The images ranked by disagreement (highest first, then by id), each with its mark. */
export function reviewQueue(items: readonly ReviewItem[], review: ReviewFile): ReviewQueueEntry[] {
  const marks = new Map(review.marks.map((m) => [m.id, m]));
  return [...items]
    .sort((x, y) => y.disagreement - x.disagreement || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((item) => {
      const mark = marks.get(item.id);
      return mark ? { ...item, mark } : { ...item };
    });
}

/** Marks per verdict and in all. */
export function verdictCounts(review: ReviewFile): VerdictCounts {
  const counts: Record<ReviewVerdict, number> = { 'error-a': 0, 'error-b': 0, convention: 0, fine: 0 };
  for (const mark of review.marks) counts[mark.verdict]++;
  return { ...counts, marked: review.marks.length };
}

/** review.csv: one row per mark, in queue order (marks of images the diff does not list come last). */
export function reviewCsv(items: readonly ReviewItem[], review: ReviewFile): string {
  const rows: string[][] = [['id', 'verdict', 'note', 'at', 'disagreement', 'image']];
  const listed = new Set<string>();
  for (const entry of reviewQueue(items, review)) {
    listed.add(entry.id);
    if (entry.mark) rows.push(csvRow(entry.mark, entry));
  }
  for (const mark of review.marks) if (!listed.has(mark.id)) rows.push(csvRow(mark));
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvRow(mark: ReviewMark, item?: ReviewItem): string[] {
  return [safeText(mark.id), mark.verdict, safeText(mark.note), mark.at, item ? String(item.disagreement) : '', safeText(item?.image ?? '')];
}

/** Quotes a field when it holds a comma, quote or line break (RFC 4180), doubling inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Free text that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
