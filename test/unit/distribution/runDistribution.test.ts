import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DIST_FILES, type DistRecord } from '../../../src/core/distribution/distTypes';
import { readAttributeJournal } from '../../../src/core/distribution/attributeJournal';
import { REAL_STYLE_PROFILE, SYNTHETIC_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { runDistribution } from '../../../src/node/distribution/runDistribution';
import { WorkerModelRunner } from '../../../src/node/inference/workerModelRunner';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { writeSampleDataset } from '../../../src/node/synth/writeSampleDataset';
import { builtCli, REPO } from '../../helpers/cliRunner';
import { evaluateFolder, modelRequest } from '../../helpers/runHelpers';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let synthetic: string;
let realStyle: string;
const WORKER = path.join(REPO, 'dist', 'inferenceWorker.js');

before(async () => {
  builtCli();
  tmp = makeTempDir('facegap-dist-');
  synthetic = path.join(tmp.dir, 'synthetic');
  realStyle = path.join(tmp.dir, 'real-style');
  await writeSampleDataset(synthetic, { profile: SYNTHETIC_PROFILE, seed: 3, count: 24, size: 96 });
  await writeSampleDataset(realStyle, { profile: REAL_STYLE_PROFILE, seed: 3, count: 24, size: 96 });
});
after(() => tmp.remove());

const run = (out: string, extra: Record<string, unknown> = {}): Promise<DistRecord> =>
  runDistribution({ a: { path: synthetic }, b: { path: realStyle }, outDir: path.join(tmp.dir, out), workerPath: WORKER, ...extra }, createNodeAdapters());

describe('runDistribution', () => {
  it('measures both samples, ranks planted differences at the top and writes the folder', async () => {
    const record = await run('d1');
    assert.equal(record.summary.imagesA, 24);
    assert.equal(record.summary.imagesB, 24);
    const stored = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'd1', DIST_FILES.record), 'utf8')) as DistRecord;
    assert.deepEqual(stored.summary.attributes.map((c) => c.name), record.summary.attributes.map((c) => c.name));
    const effects = record.summary.attributes.map((c) => c.effect);
    assert.deepEqual(effects, [...effects].sort((x, y) => y - x), 'sorted by effect, largest first');
    const top = record.summary.attributes.slice(0, 8).map((c) => c.name);
    assert.ok(top.includes('faceArea'), `face size is planted (crop 0.34 → 0.48 of the width): ${top.join(', ')}`);
    const faceArea = record.summary.attributes.find((c) => c.name === 'faceArea');
    assert.equal(faceArea?.direction, 'higher');
    const lines = readAttributeJournal(fs.readFileSync(path.join(tmp.dir, 'd1', DIST_FILES.attributesA), 'utf8'));
    assert.equal(lines.entries.size, 24);
    const subset = fs.readFileSync(path.join(tmp.dir, 'd1', DIST_FILES.subset), 'utf8').trim().split('\n');
    const matching = record.summary.matching;
    assert.ok(matching && matching.distances.length > 0);
    assert.equal(subset.length, matching.subsetSize);
    assert.equal(matching.subsetSize, Math.max(8, Math.round(matching.effectiveSize)), 'by default the subset is as large as the effective sample size');
    assert.equal(new Set(subset).size, subset.length);
    assert.ok(subset.every((file) => fs.existsSync(file)), 'the subset lists image files of A');
    assert.ok(record.summary.findings.some((f) => f.startsWith('Weighting A towards B closes')), 'says what matching achieved');
  });

  it('reuses every unchanged image on a rerun, and skips an unreadable image naming it', async () => {
    const first = await run('d2');
    assert.equal(first.timings.measured, 48);
    const again = await run('d2');
    assert.equal(again.timings.reused, 48);
    assert.equal(again.timings.measured, 0);
    const broken = path.join(tmp.dir, 'broken');
    fs.cpSync(realStyle, broken, { recursive: true });
    const image = path.join(broken, 'CelebA-HQ-img', '5.jpg');
    fs.writeFileSync(image, Buffer.from('not a jpeg'));
    const withBroken = await runDistribution({ a: { path: synthetic }, b: { path: broken }, outDir: path.join(tmp.dir, 'd2'), workerPath: WORKER }, createNodeAdapters());
    assert.equal(withBroken.summary.imagesB, 23);
    assert.equal(withBroken.skipped.length, 1);
    assert.equal(withBroken.skipped[0].file, image);
    assert.equal(withBroken.timings.reused, 47, 'keys follow content: the copied images are reused, wherever they lie');
  });
});

describe('runDistribution with a model, a feature extractor and runs', () => {
  const MODEL = path.join(REPO, 'models', 'facegap-parser-small.onnx');

  it('measures an unlabeled image folder through a parser\'s predictions and embeds both sides with an extractor', async () => {
    const images = path.join(tmp.dir, 'unlabeled');
    fs.mkdirSync(images);
    for (const file of fs.readdirSync(path.join(realStyle, 'CelebA-HQ-img'))) fs.copyFileSync(path.join(realStyle, 'CelebA-HQ-img', file), path.join(images, file));
    const record = await runDistribution(
      { a: { path: synthetic }, b: { path: images, model: MODEL }, outDir: path.join(tmp.dir, 'd3'), workerPath: WORKER, executionProvider: 'cpu', features: { model: MODEL } },
      createNodeAdapters(),
    );
    assert.equal(record.b.labelsFrom, 'predictions');
    assert.equal(record.summary.imagesB, 24);
    const faceArea = record.summary.attributes.find((c) => c.name === 'faceArea');
    assert.ok(faceArea && faceArea.b.n === 24, 'label attributes come from the predictions');
    const features = record.summary.features;
    assert.ok(features, 'feature distances are computed');
    assert.equal(features.dimension, 19, 'the parser\'s [N,19,h,w] output averaged over h×w');
    assert.ok(features.frechetDistance > 0 && features.coverage >= 0 && features.coverage <= 1);
    assert.equal(features.leastCoveredA.length > 0 && features.leastCoveredB.length > 0, true);
  });

  it('slices a run\'s scores over the other side and decomposes the gap from three runs', async () => {
    const runs = path.join(tmp.dir, 'runs');
    const runner = new WorkerModelRunner(WORKER);
    const model = path.join(runs, 'model');
    try {
      await evaluateFolder(realStyle, modelRequest(MODEL, path.join(REPO, 'models', 'facegap-parser-small.facegap.json')), model, { runner });
    } finally {
      await runner.dispose();
    }
    const record = await run('d4', { run: model, gap: { real: model, synthetic: model, matched: model } });
    assert.ok(record.slices && record.slices.length > 0, 'slices of the run');
    assert.ok(record.slices.every((s) => s.bins.reduce((n, b) => n + b.count, 0) > 0));
    assert.ok(record.expectedScore && Number.isFinite(record.expectedScore.weightedMean));
    const d = record.decomposition;
    assert.ok(d, 'a decomposition');
    assert.equal(d.total, 0, 'the same run three times: no gap');
    assert.ok(d.parts.some((p) => p.name === 'distribution' && p.value === 0));
  });
});
