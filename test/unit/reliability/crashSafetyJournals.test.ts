import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeColourModel, writeFaceSyntheticsDataset, type FaceDataset } from '../../helpers/evalFixtures';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { atEvent, atLines, never, runAndKill, type KillRule } from '../../helpers/killableRun';
import { prng } from '../../helpers/prng';
import { filesUnder, journalRecords, journalState, tearLastJournalLine } from '../../helpers/runFolderChecks';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const IMAGES = 120;
const KILLS = 5;

let tmp: TempDir;
let cli: string;
let data: FaceDataset;
let predictions: string;
before(async () => {
  cli = builtCli();
  tmp = makeTempDir('facegap-crash-journals-');
  data = await writeFaceSyntheticsDataset(tmp, 'fs', IMAGES, 32);
  const model = writeColourModel(tmp, 32);
  const run = await runCli(cli, ['eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--out', path.join(tmp.dir, 'run'), '--no-progress']);
  assert.equal(run.code, 0, run.stderr);
  predictions = path.join(tmp.dir, 'run', 'pred');
});
after(() => tmp?.remove());

/** A command with a journal per side, and what its output must hold once finished. */
interface Journaled {
  readonly name: string;
  readonly args: (out: string) => string[];
  readonly record: string;
  readonly journals: readonly string[];
  readonly otherFiles: readonly string[];
}

const COMMANDS: readonly Journaled[] = [
  {
    name: 'facegap diff',
    args: (out) => [cli, 'diff', data.root, predictions, '--b-schema', 'facesynthetics', '--out', out, '--json', '--no-progress'],
    record: 'diff.json',
    journals: ['images.jsonl'],
    otherFiles: ['suggested-mapping.json'],
  },
  {
    name: 'facegap dist',
    args: (out) => [cli, 'dist', data.root, data.root, '--out', out, '--json', '--no-progress'],
    record: 'dist.json',
    journals: ['attributes-a.jsonl', 'attributes-b.jsonl'],
    otherFiles: ['weights-a.csv', 'matched-subset-a.txt'],
  },
];

/** Every .json parses and every journal is whole lines but for at most a torn last one; returns the journals' line counts. */
function checkFolder(dir: string, command: Journaled): number {
  for (const f of filesUnder(dir).filter((f) => f.endsWith('.json'))) assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f);
  return command.journals.reduce((sum, j) => sum + journalState(dir, j).lines, 0);
}

/** The record without what depends on when and how fast the command ran, or on what an earlier run left to reuse. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value !== 'object' || value === null) return value;
  const dropped = new Set(['createdAt', 'timings', 'reused', 'elapsedSeconds', 'out', 'suggestedMapping']);
  return Object.fromEntries(Object.entries(value).filter(([k]) => !dropped.has(k)).map(([k, v]) => [k, stable(v)]));
}

describe('facegap diff and dist killed with SIGKILL at random points', () => {
  for (const [i, command] of COMMANDS.entries()) {
    it(`${command.name}: journals stay whole lines, and reruns end with the results of an uninterrupted run`, async (t) => {
      const baseline = path.join(tmp.dir, `${i}-baseline`);
      const first = await runAndKill(command.args(baseline), baseline, never);
      assert.equal(first.code, 0, first.stderr);
      const dir = path.join(tmp.dir, `${i}-killed`);
      const random = prng(500 + i);
      const total = IMAGES * command.journals.length;
      let lines: number;
      for (let kill = 0; kill < KILLS; kill++) {
        // The first journal not yet full; each kill leaves at least half of its remaining lines to the next ones.
        const name = command.journals.find((j) => journalState(dir, j).lines < IMAGES) ?? command.journals[0]!;
        const done = journalState(dir, name).lines;
        const rule: KillRule = kill === 0 ? atEvent(0) : atLines(path.join(dir, name), done + 1 + Math.floor((random() * (IMAGES - done)) / 2));
        const run = await runAndKill(command.args(dir), dir, rule);
        assert.ok(run.killed || run.code === 0, run.stderr);
        lines = checkFolder(dir, command);
        const torn = kill === 2 && tearLastJournalLine(dir, name);
        if (torn) lines = checkFolder(dir, command);
        t.diagnostic(`kill ${kill + 1}: ${run.killed ? 'killed' : 'finished first'}; ${lines}/${total} journal lines${torn ? ' + torn line (simulated)' : ''}; files ${filesUnder(dir).join(' ')}`);
      }
      const last = await runAndKill(command.args(dir), dir, never);
      assert.equal(last.code, 0, last.stderr);
      assert.equal(checkFolder(dir, command), total);
      assert.deepEqual(filesUnder(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('run.lock')), [], 'the last run removed the killed runs\' temp files and released its lock');
      const read = (d: string, f: string) => fs.readFileSync(path.join(d, f), 'utf8');
      assert.deepEqual(stable(JSON.parse(read(dir, command.record))), stable(JSON.parse(read(baseline, command.record))));
      for (const j of command.journals) assert.deepEqual(journalRecords(dir, j), journalRecords(baseline, j), j);
      for (const f of command.otherFiles) assert.equal(read(dir, f), read(baseline, f), f);
      assert.deepEqual(stable(JSON.parse(last.stdout)), stable(JSON.parse(first.stdout)));
    });
  }
});
