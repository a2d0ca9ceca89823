import type { RunRecord } from '../eval/runRecord';
import { parseJsonText } from '../util/jsonText';

/** The dataset confusion matrix of a run, as confusion.json stores it: rows ground truth, columns prediction plus "other". */
export interface ConfusionData {
  /** Class names of the rows; the columns are these plus a last "other" column. */
  readonly classes: readonly string[];
  /** n rows of n + 1 pixel counts. */
  readonly counts: readonly (readonly number[])[];
}

/** Reads run.json text; throws an Error naming the file when it is not a FaceGap run record. */
export function parseRunRecord(text: string, file: string): RunRecord {
  const value = parseJson(text, file);
  const r = value as Partial<RunRecord>;
  if (r.kind !== 'facegap-eval-run') throw new Error(`${file}: not a FaceGap run record (kind is not "facegap-eval-run")`);
  if (r.formatVersion !== 1) throw new Error(`${file}: run format version ${String(r.formatVersion)} is not supported (expected 1)`);
  const dataset = r.dataset as Partial<RunRecord['dataset']> | undefined;
  if (typeof dataset?.root !== 'string' || typeof dataset.schema !== 'string') throw new Error(`${file}: "dataset.root" and "dataset.schema" must be strings`);
  if (typeof r.predictions !== 'object' || r.predictions === null) throw new Error(`${file}: "predictions" is missing`);
  if (!Array.isArray(r.protocol?.sentences)) throw new Error(`${file}: "protocol.sentences" is missing`);
  return value as RunRecord;
}

/** Reads confusion.json text; throws an Error naming the file when the matrix is malformed. */
export function parseConfusionRecord(text: string, file: string): ConfusionData {
  const value = parseJson(text, file) as { classes?: unknown; counts?: unknown };
  const { classes, counts } = value;
  if (!Array.isArray(classes) || !classes.every((c) => typeof c === 'string')) throw new Error(`${file}: "classes" must be a list of names`);
  if (!Array.isArray(counts)) throw new Error(`${file}: "counts" must be a list of rows`);
  const n = counts.length;
  const rowsOk = counts.every((row) => Array.isArray(row) && row.length === n + 1 && row.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0));
  if (!rowsOk) throw new Error(`${file}: "counts" must be ${n} rows of ${n + 1} non-negative numbers`);
  // confusion.json lists the "other" column's name last; the rows take the first n.
  if (classes.length < n) throw new Error(`${file}: ${n} rows but only ${classes.length} class names`);
  return { classes: (classes as string[]).slice(0, n), counts: counts as number[][] };
}

function parseJson(text: string, file: string): unknown {
  const value = parseJsonText(text, file);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file}: not a JSON object`);
  return value;
}
