import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { collectDatasetInfo, type ClassPresence, type DatasetInfo } from '../../../src/core/dataset/datasetInfo';
import { openDataset } from '../../../src/core/dataset/openDataset';
import type { LabelMap } from '../../../src/core/raster/labelMap';
import type { LabelSchema } from '../../../src/core/schema/labelSchema';
import { CAMHQ_FACE, FS_FACE, LAPA_FACE, drawFace, writeGrayPng } from '../../helpers/fixtures';
import {
  CAMHQ_SCHEMA, FACE_SIZE, FS_SCHEMA, celebAMaskHqPaths, HELEN_SCHEMA, LAPA_SCHEMA, countIds, p, realAdapters, withRect,
  writeCelebAMaskHqItem, writeFacePicture, writeFaceSyntheticsItem, writeGenericItem, writeHelenItem, writeLapaItem, writeText,
} from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const adapters = realAdapters();

/** The class rows `info` should give for these label maps: pixels, share of non-ignore pixels, images present. */
function expectedClasses(maps: readonly LabelMap[], schema: LabelSchema): ClassPresence[] {
  const counts = maps.map(countIds);
  const labelled = counts.reduce((s, c) => s + [...c].reduce((t, [id, n]) => (id === 255 ? t : t + n), 0), 0);
  return schema.classes
    .map((c) => ({ id: c.id, name: c.name, pixels: counts.reduce((s, m) => s + (m.get(c.id) ?? 0), 0), images: counts.filter((m) => m.has(c.id)).length }))
    .filter((c) => c.pixels > 0)
    .map((c) => ({ id: c.id, name: c.name, pixels: c.pixels, share: c.pixels / labelled, images: c.images }));
}

