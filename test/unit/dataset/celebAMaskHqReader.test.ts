import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CELEBAMASK_HQ_PARTS, celebAMaskHqReader } from '../../../src/core/dataset/celebAMaskHqReader';
import { openDataset } from '../../../src/core/dataset/openDataset';
import { CAMHQ_FACE, drawFace, writeGrayPng } from '../../helpers/fixtures';
import { CAMHQ_SCHEMA, FACE_SIZE, celebAMaskHqPaths, p, realAdapters, writeCelebAMaskHqItem, writeFacePicture } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const { files } = realAdapters();

/** The part names drawFace(…, CAMHQ_FACE) produces, in the order a sorted folder listing gives them. */
const DRAWN_PARTS = ['hair', 'l_brow', 'l_eye', 'l_lip', 'neck', 'nose', 'r_brow', 'r_eye', 'skin', 'u_lip'];

describe('celebAMaskHqReader (official per-part layout)', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-camhq-');
  });
  afterEach(() => tmp.remove());

  it('detects CelebA-HQ-img/ with CelebAMask-HQ-mask-anno/ and indexes parts from sub-folders 0 and 1', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    for (const n of [0, 1, 2000]) await writeCelebAMaskHqItem(tmp.dir, n, face);

    const match = await celebAMaskHqReader.detect(files, tmp.dir);
    assert.deepEqual(match, { score: 100, evidence: 'CelebA-HQ-img/ and CelebAMask-HQ-mask-anno/' });

    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'celebamask-hq');
    assert.equal(index.schemaId, 'celebamask-hq');
    assert.deepEqual(index.problems, []);
    assert.deepEqual(index.items.map((i) => [i.id, i.imagePath]), [
      ['0', p(tmp.dir, 'CelebA-HQ-img', '0.jpg')],
      ['1', p(tmp.dir, 'CelebA-HQ-img', '1.jpg')],
      ['2000', p(tmp.dir, 'CelebA-HQ-img', '2000.jpg')],
    ]);
    const last = index.items[2].label;
    assert.equal(last?.kind, 'parts');
    assert.deepEqual(
      last.kind === 'parts' ? last.parts : [],
      DRAWN_PARTS.map((part) => ({ className: part, path: p(tmp.dir, 'CelebAMask-HQ-mask-anno', '1', `02000_${part}.png`) })),
    );
  });

  it('writes images twice the size of the part masks, as the official archive does', async () => {
    await writeCelebAMaskHqItem(tmp.dir, 3, drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE));
    const { decoder } = realAdapters();
    const image = await decoder.probe(fs.readFileSync(celebAMaskHqPaths(tmp.dir, 3, 'skin').image), 'image');
    const part = await decoder.probe(fs.readFileSync(celebAMaskHqPaths(tmp.dir, 3, 'skin').part), 'part');
    assert.deepEqual([image.width, image.height, part.width, part.height], [128, 128, 64, 64]);
  });

  it('reports an image without part masks and part masks without an image; the others are indexed', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    await writeCelebAMaskHqItem(tmp.dir, 0, face);
    await writeFacePicture(p(tmp.dir, 'CelebA-HQ-img', '5.jpg'), face, CAMHQ_SCHEMA, 2);
    await writeGrayPng(celebAMaskHqPaths(tmp.dir, 7, 'skin').part, face);

    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items.map((i) => i.id), ['0']);
    assert.deepEqual(index.problems, [
      { file: p(tmp.dir, 'CelebA-HQ-img', '5.jpg'), problem: 'no part masks 00005_*.png found; it is left out' },
      { file: p(tmp.dir, 'CelebAMask-HQ-mask-anno', '0', '00007_skin.png'), problem: 'part masks for id 7 have no image in CelebA-HQ-img/; left out' },
    ]);
  });

  it('reports an image whose name is not a CelebA-HQ index instead of looking for its parts', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    await writeCelebAMaskHqItem(tmp.dir, 0, face);
    await writeFacePicture(p(tmp.dir, 'CelebA-HQ-img', 'portrait.jpg'), face, CAMHQ_SCHEMA);
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items.map((i) => i.id), ['0']);
    assert.deepEqual(index.problems, [{ file: p(tmp.dir, 'CelebA-HQ-img', 'portrait.jpg'), problem: 'not a CelebA-HQ image name ({n}.jpg with a number n); it is left out' }]);
  });

  it('reports a part file with an unknown part name and ignores it', async () => {
    await writeCelebAMaskHqItem(tmp.dir, 0, drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE));
    const stray = celebAMaskHqPaths(tmp.dir, 0, 'beard').part;
    fs.copyFileSync(celebAMaskHqPaths(tmp.dir, 0, 'skin').part, stray);
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.items.length, 1);
    assert.deepEqual(index.problems, [{ file: p(tmp.dir, 'CelebAMask-HQ-mask-anno', '0', '00000_beard.png'), problem: 'not a {id:05}_{part}.png file with a known part name; ignored' }]);
  });

  it('lists the 18 official part suffixes in merge order', () => {
    assert.deepEqual(CELEBAMASK_HQ_PARTS, CAMHQ_SCHEMA.classes.slice(1).map((c) => c.name));
  });
});

describe('celebAMaskHqReader (merged-mask variant)', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-camhq-merged-');
  });
  afterEach(() => tmp.remove());

  it('pairs CelebA-HQ-img/{n}.jpg with CelebAMask-HQ-mask/{n}.png and reports unpaired files', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    for (const n of [0, 1]) {
      await writeFacePicture(p(tmp.dir, 'CelebA-HQ-img', `${n}.jpg`), face, CAMHQ_SCHEMA, 2);
      await writeGrayPng(p(tmp.dir, 'CelebAMask-HQ-mask', `${n}.png`), face);
    }
    await writeFacePicture(p(tmp.dir, 'CelebA-HQ-img', '2.jpg'), face, CAMHQ_SCHEMA, 2);
    await writeGrayPng(p(tmp.dir, 'CelebAMask-HQ-mask', '9.png'), face);

    assert.deepEqual(await celebAMaskHqReader.detect(files, tmp.dir), { score: 100, evidence: 'CelebA-HQ-img/ and CelebAMask-HQ-mask/' });
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.formatTitle, 'CelebAMask-HQ (merged label maps)');
    assert.deepEqual(index.items, [
      { id: '0', imagePath: p(tmp.dir, 'CelebA-HQ-img', '0.jpg'), label: { kind: 'mask', path: p(tmp.dir, 'CelebAMask-HQ-mask', '0.png') } },
      { id: '1', imagePath: p(tmp.dir, 'CelebA-HQ-img', '1.jpg'), label: { kind: 'mask', path: p(tmp.dir, 'CelebAMask-HQ-mask', '1.png') } },
    ]);
    assert.deepEqual(index.problems, [
      { file: p(tmp.dir, 'CelebA-HQ-img', '2.jpg'), problem: 'no merged mask found for this image; it is left out' },
      { file: p(tmp.dir, 'CelebAMask-HQ-mask', '9.png'), problem: 'merged mask without an image; it is left out' },
    ]);
  });

  it('does not detect CelebA-HQ-img/ alone', async () => {
    await writeFacePicture(p(tmp.dir, 'CelebA-HQ-img', '0.jpg'), drawFace(8, 8, CAMHQ_FACE), CAMHQ_SCHEMA);
    assert.equal(await celebAMaskHqReader.detect(files, tmp.dir), undefined);
  });
});
