import { IGNORE_ID, type LabelMap } from '../raster/labelMap';
import type { RgbImage } from '../raster/rgbImage';
import type { LabelSchema } from '../schema/labelSchema';

/** Grey for label values that are not a class of the schema (e.g. 255, an unmapped prediction). */
const NOT_A_CLASS: readonly [number, number, number] = [128, 128, 128];
/** How strongly class colours cover the picture in an overlay. */
const OVERLAY_ALPHA = 0.6;

/** A 256-entry RGB table of a schema's class colours; ids without a class are grey. */
export function colourTable(schema: LabelSchema): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let id = 0; id < 256; id++) table.set(NOT_A_CLASS, id * 3);
  for (const cls of schema.classes) if (cls.id >= 0 && cls.id < 256) table.set(cls.color, cls.id * 3);
  return table;
}

/** Blends class colours over a picture of the same size; ignored pixels (255) keep the picture. */
export function overlayLabels(image: RgbImage, labels: LabelMap, colours: Uint8Array): RgbImage {
  checkSameSize(image, labels);
  const out = new Uint8Array(image.data.length);
  for (let p = 0; p < labels.data.length; p++) {
    const id = labels.data[p];
    for (let k = 0; k < 3; k++) {
      const base = image.data[p * 3 + k];
      out[p * 3 + k] = id === IGNORE_ID ? base : Math.round(base * (1 - OVERLAY_ALPHA) + colours[id * 3 + k] * OVERLAY_ALPHA);
    }
  }
  return { width: image.width, height: image.height, data: out };
}

/** Where prediction and ground truth (same schema, same size) agree: correct pixels dim green, wrong ones red, ignored ones dark grey. */
export function errorMap(image: RgbImage, gt: LabelMap, pred: LabelMap): { image: RgbImage; wrong: number; scored: number } {
  checkSameSize(image, gt);
  checkSameSize(image, pred);
  const out = new Uint8Array(image.data.length);
  let wrong = 0;
  let scored = 0;
  for (let p = 0; p < gt.data.length; p++) {
    const luma = (image.data[p * 3] * 0.299 + image.data[p * 3 + 1] * 0.587 + image.data[p * 3 + 2] * 0.114) * 0.3;
    let rgb: readonly [number, number, number];
    if (gt.data[p] === IGNORE_ID) rgb = [40, 40, 40];
    else if (gt.data[p] === pred.data[p]) rgb = [luma, luma + 70, luma];
    else rgb = [230, 30, 30];
    if (gt.data[p] !== IGNORE_ID) {
      scored++;
      if (gt.data[p] !== pred.data[p]) wrong++;
    }
    out.set(rgb.map(Math.round), p * 3);
  }
  return { image: { width: image.width, height: image.height, data: out }, wrong, scored };
}

/** A flat grey picture, standing in for an image that could not be read. */
export function greyImage(width: number, height: number): RgbImage {
  return { width, height, data: new Uint8Array(width * height * 3).fill(96) };
}

/** The size of a thumbnail whose longer side is at most maxSide (never enlarged). */
export function thumbnailSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The on-page size of a thumbnail: small ones are shown at a whole multiple of their size (sharp pixels), still within maxSide. */
export function displaySize(thumb: { width: number; height: number }, maxSide: number): { width: number; height: number } {
  const factor = Math.max(1, Math.floor(maxSide / Math.max(thumb.width, thumb.height)));
  return { width: thumb.width * factor, height: thumb.height * factor };
}

function checkSameSize(image: RgbImage, map: LabelMap): void {
  if (image.width !== map.width || image.height !== map.height) {
    throw new Error(`picture is ${image.width}×${image.height} but labels are ${map.width}×${map.height}`);
  }
}
