import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadLabel } from '../../../src/core/dataset/labelLoader';
import type { LabelSource } from '../../../src/core/dataset/datasetIndex';
import type { Rgb } from '../../../src/core/schema/labelSchema';
import { CAMHQ_FACE, drawFace, paintLabels, schemaColours, writeGrayPng, writePalettePng, writeRgb } from '../../helpers/fixtures';
import { CAMHQ_SCHEMA, FACE_SIZE, HELEN_SCHEMA, countIds, filledMap, p, realAdapters, withRect } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const { files, decoder } = realAdapters();
const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);

/** Loads a label source in a schema (CelebAMask-HQ unless told). */
function load(source: LabelSource, schema = CAMHQ_SCHEMA) {
  return loadLabel(source, schema, files, decoder);
}

/** Asserts that `promise` rejects with a message equal to `expected`. */
async function rejectsWith(promise: Promise<unknown>, expected: string): Promise<void> {
  await assert.rejects(promise, (e: Error) => {
    assert.equal(e.message, expected);
    return true;
  });
}

describe('loadLabel: single mask files', () => {
  let tmp: TempDir;
  before(() => {
    tmp = makeTempDir('facegap-label-');
  });
  after(() => tmp.remove());

  it('reads a grayscale PNG as class ids', async () => {
    const file = await writeGrayPng(p(tmp.dir, 'gray.png'), face);
    const loaded = await load({ kind: 'mask', path: file });
    assert.equal(loaded.encoding, 'class ids');
    assert.deepEqual(loaded.map.data, face.data);
  });

  it('keeps palette indices, not palette colours', async () => {
    const rainbow: Rgb[] = Array.from({ length: 19 }, (_, i) => [(i * 37) % 256, (i * 91) % 256, 255 - i]);
    const file = await writePalettePng(p(tmp.dir, 'palette.png'), face, rainbow);
    const loaded = await load({ kind: 'mask', path: file });
    assert.equal(loaded.encoding, 'palette indices');
    assert.deepEqual([loaded.map.width, loaded.map.height], [FACE_SIZE, FACE_SIZE]);
    assert.deepEqual(loaded.map.data, face.data);
  });

  it('turns an RGB mask in the schema colours into ids', async () => {
    const file = await writeRgb(p(tmp.dir, 'colours.png'), paintLabels(face, schemaColours(CAMHQ_SCHEMA)));
    const loaded = await load({ kind: 'mask', path: file });
    assert.equal(loaded.encoding, 'RGB colours');
    assert.deepEqual(loaded.map.data, face.data);
  });

  it('rejects an RGB mask with a colour the schema lacks, naming the file, colour and pixel count', async () => {
    const colours = schemaColours(CAMHQ_SCHEMA);
    colours.set(13, [1, 2, 3]);
    const file = await writeRgb(p(tmp.dir, 'odd-colour.png'), paintLabels(face, colours));
    const hair = countIds(face).get(13)!;
    await rejectsWith(
      load({ kind: 'mask', path: file }),
      `${file}: colours not in the celebamask-hq palette: rgb(1,2,3) ×${hair}; an RGB mask must use the schema's colours exactly`,
    );
  });

  it('rejects a class id the schema does not have, naming the file, the id and its pixel count', async () => {
    const file = await writeGrayPng(p(tmp.dir, 'id23.png'), withRect(face, 0, 0, 5, 2, 23));
    await rejectsWith(load({ kind: 'mask', path: file }), `${file}: class id 23 (10 px) not in schema celebamask-hq (ids 0–18, 255 = ignore)`);
  });

  it('accepts the ignore id 255 in a grayscale mask', async () => {
    const file = await writeGrayPng(p(tmp.dir, 'ignore.png'), withRect(face, 0, 0, 8, 8, 255));
    const loaded = await load({ kind: 'mask', path: file });
    assert.equal(countIds(loaded.map).get(255), 64);
  });
});

