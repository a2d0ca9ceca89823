import { IGNORE_ID } from '../raster/labelMap';
import { cropAround, forEachCrossing, outlineLength, regionMask, signedDistance, smoothRegion, type Crop } from './classRegion';
import type { ClassImageStats } from './diffTypes';

/** Half-width (px) of the majority window that smooths outlines before their lengths are compared (roughness). */
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

function collectSamples(mask: Uint8Array, crop: Crop, sample: (i: number, j: number) => number, cap: number, into: number[]): void {
  forEachCrossing(mask, crop.width, crop.height, (i, j) => {
    const value = sample(i, j);
    if (Math.abs(value) <= cap) into.push(value);
  });
}

/**
 * Signed offsets of B's edge from A's, sampled where each outline crosses between two 4-neighbours: the edge lies
 * midway, so a sample is the mean of the other side's signed distance at the two pixels (on B's outline A's distance;
 * on A's outline minus B's). A straight edge moved by k gives exactly k at every crossing.
 */
function boundaryOffsets(crop: Crop, a: Region, b: Region, cap: number): Pick<ClassImageStats, 'offsetSum' | 'offsetCount' | 'distanceSum' | 'distanceCount'> {
  const samples: number[] = [];
  if (a.distance && b.distance) {
    const distanceA = a.distance;
    const distanceB = b.distance;
    collectSamples(b.mask, crop, (i, j) => (distanceA[i] + distanceA[j]) / 2, cap, samples);
    collectSamples(a.mask, crop, (i, j) => -(distanceB[i] + distanceB[j]) / 2, cap, samples);
  }
  samples.sort((x, y) => x - y);
  const from = Math.floor(samples.length / 4);
  const to = samples.length - from;
  let offsetSum = 0;
  for (let i = from; i < to; i++) offsetSum += samples[i];
  const distanceSum = samples.reduce((n, v) => n + Math.abs(v), 0);
  return { offsetSum, offsetCount: to - from, distanceSum, distanceCount: samples.length };
}

/** Smoothing may change a region's area by at most this share; thinner parts (glasses frames) have no measurable roughness. */
const MAX_SMOOTHING_AREA_CHANGE = 0.2;

function area(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}

/** Outline lengths of the region and of its smoothed self; both 0 when absent or too thin to smooth. */
function outlines(region: Region, crop: Crop): { perimeter: number; smooth: number } {
  if (!region.present) return { perimeter: 0, smooth: 0 };
  const smooth = smoothRegion(region.mask, crop.width, crop.height, ROUGHNESS_RADIUS);
  const before = area(region.mask);
  if (Math.abs(area(smooth) - before) > MAX_SMOOTHING_AREA_CHANGE * before) return { perimeter: 0, smooth: 0 };
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
    ...offsets,
    perimeterA: outlineA.perimeter,
    smoothPerimeterA: outlineA.smooth,
    perimeterB: outlineB.perimeter,
    smoothPerimeterB: outlineB.smooth,
  };
}
