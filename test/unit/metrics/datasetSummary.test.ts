import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfusionMatrix } from '../../../src/core/metrics/confusionMatrix';
import { averagePerImage, summarize } from '../../../src/core/metrics/datasetSummary';
import { scoreImage } from '../../../src/core/metrics/imageScores';
import type { LabelSchema, SchemaClass } from '../../../src/core/schema/labelSchema';

function schemaOf(classes: Array<[id: number, name: string, concept: string]>): LabelSchema {
  const list: SchemaClass[] = classes.map(([id, name, concept]) => ({ id, name, concept, color: [0, 0, 0] }));
  return { id: 'test', title: 'test', classes: list, leftRight: 'viewer' };
}

function assertClose(actual: number | null, expected: number): void {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);
}

const SCHEMA = schemaOf([[0, 'background', 'background'], [1, 'skin', 'skin'], [2, 'nose', 'nose'], [3, 'hair', 'hair']]);

// The 4×4 example of confusionMatrix.test.ts, as sparse cells (column 4 = "other"):
// gt 0: [3,1,0,0 | 0]; gt 1: [0,3,1,0 | 1]; gt 2: [0,1,4,0 | 0]; gt 3 (hair): absent. 2 pixels ignored.
function example(): ConfusionMatrix {
  const cells: Array<[number, number, number]> = [[0, 0, 3], [0, 1, 1], [1, 1, 3], [1, 2, 1], [1, 4, 1], [2, 1, 1], [2, 2, 4]];
  return ConfusionMatrix.fromSparse(4, cells, { ignoredPixels: 2, skippedPixels: 0 });
}

describe('summarize', () => {
  it('computes pooled pixel accuracy, foreground meanF1 and all-class mIoU', () => {
    const s = summarize(example(), SCHEMA);
    assertClose(s.pixelAccuracy, 10 / 14); // trace 3+3+4 over 14 scored pixels
    // meanF1 over skin (F1 6/10) and nose (8/10); background excluded, hair absent: (3/5 + 4/5) / 2 = 7/10
    assertClose(s.meanF1, 7 / 10);
    // mIoU over background (3/4), skin (3/7), nose (4/6); hair absent: (63 + 36 + 56) / 84 / 3 = 155/252
    assertClose(s.mIoU, 155 / 252);
    assert.equal(s.scoredPixels, 14);
    assert.equal(s.ignoredPixels, 2);
    assert.equal(s.otherPredictionPixels, 1);
  });

  it('lists the classes left out of each mean, with the reason', () => {
    const s = summarize(example(), SCHEMA);
    assert.deepEqual(s.excludedFromMeanF1, [
      { id: 0, name: 'background', reason: 'background' },
      { id: 3, name: 'hair', reason: 'absent from ground truth and prediction' },
    ]);
    assert.deepEqual(s.excludedFromMIoU, [{ id: 3, name: 'hair', reason: 'absent from ground truth and prediction' }]);
    const hair = s.classes[3];
    assert.deepEqual([hair.name, hair.concept, hair.f1, hair.iou], ['hair', 'hair', null, null]);
  });

  it('names class scores and states the protocol', () => {
    const s = summarize(example(), SCHEMA, { skipDescription: 'none' });
    assert.deepEqual(s.classes.map((c) => c.name), ['background', 'skin', 'nose', 'hair']);
    assert.equal(s.classes[1].recall, 3 / 5);
    const text = s.protocol.join('\n');
    assert.match(text, /meanF1: mean of per-class F1 over foreground classes present in ground truth or prediction; background excluded \(background\)/);
    assert.match(text, /mIoU: .*background included/);
    assert.match(text, /ignore id 255 skipped.*\(2 pixels\)/);
    assert.match(text, /predicted values ≥ 4 .*\(1 pixels\)/);
    assert.match(text, /skip mask: 0 pixels not scored \(none\)/);
    assert.doesNotMatch(text, /groups:/);
  });

  it('returns nulls, not NaN, for an empty matrix', () => {
    const s = summarize(new ConfusionMatrix(4), SCHEMA);
    assert.deepEqual([s.pixelAccuracy, s.meanF1, s.mIoU], [null, null, null]);
    assert.equal(s.excludedFromMIoU.length, 4);
  });

  it('mentions schema classes the matrix cannot score', () => {
    const withIgnore = schemaOf([[0, 'background', 'background'], [1, 'skin', 'skin'], [255, 'IGNORE', 'ignore']]);
    const s = summarize(ConfusionMatrix.fromSparse(2, [[1, 1, 1]]), withIgnore);
    assert.match(s.protocol.join('\n'), /not scored: IGNORE \(255\)/);
  });
});

