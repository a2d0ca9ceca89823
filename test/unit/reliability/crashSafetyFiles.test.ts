import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResultStore } from '../../../src/core/ports/fileAccess';
import { NodeResultStore } from '../../../src/node/files/nodeResultStore';
import { removeStaleTempFiles } from '../../../src/node/files/staleTempFiles';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { runEvaluation } from '../../../src/node/evaluation/runEvaluation';
import { openDatasetFromArgs } from '../../../src/cli/datasetArgs';
import { writeFaceSyntheticsDataset, type FaceDataset } from '../../helpers/evalFixtures';
import { evaluateFolder } from '../../helpers/runHelpers';
import { journalState } from '../../helpers/runFolderChecks';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let data: FaceDataset;
before(async () => {
  tmp = makeTempDir('facegap-crashfiles-');
  data = await writeFaceSyntheticsDataset(tmp, 'fs', 20, 32);
  fs.mkdirSync(predFolder());
  for (const id of data.ids) fs.copyFileSync(path.join(data.root, `${id}_seg.png`), path.join(predFolder(), `${id}.png`));
});
after(() => tmp?.remove());

/** A process id that is certainly not running: one of a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

/** The ground truth copied as a prediction folder: a perfect prediction without a model. */
const predFolder = (): string => path.join(tmp.dir, 'perfect');
const perfect = () => ({ kind: 'folder' as const, folder: predFolder() });

describe('journal appends after a crash', () => {
  it('cut off a torn last line before appending, so the new lines stay whole', async () => {
    const store = new NodeResultStore();
    const file = path.join(tmp.dir, 'torn.jsonl');
    fs.writeFileSync(file, '{"a":1}\n{"b":2}\n{"c":');
    await store.appendLines(file, ['{"d":4}', '{"e":5}']);
    assert.equal(fs.readFileSync(file, 'utf8'), '{"a":1}\n{"b":2}\n{"d":4}\n{"e":5}\n');
  });

  it('cut a torn line longer than the block read at a time, and a file that is one torn line', async () => {
    const store = new NodeResultStore();
    const file = path.join(tmp.dir, 'long.jsonl');
    fs.writeFileSync(file, `{"a":1}\n{"b":"${'x'.repeat(10_000)}`);
    await store.appendLines(file, ['{"c":3}']);
    assert.equal(fs.readFileSync(file, 'utf8'), '{"a":1}\n{"c":3}\n');
    fs.writeFileSync(file, '{"only":');
    await store.appendLines(file, ['{"c":3}']);
    assert.equal(fs.readFileSync(file, 'utf8'), '{"c":3}\n');
  });

  it('leave a whole journal as it is and create a missing one', async () => {
    const store = new NodeResultStore();
    const file = path.join(tmp.dir, 'whole.jsonl');
    await store.appendLines(file, ['{"a":1}']);
    await store.appendLines(file, ['{"b":2}']);
    assert.equal(fs.readFileSync(file, 'utf8'), '{"a":1}\n{"b":2}\n');
  });
});

describe('temporary files of killed writers', () => {
  it('are removed from the run folder and its subfolders; a live writer’s are kept', async () => {
    const dir = path.join(tmp.dir, 'temps');
    fs.mkdirSync(path.join(dir, 'pred', 'split'), { recursive: true });
    const dead = deadPid();
    const stale = [`run.json.${dead}.0123abcd.tmp`, `pred/split/000001.png.${dead}.89abcdef.tmp`];
    const live = `run.json.${process.pid}.deadbeef.tmp`;
    for (const f of [...stale, live, 'notes.tmp']) fs.writeFileSync(path.join(dir, f), 'x');
    assert.equal(await removeStaleTempFiles(dir), 2);
    for (const f of stale) assert.ok(!fs.existsSync(path.join(dir, f)), f);
    assert.ok(fs.existsSync(path.join(dir, live)), 'a live process may still rename it');
    assert.ok(fs.existsSync(path.join(dir, 'notes.tmp')), 'not a name FaceGap writes');
  });

  it('are removed by the next evaluation into the folder, which ends complete', async () => {
    const out = path.join(tmp.dir, 'rerun-temps');
    fs.mkdirSync(path.join(out, 'pred'), { recursive: true });
    const left = [`run.json.${deadPid()}.0123abcd.tmp`, `pred/000003.png.${deadPid()}.0123abcd.tmp`];
    for (const f of left) fs.writeFileSync(path.join(out, f), 'half');
    const result = await evaluateFolder(data.root, perfect(), out);
    assert.equal(result.summary.status, 'complete');
    for (const f of left) assert.ok(!fs.existsSync(path.join(out, f)), f);
  });
});

describe('the order of an evaluation’s writes', () => {
  it('writes run.json last: a run.json that says complete comes with its journal and confusion files', async () => {
    const out = path.join(tmp.dir, 'order');
    const writes: string[] = [];
    const inner = new NodeResultStore();
    const store: ResultStore = {
      makeDir: (p) => inner.makeDir(p),
      readIfExists: (p) => inner.readIfExists(p),
      remove: (p) => inner.remove(p),
      appendLines: (p, lines) => (writes.push(`+${path.basename(p)}`), inner.appendLines(p, lines)),
      writeAtomic: (p, d) => {
        const name = path.relative(out, p);
        if (name === 'run.json') writes.push(`run.json:${JSON.parse(String(d)).status}`);
        else if (!name.startsWith('pred')) writes.push(name);
        return inner.writeAtomic(p, d);
      },
    };
    const adapters = { ...createNodeAdapters(), store };
    const { registry, index, choice } = await openDatasetFromArgs(data.root, {}, adapters, new AbortController().signal);
    await runEvaluation(
      { dataset: { index, schema: choice.schema, schemaReason: choice.reason }, prediction: perfect(), protocol: { resolution: { kind: 'label' }, boundaryK: 0, groups: [] }, outDir: out },
      { adapters, registry, runner: () => assert.fail('no model') },
    );
    const finalWrites = writes.slice(writes.lastIndexOf('+images.jsonl') + 1);
    assert.deepEqual(finalWrites, ['images.jsonl', 'confusion.json', 'confusion.csv', 'run.json:complete']);
    assert.equal(writes[0], 'run.json:running');
    assert.deepEqual(journalState(out), { lines: 20, tornLast: false });
  });
});
