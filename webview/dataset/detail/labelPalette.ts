import type { SchemaView } from '../../../src/protocol/viewTypes';

/** The id of ignored pixels; the legend's "ignore / other" toggle also stands for ids outside the schema. */
export const IGNORE_ID = 255;

/** Grey for ignored pixels and ids outside the schema. */
export const GREY: readonly [number, number, number] = [128, 128, 128];

/** An RGBA colour per class id (256 × 4 bytes); alpha 0 where the class is hidden. */
export type Palette = Uint8ClampedArray;

/** The overlay colours: each schema class in its colour, everything else grey; hidden classes transparent. */
export function overlayPalette(schema: SchemaView, hidden: ReadonlySet<number>): Palette {
  const palette = new Uint8ClampedArray(256 * 4);
  const otherAlpha = hidden.has(IGNORE_ID) ? 0 : 255;
  for (let id = 0; id < 256; id++) palette.set([GREY[0], GREY[1], GREY[2], otherAlpha], id * 4);
  for (const c of schema.classes) {
    if (c.id < 0 || c.id > 254) continue;
    palette.set([c.color[0], c.color[1], c.color[2], hidden.has(c.id) ? 0 : 255], c.id * 4);
  }
  return palette;
}

/** Which ids the user hid, as one flag per id (ids outside the schema follow the ignore toggle). */
export function hiddenMask(schema: SchemaView, hidden: ReadonlySet<number>): Uint8Array {
  const mask = new Uint8Array(256).fill(hidden.has(IGNORE_ID) ? 1 : 0);
  for (const c of schema.classes) if (c.id >= 0 && c.id < 255) mask[c.id] = hidden.has(c.id) ? 1 : 0;
  return mask;
}

/** A class id's name in the schema: "ignore" for 255, "class 7" for an id the schema lacks. */
export function classLabel(schema: SchemaView, id: number): string {
  if (id === IGNORE_ID) return 'ignore';
  return schema.classes.find((c) => c.id === id)?.name ?? `class ${id}`;
}
