import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultEvalProcessPath, EvalProcessClient } from '../../../src/node/evalJob/evalProcessClient';
import type { EvalJob, EvalJobEvents } from '../../../src/protocol/evalJobMessages';
import { builtCli } from '../../helpers/cliRunner';
import { colourEvalFixture, type FaceDataset } from '../../helpers/evalFixtures';
import { atEvent, atLines, type KillRule } from '../../helpers/killableRun';
import { descendants } from '../../helpers/processTree';
import { prng } from '../../helpers/prng';
import { checkRunFolder, runResults } from '../../helpers/runFolderChecks';
import { type TempDir } from '../../helpers/tempModels';

const SEED = 99;
const KILLS = 4;
const IMAGES = 96;

let tmp: TempDir;
let script: string;
let data: FaceDataset;
let model: { model: string; spec: string };
before(async () => {
  script = defaultEvalProcessPath(path.dirname(builtCli()));
  ({ tmp, data, model } = await colourEvalFixture('facegap-childcrash-', IMAGES, 32, 256));
});
after(() => tmp?.remove());

const job = (out: string): EvalJob => ({
  datasetRoot: data.root, modelPath: model.model, specFile: model.spec, specFlags: {}, executionProvider: 'cpu', threads: 1, boundaryK: 0, outDir: path.join(tmp.dir, out),
});

/** Runs a job and SIGKILLs the client's child when the rule says so on a file-system event in the run folder. */
async function runAndKillChild(client: EvalProcessClient, out: string, rule: KillRule): Promise<{ killed: boolean; events: EvalJobEvents[] }> {
  const dir = path.join(tmp.dir, out);
  fs.mkdirSync(dir, { recursive: true });
  const events: EvalJobEvents[] = [];
  let count = 0;
  let killed = false;
  const watcher = fs.watch(dir, (_type, file) => {
    const pid = client.pid;
    if (!killed && pid !== undefined && rule(++count, file ?? '')) killed = process.kill(pid, 'SIGKILL');
  });
  try {
    await client.run(job(out), { onEvent: (e) => events.push(e) });
    return { killed: false, events };
  } catch (error) {
    assert.ok(killed, String(error));
    assert.match(String(error), /the evaluation process exited unexpectedly \(signal SIGKILL\)/);
    return { killed: true, events };
  } finally {
    watcher.close();
  }
}

describe('the evaluation child of EvalProcessClient killed with SIGKILL at random points', () => {
  it(`seed ${SEED}: the folder stays whole after each kill, and the next job resumes to the uninterrupted result`, async (t) => {
    const client = new EvalProcessClient(script);
    try {
      assert.equal((await client.run(job('baseline'))).summary.status, 'complete');
      const random = prng(SEED);
      const dir = path.join(tmp.dir, 'killed');
      let state = await checkRunFolder(dir, IMAGES);
      for (let kill = 0; kill < KILLS; kill++) {
        const n = kill === 0 ? 1 + Math.floor(random() * 3) : state.journalLines + 1 + Math.floor((random() * (IMAGES - state.journalLines)) / 2);
        const rule = kill === 0 ? atEvent(n) : atLines(path.join(dir, 'images.jsonl'), n);
        const lockBefore = state.lockFile;
        const run = await runAndKillChild(client, 'killed', rule);
        state = await checkRunFolder(dir, IMAGES);
        const ready = run.events.find((e) => e.type === 'ready');
        if (lockBefore && ready) assert.match(ready.warnings.join('\n'), /took over .*run\.lock/);
        t.diagnostic(`kill ${kill + 1} (${kill === 0 ? `event ${n}` : `journal at ${n} lines`}): ${run.killed ? 'killed' : 'finished first'}; journal ${state.journalLines}/${IMAGES}, run.json ${state.status ?? 'absent'}, ${state.tempFiles.length} temp file(s), lock ${state.lockFile ? 'left' : 'none'}`);
      }
      const final = await client.run(job('killed'));
      assert.equal(final.summary.status, 'complete');
      const end = await checkRunFolder(dir, IMAGES);
      assert.deepEqual([end.tempFiles, end.lockFile], [[], false]);
      const [got, want] = [runResults(dir), runResults(path.join(tmp.dir, 'baseline'))];
      assert.deepEqual([got.summary, got.confusion, got.journal], [want.summary, want.confusion, want.journal]);
      for (const [file, bytes] of want.preds) assert.ok(bytes.equals(got.preds.get(file)!), `pred/${file}`);
    } finally {
      await client.dispose();
    }
    assert.deepEqual(descendants().filter((p) => p.args.includes('evalProcess.js')), [], 'no evaluation process is left');
  });
});
