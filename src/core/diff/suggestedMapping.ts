import type { Crosswalk } from '../schema/crosswalk';
import type { LabelSchema } from '../schema/labelSchema';
import type { SuggestedMapping } from './diffTypes';

/** Share of a class's pixels the other side must give one class before that class is suggested. */
const MAJORITY = 0.5;
/** A class whose default counterpart still gets this share of its pixels keeps the default. */
const DEFAULT_KEPT_MAX = 0.2;

/** Pixel counts of one source class over the target's ids. */
type CountsOf = (sourceId: number) => Float64Array;

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * For each class of `from`, the `to` class that most of its pixels become (when it takes at least half of them and the
 * default counterpart under a fifth), else the default crosswalk's target; `changes` names every class whose
 * suggestion differs from the default.
 */
export function suggestMapping(from: LabelSchema, to: LabelSchema, counts: CountsOf, targetCounts: CountsOf, fallback: Crosswalk): SuggestedMapping {
  const names = new Map(to.classes.map((c) => [c.id, c.name]));
  const map: Record<string, string | null> = {};
  const changes: string[] = [];
  for (const cls of from.classes) {
    const row = counts(cls.id);
    let total = 0;
    let best = -1;
    for (let id = 0; id < row.length; id++) {
      total += row[id];
      if (row[id] > 0 && names.has(id) && (best < 0 || row[id] > row[best])) best = id;
    }
    const entry = fallback.entries.find((e) => e.fromId === cls.id);
    const defaultName = entry?.toName ?? null;
    const majority = best >= 0 && row[best] >= MAJORITY * total && !counterpartHolds(cls.id, entry?.toId ?? null, row, total, targetCounts);
    const suggested = majority ? (names.get(best) ?? null) : defaultName;
    map[cls.name] = suggested;
    if (majority && suggested !== defaultName) {
      changes.push(`${cls.name} → ${suggested ?? 'ignored'} (${percent(row[best] / total)} of its pixels; the default crosswalk says ${defaultName ?? 'ignored'})`);
    }
  }
  return { from: from.id, to: to.id, map, changes };
}

/**
 * Whether the default counterpart still claims the class: it gets a fifth of the class's pixels, or the class covers
 * half of the counterpart's. A convention moves a class wholesale; a class spilling over its counterpart (a model
 * painting hair over the background) is an error, not a relabelling.
 */
function counterpartHolds(sourceId: number, targetId: number | null, row: Float64Array, total: number, targetCounts: CountsOf): boolean {
  if (targetId === null) return false;
  if (row[targetId] >= DEFAULT_KEPT_MAX * total) return true;
  const column = targetCounts(targetId);
  const targetTotal = column.reduce((n, v) => n + v, 0);
  return targetTotal > 0 && column[sourceId] >= MAJORITY * targetTotal;
}

/** Row `a` of the raw joint counts (A id × B id). */
export function rowOf(joint: Float64Array, a: number): Float64Array {
  return joint.subarray(a * 256, a * 256 + 256);
}

/** Column `b` of the raw joint counts, as counts over A's ids. */
export function columnOf(joint: Float64Array, b: number): Float64Array {
  const out = new Float64Array(256);
  for (let a = 0; a < 256; a++) out[a] = joint[a * 256 + b];
  return out;
}
