import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkerModelRunner } from '../../../src/node/inference/workerModelRunner';
import { createModelFixture, disposeModelFixture, type ModelFixture } from '../../helpers/evalFixtures';
import { drawFace, FS_FACE, writeGrayPng } from '../../helpers/fixtures';
import { evaluateFolder, modelRequest } from '../../helpers/runHelpers';
import type { TempDir } from '../../helpers/tempModels';

let fixture: ModelFixture;
let tmp: TempDir;
let runner: WorkerModelRunner;
let root: string;
let model: { model: string; spec: string };
before(async () => {
  fixture = await createModelFixture('facegap-bad-', { count: 7 });
  ({ tmp, runner, model } = fixture);
  root = fixture.data.root;
  const png = fs.readFileSync(path.join(root, '000000.png'));
  fs.writeFileSync(path.join(root, '000000.png'), png.subarray(0, Math.floor(png.length / 2))); // truncated image
  fs.writeFileSync(path.join(root, '000001.png'), Buffer.from('not an image at all')); // corrupt image
  const unknownId = drawFace(32, 32, FS_FACE);
  unknownId.data.fill(23, 0, 10);
  await writeGrayPng(path.join(root, '000002_seg.png'), unknownId); // class id 23 is not FaceSynthetics
  await writeGrayPng(path.join(root, '000003_seg.png'), drawFace(48, 32, FS_FACE)); // label 48×32, image 32×32
  fs.writeFileSync(path.join(root, '000004_seg.png'), Buffer.alloc(0)); // zero-byte mask
  fs.rmSync(path.join(root, '000005_seg.png')); // image without a partner: not an item
});
after(() => disposeModelFixture(fixture));

describe('bad input during evaluation', () => {
  it('skips each broken item with a message naming its file and scores the rest', async () => {
    const { summary } = await evaluateFolder(root, modelRequest(model.model, model.spec), path.join(tmp.dir, 'run'), { runner });
    assert.equal(summary.images, 1, 'only 000006 is intact');
    assert.equal(summary.pixelAccuracy, 1);
    const byFile = new Map(summary.skipped.map((s) => [path.basename(s.file), s.reason]));
    assert.match(byFile.get('000000.png') ?? '', /truncated or corrupt/);
    assert.match(byFile.get('000001.png') ?? '', /not an image file/);
    assert.match(byFile.get('000002_seg.png') ?? '', /class id 23 \(10 px\) not in schema facesynthetics/);
    assert.match(byFile.get('000003_seg.png') ?? '', /label is 48×32 but its image is 32×32 \(different aspect ratio\)/);
    assert.match(byFile.get('000004_seg.png') ?? '', /cannot decode/);
    assert.equal(summary.skipped.length, 5);
    assert.ok(!summary.skipped.some((s) => s.file.includes('000005')), 'an unpaired image is a dataset problem, not an evaluation item');
  });
});