// Two images, classes 0 background and 1 nose.
// A: gt [1,1,1,1], pred [1,1,1,1] → nose TP 4 GT 4 Pred 4: F1 1, IoU 1; background absent.
//    meanF1 1, mIoU 1, accuracy 4/4.
// B: gt [0,0,0,1], pred [0,0,0,0] → nose TP 0 GT 1 Pred 0: F1 0, IoU 0; background TP 3 GT 3 Pred 4: F1 6/7, IoU 3/4.
//    meanF1 0 (nose only), mIoU (3/4 + 0)/2 = 3/8, accuracy 3/4.
// Pooled: nose TP 4 GT 5 Pred 4 → F1 8/9, IoU 4/5; background IoU 3/4 → meanF1 8/9, mIoU (4/5 + 3/4)/2 = 31/40, acc 7/8.
// Per image: meanF1 (1 + 0)/2 = 1/2, mIoU (1 + 3/8)/2 = 11/16, accuracy (1 + 3/4)/2 = 7/8 (same pixel count, so equal).
const TWO_CLASS = schemaOf([[0, 'background', 'background'], [1, 'nose', 'nose']]);

function imageMatrix(gt: number[], pred: number[]): ConfusionMatrix {
  const m = new ConfusionMatrix(2);
  m.add(Uint8Array.from(gt), Uint8Array.from(pred));
  return m;
}

describe('per-image scores and averages', () => {
  const a = imageMatrix([1, 1, 1, 1], [1, 1, 1, 1]);
  const b = imageMatrix([0, 0, 0, 1], [0, 0, 0, 0]);

  it('scores each image with its own matrix', () => {
    assert.deepEqual(scoreImage(a, TWO_CLASS), { pixelAccuracy: 1, meanF1: 1, mIoU: 1, classF1: { nose: 1 } });
    assert.deepEqual(scoreImage(b, TWO_CLASS), { pixelAccuracy: 3 / 4, meanF1: 0, mIoU: 3 / 8, classF1: { background: 6 / 7, nose: 0 } });
  });

  it('differs from the pooled means', () => {
    const pooled = new ConfusionMatrix(2);
    pooled.merge(a);
    pooled.merge(b);
    const s = summarize(pooled, TWO_CLASS);
    assertClose(s.meanF1, 8 / 9);
    assertClose(s.mIoU, 31 / 40);
    assertClose(s.pixelAccuracy, 7 / 8);
    const avg = averagePerImage([scoreImage(a, TWO_CLASS), scoreImage(b, TWO_CLASS)]);
    assertClose(avg.meanF1.mean, 1 / 2);
    assertClose(avg.mIoU.mean, 11 / 16);
    assertClose(avg.pixelAccuracy.mean, 7 / 8);
  });

  it('skips images whose value is null and reports the count used', () => {
    const allIgnored = imageMatrix([255, 255], [0, 1]);
    const onlyBackground = imageMatrix([0, 0], [0, 0]); // meanF1 null (no foreground), mIoU 1, accuracy 1
    const scores = [scoreImage(a, TWO_CLASS), scoreImage(b, TWO_CLASS), scoreImage(allIgnored, TWO_CLASS), scoreImage(onlyBackground, TWO_CLASS)];
    assert.deepEqual(scores[2], { pixelAccuracy: null, meanF1: null, mIoU: null, classF1: {} });
    const avg = averagePerImage(scores);
    assert.deepEqual(avg.meanF1, { mean: 1 / 2, imageCount: 2 }); // (1 + 0) / 2
    assert.equal(avg.mIoU.imageCount, 3);
    assertClose(avg.mIoU.mean, (1 + 3 / 8 + 1) / 3); // 19/24
    assertClose(avg.pixelAccuracy.mean, (1 + 3 / 4 + 1) / 3); // 11/12
    assert.deepEqual(averagePerImage([]).meanF1, { mean: null, imageCount: 0 });
  });
});
