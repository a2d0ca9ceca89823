import { parseJsonText } from '../util/jsonText';
import type { DistRecord } from './distTypes';

type Json = Record<string, unknown>;

/** A problem at a path inside dist.json, e.g. "summary.attributes[2].a.histogram". */
class ShapeError extends Error {}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(`"${path}" is not an object`);
  return value as Json;
}

function array(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`"${path}" is not a list`);
  return value;
}

const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function number(o: Json, key: string, path: string, nullable = false): void {
  const v = o[key];
  if (nullable && v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(`"${at(path, key)}" is not a number${nullable ? ' or null' : ''}`);
}

function string(o: Json, key: string, path: string): void {
  if (typeof o[key] !== 'string') throw new ShapeError(`"${at(path, key)}" is not text`);
}

function numbers(value: unknown, path: string): readonly number[] {
  const list = array(value, path);
  if (list.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw new ShapeError(`"${path}" holds something that is not a number`);
  return list as number[];
}

function strings(value: unknown, path: string): void {
  if (array(value, path).some((v) => typeof v !== 'string')) throw new ShapeError(`"${path}" holds something that is not text`);
}

function sideStats(value: unknown, path: string): void {
  const s = object(value, path);
  for (const key of ['n', 'mean', 'sd']) number(s, key, path);
  const h = object(s.histogram, `${path}.histogram`);
  const edges = numbers(h.edges, `${path}.histogram.edges`);
  const shares = numbers(h.shares, `${path}.histogram.shares`);
  if (edges.length !== shares.length + 1) throw new ShapeError(`"${path}.histogram" has ${edges.length} edges for ${shares.length} bins (expected one more edge than bins)`);
}

function attribute(value: unknown, path: string): void {
  const c = object(value, path);
  for (const key of ['name', 'title', 'unit', 'metric', 'finding']) string(c, key, path);
  for (const key of ['distance', 'effect']) number(c, key, path);
  if (c.kind !== 'continuous' && c.kind !== 'binary') throw new ShapeError(`"${path}.kind" is ${JSON.stringify(c.kind)}, expected "continuous" or "binary"`);
  if (!['higher', 'lower', 'same'].includes(c.direction as string)) throw new ShapeError(`"${path}.direction" is ${JSON.stringify(c.direction)}, expected "higher", "lower" or "same"`);
  sideStats(c.a, `${path}.a`);
  sideStats(c.b, `${path}.b`);
}

function matching(value: unknown, path: string): void {
  const m = object(value, path);
  string(m, 'method', path);
  for (const key of ['effectiveSize', 'subsetSize']) number(m, key, path);
  array(m.distances, `${path}.distances`).forEach((d, i) => {
    const row = object(d, `${path}.distances[${i}]`);
    string(row, 'name', `${path}.distances[${i}]`);
    for (const key of ['before', 'weighted', 'subset']) number(row, key, `${path}.distances[${i}]`);
  });
}

function features(value: unknown, path: string): void {
  const f = object(value, path);
  string(f, 'extractor', path);
  for (const key of ['dimension', 'frechetDistance', 'precision', 'recall', 'density', 'coverage', 'k']) number(f, key, path);
  const kid = object(f.kid, `${path}.kid`);
  for (const key of ['mean', 'sd']) number(kid, key, `${path}.kid`);
  for (const side of ['leastCoveredA', 'leastCoveredB']) array(f[side], `${path}.${side}`);
}

function summary(value: unknown): void {
  const s = object(value, 'summary');
  for (const key of ['imagesA', 'imagesB']) number(s, key, 'summary');
  array(s.attributes, 'summary.attributes').forEach((c, i) => attribute(c, `summary.attributes[${i}]`));
  strings(s.findings, 'summary.findings');
  if (s.features !== undefined) features(s.features, 'summary.features');
  if (s.matching !== undefined) matching(s.matching, 'summary.matching');
}

function slices(value: unknown): void {
  array(value, 'slices').forEach((v, i) => {
    const slice = object(v, `slices[${i}]`);
    for (const key of ['attribute', 'title', 'unit']) string(slice, key, `slices[${i}]`);
    array(slice.bins, `slices[${i}].bins`).forEach((b, k) => {
      const bin = object(b, `slices[${i}].bins[${k}]`);
      for (const key of ['from', 'to', 'count', 'trainShare']) number(bin, key, `slices[${i}].bins[${k}]`);
      number(bin, 'meanScore', `slices[${i}].bins[${k}]`, true);
    });
  });
}

function decomposition(value: unknown): void {
  const d = object(value, 'decomposition');
  number(d, 'total', 'decomposition', true);
  strings(d.assumptions, 'decomposition.assumptions');
  array(d.parts, 'decomposition.parts').forEach((p, i) => {
    const part = object(p, `decomposition.parts[${i}]`);
    if (!['distribution', 'label', 'photorealism'].includes(part.name as string)) throw new ShapeError(`"decomposition.parts[${i}].name" is ${JSON.stringify(part.name)}`);
    for (const key of ['value', 'share']) number(part, key, `decomposition.parts[${i}]`, true);
    string(part, 'arithmetic', `decomposition.parts[${i}]`);
  });
}

function record(o: Json): void {
  for (const side of ['a', 'b']) {
    const s = object(o[side], side);
    string(s, 'description', side);
    number(s, 'images', side);
  }
  string(o, 'createdAt', '');
  summary(o.summary);
  if (o.slices !== undefined) slices(o.slices);
  if (o.decomposition !== undefined) decomposition(o.decomposition);
  array(o.skipped, 'skipped');
  strings(o.notes, 'notes');
  if (typeof o.complete !== 'boolean') throw new ShapeError('"complete" is not true or false');
}

/** dist.json as a DistRecord, after checking the parts the panel and the report read; errors name the file and the part. */
export function parseDistRecord(text: string, file: string): DistRecord {
  const json = parseJsonText(text, file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${file}: expected a JSON object, a FaceGap distribution comparison`);
  const o = json as Json;
  if (o.kind !== 'facegap-distribution') throw new Error(`${file}: not a FaceGap distribution comparison (kind is ${JSON.stringify(o.kind)}, expected "facegap-distribution")`);
  if (o.formatVersion !== 1) throw new Error(`${file}: distribution format version ${JSON.stringify(o.formatVersion)} is not supported (expected 1)`);
  try {
    record(o);
  } catch (error) {
    if (error instanceof ShapeError) throw new Error(`${file}: ${error.message}`);
    throw error;
  }
  return json as DistRecord;
}
