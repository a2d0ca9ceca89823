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
 * the pixel takes it without interpolating. Pixels near a class boundary are interpolated, but only for the channels
 * that can still win between their four taps (see TapCandidates).
 */
function argmaxResampled(src: Float32Array, channels: number, from: Size, to: Size, classOf: Uint8Array, out: Uint8Array): number {
  const plane = from.width * from.height;
  const ys = axisTaps(from.height, to.height);
  const xs = axisTaps(from.width, to.width);
  const winner = sourceArgmax(src, channels, plane);
  const settled = new SettledColumns(to.width);
  const candidates = new TapCandidates(src, channels, from);
  let nanPixels = 0;
  for (let y = 0, last = -1; y < to.height; y++) {
    const r0 = ys.i0[y] * from.width;
    const r1 = ys.i1[y] * from.width;
    if (r0 * (from.height + 1) + r1 !== last) {
      settled.settle(winner, r0, r1, xs, classOf);
      candidates.useRows(r0, r1);
    }
    last = r0 * (from.height + 1) + r1;
    const base = y * to.width;
    out.set(settled.row, base);
    const { open, openCount } = settled;
    for (let j = 0; j < openCount; j++) nanPixels += interpolatedPixel(candidates, ys.w1[y], xs, open[j], classOf, out, base + open[j]);
  }
  return nanPixels;
}

/**
 * For one pair of source rows, shared by the output rows between them: per output column the class when one channel
 * wins all four taps (copied into each output row at once), and the columns left open, to be interpolated.
 */
class SettledColumns {
  readonly row: Uint8Array;
  readonly open: Int32Array;
  openCount = 0;

  constructor(width: number) {
    this.row = new Uint8Array(width);
    this.open = new Int32Array(width);
  }

  /** Works the columns out for source rows r0 and r1 (offsets into a plane). */
  settle(winner: Int16Array, r0: number, r1: number, xs: AxisTaps, classOf: Uint8Array): void {
    let n = 0;
    for (let x = 0; x < this.row.length; x++) {
      const a = xs.i0[x];
      const b = xs.i1[x];
      const c = winner[r0 + a];
      if (c >= 0 && winner[r0 + b] === c && winner[r1 + a] === c && winner[r1 + b] === c) this.row[x] = classOf[c];
      else this.open[n++] = x;
    }
    this.openCount = n;
  }
}

/**
 * The interpolated argmax of one output pixel, computed exactly as the channel-by-channel reference does (vertical
 * blend first, in doubles) but over the candidate channels only; 1 when the pixel is NaN.
 */
function interpolatedPixel(candidates: TapCandidates, wy: number, xs: AxisTaps, x: number, classOf: Uint8Array, out: Uint8Array, at: number): number {
  const a = xs.i0[x];
  const b = xs.i1[x];
  const wb = xs.w1[x];
  const count = candidates.at(a);
  const list = candidates.list;
  const offset = a * candidates.channels;
  const all = count < 0;
  const n = all ? candidates.channels : count;
  let best = -1;
  let bestValue = 0;
  for (let j = 0; j < n; j++) {
    const k = all ? j : list[offset + j];
    const v = candidates.value(k, wy, a, b, wb);
    if (v !== v) {
      out[at] = IGNORE_ID;
      return 1;
    }
    if (best < 0 || v > bestValue) {
      bestValue = v;
      best = k;
    }
  }
  out[at] = classOf[best];
  return 0;
}

/**
 * Per column a of the current pair of source rows: the channels that can win some output pixel whose taps lie in
 * columns a and a + 1. An interpolated value lies between its taps' minimum and maximum, so a channel whose largest
 * tap is below another channel's smallest tap (by more than rounding could bridge) never wins there. A NaN among the
 * taps marks the column for the full computation (count −1), which spreads a NaN only where it is blended in.
 */
class TapCandidates {
  readonly channels: number;
  private readonly plane: number;
  private readonly width: number;
  private readonly stamp: Int32Array;
  private readonly counts: Int16Array;
  /** The candidates of column a from index a · channels. */
  readonly list: Int16Array;
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private rows = 0;
  private r0 = 0;
  private r1 = 0;

  constructor(
    private readonly src: Float32Array,
    channels: number,
    from: Size,
  ) {
    this.channels = channels;
    this.plane = from.width * from.height;
    this.width = from.width;
    this.stamp = new Int32Array(from.width);
    this.counts = new Int16Array(from.width);
    this.list = new Int16Array(from.width * channels);
    this.low = new Float64Array(channels);
    this.high = new Float64Array(channels);
  }

  /** Starts a new pair of source rows (offsets into a plane); the columns' candidates are worked out as needed. */
  useRows(r0: number, r1: number): void {
    this.rows++;
    this.r0 = r0;
    this.r1 = r1;
  }

  /** How many candidates column a has, listed in ascending order from `list[a · channels]`; −1 means all channels. */
  at(a: number): number {
    if (this.stamp[a] !== this.rows) {
      this.counts[a] = this.compute(a);
      this.stamp[a] = this.rows;
    }
    return this.counts[a];
  }

  /** Channel k bilinearly interpolated at the current rows' weight wy and columns a, b with weight wb. */
  value(k: number, wy: number, a: number, b: number, wb: number): number {
    const { src, r0, r1 } = this;
    const p = k * this.plane;
    const ra = wy === 0 ? src[p + r0 + a] : (1 - wy) * src[p + r0 + a] + wy * src[p + r1 + a];
    if (wb === 0) return ra;
    const rb = wy === 0 ? src[p + r0 + b] : (1 - wy) * src[p + r0 + b] + wy * src[p + r1 + b];
    return (1 - wb) * ra + wb * rb;
  }

  private compute(a: number): number {
    const { src, r0, r1, low, high, channels } = this;
    const b = Math.min(a + 1, this.width - 1);
    let floor = -Infinity;
    let scale = 0;
    for (let k = 0, p = 0; k < channels; k++, p += this.plane) {
      const t0 = src[p + r0 + a], t1 = src[p + r0 + b], t2 = src[p + r1 + a], t3 = src[p + r1 + b];
      if (t0 !== t0 || t1 !== t1 || t2 !== t2 || t3 !== t3) return -1;
      low[k] = Math.min(t0, t1, t2, t3);
      high[k] = Math.max(t0, t1, t2, t3);
      floor = Math.max(floor, low[k]);
      scale = Math.max(scale, Math.abs(low[k]), Math.abs(high[k]));
    }
    // Blending in doubles errs by a few ulps of the taps' magnitude; this margin is far wider, so no winner is dropped.
    const reach = floor - scale * 1e-9;
    let n = 0;
    for (let k = 0, o = a * channels; k < channels; k++) if (high[k] >= reach) this.list[o + n++] = k;
    return n;
  }
}
