import type { RgbImage } from '../../raster/rgbImage';
import { luma } from './colourSpace';

function channel(image: RgbImage, c: number): Float64Array {
  const out = new Float64Array(image.width * image.height);
  for (let i = 0; i < out.length; i++) out[i] = image.data[i * 3 + c];
  return out;
}

function lumaPlane(image: RgbImage): Float64Array {
  const d = image.data;
  const out = new Float64Array(image.width * image.height);
  for (let i = 0; i < out.length; i++) out[i] = luma(d[i * 3], d[i * 3 + 1], d[i * 3 + 2]);
  return out;
}

/**
 * Sharpness: log10(1 + variance of the 4-neighbour Laplacian of the luma, 0–255), over the interior pixels. The log
 * tames the variance's range (clean renders reach thousands, blurred photos tens). Undefined below 3×3 pixels.
 * It depends on resolution: compare images measured at similar sizes.
 */
export function sharpness(image: RgbImage): number | undefined {
  const { width: w, height: h } = image;
  if (w < 3 || h < 3) return undefined;
  const y = lumaPlane(image);
  let sum = 0;
  let sumSq = 0;
  for (let r = 1; r < h - 1; r++) {
    for (let c = 1, i = r * w + 1; c < w - 1; c++, i++) {
      const lap = y[i - 1] + y[i + 1] + y[i - w] + y[i + w] - 4 * y[i];
      sum += lap;
      sumSq += lap * lap;
    }
  }
  const n = (w - 2) * (h - 2);
  return Math.log10(1 + Math.max(0, sumSq / n - (sum / n) ** 2));
}

/** |Sobel x| + |Sobel y| and |N * I| with Immerkær's mask N = [1 −2 1; −2 4 −2; 1 −2 1], per interior pixel. */
function responses(v: Float64Array, w: number, h: number): { gradient: Float64Array; residual: Float64Array } {
  const n = (w - 2) * (h - 2);
  const gradient = new Float64Array(n);
  const residual = new Float64Array(n);
  let k = 0;
  for (let r = 1; r < h - 1; r++) {
    for (let c = 1, i = r * w + 1; c < w - 1; c++, i++, k++) {
      const [a, b, d] = [v[i - w - 1], v[i - w], v[i - w + 1]];
      const [e, f, g] = [v[i - 1], v[i], v[i + 1]];
      const [p, q, s] = [v[i + w - 1], v[i + w], v[i + w + 1]];
      gradient[k] = Math.abs(d + 2 * g + s - a - 2 * e - p) + Math.abs(p + 2 * q + s - a - 2 * b - d);
      residual[k] = Math.abs(a + d + p + s - 2 * (b + e + g + q) + 4 * f);
    }
  }
  return { gradient, residual };
}

/** Share of the pixels with the strongest gradients left out as edges (Tai and Yang 2008 use 10%). */
const EDGE_SHARE = 0.1;

/** The gradient value below which (inclusive) at least 1 − EDGE_SHARE of the pixels lie; gradients of 8-bit values are integers 0–2040. */
function edgeThreshold(gradient: Float64Array): number {
  const histogram = new Uint32Array(2041);
  for (const g of gradient) histogram[Math.min(2040, Math.round(g))]++;
  const wanted = Math.ceil((1 - EDGE_SHARE) * gradient.length);
  let seen = 0;
  for (let g = 0; g < histogram.length; g++) {
    seen += histogram[g];
    if (seen >= wanted) return g;
  }
  return 2040;
}

function channelNoise(v: Float64Array, w: number, h: number): number {
  const { gradient, residual } = responses(v, w, h);
  const threshold = edgeThreshold(gradient);
  let sum = 0;
  let count = 0;
  for (let k = 0; k < residual.length; k++) {
    if (gradient[k] > threshold) continue;
    sum += residual[k];
    count++;
  }
  return count > 0 ? (Math.sqrt(Math.PI / 2) * sum) / (6 * count) : 0;
}

/**
 * Noise σ (0–255) by Immerkær's fast method (1996), σ = √(π/2)·mean|N * I| / 6, over the pixels that are not edges
 * (the 10% with the strongest Sobel gradient are left out, after Tai and Yang 2008), averaged over R, G and B. For
 * white Gaussian noise the Sobel and N responses are uncorrelated, so leaving edges out does not bias the estimate.
 * Undefined below 3×3 pixels.
 */
export function noiseSigma(image: RgbImage): number | undefined {
  const { width: w, height: h } = image;
  if (w < 3 || h < 3) return undefined;
  return [0, 1, 2].reduce((s, c) => s + channelNoise(channel(image, c), w, h), 0) / 3;
}
