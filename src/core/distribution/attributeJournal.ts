import type { ImageAttributes } from './distTypes';

/** One journal line for an image's attributes. */
export function attributeLine(record: ImageAttributes): string {
  return `${JSON.stringify(record)}\n`;
}

function isRecord(value: unknown): value is ImageAttributes {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<ImageAttributes>;
  if (r.v !== 1 || typeof r.id !== 'string' || typeof r.key !== 'string' || typeof r.values !== 'object' || r.values === null) return false;
  return Object.values(r.values).every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** Reads an attributes journal: the last valid line per id wins; unreadable lines (a torn last line) are counted and skipped. */
export function readAttributeJournal(text: string): { entries: Map<string, ImageAttributes>; badLines: number } {
  const entries = new Map<string, ImageAttributes>();
  let badLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      badLines++;
      continue;
    }
    if (isRecord(value)) entries.set(value.id, value);
    else badLines++;
  }
  return { entries, badLines };
}
