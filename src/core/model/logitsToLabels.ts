import type { FloatTensor } from '../ports/modelRunner';
import { IGNORE_ID, type LabelMap } from '../raster/labelMap';
import type { Size } from '../raster/rgbImage';
import type { ModelSpec } from './modelSpec';

/** A predicted label map and how many of its pixels had NaN logits (those pixels hold IGNORE_ID). */
export interface LabelPrediction {
  readonly map: LabelMap;
  readonly nanPixels: number;
}

/**
 * Turns logits [N,C,h,w] of one batch item into a class map of the target size: bilinear resampling of
 * the logits (half-pixel centres, edge clamp, like PyTorch align_corners=false) straight to the target,
 * then argmax (ties → lowest channel), then channel → class. Pixels with a NaN logit become 255.
 */
export function logitsToLabelMap(
  logits: FloatTensor,
  batchIndex: number,
  spec: Pick<ModelSpec, 'channelToClass'>,
  target: Size,
  channelToClass: readonly number[] | undefined = spec.channelToClass,
): LabelPrediction {
  const [channels, h, w] = checkLogits(logits, batchIndex);
  const classOf = classLut(channels, channelToClass);
  const plane = h * w;
  const src = logits.data.subarray(batchIndex * channels * plane, (batchIndex + 1) * channels * plane);
  const out = new Uint8Array(target.width * target.height);
  const nanPixels =
    target.width === w && target.height === h
      ? argmaxExact(src, channels, plane, classOf, out)
      : argmaxResampled(src, channels, { width: w, height: h }, target, classOf, out);
  return { map: { width: target.width, height: target.height, data: out }, nanPixels };
}

function checkLogits(logits: FloatTensor, batchIndex: number): [number, number, number] {
  const dims = logits.dims;
  if (dims.length !== 4) throw new Error(`logits must be [N,C,h,w], got [${dims.join(',')}]`);
  const [n, c, h, w] = dims;
  if (logits.data.length !== n * c * h * w) throw new Error(`logits hold ${logits.data.length} values, dims [${dims.join(',')}] need ${n * c * h * w}`);
  if (!Number.isInteger(batchIndex) || batchIndex < 0 || batchIndex >= n) throw new Error(`batch index ${batchIndex} is outside 0..${n - 1}`);
  if (c < 1) throw new Error('logits have no channels');
  return [c, h, w];
}

function classLut(channels: number, channelToClass: readonly number[] | undefined): Uint8Array {
  if (channelToClass !== undefined && channelToClass.length !== channels) {
    throw new Error(`channelToClass has ${channelToClass.length} entries but the logits have ${channels} channels`);
  }
  if (channelToClass === undefined && channels > 255) throw new Error(`logits have ${channels} channels; at most 255 fit a label map`);
  const lut = new Uint8Array(channels);
  for (let k = 0; k < channels; k++) lut[k] = channelToClass === undefined ? k : channelToClass[k];
  return lut;
}

function argmaxExact(src: Float32Array, channels: number, plane: number, classOf: Uint8Array, out: Uint8Array): number {
  const winner = sourceArgmax(src, channels, plane);
  let nanPixels = 0;
  for (let i = 0; i < plane; i++) {
    const c = winner[i];
    if (c < 0) nanPixels++;
    out[i] = c < 0 ? IGNORE_ID : classOf[c];
  }
  return nanPixels;
}

/** Per output coordinate: the two source indices and their weights along one axis. */
interface AxisTaps {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly w1: Float64Array;
}

/**
 * PyTorch's source index for align_corners=false: src = (dst + 0.5) · in/out − 0.5, clamped at 0; the
 * second tap is clamped at the edge. A zero-weight tap points at the first one so that a NaN next door
 * cannot leak in through 0 · NaN.
 */
function axisTaps(inSize: number, outSize: number): AxisTaps {
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const w1 = new Float64Array(outSize);
  const scale = inSize / outSize;
  for (let d = 0; d < outSize; d++) {
    const s = Math.max((d + 0.5) * scale - 0.5, 0);
    const a = Math.min(Math.floor(s), inSize - 1);
    const frac = a < inSize - 1 ? s - a : 0;
    i0[d] = a;
    i1[d] = frac > 0 ? a + 1 : a;
    w1[d] = frac;
  }
  return { i0, i1, w1 };
}

