import type { PerClassRow } from '../eval/evalReport';
import { canonicalKey, CONCEPTS, describeKey, splitKey } from '../schema/concepts';
import type { LabelSchema } from '../schema/labelSchema';

/** One run's class in an aligned row. */
export interface AlignedCell {
  readonly name: string;
  readonly f1: number | null;
  readonly iou: number | null;
  /** F1 with the boundary band left out; absent when the run has no tolerant scores. */
  readonly tolerantF1?: number | null;
}

/** Classes of several runs that mean the same thing: one concept and subject side; null where a run's schema has no such class. */
export interface AlignedRow {
  /** Canonical key, e.g. "eye/subject-right"; a schema with two classes on one key gets a second row "key (2)". */
  readonly key: string;
  /** The concept in words, e.g. "subject's right eye". */
  readonly concept: string;
  readonly cells: readonly (AlignedCell | null)[];
}

/** A run's schema and its per-class scores (run.json summary.perClass; empty when the run has none). */
export interface RunClasses {
  readonly schema: LabelSchema;
  readonly perClass: readonly PerClassRow[];
  /** Tolerant F1 by class name, when the run has tolerant scores. */
  readonly tolerantF1?: ReadonlyMap<string, number | null>;
}

/** Lines up the classes of several runs by canonical concept and subject side (never by name), in the concepts' display order. */
export function alignClasses(runs: readonly RunClasses[]): AlignedRow[] {
  const rows = new Map<string, { base: string; nth: number; cells: (AlignedCell | null)[] }>();
  runs.forEach((run, r) => {
    const scores = new Map(run.perClass.map((c) => [c.name, c]));
    const seen = new Map<string, number>();
    for (const cls of run.schema.classes) {
      const base = canonicalKey(run.schema, cls);
      const nth = (seen.get(base) ?? 0) + 1;
      seen.set(base, nth);
      const id = `${nth}\n${base}`;
      const row = rows.get(id) ?? { base, nth, cells: new Array<AlignedCell | null>(runs.length).fill(null) };
      const score = scores.get(cls.name);
      const tolerant = run.tolerantF1 ? { tolerantF1: run.tolerantF1.get(cls.name) ?? null } : {};
      row.cells[r] = { name: cls.name, f1: score?.f1 ?? null, iou: score?.iou ?? null, ...tolerant };
      rows.set(id, row);
    }
  });
  return [...rows.values()]
    .sort((a, b) => compareKeys(a.base, b.base) || a.nth - b.nth)
    .map((row) => ({ key: row.nth === 1 ? row.base : `${row.base} (${row.nth})`, concept: describeKey(row.base), cells: row.cells }));
}

const CONCEPT_ORDER = new Map(CONCEPTS.map((c, i) => [c.id as string, i]));
const SIDE_ORDER: Readonly<Record<string, number>> = { none: 0, 'subject-left': 1, 'subject-right': 2 };

/** Concepts in CONCEPTS order (unknown ones after, by name), then no side, the subject's left, the subject's right. */
function compareKeys(a: string, b: string): number {
  const sa = splitKey(a);
  const sb = splitKey(b);
  const oa = CONCEPT_ORDER.get(sa.concept) ?? CONCEPTS.length;
  const ob = CONCEPT_ORDER.get(sb.concept) ?? CONCEPTS.length;
  if (oa !== ob) return oa - ob;
  if (sa.concept !== sb.concept) return sa.concept < sb.concept ? -1 : 1;
  return (SIDE_ORDER[sa.side ?? 'none'] ?? 3) - (SIDE_ORDER[sb.side ?? 'none'] ?? 3);
}
