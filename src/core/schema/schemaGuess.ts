import type { LabelSchema, SchemaClass } from './labelSchema';
import { IGNORE_ID, type LabelMap } from '../raster/labelMap';
import { toNamedSide } from './concepts';

/** A bounding box normalised to 0–1 of the image width and height (x1, y1 exclusive). */
export interface NormBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Statistics of one class id over a folder of masks; centroid and box are means over the masks it appears in. */
export interface ClassMaskStats {
  pixels: number;
  masks: number;
  centroidX: number;
  centroidY: number;
  box: NormBox;
}

/** Per-class statistics of a folder of grayscale id masks, keyed by class id (255 skipped; absent classes have no entry). */
export type MaskStats = Map<number, ClassMaskStats>;

/** One candidate schema with its score (0–1, 0 = impossible) and the evidence as short sentences. */
export interface SchemaGuess {
  schema: string;
  score: number;
  reasons: string[];
}

/** An empty MaskStats to accumulate into. */
export function createMaskStats(): MaskStats {
  return new Map();
}

interface MaskSums {
  count: Float64Array;
  sumX: Float64Array;
  sumY: Float64Array;
  minX: Int32Array;
  maxX: Int32Array;
  minY: Int32Array;
  maxY: Int32Array;
}

function scanMask(map: LabelMap): MaskSums {
  const s: MaskSums = {
    count: new Float64Array(256), sumX: new Float64Array(256), sumY: new Float64Array(256),
    minX: new Int32Array(256).fill(map.width), maxX: new Int32Array(256).fill(-1),
    minY: new Int32Array(256).fill(map.height), maxY: new Int32Array(256).fill(-1),
  };
  const { width, height, data } = map;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const v = data[i];
      if (v === IGNORE_ID) continue;
      s.count[v]++;
      s.sumX[v] += x;
      s.sumY[v] += y;
      if (x < s.minX[v]) s.minX[v] = x;
      if (x > s.maxX[v]) s.maxX[v] = x;
      if (y < s.minY[v]) s.minY[v] = y;
      if (y > s.maxY[v]) s.maxY[v] = y;
    }
  }
  return s;
}

function runningMean(mean: number, value: number, n: number): number {
  return mean + (value - mean) / n;
}

/** Adds one mask to the statistics in a single pass over its pixels (255 is skipped); returns `stats` for chaining. */
export function accumulateMaskStats(stats: MaskStats, map: LabelMap): MaskStats {
  if (map.data.length !== map.width * map.height) throw new Error(`Label map data has ${map.data.length} bytes for ${map.width}×${map.height}.`);
  const s = scanMask(map);
  const w = map.width;
  const h = map.height;
  for (let id = 0; id < IGNORE_ID; id++) {
    const n = s.count[id];
    if (n === 0) continue;
    let c = stats.get(id);
    if (!c) {
      c = { pixels: 0, masks: 0, centroidX: 0, centroidY: 0, box: { x0: 0, y0: 0, x1: 0, y1: 0 } };
      stats.set(id, c);
    }
    c.pixels += n;
    c.masks++;
    c.centroidX = runningMean(c.centroidX, (s.sumX[id] / n + 0.5) / w, c.masks);
    c.centroidY = runningMean(c.centroidY, (s.sumY[id] / n + 0.5) / h, c.masks);
    c.box.x0 = runningMean(c.box.x0, s.minX[id] / w, c.masks);
    c.box.x1 = runningMean(c.box.x1, (s.maxX[id] + 1) / w, c.masks);
    c.box.y0 = runningMean(c.box.y0, s.minY[id] / h, c.masks);
    c.box.y1 = runningMean(c.box.y1, (s.maxY[id] + 1) / h, c.masks);
  }
  return stats;
}

/** A class of the schema with its statistics, when present in the masks. */
interface Present {
  readonly cls: SchemaClass;
  readonly st: ClassMaskStats;
}

interface Evidence {
  readonly ok: boolean;
  readonly text: string;
}

class GuessContext {
  constructor(
    readonly schema: LabelSchema,
    readonly stats: MaskStats,
  ) {}

  /** Present classes of a concept (optionally one named side). */
  all(concept: string, side?: 'left' | 'right'): Present[] {
    return this.schema.classes
      .filter((c) => c.concept === concept && (side === undefined || c.side === side))
      .map((cls) => ({ cls, st: this.stats.get(cls.id) }))
      .filter((p): p is Present => p.st !== undefined && p.st.pixels > 0);
  }

  one(concept: string): Present | undefined {
    return this.all(concept)[0];
  }

  /** Pixel-weighted mean centroid y of a concept's present classes. */
  meanY(concept: string): number | undefined {
    const found = this.all(concept);
    const total = found.reduce((a, p) => a + p.st.pixels, 0);
    return total === 0 ? undefined : found.reduce((a, p) => a + p.st.centroidY * p.st.pixels, 0) / total;
  }
}

function label(p: Present): string {
  return `${p.cls.name} (id ${p.cls.id})`;
}

