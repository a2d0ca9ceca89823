import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SYNTHETIC_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { defaultEvalProcessPath, EvalProcessClient } from '../../../src/node/evalJob/evalProcessClient';
import { writeSampleDataset } from '../../../src/node/synth/writeSampleDataset';
import type { EvalJob, EvalJobEvents } from '../../../src/protocol/evalJobMessages';
import { isAbortError } from '../../../src/protocol/rpc';
import { buildEvalProcessBundle, type EvalProcessBundle } from '../../helpers/evalProcessBundle';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const MODEL = path.join(__dirname, '../../../models/facegap-parser-small.onnx');

let bundle: EvalProcessBundle;
let tmp: TempDir;
let small: string;
let large: string;
const LARGE = 160;
before(async () => {
  bundle = await buildEvalProcessBundle();
  tmp = makeTempDir('facegap-evaljob-');
  small = path.join(tmp.dir, 'small');
  large = path.join(tmp.dir, 'large');
  await writeSampleDataset(small, { profile: SYNTHETIC_PROFILE, count: 6, seed: 3, size: 128 });
  // 160 items are ten 16-item chunks: a cancel after the first leaves finished images and work to resume, even when
  // the cancel reaches the process late (the chunks prepared and queued ahead of it are finished first).
  await writeSampleDataset(large, { profile: SYNTHETIC_PROFILE, count: LARGE, seed: 4, size: 128 });
});
after(() => {
  bundle?.remove();
  tmp?.remove();
});

const job = (datasetRoot: string, outName: string): EvalJob => ({
  datasetRoot,
  modelPath: MODEL,
  specFlags: {},
  executionProvider: 'cpu',
  threads: 1,
  boundaryK: 0,
  outDir: path.join(tmp.dir, outName),
});

const isGone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

/** Polls until the condition holds (the child writes its last files after the parent's promise settled). */
async function eventually(condition: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('EvalProcessClient with the bundled evaluation process', () => {
  it('evaluates the bundled model in a child process, reporting ready, progress and log events', async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    const events: EvalJobEvents[] = [];
    try {
      const result = await client.run(job(small, 'run-small'), { onEvent: (e) => events.push(e) });
      assert.notEqual(client.pid, process.pid);
      assert.equal(result.summary.status, 'complete');
      assert.equal(result.summary.images, 6);
      assert.equal(result.runDir, path.join(tmp.dir, 'run-small'));
      assert.equal(JSON.parse(fs.readFileSync(path.join(result.runDir, 'run.json'), 'utf8')).status, 'complete');
      assert.equal(fs.readFileSync(path.join(result.runDir, 'images.jsonl'), 'utf8').trim().split('\n').length, 6);
      const ready = events.find((e) => e.type === 'ready');
      assert.deepEqual(ready, { type: 'ready', executionProvider: 'cpu', warnings: [] });
      const progress = events.filter((e) => e.type === 'progress');
      assert.ok(progress.length > 0);
      assert.deepEqual([progress.at(-1)!.done, progress.at(-1)!.total], [6, 6]);
      assert.ok(events.indexOf(ready!) < events.indexOf(progress[0]!), 'ready comes before progress');
      assert.ok(events.some((e) => e.type === 'log' && /^dataset .*small: FaceSynthetics.*6 image\(s\), schema facesynthetics/.test(e.line)));
    } finally {
      await client.dispose();
    }
  });

  it("uses the job's schema when the user chose one, and says so in run.json", async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      const result = await client.run({ ...job(small, 'run-chosen-schema'), schema: 'facesynthetics' });
      const record = JSON.parse(fs.readFileSync(path.join(result.runDir, 'run.json'), 'utf8'));
      assert.deepEqual([record.dataset.schema, record.dataset.schemaReason], ['facesynthetics', 'given by the user']);
    } finally {
      await client.dispose();
    }
  });

  it("scores with the job's boundary band (the facegap.boundaryTolerance setting) and records it", async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      const result = await client.run({ ...job(small, 'run-banded'), boundaryK: 2 });
      const t = result.summary.tolerant!;
      assert.equal(t.boundaryK, 2);
      assert.ok(t.scoredPixels < result.summary.scoredPixels, 'the band is left out');
      assert.ok(t.meanF1! >= result.summary.meanF1!, `the bundled model's errors lie mostly at edges: ${result.summary.meanF1} → ${t.meanF1}`);
      assert.equal(typeof t.boundaryShareOfError, 'number');
      const record = JSON.parse(fs.readFileSync(path.join(result.runDir, 'run.json'), 'utf8'));
      assert.equal(record.protocol.boundaryK, 2);
      assert.equal(record.summary.tolerant.boundaryShareOfError, t.boundaryShareOfError);
    } finally {
      await client.dispose();
    }
  });

  it('cancelling rejects with an AbortError and leaves a run folder that the next run resumes', async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    const controller = new AbortController();
    const outDir = path.join(tmp.dir, 'run-cancel');
    try {
      const first = client.run(job(large, 'run-cancel'), { signal: controller.signal, onEvent: (e) => void (e.type === 'progress' && controller.abort()) });
      await assert.rejects(first, (e: Error) => isAbortError(e));
      await eventually(() => fs.existsSync(path.join(outDir, 'run.json')) && JSON.parse(fs.readFileSync(path.join(outDir, 'run.json'), 'utf8')).status === 'interrupted', 'the interrupted run record');
      const finished = fs.readFileSync(path.join(outDir, 'images.jsonl'), 'utf8').trim().split('\n').length;
      assert.ok(finished > 0 && finished < LARGE, `partial journal (${finished} lines)`);
      const events: EvalJobEvents[] = [];
      const second = await client.run(job(large, 'run-cancel'), { onEvent: (e) => events.push(e) });
      assert.equal(second.summary.status, 'complete');
      assert.equal(second.summary.images, LARGE);
      assert.ok(second.summary.counts.reused > 0, 'finished images are reused');
      assert.match((events[0] as { line?: string }).line ?? '', /^dataset /, "no late event of the cancelled job reaches the next job's listener");
    } finally {
      await client.dispose();
    }
  });

  it('a run aborted before it starts rejects without touching the child', async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    await assert.rejects(client.run(job(small, 'never'), { signal: AbortSignal.abort() }), (e: Error) => isAbortError(e));
    assert.equal(client.pid, undefined);
    assert.ok(!fs.existsSync(path.join(tmp.dir, 'never')));
    await client.dispose();
  });

  it("passes the child's errors through and keeps serving", async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      await assert.rejects(client.run(job(path.join(tmp.dir, 'missing'), 'run-missing')), /missing: not a folder/);
      const pid = client.pid;
      assert.equal((await client.run(job(small, 'run-after-error'))).summary.images, 6);
      assert.equal(client.pid, pid, 'the same child served both');
    } finally {
      await client.dispose();
    }
  });
});

