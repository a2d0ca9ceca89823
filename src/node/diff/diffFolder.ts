import { readDiffJournal } from '../../core/diff/diffJournal';
import { DIFF_FILES } from '../../core/diff/diffLayout';
import type { DiffRecord } from '../../core/diff/diffTypes';
import type { ReviewItem } from '../../core/diff/reviewMarks';
import type { FileAccess } from '../../core/ports/fileAccess';
import { parseJsonText } from '../../core/util/jsonText';
import { joinPath } from '../../core/util/paths';

/** What a diff folder holds for the panel: diff.json, the compared images (from images.jsonl) and problems met reading them. */
export interface DiffFolderContents {
  readonly dir: string;
  readonly record: DiffRecord;
  /** Every compared image with its disagreement, in journal order. */
  readonly items: readonly ReviewItem[];
  /** Problems, each naming the file. */
  readonly notes: readonly string[];
}

/** Reads a diff folder; rejects with an error naming diff.json when the folder is not a FaceGap label diff. */
export async function readDiffFolder(dir: string, files: FileAccess, signal?: AbortSignal): Promise<DiffFolderContents> {
  const recordFile = joinPath(dir, DIFF_FILES.diff);
  if ((await files.kind(recordFile)) !== 'file') throw new Error(`${recordFile}: not found; a diff folder holds the diff.json that facegap diff or "FaceGap: Diff Labels Against…" writes`);
  const record = parseDiffRecord(await files.readText(recordFile, signal), recordFile);
  const journalFile = joinPath(dir, DIFF_FILES.journal);
  const notes: string[] = [];
  let items: ReviewItem[] = [];
  if ((await files.kind(journalFile)) === 'file') {
    const journal = readDiffJournal(await files.readText(journalFile, signal));
    items = [...journal.entries.values()].map((e) => (e.image === undefined ? { id: e.id, disagreement: e.disagreement } : { id: e.id, disagreement: e.disagreement, image: e.image }));
    if (journal.badLines > 0) notes.push(`${journalFile}: ${journal.badLines} unreadable line(s) left out`);
  } else {
    notes.push(`${journalFile}: not found, so there are no images to review`);
  }
  if (!record.complete) notes.push(`${recordFile}: the diff is incomplete (interrupted or still running); ${items.length} image(s) compared so far`);
  return { dir, record, items, notes };
}

/** diff.json as a DiffRecord, after checking the parts the panel reads; errors name the file. */
export function parseDiffRecord(text: string, file: string): DiffRecord {
  const json = parseJsonText(text, file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${file}: expected a JSON object, a FaceGap label diff`);
  const o = json as Record<string, unknown>;
  if (o.kind !== 'facegap-label-diff') throw new Error(`${file}: not a FaceGap label diff (kind is ${JSON.stringify(o.kind)}, expected "facegap-label-diff")`);
  if (o.formatVersion !== 1) throw new Error(`${file}: diff format version ${JSON.stringify(o.formatVersion)} is not supported (expected 1)`);
  for (const side of ['a', 'b'] as const) {
    const s = o[side] as Record<string, unknown> | undefined;
    if (typeof s !== 'object' || s === null || typeof s.schema !== 'string' || typeof s.description !== 'string') throw new Error(`${file}: side "${side}" lacks its schema or description`);
  }
  const summary = o.summary as Record<string, unknown> | undefined;
  if (typeof summary !== 'object' || summary === null || !Array.isArray(summary.perClass) || !Array.isArray(summary.findings)) {
    throw new Error(`${file}: "summary" lacks its per-class results or findings`);
  }
  return json as DiffRecord;
}
