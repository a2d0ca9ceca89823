import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIFF_FILES } from '../../../src/core/diff/diffLayout';
import type { DiffRecord, LabelSideSpec } from '../../../src/core/diff/diffTypes';
import { EvalProcessClient } from '../../../src/node/evalJob/evalProcessClient';
import type { DiffJob, EvalJobEvents } from '../../../src/protocol/evalJobMessages';
import { isAbortError } from '../../../src/protocol/rpc';
import { FS_SCHEMA, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { buildEvalProcessBundle, type EvalProcessBundle } from '../../helpers/evalProcessBundle';
import { writeGrayPng } from '../../helpers/fixtures';
import { generatedFaceLabels, offsetClass } from '../../helpers/plantedLabels';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const HAIR = FS_SCHEMA.classes.find((c) => c.name === 'HAIR')!.id;
const COUNT = 40;
const SIZE = 96;

let bundle: EvalProcessBundle;
let tmp: TempDir;
let a: LabelSideSpec;
let b: LabelSideSpec;

before(async () => {
  bundle = await buildEvalProcessBundle();
  tmp = makeTempDir('facegap-diff-job-');
  const root = path.join(tmp.dir, 'dataset');
  const masks = path.join(tmp.dir, 'masks');
  for (let i = 0; i < COUNT; i++) {
    const id = String(i).padStart(6, '0');
    const map = generatedFaceLabels(FS_SCHEMA, i, SIZE);
    await writeFaceSyntheticsItem(root, id, map, 0);
    await writeGrayPng(path.join(masks, `${id}.png`), offsetClass(map, HAIR, 2));
  }
  a = { kind: 'dataset', path: root };
  b = { kind: 'masks', path: masks, schema: 'facesynthetics' };
});
after(() => {
  bundle?.remove();
  tmp?.remove();
});

const job = (out: string): DiffJob => ({ a, b, protocol: { bandK: 2, match: 'sides', sizeRule: 'b-to-a' }, outDir: path.join(tmp.dir, out) });

describe('the evaluation process computes label diffs', () => {
  it('runs a diff in the child with progress events and answers with the record it wrote', async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      const events: EvalJobEvents[] = [];
      const result = await client.diff(job('diff-a'), { onEvent: (e) => events.push(e) });
      assert.equal(result.dir, path.join(tmp.dir, 'diff-a'));
      assert.equal(result.record.complete, true);
      assert.equal(result.record.summary.images, COUNT);
      const onDisk = JSON.parse(fs.readFileSync(path.join(result.dir, DIFF_FILES.diff), 'utf8')) as DiffRecord;
      assert.deepEqual(onDisk, JSON.parse(JSON.stringify(result.record)));
      const progress = events.filter((e): e is Extract<EvalJobEvents, { type: 'progress' }> => e.type === 'progress');
      assert.ok(progress.length > 0, 'progress events arrive');
      assert.deepEqual([progress.at(-1)?.done, progress.at(-1)?.total], [COUNT, COUNT]);
      assert.ok(events.some((e) => e.type === 'log' && e.line.startsWith('diff: A = dataset')), 'a log line names the sides');
    } finally {
      await client.dispose();
    }
  });

  it('is cancellable: the request rejects with an AbortError, and the next diff reuses what was compared', async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      const controller = new AbortController();
      const running = client.diff(job('diff-b'), { signal: controller.signal, onEvent: (e) => e.type === 'progress' && e.done >= 4 && controller.abort() });
      await assert.rejects(running, (e: unknown) => isAbortError(e));
      const again = await client.diff(job('diff-b'));
      assert.equal(again.record.complete, true);
      assert.ok(again.record.timings.reused > 0, `some images are reused after the cancel: ${JSON.stringify(again.record.timings)}`);
    } finally {
      await client.dispose();
    }
  });
});
