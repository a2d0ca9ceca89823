import sharp from 'sharp';
import type { DecodedMask, ImageDecoder, ImageInfo, ResizeKernel } from '../../core/ports/imageDecoder';
import type { LabelMap } from '../../core/raster/labelMap';
import type { RgbImage, Size } from '../../core/raster/rgbImage';
import { readPngHeader, readPngPalette } from './pngHeader';

/** Images and masks beyond this many pixels (100 megapixels) are refused from their header, before any decoding. */
export const MAX_IMAGE_PIXELS = 100_000_000;

const SHARP_OPTIONS = { failOn: 'warning', limitInputPixels: MAX_IMAGE_PIXELS } as const;

/** Decodes images with sharp, and palette or 16-bit PNG masks with fast-png (sharp loses palette indices). */
export class SharpImageDecoder implements ImageDecoder {
  /** Reads the header only. */
  async probe(bytes: Uint8Array, name: string): Promise<ImageInfo> {
    const meta = await wrap(name, bytes, () => sharp(bytes, SHARP_OPTIONS).metadata());
    if (!hasEndMarker(bytes, meta.format)) throw new Error(`${name}: truncated or corrupt: the ${meta.format?.toUpperCase()} data stops before its end marker`);
    return {
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      channels: meta.channels ?? 0,
      format: meta.format ?? 'unknown',
      isPalette: meta.isPalette === true,
      bitDepth: meta.depth === 'ushort' ? 16 : 8,
    };
  }

  /** Decodes to 8-bit RGB (alpha dropped, grayscale expanded), optionally stretched to a size. */
  async decodeRgb(bytes: Uint8Array, name: string, resize?: { size: Size; kernel: ResizeKernel }): Promise<RgbImage> {
    return wrap(name, bytes, async () => {
      let pipeline = sharp(bytes, SHARP_OPTIONS).removeAlpha().toColourspace('srgb');
      if (resize) {
        pipeline = pipeline.resize(resize.size.width, resize.size.height, { fit: 'fill', kernel: resize.kernel });
      }
      const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
      if (info.channels !== 3) throw new Error(`expected 3 channels after conversion, got ${info.channels}`);
      return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
    });
  }

  /** Decodes a mask: palette PNGs keep their indices; gray stays ids; RGB with equal channels counts as gray. */
  async decodeMask(bytes: Uint8Array, name: string): Promise<DecodedMask> {
    const header = readPngHeader(bytes);
    if (header && header.width * header.height > MAX_IMAGE_PIXELS) throw new Error(oversizeMessage(name, header.width, header.height));
    if (header?.colorType === 3 && header.interlaced && header.bitDepth < 8) return decodeInterlacedPalette(bytes, name);
    if (header && (header.colorType === 3 || header.bitDepth === 16)) return decodeWithFastPng(bytes, name, await loadFastPng());
    if (header && (header.colorType === 0 || header.colorType === 4)) return decodeGrayPng(bytes, name);
    const raw = await wrap(name, bytes, () => sharp(bytes, SHARP_OPTIONS).raw().toBuffer({ resolveWithObject: true }));
    const { width, height, channels } = raw.info;
    const data = new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.length);
    if (channels <= 2) return { kind: 'ids', map: { width, height, data: firstChannel(data, channels) } };
    const rgb = dropAlpha(data, channels);
    if (isGrayRgb(rgb)) return { kind: 'ids', map: { width, height, data: firstChannel(rgb, 3) } };
    return { kind: 'rgb', image: { width, height, data: rgb } };
  }

  /** Decodes the first channel (red for colour files, palette colours resolved) as 8-bit values. */
  async decodeGray(bytes: Uint8Array, name: string): Promise<LabelMap> {
    const raw = await wrap(name, bytes, () => sharp(bytes, SHARP_OPTIONS).raw().toBuffer({ resolveWithObject: true }));
    const { width, height, channels } = raw.info;
    const data = new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.length);
    return { width, height, data: firstChannel(data, channels) };
  }
}

/** Headers survive truncation, end markers do not: PNG ends with an IEND chunk, JPEG with FF D9 (trailing bytes allowed). */
function hasEndMarker(bytes: Uint8Array, format: string | undefined): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  if (format === 'png') return Buffer.from(tail).includes('IEND');
  if (format === 'jpeg') {
    for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
    return false;
  }
  return true;
}

async function wrap<T>(name: string, bytes: Uint8Array, work: () => Promise<T>): Promise<T> {
  if (bytes.length === 0) throw new Error(`${name}: cannot decode image (empty file, 0 bytes)`);
  try {
    return await work();
  } catch (error) {
    if (/pixel limit/i.test(error instanceof Error ? error.message : '')) {
      const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => ({ width: 0, height: 0 }));
      throw new Error(oversizeMessage(name, meta.width ?? 0, meta.height ?? 0));
    }
    throw new Error(`${name}: cannot decode image (${describeSharpError(error)})`);
  }
}

/** The refusal of an image over MAX_IMAGE_PIXELS, with its size. */
function oversizeMessage(name: string, width: number, height: number): string {
  const megapixels = ((width * height) / 1e6).toFixed(1);
  return `${name}: image is ${width}×${height} (${megapixels} megapixels), over the ${MAX_IMAGE_PIXELS / 1e6}-megapixel limit; it is not decoded`;
}

