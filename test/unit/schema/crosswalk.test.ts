import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyCrosswalk, buildCrosswalk, crosswalkReport } from '../../../src/core/schema/crosswalk';
import { findBuiltinSchema, BUILTIN_SCHEMAS } from '../../../src/core/schema/builtinSchemas';
import type { LabelSchema } from '../../../src/core/schema/labelSchema';

const FS = findBuiltinSchema('facesynthetics')!;
const CAM = findBuiltinSchema('celebamask-hq')!;
const BIS = findBuiltinSchema('bisenet')!;
const LAPA = findBuiltinSchema('lapa')!;

function entry(from: LabelSchema, to: LabelSchema, fromId: number) {
  return buildCrosswalk(from, to).entries.find((e) => e.fromId === fromId)!;
}

describe('buildCrosswalk', () => {
  it('matches sides in the subject frame, not by name', () => {
    const cw = buildCrosswalk(CAM, FS);
    assert.equal(cw.table[4], 3); // l_eye → RIGHT_EYE
    assert.equal(cw.table[5], 4); // r_eye → LEFT_EYE
    assert.equal(cw.table[6], 5); // l_brow → RIGHT_BROW
    assert.equal(cw.table[8], 7); // l_ear → RIGHT_EAR
    assert.equal(cw.sideSwapped, true);
    const e = cw.entries.find((x) => x.fromId === 4)!;
    assert.equal(e.how, 'same-concept');
    assert.equal(e.toName, 'RIGHT_EYE');
    assert.match(e.detail, /subject's left eye/);
  });

  it('maps LaPa left eyebrow to CelebAMask-HQ r_brow', () => {
    const cw = buildCrosswalk(LAPA, CAM);
    assert.equal(cw.table[2], 7);
    assert.equal(cw.table[3], 6);
    assert.equal(cw.table[4], 5);
    assert.equal(cw.table[10], 13); // hair
    assert.equal(cw.table[8], 10); // inner mouth → mouth
  });

  it('keeps sides between two subject-convention schemas and does not mark a swap', () => {
    const cw = buildCrosswalk(CAM, BIS);
    assert.equal(cw.sideSwapped, false);
    assert.deepEqual([...cw.table.subarray(0, 19)], [0, 1, 10, 6, 4, 5, 2, 3, 7, 8, 11, 12, 13, 17, 18, 9, 15, 14, 16]);
    assert.ok(cw.entries.every((e) => e.how === 'same-concept'));
    assert.deepEqual(crosswalkReport(cw), []);
  });

  it('falls back from FaceSynthetics BEARD to CelebAMask-HQ skin', () => {
    const e = entry(FS, CAM, 14);
    assert.equal(e.how, 'fallback');
    assert.equal(e.toId, 1);
    assert.equal(e.toName, 'skin');
    assert.match(e.detail, /CelebAMask-HQ has no beard class; beard pixels are scored as skin/);
    assert.equal(entry(FS, CAM, 18).toId, 1); // FACEWEAR → skin
    assert.equal(entry(FS, CAM, 17).how, 'same-concept'); // HEADWEAR ↔ hat
  });

  it('sends CelebAMask-HQ earring to LaPa skin via ear, and names both missing classes', () => {
    const e = entry(CAM, LAPA, 15);
    assert.equal(e.how, 'fallback');
    assert.equal(e.toId, 1);
    assert.match(e.detail, /no earring class and no ear class/);
    assert.equal(entry(CAM, LAPA, 8).toId, 1); // l_ear → skin
    assert.equal(entry(CAM, LAPA, 8).how, 'fallback');
  });

  it('sends an unsided earring past sided ears to skin, and says why', () => {
    const e = entry(CAM, FS, 15);
    assert.equal(e.toId, 1);
    assert.match(e.detail, /left and right ear classes/);
  });

  it('follows chains to a class and keeps the side on sided fallbacks', () => {
    assert.equal(entry(CAM, LAPA, 14).toId, 10); // hat → hair
    assert.equal(entry(CAM, LAPA, 3).toId, 1); // eye_g → skin
    const sidedEarrings: LabelSchema = {
      id: 'x', title: 'X', leftRight: 'viewer',
      classes: [{ id: 0, name: 'bg', color: [0, 0, 0], concept: 'background' }, { id: 7, name: 'le', color: [1, 1, 1], concept: 'earring' }],
    };
    assert.equal(entry(sidedEarrings, FS, 7).toId, 1);
  });

  it('marks classes without a target as unmapped (255) with a sentence', () => {
    const cw = buildCrosswalk(FS, LAPA);
    const neck = cw.entries.find((e) => e.fromName === 'NECK')!;
    assert.equal(neck.how, 'unmapped');
    assert.equal(neck.toId, null);
    assert.equal(cw.table[12], 255);
    assert.equal(cw.table[15], 255); // CLOTHING
    assert.match(neck.detail, /LaPa has no neck class.*ignored/);
    assert.equal(cw.entries.length, FS.classes.length);
    assert.ok(cw.entries.every((x) => x.detail.length > 10));
  });

  it('maps ids outside the source schema and 255 to 255', () => {
    const cw = buildCrosswalk(LAPA, CAM);
    assert.equal(cw.table.length, 256);
    assert.equal(cw.table[11], 255);
    assert.equal(cw.table[200], 255);
    assert.equal(cw.table[255], 255);
  });

  it('applies overrides, including null for ignore', () => {
    const cw = buildCrosswalk(FS, CAM, new Map([[14, 13], [15, null]]));
    assert.equal(cw.table[14], 13);
    assert.equal(cw.table[15], 255);
    assert.equal(cw.entries[14].how, 'override');
    assert.equal(cw.entries[15].toName, null);
    assert.throws(() => buildCrosswalk(FS, CAM, new Map([[40, 1]])), /not a class of FaceSynthetics/);
    assert.throws(() => buildCrosswalk(FS, CAM, new Map([[1, 40]])), /not a class of CelebAMask-HQ/);
  });

  it('round-trips every class two schemas share', () => {
    for (const a of BUILTIN_SCHEMAS) {
      for (const b of BUILTIN_SCHEMAS) {
        const there = buildCrosswalk(a, b);
        const back = buildCrosswalk(b, a);
        for (const e of there.entries) {
          if (e.how === 'same-concept') assert.equal(back.table[there.table[e.fromId]], e.fromId, `${a.id}→${b.id} ${e.fromName}`);
        }
      }
    }
  });

  it('is the identity from a schema to itself', () => {
    const cw = buildCrosswalk(FS, FS);
    for (let i = 0; i < 19; i++) assert.equal(cw.table[i], i);
  });
});

describe('applyCrosswalk', () => {
  it('translates pixels, in place or into a new buffer', () => {
    const { table } = buildCrosswalk(CAM, FS);
    const data = Uint8Array.from([0, 4, 5, 255, 15, 200]);
    assert.deepEqual([...applyCrosswalk(data, table)], [0, 3, 4, 255, 1, 255]);
    applyCrosswalk(data, table, data);
    assert.deepEqual([...data], [0, 3, 4, 255, 1, 255]);
    assert.throws(() => applyCrosswalk(data, new Uint8Array(10)), /256/);
    assert.throws(() => applyCrosswalk(data, table, new Uint8Array(2)), /too small/);
  });
});

describe('crosswalkReport', () => {
  it('lists the side note, fallbacks and unmapped classes', () => {
    assert.ok(!crosswalkReport(buildCrosswalk(FS, LAPA)).some((l) => /conventions/.test(l)));
    assert.match(crosswalkReport(buildCrosswalk(CAM, LAPA))[0], /different conventions.*e\.g\. l_eye → right eye/);
    const lines = crosswalkReport(buildCrosswalk(FS, LAPA));
    assert.ok(lines.some((l) => l.startsWith('BEARD → skin (fallback)')));
    assert.ok(lines.some((l) => l.startsWith('NECK → ignored')));
    assert.ok(!lines.some((l) => l.startsWith('NOSE')));
  });
});
