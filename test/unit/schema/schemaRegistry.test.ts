import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import type { LabelSchema } from '../../../src/core/schema/labelSchema';

const USER: LabelSchema = {
  id: 'Mine',
  title: 'Mine',
  leftRight: 'subject',
  classes: [{ id: 0, name: 'bg', color: [0, 0, 0], concept: 'background' }],
};

describe('SchemaRegistry', () => {
  it('holds the built-ins and finds them by id or alias in any case', () => {
    const r = new SchemaRegistry();
    assert.deepEqual(r.list().map((s) => s.id), ['facesynthetics', 'celebamask-hq', 'bisenet', 'lapa', 'helen']);
    assert.equal(r.get('LaPa').id, 'lapa');
    assert.equal(r.get('CAMHQ').id, 'celebamask-hq');
    assert.equal(r.get('face-parsing.pytorch').id, 'bisenet');
  });

  it('registers user schemas and rejects duplicate ids and alias clashes', () => {
    const r = new SchemaRegistry();
    r.register(USER);
    assert.equal(r.get('mine'), USER);
    assert.equal(r.list().length, 6);
    assert.throws(() => r.register({ ...USER, id: 'MINE' }), /already used/);
    assert.throws(() => r.register({ ...USER, id: 'helen' }), /already used by Helen/);
    assert.throws(() => r.register({ ...USER, id: 'segformer' }), /already used by CelebAMask-HQ/);
  });

  it('lists the known ids when an id is unknown', () => {
    const r = new SchemaRegistry();
    assert.throws(() => r.get('ibugmask'), /Unknown label schema "ibugmask"\. Known schemas: facesynthetics, celebamask-hq, bisenet, lapa, helen\./);
    assert.equal(r.find('ibugmask'), undefined);
    assert.equal(r.has('fs'), true);
  });
});