describe('collectDatasetInfo', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-info-');
  });
  afterEach(() => tmp.remove());

  /** Opens the temp folder and collects its info in `schema`. */
  async function info(schema: LabelSchema, onProgress?: (done: number, total: number) => void): Promise<DatasetInfo> {
    const index = await openDataset(adapters.files, tmp.dir);
    return collectDatasetInfo(index, { schema, reason: 'test' }, adapters, { onProgress });
  }

  it('tallies FaceSynthetics sizes, classes, ignore pixels and landmarks, reporting a wrong landmark count', async () => {
    const withIgnore = withRect(drawFace(FACE_SIZE, FACE_SIZE, FS_FACE), 0, 0, FACE_SIZE, 4, 255);
    const noNeck = drawFace(FACE_SIZE, FACE_SIZE, { ...FS_FACE, neck: undefined });
    await writeFaceSyntheticsItem(tmp.dir, '000000', withIgnore);
    await writeFaceSyntheticsItem(tmp.dir, '000001', noNeck, 69);
    const progress: Array<[number, number]> = [];
    const result = await info(FS_SCHEMA, (done, total) => progress.push([done, total]));

    assert.deepEqual([result.format, result.schema.id, result.schema.title, result.schema.reason], ['facesynthetics', 'facesynthetics', 'FaceSynthetics', 'test']);
    assert.deepEqual([result.images, result.imagesRead], [2, 2]);
    assert.deepEqual(result.imageSizes, { '64×64': 2 });
    assert.deepEqual(result.labelSizes, { '64×64': 2 });
    assert.deepEqual(result.labelEncodings, { 'class ids': 2 });
    assert.equal(result.ignoredPixels, FACE_SIZE * 4);
    assert.deepEqual(result.classes, expectedClasses([withIgnore, noNeck], FS_SCHEMA));
    const byName = new Map(result.classes.map((c) => [c.name, c]));
    assert.deepEqual([byName.get('NECK')?.pixels, byName.get('NECK')?.images], [136, 1]);
    assert.equal(byName.get('SKIN')?.images, 2);
    assert.ok(Math.abs(result.classes.reduce((s, c) => s + c.share, 0) - 1) < 1e-12);
    assert.deepEqual(result.landmarks, { files: 2, pointsPerFile: { 70: 1, 69: 1 } });
    assert.deepEqual(result.problems, [{ file: p(tmp.dir, '000001_ldmks.txt'), problem: '69 landmarks, expected 70' }]);
    assert.deepEqual(progress.at(-1), [2, 2]);
  });

  it('reads CelebAMask-HQ parts at half the image size without an aspect problem', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    const shifted = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE, 3);
    await writeCelebAMaskHqItem(tmp.dir, 0, face);
    await writeCelebAMaskHqItem(tmp.dir, 1, shifted);
    const result = await info(CAMHQ_SCHEMA);
    assert.deepEqual(result.imageSizes, { '128×128': 2 });
    assert.deepEqual(result.labelSizes, { '64×64': 2 });
    assert.deepEqual(result.labelEncodings, { 'per-part masks': 2 });
    assert.deepEqual(result.classes, expectedClasses([face, shifted], CAMHQ_SCHEMA));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.landmarks, { files: 0, pointsPerFile: {} });
  });

  it('names a corrupt part mask in what it reports, and still counts the other item', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    await writeCelebAMaskHqItem(tmp.dir, 0, face);
    await writeCelebAMaskHqItem(tmp.dir, 1, face);
    const badPart = celebAMaskHqPaths(tmp.dir, 1, 'skin').part;
    fs.writeFileSync(badPart, 'garbage');
    const result = await info(CAMHQ_SCHEMA);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].file, badPart, 'the broken part is named, not the item\'s first part');
    assert.match(result.problems[0].problem, /^cannot decode image/);
    assert.deepEqual(result.classes, expectedClasses([face], CAMHQ_SCHEMA));
  });

  it('argmaxes Helen probability maps back to the drawn classes', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE);
    await writeHelenItem(tmp.dir, 'a', face);
    const result = await info(HELEN_SCHEMA);
    assert.deepEqual(result.labelEncodings, { 'probability maps': 1 });
    assert.deepEqual(result.classes, expectedClasses([face], HELEN_SCHEMA));
  });

  it('counts LaPa count-prefixed landmark files as 106 points', async () => {
    await writeLapaItem(p(tmp.dir, 'test'), 'a', drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE));
    await writeLapaItem(p(tmp.dir, 'test'), 'b', drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE));
    writeText(p(tmp.dir, 'test', 'landmarks', 'b.txt'), 'oops 1 2\n');
    const result = await info(LAPA_SCHEMA);
    assert.deepEqual(result.landmarks, { files: 1, pointsPerFile: { 106: 1 } });
    assert.deepEqual(result.problems, [{ file: p(tmp.dir, 'test', 'landmarks', 'b.txt'), problem: '"oops" is not a number (token 1)' }]);
  });

  it('reports corrupt, truncated and empty files by name and still counts every readable item', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    for (const stem of ['a', 'b', 'x', 'y', 'z', 'w', 'v']) await writeGenericItem(tmp.dir, stem, face);
    const fullImage = fs.readFileSync(p(tmp.dir, 'images', 'v.jpg'));
    fs.writeFileSync(p(tmp.dir, 'images', 'v.jpg'), fullImage.subarray(0, fullImage.length - 100)); // a valid header, cut short
    fs.writeFileSync(p(tmp.dir, 'images', 'x.jpg'), Uint8Array.from({ length: 600 }, (_, i) => (i * 7919 + 13) % 251));
    const fullMask = fs.readFileSync(p(tmp.dir, 'masks', 'y.png'));
    fs.writeFileSync(p(tmp.dir, 'masks', 'y.png'), fullMask.subarray(0, Math.floor(fullMask.length / 2)));
    fs.writeFileSync(p(tmp.dir, 'masks', 'z.png'), new Uint8Array(0));
    fs.writeFileSync(p(tmp.dir, 'images', 'w.jpg'), new Uint8Array(0));

    const result = await info(CAMHQ_SCHEMA);
    const problemOf = new Map(result.problems.map((x) => [x.file, x.problem]));
    assert.deepEqual([...problemOf.keys()].sort(), [p(tmp.dir, 'images', 'v.jpg'), p(tmp.dir, 'images', 'w.jpg'), p(tmp.dir, 'images', 'x.jpg'), p(tmp.dir, 'masks', 'y.png'), p(tmp.dir, 'masks', 'z.png')]);
    assert.equal(problemOf.get(p(tmp.dir, 'images', 'v.jpg')), 'truncated or corrupt: the JPEG data stops before its end marker');
    assert.match(problemOf.get(p(tmp.dir, 'images', 'x.jpg'))!, /^cannot decode image \(not an image file, or an unsupported format\)$/);
    assert.match(problemOf.get(p(tmp.dir, 'masks', 'y.png'))!, /^cannot decode image \(truncated or corrupt/);
    assert.match(problemOf.get(p(tmp.dir, 'masks', 'z.png'))!, /^cannot decode image \(/);
    assert.match(problemOf.get(p(tmp.dir, 'images', 'w.jpg'))!, /^cannot decode image \(/);
    // Images a, b, y, z are readable; masks a, b, x, w, v are readable.
    assert.deepEqual([result.images, result.imagesRead], [7, 4]);
    assert.deepEqual(result.imageSizes, { '64×64': 4 });
    assert.deepEqual(result.labelSizes, { '64×64': 5 });
    assert.deepEqual(result.classes, expectedClasses([face, face, face, face, face], CAMHQ_SCHEMA));
  });

  it('reports a label whose aspect ratio differs from its image', async () => {
    const wide = drawFace(64, 32, CAMHQ_FACE);
    await writeFacePicture(p(tmp.dir, 'images', 'wide.jpg'), wide, CAMHQ_SCHEMA);
    await writeGrayPng(p(tmp.dir, 'masks', 'wide.png'), drawFace(32, 32, CAMHQ_FACE));
    await writeGenericItem(tmp.dir, 'fine', drawFace(32, 32, CAMHQ_FACE));
    const result = await info(CAMHQ_SCHEMA);
    assert.deepEqual(result.imageSizes, { '64×32': 1, '32×32': 1 });
    assert.deepEqual(result.problems, [{ file: p(tmp.dir, 'masks', 'wide.png'), problem: 'label is 32×32 but its image is 64×32 (different aspect ratio)' }]);
  });

  it('reports a mask with an id outside the schema and leaves its pixels out of the counts', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    await writeGenericItem(tmp.dir, 'good', face);
    await writeGenericItem(tmp.dir, 'bad', withRect(face, 0, 0, 3, 3, 40));
    const result = await info(CAMHQ_SCHEMA);
    assert.deepEqual(result.problems, [{ file: p(tmp.dir, 'masks', 'bad.png'), problem: 'class id 40 (9 px) not in schema celebamask-hq (ids 0–18, 255 = ignore)' }]);
    assert.deepEqual(result.classes, expectedClasses([face], CAMHQ_SCHEMA));
  });
});
