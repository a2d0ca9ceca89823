import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alignClasses } from '../../../src/core/report/classAlignment';
import type { RunInput } from '../../../src/core/report/reportModel';
import { classRowViews, confusionView } from '../../../src/node/browse/reportViews';
import { CAMHQ_SCHEMA, FS_SCHEMA } from '../../helpers/datasetLayouts';
import { fakeRunRecord } from '../../helpers/reportFixtures';

describe('confusionView', () => {
  it('turns the n × (n + 1) rows of confusion.json into a square row-major matrix, keeping "other" as class n with an empty row', () => {
    const view = confusionView({ classes: ['bg', 'skin', 'hair'], counts: [[5, 1, 0, 0], [2, 9, 3, 4], [0, 0, 7, 1]] });
    assert.deepEqual(view.classes, [{ id: 0, name: 'bg' }, { id: 1, name: 'skin' }, { id: 2, name: 'hair' }, { id: 3, name: 'other' }]);
    assert.deepEqual(view.counts, [5, 1, 0, 0, 2, 9, 3, 4, 0, 0, 7, 1, 0, 0, 0, 0]);
  });

  it('leaves "other" out when no pixel was predicted outside the schema', () => {
    const view = confusionView({ classes: ['bg', 'skin'], counts: [[5, 1, 0], [2, 9, 0]] });
    assert.deepEqual(view.classes.map((c) => c.name), ['bg', 'skin']);
    assert.deepEqual(view.counts, [5, 1, 2, 9]);
  });
});

describe('classRowViews', () => {
  const input = (schema: typeof FS_SCHEMA, classF1: Record<string, number>): RunInput => ({
    dir: `/runs/${schema.id}`,
    record: fakeRunRecord({ root: '/d', schema: schema.id, meanF1: 0.5, classF1 }),
    images: [],
    schema,
    notes: [],
  });
  const inputs = [input(FS_SCHEMA, { SKIN: 0.9, RIGHT_EYE: 0.4 }), input(CAMHQ_SCHEMA, { skin: 0.8, l_eye: 0.3 })];
  const rows = classRowViews(alignClasses(inputs.map((i) => ({ schema: i.schema, perClass: i.record.summary!.perClass }))), inputs);

  it('pairs classes by concept and side, with each run\'s full scores', () => {
    // FaceSynthetics RIGHT_EYE (viewer's right) is the subject's left eye: CelebAMask-HQ l_eye.
    const eye = rows.find((r) => r.perRun[0]?.f1 === 0.4)!;
    assert.equal(eye.perRun[1]!.f1, 0.3);
    assert.deepEqual(eye.perRun[0], { f1: 0.4, iou: 0.4 / 1.6, precision: 0.4, recall: 0.4, gtPixels: 10, predPixels: 10 });
  });

  it('names a row by its class when the runs agree on the name, else by the concept in words', () => {
    const skin = rows.find((r) => r.perRun[0]?.f1 === 0.9)!;
    assert.equal(skin.perRun[1]!.f1, 0.8);
    assert.equal(skin.name, 'skin', 'SKIN and skin differ, so the concept names the row');
    const eye = rows.find((r) => r.perRun[0]?.f1 === 0.4)!;
    assert.equal(eye.name, "subject's left eye");
    const fsOnly = classRowViews(alignClasses([{ schema: FS_SCHEMA, perClass: inputs[0].record.summary!.perClass }]), [inputs[0]]);
    assert.ok(fsOnly.some((r) => r.name === 'SKIN'));
  });

  it('gives null where a schema has no such class, and empty scores where a run has none for it', () => {
    const earring = rows.find((r) => r.name === 'ear_r')!;
    assert.equal(earring.perRun[0], null, 'FaceSynthetics has no earring class');
    assert.notEqual(earring.perRun[1], null);
    const unscored = rows.find((r) => r.perRun[0] !== null && r.perRun[0].f1 === null)!;
    assert.deepEqual(unscored.perRun[0], { f1: null, iou: null, precision: null, recall: null, gtPixels: 0, predPixels: 0 });
  });
});
