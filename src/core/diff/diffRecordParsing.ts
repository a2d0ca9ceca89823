import { parseJsonText } from '../util/jsonText';
import type { DiffRecord } from './diffTypes';

/** diff.json as a DiffRecord, after checking the parts the panel and the report read; errors name the file. */
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
