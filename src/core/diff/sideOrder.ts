import { canonicalKey, getConcept, splitKey } from '../schema/concepts';
import type { LabelSchema } from '../schema/labelSchema';
import type { SideOrder } from './diffTypes';

/** A sided concept's two classes in a schema, by the subject's side. */
export interface SidedPair {
  readonly concept: string;
  readonly left: number;
  readonly right: number;
}

/** The concepts for which the schema has a subject-left and a subject-right class. */
export function sidedPairs(schema: LabelSchema): SidedPair[] {
  const byConcept = new Map<string, { left?: number; right?: number }>();
  for (const cls of schema.classes) {
    if (!getConcept(cls.concept)?.sided) continue;
    const { side } = splitKey(canonicalKey(schema, cls));
    if (!side) continue;
    const entry = byConcept.get(cls.concept) ?? {};
    if (side === 'subject-left') entry.left ??= cls.id;
    else entry.right ??= cls.id;
    byConcept.set(cls.concept, entry);
  }
  return [...byConcept].flatMap(([concept, e]) => (e.left !== undefined && e.right !== undefined ? [{ concept, left: e.left, right: e.right }] : []));
}

/** Below this many pixels a class's centroid says nothing about which side it is on. */
const MIN_PIXELS = 4;
/** Centroids closer than this (px) in x give no order. */
const MIN_SEPARATION = 1;

function centroidsX(map: Uint8Array, width: number, ids: readonly number[]): Map<number, number> {
  const sum = new Map<number, number>(ids.map((id) => [id, 0]));
  const count = new Map<number, number>(ids.map((id) => [id, 0]));
  for (let i = 0; i < map.length; i++) {
    const v = map[i];
    const s = sum.get(v);
    if (s === undefined) continue;
    sum.set(v, s + (i % width));
    count.set(v, (count.get(v) ?? 0) + 1);
  }
  const out = new Map<number, number>();
  for (const id of ids) {
    const n = count.get(id) ?? 0;
    if (n >= MIN_PIXELS) out.set(id, (sum.get(id) ?? 0) / n);
  }
  return out;
}

function order(centroids: ReadonlyMap<number, number>, pair: SidedPair): -1 | 0 | 1 {
  const l = centroids.get(pair.left);
  const r = centroids.get(pair.right);
  if (l === undefined || r === undefined || Math.abs(l - r) < MIN_SEPARATION) return 0;
  return l > r ? 1 : -1;
}

/** For each sided concept: which way round A's and B's left and right classes sit in the image (by centroid x). */
export function sideOrders(a: Uint8Array, b: Uint8Array, width: number, pairs: readonly SidedPair[]): SideOrder[] {
  const ids = pairs.flatMap((p) => [p.left, p.right]);
  const inA = centroidsX(a, width, ids);
  const inB = centroidsX(b, width, ids);
  return pairs.map((pair) => ({ concept: pair.concept, a: order(inA, pair), b: order(inB, pair) }));
}
