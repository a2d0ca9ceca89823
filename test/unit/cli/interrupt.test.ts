import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { colourEvalFixture, type FaceDataset } from '../../helpers/evalFixtures';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let cli: string;
let data: FaceDataset;
let model: { model: string; spec: string };
before(async () => {
  cli = builtCli();
  // A 256×256 model input makes each image take a few milliseconds, long enough to interrupt mid-run.
  ({ tmp, data, model } = await colourEvalFixture('facegap-sigint-', 300, 32, 256));
});
after(() => tmp.remove());

function journalLines(out: string): number {
  const file = path.join(out, 'images.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).length : 0;
}

describe('Ctrl-C during facegap eval', () => {
  it('stops cleanly with exit code 130, keeps finished work, and a rerun resumes', async () => {
    const out = path.join(tmp.dir, 'run');
    const args = [cli, 'eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--out', out, '--no-progress'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let signalled = false;
    while (!signalled && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 10));
      if (journalLines(out) > 0) signalled = child.kill('SIGINT');
    }
    const code = await exited;
    assert.ok(signalled, 'the run was still going when the first results were journaled');
    assert.equal(code, 130, stderr);
    assert.match(stderr, /stopping after the current batch/);
    const done = journalLines(out);
    assert.ok(done > 0 && done < 300, `${done} of 300 finished before the stop`);
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'run.json'), 'utf8')).status, 'interrupted');
    assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'no half-written file is left');
    const rerun = await runCli(cli, args.slice(1).concat('--json'));
    assert.equal(rerun.code, 0, rerun.stderr);
    const summary = JSON.parse(rerun.stdout);
    assert.equal(summary.images, 300);
    assert.ok(summary.counts.reused >= done, `reused ${summary.counts.reused}, journaled ${done}`);
    assert.equal(summary.pixelAccuracy, 1);
  });
});
