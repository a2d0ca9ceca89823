import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { colourEvalFixture, type FaceDataset } from '../../helpers/evalFixtures';
import { builtCli, runCli, type CliResult } from '../../helpers/cliRunner';
import { descendants, eventually } from '../../helpers/processTree';
import { checkRunFolder, runResults } from '../../helpers/runFolderChecks';
import { evaluateFolder } from '../../helpers/runHelpers';
import { type TempDir } from '../../helpers/tempModels';

const IMAGES = 96;

let tmp: TempDir;
let cli: string;
let data: FaceDataset;
let model: { model: string; spec: string };
before(async () => {
  cli = builtCli();
  ({ tmp, data, model } = await colourEvalFixture('facegap-concurrency-', IMAGES, 32, 256));
  const serial = await runCli(cli, evalArgs('serial'));
  assert.equal(serial.code, 0, serial.stderr);
});
after(() => tmp?.remove());

function evalArgs(out: string): string[] {
  return ['eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--threads', '1', '--out', path.join(tmp.dir, out), '--no-progress', '--json'];
}

/** Starts the CLI; `done` settles with its exit code and output. */
function startCli(args: readonly string[]): { pid: number; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { pid: child.pid!, done };
}

/** The folder holds the results of the serial run: same scores, confusion, journal and prediction PNGs. */
async function assertSameAsSerial(out: string): Promise<void> {
  const dir = path.join(tmp.dir, out);
  const state = await checkRunFolder(dir, IMAGES);
  assert.deepEqual([state.status, state.tempFiles, state.lockFile], ['complete', [], false]);
  const [got, want] = [runResults(dir), runResults(path.join(tmp.dir, 'serial'))];
  assert.deepEqual(got.summary, want.summary);
  assert.deepEqual(got.confusion, want.confusion);
  assert.deepEqual(got.journal, want.journal);
  assert.deepEqual([...got.preds.keys()], [...want.preds.keys()]);
  for (const [file, bytes] of want.preds) assert.ok(bytes.equals(got.preds.get(file)!), `pred/${file}`);
}

describe('two facegap eval runs at once', () => {
  it('into different folders on the same dataset: both complete with the serial result, and no process is left', async () => {
    const [a, b] = [startCli(evalArgs('apart-a')), startCli(evalArgs('apart-b'))];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    assert.equal(ra.code, 0, ra.stderr);
    assert.equal(rb.code, 0, rb.stderr);
    await assertSameAsSerial('apart-a');
    await assertSameAsSerial('apart-b');
    assert.deepEqual(descendants().filter((p) => p.pid === a.pid || p.pid === b.pid || p.args.includes(cli)), [], 'no facegap process is left');
  });

  it('into the same folder: the second refuses, naming the folder and the first run’s process, and the first completes', async () => {
    const out = path.join(tmp.dir, 'shared');
    const first = startCli(evalArgs('shared'));
    await eventually(() => fs.existsSync(path.join(out, 'run.lock')), 'the first run to lock its folder');
    // Stopping the first run while it holds the folder makes the overlap certain, however fast either runs.
    process.kill(first.pid, 'SIGSTOP');
    let second: CliResult;
    try {
      second = await runCli(cli, evalArgs('shared'));
    } finally {
      process.kill(first.pid, 'SIGCONT');
    }
    assert.equal(second.code, 1, second.stderr);
    assert.match(second.stderr, new RegExp(`${escape(out)} is in use by another facegap run \\(process ${first.pid}, since `));
    assert.match(second.stderr, /delete .*run\.lock/);
    const firstResult = await first.done;
    assert.equal(firstResult.code, 0, firstResult.stderr);
    await assertSameAsSerial('shared');
  });

  it('into the same folder, started together: whichever runs, the folder ends with the serial result', async () => {
    const runs = await Promise.all([startCli(evalArgs('together')).done, startCli(evalArgs('together')).done]);
    const refused = runs.filter((r) => r.code === 1);
    assert.ok(runs.some((r) => r.code === 0), runs.map((r) => r.stderr).join('\n'));
    for (const r of refused) assert.match(r.stderr, /is in use by another facegap run/);
    assert.equal(runs.filter((r) => r.code === 0).length + refused.length, 2, runs.map((r) => r.stderr).join('\n'));
    await assertSameAsSerial('together');
  });
});

