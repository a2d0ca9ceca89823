import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { helenReader } from '../../../src/core/dataset/helenReader';
import { openDataset } from '../../../src/core/dataset/openDataset';
import { LAPA_FACE, drawFace, writeGrayPng } from '../../helpers/fixtures';
import { FACE_SIZE, HELEN_SCHEMA, helenMapPath, p, realAdapters, writeFacePicture, writeHelenItem } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const { files } = realAdapters();
const face = drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE);

/** The eleven probability-map paths of Helen image `name`. */
function mapPaths(root: string, name: string): string[] {
  return Array.from({ length: 11 }, (_, k) => helenMapPath(root, name, k));
}

/** HELEN* pair {name}_image.jpg + {name}_label.png in `dir`. */
async function writeHelenStarItem(dir: string, name: string): Promise<void> {
  await writeFacePicture(p(dir, `${name}_image.jpg`), face, HELEN_SCHEMA);
  await writeGrayPng(p(dir, `${name}_label.png`), face);
}

describe('helenReader (probability maps)', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-helen-');
  });
  afterEach(() => tmp.remove());

  it('detects labels/<name>/<name>_lblNN.png and indexes the 11 maps in class order', async () => {
    await writeHelenItem(tmp.dir, '100032540_1', face);
    await writeHelenItem(tmp.dir, '2908549_1', face);

    assert.deepEqual(await helenReader.detect(files, tmp.dir), { score: 100, evidence: 'labels/<name>/<name>_lblNN.png probability maps' });
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'helen');
    assert.equal(index.schemaId, 'helen');
    assert.equal(index.formatTitle, 'Helen (per-class probability maps, argmax)');
    assert.deepEqual(index.problems, []);
    assert.deepEqual(index.items, [
      { id: '100032540_1', imagePath: p(tmp.dir, 'images', '100032540_1.jpg'), label: { kind: 'probabilityMaps', paths: mapPaths(tmp.dir, '100032540_1') } },
      { id: '2908549_1', imagePath: p(tmp.dir, 'images', '2908549_1.jpg'), label: { kind: 'probabilityMaps', paths: mapPaths(tmp.dir, '2908549_1') } },
    ]);
  });

  it('reports a label folder missing one probability map and leaves only that image out', async () => {
    await writeHelenItem(tmp.dir, 'a', face);
    await writeHelenItem(tmp.dir, 'b', face);
    fs.rmSync(helenMapPath(tmp.dir, 'b', 7));
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items.map((i) => i.id), ['a']);
    assert.deepEqual(index.problems, [{ file: p(tmp.dir, 'labels', 'b'), problem: 'missing 1 of 11 probability maps (b_lbl07.png…); left out' }]);
  });

  it('reports an image without a labels/ folder and a labels/ folder without an image', async () => {
    await writeHelenItem(tmp.dir, 'a', face);
    await writeHelenItem(tmp.dir, 'b', face);
    await writeHelenItem(tmp.dir, 'c', face);
    fs.rmSync(p(tmp.dir, 'labels', 'b'), { recursive: true });
    fs.rmSync(p(tmp.dir, 'images', 'c.jpg'));
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items.map((i) => i.id), ['a']);
    assert.deepEqual(index.problems, [
      { file: p(tmp.dir, 'images', 'b.jpg'), problem: 'no labels/<name>/ folder found for this image; it is left out' },
      { file: p(tmp.dir, 'labels', 'c'), problem: 'labels/<name>/ folder without an image; it is left out' },
    ]);
  });
});

describe('helenReader (HELEN* relabelled)', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-helenstar-');
  });
  afterEach(() => tmp.remove());

  it('pairs <name>_image.jpg with <name>_label.png in one folder', async () => {
    await writeHelenStarItem(tmp.dir, '10405146_1');
    await writeHelenStarItem(tmp.dir, '10405424_1');
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'helen');
    assert.equal(index.formatTitle, 'HELEN* (relabelled: _image.jpg + _label.png)');
    assert.deepEqual(index.items, ['10405146_1', '10405424_1'].map((name) => ({
      id: name, imagePath: p(tmp.dir, `${name}_image.jpg`), label: { kind: 'mask', path: p(tmp.dir, `${name}_label.png`) },
    })));
  });

  it('prefixes ids with train/ and test/ and reports an unpaired _label.png', async () => {
    await writeHelenStarItem(p(tmp.dir, 'train'), 'a');
    await writeHelenStarItem(p(tmp.dir, 'test'), 'a');
    await writeGrayPng(p(tmp.dir, 'test', 'z_label.png'), face);
    assert.deepEqual(await helenReader.detect(files, tmp.dir), { score: 100, evidence: 'HELEN* _image.jpg/_label.png pairs in train, test' });
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items.map((i) => [i.id, i.imagePath]), [
      ['train/a', p(tmp.dir, 'train', 'a_image.jpg')],
      ['test/a', p(tmp.dir, 'test', 'a_image.jpg')],
    ]);
    assert.deepEqual(index.problems, [{ file: p(tmp.dir, 'test', 'z_label.png'), problem: '_label.png without an image; it is left out' }]);
  });
});
