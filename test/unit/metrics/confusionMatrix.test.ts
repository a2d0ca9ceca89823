import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfusionMatrix } from '../../../src/core/metrics/confusionMatrix';
import { scoreClass, scoreClasses } from '../../../src/core/metrics/classScores';
import { prng } from '../../helpers/prng';

// 4×4 example, 4 classes (0 background, 1, 2, 3 never occurs), 255 = ignore in gt / unmapped in pred.
const GT = Uint8Array.from([
  0, 0, 1, 1,
  0, 0, 1, 1,
  2, 2, 1, 255,
  2, 2, 2, 255,
]);
const PRED = Uint8Array.from([
  0, 1, 1, 1,
  0, 0, 1, 2,
  2, 2, 255, 0,
  2, 1, 2, 2,
]);
// Pixel pairs (gt,pred): row0 (0,0)(0,1)(1,1)(1,1); row1 (0,0)(0,0)(1,1)(1,2);
// row2 (2,2)(2,2)(1,other)(ignored); row3 (2,2)(2,1)(2,2)(ignored).
// Columns 0..3 then "other":
const EXPECTED_ROWS = [
  [3, 1, 0, 0, 0], // gt 0: 4 pixels
  [0, 3, 1, 0, 1], // gt 1: 5 pixels, one predicted 255 → "other"
  [0, 1, 4, 0, 0], // gt 2: 5 pixels
  [0, 0, 0, 0, 0], // gt 3: absent
];

function filled(): ConfusionMatrix {
  const m = new ConfusionMatrix(4);
  m.add(GT, PRED);
  return m;
}

describe('ConfusionMatrix.add', () => {
  it('counts the hand-worked matrix, skipping gt 255 and putting pred 255 in "other"', () => {
    const m = filled();
    assert.deepEqual(m.toRows(), EXPECTED_ROWS);
    assert.equal(m.total(), 14); // 16 pixels − 2 ignored
    assert.equal(m.correct(), 10); // 3 + 3 + 4
    assert.deepEqual(m.excluded(), { ignoredPixels: 2, skippedPixels: 0 });
    assert.equal(m.get(1, 4), 1); // the "other" cell
  });

  it('keeps ground-truth totals right: the "other" pixel is in gt 1\'s row, in no class column', () => {
    const m = filled();
    assert.deepEqual([0, 1, 2, 3].map((c) => m.gtTotal(c)), [4, 5, 5, 0]);
    assert.deepEqual([0, 1, 2, 3, 4].map((c) => m.predTotal(c)), [3, 5, 5, 0, 1]); // 3+5+5+0+1 = 14
  });

  it('skips pixels of the skip mask before looking at the ignore id', () => {
    const skipFirstColumn = new Uint8Array(16);
    for (let y = 0; y < 4; y++) skipFirstColumn[y * 4] = 1; // skips (0,0) (0,0) (2,2) (2,2)
    const m = new ConfusionMatrix(4);
    m.add(GT, PRED, { skip: skipFirstColumn });
    // gt 0: [3−2, 1] ; gt 2: [0, 1, 4−2]
    assert.deepEqual(m.toRows(), [[1, 1, 0, 0, 0], [0, 3, 1, 0, 1], [0, 1, 2, 0, 0], [0, 0, 0, 0, 0]]);
    assert.deepEqual(m.excluded(), { ignoredPixels: 2, skippedPixels: 4 });

    const skipLastColumn = new Uint8Array(16);
    for (let y = 0; y < 4; y++) skipLastColumn[y * 4 + 3] = 1; // skips (1,1) (1,2) and both 255 pixels
    const m2 = new ConfusionMatrix(4);
    m2.add(GT, PRED, { skip: skipLastColumn });
    assert.deepEqual(m2.excluded(), { ignoredPixels: 0, skippedPixels: 4 });
    assert.equal(m2.total(), 12); // 16 − 4 skipped
  });

  it('uses a custom ignore id, and then treats gt 255 as an error', () => {
    const m = new ConfusionMatrix(4);
    const gt = Uint8Array.from([0, 1, 2, 2]);
    m.add(gt, Uint8Array.from([0, 1, 1, 2]), { ignoreId: 2 });
    assert.deepEqual(m.toRows()[0], [1, 0, 0, 0, 0]);
    assert.equal(m.total(), 2); // the two gt-2 pixels are ignored
    assert.throws(() => m.add(GT, PRED, { ignoreId: 2 }), /ground-truth value 255/);
  });

  it('throws on a gt value that is no class, naming it, and adds nothing', () => {
    const m = filled();
    const gt = Uint8Array.from([0, 1, 7, 0]);
    assert.throws(() => m.add(gt, Uint8Array.from([0, 1, 2, 0])), /ground-truth value 7 \(1 pixels\) is not a class id \(0..3\)/);
    assert.deepEqual(m.toRows(), EXPECTED_ROWS);
  });

  it('throws when lengths differ', () => {
    const m = new ConfusionMatrix(3);
    assert.throws(() => m.add(new Uint8Array(4), new Uint8Array(5)), /4 pixels but prediction has 5/);
    assert.throws(() => m.add(new Uint8Array(4), new Uint8Array(4), { skip: new Uint8Array(3) }), /skip mask has 3/);
  });
});

