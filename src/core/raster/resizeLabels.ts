import type { LabelMap } from './labelMap';

/** How resizeLabelsNearest picks a source pixel, worded for reports. */
export const NEAREST_PIXEL_CENTRE_RULE = 'nearest (pixel centres): source = floor((dest + 0.5) × sourceSize / destSize)';

/**
 * Resizes a label map by nearest neighbour, pixel-centre rule (source x = floor((x + 0.5) · srcW / dstW), same for y).
 * Always returns a new map, also when the size already matches, so callers may modify the result freely.
 */
export function resizeLabelsNearest(map: LabelMap, width: number, height: number): LabelMap {
  checkSize(width, height, 'target');
  checkSize(map.width, map.height, 'source');
  if (map.data.length !== map.width * map.height) {
    throw new Error(`label map data has ${map.data.length} bytes but ${map.width}×${map.height} needs ${map.width * map.height}`);
  }
  if (width === map.width && height === map.height) return { width, height, data: map.data.slice() };
  const sourceX = sourceIndices(map.width, width);
  const sourceY = sourceIndices(map.height, height);
  const data = new Uint8Array(width * height);
  const src = map.data;
  for (let y = 0; y < height; y++) {
    const srcRow = sourceY[y] * map.width;
    const dstRow = y * width;
    for (let x = 0; x < width; x++) data[dstRow + x] = src[srcRow + sourceX[x]];
  }
  return { width, height, data };
}

/** Source index per destination index along one axis; integer arithmetic so no rounding error can shift a pixel. */
function sourceIndices(sourceSize: number, destSize: number): Int32Array {
  const indices = new Int32Array(destSize);
  for (let i = 0; i < destSize; i++) {
    const s = Math.floor(((2 * i + 1) * sourceSize) / (2 * destSize));
    indices[i] = Math.min(s, sourceSize - 1);
  }
  return indices;
}

function checkSize(width: number, height: number, what: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`${what} size must be positive integers, got ${width}×${height}`);
  }
}
