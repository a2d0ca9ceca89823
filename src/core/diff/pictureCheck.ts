import type { RgbImage } from '../raster/rgbImage';

/** How many pairs are looked at, and the size both pictures are shrunk to before comparing. */
export const PICTURE_SAMPLE = 16;
export const PICTURE_SIZE = 32;
/** Mean absolute difference (0–255) above which two shrunk pictures are not the same picture: re-encoding stays near 1, two aligned faces of different people far above. */
export const SAME_PICTURE_MAX = 8;

/** One sampled pair: its ids, image files and how different the shrunk pictures are. */
export interface PictureComparison {
  readonly idA: string;
  readonly fileA: string;
  readonly fileB: string;
  readonly difference: number;
}

/** Up to n items spread evenly over the list (first and last included). */
export function evenSample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]);
}

/** Mean absolute difference per channel value of two equally sized RGB images. */
export function meanAbsDifference(a: RgbImage, b: RgbImage): number {
  if (a.data.length !== b.data.length) throw new Error(`pictures differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return a.data.length ? sum / a.data.length : 0;
}

const base = (file: string): string => file.slice(file.lastIndexOf('/') + 1);

/** Whether the sample shows that the paired ids are different pictures (then the diff's numbers mean little). */
export function picturesDiffer(checked: readonly PictureComparison[]): boolean {
  return checked.some((c) => c.difference > SAME_PICTURE_MAX);
}

/** Sentences for diff.json: whether the paired ids show the same pictures, from a sample of pairs. */
export function pictureNotes(checked: readonly PictureComparison[], pairs: number): string[] {
  if (checked.length === 0) return [];
  const differing = checked.filter((c) => c.difference > SAME_PICTURE_MAX);
  const worst = Math.max(...checked.map((c) => c.difference));
  if (differing.length === 0) return [`the pictures of ${checked.length} of ${pairs} pairs, sampled across the set, are the same (mean difference at most ${worst.toFixed(1)} of 255 at ${PICTURE_SIZE}×${PICTURE_SIZE})`];
  const e = differing[0];
  return [
    `A and B show different pictures in ${differing.length} of ${checked.length} sampled pairs (e.g. ${e.idA}: ${base(e.fileA)} and ${base(e.fileB)} differ by ${e.difference.toFixed(0)} of 255 on average): a label diff compares two labellings of the same images, so check how the ids pair up`,
  ];
}
