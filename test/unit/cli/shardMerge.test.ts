import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunRecord } from '../../../src/core/eval/runRecord';
import { shardItems } from '../../../src/core/util/shards';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { writeColourModel, writeFaceSyntheticsDataset, type FaceDataset } from '../../helpers/evalFixtures';
import { writeGrayPng } from '../../helpers/fixtures';
import { mergeClass, swapClasses } from '../../helpers/plantedLabels';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let cli: string;
let data: FaceDataset;
let pred: string;
const SCORING = ['--boundary', '2', '--groups', 'helen', '--no-progress'];

const dir = (name: string): string => path.join(tmp.dir, name);
const runJson = (folder: string): RunRecord => JSON.parse(fs.readFileSync(path.join(folder, 'run.json'), 'utf8')) as RunRecord;
const text = (folder: string, file: string): string => fs.readFileSync(path.join(folder, file), 'utf8');
const ids = (folder: string): string[] => text(folder, 'images.jsonl').trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);

async function evalInto(out: string, ...extra: string[]): Promise<void> {
  const result = await runCli(cli, ['eval', data.root, '--pred', pred, ...SCORING, '--out', out, ...extra]);
  assert.equal(result.code, 0, result.stderr);
}

before(async () => {
  cli = builtCli();
  tmp = makeTempDir('facegap-shards-');
  data = await writeFaceSyntheticsDataset(tmp, 'fs', 10);
  pred = dir('pred');
  // Planted errors: eyes swapped on every third image, hair labelled skin on every other one.
  for (const [i, id] of data.ids.entries()) {
    let map = data.labels.get(id)!;
    if (i % 3 === 0) map = swapClasses(map, 3, 4);
    if (i % 2 === 0) map = mergeClass(map, 13, 1);
    await writeGrayPng(path.join(pred, `${id}.png`), map);
  }
  await evalInto(dir('full'));
  for (const i of [1, 2, 3]) await evalInto(dir(`shard-${i}`), '--shard', `${i}/3`);
});
after(() => tmp.remove());

describe('shardItems', () => {
  it('splits any number of items into n contiguous blocks that give the items back in order, sizes within one', () => {
    for (let total = 0; total <= 20; total++) {
      const items = Array.from({ length: total }, (_, i) => i);
      for (let count = 1; count <= 7; count++) {
        const parts = Array.from({ length: count }, (_, i) => shardItems(items, { index: i + 1, count }));
        assert.deepEqual(parts.flat(), items);
        const sizes = parts.map((p) => p.length);
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `${total} items in ${count}: ${sizes.join(',')}`);
      }
    }
  });
});

