import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { ijgTable, jpegQuality, jpegQuantTables } from '../../../src/core/distribution/attributes/jpegQuality';
import { measureAttributes } from '../../../src/core/distribution/attributes/measureAttributes';
import { prng } from '../../helpers/prng';

/** A 64×48 test picture: smooth gradients with seeded texture, so every coefficient band has something to quantise. */
function picture(channels: 1 | 3): Buffer {
  const rand = prng(3);
  const data = Buffer.alloc(64 * 48 * channels);
  for (let i = 0; i < 64 * 48; i++) for (let c = 0; c < channels; c++) data[i * channels + c] = Math.min(255, ((i % 64) * 3 + Math.floor(i / 64) * (c + 1) + rand() * 40) | 0);
  return data;
}

async function encode(quality: number, channels: 1 | 3 = 3): Promise<Uint8Array> {
  const raw = sharp(picture(channels), { raw: { width: 64, height: 48, channels } });
  return new Uint8Array(await (channels === 1 ? raw.toColourspace('b-w') : raw).jpeg({ quality }).toBuffer());
}

test('the quality a JPEG was encoded with is read back from its quantisation tables', async () => {
  for (const quality of [10, 23, 35, 50, 64, 75, 88, 95]) {
    const bytes = await encode(quality);
    const estimate = jpegQuality(bytes);
    assert.ok(estimate !== undefined && Math.abs(estimate - quality) <= 5, `q ${quality}: estimated ${estimate}`);
    assert.equal(measureAttributes({ imageBytes: bytes, concepts: [] }).values.jpegQuality, estimate);
  }
});

test('a greyscale JPEG (one table) is read too; PNG and other bytes have no JPEG quality', async () => {
  const grey = await encode(60, 1);
  assert.equal(jpegQuantTables(grey).size, 1);
  const estimate = jpegQuality(grey);
  assert.ok(estimate !== undefined && Math.abs(estimate - 60) <= 5, `estimated ${estimate}`);
  const png = new Uint8Array(await sharp(picture(3), { raw: { width: 64, height: 48, channels: 3 } }).png().toBuffer());
  assert.equal(jpegQuality(png), undefined);
  assert.equal('jpegQuality' in measureAttributes({ imageBytes: png, concepts: [] }).values, false);
  assert.equal(jpegQuality(new Uint8Array([0xff, 0xd8, 0xff])), undefined);
  assert.equal(jpegQuality(new Uint8Array(0)), undefined);
});

test('the file\'s luminance table is the IJG-scaled standard table (zig-zag order undone)', async () => {
  const table = jpegQuantTables(await encode(75)).get(0);
  const base = ijgTable(Array.from({ length: 64 }, () => 1), 50);
  assert.deepEqual(base, new Array(64).fill(1));
  const annexK75 = [8, 6, 5, 8, 12, 20, 26, 31, 6, 6, 7, 10, 13, 29, 30, 28];
  assert.deepEqual(table?.slice(0, 16), annexK75, 'first two rows of the standard luminance table at quality 75');
});
