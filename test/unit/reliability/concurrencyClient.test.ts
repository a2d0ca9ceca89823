import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultEvalProcessPath, EvalProcessClient } from '../../../src/node/evalJob/evalProcessClient';
import type { EvalJob } from '../../../src/protocol/evalJobMessages';
import { builtCli } from '../../helpers/cliRunner';
import { colourEvalFixture, type FaceDataset } from '../../helpers/evalFixtures';
import { descendants, eventually, isGone } from '../../helpers/processTree';
import { checkRunFolder, runResults } from '../../helpers/runFolderChecks';
import { type TempDir } from '../../helpers/tempModels';

const IMAGES = 64;

let tmp: TempDir;
let script: string;
let data: FaceDataset;
let model: { model: string; spec: string };
before(async () => {
  script = defaultEvalProcessPath(path.dirname(builtCli()));
  ({ tmp, data, model } = await colourEvalFixture('facegap-clients-', IMAGES, 32, 256));
  const client = new EvalProcessClient(script);
  try {
    assert.equal((await client.run(job('serial'))).summary.status, 'complete');
  } finally {
    await client.dispose();
  }
});
after(() => tmp?.remove());

const job = (out: string): EvalJob => ({
  datasetRoot: data.root,
  modelPath: model.model,
  specFile: model.spec,
  specFlags: {},
  executionProvider: 'cpu',
  threads: 1,
  boundaryK: 0,
  outDir: path.join(tmp.dir, out),
});

/** Evaluation processes started from this test process that are still there. */
const evalChildren = () => descendants().filter((p) => p.args.includes('evalProcess.js'));

async function assertSameAsSerial(out: string): Promise<void> {
  const dir = path.join(tmp.dir, out);
  const state = await checkRunFolder(dir, IMAGES);
  assert.deepEqual([state.status, state.tempFiles, state.lockFile], ['complete', [], false]);
  const [got, want] = [runResults(dir), runResults(path.join(tmp.dir, 'serial'))];
  assert.deepEqual([got.summary, got.confusion, got.journal], [want.summary, want.confusion, want.journal]);
  for (const [file, bytes] of want.preds) assert.ok(bytes.equals(got.preds.get(file)!), `pred/${file}`);
}

describe('EvalProcessClient jobs at once', () => {
  it('two clients into different folders: two children, both complete with the serial result, both gone after dispose', async () => {
    const clients = [new EvalProcessClient(script), new EvalProcessClient(script)];
    try {
      const runs = [clients[0]!.run(job('two-a')), clients[1]!.run(job('two-b'))];
      const pids = await Promise.all(clients.map(async (c) => (await eventually(() => c.pid !== undefined, 'the fork'), c.pid!)));
      assert.notEqual(pids[0], pids[1]);
      await Promise.all(runs);
      await assertSameAsSerial('two-a');
      await assertSameAsSerial('two-b');
      await Promise.all(clients.map((c) => c.dispose()));
      for (const pid of pids) assert.ok(isGone(pid), `child ${pid} is gone`);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
    assert.deepEqual(evalChildren(), []);
  });

  it('two clients into the same folder: the second job fails naming the first child, the first completes', async () => {
    const [a, b] = [new EvalProcessClient(script), new EvalProcessClient(script)];
    const out = path.join(tmp.dir, 'same');
    try {
      const first = a.run(job('same'));
      await eventually(() => fs.existsSync(path.join(out, 'run.lock')), 'the first job to lock its folder');
      const holder = a.pid!;
      process.kill(holder, 'SIGSTOP');
      try {
        await assert.rejects(b.run(job('same')), new RegExp(`is in use by another facegap run \\(process ${holder}, since .*delete .*run\\.lock`));
      } finally {
        process.kill(holder, 'SIGCONT');
      }
      assert.equal((await first).summary.status, 'complete');
      await assertSameAsSerial('same');
    } finally {
      await Promise.all([a.dispose(), b.dispose()]);
    }
  });

  it('two jobs on one client run one after the other in one child', async () => {
    const client = new EvalProcessClient(script);
    try {
      const runs = [client.run(job('queued-a')), client.run(job('queued-b'))];
      await eventually(() => client.pid !== undefined, 'the fork');
      const pid = client.pid;
      await Promise.all(runs);
      assert.equal(client.pid, pid, 'one child served both');
      await assertSameAsSerial('queued-a');
      await assertSameAsSerial('queued-b');
    } finally {
      await client.dispose();
    }
  });

  it('dispose mid-run rejects the running and the queued job, ends the child, and leaves a resumable folder', async () => {
    const client = new EvalProcessClient(script);
    const out = path.join(tmp.dir, 'disposed');
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    // Disposing on 'ready' leaves the whole dataset to do, so the job cannot have ended first.
    const running = client.run(job('disposed'), { onEvent: (e) => void (e.type === 'ready' && ready()) });
    const queued = client.run(job('never-started'));
    const rejected = Promise.all([assert.rejects(running, /disposed/), assert.rejects(queued, /disposed/)]);
    await isReady;
    const pid = client.pid!;
    await client.dispose();
    await rejected;
    assert.ok(isGone(pid), 'the child is gone');
    assert.deepEqual(evalChildren(), [], 'no evaluation process is left');
    const state = await checkRunFolder(out, IMAGES);
    assert.deepEqual([state.status, state.lockFile, state.tempFiles], ['interrupted', false, []]);
    assert.ok(!fs.existsSync(path.join(tmp.dir, 'never-started')), 'the queued job never started');
    const again = new EvalProcessClient(script);
    try {
      const resumed = await again.run(job('disposed'));
      assert.equal(resumed.summary.counts.reused, state.journalLines);
      await assertSameAsSerial('disposed');
    } finally {
      await again.dispose();
    }
  });
});
