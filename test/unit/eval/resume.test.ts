import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkerModelRunner } from '../../../src/node/inference/workerModelRunner';
import { createModelFixture, disposeModelFixture, type FaceDataset, type ModelFixture } from '../../helpers/evalFixtures';
import { evaluateFolder, modelRequest, STRICT } from '../../helpers/runHelpers';
import type { TempDir } from '../../helpers/tempModels';

let fixture: ModelFixture;
let tmp: TempDir;
let runner: WorkerModelRunner;
let data: FaceDataset;
let model: { model: string; spec: string };
before(async () => {
  // 40 items: more than two 16-item chunks, so a stop after the first chunk leaves work to resume.
  fixture = await createModelFixture('facegap-resume-', { count: 40, imageSize: 16, spec: { batchSize: 4 } });
  ({ tmp, runner, data, model } = fixture);
});
after(() => disposeModelFixture(fixture));

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const journalIds = (dir: string) => fs.readFileSync(path.join(dir, 'images.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id as string);

describe('interrupted runs', () => {
  it('resume to the same results as an uninterrupted run, reusing what was finished', async () => {
    const whole = path.join(tmp.dir, 'whole');
    const reference = await evaluateFolder(data.root, modelRequest(model.model, model.spec), whole, { runner });
    const resumed = path.join(tmp.dir, 'resumed');
    const controller = new AbortController();
    const first = await evaluateFolder(data.root, modelRequest(model.model, model.spec), resumed, {
      runner,
      hooks: { signal: controller.signal, onProgress: () => controller.abort() },
    });
    assert.equal(first.summary.status, 'interrupted');
    assert.equal(readJson(path.join(resumed, 'run.json')).status, 'interrupted');
    const finished = journalIds(resumed);
    assert.ok(finished.length > 0 && finished.length < 40, `partial journal (${finished.length} lines)`);
    for (const id of finished) assert.ok(fs.existsSync(path.join(resumed, 'pred', `${id}.png`)), `prediction of ${id} written before its journal line`);
    fs.appendFileSync(path.join(resumed, 'images.jsonl'), '{"v":1,"id":"00003'); // a line torn by a crash
    const second = await evaluateFolder(data.root, modelRequest(model.model, model.spec), resumed, { runner });
    assert.equal(second.summary.status, 'complete');
    assert.equal(second.summary.counts.reused, finished.length);
    assert.equal(second.summary.images, 40);
    assert.ok(second.warnings.some((w) => /1 unreadable line/.test(w)));
    assert.deepEqual(readJson(path.join(resumed, 'confusion.json')).counts, readJson(path.join(whole, 'confusion.json')).counts);
    assert.deepEqual(second.summary.perClass, reference.summary.perClass);
    assert.equal(journalIds(resumed).length, 40, 'the journal is compacted to one line per image');
  });

  it('rescoring with another protocol reuses stored predictions instead of running the model', async () => {
    const dir = path.join(tmp.dir, 'protocol');
    await evaluateFolder(data.root, modelRequest(model.model, model.spec), dir, { runner });
    const again = await evaluateFolder(data.root, modelRequest(model.model, model.spec), dir, { runner, protocol: { ...STRICT, boundaryK: 1 } });
    assert.equal(again.summary.counts.reused, 0, 'no result is reused whole: the protocol changed');
    assert.equal(readJson(path.join(dir, 'run.json')).timings.batches, 0, 'no image went through the model again');
    assert.equal(again.summary.tolerant?.boundaryK, 1);
    assert.equal(again.summary.tolerant?.pixelAccuracy, 1);
    assert.ok(again.summary.tolerant!.scoredPixels < again.summary.scoredPixels, 'the band is left out');
  });

  it('runs an image again when its file changed since the stored result', async () => {
    const root = path.join(tmp.dir, 'fs-copy');
    fs.cpSync(data.root, root, { recursive: true });
    const dir = path.join(tmp.dir, 'changed');
    await evaluateFolder(root, modelRequest(model.model, model.spec), dir, { runner });
    fs.copyFileSync(path.join(root, '000001.png'), path.join(root, '000000.png'));
    const again = await evaluateFolder(root, modelRequest(model.model, model.spec), dir, { runner });
    assert.equal(again.summary.counts.reused, 39);
    assert.ok(again.summary.pixelAccuracy! < 1, 'item 0 now shows item 1, shifted against its labels');
  });
});