describe('EvalProcessClient when the child dies or is disposed', () => {
  it('rejects the pending run naming the signal when the child is killed, and forks a fresh child for the next run', async () => {
    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      const pending = client.run(job(large, 'run-killed'), { onEvent: (e) => void (e.type === 'ready' && process.kill(client.pid!, 'SIGKILL')) });
      await assert.rejects(pending, /the evaluation process exited unexpectedly \(signal SIGKILL\)/);
      assert.equal((await client.run(job(small, 'run-after-kill'))).summary.images, 6);
    } finally {
      await client.dispose();
    }
  });

  it('names the exit code and the last stderr lines of a child that cannot start', async () => {
    const client = new EvalProcessClient(path.join(bundle.dir, 'no-such-script.js'));
    try {
      await assert.rejects(client.run(job(small, 'run-no-script')), /exited unexpectedly \(exit code 1\); its last stderr lines:[\s\S]*Cannot find module/);
    } finally {
      await client.dispose();
    }
  });

  it('dispose rejects the running job; the child records the interruption and exits on its own', async () => {
    // A long grace time: the test would time out if the child needed SIGKILL.
    const client = new EvalProcessClient(bundle.scriptPath, { killAfterMs: 60_000 });
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    const pending = client.run(job(large, 'run-disposed'), { onEvent: (e) => void (e.type === 'ready' && ready()) });
    const rejected = assert.rejects(pending, /disposed/);
    await isReady;
    const pid = client.pid!;
    assert.ok(!isGone(pid));
    await client.dispose();
    await rejected;
    assert.ok(isGone(pid), 'the child is gone');
    assert.equal(client.pid, undefined);
    assert.equal(JSON.parse(fs.readFileSync(path.join(tmp.dir, 'run-disposed', 'run.json'), 'utf8')).status, 'interrupted');
    await assert.rejects(client.run(job(small, 'run-late')), /disposed/);
  });

  it('dispose kills a child that ignores the request to exit', async () => {
    const stubborn = path.join(bundle.dir, 'stubborn.js');
    fs.writeFileSync(stubborn, "process.on('disconnect', () => undefined); setInterval(() => undefined, 1000);\n");
    const client = new EvalProcessClient(stubborn, { killAfterMs: 200 });
    const pending = client.run(job(small, 'run-stubborn'));
    const rejected = assert.rejects(pending, /disposed/);
    await eventually(() => client.pid !== undefined, 'the fork');
    const pid = client.pid!;
    await client.dispose();
    await rejected;
    assert.ok(isGone(pid), 'the child was killed');
  });

  it('the default script lies beside the inference worker', () => {
    assert.equal(defaultEvalProcessPath(path.join('dist')), path.join('dist', 'evalProcess.js'));
  });
});
