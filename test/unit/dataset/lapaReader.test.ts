import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { lapaReader } from '../../../src/core/dataset/lapaReader';
import { openDataset } from '../../../src/core/dataset/openDataset';
import { LAPA_FACE, drawFace } from '../../helpers/fixtures';
import { FACE_SIZE, LAPA_LABELMAP_TEXT, p, realAdapters, writeLapaItem, writeText } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const { files } = realAdapters();
const face = drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE);

/** The item LaPa's reader makes for `stem` in folder `dir` (a split folder or the root). */
function lapaItem(dir: string, id: string, stem: string, withLandmarks = true) {
  return {
    id,
    imagePath: p(dir, 'images', `${stem}.jpg`),
    label: { kind: 'mask', path: p(dir, 'labels', `${stem}.png`) },
    ...(withLandmarks ? { landmarksPath: p(dir, 'landmarks', `${stem}.txt`) } : {}),
  };
}

describe('lapaReader', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-lapa-');
  });
  afterEach(() => tmp.remove());

  it('indexes train/val/test splits with split-prefixed ids and landmark paths', async () => {
    await writeLapaItem(p(tmp.dir, 'train'), 'a', face);
    await writeLapaItem(p(tmp.dir, 'val'), 'b', face);
    await writeLapaItem(p(tmp.dir, 'test'), 'a', face, false);

    const match = await lapaReader.detect(files, tmp.dir);
    assert.equal(match?.score, 100);
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'lapa');
    assert.equal(index.schemaId, 'lapa');
    assert.equal(index.landmarkPoints, 106);
    assert.deepEqual(index.problems, []);
    const ids = index.items.map((i) => i.id).sort();
    assert.deepEqual(ids, ['test/a', 'train/a', 'val/b']);
    const byId = new Map(index.items.map((i) => [i.id, i]));
    assert.deepEqual(byId.get('train/a'), lapaItem(p(tmp.dir, 'train'), 'train/a', 'a'));
    assert.deepEqual(byId.get('val/b'), lapaItem(p(tmp.dir, 'val'), 'val/b', 'b'));
    assert.deepEqual(byId.get('test/a'), lapaItem(p(tmp.dir, 'test'), 'test/a', 'a', false));
  });

  it('recognises a single split folder by its landmarks/ folder (ids without prefix)', async () => {
    await writeLapaItem(tmp.dir, '10001', face);
    await writeLapaItem(tmp.dir, '10002', face);
    assert.deepEqual(await lapaReader.detect(files, tmp.dir), { score: 90, evidence: 'images/, labels/ and landmarks/' });
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'lapa');
    assert.deepEqual(index.items, [lapaItem(tmp.dir, '10001', '10001'), lapaItem(tmp.dir, '10002', '10002')]);
  });

  it('recognises images/ + labels/ by LaPa\'s official labelmap.txt', async () => {
    await writeLapaItem(tmp.dir, 'x', face, false);
    writeText(p(tmp.dir, 'labelmap.txt'), LAPA_LABELMAP_TEXT);
    assert.deepEqual(await lapaReader.detect(files, tmp.dir), { score: 90, evidence: 'images/ and labels/ with LaPa\'s labelmap.txt' });
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'lapa');
    assert.equal(index.schemaReason, 'LaPa layout (landmarks/ or labelmap.txt)');
    assert.deepEqual(index.items, [lapaItem(tmp.dir, 'x', 'x', false)]);
  });

  it('accepts a labelmap.txt with Windows line ends', async () => {
    await writeLapaItem(tmp.dir, 'x', face, false);
    writeText(p(tmp.dir, 'labelmap.txt'), LAPA_LABELMAP_TEXT.replace(/\n/g, '\r\n'));
    assert.equal((await lapaReader.detect(files, tmp.dir))?.score, 90);
  });

  it('does not take images/ + labels/ with some other labelmap.txt or none', async () => {
    await writeLapaItem(tmp.dir, 'x', face, false);
    assert.equal(await lapaReader.detect(files, tmp.dir), undefined);
    writeText(p(tmp.dir, 'labelmap.txt'), LAPA_LABELMAP_TEXT.replace('10\thair', '10\that'));
    assert.equal(await lapaReader.detect(files, tmp.dir), undefined);
  });

  it('reports an image without label and a label without image inside a split; the rest is indexed', async () => {
    await writeLapaItem(p(tmp.dir, 'test'), 'a', face);
    await writeLapaItem(p(tmp.dir, 'test'), 'b', face);
    await writeLapaItem(p(tmp.dir, 'test'), 'c', face);
    fs.rmSync(p(tmp.dir, 'test', 'labels', 'b.png'));
    fs.rmSync(p(tmp.dir, 'test', 'images', 'c.jpg'));
    const index = await openDataset(files, tmp.dir);
    assert.deepEqual(index.items.map((i) => i.id), ['test/a']);
    assert.deepEqual(index.problems, [
      { file: p(tmp.dir, 'test', 'images', 'b.jpg'), problem: 'no label found for this image; it is left out' },
      { file: p(tmp.dir, 'test', 'labels', 'c.png'), problem: 'label without an image; it is left out' },
    ]);
  });

  it('ignores a split folder that lacks labels/', async () => {
    await writeLapaItem(p(tmp.dir, 'train'), 'a', face);
    await writeLapaItem(p(tmp.dir, 'val'), 'b', face);
    fs.rmSync(p(tmp.dir, 'val', 'labels'), { recursive: true });
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.formatTitle, 'LaPa (train splits)');
    assert.deepEqual(index.items.map((i) => i.id), ['train/a']);
  });
});
