import { squaredDistanceTo } from '../raster/distanceTransform';

/** A rectangle of an image, in pixels: [x0, x1) × [y0, y1). */
export interface Crop {
  readonly x0: number;
  readonly y0: number;
  readonly width: number;
  readonly height: number;
}

/** The crop around every pixel equal to `id` in either map, grown by `margin` and clamped; undefined when neither has it. */
export function cropAround(a: Uint8Array, b: Uint8Array, id: number, width: number, height: number, margin: number): Crop | undefined {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (a[row + x] !== id && b[row + x] !== id) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return undefined;
  const x0 = Math.max(0, minX - margin);
  const y0 = Math.max(0, minY - margin);
  return { x0, y0, width: Math.min(width, maxX + margin + 1) - x0, height: Math.min(height, maxY + margin + 1) - y0 };
}

/** 1 where the map equals `id` inside the crop (crop-local, row-major). */
export function regionMask(map: Uint8Array, mapWidth: number, id: number, crop: Crop): Uint8Array {
  const mask = new Uint8Array(crop.width * crop.height);
  for (let y = 0; y < crop.height; y++) {
    const from = (crop.y0 + y) * mapWidth + crop.x0;
    const to = y * crop.width;
    for (let x = 0; x < crop.width; x++) mask[to + x] = map[from + x] === id ? 1 : 0;
  }
  return mask;
}

function complement(mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i] ? 0 : 1;
  return out;
}

/**
 * Signed distance (px) from each pixel to the region's edge, with the edge halfway between pixel centres: outside
 * pixels are positive (a 4-neighbour of the region is +0.5), inside pixels negative (−0.5 next to the edge). Pixels
 * outside the image are not "outside the region": a region filling its crop has −Infinity inside.
 */
export function signedDistance(mask: Uint8Array, width: number, height: number): Float64Array {
  const toRegion = squaredDistanceTo(mask, width, height);
  const toOutside = squaredDistanceTo(complement(mask), width, height);
  const out = new Float64Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i] ? 0.5 - Math.sqrt(toOutside[i]) : Math.sqrt(toRegion[i]) - 0.5;
  return out;
}

/** Calls `visit(i, j)` for each pair of 4-neighbours inside the crop with exactly one of them in the region. */
export function forEachCrossing(mask: Uint8Array, width: number, height: number, visit: (i: number, j: number) => void): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (x + 1 < width && mask[i] !== mask[i + 1]) visit(i, i + 1);
      if (y + 1 < height && mask[i] !== mask[i + width]) visit(i, i + width);
    }
  }
}

/** Length of the region's outline: pixel sides between a region pixel and a non-region pixel inside the crop. */
export function outlineLength(mask: Uint8Array, width: number, height: number): number {
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (x + 1 < width && mask[i] !== mask[i + 1]) n++;
      if (y + 1 < height && mask[i] !== mask[i + width]) n++;
    }
  }
  return n;
}

/**
 * The region with bumps and dents narrower than the window removed: a pixel is in it when more than half of the
 * (2r + 1)² window around it (the part inside the crop) is. One pass over an integral image: linear in the crop size.
 */
export function smoothRegion(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const stride = width + 1;
  const integral = new Int32Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += mask[y * width + x];
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + row;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const inside = integral[y1 * stride + x1] - integral[y0 * stride + x1] - integral[y1 * stride + x0] + integral[y0 * stride + x0];
      out[y * width + x] = 2 * inside > (y1 - y0) * (x1 - x0) ? 1 : 0;
    }
  }
  return out;
}
