import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heatmapView } from '../../../src/core/report/confusionHeatmap';
import { deltaSentences, headlineRows } from '../../../src/core/report/headline';
import { signed } from '../../../src/core/report/numberFormat';
import { worstImages } from '../../../src/core/report/worstImages';
import { fakeImageResult, fakeRunRecord } from '../../helpers/reportFixtures';

describe('headline rows', () => {
  const synth = fakeRunRecord({ root: '/d/synth', schema: 'facesynthetics', meanF1: 0.83, mIoU: 0.7, pixelAccuracy: 0.95 });
  const real = fakeRunRecord({ root: '/d/real', schema: 'celebamask-hq', meanF1: 0.62, mIoU: 0.5, pixelAccuracy: null });
  const rows = headlineRows([
    { label: '#1', dir: 'a', record: synth },
    { label: '#2', dir: 'b', record: real },
  ]);

  it('measures every run against the first run', () => {
    assert.equal(rows[0].delta.meanF1, 0);
    assert.equal(rows[1].delta.meanF1, real.summary!.meanF1! - synth.summary!.meanF1!);
    assert.equal(rows[1].delta.mIoU, real.summary!.mIoU! - synth.summary!.mIoU!);
    assert.equal(rows[1].delta.pixelAccuracy, null, 'no change where a score is missing');
    assert.deepEqual([rows[1].dataset, rows[1].schema], ['/d/real', 'celebamask-hq']);
  });

  it('states the change in words with a real minus sign', () => {
    assert.deepEqual(deltaSentences(rows), ['#2 (real) against #1 (synth): \u22120.21 mean F1, \u22120.20 mIoU, – pixel accuracy']);
    assert.deepEqual([signed(0.054, 2), signed(-0.0001, 2), signed(null, 2)], ['+0.05', '±0.00', '–']);
  });
});

describe('worstImages', () => {
  it('orders by per-image mean F1, lowest first, ties by id, and leaves out images without one', () => {
    const results = [fakeImageResult('b', 0.5), fakeImageResult('a', 0.9), fakeImageResult('none', null), fakeImageResult('c', 0.1), fakeImageResult('a2', 0.5)];
    assert.deepEqual(worstImages(results, 3).map((r) => r.id), ['c', 'a2', 'b']);
    assert.deepEqual(worstImages(results, 10).map((r) => r.id), ['c', 'a2', 'b', 'a']);
    assert.deepEqual(worstImages(results, 0), []);
  });
});

describe('heatmapView', () => {
  it('divides each row by its ground-truth pixels and hides classes that never occur', () => {
    // rows: bg, skin, hair (never seen); columns add "other".
    const view = heatmapView({ classes: ['bg', 'skin', 'hair'], counts: [[6, 2, 0, 0], [1, 7, 0, 2], [0, 0, 0, 0]] });
    assert.deepEqual(view.rows, ['bg', 'skin']);
    assert.deepEqual(view.columns, ['bg', 'skin', 'other']);
    assert.deepEqual(view.hidden, ['hair']);
    assert.deepEqual(view.rowTotals, [8, 10]);
    assert.deepEqual(view.cells[1].map((c) => c.share), [0.1, 0.7, 0.2]);
    assert.deepEqual(view.cells[0].map((c) => c.count), [6, 2, 0]);
  });

  it('keeps a class that is only predicted, and drops the "other" column when it is empty', () => {
    const view = heatmapView({ classes: ['bg', 'skin', 'hair'], counts: [[6, 0, 2, 0], [0, 5, 0, 0], [0, 0, 0, 0]] });
    assert.deepEqual(view.columns, ['bg', 'skin', 'hair']);
    assert.deepEqual(view.cells[2].map((c) => c.share), [0, 0, 0], 'an empty row has no shares to divide');
  });
});
