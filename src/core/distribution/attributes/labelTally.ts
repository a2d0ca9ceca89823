import { IGNORE_ID, type LabelMap } from '../../raster/labelMap';
import { canonicalKey, splitKey } from '../../schema/concepts';
import type { LabelSchema } from '../../schema/labelSchema';

/** Pixels of a region: how many, and the sums of their centres' x and y (pixel centres at +0.5). */
export interface Region {
  readonly pixels: number;
  readonly sumX: number;
  readonly sumY: number;
}

/** A label map's pixels tallied by canonical key ("skin", "eye/subject-left" …), with the annotated pixel count. */
export interface LabelTally {
  readonly width: number;
  readonly height: number;
  /** Pixels not marked IGNORE_ID: the denominator of every share. */
  readonly annotated: number;
  readonly byKey: ReadonlyMap<string, Region>;
  /** Concepts the schema has a class for (whether or not this map shows them). */
  readonly concepts: ReadonlySet<string>;
}

const EMPTY: Region = { pixels: 0, sumX: 0, sumY: 0 };

function tallyIds(map: LabelMap): { count: Float64Array; sumX: Float64Array; sumY: Float64Array } {
  const count = new Float64Array(256);
  const sumX = new Float64Array(256);
  const sumY = new Float64Array(256);
  const { width, height, data } = map;
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const v = data[i];
      count[v]++;
      sumX[v] += x + 0.5;
      sumY[v] += y + 0.5;
    }
  }
  return { count, sumX, sumY };
}

/** Tallies a label map of `schema` by canonical key in one pass. */
export function tallyLabels(map: LabelMap, schema: LabelSchema): LabelTally {
  const { count, sumX, sumY } = tallyIds(map);
  const byKey = new Map<string, Region>();
  for (const cls of schema.classes) {
    if (cls.id === IGNORE_ID) continue;
    const key = canonicalKey(schema, cls);
    const r = byKey.get(key) ?? EMPTY;
    byKey.set(key, { pixels: r.pixels + count[cls.id], sumX: r.sumX + sumX[cls.id], sumY: r.sumY + sumY[cls.id] });
  }
  const concepts = new Set(schema.classes.map((c) => c.concept));
  return { width: map.width, height: map.height, annotated: map.data.length - count[IGNORE_ID], byKey, concepts };
}

/** The union of the regions whose canonical key is one of `concepts`, either side included. */
export function conceptRegion(tally: LabelTally, concepts: ReadonlySet<string>): Region {
  let pixels = 0;
  let sumX = 0;
  let sumY = 0;
  for (const [key, r] of tally.byKey) {
    if (!concepts.has(splitKey(key).concept)) continue;
    pixels += r.pixels;
    sumX += r.sumX;
    sumY += r.sumY;
  }
  return { pixels, sumX, sumY };
}

/** A region's centroid in pixels, or undefined when it has fewer than `minPixels` pixels. */
export function centroid(r: Region, minPixels = 1): { x: number; y: number } | undefined {
  return r.pixels >= minPixels ? { x: r.sumX / r.pixels, y: r.sumY / r.pixels } : undefined;
}
