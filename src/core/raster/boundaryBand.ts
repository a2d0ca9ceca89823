import { squaredDistanceTo } from './distanceTransform';
import type { LabelMap } from './labelMap';

/**
 * Marks (1) the pixels within a band of half-width k around class edges; 0 elsewhere.
 * Boundary pixels B = pixels with a 4-neighbour of a different value (255 counts as a value like any other, and the
 * image border is not an edge). band(k) = pixels whose Euclidean distance to B is ≤ k − 1: k = 0 is empty, k = 1 is
 * B itself (the one-pixel rim on each side of every edge, so two pixels wide across the edge), k = 2 adds every
 * pixel at distance ≤ 1 of B (its 4-neighbours). k must be a non-negative integer.
 */
export function boundaryBand(map: LabelMap, k: number): Uint8Array {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`boundary band width k must be a non-negative integer, got ${k}`);
  const { width, height } = map;
  if (map.data.length !== width * height) {
    throw new Error(`label map data has ${map.data.length} bytes but ${width}×${height} needs ${width * height}`);
  }
  const boundary = boundaryPixels(map);
  if (k <= 1) return k === 0 ? new Uint8Array(width * height) : boundary;
  const limit = (k - 1) * (k - 1);
  const distance = squaredDistanceTo(boundary, width, height);
  const band = new Uint8Array(width * height);
  for (let i = 0; i < band.length; i++) band[i] = distance[i] <= limit ? 1 : 0;
  return band;
}

/** 1 where a pixel's value differs from its right or lower neighbour, marking both pixels of each such pair. */
function boundaryPixels(map: LabelMap): Uint8Array {
  const { width, height, data } = map;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      const v = data[i];
      if (x + 1 < width && data[i + 1] !== v) {
        out[i] = 1;
        out[i + 1] = 1;
      }
      if (y + 1 < height && data[i + width] !== v) {
        out[i] = 1;
        out[i + width] = 1;
      }
    }
  }
  return out;
}
