import type { LabelSchema, LeftRightConvention, NamedSide, Rgb, SchemaClass } from './labelSchema';
import { CONCEPTS, getConcept } from './concepts';

/** A user's schema or mapping file is invalid; the message names the file and the JSON path. */
export class SchemaFileError extends Error {
  override readonly name = 'SchemaFileError';
}

/** Longest string accepted anywhere in a schema or mapping file. */
export const MAX_STRING_LENGTH = 200;
const MAX_TEXT_LENGTH = 1_000_000;
const MAX_CLASSES = 255;
const MAX_NOTES = 50;
const SCHEMA_KEYS = ['id', 'title', 'leftRight', 'classes', 'notes'];
const CLASS_KEYS = ['id', 'name', 'color', 'concept', 'side'];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** Throws a SchemaFileError "<file>: <path> <problem>". */
export function throwFileError(fileName: string, path: string, problem: string): never {
  throw new SchemaFileError(`${fileName}: ${path} ${problem}`);
}

/** Parses JSON text, rejecting huge files and values nested deeper than `maxDepth` (the top level is depth 1), naming where. */
export function parseJsonText(text: string, fileName: string, maxDepth: number): unknown {
  if (text.length > MAX_TEXT_LENGTH) throwFileError(fileName, 'the file', `is too large (${text.length} characters; at most ${MAX_TEXT_LENGTH})`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throwFileError(fileName, 'the file', `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const tooDeep = tooDeepAt(value, maxDepth);
  if (tooDeep !== undefined) throwFileError(fileName, tooDeep, `nests values deeper than expected (at most ${maxDepth} levels in this file)`);
  return value;
}

/** The JSON path of the first value nested deeper than `limit` (the top level is depth 1), found without recursion. */
function tooDeepAt(value: unknown, limit: number): string | undefined {
  const stack: Array<[unknown, number, string]> = [[value, 1, '']];
  while (stack.length > 0) {
    const [v, depth, path] = stack.pop() as [unknown, number, string];
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return path;
    for (const [key, child] of Object.entries(v)) stack.push([child, depth + 1, Array.isArray(v) ? `${path}[${key}]` : `${path}${path ? '.' : ''}${key}`]);
  }
  return undefined;
}

/** Checks that a value is a plain object with only the allowed keys. */
export function expectObject(v: unknown, file: string, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throwFileError(file, path, 'must be an object');
  const obj = v as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throwFileError(file, path === 'the top level' ? key : `${path}.${key}`, `is not a known key (expected ${allowed.join(', ')})`);
  }
  return obj;
}

/** Checks that a value is a non-empty string of at most MAX_STRING_LENGTH characters. */
export function expectString(v: unknown, file: string, path: string): string {
  if (typeof v !== 'string') throwFileError(file, path, 'must be a string');
  if (v.trim().length === 0) throwFileError(file, path, 'must not be empty');
  if (v.length > MAX_STRING_LENGTH) throwFileError(file, path, `is longer than ${MAX_STRING_LENGTH} characters`);
  return v;
}

function parseColor(v: unknown, file: string, path: string): Rgb {
  if (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) {
    const n = Number.parseInt(v.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const ok = Array.isArray(v) && v.length === 3 && v.every((c) => Number.isInteger(c) && c >= 0 && c <= 255);
  if (!ok) throwFileError(file, path, 'must be [r,g,b] with integers 0–255 or "#rrggbb"');
  return [v[0], v[1], v[2]];
}

function parseSide(v: unknown, concept: string, file: string, path: string): NamedSide | undefined {
  const sided = getConcept(concept)?.sided ?? false;
  if (v === undefined) {
    if (sided) throwFileError(file, `${path}.side`, `is required for the sided concept "${concept}" ("left" or "right", in the schema's leftRight convention)`);
    return undefined;
  }
  if (!sided) {
    const sidedList = CONCEPTS.filter((c) => c.sided).map((c) => c.id).join(', ');
    throwFileError(file, `${path}.side`, `is only allowed for sided concepts (${sidedList}), not "${concept}"`);
  }
  if (v !== 'left' && v !== 'right') throwFileError(file, `${path}.side`, 'must be "left" or "right"');
  return v;
}

function parseClass(v: unknown, file: string, path: string): SchemaClass {
  const obj = expectObject(v, file, path, CLASS_KEYS);
  const id = obj.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 254) {
    throwFileError(file, `${path}.id`, 'must be an integer 0–254 (255 is reserved for "ignore")');
  }
  const name = expectString(obj.name, file, `${path}.name`);
  const color = parseColor(obj.color, file, `${path}.color`);
  const concept = expectString(obj.concept, file, `${path}.concept`);
  if (!getConcept(concept)) throwFileError(file, `${path}.concept`, `"${concept}" is not a known concept (known: ${CONCEPTS.map((c) => c.id).join(', ')})`);
  const side = parseSide(obj.side, concept, file, path);
  return side ? { id, name, color, concept, side } : { id, name, color, concept };
}

function checkUnique(classes: readonly SchemaClass[], file: string): void {
  const ids = new Map<number, number>();
  const names = new Map<string, number>();
  const colors = new Map<string, number>();
  classes.forEach((c, i) => {
    const sameId = ids.get(c.id);
    if (sameId !== undefined) throwFileError(file, `classes[${i}].id`, `${c.id} is already used by classes[${sameId}]`);
    const sameName = names.get(c.name.toLowerCase());
    if (sameName !== undefined) throwFileError(file, `classes[${i}].name`, `"${c.name}" is already used by classes[${sameName}] (names are compared ignoring case)`);
    const colorKey = c.color.join(',');
    const sameColor = colors.get(colorKey);
    if (sameColor !== undefined) throwFileError(file, `classes[${i}].color`, `[${colorKey}] is already used by classes[${sameColor}]; colours must differ so colour masks can be read`);
    ids.set(c.id, i);
    names.set(c.name.toLowerCase(), i);
    colors.set(colorKey, i);
  });
}

function parseClasses(v: unknown, file: string): SchemaClass[] {
  if (!Array.isArray(v)) throwFileError(file, 'classes', 'must be an array of class objects');
  if (v.length === 0) throwFileError(file, 'classes', 'must list at least one class');
  if (v.length > MAX_CLASSES) throwFileError(file, 'classes', `has ${v.length} entries; at most ${MAX_CLASSES} classes fit in 8-bit label maps`);
  const classes = v.map((c, i) => parseClass(c, file, `classes[${i}]`));
  checkUnique(classes, file);
  return classes;
}

function parseNotes(v: unknown, file: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throwFileError(file, 'notes', 'must be an array of strings');
  if (v.length > MAX_NOTES) throwFileError(file, 'notes', `has ${v.length} entries; at most ${MAX_NOTES}`);
  return v.map((n, i) => expectString(n, file, `notes[${i}]`));
}

/** Parses and validates a user's label-schema JSON file; throws SchemaFileError naming the file and field. */
export function parseSchemaJson(text: string, fileName: string): LabelSchema {
  const root = expectObject(parseJsonText(text, fileName, 4), fileName, 'the top level', SCHEMA_KEYS);
  const id = expectString(root.id, fileName, 'id');
  if (!ID_PATTERN.test(id)) throwFileError(fileName, 'id', 'may hold only letters, digits and . _ + - and must start with a letter or digit');
  const title = root.title === undefined ? id : expectString(root.title, fileName, 'title');
  const leftRight = root.leftRight;
  if (leftRight !== 'subject' && leftRight !== 'viewer') {
    throwFileError(fileName, 'leftRight', 'must be "subject" (left = the pictured person\'s left) or "viewer" (left = left of the image)');
  }
  const classes = parseClasses(root.classes, fileName);
  const notes = parseNotes(root.notes, fileName);
  return { id, title, leftRight: leftRight as LeftRightConvention, classes, notes };
}
