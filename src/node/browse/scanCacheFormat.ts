import type { DatasetIndex } from '../../core/dataset/datasetIndex';
import type { EntryKind } from '../../core/ports/fileAccess';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import type { ScannedDataset } from './datasetScan';
import type { FileStamp } from '../dataset/fileStamp';
import type { FolderRecord } from '../dataset/recordingFileAccess';

/** Bumped whenever the file's shape or what the readers make of a folder changes: older files are then rebuilt. */
export const SCAN_CACHE_VERSION = 1;
const FORMAT = 'facegap-dataset-index';

/** The cache file's JSON. */
interface ScanCacheFile {
  readonly format: typeof FORMAT;
  readonly version: number;
  /** What the file is for (folder, overrides, schema, code); a file for anything else is not used. */
  readonly identity: string;
  readonly schema: { readonly id: string; readonly reason: string };
  readonly index: DatasetIndex;
  readonly folders: ReadonlyArray<readonly [string, FileStamp, readonly string[], string]>;
  readonly kinds: ReadonlyArray<readonly [string, EntryKind]>;
  readonly reads: ReadonlyArray<readonly [string, FileStamp]>;
}

/** A scan as the cache file's text. */
export function encodeScan(identity: string, scan: ScannedDataset): string {
  const { record } = scan;
  const file: ScanCacheFile = {
    format: FORMAT,
    version: SCAN_CACHE_VERSION,
    identity,
    schema: { id: scan.choice.schema.id, reason: scan.choice.reason },
    index: scan.index,
    folders: [...record.folders].map(([dir, f]) => [dir, f.stamp, f.names, f.kinds] as const),
    kinds: [...record.kinds],
    reads: [...record.reads],
  };
  return JSON.stringify(file);
}

/** The scan a cache file holds, or undefined when it is for something else, of another version, damaged, or names an unknown schema. */
export function decodeScan(text: string, identity: string, registry: SchemaRegistry): ScannedDataset | undefined {
  let file: ScanCacheFile;
  try {
    file = JSON.parse(text) as ScanCacheFile;
  } catch {
    return undefined;
  }
  if (!isObject(file) || file.format !== FORMAT || file.version !== SCAN_CACHE_VERSION || file.identity !== identity) return undefined;
  if (!validIndex(file.index) || !isObject(file.schema) || !isArray(file.folders) || !isArray(file.kinds) || !isArray(file.reads)) return undefined;
  const schema = registry.list().find((s) => s.id === file.schema.id);
  if (!schema || typeof file.schema.reason !== 'string') return undefined;
  const folders = new Map<string, FolderRecord>();
  for (const entry of file.folders) {
    if (!isArray(entry)) return undefined;
    const [dir, stamp, names, kinds] = entry;
    if (typeof dir !== 'string' || !validStamp(stamp) || !isArray(names) || typeof kinds !== 'string' || kinds.length !== names.length) return undefined;
    if (!names.every((n) => typeof n === 'string')) return undefined;
    folders.set(dir, { stamp, names, kinds });
  }
  if (!file.kinds.every((k) => isArray(k) && typeof k[0] === 'string' && typeof k[1] === 'string')) return undefined;
  if (!file.reads.every((r) => isArray(r) && typeof r[0] === 'string' && validStamp(r[1]))) return undefined;
  return { index: file.index, choice: { schema, reason: file.schema.reason }, record: { folders, kinds: new Map(file.kinds), reads: new Map(file.reads) } };
}

function validIndex(index: DatasetIndex): boolean {
  if (!isObject(index) || typeof index.root !== 'string' || typeof index.format !== 'string' || typeof index.formatTitle !== 'string') return false;
  if (!isArray(index.items) || !isArray(index.problems) || !isArray(index.notes)) return false;
  return index.items.every((item) => isObject(item) && typeof item.id === 'string' && typeof item.imagePath === 'string' && (item.label === undefined || isObject(item.label)));
}

function validStamp(stamp: unknown): stamp is FileStamp {
  return isObject(stamp) && typeof (stamp as FileStamp).kind === 'string';
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
