import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findClassByRef, parseMappingJson, resolveMapping } from '../../../src/core/schema/mappingJson';
import { SchemaFileError } from '../../../src/core/schema/schemaJson';
import { buildCrosswalk } from '../../../src/core/schema/crosswalk';
import { findBuiltinSchema } from '../../../src/core/schema/builtinSchemas';

const FS = findBuiltinSchema('facesynthetics')!;
const CAM = findBuiltinSchema('celebamask-hq')!;

function resolve(map: Record<string, unknown>, from = 'FaceSynthetics', to = 'camhq') {
  const file = parseMappingJson(JSON.stringify({ from, to, map }), 'map.json');
  return resolveMapping(file, FS, CAM);
}

function fails(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof SchemaFileError, String(err));
    assert.match(err.message, /^map\.json: /);
    assert.match(err.message, message);
    return true;
  });
}

describe('parseMappingJson / resolveMapping', () => {
  it('resolves names, ids and null, through aliases and any case', () => {
    const o = resolve({ BEARD: 'hair', '18': 13, clothing: null, HEADWEAR: '14' });
    assert.deepEqual([...o.entries()].sort((a, b) => a[0] - b[0]), [[14, 13], [15, null], [17, 14], [18, 13]]);
    const cw = buildCrosswalk(FS, CAM, o);
    assert.equal(cw.table[14], 13);
    assert.equal(cw.table[15], 255);
    assert.equal(cw.entries[14].how, 'override');
  });

  it('keeps the entries in object key order', () => {
    const file = parseMappingJson('{"from":"a","to":"b","map":{"x":null,"y":"z"}}', 'map.json');
    assert.deepEqual(file.map, [['x', null], ['y', 'z']]);
    assert.equal(file.fileName, 'map.json');
  });

  it('names the file and the key in errors', () => {
    fails(() => resolve({ MOUSTACHE: 'skin' }), /map\["MOUSTACHE"\] \(the key\) "MOUSTACHE" names no class of FaceSynthetics/);
    fails(() => resolve({ BEARD: 'moustache' }), /map\["BEARD"\] "moustache" names no class of CelebAMask-HQ/);
    fails(() => resolve({ BEARD: 300 }), /map\["BEARD"\] must be a class id 0–254/);
    fails(() => resolve({ BEARD: 40 }), /map\["BEARD"\] 40 names no class of CelebAMask-HQ/);
    fails(() => resolve({ BEARD: true }), /map\["BEARD"\] must be a class name, a class id, or null/);
    fails(() => resolve({ BEARD: 'skin', '14': 'hair' }), /map\["BEARD"\] maps class 14 BEARD again \(already mapped by map\["14"\]\)/);
    fails(() => resolve({}, 'lapa'), /map\.json: from is "lapa", but the source schema is facesynthetics/);
    fails(() => resolve({}, 'fs', 'helen'), /to is "helen", but the target schema is celebamask-hq/);
    fails(() => parseMappingJson('{"from":"fs","to":"lapa"}', 'map.json'), /map must be an object/);
    fails(() => parseMappingJson('{"from":"fs","to":"lapa","map":{},"x":1}', 'map.json'), /x is not a known key/);
    fails(() => parseMappingJson('{"from":"fs","to":"lapa","map":{"a":{"b":1}}}', 'map.json'), /nests values deeper/);
    fails(() => parseMappingJson('{"from":"fs","to":"lapa","map":{"":1}}', 'map.json'), /map\[""\] \(the key\) must not be empty/);
    fails(() => parseMappingJson('{"from":5,"to":"lapa","map":{}}', 'map.json'), /from must be a string/);
  });

  it('finds classes by exact name, then case-insensitively, then by id', () => {
    assert.equal(findClassByRef(FS, 'left_eye')?.id, 4);
    assert.equal(findClassByRef(CAM, 'L_EYE')?.id, 4);
    assert.equal(findClassByRef(CAM, '17')?.name, 'neck');
    assert.equal(findClassByRef(CAM, 17)?.name, 'neck');
    assert.equal(findClassByRef(CAM, 19), undefined);
  });
});