describe('ConfusionMatrix serialisation and merge', () => {
  it('lists non-zero cells, with column n meaning "other"', () => {
    assert.deepEqual(filled().toSparse(), [
      [0, 0, 3], [0, 1, 1], [1, 1, 3], [1, 2, 1], [1, 4, 1], [2, 1, 1], [2, 2, 4],
    ]);
  });

  it('round-trips through fromSparse(toSparse())', () => {
    const m = filled();
    const back = ConfusionMatrix.fromSparse(4, m.toSparse(), m.excluded());
    assert.deepEqual(back.toRows(), EXPECTED_ROWS);
    assert.deepEqual(back.excluded(), { ignoredPixels: 2, skippedPixels: 0 });
    assert.deepEqual(back.toSparse(), m.toSparse());
  });

  it('rejects cells outside the matrix and invalid counts', () => {
    assert.throws(() => ConfusionMatrix.fromSparse(4, [[4, 0, 1]]), /ground-truth class 4/);
    assert.throws(() => ConfusionMatrix.fromSparse(4, [[0, 5, 1]]), /prediction column 5/);
    assert.throws(() => ConfusionMatrix.fromSparse(4, [[0, 0, -1]]), /invalid count/);
  });

  it('merges counts and excluded pixels; adding both halves equals merging them', () => {
    const a = new ConfusionMatrix(4);
    a.add(GT.subarray(0, 8), PRED.subarray(0, 8));
    const b = new ConfusionMatrix(4);
    b.add(GT.subarray(8), PRED.subarray(8));
    a.merge(b);
    assert.deepEqual(a.toRows(), EXPECTED_ROWS);
    assert.deepEqual(a.excluded(), { ignoredPixels: 2, skippedPixels: 0 });
    assert.throws(() => a.merge(new ConfusionMatrix(3)), /cannot merge/);
  });

  it('counts beyond 2^32 without wrapping', () => {
    const big = 2 ** 33 + 1;
    const m = ConfusionMatrix.fromSparse(2, [[0, 0, big], [1, 2, 5]]);
    m.merge(ConfusionMatrix.fromSparse(2, [[0, 0, big]]));
    assert.equal(m.get(0, 0), 2 * big);
    assert.equal(m.total(), 2 * big + 5);
  });
});

describe('class scores', () => {
  it('gives the hand-worked P/R/F1/IoU per class', () => {
    const [c0, c1, c2] = scoreClasses(filled());
    // class 0: TP 3, GT 4, Pred 3 → P 3/3, R 3/4, F1 2·3/(4+3) = 6/7, IoU 3/(4+3−3) = 3/4
    assert.deepEqual(c0, { id: 0, precision: 1, recall: 3 / 4, f1: 6 / 7, iou: 3 / 4, gtPixels: 4, predPixels: 3, tp: 3 });
    // class 1: TP 3, GT 5 (incl. the "other" pixel), Pred 5 → P 3/5, R 3/5, F1 6/10, IoU 3/7
    assert.deepEqual(c1, { id: 1, precision: 3 / 5, recall: 3 / 5, f1: 6 / 10, iou: 3 / 7, gtPixels: 5, predPixels: 5, tp: 3 });
    // class 2: TP 4, GT 5, Pred 5 → P 4/5, R 4/5, F1 8/10, IoU 4/6
    assert.deepEqual(c2, { id: 2, precision: 4 / 5, recall: 4 / 5, f1: 8 / 10, iou: 4 / 6, gtPixels: 5, predPixels: 5, tp: 4 });
  });

  it('reports null, never NaN, for a class absent from gt and pred', () => {
    assert.deepEqual(scoreClass(filled(), 3), { id: 3, precision: null, recall: null, f1: null, iou: null, gtPixels: 0, predPixels: 0, tp: 0 });
  });

  it('an unmapped prediction lowers recall but no precision', () => {
    // Same pixels with the "other" pixel dropped: class 1 would have TP 3, GT 4 → R 3/4 instead of 3/5,
    // while every precision (column-based) is unchanged.
    const withOther = scoreClasses(filled());
    const gt = GT.slice();
    gt[10] = 255; // ignore the pixel that was predicted 255
    const m = new ConfusionMatrix(4);
    m.add(gt, PRED);
    const without = scoreClasses(m);
    assert.equal(withOther[1].recall, 3 / 5);
    assert.equal(without[1].recall, 3 / 4);
    assert.deepEqual(withOther.map((s) => s.precision), without.map((s) => s.precision));
  });
});

describe('ConfusionMatrix.add with a prediction table', () => {
  it('counts exactly what translating every predicted pixel first would count', () => {
    const random = prng(11);
    const next = (): number => Math.floor(random() * 256);
    const gt = Uint8Array.from({ length: 5000 }, () => [0, 1, 2, 3, 255][next() % 5]);
    const pred = Uint8Array.from({ length: 5000 }, () => next() % 7);
    const table = new Uint8Array(256).fill(255);
    [2, 0, 1, 1, 3, 255, 9].forEach((to, from) => (table[from] = to)); // a swap, a merge, an unmapped id, an id ≥ n
    const skip = Uint8Array.from({ length: 5000 }, () => next() & 1);
    for (const options of [{}, { skip }]) {
      const viaTable = new ConfusionMatrix(4);
      viaTable.add(gt, pred, { ...options, predTable: table });
      const translated = new ConfusionMatrix(4);
      translated.add(gt, pred.map((p) => table[p]), options);
      assert.deepEqual(viaTable.toSparse(), translated.toSparse());
      assert.deepEqual(viaTable.excluded(), translated.excluded());
      assert.ok(viaTable.toSparse().some(([g, p]) => g === 1 && p === 4), 'the unmapped and ≥ n ids land in the "other" column');
    }
  });

  it('refuses a table that does not have 256 entries', () => {
    assert.throws(() => new ConfusionMatrix(4).add(GT, GT, { predTable: new Uint8Array(10) }), /256 entries, got 10/);
  });
});
