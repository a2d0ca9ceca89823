import type { LabelSchema, SchemaClass } from './labelSchema';
import { IGNORE_ID } from '../raster/labelMap';
import { canonicalKey, describeKey, getConcept, makeKey, splitKey } from './concepts';
import type { MappingOverrides } from './mappingJson';

/** How one source class is mapped into the target schema, with a sentence a user can read. */
export interface CrosswalkEntry {
  fromId: number;
  fromName: string;
  toId: number | null;
  toName: string | null;
  how: 'same-concept' | 'fallback' | 'override' | 'unmapped';
  detail: string;
}

/** A class-id translation from one label schema to another. */
export interface Crosswalk {
  fromSchema: string;
  toSchema: string;
  /** Length 256: source id → target id; 255 = ignore; ids not in the source schema map to 255. */
  table: Uint8Array;
  /** One entry per class of the source schema, in its order. */
  entries: CrosswalkEntry[];
  /** True when the two schemas name sides by different conventions. */
  sideSwapped: boolean;
}

interface Resolution {
  readonly target: SchemaClass | undefined;
  /** Keys tried after the class's own key, in order. */
  readonly tried: readonly string[];
  /** Sided fallback concepts the target has, skipped because the class has no side to carry over. */
  readonly skipped: readonly string[];
}

function indexByKey(schema: LabelSchema): Map<string, SchemaClass> {
  const index = new Map<string, SchemaClass>();
  for (const cls of schema.classes) {
    const key = canonicalKey(schema, cls);
    if (!index.has(key)) index.set(key, cls);
  }
  return index;
}

/** Follows the fallback chain from a key; a sided fallback keeps the side, or is skipped when there is none. */
function followFallbacks(key: string, index: ReadonlyMap<string, SchemaClass>): Resolution {
  const tried: string[] = [];
  const skipped: string[] = [];
  let { concept, side } = splitKey(key);
  const seen = new Set<string>([concept]);
  for (;;) {
    const next = getConcept(concept)?.fallback ?? null;
    if (next === null || seen.has(next)) return { target: undefined, tried, skipped };
    seen.add(next);
    concept = next;
    if (getConcept(next)?.sided && !side) {
      const hasSided = [...index.keys()].some((k) => k.startsWith(`${next}/`));
      (hasSided ? skipped : tried).push(next);
      continue;
    }
    if (!getConcept(next)?.sided) side = undefined;
    const nextKey = makeKey(next, side);
    tried.push(nextKey);
    const target = index.get(nextKey);
    if (target) return { target, tried, skipped };
  }
}

function sideText(from: LabelSchema, to: LabelSchema): string {
  const who = (s: LabelSchema): string => (s.leftRight === 'subject' ? "the subject's own side" : "the viewer's side");
  return `${from.title} names ${who(from)}, ${to.title} ${who(to)}`;
}

function sameConceptEntry(from: LabelSchema, to: LabelSchema, cls: SchemaClass, target: SchemaClass): CrosswalkEntry {
  const key = canonicalKey(from, cls);
  const sided = splitKey(key).side !== undefined;
  const swapNote = sided && from.leftRight !== to.leftRight ? `; matched by side, not by name: ${sideText(from, to)}` : '';
  return {
    fromId: cls.id,
    fromName: cls.name,
    toId: target.id,
    toName: target.name,
    how: 'same-concept',
    detail: `${cls.name} → ${target.name} (same concept: ${describeKey(key)}${swapNote}).`,
  };
}

function missingText(keys: readonly string[]): string {
  return keys
    .map((k) => {
      const { concept, side } = splitKey(k);
      const title = getConcept(concept)?.title ?? concept;
      return side ? `no ${title} class for the subject's ${side === 'subject-left' ? 'left' : 'right'}` : `no ${title} class`;
    })
    .join(' and ');
}

