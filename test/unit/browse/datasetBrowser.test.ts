import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { confusionImages } from '../../../src/core/browse/runImageIndex';
import type { LabelMap } from '../../../src/core/raster/labelMap';
import { resizeLabelsNearest } from '../../../src/core/raster/resizeLabels';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { DatasetBrowser } from '../../../src/node/browse/datasetBrowser';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { FS_SCHEMA, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { CAMHQ_FACE, drawFace, FS_FACE, writeGrayPng } from '../../helpers/fixtures';
import { fakeImageResult, fakeRunRecord, readImagesJsonl } from '../../helpers/reportFixtures';
import { evaluateFolder } from '../../helpers/runHelpers';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const SIZE = 32;
const SHIFTS: ReadonlyArray<readonly [string, number]> = [['a', 0], ['b', 2], ['c', 5]];
let tmp: TempDir;
let root: string;
let folderRun: string;
let modelRun: string;
let browser: DatasetBrowser;

const open = () => DatasetBrowser.open(root, { adapters: createNodeAdapters(), registry: new SchemaRegistry() });
const labelOf = (shift = 0): LabelMap => drawFace(SIZE, SIZE, FS_FACE, shift);
const same = (a: LabelMap | undefined, b: LabelMap): void => {
  assert.ok(a, 'a label map');
  assert.deepEqual([a.width, a.height], [b.width, b.height]);
  assert.deepEqual([...a.data], [...b.data]);
};

/** A model run made elsewhere: run.json says its model predicts CelebAMask-HQ ids; pred/a.png is a 24 px CelebAMask-HQ face. */
async function writeModelRun(): Promise<string> {
  const dir = path.join(tmp.dir, 'model-run');
  const record = fakeRunRecord({ root, schema: 'facesynthetics', meanF1: 0.5 });
  const predictions = { ...record.predictions, spec: { schema: 'celebamask-hq' } };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'run.json'), JSON.stringify({ ...record, predictions }));
  const result = { ...fakeImageResult('a', 0.5, path.join(root, 'a.png')), predFile: 'pred/a.png', size: [24, 24] as const };
  fs.writeFileSync(path.join(dir, 'images.jsonl'), `${JSON.stringify(result)}\n`);
  await writeGrayPng(path.join(dir, 'pred', 'a.png'), drawFace(24, 24, CAMHQ_FACE));
  return dir;
}

before(async () => {
  tmp = makeTempDir('facegap-browser-');
  root = path.join(tmp.dir, 'ds');
  const preds = path.join(tmp.dir, 'preds');
  for (const [id, shift] of SHIFTS) {
    await writeFaceSyntheticsItem(root, id, labelOf(), 0);
    await writeGrayPng(path.join(preds, `${id}.png`), labelOf(shift));
  }
  folderRun = path.join(tmp.dir, 'folder-run');
  await evaluateFolder(root, { kind: 'folder', folder: preds }, folderRun);
  modelRun = await writeModelRun();
  browser = await open();
});
after(() => tmp.remove());

