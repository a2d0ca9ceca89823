import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchemaJson, SchemaFileError } from '../../../src/core/schema/schemaJson';
import { buildCrosswalk } from '../../../src/core/schema/crosswalk';
import { findBuiltinSchema } from '../../../src/core/schema/builtinSchemas';

function valid(): Record<string, unknown> & { classes: Array<Record<string, unknown>> } {
  return {
    id: 'my-set',
    title: 'My set',
    leftRight: 'viewer',
    classes: [
      { id: 0, name: 'background', color: [0, 0, 0], concept: 'background' },
      { id: 1, name: 'face', color: '#FF8000', concept: 'skin' },
      { id: 2, name: 'left eye', color: [10, 20, 30], concept: 'eye', side: 'left' },
      { id: 3, name: 'right eye', color: [40, 50, 60], concept: 'eye', side: 'right' },
    ],
    notes: ['made by hand'],
  };
}

function rejects(mutate: (v: ReturnType<typeof valid>) => unknown, message: RegExp): void {
  const v = valid();
  const text = JSON.stringify(mutate(v) ?? v);
  assert.throws(() => parseSchemaJson(text, 'my.json'), (err: unknown) => {
    assert.ok(err instanceof SchemaFileError, String(err));
    assert.match(err.message, /^my\.json: /);
    assert.match(err.message, message);
    return true;
  });
}

describe('parseSchemaJson', () => {
  it('reads a valid schema, hex colours included', () => {
    const s = parseSchemaJson(JSON.stringify(valid()), 'my.json');
    assert.equal(s.id, 'my-set');
    assert.equal(s.leftRight, 'viewer');
    assert.deepEqual(s.classes[1].color, [255, 128, 0]);
    assert.equal(s.classes[2].side, 'left');
    assert.equal(s.classes[1].side, undefined);
    assert.deepEqual(s.notes, ['made by hand']);
  });

  it('defaults the title to the id and notes to none', () => {
    const v = valid();
    delete v.title;
    delete v.notes;
    const s = parseSchemaJson(JSON.stringify(v), 'my.json');
    assert.equal(s.title, 'my-set');
    assert.deepEqual(s.notes, []);
  });

  it('gives a schema the crosswalk can use, sides converted', () => {
    const s = parseSchemaJson(JSON.stringify(valid()), 'my.json');
    const cw = buildCrosswalk(s, findBuiltinSchema('celebamask-hq')!);
    assert.equal(cw.table[2], 5); // viewer-left eye = subject's right = r_eye
  });

  it('names the field in each error', () => {
    assert.throws(() => parseSchemaJson('{"id": ', 'my.json'), /^SchemaFileError: my\.json: the file is not valid JSON/);
    rejects(() => 'nope', /the top level must be an object/);
    rejects(() => [1], /the top level must be an object/);
    rejects((v) => { v.extra = 1; }, /extra is not a known key/);
    rejects((v) => { delete v.id; }, /id must be a string/);
    rejects((v) => { v.id = 'a b'; }, /id may hold only/);
    rejects((v) => { v.leftRight = 'left'; }, /leftRight must be "subject"/);
    rejects((v) => ({ ...v, classes: {} }), /classes must be an array/);
    rejects((v) => { v.classes = []; }, /classes must list at least one class/);
    rejects((v) => { v.classes[3].color = [1, 2]; }, /classes\[3\]\.color must be \[r,g,b\] with integers 0–255 or "#rrggbb"/);
    rejects((v) => { v.classes[3].color = [1, 2, 256]; }, /classes\[3\]\.color must be/);
    rejects((v) => { v.classes[1].color = '#12345'; }, /classes\[1\]\.color must be/);
    rejects((v) => { v.classes[2].id = 255; }, /classes\[2\]\.id must be an integer 0–254/);
    rejects((v) => { v.classes[2].id = 1.5; }, /classes\[2\]\.id must be an integer/);
    rejects((v) => { v.classes[3].id = 2; }, /classes\[3\]\.id 2 is already used by classes\[2\]/);
    rejects((v) => { v.classes[3].name = 'LEFT EYE'; }, /classes\[3\]\.name "LEFT EYE" is already used by classes\[2\]/);
    rejects((v) => { v.classes[3].color = [10, 20, 30]; }, /classes\[3\]\.color \[10,20,30\] is already used/);
    rejects((v) => { v.classes[1].concept = 'face'; }, /classes\[1\]\.concept "face" is not a known concept/);
    rejects((v) => { delete v.classes[2].side; }, /classes\[2\]\.side is required for the sided concept "eye"/);
    rejects((v) => { v.classes[1].side = 'left'; }, /classes\[1\]\.side is only allowed for sided concepts/);
    rejects((v) => { v.classes[2].side = 'up'; }, /classes\[2\]\.side must be "left" or "right"/);
    rejects((v) => { v.classes[0].name = ''; }, /classes\[0\]\.name must not be empty/);
    rejects((v) => { v.classes[0].colour = [0, 0, 0]; }, /classes\[0\]\.colour is not a known key/);
    rejects((v) => { v.notes = [3]; }, /notes\[0\] must be a string/);
  });

  it('rejects absurd input with a clear error', () => {
    rejects((v) => { v.title = 'x'.repeat(201); }, /title is longer than 200 characters/);
    rejects((v) => {
      v.classes = Array.from({ length: 256 }, (_, i) => ({ id: i, name: `c${i}`, color: [i, 0, 0], concept: 'skin' }));
    }, /classes has 256 entries; at most 255/);
    rejects((v) => { v.classes[0].color = [[[0]], 0, 0]; }, /nests values deeper than expected/);
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    assert.throws(() => parseSchemaJson(deep, 'deep.json'), /deep\.json: \[0\]\[0\]\[0\]\[0\] nests values deeper than expected/);
    assert.throws(() => parseSchemaJson(' '.repeat(1_000_001), 'big.json'), /big\.json: the file is too large/);
  });
});
