// The orphan rule of the evaluation process: when its parent dies without a word (an extension host killed by a window
// reload, a crash, SIGKILL), the child notices its IPC channel closing, records the run as interrupted and exits, so
// that no evalProcess.js outlives the host; the next run resumes from the journal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SYNTHETIC_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { EvalProcessClient } from '../../../src/node/evalJob/evalProcessClient';
import { writeSampleDataset } from '../../../src/node/synth/writeSampleDataset';
import type { EvalJob } from '../../../src/protocol/evalJobMessages';
import { buildEvalProcessBundle, type EvalProcessBundle } from '../../helpers/evalProcessBundle';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const REPO = path.join(__dirname, '../../..');
const MODEL = path.join(REPO, 'models/facegap-parser-small.onnx');
const IMAGES = 96;

let bundle: EvalProcessBundle;
let tmp: TempDir;
let dataset: string;
before(async () => {
  bundle = await buildEvalProcessBundle();
  tmp = makeTempDir('facegap-orphan-');
  dataset = path.join(tmp.dir, 'faces');
  await writeSampleDataset(dataset, { profile: SYNTHETIC_PROFILE, count: IMAGES, seed: 5, size: 128 });
});
after(() => {
  bundle?.remove();
  tmp?.remove();
});

const job = (outDir: string): EvalJob => ({ datasetRoot: dataset, modelPath: MODEL, specFlags: {}, executionProvider: 'cpu', threads: 1, boundaryK: 0, outDir });

/**
 * A throwaway parent: runs the job through the real EvalProcessClient and prints the child's pid once the first
 * images are done, then waits to be killed.
 */
const PARENT = `
const loaded = await import(process.env.CLIENT);
const { EvalProcessClient } = loaded.EvalProcessClient ? loaded : loaded.default;
const client = new EvalProcessClient(process.env.SCRIPT);
let said = false;
client.run(JSON.parse(process.env.JOB), {
  onEvent: (e) => {
    if (said || e.type !== 'progress' || e.done === 0) return;
    said = true;
    process.stdout.write(JSON.stringify({ child: client.pid, done: e.done }) + '\\n');
  },
}).then(() => process.stdout.write('{"finished":true}\\n'), (e) => process.stdout.write(JSON.stringify({ error: String(e) }) + '\\n'));
setInterval(() => undefined, 1000);
`;

/** Gone, or a zombie nobody reaped yet (in a container without an init that reaps, an exited orphan stays one). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  let stat = '';
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true;
  }
  return stat.slice(stat.lastIndexOf(')') + 1).trim().startsWith('Z');
}

async function eventually(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the parent and resolves with its process and the child's pid, read from the parent's first line. */
function startParent(outDir: string): Promise<{ parent: ReturnType<typeof spawn>; child: number; done: number }> {
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PARENT], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CLIENT: path.join(REPO, 'src/node/evalJob/evalProcessClient.ts'), SCRIPT: bundle.scriptPath, JOB: JSON.stringify(job(outDir)) },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    parent.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n')) return;
      const said = JSON.parse(line) as { child?: number; done?: number; error?: string; finished?: boolean };
      if (said.child) resolve({ parent, child: said.child, done: said.done ?? 0 });
      else reject(new Error(`the parent said ${line} before any image was done (the dataset is too small for this machine?)`));
    });
    parent.on('exit', (code, signal) => reject(new Error(`the parent exited early (${signal ?? code}): ${out}`)));
  });
}

describe('the evaluation process when its parent dies', () => {
  it('exits after its parent is killed with SIGKILL, leaving an interrupted run that the next run resumes', async () => {
    const outDir = path.join(tmp.dir, 'run-orphan');
    const { parent, child } = await startParent(outDir);
    assert.ok(!isGone(child), 'the child runs while its parent does');
    parent.kill('SIGKILL');
    await eventually(() => isGone(child), `the orphaned child ${child} to exit`, 10_000);

    const record = JSON.parse(fs.readFileSync(path.join(outDir, 'run.json'), 'utf8')) as { status: string };
    assert.equal(record.status, 'interrupted', 'the orphan recorded the interruption before exiting');
    const lines = fs.readFileSync(path.join(outDir, 'images.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const ids = lines.map((l) => (JSON.parse(l) as { id: string }).id);
    assert.ok(ids.length > 0 && ids.length < IMAGES, `a partial journal (${ids.length} of ${IMAGES} lines), every line JSON`);
    assert.equal(new Set(ids).size, ids.length, 'no image journalled twice');

    const client = new EvalProcessClient(bundle.scriptPath);
    try {
      const result = await client.run(job(outDir));
      assert.equal(result.summary.status, 'complete');
      assert.equal(result.summary.images, IMAGES);
      assert.equal(result.summary.counts.reused, ids.length, 'the rerun reuses exactly the journalled images');
    } finally {
      await client.dispose();
    }
  });
});