describe('loadLabel: CelebAMask-HQ part masks', () => {
  let tmp: TempDir;
  before(() => {
    tmp = makeTempDir('facegap-parts-');
  });
  after(() => tmp.remove());

  /** Writes binary part masks (255 inside the rectangle) and returns them in file-name order, as a listing gives them. */
  async function writeParts(parts: Record<string, [number, number, number, number]>, size = 16) {
    const written = await Promise.all(Object.entries(parts).map(async ([className, [x0, y0, x1, y1]]) => ({
      className,
      path: await writeGrayPng(p(tmp.dir, `00000_${className}.png`), withRect(filledMap(size, size, 0), x0, y0, x1, y1, 255)),
    })));
    return written.sort((a, b) => a.path.localeCompare(b.path));
  }

  it('paints parts in the official order whatever the file order: hair over skin, cloth over neck', async () => {
    const parts = await writeParts({ skin: [2, 2, 10, 10], hair: [0, 0, 16, 4], neck: [4, 8, 12, 14], cloth: [0, 12, 16, 16] });
    assert.deepEqual(parts.map((x) => x.className), ['cloth', 'hair', 'neck', 'skin']);
    const loaded = await load({ kind: 'parts', parts });
    assert.equal(loaded.encoding, 'per-part masks');
    const at = (x: number, y: number) => loaded.map.data[y * 16 + x];
    assert.equal(at(5, 3), 13, 'hair and skin overlap: hair (13) wins');
    assert.equal(at(5, 5), 1, 'skin only');
    assert.equal(at(5, 9), 17, 'neck (17) over skin (1)');
    assert.equal(at(5, 13), 18, 'neck and cloth overlap: cloth (18) wins');
    assert.equal(at(14, 6), 0, 'no part: background');
    // hair 16×4 = 64; skin 8×8 = 64 minus 2 rows under hair (16) and 2 rows under neck (12) = 36;
    // neck 8×6 = 48 minus 2 rows under cloth (16) = 32; cloth 16×4 = 64; background the rest.
    assert.deepEqual(Object.fromEntries(countIds(loaded.map)), { 0: 256 - 64 - 36 - 32 - 64, 1: 36, 13: 64, 17: 32, 18: 64 });
  });

  it('rejects parts of different sizes, naming the odd file', async () => {
    const parts = await writeParts({ skin: [0, 0, 4, 4] });
    const big = await writeGrayPng(p(tmp.dir, '00000_nose.png'), filledMap(32, 32, 255));
    await assert.rejects(load({ kind: 'parts', parts: [...parts, { className: 'nose', path: big }] }), (e: Error) => {
      assert.ok(e.message.includes(big) && e.message.includes('32×32') && e.message.includes('16×16'), e.message);
      return true;
    });
  });

  it('rejects a part name that is not a class of the schema', async () => {
    const parts = await writeParts({ skin: [0, 0, 4, 4] });
    await rejectsWith(load({ kind: 'parts', parts: [{ className: 'beard', path: parts[0].path }] }), `${parts[0].path}: part "beard" is not a class of celebamask-hq`);
  });
});

describe('loadLabel: Helen probability maps', () => {
  let tmp: TempDir;
  before(() => {
    tmp = makeTempDir('facegap-helen-maps-');
  });
  after(() => tmp.remove());

  /** Writes 11 probability maps whose value at (x, y) is `value(k, x, y)`, returning their paths in class order. */
  async function writeMaps(width: number, height: number, value: (k: number, x: number, y: number) => number): Promise<string[]> {
    return Promise.all(Array.from({ length: 11 }, (_, k) => {
      const data = new Uint8Array(width * height);
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = value(k, x, y);
      return writeGrayPng(p(tmp.dir, `face_lbl${String(k).padStart(2, '0')}.png`), { width, height, data });
    }));
  }

  it('takes the per-pixel argmax; on ties the lowest class id wins', async () => {
    // Row 0: class x is strongest at column x. Row 1: classes x and 10 − x tie at 150. Row 2: all maps 0.
    const paths = await writeMaps(11, 3, (k, x, y) => (y === 0 ? (k === x ? 200 : 100) : y === 1 ? (k === x || k === 10 - x ? 150 : 20) : 0));
    const loaded = await load({ kind: 'probabilityMaps', paths }, HELEN_SCHEMA);
    assert.equal(loaded.encoding, 'probability maps');
    const row = (y: number) => [...loaded.map.data.subarray(y * 11, y * 11 + 11)];
    assert.deepEqual(row(0), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(row(1), [0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0]);
    assert.deepEqual(row(2), new Array(11).fill(0));
  });

  it('rejects maps of different sizes, naming the odd file', async () => {
    const paths = await writeMaps(8, 8, (k) => k * 10);
    const odd = await writeGrayPng(p(tmp.dir, 'face_lbl05.png'), filledMap(9, 8, 0));
    await assert.rejects(load({ kind: 'probabilityMaps', paths }, HELEN_SCHEMA), (e: Error) => {
      assert.equal(e.message, `${odd}: probability map is 9×8, but ${paths[0]} is 8×8`);
      return true;
    });
  });
});
