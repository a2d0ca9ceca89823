import type { LabelPixels, RgbPixels, SchemaView } from '../../../src/protocol/viewTypes';

/** The id of pixels a side left unlabelled. */
export const IGNORE_ID = 255;

/** Where the sides disagree: a strong magenta that no schema colour is close to. */
export const DISAGREE_RGB: readonly [number, number, number] = [255, 0, 255];

/** How strongly class colours cover the image. */
const OVERLAY_ALPHA = 0.6;

/** RGB per class id (256 × 3): schema colours; grey for ids outside the schema; dark grey for unlabelled pixels. */
export function classPalette(schema: SchemaView): Uint8Array {
  const palette = new Uint8Array(256 * 3).fill(128);
  for (const c of schema.classes) if (c.id >= 0 && c.id < IGNORE_ID) palette.set(c.color, c.id * 3);
  palette.set([40, 40, 40], IGNORE_ID * 3);
  return palette;
}

/** A class id's name in a schema: "ignore" for 255, "class 7" for an id the schema lacks. */
export function className(schema: SchemaView, id: number): string {
  if (id === IGNORE_ID) return 'ignore';
  return schema.classes.find((c) => c.id === id)?.name ?? `class ${id}`;
}

/** A label raster in its schema's colours, laid over the image when there is one. */
export function labelRgba(label: LabelPixels, palette: Uint8Array, image?: RgbPixels): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(label.width * label.height * 4);
  const rgb = sameSize(label, image) ? image.rgb : undefined;
  const alpha = rgb ? OVERLAY_ALPHA : 1;
  for (let i = 0; i < label.ids.length; i++) {
    const p = label.ids[i]! * 3;
    for (let c = 0; c < 3; c++) out[i * 4 + c] = rgb ? rgb[i * 3 + c]! * (1 - alpha) + palette[p + c]! * alpha : palette[p + c]!;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/**
 * The difference: pixels where B (in A's ids) differs from A in magenta, over the image in grey (or plain grey when
 * there is none); pixels either side left unlabelled are darker.
 */
export function differenceRgba(a: LabelPixels, bInA: LabelPixels, image?: RgbPixels): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(a.width * a.height * 4);
  const rgb = sameSize(a, image) ? image.rgb : undefined;
  for (let i = 0; i < a.ids.length; i++) {
    const o = i * 4;
    const x = a.ids[i]!;
    const y = bInA.ids[i]!;
    if (x !== y && x !== IGNORE_ID && y !== IGNORE_ID) out.set(DISAGREE_RGB, o);
    else {
      const luma = rgb ? 0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]! : 160;
      const grey = (x === IGNORE_ID || y === IGNORE_ID ? 0.25 : 0.6) * luma + 30;
      out[o] = out[o + 1] = out[o + 2] = grey;
    }
    out[o + 3] = 255;
  }
  return out;
}

/** How many pixels the sides label differently (both labelled). */
export function disagreeingPixels(a: LabelPixels, bInA: LabelPixels): number {
  let n = 0;
  for (let i = 0; i < a.ids.length; i++) if (a.ids[i] !== bInA.ids[i] && a.ids[i] !== IGNORE_ID && bInA.ids[i] !== IGNORE_ID) n++;
  return n;
}

function sameSize(label: LabelPixels, image: RgbPixels | undefined): image is RgbPixels {
  return !!image && image.width === label.width && image.height === label.height && image.rgb.length === label.width * label.height * 3;
}
