import type { LabelMap } from '../raster/labelMap';
import { resizeLabelsNearest } from '../raster/resizeLabels';
import { sameAspect } from '../raster/rgbImage';

/** B's labels at A's size, and B's own size when it had to be resampled. */
export interface ResampledB {
  readonly map: LabelMap;
  readonly resizedFrom?: readonly [number, number];
}

/**
 * Brings B's labels onto A's size (nearest, pixel centres) when the sizes differ and the aspect ratios agree; throws an
 * Error naming both files when they do not, since stretching would compare different parts of the face.
 */
export function resampleToA(a: LabelMap, b: LabelMap, files: { readonly a: string; readonly b: string }): ResampledB {
  if (a.width === b.width && a.height === b.height) return { map: b };
  if (!sameAspect(a, b)) {
    throw new Error(`${files.b}: labels are ${b.width}×${b.height} but ${files.a} is ${a.width}×${a.height} (different aspect ratio); not compared`);
  }
  return { map: resizeLabelsNearest(b, a.width, a.height), resizedFrom: [b.width, b.height] };
}
