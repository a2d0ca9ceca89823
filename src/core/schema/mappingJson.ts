import type { LabelSchema, SchemaClass } from './labelSchema';
import { resolveBuiltinId } from './builtinSchemas';
import { expectObject, expectString, parseJsonText, throwFileError } from './schemaJson';

/** User overrides of a crosswalk: source class id → target class id, or null to ignore those pixels. */
export type MappingOverrides = ReadonlyMap<number, number | null>;

/** A class reference as written in a mapping file: a class name, or a class id. */
export type ClassRef = string | number;

/** A parsed mapping file, before its class references are resolved against schemas. */
export interface MappingFile {
  readonly fileName: string;
  /** Source schema id as written. */
  readonly from: string;
  /** Target schema id as written. */
  readonly to: string;
  /** The "map" entries in JSON object key order (integer-like keys first): source class reference → target reference or null. */
  readonly map: ReadonlyArray<readonly [string, ClassRef | null]>;
}

const MAX_ENTRIES = 255;

function entryPath(key: string): string {
  return `map[${JSON.stringify(key)}]`;
}

function parseTarget(v: unknown, file: string, key: string): ClassRef | null {
  if (v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0 || v > 254) throwFileError(file, entryPath(key), 'must be a class id 0–254, a class name, or null');
    return v;
  }
  if (typeof v === 'string') return expectString(v, file, entryPath(key));
  return throwFileError(file, entryPath(key), 'must be a class name, a class id, or null (ignore those pixels)');
}

/** Parses a mapping JSON file {from, to, map}; throws SchemaFileError naming the file and the key. */
export function parseMappingJson(text: string, fileName: string): MappingFile {
  const root = expectObject(parseJsonText(text, fileName, 2), fileName, 'the top level', ['from', 'to', 'map']);
  const from = expectString(root.from, fileName, 'from');
  const to = expectString(root.to, fileName, 'to');
  if (root.map === null || typeof root.map !== 'object' || Array.isArray(root.map)) {
    throwFileError(fileName, 'map', 'must be an object of "source class": "target class" | null');
  }
  const map = root.map as Record<string, unknown>;
  const keys = Object.keys(map);
  if (keys.length > MAX_ENTRIES) throwFileError(fileName, 'map', `has ${keys.length} entries; at most ${MAX_ENTRIES}`);
  const entries = keys.map((key): readonly [string, ClassRef | null] => {
    expectString(key, fileName, `${entryPath(key)} (the key)`);
    return [key, parseTarget(map[key], fileName, key)];
  });
  return { fileName, from, to, map: entries };
}

/** The class a reference names: exact name, then name ignoring case, then a numeric id. */
export function findClassByRef(schema: LabelSchema, ref: ClassRef): SchemaClass | undefined {
  if (typeof ref === 'number') return schema.classes.find((c) => c.id === ref);
  const exact = schema.classes.find((c) => c.name === ref);
  if (exact) return exact;
  const lower = ref.trim().toLowerCase();
  const byCase = schema.classes.filter((c) => c.name.toLowerCase() === lower);
  if (byCase.length === 1) return byCase[0];
  return /^\d{1,3}$/.test(ref.trim()) ? schema.classes.find((c) => c.id === Number(ref.trim())) : undefined;
}

function namesSchema(written: string, schema: LabelSchema): boolean {
  const lower = written.trim().toLowerCase();
  return lower === schema.id.toLowerCase() || resolveBuiltinId(lower) === schema.id;
}

function classList(schema: LabelSchema): string {
  return schema.classes.map((c) => `${c.id} ${c.name}`).join(', ');
}

function resolveRef(file: MappingFile, schema: LabelSchema, ref: ClassRef, path: string): SchemaClass {
  const cls = findClassByRef(schema, ref);
  if (!cls) {
    throwFileError(file.fileName, path, `${JSON.stringify(ref)} names no class of ${schema.title} (${schema.id}); classes: ${classList(schema)}`);
  }
  return cls;
}

/** Resolves a mapping file's class references against its two schemas; throws SchemaFileError naming the file and key. */
export function resolveMapping(file: MappingFile, from: LabelSchema, to: LabelSchema): MappingOverrides {
  if (!namesSchema(file.from, from)) throwFileError(file.fileName, 'from', `is "${file.from}", but the source schema is ${from.id}`);
  if (!namesSchema(file.to, to)) throwFileError(file.fileName, 'to', `is "${file.to}", but the target schema is ${to.id}`);
  const result = new Map<number, number | null>();
  const seenAt = new Map<number, string>();
  for (const [key, target] of file.map) {
    const source = resolveRef(file, from, key, `${entryPath(key)} (the key)`);
    const earlier = seenAt.get(source.id);
    if (earlier !== undefined) {
      throwFileError(file.fileName, entryPath(key), `maps class ${source.id} ${source.name} again (already mapped by ${entryPath(earlier)})`);
    }
    seenAt.set(source.id, key);
    result.set(source.id, target === null ? null : resolveRef(file, to, target, entryPath(key)).id);
  }
  return result;
}
