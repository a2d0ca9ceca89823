import type { LabelPixels } from '../../../src/protocol/viewTypes';
import type { Palette } from './labelPalette';
import { GREY, IGNORE_ID } from './labelPalette';

/** Error-map colours (RGBA): wrong pixels red, correct ones a faint green, ignored ones grey. */
export const ERROR_COLOURS = {
  wrong: [255, 0, 0, 255],
  correct: [0, 200, 0, 64],
  ignore: [GREY[0], GREY[1], GREY[2], 255],
} as const;

/** The RGBA pixels of a label raster drawn in the palette's colours. */
export function overlayRgba(label: LabelPixels, palette: Palette): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(label.width * label.height * 4);
  const ids = label.ids;
  for (let i = 0, o = 0; i < ids.length; i++, o += 4) {
    const p = ids[i]! * 4;
    out[o] = palette[p]!;
    out[o + 1] = palette[p + 1]!;
    out[o + 2] = palette[p + 2]!;
    out[o + 3] = palette[p + 3]!;
  }
  return out;
}

/**
 * The RGBA pixels of the error map: where ground truth is ignore, grey; where the prediction agrees, faint green; else
 * red. A pixel whose ground-truth class is hidden is left transparent. Undefined when the rasters differ in size.
 */
export function errorRgba(gt: LabelPixels, pred: LabelPixels, hidden: Uint8Array): Uint8ClampedArray<ArrayBuffer> | undefined {
  if (gt.width !== pred.width || gt.height !== pred.height) return undefined;
  const out = new Uint8ClampedArray(gt.width * gt.height * 4);
  for (let i = 0, o = 0; i < gt.ids.length; i++, o += 4) {
    const g = gt.ids[i]!;
    if (hidden[g] === 1) continue;
    out.set(g === IGNORE_ID ? ERROR_COLOURS.ignore : g === pred.ids[i] ? ERROR_COLOURS.correct : ERROR_COLOURS.wrong, o);
  }
  return out;
}
