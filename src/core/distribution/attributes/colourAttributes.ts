import type { RgbImage } from '../../raster/rgbImage';
import { luma, srgbToLab } from './colourSpace';

/** Brightness (mean luma 0–1), contrast (luma standard deviation 0–1) and saturation (mean HSV saturation 0–1) of the whole image. */
export function toneAttributes(image: RgbImage): { brightness: number; contrast: number; saturation: number } | undefined {
  const n = image.width * image.height;
  if (n === 0) return undefined;
  const d = image.data;
  let sum = 0;
  let sumSq = 0;
  let saturation = 0;
  for (let p = 0; p < n * 3; p += 3) {
    const y = luma(d[p], d[p + 1], d[p + 2]) / 255;
    sum += y;
    sumSq += y * y;
    const max = Math.max(d[p], d[p + 1], d[p + 2]);
    if (max > 0) saturation += (max - Math.min(d[p], d[p + 1], d[p + 2])) / max;
  }
  const mean = sum / n;
  return { brightness: mean, contrast: Math.sqrt(Math.max(0, sumSq / n - mean * mean)), saturation: saturation / n };
}

/**
 * Hasler and Süsstrunk's colourfulness M (2003) on 0–255 values: with rg = R − G and yb = (R + G)/2 − B,
 * M = √(σ_rg² + σ_yb²) + 0.3·√(μ_rg² + μ_yb²). About 0 for grey images, 33 "moderately", 59 "quite", 109 "extremely colourful".
 */
export function colourfulness(image: RgbImage): number | undefined {
  const n = image.width * image.height;
  if (n === 0) return undefined;
  const d = image.data;
  let [srg, syb, qrg, qyb] = [0, 0, 0, 0];
  for (let p = 0; p < n * 3; p += 3) {
    const rg = d[p] - d[p + 1];
    const yb = (d[p] + d[p + 1]) / 2 - d[p + 2];
    srg += rg;
    syb += yb;
    qrg += rg * rg;
    qyb += yb * yb;
  }
  const [mrg, myb] = [srg / n, syb / n];
  const variance = Math.max(0, qrg / n - mrg * mrg) + Math.max(0, qyb / n - myb * myb);
  return Math.sqrt(variance) + 0.3 * Math.hypot(mrg, myb);
}

function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Individual typology angle of the skin, ITA° = atan((L* − 50) / b*)·180/π (higher is lighter), from the medians of
 * L* and b* (sRGB → CIELAB, D65) over the pixels `isSkin` accepts; medians so that shadows, highlights and stray hair
 * do not pull it. Undefined without skin pixels, and when the median b* is not positive: skin under bluish light
 * (seen in FaceSynthetics renders) lies outside what ITA describes, and the formula would flip its sign.
 */
export function ita(image: RgbImage, isSkin: (pixel: number) => boolean): number | undefined {
  const n = image.width * image.height;
  const ls: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!isSkin(i)) continue;
    const [l, , b] = srgbToLab(image.data[i * 3], image.data[i * 3 + 1], image.data[i * 3 + 2]);
    ls.push(l);
    bs.push(b);
  }
  if (ls.length === 0) return undefined;
  const b = median(Float64Array.from(bs));
  return b > 0 ? (Math.atan((median(Float64Array.from(ls)) - 50) / b) * 180) / Math.PI : undefined;
}