describe('run.lock', () => {
  const lockOf = (out: string) => path.join(out, 'run.lock');
  const perfect = () => ({ kind: 'folder' as const, folder: path.join(tmp.dir, 'serial', 'pred') });
  const writeLock = (out: string, owner: Record<string, unknown>) => {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(lockOf(out), JSON.stringify({ host: hostname(), startedAt: new Date().toISOString(), token: 'feedc0de', ...owner }));
  };

  it('of a process that is gone is taken over with a note, and released at the end', async () => {
    const out = path.join(tmp.dir, 'stale-lock');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeLock(out, { pid: dead, startedAt: '2026-01-01T00:00:00.000Z' });
    const ready: string[] = [];
    const result = await evaluateFolder(data.root, perfect(), out, { hooks: { onReady: (f) => ready.push(...f.warnings) } });
    assert.equal(result.summary.status, 'complete');
    assert.match(ready.join('\n'), new RegExp(`note: took over .*run\\.lock: process ${dead} \\(since 2026-01-01T00:00:00.000Z\\) is no longer running`));
    assert.ok(!fs.existsSync(lockOf(out)));
  });

  it('of a live process, or of one on another machine, makes the run refuse before it writes anything', async () => {
    const out = path.join(tmp.dir, 'live-lock');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60000)']);
    try {
      writeLock(out, { pid: sleeper.pid });
      await assert.rejects(evaluateFolder(data.root, perfect(), out), new RegExp(`in use by another facegap run \\(process ${sleeper.pid}, since`));
      writeLock(out, { pid: 1, host: 'elsewhere.example' });
      await assert.rejects(evaluateFolder(data.root, perfect(), out), /in use by another facegap run \(process 1 on elsewhere\.example, since/);
      assert.deepEqual(fs.readdirSync(out), ['run.lock'], 'the lock is left as it was, and nothing else is written');
    } finally {
      sleeper.kill();
    }
  });

  it('of a process id that a later process reuses is taken over (Linux tells by the start time)', { skip: process.platform !== 'linux' }, async () => {
    const out = path.join(tmp.dir, 'reused-pid');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60000)']);
    try {
      writeLock(out, { pid: sleeper.pid, startedAt: '2026-01-01T00:00:00.000Z' });
      const ready: string[] = [];
      await evaluateFolder(data.root, perfect(), out, { hooks: { onReady: (f) => ready.push(...f.warnings) } });
      assert.match(ready.join('\n'), new RegExp(`took over .*process ${sleeper.pid} .* is no longer running`));
    } finally {
      sleeper.kill();
    }
  });

  it('that cannot be read (a lock file cut short) counts as stale', async () => {
    const out = path.join(tmp.dir, 'broken-lock');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(lockOf(out), '{"pid":');
    assert.equal((await evaluateFolder(data.root, perfect(), out)).summary.status, 'complete');
    assert.ok(!fs.existsSync(lockOf(out)));
  });

  it('keeps facegap merge out of a run folder that a run holds', async () => {
    const shards = ['1/2', '2/2'].map((shard, i) => ({ shard, out: `shard-${i + 1}` }));
    for (const { shard, out } of shards) assert.equal((await runCli(cli, [...evalArgs(out), '--shard', shard])).code, 0);
    const out = path.join(tmp.dir, 'merge-held');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60000)']);
    try {
      writeLock(out, { pid: sleeper.pid });
      const merge = await runCli(cli, ['merge', ...shards.map((s) => path.join(tmp.dir, s.out)), '--out', out]);
      assert.equal(merge.code, 1, merge.stderr);
      assert.match(merge.stderr, new RegExp(`${escape(out)} is in use by another facegap run \\(process ${sleeper.pid},`));
      assert.deepEqual(fs.readdirSync(out), ['run.lock']);
    } finally {
      const exited = new Promise((resolve) => sleeper.once('exit', resolve));
      sleeper.kill();
      await exited;
    }
    const merged = await runCli(cli, ['merge', ...shards.map((s) => path.join(tmp.dir, s.out)), '--out', out]);
    assert.equal(merged.code, 0, merged.stderr);
    assert.ok(!fs.existsSync(lockOf(out)), 'the merge released the lock, and took over the one of the process that ended');
  });

  it('keeps two runs in one process apart too', async () => {
    const out = path.join(tmp.dir, 'in-process');
    const runs = await Promise.allSettled([evaluateFolder(data.root, perfect(), out), evaluateFolder(data.root, perfect(), out)]);
    const failed = runs.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.ok(failed.length <= 1);
    for (const f of failed) assert.match(String(f.reason), new RegExp(`in use by another facegap run \\(process ${process.pid},`));
    assert.equal((await checkRunFolder(out, IMAGES)).status, 'complete');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
