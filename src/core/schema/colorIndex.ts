import type { LabelSchema, Rgb } from './labelSchema';
import { IGNORE_ID, type LabelMap } from '../raster/labelMap';

/** A colour found in a colour mask that no class of the schema has, with how many pixels carry it. */
export interface UnknownColor {
  readonly color: Rgb;
  readonly pixels: number;
}

/** Result of reading a colour mask: class ids, and the colours that matched no class. */
export interface ColorIndexResult {
  readonly map: LabelMap;
  /** Most frequent unknown colours first, at most MAX_UNKNOWN_LISTED. */
  readonly unknownColors: UnknownColor[];
}

/** How many unknown colours rgbToIds lists. */
export const MAX_UNKNOWN_LISTED = 10;

function packRgb(r: number, g: number, b: number): number {
  return (r << 16) | (g << 8) | b;
}

function colorTable(schema: LabelSchema): Map<number, number> {
  const table = new Map<number, number>();
  for (const cls of schema.classes) {
    const key = packRgb(cls.color[0], cls.color[1], cls.color[2]);
    if (!table.has(key)) table.set(key, cls.id);
  }
  return table;
}

/** Converts an RGB colour mask to class ids by exact colour match; unknown colours become 255 and are counted. */
export function rgbToIds(image: { width: number; height: number; data: Uint8Array }, schema: LabelSchema): ColorIndexResult {
  const n = image.width * image.height;
  if (image.data.length !== n * 3) {
    throw new Error(`RGB mask data has ${image.data.length} bytes; ${image.width}×${image.height} RGB needs ${n * 3}.`);
  }
  const table = colorTable(schema);
  const unknown = new Map<number, number>();
  const out = new Uint8Array(n);
  const src = image.data;
  let lastKey = -1;
  let lastId: number | undefined;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const key = (src[j] << 16) | (src[j + 1] << 8) | src[j + 2];
    // Masks are mostly long runs of one colour, so the previous lookup usually answers.
    if (key !== lastKey) {
      lastKey = key;
      lastId = table.get(key);
    }
    if (lastId === undefined) {
      out[i] = IGNORE_ID;
      unknown.set(key, (unknown.get(key) ?? 0) + 1);
    } else {
      out[i] = lastId;
    }
  }
  return { map: { width: image.width, height: image.height, data: out }, unknownColors: topUnknown(unknown) };
}

function topUnknown(counts: ReadonlyMap<number, number>): UnknownColor[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_UNKNOWN_LISTED)
    .map(([key, pixels]) => ({ color: [(key >> 16) & 255, (key >> 8) & 255, key & 255] as Rgb, pixels }));
}

/**
 * The fraction (0–1) of a palette mask's used indices whose palette colour equals the schema's colour for that class id;
 * index 255 (ignore) is left out, and 0 is returned when nothing is left.
 */
export function schemaMatchesPalette(palette: ReadonlyArray<readonly [number, number, number]>, schema: LabelSchema, usedIndices: readonly number[]): number {
  const byId = new Map(schema.classes.map((c) => [c.id, c.color]));
  const used = [...new Set(usedIndices)].filter((i) => i !== IGNORE_ID);
  if (used.length === 0) return 0;
  let matches = 0;
  for (const index of used) {
    const entry = palette[index];
    const color = byId.get(index);
    if (entry && color && entry[0] === color[0] && entry[1] === color[1] && entry[2] === color[2]) matches++;
  }
  return matches / used.length;
}
