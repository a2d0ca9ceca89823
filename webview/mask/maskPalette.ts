import type { LabelPixels, SchemaView } from '../../src/protocol/viewTypes';

/** The id that marks pixels to ignore. */
export const IGNORE_ID = 255;

/** The two greys of each hatch: ignore pixels dark, ids outside the schema light, so the two stay apart. */
const IGNORE_HATCH: ReadonlyArray<readonly [number, number, number]> = [
  [72, 72, 72],
  [112, 112, 112],
];
const UNKNOWN_HATCH: ReadonlyArray<readonly [number, number, number]> = [
  [150, 150, 150],
  [196, 196, 196],
];
/** Width of a hatch stripe in image pixels. */
const STRIPE = 3;

/** What an id means in a schema: a class, ignore, or an id the schema does not have. */
export type IdKind = 'class' | 'ignore' | 'unknown';

/** Classifies an id against the schema. */
export function idKind(id: number, schema: SchemaView): IdKind {
  if (schema.classes.some((c) => c.id === id)) return 'class';
  return id === IGNORE_ID ? 'ignore' : 'unknown';
}

/** The mask as RGBA for putImageData: schema colours, and grey diagonal hatching for ignore and unknown ids. */
export function maskRgba(pixels: LabelPixels, schema: SchemaView): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, ids } = pixels;
  const colours = new Int16Array(256 * 3).fill(-1);
  for (const c of schema.classes) {
    if (c.id >= 0 && c.id < 256) colours.set(c.color, c.id * 3);
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const id = ids[i];
      const colour = colours[id * 3] >= 0 ? colours.subarray(id * 3, id * 3 + 3) : hatch(id, x, y);
      rgba[i * 4] = colour[0];
      rgba[i * 4 + 1] = colour[1];
      rgba[i * 4 + 2] = colour[2];
      rgba[i * 4 + 3] = 255;
    }
  }
  return rgba;
}

function hatch(id: number, x: number, y: number): readonly [number, number, number] {
  const greys = id === IGNORE_ID ? IGNORE_HATCH : UNKNOWN_HATCH;
  return greys[Math.floor((x + y) / STRIPE) % 2];
}