function fallbackEntry(to: LabelSchema, cls: SchemaClass, key: string, res: Resolution): CrosswalkEntry {
  const base = { fromId: cls.id, fromName: cls.name };
  const missing = [key, ...res.tried.slice(0, res.target ? -1 : undefined)];
  const skippedNote = res.skipped.map((c) => ` (it has left and right ${c} classes, but ${cls.name} names no side)`).join('');
  if (!res.target) {
    const last = splitKey(missing[missing.length - 1]).concept;
    const detail = `${cls.name} → ignored: ${to.title} has ${missingText(missing)}${skippedNote}, and ${getConcept(last)?.title ?? last} has no fallback; ${describeKey(key)} pixels are ignored (not scored).`;
    return { ...base, toId: null, toName: null, how: 'unmapped', detail };
  }
  const landed = describeKey(res.tried[res.tried.length - 1]);
  const detail = `${cls.name} → ${res.target.name} (fallback): ${to.title} has ${missingText(missing)}${skippedNote}; ${describeKey(key)} pixels are scored as ${landed}.`;
  return { ...base, toId: res.target.id, toName: res.target.name, how: 'fallback', detail };
}

function overrideEntry(to: LabelSchema, cls: SchemaClass, toId: number | null): CrosswalkEntry {
  const base = { fromId: cls.id, fromName: cls.name, how: 'override' as const };
  if (toId === null) return { ...base, toId: null, toName: null, detail: `${cls.name} → ignored (override from the mapping file); these pixels are not scored.` };
  const target = to.classes.find((c) => c.id === toId);
  if (!target) throw new Error(`Mapping override for ${cls.name} names id ${toId}, which is not a class of ${to.title} (${to.id}).`);
  return { ...base, toId, toName: target.name, detail: `${cls.name} → ${target.name} (override from the mapping file).` };
}

function entryFor(from: LabelSchema, to: LabelSchema, cls: SchemaClass, index: ReadonlyMap<string, SchemaClass>, overrides?: MappingOverrides): CrosswalkEntry {
  if (overrides?.has(cls.id)) return overrideEntry(to, cls, overrides.get(cls.id) ?? null);
  const key = canonicalKey(from, cls);
  const same = index.get(key);
  if (same) return sameConceptEntry(from, to, cls, same);
  return fallbackEntry(to, cls, key, followFallbacks(key, index));
}

/** Builds the class translation from one schema to another: by canonical key (concept + subject side), then fallbacks, then overrides. */
export function buildCrosswalk(from: LabelSchema, to: LabelSchema, overrides?: MappingOverrides): Crosswalk {
  for (const id of overrides?.keys() ?? []) {
    if (!from.classes.some((c) => c.id === id)) throw new Error(`Mapping override names id ${id}, which is not a class of ${from.title} (${from.id}).`);
  }
  const index = indexByKey(to);
  const entries = from.classes.map((cls) => entryFor(from, to, cls, index, overrides));
  const table = new Uint8Array(256).fill(IGNORE_ID);
  for (const e of entries) table[e.fromId] = e.toId ?? IGNORE_ID;
  return { fromSchema: from.id, toSchema: to.id, table, entries, sideSwapped: from.leftRight !== to.leftRight };
}

/** Translates a label map's pixels through a crosswalk table (into `out` when given, which may be `data` itself). */
export function applyCrosswalk(data: Uint8Array, table: Uint8Array, out?: Uint8Array): Uint8Array {
  if (table.length !== 256) throw new Error(`A crosswalk table has 256 entries, got ${table.length}.`);
  const result = out ?? new Uint8Array(data.length);
  if (result.length < data.length) throw new Error(`Output buffer too small: ${result.length} < ${data.length}.`);
  const n = data.length;
  for (let i = 0; i < n; i++) result[i] = table[data[i]];
  return result;
}

/** Lines worth showing a user: the side-convention note, then every fallback, override and unmapped class. */
export function crosswalkReport(cw: Crosswalk): string[] {
  const lines: string[] = [];
  if (cw.sideSwapped) {
    const example = cw.entries.find((e) => e.how === 'same-concept' && e.detail.includes('matched by side'));
    const eg = example ? ` (e.g. ${example.fromName} → ${example.toName})` : '';
    lines.push(`${cw.fromSchema} and ${cw.toSchema} name left and right by different conventions; sided classes are matched by the subject's side, not by name${eg}.`);
  }
  for (const e of cw.entries) {
    if (e.how !== 'same-concept') lines.push(e.detail);
  }
  return lines;
}
