import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ATTRIBUTES, attributeCatalog, attributeDef, conceptAttributes } from '../../../src/core/distribution/attributes/attributeCatalog';
import { PRESENCE_MIN_SHARE } from '../../../src/core/distribution/attributes/labelAttributes';
import { measureAttributes } from '../../../src/core/distribution/attributes/measureAttributes';
import { IGNORE_ID, type LabelMap } from '../../../src/core/raster/labelMap';
import { FACE_SYNTHETICS_SCHEMA } from '../../../src/core/schema/builtin/faceSynthetics';
import { LAPA_SCHEMA } from '../../../src/core/schema/builtin/laPa';
import { sampleFace } from '../../../src/core/synth/sampleFace';
import { REAL_STYLE_EXACT_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { generatedFaceLabels } from '../../helpers/plantedLabels';

const CONCEPTS = ['glasses', 'hat', 'earring', 'beard', 'hair', 'eye', 'ear'];
/** FaceSynthetics ids of the face: skin, nose, both eyes, brows and ears, inner mouth, lips, beard, glasses, facewear. */
const FS_FACE = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 16, 18]);

function counts(map: LabelMap, ids: ReadonlySet<number>): { n: number; sx: number; sy: number } {
  let [n, sx, sy] = [0, 0, 0];
  for (let i = 0; i < map.data.length; i++) {
    if (!ids.has(map.data[i])) continue;
    n++;
    sx += (i % map.width) + 0.5;
    sy += Math.floor(i / map.width) + 0.5;
  }
  return { n, sx, sy };
}

const annotatedOf = (map: LabelMap): number => map.data.filter((v) => v !== IGNORE_ID).length;

test('the catalog holds the issue\'s attribute names, and presence:/area: per concept', () => {
  assert.deepEqual(ATTRIBUTES.map((a) => a.name), [
    'faceArea', 'faceCenterX', 'faceCenterY', 'roll', 'yaw', 'mouthOpen', 'ita', 'brightness', 'contrast', 'saturation', 'colourfulness', 'sharpness', 'noise', 'jpegQuality',
  ]);
  assert.deepEqual(conceptAttributes(['glasses', 'eye']).map((a) => `${a.name}:${a.kind}`), ['presence:glasses:binary', 'area:glasses:continuous', 'presence:eye:binary', 'area:eye:continuous']);
  assert.equal(attributeDef('presence:hat')?.kind, 'binary');
  assert.equal(attributeDef('mouthOpen')?.kind, 'binary');
  assert.equal(attributeDef('yaw')?.unit, '°');
  assert.equal(attributeDef('nonsense'), undefined);
  assert.equal(new Set(attributeCatalog().map((a) => a.name)).size, attributeCatalog().length);
});

test('faceArea, faceCenter, presence:, area: and mouthOpen match pixel counts of generated labels', () => {
  let withGlasses = 0;
  for (let i = 0; i < 12; i++) {
    const map = generatedFaceLabels(FACE_SYNTHETICS_SCHEMA, i, 160, REAL_STYLE_EXACT_PROFILE);
    const params = sampleFace(REAL_STYLE_EXACT_PROFILE, 7, i, 160, 160).params;
    const { values } = measureAttributes({ labels: map, schema: FACE_SYNTHETICS_SCHEMA, concepts: CONCEPTS });
    const n = annotatedOf(map);
    const face = counts(map, FS_FACE);
    assert.ok(Math.abs(values.faceArea - face.n / n) < 1e-12, `face ${i}: faceArea`);
    assert.ok(Math.abs(values.faceCenterX - face.sx / face.n / map.width) < 1e-12);
    assert.ok(Math.abs(values.faceCenterY - face.sy / face.n / map.height) < 1e-12);
    const eyes = counts(map, new Set([3, 4])).n;
    assert.ok(Math.abs(values['area:eye'] - eyes / n) < 1e-12, 'both eyes count');
    for (const [concept, id] of [['glasses', 16], ['hat', 17], ['hair', 13], ['beard', 14]] as const) {
      const c = counts(map, new Set([id])).n;
      assert.ok(Math.abs(values[`area:${concept}`] - c / n) < 1e-12, `area:${concept}`);
      assert.equal(values[`presence:${concept}`], c > 0 && c >= PRESENCE_MIN_SHARE * n ? 1 : 0, `presence:${concept}`);
    }
    assert.equal(values['presence:glasses'], params.glasses ? 1 : 0, `face ${i}: glasses as generated`);
    assert.equal(values['presence:hat'], params.hat ? 1 : 0, `face ${i}: hat as generated`);
    assert.equal(values.mouthOpen, params.mouthOpen > 0 ? 1 : 0, `face ${i}: mouth as generated`);
    if (params.glasses) withGlasses++;
  }
  assert.ok(withGlasses > 0, 'the sample has faces with glasses');
});

