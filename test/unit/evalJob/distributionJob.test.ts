import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST_FILES, type DistRecord } from '../../../src/core/distribution/distTypes';
import { REAL_STYLE_PROFILE, SYNTHETIC_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { EvalProcessClient } from '../../../src/node/evalJob/evalProcessClient';
import { writeSampleDataset } from '../../../src/node/synth/writeSampleDataset';
import type { DistJob, EvalJobEvents } from '../../../src/protocol/evalJobMessages';
import { isAbortError } from '../../../src/protocol/rpc';
import { buildEvalProcessBundle, type EvalProcessBundle } from '../../helpers/evalProcessBundle';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const COUNT = 16;

let bundle: EvalProcessBundle;
let tmp: TempDir;
let synthetic: string;
let realStyle: string;

before(async () => {
  bundle = await buildEvalProcessBundle();
  tmp = makeTempDir('facegap-dist-job-');
  synthetic = path.join(tmp.dir, 'synthetic');
  realStyle = path.join(tmp.dir, 'real-style');
  await writeSampleDataset(synthetic, { profile: SYNTHETIC_PROFILE, seed: 5, count: COUNT, size: 96 });
  await writeSampleDataset(realStyle, { profile: REAL_STYLE_PROFILE, seed: 5, count: COUNT, size: 96 });
});
after(() => {
  bundle?.remove();
  tmp?.remove();
});

const job = (out: string): DistJob => ({ a: { path: synthetic }, b: { path: realStyle }, outDir: path.join(tmp.dir, out) });

describe('the evaluation process compares distributions', () => {
  it('runs a comparison in the child with progress events and answers with the record it wrote', async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      const events: EvalJobEvents[] = [];
      const result = await client.distribution(job('dist-a'), { onEvent: (e) => events.push(e) });
      assert.equal(result.dir, path.join(tmp.dir, 'dist-a'));
      assert.equal(result.record.complete, true);
      assert.deepEqual([result.record.summary.imagesA, result.record.summary.imagesB], [COUNT, COUNT]);
      const onDisk = JSON.parse(fs.readFileSync(path.join(result.dir, DIST_FILES.record), 'utf8')) as DistRecord;
      assert.deepEqual(onDisk, JSON.parse(JSON.stringify(result.record)));
      const progress = events.filter((e): e is Extract<EvalJobEvents, { type: 'progress' }> => e.type === 'progress');
      assert.ok(progress.length > 0, 'progress events arrive');
      assert.deepEqual([progress.at(-1)?.done, progress.at(-1)?.total], [2 * COUNT, 2 * COUNT]);
      assert.ok(events.some((e) => e.type === 'log' && e.line.startsWith(`distribution: A = ${synthetic}`)), 'a log line names the sides');
    } finally {
      await client.dispose();
    }
  });

  it('is cancellable: the request rejects with an AbortError, and the next comparison reuses what was measured', async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      const controller = new AbortController();
      const running = client.distribution(job('dist-b'), { signal: controller.signal, onEvent: (e) => e.type === 'progress' && e.done >= 4 && controller.abort() });
      await assert.rejects(running, (e: unknown) => isAbortError(e));
      const again = await client.distribution(job('dist-b'));
      assert.equal(again.record.complete, true);
      assert.ok(again.record.timings.reused > 0, `some images are reused after the cancel: ${JSON.stringify(again.record.timings)}`);
    } finally {
      await client.dispose();
    }
  });
});
