import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfusionMatrix } from '../../../src/core/metrics/confusionMatrix';
import { summarize } from '../../../src/core/metrics/datasetSummary';
import { HELEN_GROUPS, groupClassIds, groupScore, missingGroupConcepts } from '../../../src/core/metrics/labelGroups';
import type { LabelSchema, SchemaClass } from '../../../src/core/schema/labelSchema';

function schemaOf(classes: Array<[id: number, name: string, concept: string]>): LabelSchema {
  const list: SchemaClass[] = classes.map(([id, name, concept]) => ({ id, name, concept, color: [0, 0, 0] }));
  return { id: 'test', title: 'test', classes: list, leftRight: 'viewer' };
}

const HELEN = schemaOf([
  [0, 'background', 'background'], [1, 'skin', 'skin'], [2, 'lb', 'brow'], [3, 'rb', 'brow'], [4, 'le', 'eye'], [5, 're', 'eye'],
  [6, 'nose', 'nose'], [7, 'ulip', 'upper_lip'], [8, 'imouth', 'mouth'], [9, 'llip', 'lower_lip'], [10, 'hair', 'hair'],
]);

// Hand-made dataset matrix (gt, pred, pixels); every other cell is 0.
const CELLS: Array<[number, number, number]> = [
  [0, 0, 100],
  [1, 1, 50], [1, 6, 3], // skin predicted as nose: a false positive for "overall"
  [2, 2, 5], [3, 2, 1], [3, 3, 4], // one right-brow pixel called left brow
  [4, 4, 6], [4, 5, 2], [4, 11, 1], [5, 5, 8], [5, 1, 2], // left eye: 2 called right eye, 1 unmapped ("other"); right eye: 2 called skin
  [6, 6, 10], [6, 1, 2],
  [7, 7, 3], [7, 8, 1], [8, 8, 4], [9, 9, 5], [9, 0, 1],
  [10, 10, 40], [10, 1, 5], // hair predicted as skin: touches no group
];

function score(name: string) {
  const group = HELEN_GROUPS.find((g) => g.name === name);
  assert.ok(group);
  return groupScore(ConfusionMatrix.fromSparse(11, CELLS), groupClassIds(group, HELEN));
}

describe('label groups', () => {
  it('maps Helen groups to class ids; overall leaves out skin and hair', () => {
    assert.deepEqual(HELEN_GROUPS.map((g) => [g.name, groupClassIds(g, HELEN)]), [
      ['eyes', [4, 5]], ['brows', [2, 3]], ['mouth', [7, 8, 9]], ['overall', [2, 3, 4, 5, 6, 7, 8, 9]],
    ]);
  });

  it('pools eyes: a left/right swap inside the group counts as correct', () => {
    // TP = c44 + c45 + c54 + c55 = 6 + 2 + 0 + 8 = 16; GT = rows 4,5 = (6 + 2 + 1 other) + 10 = 19;
    // Pred = cols 4,5 = 6 + 10 = 16 (the "other" column is in no group)
    // P 16/16, R 16/19, F1 32/35, IoU 16/(19+16−16) = 16/19
    assert.deepEqual(score('eyes'), { precision: 1, recall: 16 / 19, f1: 32 / 35, iou: 16 / 19, gtPixels: 19, predPixels: 16, tp: 16 });
  });

  it('pools brows and mouth', () => {
    // brows: TP 5 + 1 + 4 = 10, GT 5 + 5 = 10, Pred 6 + 4 = 10 → all 1
    assert.deepEqual(score('brows'), { precision: 1, recall: 1, f1: 1, iou: 1, gtPixels: 10, predPixels: 10, tp: 10 });
    // mouth: TP 3 + 1 + 4 + 5 = 13, GT 4 + 4 + 6 = 14, Pred 3 + 5 + 5 = 13 → P 1, R 13/14, F1 26/27, IoU 13/14
    assert.deepEqual(score('mouth'), { precision: 1, recall: 13 / 14, f1: 26 / 27, iou: 13 / 14, gtPixels: 14, predPixels: 13, tp: 13 });
  });

  it('pools overall over eyes, brows, nose and mouth only', () => {
    // TP = 16 + 10 + c66 10 + 13 = 49; GT = 19 + 10 + 12 + 14 = 55; Pred = 16 + 10 + (10 + 3 from skin) + 13 = 52
    // P 49/52, R 49/55, F1 98/107, IoU 49/(55+52−49) = 49/58
    assert.deepEqual(score('overall'), { precision: 49 / 52, recall: 49 / 55, f1: 98 / 107, iou: 49 / 58, gtPixels: 55, predPixels: 52, tp: 49 });
  });

  it('reports groups without any class in the schema as absent, and partial groups with their missing concepts', () => {
    const noMouthInterior = schemaOf([[0, 'background', 'background'], [1, 'u_lip', 'upper_lip'], [2, 'l_lip', 'lower_lip'], [3, 'hair', 'hair']]);
    assert.deepEqual(missingGroupConcepts(HELEN_GROUPS[2], noMouthInterior), ['mouth']);
    const m = ConfusionMatrix.fromSparse(4, [[1, 1, 2], [2, 2, 2], [2, 1, 1]]);
    const s = summarize(m, noMouthInterior, { groups: HELEN_GROUPS });
    assert.deepEqual(s.groups[0], { name: 'eyes', present: false, missingConcepts: ['eye'] });
    const mouth = s.groups[2];
    assert.ok(mouth.present);
    assert.deepEqual(mouth.missingConcepts, ['mouth']);
    // TP 2 + 1 + 2 = 5, GT 2 + 3 = 5, Pred 3 + 2 = 5
    assert.equal(mouth.score.f1, 1);
    assert.match(s.protocol.join('\n'), /groups: pooled/);
  });

  it('rejects ids outside the matrix', () => {
    assert.throws(() => groupScore(new ConfusionMatrix(3), [1, 3]), /group class id 3/);
  });
});
