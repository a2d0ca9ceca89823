import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeDef, ImageAttributes } from '../../../src/core/distribution/distTypes';
import { expectedScoreUnderTraining, scoreBySlice } from '../../../src/core/distribution/slices/performanceBySlice';
import { prng } from '../../helpers/prng';
import { normal } from '../../helpers/distributionFixtures';

const YAW: AttributeDef = { name: 'yaw', kind: 'continuous', title: 'yaw', unit: '°', source: 'landmarks' };
const GLASSES: AttributeDef = { name: 'presence:glasses', kind: 'binary', title: 'glasses', unit: '', source: 'labels' };

/** The planted model: good on near-frontal faces, much worse past 20° of yaw, a little worse with glasses. */
function trueScore(values: Readonly<Record<string, number>>): number {
  return 0.85 - (Math.abs(values.yaw) > 20 ? 0.25 : 0) - 0.05 * values['presence:glasses'];
}

function set(seed: number, n: number, yawSd: number, prefix: string): ImageAttributes[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => ({
    v: 1 as const, id: `${prefix}${i}`, key: '',
    values: { yaw: normal(rand, 0, yawSd), brightness: normal(rand, 0.5, 0.1), 'presence:glasses': rand() < 0.2 ? 1 : 0 },
  }));
}

// The training set is mostly frontal; the test set has many more large-yaw faces.
const TRAIN = set(31, 2000, 10, 'tr');
const TEST = set(32, 2000, 25, 'te');
const noise = prng(33);
const SCORES = TEST.map((x) => ({ id: x.id, score: trueScore(x.values) + normal(noise, 0, 0.03) }));

describe('scoreBySlice', () => {
  const slice = scoreBySlice(SCORES, TEST, TRAIN, YAW);

  it('bins the score by yaw: high near frontal, low past 20°, with the training share per bin', () => {
    assert.equal(slice.attribute, 'yaw');
    assert.equal(slice.scored, 2000);
    assert.equal(slice.bins.reduce((s, b) => s + b.count, 0), 2000);
    assert.ok(Math.abs(slice.bins.reduce((s, b) => s + b.trainShare, 0) - 1) < 1e-12);
    const centre = slice.bins.find((b) => b.from <= 0 && b.to > 0);
    const outer = [slice.bins[0], slice.bins[slice.bins.length - 1]];
    assert.ok(centre?.meanScore !== null && Math.abs((centre?.meanScore ?? 0) - 0.84) < 0.02, `centre ${centre?.meanScore}`);
    for (const bin of outer) {
      assert.ok(bin.meanScore !== null && bin.meanScore < 0.65, `outer bin ${bin.from}…${bin.to}: ${bin.meanScore}`);
      assert.ok(bin.trainShare < 0.01 && bin.testShare > bin.trainShare, `outer bin train share ${bin.trainShare}`);
    }
  });

  it('bins binary attributes by 0/1 and ignores scores of unknown images', () => {
    const glasses = scoreBySlice([...SCORES, { id: 'nobody', score: 0 }], TEST, TRAIN, GLASSES);
    assert.deepEqual(glasses.bins.map((b) => [b.from, b.to]), [[0, 0.5], [0.5, 1]]);
    assert.equal(glasses.scored, 2000);
    const [without, withGlasses] = glasses.bins.map((b) => b.meanScore ?? NaN);
    assert.ok(without - withGlasses > 0.03 && without - withGlasses < 0.07, `${without} vs ${withGlasses}`);
  });
});

describe('expectedScoreUnderTraining', () => {
  it('reweights the test score to the training distribution: higher than the plain mean, close to the true value', () => {
    const expected = expectedScoreUnderTraining(SCORES, TEST, TRAIN, ['yaw', 'brightness', 'presence:glasses']);
    // The true expected score: the planted model's score averaged over the training images.
    const truth = TRAIN.reduce((s, x) => s + trueScore(x.values), 0) / TRAIN.length;
    const plain = SCORES.reduce((s, x) => s + x.score, 0) / SCORES.length;
    assert.ok(Math.abs(expected.plainMean - plain) < 1e-12);
    assert.ok(expected.weightedMean > expected.plainMean + 0.05, `${expected.weightedMean} vs plain ${expected.plainMean}`);
    assert.ok(Math.abs(expected.weightedMean - truth) < 0.02, `weighted ${expected.weightedMean} vs true ${truth}`);
    assert.equal(expected.scored, 2000);
    assert.ok(expected.effectiveSize > 100 && expected.effectiveSize < 2000, `ESS ${expected.effectiveSize}`);
  });
});