describe('facegap eval --shard and facegap merge', () => {
  it('runs disjoint shards that cover every item, each recorded in run.json', () => {
    const shardIds = [1, 2, 3].map((i) => ids(dir(`shard-${i}`)));
    assert.deepEqual(shardIds.map((s) => s.length), [3, 3, 4]);
    assert.deepEqual(shardIds.flat(), [...data.ids], 'disjoint, covering, in dataset order');
    for (const i of [1, 2, 3]) {
      const { shard, summary } = runJson(dir(`shard-${i}`));
      assert.deepEqual([shard?.index, shard?.count, shard?.items], [i, 3, shardIds[i - 1].length]);
      assert.equal(summary?.images, shardIds[i - 1].length, 'a shard summary covers its own images only');
    }
  });

  it('merges the shards (given in any order) into exactly the unsharded run', async () => {
    const merged = dir('merged');
    const result = await runCli(cli, ['merge', dir('shard-3'), dir('shard-1'), dir('shard-2'), '--out', merged]);
    assert.equal(result.code, 0, result.stderr);
    const [full, combined] = [runJson(dir('full')), runJson(merged)];
    assert.ok(full.summary!.meanF1! < 1 && full.summary!.tolerant, 'the planted errors cost something; tolerant scores are on');
    assert.deepEqual(combined.summary, full.summary, 'summary: per-class scores, means, per-image averages, groups, tolerant, protocol, counts');
    assert.deepEqual(combined.protocol, full.protocol);
    assert.equal(combined.status, 'complete');
    assert.equal(combined.shard, undefined);
    assert.deepEqual(combined.mergedFrom, [1, 2, 3].map((i) => dir(`shard-${i}`)));
    for (const file of ['confusion.json', 'confusion.csv', 'images.jsonl']) assert.equal(text(merged, file), text(dir('full'), file), file);
    assert.ok(result.stdout.includes('Evaluated 10 image(s)'), result.stdout);
    const report = await runCli(cli, ['report', merged, '--out', path.join(tmp.dir, 'merged.html')]);
    assert.equal(report.code, 0, `facegap report reads the merged folder: ${report.stderr}`);
  });

  it('refuses a missing, repeated, unsharded or foreign shard, naming the folder and what differs', async () => {
    await evalInto(dir('foreign-3'), '--shard', '3/3', '--boundary', '0');
    await evalInto(dir('other-split'), '--shard', '2/4');
    const merge = (...folders: string[]) => runCli(cli, ['merge', ...folders.map(dir), '--out', dir('refused')]);
    const cases: Array<[string[], RegExp]> = [
      [['shard-1', 'shard-3'], /shard 2\/3 missing/],
      [['shard-1', 'shard-1', 'shard-2'], /shard-1: shard 1\/3 is given twice/],
      [['shard-1', 'full'], /full: not a shard/],
      [['shard-1', 'shard-2', 'foreign-3'], /foreign-3: not a shard of the same run as .*shard-1: the boundary band differs \(0 vs 2\)/],
      [['shard-1', 'other-split'], /other-split: shard 2\/4 belongs to a split into 4/],
    ];
    for (const [folders, message] of cases) {
      const { code, stderr } = await merge(...folders);
      assert.equal(code, 1, `${folders.join(' ')}: ${stderr}`);
      assert.match(stderr, message);
    }
    assert.equal(fs.existsSync(dir('refused')), false, 'nothing written when refused');
  });

  it('gives a usage error for a malformed --shard', async () => {
    for (const [shard, message] of [['0/3', /i counts from 1 to n = 3 \(a 0-based index/], ['4/3', /i counts from 1 to n = 3/], ['2', /must be i\/n/]] as const) {
      const { code, stderr } = await runCli(cli, ['eval', data.root, '--pred', pred, '--shard', shard]);
      assert.equal(code, 2, stderr);
      assert.match(stderr, message);
    }
    const dist = await runCli(cli, ['dist', data.root, data.root, '--shard', '1/0']);
    assert.equal(dist.code, 2, dist.stderr);
  });

  it('copies the prediction PNGs of model shards, byte for byte as the unsharded run wrote them', async () => {
    const model = writeColourModel(tmp);
    const run = (out: string, ...extra: string[]) => runCli(cli, ['eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--no-progress', '--out', dir(out), ...extra]);
    for (const [out, extra] of [['m-full', []], ['m-1', ['--shard', '1/2']], ['m-2', ['--shard', '2/2']]] as const) assert.equal((await run(out, ...extra)).code, 0);
    assert.equal((await runCli(cli, ['merge', dir('m-1'), dir('m-2'), '--out', dir('m-merged')])).code, 0);
    assert.deepEqual(runJson(dir('m-merged')).summary, runJson(dir('m-full')).summary);
    const files = fs.readdirSync(path.join(dir('m-full'), 'pred')).sort();
    assert.equal(files.length, data.ids.length);
    assert.deepEqual(fs.readdirSync(path.join(dir('m-merged'), 'pred')).sort(), files);
    for (const file of files) assert.ok(fs.readFileSync(path.join(dir('m-merged'), 'pred', file)).equals(fs.readFileSync(path.join(dir('m-full'), 'pred', file))), file);
  });
});