/** The winning channel of every source pixel (ties → lowest channel), or −1 where a logit is NaN. */
function sourceArgmax(src: Float32Array, channels: number, plane: number): Int16Array {
  const winner = new Int16Array(plane);
  for (let i = 0; i < plane; i++) {
    let best = 0;
    let bestValue = src[i];
    let nan = bestValue !== bestValue;
    for (let k = 1, p = i + plane; k < channels; k++, p += plane) {
      const v = src[p];
      if (v > bestValue) {
        bestValue = v;
        best = k;
      } else if (v !== v) nan = true;
    }
    winner[i] = nan ? -1 : best;
  }
  return winner;
}

/**
 * Resamples and takes the argmax row by row. Where one channel wins at all four source taps of an output pixel, it wins
 * the interpolated pixel too (a convex combination of values it dominates at every tap; rounding is monotonic), so
 * the pixel takes it without interpolating; only pixels near a class boundary are interpolated channel by channel.
 */
function argmaxResampled(src: Float32Array, channels: number, from: Size, to: Size, classOf: Uint8Array, out: Uint8Array): number {
  const plane = from.width * from.height;
  const ys = axisTaps(from.height, to.height);
  const xs = axisTaps(from.width, to.width);
  const winner = sourceArgmax(src, channels, plane);
  // One source row per channel, already interpolated vertically: rows[k * from.width + x]; blended only when needed.
  const rows = new Float64Array(channels * from.width);
  // Per output column, the class when one channel wins all four taps, else −1; shared by output rows with the same taps.
  const settled = new Int16Array(to.width);
  let nanPixels = 0;
  for (let y = 0, last = -1; y < to.height; y++) {
    const r0 = ys.i0[y] * from.width;
    const r1 = ys.i1[y] * from.width;
    if (r0 * (from.height + 1) + r1 !== last) settleColumns(winner, r0, r1, xs, classOf, settled);
    last = r0 * (from.height + 1) + r1;
    let blended = false;
    const base = y * to.width;
    for (let x = 0; x < to.width; x++) {
      const c = settled[x];
      if (c >= 0) {
        out[base + x] = c;
        continue;
      }
      if (!blended) blendRows(src, channels, plane, from.width, r0, r1, ys.w1[y], rows);
      blended = true;
      nanPixels += argmaxPixel(rows, channels, from.width, xs, x, classOf, out, base);
    }
  }
  return nanPixels;
}

/** For source rows r0 and r1: per output column, the class of the channel winning all four taps, or −1. */
function settleColumns(winner: Int16Array, r0: number, r1: number, xs: AxisTaps, classOf: Uint8Array, settled: Int16Array): void {
  for (let x = 0; x < settled.length; x++) {
    const a = xs.i0[x];
    const b = xs.i1[x];
    const c = winner[r0 + a];
    settled[x] = c >= 0 && winner[r0 + b] === c && winner[r1 + a] === c && winner[r1 + b] === c ? classOf[c] : -1;
  }
}

function blendRows(src: Float32Array, channels: number, plane: number, width: number, r0: number, r1: number, w1: number, rows: Float64Array): void {
  const w0 = 1 - w1;
  for (let k = 0; k < channels; k++) {
    const a = k * plane + r0;
    const b = k * plane + r1;
    const o = k * width;
    if (w1 === 0) for (let x = 0; x < width; x++) rows[o + x] = src[a + x];
    else for (let x = 0; x < width; x++) rows[o + x] = w0 * src[a + x] + w1 * src[b + x];
  }
}

/** The interpolated argmax of output pixel x of a row whose channels are blended vertically into `rows`; 1 when it is NaN. */
function argmaxPixel(rows: Float64Array, channels: number, width: number, xs: AxisTaps, x: number, classOf: Uint8Array, out: Uint8Array, outBase: number): number {
  const a = xs.i0[x];
  const b = xs.i1[x];
  const wb = xs.w1[x];
  const wa = 1 - wb;
  let best = 0;
  let bestValue = wb === 0 ? rows[a] : wa * rows[a] + wb * rows[b];
  let nan = bestValue !== bestValue;
  for (let k = 1, o = width; k < channels; k++, o += width) {
    const v = wb === 0 ? rows[o + a] : wa * rows[o + a] + wb * rows[o + b];
    if (v > bestValue) {
      bestValue = v;
      best = k;
    } else if (v !== v) nan = true;
  }
  out[outBase + x] = nan ? IGNORE_ID : classOf[best];
  return nan ? 1 : 0;
}
