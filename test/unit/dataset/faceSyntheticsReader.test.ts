import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { faceSyntheticsReader } from '../../../src/core/dataset/faceSyntheticsReader';
import { openDataset } from '../../../src/core/dataset/openDataset';
import { loadLabel } from '../../../src/core/dataset/labelLoader';
import { FS_FACE, drawFace } from '../../helpers/fixtures';
import { FACE_SIZE, FS_SCHEMA, countIds, p, realAdapters, withRect, writeFaceSyntheticsItem, writeText } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const { files, decoder } = realAdapters();

describe('faceSyntheticsReader', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-fs-');
  });
  afterEach(() => tmp.remove());

  it('detects {id}.png/{id}_seg.png pairs and indexes ids, label and landmark paths', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, FS_FACE);
    await writeFaceSyntheticsItem(tmp.dir, '000000', face);
    await writeFaceSyntheticsItem(tmp.dir, '000001', face);
    await writeFaceSyntheticsItem(tmp.dir, '000002', face, 0);

    const match = await faceSyntheticsReader.detect(files, tmp.dir);
    assert.equal(match?.score, 100);
    assert.match(match!.evidence, /^3 \{id\}\.png \/ \{id\}_seg\.png pairs$/);

    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'facesynthetics');
    assert.equal(index.schemaId, 'facesynthetics');
    assert.equal(index.landmarkPoints, 70);
    assert.deepEqual(index.problems, []);
    assert.deepEqual(index.items, [
      { id: '000000', imagePath: p(tmp.dir, '000000.png'), label: { kind: 'mask', path: p(tmp.dir, '000000_seg.png') }, landmarksPath: p(tmp.dir, '000000_ldmks.txt') },
      { id: '000001', imagePath: p(tmp.dir, '000001.png'), label: { kind: 'mask', path: p(tmp.dir, '000001_seg.png') }, landmarksPath: p(tmp.dir, '000001_ldmks.txt') },
      { id: '000002', imagePath: p(tmp.dir, '000002.png'), label: { kind: 'mask', path: p(tmp.dir, '000002_seg.png') } },
    ]);
  });

  it('keeps a 255 ignore region of _seg.png as 255 and the class ids as drawn', async () => {
    const face = withRect(drawFace(FACE_SIZE, FACE_SIZE, FS_FACE), 0, 0, 64, 4, 255);
    await writeFaceSyntheticsItem(tmp.dir, '000007', face);
    const index = await openDataset(files, tmp.dir);
    const loaded = await loadLabel(index.items[0].label!, FS_SCHEMA, files, decoder);
    assert.equal(loaded.encoding, 'class ids');
    assert.deepEqual(countIds(loaded.map), countIds(face));
    assert.equal(countIds(loaded.map).get(255), 64 * 4);
  });

  it('does not detect a folder without any {id}_seg.png partner', async () => {
    writeText(p(tmp.dir, 'notes.txt'), 'hello');
    fs.writeFileSync(p(tmp.dir, '000000.png'), '');
    assert.equal(await faceSyntheticsReader.detect(files, tmp.dir), undefined);
  });

  it('reports an image without _seg.png and a _seg.png without image, keeping the complete pairs', async () => {
    const face = drawFace(FACE_SIZE, FACE_SIZE, FS_FACE);
    await writeFaceSyntheticsItem(tmp.dir, '000000', face);
    await writeFaceSyntheticsItem(tmp.dir, '000001', face);
    await writeFaceSyntheticsItem(tmp.dir, '000002', face);
    fs.rmSync(p(tmp.dir, '000001_seg.png'));
    fs.rmSync(p(tmp.dir, '000002.png'));

    const index = await faceSyntheticsReader.index(files, tmp.dir);
    assert.deepEqual(index.items.map((i) => i.id), ['000000']);
    assert.deepEqual(index.problems, [
      { file: p(tmp.dir, '000001.png'), problem: 'no segmentation {id}_seg.png found for this image; it is left out' },
      { file: p(tmp.dir, '000002_seg.png'), problem: 'segmentation {id}_seg.png without an image; it is left out' },
    ]);
  });
});