function skinLarge(ctx: GuessContext): Evidence | null {
  const skin = ctx.one('skin');
  if (!skin) return null;
  const ranked = [...ctx.stats.entries()]
    .filter(([id]) => !ctx.schema.classes.some((c) => c.id === id && c.concept === 'background'))
    .sort((a, b) => b[1].pixels - a[1].pixels);
  const rank = ranked.findIndex(([id]) => id === skin.cls.id);
  const ok = rank >= 0 && rank < 3;
  return { ok, text: ok ? `${label(skin)} is among the 3 largest classes` : `${label(skin)} is only the ${rank + 1}th largest class` };
}

function hairAbove(ctx: GuessContext): Evidence | null {
  const hair = ctx.one('hair');
  const skin = ctx.one('skin');
  if (!hair || !skin) return null;
  const large = hair.st.pixels >= 0.2 * skin.st.pixels;
  const above = hair.st.centroidY < skin.st.centroidY;
  if (large && above) return { ok: true, text: `${label(hair)} is large and lies above ${label(skin)}` };
  return { ok: false, text: `${label(hair)} ${large ? 'lies below' : 'is small next to'} ${label(skin)}` };
}

function neckBelow(ctx: GuessContext): Evidence | null {
  const neck = ctx.one('neck');
  const skin = ctx.one('skin');
  if (!neck || !skin) return null;
  const ok = neck.st.centroidY > skin.st.centroidY;
  return { ok, text: `${label(neck)} lies ${ok ? 'below' : 'above'} ${label(skin)}` };
}

function noseCentred(ctx: GuessContext): Evidence | null {
  const nose = ctx.one('nose');
  const skin = ctx.one('skin');
  if (!nose || !skin) return null;
  const { centroidX: x, centroidY: y } = nose.st;
  const b = skin.st.box;
  const centred = Math.abs(x - 0.5) < 0.15;
  const inside = x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
  if (centred && inside) return { ok: true, text: `${label(nose)} is near the horizontal centre, inside the skin box` };
  return { ok: false, text: `${label(nose)} is ${centred ? 'outside the skin box' : 'far from the horizontal centre'}` };
}

function above(ctx: GuessContext, upper: string, lower: string, words: [string, string]): Evidence | null {
  const yUpper = ctx.meanY(upper);
  const yLower = ctx.meanY(lower);
  if (yUpper === undefined || yLower === undefined) return null;
  const ok = yUpper < yLower;
  return { ok, text: `the ${words[0]} lie ${ok ? 'above' : 'below'} the ${words[1]}` };
}

/** Where the class named "left" should be: left of its "right" partner (viewer convention) or right of it (subject). */
function sides(ctx: GuessContext, concept: string): Evidence | null {
  const left = ctx.all(concept, 'left')[0];
  if (!left) return null;
  const right = ctx.all(concept, 'right')[0];
  const expectImageLeft = toNamedSide(ctx.schema.leftRight, 'subject-right') === 'left';
  const reference = right ? right.st.centroidX : 0.5;
  const onImageLeft = left.st.centroidX < reference;
  const ok = onImageLeft === expectImageLeft;
  const where = right ? `of ${label(right)}` : 'half of the image';
  const text = `${label(left)} is on the ${onImageLeft ? 'left' : 'right'} ${where}; the ${ctx.schema.leftRight} convention expects the ${expectImageLeft ? 'left' : 'right'}`;
  return { ok, text };
}

const CHECKS: ReadonlyArray<(ctx: GuessContext) => Evidence | null> = [
  skinLarge,
  hairAbove,
  neckBelow,
  noseCentred,
  (ctx) => above(ctx, 'eye', 'nose', ['eyes', 'nose']),
  (ctx) => above(ctx, 'brow', 'eye', ['brows', 'eyes']),
  (ctx) => sides(ctx, 'eye'),
  (ctx) => sides(ctx, 'brow'),
];

function scoreSchema(stats: MaskStats, schema: LabelSchema): SchemaGuess {
  const ids = new Set(schema.classes.map((c) => c.id));
  const present = [...stats.keys()].filter((id) => (stats.get(id)?.pixels ?? 0) > 0);
  const foreign = present.filter((id) => !ids.has(id)).sort((a, b) => a - b);
  if (foreign.length > 0) {
    return { schema: schema.id, score: 0, reasons: [`Ids ${foreign.join(', ')} are not classes of ${schema.title}.`] };
  }
  const ctx = new GuessContext(schema, stats);
  const evidence = CHECKS.map((check) => check(ctx)).filter((e): e is Evidence => e !== null);
  const passed = evidence.filter((e) => e.ok).length;
  const coverage = present.length / ids.size;
  // One phantom failed check keeps a schema with little evidence below one with much; coverage breaks ties between subsets.
  const score = 0.9 * (passed / (evidence.length + 1)) + 0.1 * coverage;
  const reasons = [
    `All ${present.length} ids present are classes of ${schema.title} (${Math.round(coverage * 100)}% of its classes seen).`,
    ...evidence.map((e) => `${e.ok ? 'Fits' : 'Against'}: ${e.text}.`),
  ];
  return { schema: schema.id, score, reasons };
}

/** Ranks candidate schemas for a folder of id masks by how well their concepts fit the statistics, best first. */
export function guessSchema(stats: MaskStats, candidates: readonly LabelSchema[]): SchemaGuess[] {
  return candidates
    .map((schema, order) => ({ guess: scoreSchema(stats, schema), order }))
    .sort((a, b) => b.guess.score - a.guess.score || a.order - b.order)
    .map((r) => r.guess);
}
