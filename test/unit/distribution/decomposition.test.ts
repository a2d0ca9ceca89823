import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decomposeGap } from '../../../src/core/distribution/decomposition/gapDecomposition';

const close = (x: number | null | undefined, y: number): boolean => typeof x === 'number' && Math.abs(x - y) < 1e-9;

describe('decomposeGap', () => {
  it('splits the gap into parts that sum to the total, with shares and the arithmetic', () => {
    const d = decomposeGap({ realOnReal: 0.82, synOnReal: 0.64, matchedSynOnReal: 0.72, tolerantMatchedSynOnReal: 0.76, tolerantSynOnReal: 0.69 });
    const [distribution, label, photo] = d.parts;
    assert.ok(close(d.total, 0.18));
    assert.ok(close(distribution.value, 0.08) && close(label.value, 0.04) && close(photo.value, 0.06));
    assert.ok(close((distribution.value ?? 0) + (label.value ?? 0) + (photo.value ?? 0), d.total ?? NaN));
    assert.ok(close((distribution.share ?? 0) + (label.share ?? 0) + (photo.share ?? 0), 1));
    assert.deepEqual(d.sentences, [
      'Total gap (mean F1) = real-on-real 0.820 − synthetic-on-real 0.640 = 0.180',
      'Distribution part: matched-synthetic-on-real 0.720 − synthetic-on-real 0.640 = 0.080 (44% of the gap)',
      'Label part: tolerant matched-synthetic-on-real 0.760 − matched-synthetic-on-real 0.720 = 0.040 (22% of the gap)',
      'Photorealism part: remainder 0.180 − 0.080 − 0.040 = 0.060 (33% of the gap)',
    ]);
    assert.deepEqual(d.missing, []);
    assert.ok(d.assumptions.some((a) => /one after another/.test(a)) && d.assumptions.some((a) => /tolerant scoring/.test(a)));
  });

  it('without a matched run, measures the label part on the synthetic run and leaves photorealism mixed with distribution', () => {
    const d = decomposeGap({ realOnReal: 0.8, synOnReal: 0.6, tolerantSynOnReal: 0.65 });
    const [distribution, label, photo] = d.parts;
    assert.equal(distribution.value, null);
    assert.ok(close(label.value, 0.05));
    assert.equal(photo.value, null);
    assert.match(photo.arithmetic, /remainder 0\.200 − 0\.050 = 0\.150 still holds the unmeasured distribution part/);
    assert.deepEqual(d.missing, ['distribution part: needs the synthetic-on-real and matched-synthetic-on-real runs']);
  });

  it('says when the label part comes from the unmatched run, and when nothing can be computed', () => {
    const fallback = decomposeGap({ realOnReal: 0.8, synOnReal: 0.6, matchedSynOnReal: 0.7, tolerantSynOnReal: 0.63 });
    assert.ok(close(fallback.parts[1].value, 0.03));
    assert.ok(fallback.assumptions.some((a) => /measured on the unmatched synthetic run/.test(a)));
    const empty = decomposeGap({ synOnReal: 0.6 });
    assert.equal(empty.total, null);
    assert.ok(empty.parts.every((p) => p.value === null && p.share === null));
    assert.equal(empty.missing.length, 3);
  });

  it('leaves shares out when the synthetic model is not worse', () => {
    const d = decomposeGap({ realOnReal: 0.6, synOnReal: 0.62, matchedSynOnReal: 0.64, tolerantMatchedSynOnReal: 0.66 });
    assert.ok(close(d.total, -0.02));
    assert.ok(d.parts.every((p) => p.share === null));
    assert.match(d.sentences[0], /= −0\.020$/);
    assert.ok(d.assumptions.some((a) => /no gap to share out/.test(a)));
  });
});
