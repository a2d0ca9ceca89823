import { readDiffJournal } from '../../core/diff/diffJournal';
import { DIFF_FILES } from '../../core/diff/diffLayout';
import { parseDiffRecord } from '../../core/diff/diffRecordParsing';
import type { DiffRecord } from '../../core/diff/diffTypes';
import type { ReviewItem } from '../../core/diff/reviewMarks';
import type { FileAccess } from '../../core/ports/fileAccess';
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
