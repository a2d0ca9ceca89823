import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST_FILES, type DistRecord } from '../../../src/core/distribution/distTypes';
import { REAL_STYLE_PROFILE, SYNTHETIC_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { runDistribution } from '../../../src/node/distribution/runDistribution';
import { mergeDistFolders } from '../../../src/node/merge/mergeDistFolders';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { writeSampleDataset } from '../../../src/node/synth/writeSampleDataset';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let synthetic: string;
let realStyle: string;
let full: DistRecord;
const dir = (name: string): string => path.join(tmp.dir, name);
const text = (folder: string, file: string): string => fs.readFileSync(path.join(folder, file), 'utf8');
const ids = (folder: string, file: string): string[] => text(folder, file).trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);

const run = (out: string, extra: Record<string, unknown> = {}): Promise<DistRecord> =>
  runDistribution({ a: { path: synthetic }, b: { path: realStyle }, outDir: dir(out), ...extra }, createNodeAdapters());

before(async () => {
  tmp = makeTempDir('facegap-dist-shards-');
  synthetic = dir('synthetic');
  realStyle = dir('real-style');
  await writeSampleDataset(synthetic, { profile: SYNTHETIC_PROFILE, seed: 5, count: 16, size: 64 });
  await writeSampleDataset(realStyle, { profile: REAL_STYLE_PROFILE, seed: 5, count: 13, size: 64 });
  full = await run('full');
  for (const i of [1, 2, 3]) await run(`shard-${i}`, { shard: { index: i, count: 3 } });
});
after(() => tmp.remove());

describe('facegap dist --shard and facegap merge', () => {
  it('measures disjoint shards of each side that cover every image, each with a partial summary that says so', () => {
    for (const [file, total] of [[DIST_FILES.attributesA, 16], [DIST_FILES.attributesB, 13]] as const) {
      const perShard = [1, 2, 3].map((i) => ids(dir(`shard-${i}`), file));
      assert.deepEqual(perShard.flat(), ids(dir('full'), file), `${file}: disjoint, covering, in the unsharded order`);
      assert.equal(perShard.flat().length, total);
    }
    const shard: DistRecord = JSON.parse(text(dir('shard-2'), DIST_FILES.record)) as DistRecord;
    assert.deepEqual([shard.shard?.index, shard.shard?.count, shard.shard?.itemsA, shard.shard?.itemsB], [2, 3, 5, 4]);
    assert.equal(shard.summary.matching, undefined, 'no weights from a part of A');
    assert.ok(shard.notes.some((n) => n.startsWith('shard 2/3: the summary covers only')));
    assert.equal(fs.existsSync(path.join(dir('shard-2'), DIST_FILES.weights)), false);
  });

  it('merges the shards into exactly the unsharded comparison: attributes, effects, findings, weights and subset', async () => {
    const merged = await mergeDistFolders([dir('shard-2'), dir('shard-3'), dir('shard-1')], dir('merged'), createNodeAdapters());
    assert.ok(full.summary.matching, 'the unsharded comparison has weights to compare');
    assert.deepEqual(merged.summary, full.summary);
    assert.deepEqual(merged.attributes, full.attributes);
    assert.deepEqual([merged.a, merged.b, merged.skipped, merged.notes], [full.a, full.b, full.skipped, full.notes]);
    assert.equal(merged.shard, undefined);
    assert.equal(merged.complete, true);
    for (const file of [DIST_FILES.attributesA, DIST_FILES.attributesB, DIST_FILES.weights, DIST_FILES.subset]) {
      assert.equal(text(dir('merged'), file), text(dir('full'), file), file);
    }
    const stored: DistRecord = JSON.parse(text(dir('merged'), DIST_FILES.record)) as DistRecord;
    assert.deepEqual(stored.summary, full.summary, 'dist.json holds the merged summary');
  });

  it('refuses a missing shard, a comparison made without --shard, and a shard with other options', async () => {
    await run('foreign-3', { shard: { index: 3, count: 3 }, matchSize: 5 });
    const merge = (...names: string[]) => mergeDistFolders(names.map(dir), dir('refused'), createNodeAdapters());
    await assert.rejects(merge('shard-1', 'shard-3'), /shard 2\/3 missing/);
    await assert.rejects(merge('shard-1', 'full'), /full: not a shard/);
    await assert.rejects(merge('shard-1', 'shard-2', 'foreign-3'), /foreign-3: not a shard of the same run as .*shard-1: the options .* differ/);
    assert.equal(fs.existsSync(dir('refused')), false, 'nothing written when refused');
  });
});
