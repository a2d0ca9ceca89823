import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alignClasses, type AlignedRow } from '../../../src/core/report/classAlignment';
import { findBuiltinSchema } from '../../../src/core/schema/builtinSchemas';
import type { LabelSchema } from '../../../src/core/schema/labelSchema';

const FS = findBuiltinSchema('facesynthetics')!;
const CAMHQ = findBuiltinSchema('celebamask-hq')!;
const LAPA = findBuiltinSchema('lapa')!;

/** Scores where each class's F1 is its id / 100, so a cell shows which class it came from. */
function scored(schema: LabelSchema) {
  return { schema, perClass: schema.classes.map((c) => ({ name: c.name, f1: c.id / 100, iou: c.id / 200, precision: null, recall: null, gtPixels: 1, predPixels: 1 })) };
}

function rowWith(rows: readonly AlignedRow[], run: number, name: string): AlignedRow {
  const row = rows.find((r) => r.cells[run]?.name === name);
  assert.ok(row, `a row holds ${name}`);
  return row;
}

describe('alignClasses', () => {
  it("pairs FaceSynthetics LEFT_EYE (viewer's left) with CelebAMask-HQ r_eye (subject's right), never by name", () => {
    const rows = alignClasses([scored(FS), scored(CAMHQ)]);
    const eye = rowWith(rows, 0, 'LEFT_EYE');
    assert.equal(eye.cells[1]?.name, 'r_eye');
    assert.equal(eye.concept, "subject's right eye");
    assert.equal(rowWith(rows, 0, 'RIGHT_EYE').cells[1]?.name, 'l_eye');
    assert.equal(rowWith(rows, 0, 'LEFT_BROW').cells[1]?.name, 'r_brow');
    assert.equal(rowWith(rows, 0, 'LEFT_EAR').cells[1]?.name, 'r_ear');
    assert.deepEqual(eye.cells.map((c) => c?.f1), [4 / 100, 5 / 100], "each run keeps its own class's scores");
  });

  it('gives a class without a counterpart an empty cell in the other run', () => {
    const rows = alignClasses([scored(FS), scored(CAMHQ)]);
    assert.equal(rowWith(rows, 0, 'BEARD').cells[1], null);
    assert.equal(rowWith(rows, 0, 'FACEWEAR').cells[1], null);
    assert.equal(rowWith(rows, 1, 'neck_l').cells[0], null);
    assert.equal(rowWith(rows, 1, 'ear_r').cells[0], null);
  });

  it('lists every class of every run exactly once, in concept order with background first', () => {
    const rows = alignClasses([scored(FS), scored(CAMHQ), scored(LAPA)]);
    for (const [run, schema] of [FS, CAMHQ, LAPA].entries()) {
      const names = rows.flatMap((r) => (r.cells[run] ? [r.cells[run]!.name] : []));
      assert.deepEqual([...names].sort(), schema.classes.map((c) => c.name).sort());
    }
    assert.equal(rows[0].concept, 'background');
    assert.deepEqual(rows.slice(3, 5).map((r) => r.key), ['eye/subject-left', 'eye/subject-right']);
  });

  it('keeps two classes of one schema on the same concept apart, and leaves cells without scores null', () => {
    const twoSkins: LabelSchema = { ...CAMHQ, id: 'two-skins', classes: [...CAMHQ.classes, { id: 19, name: 'skin2', color: [1, 2, 3], concept: 'skin' }] };
    const rows = alignClasses([{ schema: twoSkins, perClass: [] }, scored(CAMHQ)]);
    const skins = rows.filter((r) => r.concept === 'skin');
    assert.deepEqual(skins.map((r) => r.cells.map((c) => c?.name ?? null)), [['skin', 'skin'], ['skin2', null]]);
    assert.equal(skins[0].cells[0]?.f1, null);
  });
});
