import type { FloatTensor } from '../ports/modelRunner';
import type { RgbImage } from '../raster/rgbImage';
import type { ModelInputSpec } from './modelSpec';

/** Packs images (already resized to the spec's width×height) into one normalised float tensor of batch N. */
export function toInputTensor(images: readonly RgbImage[], spec: { readonly input: ModelInputSpec }): FloatTensor {
  const { width, height, layout } = spec.input;
  if (images.length === 0) throw new Error('toInputTensor: no images');
  const pixels = width * height;
  const data = new Float32Array(images.length * pixels * 3);
  const luts = channelLuts(spec.input);
  images.forEach((image, n) => {
    if (image.width !== width || image.height !== height || image.data.length !== pixels * 3) {
      throw new Error(`toInputTensor: image ${n} is ${image.width}×${image.height}, the model needs ${width}×${height}`);
    }
    const base = n * pixels * 3;
    if (layout === 'NCHW') writePlanar(image.data, data, base, pixels, luts);
    else writeInterleaved(image.data, data, base, pixels, luts);
  });
  const dims = layout === 'NCHW' ? [images.length, 3, height, width] : [images.length, height, width, 3];
  return { data, dims };
}

/**
 * One 256-entry table per tensor channel: value for each 8-bit source level, with the source
 * channel already swapped for BGR. A lookup is cheaper than a multiply-add and gives identical values.
 */
interface ChannelLuts {
  readonly tables: readonly [Float32Array, Float32Array, Float32Array];
  /** Source channel (0 = R, 1 = G, 2 = B) feeding each tensor channel. */
  readonly source: readonly [number, number, number];
}

function channelLuts(input: ModelInputSpec): ChannelLuts {
  const source: [number, number, number] = input.colorOrder === 'BGR' ? [2, 1, 0] : [0, 1, 2];
  const make = (c: number): Float32Array => {
    const table = new Float32Array(256);
    for (let v = 0; v < 256; v++) table[v] = (v * input.scale - input.mean[c]) / input.std[c];
    return table;
  };
  return { tables: [make(0), make(1), make(2)], source };
}

function writePlanar(src: Uint8Array, dst: Float32Array, base: number, pixels: number, luts: ChannelLuts): void {
  for (let c = 0; c < 3; c++) {
    const table = luts.tables[c];
    const offset = base + c * pixels;
    for (let i = 0, s = luts.source[c]; i < pixels; i++, s += 3) dst[offset + i] = table[src[s]];
  }
}

function writeInterleaved(src: Uint8Array, dst: Float32Array, base: number, pixels: number, luts: ChannelLuts): void {
  const [t0, t1, t2] = luts.tables;
  const [s0, s1, s2] = luts.source;
  for (let i = 0, p = 0; i < pixels; i++, p += 3) {
    dst[base + p] = t0[src[p + s0]];
    dst[base + p + 1] = t1[src[p + s1]];
    dst[base + p + 2] = t2[src[p + s2]];
  }
}
