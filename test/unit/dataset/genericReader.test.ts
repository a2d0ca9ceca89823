import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { genericReader } from '../../../src/core/dataset/genericReader';
import { openDataset } from '../../../src/core/dataset/openDataset';
import { CAMHQ_FACE, drawFace, writeGrayPng } from '../../helpers/fixtures';
import { CAMHQ_SCHEMA, FACE_SIZE, p, realAdapters, writeFacePicture, writeGenericItem } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const { files } = realAdapters();
const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);

/** The item the generic reader makes for `stem` with an image extension `ext`. */
function genericItem(root: string, stem: string, dirs = { images: 'images', masks: 'masks' }, ext = 'jpg') {
  return { id: stem, imagePath: p(root, dirs.images, `${stem}.${ext}`), label: { kind: 'mask', path: p(root, dirs.masks, `${stem}.png`) } };
}

describe('genericReader', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-generic-');
  });
  afterEach(() => tmp.remove());

  it('pairs images/ and masks/ by stem and leaves the schema to inference', async () => {
    await writeGenericItem(tmp.dir, 'a', face);
    await writeGenericItem(tmp.dir, 'b', face);
    assert.deepEqual(await genericReader().detect(files, tmp.dir), { score: 50, evidence: 'images/ and masks/' });
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'generic');
    assert.equal(index.schemaId, undefined);
    assert.equal(index.formatTitle, 'image/mask folders (images/ + masks/, paired by stem)');
    assert.deepEqual(index.items, [genericItem(tmp.dir, 'a'), genericItem(tmp.dir, 'b')]);
    assert.deepEqual(index.problems, []);
  });

  it('takes other common folder names, keeping their case (JPEGImages/ + SegmentationClass/)', async () => {
    const dirs = { images: 'JPEGImages', masks: 'SegmentationClass' };
    await writeGenericItem(tmp.dir, 'a', face, dirs);
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items, [genericItem(tmp.dir, 'a', dirs)]);
  });

  it('uses custom folder names given as overrides', async () => {
    const dirs = { images: 'photos_2024', masks: 'parsing_v2' };
    await writeGenericItem(tmp.dir, 'a', face, dirs);
    await assert.rejects(openDataset(files, tmp.dir), /does not match any known dataset layout/);
    const reader = genericReader(dirs);
    assert.deepEqual(await reader.detect(files, tmp.dir), { score: 1000, evidence: 'photos_2024/ and parsing_v2/' });
    const index = await openDataset(files, tmp.dir, { imagesDir: dirs.images, masksDir: dirs.masks });
    assert.equal(index.format, 'generic');
    assert.deepEqual(index.items, [genericItem(tmp.dir, 'a', dirs)]);
  });

  it('names a given folder that does not exist', async () => {
    await writeGenericItem(tmp.dir, 'a', face);
    await assert.rejects(
      openDataset(files, tmp.dir, { imagesDir: 'images', masksDir: 'nope' }),
      (e: Error) => e.message === `${p(tmp.dir, 'nope')}: folder not found`,
    );
  });

  it('reports an image without mask and a mask without image; the pair is indexed', async () => {
    await writeGenericItem(tmp.dir, 'a', face);
    await writeFacePicture(p(tmp.dir, 'images', 'lonely.jpg'), face, CAMHQ_SCHEMA);
    await writeGrayPng(p(tmp.dir, 'masks', 'orphan.png'), face);
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items, [genericItem(tmp.dir, 'a')]);
    assert.deepEqual(index.problems, [
      { file: p(tmp.dir, 'images', 'lonely.jpg'), problem: 'no mask found for this image; it is left out' },
      { file: p(tmp.dir, 'masks', 'orphan.png'), problem: 'mask without an image; it is left out' },
    ]);
  });

  it('reports a duplicate stem (a.jpg + a.png), keeping the first file by name', async () => {
    await writeGenericItem(tmp.dir, 'a', face);
    await writeGenericItem(tmp.dir, 'b', face);
    await writeFacePicture(p(tmp.dir, 'images', 'a.png'), face, CAMHQ_SCHEMA);
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items, [genericItem(tmp.dir, 'a'), genericItem(tmp.dir, 'b')]);
    assert.deepEqual(index.problems, [
      { file: p(tmp.dir, 'images', 'a.png'), problem: `duplicate stem "a": ${p(tmp.dir, 'images', 'a.jpg')} is used, this file is ignored` },
    ]);
  });

  it('says so when no image has a mask with the same stem', async () => {
    await writeFacePicture(p(tmp.dir, 'images', 'img_001.jpg'), face, CAMHQ_SCHEMA);
    await writeGrayPng(p(tmp.dir, 'masks', 'img_001_mask.png'), face);
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items, []);
    assert.deepEqual(index.problems.at(-1), { file: p(tmp.dir, 'masks'), problem: 'none of 1 images has a mask with the same file stem' });
  });

  it('skips files that are neither images nor masks', async () => {
    await writeGenericItem(tmp.dir, 'a', face);
    fs.writeFileSync(p(tmp.dir, 'images', 'README.txt'), 'notes');
    fs.writeFileSync(p(tmp.dir, 'masks', 'a.jpg'), 'a JPEG is not a mask');
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items, [genericItem(tmp.dir, 'a')]);
    assert.deepEqual(index.problems, []);
  });
});
