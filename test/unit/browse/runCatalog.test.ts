import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunRecord } from '../../../src/core/eval/runRecord';
import { listRuns } from '../../../src/node/browse/runCatalog';
import { fakeRunRecord } from '../../helpers/reportFixtures';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let results: string;
let other: string;
let ds: string;

/** Writes run.json into results/<name> and returns the folder. */
function writeRun(root: string, name: string, record: RunRecord | string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'run.json'), typeof record === 'string' ? record : JSON.stringify(record));
  return dir;
}

function record(root: string, finishedAt: string | undefined, extra: Partial<RunRecord> = {}): RunRecord {
  const base = fakeRunRecord({ root, schema: 'facesynthetics', meanF1: 0.75 });
  return { ...base, finishedAt, ...extra };
}

/** "YYYY-MM-DD HH:MM" in local time, as the labels show it. */
function minute(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

before(() => {
  tmp = makeTempDir('facegap-catalog-');
  ds = path.join(tmp.dir, 'ds');
  fs.mkdirSync(ds);
  fs.symlinkSync(ds, path.join(tmp.dir, 'ds-link'));
  results = path.join(tmp.dir, 'results');
  other = path.join(tmp.dir, 'more-results');
  writeRun(results, 'old', record(ds, '2025-01-02T10:00:00.000Z'));
  writeRun(results, 'new', record(path.join(tmp.dir, 'ds-link'), '2025-03-04T05:06:07.000Z', { predictions: { kind: 'folder', folder: '/preds/mine', schema: 'facesynthetics' } }));
  writeRun(other, 'running', { ...record(`${ds}/../ds`, undefined, { status: 'running', startedAt: '2025-02-01T00:00:00.000Z' }), summary: undefined });
  writeRun(results, 'elsewhere', record(path.join(tmp.dir, 'another-dataset'), '2025-05-01T00:00:00.000Z'));
  writeRun(results, 'broken', '{ "kind": "facegap-eval-run", ');
  writeRun(results, 'tracker', JSON.stringify({ kind: 'some-other-tool', epochs: 3 }));
  fs.mkdirSync(path.join(results, 'empty'));
  fs.writeFileSync(path.join(results, 'notes.txt'), 'not a run');
});
after(() => tmp.remove());

describe('listRuns', () => {
  it('lists every run in the results folders, newest first, with model or prediction folder and finish time', async () => {
    const { runs, notes } = await listRuns([results, other, path.join(tmp.dir, 'not-yet')]);
    assert.deepEqual(runs.map((r) => path.basename(r.dir)), ['elsewhere', 'new', 'running', 'old']);
    const byName = new Map(runs.map((r) => [path.basename(r.dir), r]));
    assert.deepEqual(byName.get('old'), { dir: path.join(results, 'old'), label: `m.onnx · ${minute('2025-01-02T10:00:00.000Z')}`, meanF1: 0.75, status: 'complete' });
    assert.equal(byName.get('new')!.label, `pred: mine · ${minute('2025-03-04T05:06:07.000Z')}`);
    assert.deepEqual([byName.get('running')!.status, byName.get('running')!.meanF1], ['running', null]);
    assert.equal(byName.get('running')!.label, `m.onnx · ${minute('2025-02-01T00:00:00.000Z')}`, 'a run still running is dated by its start');
    assert.equal(notes.length, 1, notes.join('\n'));
    assert.ok(notes[0].startsWith(path.join(results, 'broken', 'run.json')), notes[0]);
  });

  it('keeps only the runs of one dataset folder, however its path was written', async () => {
    const { runs } = await listRuns([results, other], path.join(tmp.dir, 'ds-link', '.'));
    assert.deepEqual(runs.map((r) => path.basename(r.dir)), ['new', 'running', 'old']);
  });

  it('lists a run once when two results folders overlap, and gives absolute folders', async () => {
    const relative = path.relative(process.cwd(), results);
    const { runs } = await listRuns([results, relative], ds);
    assert.deepEqual(runs.map((r) => r.dir), [path.join(results, 'new'), path.join(results, 'old')]);
  });
});
