import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { detectSideKind } from '../../../src/node/diff/detectSideKind';
import { openLabelSide } from '../../../src/node/diff/openLabelSide';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { CAMHQ_SCHEMA, FACE_SIZE, writeCelebAMaskHqItem, writeText } from '../../helpers/datasetLayouts';
import { createModelFixture, disposeModelFixture, type ModelFixture } from '../../helpers/evalFixtures';
import { CAMHQ_FACE, drawFace, FS_FACE, writeGrayPng, writePalettePng } from '../../helpers/fixtures';
import { evaluateFolder, modelRequest } from '../../helpers/runHelpers';

const adapters = createNodeAdapters();
let fixture: ModelFixture;
let modelRun: string;

before(async () => {
  fixture = await createModelFixture('facegap-diff-sides-', { count: 3 });
  modelRun = path.join(fixture.tmp.dir, 'run-model');
  await evaluateFolder(fixture.data.root, modelRequest(fixture.model.model, fixture.model.spec), modelRun, { runner: fixture.runner });
});
after(() => disposeModelFixture(fixture));

describe('openLabelSide', () => {
  it('reads a dataset folder: its labelled items, the layout schema, the label files and a content key that follows the bytes', async () => {
    const { root, ids, labels } = fixture.data;
    const side = await openLabelSide({ kind: 'dataset', path: root }, adapters);
    assert.deepEqual([...side.ids].sort(), [...ids].sort());
    assert.equal(side.schema.id, 'facesynthetics');
    assert.match(side.description, /facesynthetics/);
    assert.equal(side.imageOf(ids[1]), `${root}/${ids[1]}.png`);
    assert.equal(side.fileOf(ids[1]), `${root}/${ids[1]}_seg.png`);
    const first = await side.load(ids[1]);
    assert.deepEqual(first.map.data, labels.get(ids[1])!.data);
    assert.equal((await side.load(ids[1])).key, first.key, 'the same bytes give the same key');
    assert.notEqual((await side.load(ids[2])).key, first.key);
    assert.deepEqual(side.record(), { spec: { kind: 'dataset', path: root }, description: side.description, schema: 'facesynthetics', schemaTitle: side.schema.title, leftRight: 'viewer', items: 3 });
  });

  it('paints a CelebAMask-HQ item from its part masks, and names the part file when one is corrupt', async () => {
    const root = path.join(fixture.tmp.dir, 'camhq');
    const map = drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE);
    const parts = await writeCelebAMaskHqItem(root, 0, map);
    await writeCelebAMaskHqItem(root, 1, drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE, 2));
    const side = await openLabelSide({ kind: 'dataset', path: root }, adapters);
    assert.equal(side.schema.id, 'celebamask-hq');
    assert.deepEqual((await side.load('0')).map.data, map.data);
    assert.match(side.fileOf('0'), /00000_[a-z_]+\.png \(and \d+ more part files\)/);
    fs.writeFileSync(parts[1], 'not a png');
    await assert.rejects(side.load('0'), (error: Error) => error.message.includes(path.basename(parts[1])));
  });

  it("reads a run's ground truth from the dataset run.json names, and its predictions from pred/<id>.png in the model's schema", async () => {
    const gt = await openLabelSide({ kind: 'run-ground-truth', path: modelRun }, adapters);
    const pred = await openLabelSide({ kind: 'run-predictions', path: modelRun }, adapters);
    assert.equal(gt.schema.id, 'facesynthetics');
    assert.equal(pred.schema.id, 'facesynthetics');
    assert.match(gt.description, /^ground truth of run run-model/);
    assert.match(pred.description, /^predictions of run run-model \(model colour32\.onnx/);
    assert.deepEqual([...pred.ids].sort(), [...fixture.data.ids].sort());
    const id = fixture.data.ids[0];
    assert.equal(pred.fileOf(id), `${modelRun}/pred/${id}.png`);
    assert.equal(pred.imageOf(id), `${fixture.data.root}/${id}.png`);
    assert.deepEqual((await pred.load(id)).map.data, (await gt.load(id)).map.data, 'the colour model recovers every class');
    assert.notEqual((await pred.load(id)).key, undefined);
  });

  it("reads a --pred run's predictions from the folder it scored, in the --pred-schema", async () => {
    const preds = path.join(fixture.tmp.dir, 'preds-camhq');
    for (const id of fixture.data.ids) await writeGrayPng(path.join(preds, `${id}.png`), drawFace(32, 32, CAMHQ_FACE));
    const run = path.join(fixture.tmp.dir, 'run-pred-folder');
    await evaluateFolder(fixture.data.root, { kind: 'folder', folder: preds, schema: 'celebamask-hq' }, run);
    const side = await openLabelSide({ kind: 'run-predictions', path: run }, adapters);
    assert.equal(side.schema.id, 'celebamask-hq');
    assert.equal(side.ids.length, 3);
    assert.equal(side.fileOf(fixture.data.ids[0]), `${preds}/${fixture.data.ids[0]}.png`);
    assert.equal(side.imageOf(fixture.data.ids[0]), `${fixture.data.root}/${fixture.data.ids[0]}.png`);
  });

  it('reads a bare mask folder with split sub-folders, recognising the schema from a palette or taking the given one', async () => {
    const folder = path.join(fixture.tmp.dir, 'masks');
    const palette = Array.from({ length: 256 }, (_, i) => CAMHQ_SCHEMA.classes.find((c) => c.id === i)?.color ?? ([0, 0, 0] as const));
    await writePalettePng(path.join(folder, 'test', '0001.png'), drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE), palette);
    await writePalettePng(path.join(folder, '0002_seg.png'), drawFace(FACE_SIZE, FACE_SIZE, CAMHQ_FACE, 1), palette);
    const side = await openLabelSide({ kind: 'masks', path: folder }, adapters);
    assert.deepEqual([...side.ids].sort(), ['0002', 'test/0001']);
    assert.equal(side.schema.id, 'celebamask-hq');
    assert.match(side.schemaReason, /palette/);
    assert.equal(side.imageOf('0002'), undefined, 'a mask folder knows no images');
    const given = await openLabelSide({ kind: 'masks', path: folder, schema: 'bisenet' }, adapters);
    assert.equal(given.schema.id, 'bisenet');
    await assert.rejects(openLabelSide({ kind: 'masks', path: folder, schema: 'no-such-schema' }, adapters), /Unknown label schema "no-such-schema"/);
    const empty = path.join(fixture.tmp.dir, 'empty');
    fs.mkdirSync(empty);
    await assert.rejects(openLabelSide({ kind: 'masks', path: empty }, adapters), (e: Error) => e.message.startsWith(`${empty}: no mask files`));
  });

  it('names run.json when the run records a schema not known here', async () => {
    const run = path.join(fixture.tmp.dir, 'run-odd-schema');
    fs.cpSync(modelRun, run, { recursive: true });
    const record = JSON.parse(fs.readFileSync(path.join(run, 'run.json'), 'utf8'));
    record.predictions.spec.schema = 'my-own-schema';
    writeText(path.join(run, 'run.json'), JSON.stringify(record));
    await assert.rejects(openLabelSide({ kind: 'run-predictions', path: run }, adapters), (e: Error) => e.message.startsWith(`${run}/run.json: the prediction schema "my-own-schema" is not known here`));
    const side = await openLabelSide({ kind: 'run-predictions', path: run, schema: 'facesynthetics' }, adapters);
    assert.equal(side.schemaReason, 'given by the user');
  });
});

describe('detectSideKind', () => {
  it('tells a run folder, a dataset and a bare mask folder apart, and refuses a file or a missing path', async () => {
    assert.equal(await detectSideKind(modelRun, adapters.files), 'run');
    assert.equal(await detectSideKind(fixture.data.root, adapters.files), 'dataset');
    const masks = path.join(fixture.tmp.dir, 'just-masks');
    await writeGrayPng(path.join(masks, '000001.png'), drawFace(16, 16, FS_FACE));
    assert.equal(await detectSideKind(masks, adapters.files), 'masks');
    const notRun = path.join(fixture.tmp.dir, 'not-a-run');
    writeText(path.join(notRun, 'run.json'), '{"kind": "something-else"}');
    assert.equal(await detectSideKind(notRun, adapters.files), 'masks');
    await assert.rejects(detectSideKind(path.join(masks, '000001.png'), adapters.files), /not a folder/);
    await assert.rejects(detectSideKind(path.join(masks, 'nope'), adapters.files), /not found/);
  });
});