test('a concept the schema lacks stays absent; the face is the same pixels in every schema', () => {
  for (let i = 0; i < 6; i++) {
    const fs = measureAttributes({ labels: generatedFaceLabels(FACE_SYNTHETICS_SCHEMA, i, 128, REAL_STYLE_EXACT_PROFILE), schema: FACE_SYNTHETICS_SCHEMA, concepts: CONCEPTS }).values;
    const lapaMap = generatedFaceLabels(LAPA_SCHEMA, i, 128, REAL_STYLE_EXACT_PROFILE);
    const lapa = measureAttributes({ labels: lapaMap, schema: LAPA_SCHEMA, concepts: CONCEPTS }).values;
    for (const name of ['presence:glasses', 'area:glasses', 'presence:hat', 'presence:earring', 'presence:beard', 'presence:ear']) assert.equal(name in lapa, false, name);
    assert.ok(Math.abs(lapa.faceCenterX - fs.faceCenterX) < 1e-12 && Math.abs(lapa.faceCenterY - fs.faceCenterY) < 1e-12, `face ${i}: same centre`);
    const [nFs, nLapa] = [annotatedOf(generatedFaceLabels(FACE_SYNTHETICS_SCHEMA, i, 128, REAL_STYLE_EXACT_PROFILE)), annotatedOf(lapaMap)];
    assert.ok(Math.abs(lapa.faceArea * nLapa - fs.faceArea * nFs) < 1e-6, `face ${i}: same face pixels`);
    assert.ok(Math.abs(lapa['area:hair'] * nLapa - (fs['area:hair'] + fs['area:hat']) * nFs) < 1e-6, `face ${i}: LaPa's hair holds the hat`);
  }
});

test('ignored pixels are left out of every share; a map with nothing annotated gives no label attributes', () => {
  const map = generatedFaceLabels(FACE_SYNTHETICS_SCHEMA, 3, 128);
  const before = measureAttributes({ labels: map, schema: FACE_SYNTHETICS_SCHEMA, concepts: ['hair'] }).values;
  const data = Uint8Array.from(map.data);
  let ignored = 0;
  for (let i = 0; i < data.length && ignored < 2000; i++) if (data[i] === 0) [data[i], ignored] = [IGNORE_ID, ignored + 1];
  const after = measureAttributes({ labels: { ...map, data }, schema: FACE_SYNTHETICS_SCHEMA, concepts: ['hair'] }).values;
  const ratio = data.length / (data.length - ignored);
  assert.ok(Math.abs(after.faceArea - before.faceArea * ratio) < 1e-12);
  assert.ok(Math.abs(after['area:hair'] - before['area:hair'] * ratio) < 1e-12);
  const none = measureAttributes({ labels: { ...map, data: new Uint8Array(data.length).fill(IGNORE_ID) }, schema: FACE_SYNTHETICS_SCHEMA, concepts: ['hair'] });
  assert.deepEqual(none.values, {});
});
