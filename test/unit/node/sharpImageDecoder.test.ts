import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { readPngHeader } from '../../../src/node/imaging/pngHeader';
import { SharpImageDecoder } from '../../../src/node/imaging/sharpImageDecoder';
import { CAMHQ_FACE, drawFace } from '../../helpers/fixtures';

type FastPng = typeof import('fast-png', { with: { 'resolution-mode': 'import' } });
const fastPng: Promise<FastPng> = import('fast-png');
const decoder = new SharpImageDecoder();

/** Encodes a PNG with fast-png (an ES module, so loaded dynamically from this CommonJS test). */
async function encode(image: Parameters<FastPng['encode']>[0]): Promise<Uint8Array> {
  return (await fastPng).encode(image);
}
const NAME = 'set/masks/0042.png';
const face = drawFace(32, 32, CAMHQ_FACE);

/** An 8-bit grayscale PNG of a label map. */
async function grayPng(map = face): Promise<Uint8Array> {
  const png = await sharp(map.data, { raw: { width: map.width, height: map.height, channels: 1 } }).toColourspace('b-w').png().toBuffer();
  assert.equal(readPngHeader(png)?.colorType, 0, 'grayscale PNG');
  return new Uint8Array(png);
}

/** Packs one-index-per-byte rows into PNG's sub-byte layout (rows start on a byte; first pixel in the high bits). */
function packRows(indices: Uint8Array, width: number, height: number, depth: number): Uint8Array {
  const rowBytes = Math.ceil((width * depth) / 8);
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      out[y * rowBytes + (bit >> 3)] |= indices[y * width + x] << (8 - depth - (bit & 7));
    }
  }
  return out;
}

/** A palette PNG of `depth` bits whose index at pixel i is `index(i) mod 2^depth`. */
async function subBytePalettePng(width: number, height: number, depth: 1 | 2 | 4) {
  const indices = Uint8Array.from({ length: width * height }, (_, i) => (i * 5 + (i >> 3)) % (1 << depth));
  const palette = Array.from({ length: 1 << depth }, (_, k): [number, number, number] => [k * 10, 200 - k * 10, 7]);
  return { indices, bytes: await encode({ width, height, data: packRows(indices, width, height, depth), depth, channels: 1, palette }) };
}

