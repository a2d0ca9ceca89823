import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UnrecognisedDatasetError, datasetReaders, openDataset } from '../../../src/core/dataset/openDataset';
import { CAMHQ_FACE, FS_FACE, LAPA_FACE, drawFace } from '../../helpers/fixtures';
import { FACE_SIZE, p, realAdapters, writeFaceSyntheticsItem, writeGenericItem, writeHelenItem, writeLapaItem, writeText } from '../../helpers/datasetLayouts';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const { files } = realAdapters();

/** Asserts that opening `root` fails with an UnrecognisedDatasetError whose message passes `check`. */
async function assertUnrecognised(root: string, check: (message: string) => void, overrides = {}): Promise<void> {
  await assert.rejects(openDataset(files, root, overrides), (error: unknown) => {
    assert.ok(error instanceof UnrecognisedDatasetError, `expected UnrecognisedDatasetError, got ${String(error)}`);
    check(error.message);
    return true;
  });
}

describe('openDataset', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = makeTempDir('facegap-open-');
  });
  afterEach(() => tmp.remove());

  it('rejects a folder matching no layout, listing what every reader looked for', async () => {
    writeText(p(tmp.dir, 'pictures', 'a.txt'), 'not a dataset');
    writeText(p(tmp.dir, 'readme.md'), '# hi');
    await assertUnrecognised(tmp.dir, (message) => {
      assert.ok(message.startsWith(`${tmp.dir}: does not match any known dataset layout. Looked for:\n`), message);
      for (const reader of datasetReaders()) assert.ok(message.includes(`  - ${reader.looksFor}\n`), `missing: ${reader.looksFor}`);
      assert.match(message, /FaceSynthetics: \{id\}\.png with \{id\}_seg\.png/);
      assert.match(message, /CelebAMask-HQ: CelebA-HQ-img\//);
      assert.match(message, /LaPa: \{train,val,test\}/);
      assert.match(message, /Helen: labels\/<name>\/<name>_lbl00\.png/);
      assert.match(message, /generic: an images folder \(images, .*\) and a masks folder \(labels, .*masks/);
      assert.match(message, /pass --images <dir> --masks <dir> \(and --schema <id>\)\.$/);
    });
  });

  it('rejects an empty folder the same way', async () => {
    await assertUnrecognised(tmp.dir, (message) => assert.equal(message.split('\n  - ').length, 6));
  });

  it('rejects a file given instead of a folder', async () => {
    const file = tmp.write('dataset.zip', 'PK');
    await assertUnrecognised(file, (message) => assert.equal(message, `${file}: not a folder`));
  });

  it('rejects a path that does not exist', async () => {
    const missing = p(tmp.dir, 'nowhere');
    await assertUnrecognised(missing, (message) => assert.equal(message, `${missing}: not a folder`));
  });

  it('takes a FaceSynthetics folder that also has images/ and labels/ sub-folders as FaceSynthetics', async () => {
    await writeFaceSyntheticsItem(tmp.dir, '000000', drawFace(FACE_SIZE, FACE_SIZE, FS_FACE));
    await writeGenericItem(tmp.dir, 'x', drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE), { images: 'images', masks: 'labels' });
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'facesynthetics');
    assert.deepEqual(index.items.map((i) => i.imagePath), [p(tmp.dir, '000000.png')]);
  });

  it('takes LaPa (images/, labels/, landmarks/) over the generic images/ + labels/ reading', async () => {
    await writeLapaItem(tmp.dir, 'a', drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE));
    const index = await openDataset(files, tmp.dir);
    assert.equal(index.format, 'lapa');
    assert.equal(index.items[0].landmarksPath, p(tmp.dir, 'landmarks', 'a.txt'));
  });

  it('takes Helen probability maps over the generic images/ + labels/ reading', async () => {
    await writeHelenItem(tmp.dir, 'a', drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE));
    assert.equal((await openDataset(files, tmp.dir)).format, 'helen');
  });

  it('falls back to generic for images/ + labels/ without LaPa evidence', async () => {
    await writeLapaItem(tmp.dir, 'a', drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE), false);
    assert.equal((await openDataset(files, tmp.dir)).format, 'generic');
  });

  it('lets a format override pick the reader, and names that layout when it does not match', async () => {
    await writeLapaItem(tmp.dir, 'a', drawFace(FACE_SIZE, FACE_SIZE, LAPA_FACE));
    assert.equal((await openDataset(files, tmp.dir, { format: 'generic' })).format, 'generic');
    await assertUnrecognised(tmp.dir, (message) => {
      assert.match(message, /does not match the helen layout\. Looked for:\n {2}- Helen: /);
      assert.equal(message.split('\n  - ').length, 2);
    }, { format: 'helen' });
  });

  it('lets explicit image/mask folders win over a detected layout', async () => {
    await writeFaceSyntheticsItem(tmp.dir, '000000', drawFace(FACE_SIZE, FACE_SIZE, FS_FACE));
    await writeGenericItem(tmp.dir, 'x', drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE), { images: 'rgb_in', masks: 'gt_out' });
    const index = await openDataset(files, tmp.dir, { imagesDir: 'rgb_in', masksDir: 'gt_out' });
    assert.equal(index.format, 'generic');
    assert.deepEqual(index.items.map((i) => i.id), ['x']);
  });
});
