import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import sharp from 'sharp';
import type { LabelMap } from '../../../src/core/raster/labelMap';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { readMaskFile } from '../../../src/node/browse/maskFile';
import { CAMHQ_SCHEMA, countIds, FACE_SIZE, FS_SCHEMA, LAPA_SCHEMA, realAdapters, withRect } from '../../helpers/datasetLayouts';
import { CAMHQ_FACE, drawFace, FS_FACE, LAPA_FACE, paintLabels, schemaColours, writeGrayPng, writePalettePng, writeRgb } from '../../helpers/fixtures';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const adapters = realAdapters();
let tmp: TempDir;
before(() => {
  tmp = makeTempDir('facegap-mask-');
});
after(() => tmp.remove());

const read = (file: string, registry = new SchemaRegistry()) => readMaskFile(file, registry, adapters);
const counted = (map: LabelMap) => [...countIds(map).entries()].sort((a, b) => a[0] - b[0]).map(([id, pixels]) => ({ id, pixels }));

describe('readMaskFile', () => {
  it('reads a grayscale id mask in the schema its class statistics fit, with pixel counts per id', async () => {
    const map = drawFace(FACE_SIZE, FACE_SIZE, FS_FACE);
    const file = await writeGrayPng(path.join(tmp.dir, 'gray', '000001_seg.png'), map);
    const mask = await read(file);
    assert.equal(mask.file, '000001_seg.png');
    assert.equal(mask.schema.id, 'facesynthetics');
    assert.match(mask.schemaReason, /^recognised from its class statistics/);
    assert.deepEqual([mask.pixels.width, mask.pixels.height], [FACE_SIZE, FACE_SIZE]);
    assert.deepEqual([...mask.pixels.ids], [...map.data]);
    assert.deepEqual(mask.counts, counted(map));
    assert.deepEqual(mask.notes, []);
    assert.deepEqual(mask.schema.classes, FS_SCHEMA.classes.map((c) => ({ id: c.id, name: c.name, color: [...c.color] })));
  });

  it('reads a palette mask whose palette equals a schema\'s colours in that schema', async () => {
    const map = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    const file = await writePalettePng(path.join(tmp.dir, 'palette.png'), map, CAMHQ_SCHEMA.classes.map((c) => c.color));
    const mask = await read(file);
    assert.deepEqual([mask.schema.id, mask.schemaReason], ['celebamask-hq', 'its palette colours equal the celebamask-hq class colours']);
    assert.deepEqual([...mask.pixels.ids], [...map.data]);
  });

  it('maps an RGB mask through the palette that covers its colours, published palettes first', async () => {
    const camhq = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    const rgbCamhq = await read(await writeRgb(path.join(tmp.dir, 'rgb-camhq.png'), paintLabels(camhq, schemaColours(CAMHQ_SCHEMA))));
    assert.equal(rgbCamhq.schema.id, 'celebamask-hq', rgbCamhq.schemaReason);
    assert.match(rgbCamhq.schemaReason, /^every colour is a celebamask-hq class colour \(also the colours of facesynthetics/);
    assert.deepEqual([...rgbCamhq.pixels.ids], [...camhq.data]);
    const lapa = drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE);
    const rgbLapa = await read(await writeRgb(path.join(tmp.dir, 'rgb-lapa.png'), paintLabels(lapa, schemaColours(LAPA_SCHEMA))));
    assert.equal(rgbLapa.schema.id, 'lapa');
    assert.deepEqual(rgbLapa.counts, counted(lapa));
  });

  it('shows a few stray colours as ignored, with a note naming the file', async () => {
    const map = drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE);
    const picture = paintLabels(map, schemaColours(LAPA_SCHEMA));
    picture.data.set([1, 2, 3], 0);
    const file = await writeRgb(path.join(tmp.dir, 'stray.png'), picture);
    const mask = await read(file);
    assert.equal(mask.schema.id, 'lapa');
    assert.equal(mask.pixels.ids[0], 255);
    assert.equal(mask.notes.length, 1);
    assert.ok(mask.notes[0].startsWith(`${file}: 1 pixels in colours`), mask.notes[0]);
  });

  it('falls back to the first schema with enough classes when no schema has every id, and notes the foreign ids', async () => {
    const registry = new SchemaRegistry();
    registry.register({ id: 'wide', title: 'Wide', leftRight: 'viewer', classes: [{ id: 0, name: 'bg', color: [0, 0, 0], concept: 'background' }, { id: 30, name: 'thing', color: [9, 9, 9], concept: 'skin' }] });
    const map = withRect(drawFace(FACE_SIZE, FACE_SIZE, FS_FACE), 0, 0, 4, 4, 30);
    const mask = await read(await writeGrayPng(path.join(tmp.dir, 'wide.png'), map), registry);
    assert.equal(mask.schema.id, 'wide');
    assert.match(mask.schemaReason, /no schema has every id in the mask; shown in wide, the first schema with enough classes \(ids up to 30\)/);
    assert.match(mask.notes[0], /wide\.png: ids 1, 2, .* are not classes of wide/);
    assert.deepEqual(mask.counts.find((c) => c.id === 30), { id: 30, pixels: 16 });
  });

  it('refuses a photo saved as PNG, naming the file', async () => {
    const noise = new Uint8Array(48 * 48 * 3).map((_, i) => (i * 7919) % 251);
    const file = path.join(tmp.dir, 'photo.png');
    await sharp(noise, { raw: { width: 48, height: 48, channels: 3 } }).png().toFile(file);
    await assert.rejects(read(file), (error: Error) => error.message.startsWith(`${file}: not a label mask:`));
    const gray = path.join(tmp.dir, 'gray-photo.png');
    await sharp(new Uint8Array(64 * 64).map((_, i) => i % 256), { raw: { width: 64, height: 64, channels: 1 } }).png().toFile(gray);
    await assert.rejects(read(gray), (error: Error) => error.message.startsWith(`${gray}: not a label mask:`));
  });

  it('names the file when it is not an image or is missing', async () => {
    const text = tmp.write('text.png', 'hello');
    await assert.rejects(read(text), (error: Error) => error.message.startsWith(`${text}: `));
    const missing = path.join(tmp.dir, 'missing.png');
    await assert.rejects(read(missing), (error: Error) => error.message.startsWith(`${missing}: `));
  });
});
