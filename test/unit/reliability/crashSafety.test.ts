import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { colourEvalFixture, type FaceDataset } from '../../helpers/evalFixtures';
import { builtCli } from '../../helpers/cliRunner';
import { afterFiles, atEvent, atLines, never, runAndKill, type KillRule } from '../../helpers/killableRun';
import { descendants } from '../../helpers/processTree';
import { prng } from '../../helpers/prng';
import { checkRunFolder, runResults, tearLastJournalLine } from '../../helpers/runFolderChecks';
import { type TempDir } from '../../helpers/tempModels';

/** Fixed seeds: CI is reproducible, and each seed puts its kills at other points of the run. */
const SEEDS = [7, 1234];
const KILLS = 8;
/** What the last writes of a run touch after the journal's final rewrite, in order. */
const FINAL_FILES = ['confusion.json', 'confusion.csv', 'run.json', 'run.lock'];
const IMAGES = 160;

let tmp: TempDir;
let cli: string;
let data: FaceDataset;
let model: { model: string; spec: string };
before(async () => {
  cli = builtCli();
  // A 256×256 model input makes each image take a few milliseconds, so kills land between chunks and inside them.
  ({ tmp, data, model } = await colourEvalFixture('facegap-crash-', IMAGES, 32, 256));
  const baseline = await runAndKill(evalArgs('baseline'), path.join(tmp.dir, 'baseline'), never);
  assert.equal(baseline.code, 0, baseline.stderr);
});
after(() => tmp?.remove());

function evalArgs(out: string): string[] {
  return [cli, 'eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--threads', '1', '--out', path.join(tmp.dir, out), '--no-progress', '--json'];
}

/**
 * Where each kill of a sequence lands: the first before anything is written, the second among the first writes
 * (run.json, before any image is journaled), the middle ones once the journal has grown by a random number of lines
 * (so inside a later chunk's predictions and PNG writes), the last two among the final writes.
 */
function killRule(kill: number, random: () => number, dir: string, journaled: number): { rule: KillRule; where: string } {
  if (kill === 0) return { rule: atEvent(0), where: 'at spawn' };
  if (kill === 1) {
    const n = 1 + Math.floor(random() * 4);
    return { rule: atEvent(n), where: `event ${n}` };
  }
  if (kill >= KILLS - 2) {
    // The journal's final rewrite starts the last writes; the kill comes on or a little after one of the files after it.
    const target = FINAL_FILES[Math.floor(random() * FINAL_FILES.length)]!;
    const n = Math.floor(random() * 3);
    return { rule: afterFiles(['images.jsonl.', target], n), where: `final writes: ${target} +${n}` };
  }
  // Leave work for the kills after this one: each takes at most half of what is left.
  const n = journaled + 1 + Math.floor((random() * (IMAGES - journaled)) / 2);
  return { rule: atLines(path.join(dir, 'images.jsonl'), n), where: `journal at ${n} lines` };
}

describe('facegap eval killed with SIGKILL at random points', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: no file is ever half-written, and reruns end with the results of an uninterrupted run`, async (t) => {
      const random = prng(seed);
      const out = `crash-${seed}`;
      const dir = path.join(tmp.dir, out);
      const tornAt = 2 + Math.floor(random() * (KILLS - 4));
      let state = await checkRunFolder(dir, IMAGES);
      for (let kill = 0; kill < KILLS; kill++) {
        const { rule, where } = killRule(kill, random, dir, state.journalLines);
        const run = await runAndKill(evalArgs(out), dir, rule);
        assert.ok(run.killed || run.code === 0, `a run that was not killed ends well: ${run.stderr}`);
        assert.deepEqual(descendants().filter((p) => p.args.includes(cli)), [], 'the killed run leaves no process behind');
        state = await checkRunFolder(dir, IMAGES);
        // A crash inside a journal append can tear its last line; the final rewrite of a complete run cannot.
        const torn = kill === tornAt && state.status !== 'complete' && tearLastJournalLine(dir);
        if (torn) state = await checkRunFolder(dir, IMAGES);
        t.diagnostic(
          `kill ${kill + 1} (${where}): ${run.killed ? 'killed' : 'finished first'} after ${run.events} events; ` +
            `journal ${state.journalLines}/${IMAGES}${torn ? ' + torn line (simulated)' : ''}, run.json ${state.status ?? 'absent'}, ` +
            `${state.predFiles} PNGs, ${state.tempFiles.length} temp file(s), lock ${state.lockFile ? 'left' : 'none'}`,
        );
      }
      const last = await runAndKill(evalArgs(out), dir, never);
      assert.equal(last.code, 0, last.stderr);
      if (state.lockFile) assert.match(last.stderr, /note: took over .*run\.lock: process \d+ .* is no longer running/);
      const final = await checkRunFolder(dir, IMAGES);
      assert.equal(final.status, 'complete');
      assert.deepEqual(final.tempFiles, [], "the killed writers' temporary files are cleaned up by the rerun");
      assert.ok(!final.lockFile, 'the lock is released');
      const [got, want] = [runResults(dir), runResults(path.join(tmp.dir, 'baseline'))];
      assert.deepEqual(got.summary, want.summary);
      assert.deepEqual(got.confusion, want.confusion);
      assert.equal(got.csv, want.csv);
      assert.deepEqual(got.journal, want.journal);
      assert.deepEqual([...got.preds.keys()], [...want.preds.keys()]);
      for (const [file, bytes] of want.preds) assert.ok(bytes.equals(got.preds.get(file)!), `pred/${file} has the same bytes`);
      assert.equal(JSON.parse(last.stdout).images, IMAGES);
    });
  }
});