function describeSharpError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/unsupported image format/i.test(message)) return 'not an image file, or an unsupported format';
  // libvips keeps one error buffer per thread: earlier lines may come from other files decoded alongside.
  if (/premature end|truncated|read error|end of file/i.test(message)) return `truncated or corrupt: ${message.trim().split('\n').pop()}`;
  if (/treated as error due to failOn/i.test(message)) return 'truncated or corrupt: the decoder reported damaged data';
  return message.trim().split('\n')[0];
}

type FastPng = typeof import('fast-png', { with: { 'resolution-mode': 'import' } });
let fastPng: Promise<FastPng> | undefined;

/** fast-png is an ES module; loaded on first use from this CommonJS code. */
function loadFastPng(): Promise<FastPng> {
  fastPng ??= import('fast-png');
  return fastPng;
}

function decodeWithFastPng(bytes: Uint8Array, name: string, lib: FastPng): DecodedMask {
  let png: ReturnType<FastPng['decode']>;
  try {
    png = lib.decode(bytes);
  } catch (error) {
    throw new Error(`${name}: cannot decode PNG (${error instanceof Error ? error.message : String(error)})`);
  }
  const { width, height, channels, depth } = png;
  if (png.palette) {
    const indices = unpackIndices(png.data as Uint8Array, width, height, depth);
    const palette = png.palette.map((c) => [c[0], c[1], c[2]] as const);
    return { kind: 'palette', map: { width, height, data: indices }, palette };
  }
  if (channels > 2) throw new Error(`${name}: 16-bit colour masks are not supported; save masks as 8-bit class ids`);
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const v = png.data[i * channels];
    if (v > 255) throw new Error(`${name}: 16-bit mask holds value ${v}; class ids must be 0–255`);
    out[i] = v;
  }
  return { kind: 'ids', map: { width, height, data: out } };
}

/** fast-png returns sub-byte palette indices packed per row; spread them to one byte per pixel. */
function unpackIndices(data: Uint8Array, width: number, height: number, depth: number): Uint8Array {
  if (depth === 8) return new Uint8Array(data.buffer, data.byteOffset, width * height).slice();
  const out = new Uint8Array(width * height);
  const perByte = 8 / depth;
  const rowBytes = Math.ceil(width / perByte);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const byte = data[y * rowBytes + Math.floor(x / perByte)];
      const shift = 8 - depth * ((x % perByte) + 1);
      out[y * width + x] = (byte >> shift) & mask;
    }
  }
  return out;
}

/**
 * fast-png 8 cannot de-interlace sub-byte palette rows, so sharp decodes the colours and each colour is looked up
 * in the PLTE chunk; a colour listed twice would make the index ambiguous and is refused.
 */
async function decodeInterlacedPalette(bytes: Uint8Array, name: string): Promise<DecodedMask> {
  const palette = readPngPalette(bytes);
  const indexOf = new Map<number, number>();
  const repeated = new Set<number>();
  palette.forEach(([r, g, b], i) => {
    const key = (r << 16) | (g << 8) | b;
    if (indexOf.has(key)) repeated.add(key);
    else indexOf.set(key, i);
  });
  const raw = await wrap(name, bytes, () => sharp(bytes, SHARP_OPTIONS).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true }));
  const { width, height } = raw.info;
  const data = new Uint8Array(width * height);
  for (let p = 0; p < data.length; p++) {
    const key = (raw.data[p * 3] << 16) | (raw.data[p * 3 + 1] << 8) | raw.data[p * 3 + 2];
    const index = indexOf.get(key);
    if (index === undefined || repeated.has(key)) {
      throw new Error(`${name}: interlaced palette PNG whose palette repeats or lacks a colour; save the mask without interlacing`);
    }
    data[p] = index;
  }
  return { kind: 'palette', map: { width, height, data }, palette };
}

/** A grayscale PNG holds ids already: its one channel is taken as is, not expanded to RGB and checked for grey. */
async function decodeGrayPng(bytes: Uint8Array, name: string): Promise<DecodedMask> {
  const raw = await wrap(name, bytes, () => sharp(bytes, SHARP_OPTIONS).extractChannel(0).raw().toBuffer({ resolveWithObject: true }));
  const { width, height } = raw.info;
  return { kind: 'ids', map: { width, height, data: new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.length) } };
}

function firstChannel(data: Uint8Array, channels: number): Uint8Array {
  if (channels === 1) return data.slice();
  const out = new Uint8Array(data.length / channels);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) out[i] = data[j];
  return out;
}

function dropAlpha(data: Uint8Array, channels: number): Uint8Array {
  if (channels === 3) return data;
  const pixels = data.length / channels;
  const out = new Uint8Array(pixels * 3);
  for (let i = 0, j = 0; i < pixels; i++, j += channels) {
    out[i * 3] = data[j];
    out[i * 3 + 1] = data[j + 1];
    out[i * 3 + 2] = data[j + 2];
  }
  return out;
}

function isGrayRgb(rgb: Uint8Array): boolean {
  for (let i = 0; i < rgb.length; i += 3) {
    if (rgb[i] !== rgb[i + 1] || rgb[i] !== rgb[i + 2]) return false;
  }
  return true;
}
