import { parseDistRecord } from '../../core/distribution/distRecordParsing';
import { DIST_FILES, type DistRecord } from '../../core/distribution/distTypes';
import type { FileAccess } from '../../core/ports/fileAccess';
import { joinPath } from '../../core/util/paths';

/** What a distribution folder holds for the panel: dist.json, the size of the matched subset, and problems met reading them. */
export interface DistFolderContents {
  readonly dir: string;
  readonly record: DistRecord;
  /** Image paths in matched-subset-a.txt, or null when the folder has none. */
  readonly subsetImages: number | null;
  /** Problems, each naming the file. */
  readonly notes: readonly string[];
}

/** Reads a distribution folder; rejects with an error naming dist.json when the folder is not a FaceGap distribution comparison. */
export async function readDistFolder(dir: string, files: FileAccess, signal?: AbortSignal): Promise<DistFolderContents> {
  const recordFile = joinPath(dir, DIST_FILES.record);
  if ((await files.kind(recordFile)) !== 'file') {
    throw new Error(`${recordFile}: not found; a distribution folder holds the dist.json that facegap dist or "FaceGap: Compare Dataset Distributions…" writes`);
  }
  const record = parseDistRecord(await files.readText(recordFile, signal), recordFile);
  const notes: string[] = [];
  const subsetFile = joinPath(dir, DIST_FILES.subset);
  let subsetImages: number | null = null;
  if ((await files.kind(subsetFile)) === 'file') {
    subsetImages = (await files.readText(subsetFile, signal)).split(/\r?\n/).filter((line) => line.trim() !== '').length;
  } else if (record.summary.matching) {
    notes.push(`${subsetFile}: not found, so the matched subset cannot be exported`);
  }
  if (!record.complete) notes.push(`${recordFile}: the comparison is incomplete (interrupted or still running)`);
  return { dir, record, subsetImages, notes };
}