describe('DatasetBrowser', () => {
  it('opens a dataset with its schema and lists the gallery with files relative to the root', () => {
    assert.equal(browser.schema.id, 'facesynthetics');
    assert.equal(browser.schemaReason, 'the FaceSynthetics layout fixes the schema');
    assert.deepEqual(browser.galleryItems(), SHIFTS.map(([id]) => ({ id, file: `${id}.png`, hasLabel: true })));
    assert.deepEqual(browser.schemaView().classes.map((c) => c.name), FS_SCHEMA.classes.map((c) => c.name));
  });

  it('gives the ground truth at the label\'s size without a run', async () => {
    const detail = await browser.detail('b');
    assert.deepEqual([detail.width, detail.height], [SIZE, SIZE]);
    same(detail.gt, labelOf());
    assert.equal(detail.pred, undefined);
    assert.equal(detail.metrics, undefined);
    assert.deepEqual(detail.notes, []);
  });

  it('gives a --pred run\'s prediction and scores for a scored image', async () => {
    const detail = await browser.detail('c', folderRun);
    const scored = readImagesJsonl(folderRun).find((r) => r.id === 'c')!;
    assert.deepEqual([detail.width, detail.height], [scored.size[0], scored.size[1]]);
    same(detail.gt, labelOf());
    same(detail.pred, labelOf(5));
    assert.deepEqual(detail.metrics, scored.scores);
    assert.ok(detail.metrics!.meanF1! < 1);
    assert.deepEqual(detail.notes, []);
  });

  it('sizes everything to the run\'s scoring size and maps the prediction into the dataset\'s schema', async () => {
    const detail = await browser.detail('a', modelRun);
    assert.deepEqual([detail.width, detail.height], [24, 24]);
    same(detail.gt, resizeLabelsNearest(labelOf(), 24, 24));
    // The same face drawn in FaceSynthetics ids: every class, eyes by the subject's side included, lands on its own id.
    same(detail.pred, drawFace(24, 24, FS_FACE));
    assert.ok(detail.pred!.data.includes(FS_FACE.eyeImageLeft));
    assert.deepEqual(detail.notes, []);
  });

  it('notes a run that did not score the image, a missing prediction file and a missing run, naming each', async () => {
    const unscored = await browser.detail('b', modelRun);
    assert.deepEqual([unscored.width, unscored.height, unscored.pred], [SIZE, SIZE, undefined]);
    assert.ok(unscored.notes.some((n) => n.startsWith(`${modelRun}: the run did not score`)), unscored.notes.join('\n'));
    const predFile = path.join(modelRun, 'pred', 'a.png');
    fs.renameSync(predFile, `${predFile}.gone`);
    try {
      const missing = await browser.detail('a', modelRun);
      assert.equal(missing.pred, undefined);
      assert.ok(missing.gt);
      assert.ok(missing.notes.some((n) => n.startsWith(`${modelRun}/pred/a.png: `)), missing.notes.join('\n'));
    } finally {
      fs.renameSync(`${predFile}.gone`, predFile);
    }
    const nowhere = path.join(tmp.dir, 'no-such-run');
    const detail = await browser.detail('a', nowhere);
    assert.ok(detail.gt);
    assert.ok(detail.notes[0].startsWith(path.join(nowhere, 'run.json')), detail.notes.join('\n'));
  });

  it('falls back to the image\'s size when the label cannot be read, with a note naming it', async () => {
    const seg = path.join(root, 'b_seg.png');
    const bytes = fs.readFileSync(seg);
    fs.writeFileSync(seg, 'not a png');
    try {
      const detail = await browser.detail('b');
      assert.deepEqual([detail.width, detail.height, detail.gt], [SIZE, SIZE, undefined]);
      assert.equal(detail.notes.length, 1);
      assert.ok(detail.notes[0].startsWith(`${seg}: `), detail.notes[0]);
    } finally {
      fs.writeFileSync(seg, bytes);
    }
  });

  it('throws for an unknown id, naming it', async () => {
    await assert.rejects(browser.detail('zzz'), /no item "zzz"/);
  });

  it('keeps an opened run until told to forget it, and answers the gallery\'s run questions from it', async () => {
    const fresh = await open();
    const first = await fresh.run(folderRun);
    assert.equal(await fresh.run(`${folderRun}/`), first);
    fresh.forgetRun(folderRun);
    assert.notEqual(await fresh.run(folderRun), first);
    const results = readImagesJsonl(folderRun);
    assert.deepEqual(Object.keys(await fresh.runMetrics(folderRun)).sort(), ['a', 'b', 'c']);
    const cell = results.find((r) => r.id === 'c')!.confusion.find(([g, p]) => g !== p)!;
    const expected = confusionImages(results, cell[0], cell[1]);
    assert.ok(expected.length > 0);
    assert.deepEqual(await fresh.confusionImages(folderRun, cell[0], cell[1]), expected);
    await assert.rejects(fresh.run(path.join(tmp.dir, 'nothing')), /run\.json: not found/);
  });
});
