import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryShares, shareOfError, shareSentence, wholePercent, type ShareInputs } from '../../../src/core/eval/boundaryShare';

const close = (actual: number | null, expected: number): void => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('shareOfError', () => {
  it('is the part of the strict error that leaving the band out removes', () => {
    close(shareOfError(0.8, 0.9), 0.5);
    close(shareOfError(0.8, 1), 1);
    close(shareOfError(0.8, 0.8), 0);
    close(shareOfError(0, 0.25), 0.25);
  });

  it('is negative when the tolerant score is lower, and never above 1', () => {
    close(shareOfError(0.8, 0.7), -0.5);
    close(shareOfError(0.5, 0), -1);
    assert.equal(shareOfError(0.3, 1 + 1e-15), 1, 'rounding above 1 is clamped');
  });

  it('is null without strict error or without both scores', () => {
    assert.equal(shareOfError(1, 1), null);
    assert.equal(shareOfError(1, 0.9), null, 'a perfect strict score has no error to share');
    assert.equal(shareOfError(null, 0.9), null);
    assert.equal(shareOfError(0.8, undefined), null);
    assert.equal(shareOfError(Number.NaN, 0.9), null);
  });
});

describe('boundaryShares', () => {
  const view = (o: Partial<ShareInputs>): ShareInputs => ({ meanF1: 0.8, mIoU: 0.7, pixelAccuracy: 0.9, scoredPixels: 1000, perClass: [], ...o });

  it('counts the wrong pixels inside the band exactly, and shares each score and class F1', () => {
    // 100 wrong of 1000 strict pixels; 18 wrong of the 900 left outside the band: 82 of the 100 were in the band.
    const strict = view({ perClass: [{ name: 'skin', f1: 0.9 }, { name: 'hair', f1: 0.6 }, { name: 'hat', f1: null }, { name: 'nose', f1: 1 }] });
    const tolerant = view({ meanF1: 0.95, mIoU: 0.7, pixelAccuracy: 0.98, scoredPixels: 900, perClass: [{ name: 'skin', f1: 0.95 }, { name: 'hair', f1: 0.5 }, { name: 'nose', f1: 1 }] });
    const shares = boundaryShares(strict, tolerant);
    close(shares.wrongPixels, 0.82);
    close(shares.meanF1, 0.75);
    close(shares.mIoU, 0);
    close(shares.pixelAccuracy, 0.8);
    close(shares.perClassF1.skin, 0.5);
    close(shares.perClassF1.hair, -0.25);
    assert.equal(shares.perClassF1.hat, null, 'no strict F1');
    assert.equal(shares.perClassF1.nose, null, 'no strict error');
  });

  it('has no pixel share without wrong pixels, and none above 1 or below 0', () => {
    assert.equal(boundaryShares(view({ pixelAccuracy: 1 }), view({ pixelAccuracy: 1, scoredPixels: 800 })).wrongPixels, null);
    assert.equal(boundaryShares(view({}), view({ pixelAccuracy: 1, scoredPixels: 800 })).wrongPixels, 1);
    assert.equal(boundaryShares(view({}), view({ pixelAccuracy: null })).wrongPixels, null);
  });
});

describe('shareSentence', () => {
  const base = { strictMeanF1: 0.812, tolerantMeanF1: 0.9026, boundaryK: 3, shareOfError: 0.48, wrongPixelShare: 0.52 };

  it('states strict and tolerant mean F1 side by side with both shares', () => {
    assert.equal(
      shareSentence(base, 3),
      'mean F1 0.812 strict · 0.903 tolerant (boundary band k=3): 48% of the error is within 2 px of a ground-truth edge; 52% of the wrong pixels lie in the band',
    );
    assert.match(shareSentence({ ...base, boundaryK: 1 }, 3), /48% of the error is on a pixel touching a ground-truth edge/);
  });

  it('says so when the share is negative, missing, or there is no error', () => {
    assert.match(shareSentence({ ...base, shareOfError: -0.12 }, 3), /: \u221212% of the error is within 2 px .* \(negative: leaving the band out lowers mean F1\)/);
    assert.match(shareSentence({ ...base, strictMeanF1: 1, tolerantMeanF1: 1, shareOfError: null, wrongPixelShare: null }, 4), /^mean F1 1\.0000 strict · 1\.0000 tolerant \(boundary band k=3\): no error to share$/);
    assert.match(shareSentence({ ...base, tolerantMeanF1: null, shareOfError: null }, 3), /0\.812 strict · – tolerant .*: no share \(a score is missing\)/);
  });

  it('rounds shares to whole percentages with a true minus sign', () => {
    assert.deepEqual([wholePercent(0.484), wholePercent(1), wholePercent(-0.004), wholePercent(-0.12)], ['48%', '100%', '0%', '\u221212%']);
  });
});