/** Asserts that `work` rejects with a message that names NAME. */
async function rejectsNamingFile(work: Promise<unknown>, pattern?: RegExp): Promise<void> {
  await assert.rejects(work, (e: Error) => {
    assert.ok(e.message.startsWith(`${NAME}: `), e.message);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

describe('SharpImageDecoder: broken input', () => {
  it('rejects a zero-byte file in every method, naming it', async () => {
    const empty = new Uint8Array(0);
    await rejectsNamingFile(decoder.probe(empty, NAME));
    await rejectsNamingFile(decoder.decodeRgb(empty, NAME));
    await rejectsNamingFile(decoder.decodeMask(empty, NAME));
    await rejectsNamingFile(decoder.decodeGray(empty, NAME));
  });

  it('rejects a truncated grayscale PNG mask, naming it', async () => {
    const png = await grayPng();
    const half = png.subarray(0, png.length >> 1);
    await rejectsNamingFile(decoder.decodeMask(half, NAME), /truncated or corrupt/);
    await rejectsNamingFile(decoder.decodeGray(half, NAME), /truncated or corrupt/);
  });

  it('rejects a truncated palette PNG mask (fast-png path), naming it', async () => {
    const { bytes } = await subBytePalettePng(32, 32, 4);
    await rejectsNamingFile(decoder.decodeMask(bytes.subarray(0, bytes.length >> 1), NAME), /cannot decode PNG/);
  });

  it('rejects a truncated JPEG when decoding pixels, naming it', async () => {
    const jpeg = await sharp(Buffer.alloc(32 * 32 * 3, 120), { raw: { width: 32, height: 32, channels: 3 } }).jpeg().toBuffer();
    await rejectsNamingFile(decoder.decodeRgb(new Uint8Array(jpeg.subarray(0, jpeg.length >> 1)), NAME));
  });

  it('rejects bytes that are no image, naming it', async () => {
    await rejectsNamingFile(decoder.probe(new TextEncoder().encode('just some text, not an image at all'), NAME), /not an image file/);
  });
});

describe('SharpImageDecoder: mask encodings', () => {
  for (const depth of [1, 2, 4] as const) {
    it(`unpacks ${depth}-bit palette indices, rows not ending on a byte`, async () => {
      const { indices, bytes } = await subBytePalettePng(13, 5, depth);
      assert.deepEqual(readPngHeader(bytes), { width: 13, height: 5, bitDepth: depth, colorType: 3, interlaced: false });
      // libvips reads the test file independently: its red channel is palette[index][0] = 10 × index.
      const { data: viaSharp, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      assert.deepEqual([...indices].map((_, i) => viaSharp[i * info.channels] / 10), [...indices], 'test PNG is packed as PNG requires');
      const mask = await decoder.decodeMask(bytes, NAME);
      assert.equal(mask.kind, 'palette');
      if (mask.kind !== 'palette') return;
      assert.deepEqual([mask.map.width, mask.map.height], [13, 5]);
      assert.deepEqual(mask.map.data, indices);
      assert.deepEqual(mask.palette[1], [10, 190, 7]);
    });
  }

  // fast-png 8.0.0 de-interlaces Adam7 data as if every pixel filled at least one byte; the decoder works around it.
  it('decodes an interlaced (Adam7) 1-bit palette PNG mask to the right indices', async () => {
    const binary = drawFace(16, 16, CAMHQ_FACE).data.map((v) => (v === 13 ? 255 : 0));
    const rgb = new Uint8Array(binary.length * 3);
    binary.forEach((v, i) => rgb.fill(v, i * 3, i * 3 + 3));
    const png = await sharp(rgb, { raw: { width: 16, height: 16, channels: 3 } }).png({ palette: true, colours: 2, progressive: true, dither: 0 }).toBuffer();
    assert.deepEqual([readPngHeader(png)?.bitDepth, readPngHeader(png)?.colorType, png[28]], [1, 3, 1], '1-bit palette, interlaced');
    const mask = await decoder.decodeMask(new Uint8Array(png), NAME);
    assert.equal(mask.kind, 'palette');
    if (mask.kind !== 'palette') return;
    assert.deepEqual([...mask.map.data].map((index) => mask.palette[index][0]), [...binary]);
  });

  it('decodes an interlaced (Adam7) 8-bit palette PNG mask to the right indices', async () => {
    const rgb = Uint8Array.from({ length: 16 * 16 * 3 }, (_, i) => (i % 3 === 0 ? ((i / 3) % 40) * 6 : 0));
    const png = await sharp(rgb, { raw: { width: 16, height: 16, channels: 3 } }).png({ palette: true, colours: 64, progressive: true, dither: 0 }).toBuffer();
    assert.deepEqual([readPngHeader(png)?.bitDepth, readPngHeader(png)?.colorType, png[28]], [8, 3, 1], '8-bit palette, interlaced');
    const mask = await decoder.decodeMask(new Uint8Array(png), NAME);
    assert.equal(mask.kind, 'palette');
    if (mask.kind !== 'palette') return;
    assert.deepEqual([...mask.map.data].map((index) => mask.palette[index][0]), Array.from({ length: 256 }, (_, i) => (i % 40) * 6));
  });

  it('decodes a palette PNG that starts inside a larger buffer', async () => {
    const { indices, bytes } = await subBytePalettePng(9, 4, 4);
    const big = new Uint8Array(bytes.length + 11);
    big.set(bytes, 7);
    const mask = await decoder.decodeMask(big.subarray(7, 7 + bytes.length), NAME);
    assert.deepEqual(mask.kind === 'palette' ? mask.map.data : undefined, indices);
  });

  it('keeps 8-bit palette indices', async () => {
    const palette = Array.from({ length: 19 }, (_, k): [number, number, number] => [255 - k, k, 0]);
    const mask = await decoder.decodeMask(await encode({ width: 32, height: 32, data: face.data, depth: 8, channels: 1, palette }), NAME);
    assert.equal(mask.kind, 'palette');
    assert.deepEqual(mask.kind === 'palette' ? mask.map.data : undefined, face.data);
  });

  it('reads a 16-bit grayscale mask with values below 256 as ids', async () => {
    const png = await encode({ width: 32, height: 32, data: Uint16Array.from(face.data), depth: 16, channels: 1 });
    assert.equal(readPngHeader(png)?.bitDepth, 16);
    const mask = await decoder.decodeMask(png, NAME);
    assert.equal(mask.kind, 'ids');
    assert.deepEqual(mask.kind === 'ids' ? mask.map.data : undefined, face.data);
  });

  it('rejects a 16-bit mask holding a value over 255, naming the file and value', async () => {
    const data = Uint16Array.from(face.data);
    data[5] = 1000;
    await rejectsNamingFile(decoder.decodeMask(await encode({ width: 32, height: 32, data, depth: 16, channels: 1 }), NAME), /holds value 1000/);
  });

  it('reads an RGB PNG whose three channels are equal as ids', async () => {
    const rgb = new Uint8Array(face.data.length * 3);
    face.data.forEach((v, i) => rgb.fill(v, i * 3, i * 3 + 3));
    const png = await encode({ width: 32, height: 32, data: rgb, depth: 8, channels: 3 });
    assert.equal(readPngHeader(png)?.colorType, 2);
    const mask = await decoder.decodeMask(png, NAME);
    assert.equal(mask.kind, 'ids');
    assert.deepEqual(mask.kind === 'ids' ? mask.map.data : undefined, face.data);
  });

  it('keeps an RGB PNG with colours as RGB', async () => {
    const rgb = new Uint8Array(4 * 4 * 3).fill(10);
    rgb[7] = 99;
    const mask = await decoder.decodeMask(await encode({ width: 4, height: 4, data: rgb, depth: 8, channels: 3 }), NAME);
    assert.equal(mask.kind, 'rgb');
    assert.deepEqual(mask.kind === 'rgb' ? [...mask.image.data.subarray(6, 9)] : undefined, [10, 99, 10]);
  });

  it('reads an 8-bit grayscale PNG as ids and probes its size', async () => {
    const png = await grayPng();
    const mask = await decoder.decodeMask(png, NAME);
    assert.deepEqual(mask.kind === 'ids' ? mask.map.data : undefined, face.data);
    const info = await decoder.probe(png, NAME);
    assert.deepEqual([info.width, info.height, info.channels, info.format, info.isPalette, info.bitDepth], [32, 32, 1, 'png', false, 8]);
  });
});
