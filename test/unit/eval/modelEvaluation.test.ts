import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FACE_SYNTHETICS_SCHEMA } from '../../../src/core/schema/builtin/faceSynthetics';
import { SharpImageDecoder } from '../../../src/node/imaging/sharpImageDecoder';
import type { WorkerModelRunner } from '../../../src/node/inference/workerModelRunner';
import { createModelFixture, disposeModelFixture, type FaceDataset, type ModelFixture } from '../../helpers/evalFixtures';
import { countIds } from '../../helpers/datasetLayouts';
import { paintLabels, schemaColours, writeRgb } from '../../helpers/fixtures';
import { rank2Model } from '../../helpers/onnxBuilder';
import { evaluateFolder, modelRequest } from '../../helpers/runHelpers';
import type { TempDir } from '../../helpers/tempModels';

let fixture: ModelFixture;
let tmp: TempDir;
let runner: WorkerModelRunner;
let data: FaceDataset;
let model: { model: string; spec: string };
before(async () => {
  fixture = await createModelFixture('facegap-model-', { count: 5 });
  ({ tmp, runner, data, model } = fixture);
});
after(() => disposeModelFixture(fixture));

describe('evaluating an ONNX model', () => {
  it('scores a model that recovers every class exactly as perfect, and stores its predictions', async () => {
    const out = path.join(tmp.dir, 'run-exact');
    const { summary } = await evaluateFolder(data.root, modelRequest(model.model, model.spec), out, { runner });
    assert.equal(summary.images, 5);
    assert.equal(summary.pixelAccuracy, 1);
    assert.equal(summary.meanF1, 1);
    assert.equal(summary.executionProvider, 'cpu');
    const stored = await new SharpImageDecoder().decodeMask(fs.readFileSync(path.join(out, 'pred', '000003.png')), 'pred');
    assert.equal(stored.kind, 'ids');
    assert.deepEqual(stored.kind === 'ids' ? stored.map.data : undefined, data.labels.get('000003')!.data);
    const record = JSON.parse(fs.readFileSync(path.join(out, 'run.json'), 'utf8'));
    assert.equal(record.status, 'complete');
    assert.equal(record.predictions.sha256, createHash('sha256').update(fs.readFileSync(model.model)).digest('hex'));
    assert.equal(record.predictions.spec.input.width, 32);
    assert.ok(record.environment.onnxruntime && record.environment.node);
  });

  it('counts a painted error exactly: a 3×3 nose-coloured patch on the skin', async () => {
    const id = '000002';
    const label = data.labels.get(id)!;
    const painted = paintLabels(label, schemaColours(FACE_SYNTHETICS_SCHEMA));
    for (let y = 20; y < 23; y++) for (let x = 10; x < 13; x++) painted.data.set([76, 153, 0], (y * 32 + x) * 3);
    for (let y = 20; y < 23; y++) for (let x = 10; x < 13; x++) assert.equal(label.data[y * 32 + x], 1, 'the patch lies on skin');
    const root = path.join(tmp.dir, 'fs-patched');
    fs.cpSync(data.root, root, { recursive: true });
    await writeRgb(path.join(root, `${id}.png`), painted);
    const { summary } = await evaluateFolder(root, modelRequest(model.model, model.spec), path.join(tmp.dir, 'run-patched'), { runner });
    const skinPixels = [...data.labels.values()].reduce((n, m) => n + (countIds(m).get(1) ?? 0), 0);
    const skin = summary.perClass.find((c) => c.name === 'SKIN')!;
    assert.equal(skin.gtPixels, skinPixels);
    assert.equal(skin.recall, (skinPixels - 9) / skinPixels);
    assert.equal(summary.pixelAccuracy, 1 - 9 / (5 * 32 * 32));
  });

  it('refuses a file that is not ONNX and a model whose input is not an image, naming the file', async () => {
    const notOnnx = tmp.write('notes.onnx', 'this is not a model');
    await assert.rejects(evaluateFolder(data.root, modelRequest(notOnnx, model.spec), path.join(tmp.dir, 'run-bad1'), { runner }), /notes\.onnx is not a loadable ONNX model/);
    const rank2 = tmp.write('rank2.onnx', rank2Model());
    await assert.rejects(evaluateFolder(data.root, modelRequest(rank2, model.spec), path.join(tmp.dir, 'run-bad2'), { runner }), /rank2\.onnx: input 'x' has rank 2/);
  });
});
