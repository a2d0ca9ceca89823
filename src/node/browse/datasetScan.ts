import type { DatasetIndex } from '../../core/dataset/datasetIndex';
import { inferDatasetSchema, type SchemaChoice } from '../../core/dataset/inferDatasetSchema';
import { openDataset, type DatasetOverrides } from '../../core/dataset/openDataset';
import type { FileAccess } from '../../core/ports/fileAccess';
import type { ImageDecoder } from '../../core/ports/imageDecoder';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { sameStamp, stampOf } from '../dataset/fileStamp';
import { RecordingFileAccess, type FolderRecord, type ScanCounts, type ScanRecord } from '../dataset/recordingFileAccess';

/** A dataset folder scanned: its index, its schema, and what the scan looked at (to tell later whether it still holds). */
export interface ScannedDataset {
  readonly index: DatasetIndex;
  readonly choice: SchemaChoice;
  readonly record: ScanRecord;
}

/** A scan and how it was made. */
export interface DatasetScan extends ScannedDataset {
  /** True when the earlier scan still held and was taken whole: no folder listed, no reader run. */
  readonly unchanged: boolean;
  readonly counts: ScanCounts;
}

/** What scanning needs. */
export interface ScanDeps {
  readonly files: FileAccess;
  readonly decoder: ImageDecoder;
  readonly registry: SchemaRegistry;
  /** The user's choice of schema; recognised from the layout or the masks when absent. */
  readonly schema?: LabelSchema;
  readonly overrides?: DatasetOverrides;
  readonly signal?: AbortSignal;
}

/** How an earlier scan stands now: the folders whose listing still holds, and whether anything at all changed. */
export interface RecordCheck {
  readonly unchanged: boolean;
  readonly reusable: ReadonlyMap<string, FolderRecord>;
  readonly stats: number;
}

/**
 * Scans a dataset folder. With an earlier scan, first checks it with stats alone: when nothing it looked at changed it
 * is answered as it is; otherwise the readers run again, unchanged folders answered from the earlier listings and only
 * changed ones listed anew.
 */
export async function scanDataset(root: string, deps: ScanDeps, earlier?: ScannedDataset): Promise<DatasetScan> {
  const check = earlier ? await checkRecord(earlier.record) : undefined;
  if (earlier && check?.unchanged) {
    return { ...earlier, unchanged: true, counts: { listed: 0, reused: earlier.record.folders.size, stats: check.stats } };
  }
  const files = new RecordingFileAccess(deps.files, check?.reusable);
  const index = await openDataset(files, root, deps.overrides ?? {}, deps.signal);
  const choice = await inferDatasetSchema(index, deps.registry.list(), files, deps.decoder, deps.schema);
  const counts = files.counts();
  return { index, choice, record: await files.record(), unchanged: false, counts: { ...counts, stats: counts.stats + (check?.stats ?? 0) } };
}

/** Stats every path an earlier scan looked at (at once) and compares them with what it saw. */
export async function checkRecord(record: ScanRecord): Promise<RecordCheck> {
  const now = Date.now();
  const folders = await Promise.all([...record.folders].map(async ([dir, folder]) => ({ dir, folder, same: sameStamp(folder.stamp, await stampOf(dir, now)) })));
  const kinds = await Promise.all([...record.kinds].map(async ([path, kind]) => (await stampOf(path, now)).kind === kind));
  const reads = await Promise.all([...record.reads].map(async ([path, stamp]) => sameStamp(stamp, await stampOf(path, now))));
  const reusable = new Map(folders.filter((f) => f.same).map((f) => [f.dir, f.folder] as const));
  const unchanged = reusable.size === folders.length && kinds.every(Boolean) && reads.every(Boolean);
  return { unchanged, reusable, stats: folders.length + kinds.length + reads.length };
}
