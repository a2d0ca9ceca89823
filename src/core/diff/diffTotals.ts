import type { ClassImageStats, ImageDiffRecord, SideOrder } from './diffTypes';

/** One class's accumulators summed over the images, with how many images each side has it in. */
export interface ClassTotals {
  band: number;
  interior: number;
  offsetSum: number;
  offsetCount: number;
  distanceSum: number;
  distanceCount: number;
  perimeterA: number;
  smoothPerimeterA: number;
  perimeterB: number;
  smoothPerimeterB: number;
}

/** A sided concept's left/right order over the images: reversed in `swapped` of `compared` images. */
export interface SideTotals {
  readonly concept: string;
  swapped: number;
  compared: number;
  /** Ids of the images where the order is reversed (the first few), for the review. */
  readonly examples: string[];
}

/** Everything a diff summary is computed from: joint counts (A id × B's own id) and per-class and per-side totals. */
export interface DiffTotals {
  readonly images: number;
  /** 256 × 256 joint pixel counts, index aId * 256 + bId. */
  readonly joint: Float64Array;
  readonly classes: Map<number, ClassTotals>;
  readonly sides: Map<string, SideTotals>;
  /** Per A class id: images where A has it, where B (in A's ids) has it, and where both do. */
  readonly imagesWithA: Float64Array;
  readonly imagesWithB: Float64Array;
  readonly imagesWithBoth: Float64Array;
}

const EXAMPLES = 5;

function addClass(totals: Map<number, ClassTotals>, stats: ClassImageStats): void {
  const t = totals.get(stats.id) ?? { band: 0, interior: 0, offsetSum: 0, offsetCount: 0, distanceSum: 0, distanceCount: 0, perimeterA: 0, smoothPerimeterA: 0, perimeterB: 0, smoothPerimeterB: 0 };
  t.band += stats.band;
  t.interior += stats.interior;
  t.offsetSum += stats.offsetSum;
  t.offsetCount += stats.offsetCount;
  t.distanceSum += stats.distanceSum;
  t.distanceCount += stats.distanceCount;
  t.perimeterA += stats.perimeterA;
  t.smoothPerimeterA += stats.smoothPerimeterA;
  t.perimeterB += stats.perimeterB;
  t.smoothPerimeterB += stats.smoothPerimeterB;
  totals.set(stats.id, t);
}

function addSide(totals: Map<string, SideTotals>, order: SideOrder, id: string): void {
  const t = totals.get(order.concept) ?? { concept: order.concept, swapped: 0, compared: 0, examples: [] };
  if (order.a !== 0 && order.b !== 0) {
    t.compared++;
    if (order.a !== order.b) {
      t.swapped++;
      if (t.examples.length < EXAMPLES) t.examples.push(id);
    }
  }
  totals.set(order.concept, t);
}

function countPresence(totals: DiffTotals, record: ImageDiffRecord, bToA: Uint8Array): void {
  const inA = new Set<number>();
  const inB = new Set<number>();
  for (const [a, b] of record.joint) {
    inA.add(a);
    inB.add(bToA[b]);
  }
  for (const a of inA) {
    totals.imagesWithA[a]++;
    if (inB.has(a)) totals.imagesWithBoth[a]++;
  }
  for (const b of inB) totals.imagesWithB[b]++;
}

/** Sums the per-image records of a diff; `bToA` is the crosswalk table from B's ids to A's. */
export function diffTotals(records: readonly ImageDiffRecord[], bToA: Uint8Array): DiffTotals {
  const totals: DiffTotals = {
    images: records.length,
    joint: new Float64Array(65536),
    classes: new Map(),
    sides: new Map(),
    imagesWithA: new Float64Array(256),
    imagesWithB: new Float64Array(256),
    imagesWithBoth: new Float64Array(256),
  };
  for (const record of records) {
    for (const [a, b, n] of record.joint) totals.joint[a * 256 + b] += n;
    countPresence(totals, record, bToA);
    for (const stats of record.classes) addClass(totals.classes, stats);
    for (const order of record.sides) addSide(totals.sides, order, record.id);
  }
  return totals;
}
