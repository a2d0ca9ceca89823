import { IGNORE_ID } from '../raster/labelMap';
import { cropAround, forEachCrossing, outlineLength, regionMask, signedDistance, smoothRegion, type Crop } from './classRegion';
import type { ClassImageStats } from './diffTypes';

/** Radius (px) of the disc that smooths outlines before their lengths are compared (roughness). */
export const ROUGHNESS_RADIUS = 2;

/** Boundary samples farther than this share of the image's longer side (at least MIN_OFFSET_CAP px) are not matching edges. */
const OFFSET_CAP_FRACTION = 0.05;
const MIN_OFFSET_CAP = 8;

/** The two label maps of one image in A's ids, and the band width. */
export interface ClassPairInput {
  readonly a: Uint8Array;
  /** B's labels translated into A's ids. */
  readonly b: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly bandK: number;
}

/** Largest boundary offset (px) that still counts as the same edge, for an image of this size. */
export function offsetCap(width: number, height: number): number {
  return Math.max(MIN_OFFSET_CAP, OFFSET_CAP_FRACTION * Math.max(width, height));
}

interface Region {
  readonly mask: Uint8Array;
  readonly present: boolean;
  readonly distance: Float64Array | undefined;
}

function regionOf(map: Uint8Array, input: ClassPairInput, id: number, crop: Crop): Region {
  const mask = regionMask(map, input.width, id, crop);
  const present = mask.includes(1);
  return { mask, present, distance: present ? signedDistance(mask, crop.width, crop.height) : undefined };
}

/** Disagreeing pixels of the class within A's boundary band (|signed distance to A's edge| ≤ k − ½) and elsewhere. */
function splitDisagreement(input: ClassPairInput, crop: Crop, a: Region, b: Region): { band: number; interior: number } {
  let band = 0;
  let interior = 0;
  const limit = input.bandK - 0.5;
  for (let y = 0; y < crop.height; y++) {
    for (let x = 0; x < crop.width; x++) {
      const i = y * crop.width + x;
      if (a.mask[i] === b.mask[i]) continue;
      const p = (crop.y0 + y) * input.width + crop.x0 + x;
      if (input.a[p] === IGNORE_ID || input.b[p] === IGNORE_ID) continue;
      if (a.distance && Math.abs(a.distance[i]) <= limit) band++;
      else interior++;
    }
  }
  return { band, interior };
}

interface OffsetSums {
  sum: number;
  abs: number;
  count: number;
}

function offsetSums(mask: Uint8Array, crop: Crop, sample: (i: number, j: number) => number, cap: number): OffsetSums {
  const total = { sum: 0, abs: 0, count: 0 };
  forEachCrossing(mask, crop.width, crop.height, (i, j) => {
    const value = sample(i, j);
    if (!(Math.abs(value) <= cap)) return;
    total.sum += value;
    total.abs += Math.abs(value);
    total.count++;
  });
  return total;
}

/**
 * Signed offsets of B's edge from A's, sampled where each outline crosses between two 4-neighbours: the edge lies
 * midway, so a sample is the mean of the other side's signed distance at the two pixels (on B's outline A's distance;
 * on A's outline minus B's). A straight edge moved by k gives exactly k at every crossing.
 */
function boundaryOffsets(crop: Crop, a: Region, b: Region, cap: number): { onB: OffsetSums; onA: OffsetSums } {
  const none = { sum: 0, abs: 0, count: 0 };
  if (!a.distance || !b.distance) return { onB: none, onA: none };
  const distanceA = a.distance;
  const distanceB = b.distance;
  return {
    onB: offsetSums(b.mask, crop, (i, j) => (distanceA[i] + distanceA[j]) / 2, cap),
    onA: offsetSums(a.mask, crop, (i, j) => -(distanceB[i] + distanceB[j]) / 2, cap),
  };
}

function outlines(region: Region, crop: Crop): { perimeter: number; smooth: number } {
  if (!region.present) return { perimeter: 0, smooth: 0 };
  const smooth = smoothRegion(region.mask, crop.width, crop.height, ROUGHNESS_RADIUS);
  return { perimeter: outlineLength(region.mask, crop.width, crop.height), smooth: outlineLength(smooth, crop.width, crop.height) };
}

/** The boundary, band and roughness accumulators of one class in one image; undefined when neither side has it. */
export function classImageStats(input: ClassPairInput, id: number): ClassImageStats | undefined {
  const cap = offsetCap(input.width, input.height);
  const crop = cropAround(input.a, input.b, id, input.width, input.height, Math.ceil(cap + 2 * ROUGHNESS_RADIUS + 2));
  if (!crop) return undefined;
  const a = regionOf(input.a, input, id, crop);
  const b = regionOf(input.b, input, id, crop);
  const { band, interior } = splitDisagreement(input, crop, a, b);
  const offsets = boundaryOffsets(crop, a, b, cap);
  const outlineA = outlines(a, crop);
  const outlineB = outlines(b, crop);
  return {
    id,
    band,
    interior,
    offsetSum: offsets.onB.sum,
    offsetAbsSum: offsets.onB.abs,
    offsetCount: offsets.onB.count,
    offsetSumA: offsets.onA.sum,
    offsetAbsSumA: offsets.onA.abs,
    offsetCountA: offsets.onA.count,
    perimeterA: outlineA.perimeter,
    smoothPerimeterA: outlineA.smooth,
    perimeterB: outlineB.perimeter,
    smoothPerimeterB: outlineB.smooth,
  };
}
