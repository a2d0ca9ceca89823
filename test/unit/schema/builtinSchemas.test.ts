import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_ALIASES, BUILTIN_SCHEMAS, findBuiltinSchema, resolveBuiltinId } from '../../../src/core/schema/builtinSchemas';
import { canonicalKey, getConcept } from '../../../src/core/schema/concepts';
import type { LabelSchema } from '../../../src/core/schema/labelSchema';

function names(id: string): string[] {
  return findBuiltinSchema(id)!.classes.map((c) => `${c.id}:${c.name}`);
}

describe('built-in schemas', () => {
  it('has the five schemas with the documented ids', () => {
    assert.deepEqual(BUILTIN_SCHEMAS.map((s) => s.id), ['facesynthetics', 'celebamask-hq', 'bisenet', 'lapa', 'helen']);
  });

  it('lists FaceSynthetics ids 0–18 as in its README, without 255', () => {
    const fs = names('facesynthetics');
    assert.equal(fs.length, 19);
    assert.deepEqual(fs.slice(0, 5), ['0:BACKGROUND', '1:SKIN', '2:NOSE', '3:RIGHT_EYE', '4:LEFT_EYE']);
    assert.deepEqual(fs.slice(12), ['12:NECK', '13:HAIR', '14:BEARD', '15:CLOTHING', '16:GLASSES', '17:HEADWEAR', '18:FACEWEAR']);
    assert.equal(findBuiltinSchema('facesynthetics')!.leftRight, 'viewer');
  });

  it('keeps the official CelebAMask-HQ and BiSeNet orders apart', () => {
    const cam = names('celebamask-hq');
    assert.deepEqual([cam[3], cam[4], cam[13], cam[17], cam[18]], ['3:eye_g', '4:l_eye', '13:hair', '17:neck', '18:cloth']);
    const bis = names('bisenet');
    assert.deepEqual([bis[2], bis[6], bis[10], bis[14], bis[17], bis[18]], ['2:l_brow', '6:eye_g', '10:nose', '14:neck', '17:hair', '18:hat']);
    assert.deepEqual(findBuiltinSchema('bisenet')!.classes[1].color, [255, 85, 0]);
    assert.deepEqual(findBuiltinSchema('celebamask-hq')!.classes[16].color, [0, 51, 0]);
  });

  it('has LaPa and Helen with the same ids, viewer convention and LaPa colours', () => {
    const lapa = findBuiltinSchema('lapa')!;
    const helen = findBuiltinSchema('helen')!;
    assert.equal(lapa.classes.length, 11);
    assert.deepEqual(lapa.classes.map((c) => c.concept), helen.classes.map((c) => c.concept));
    assert.deepEqual(lapa.classes.map((c) => c.color), helen.classes.map((c) => c.color));
    assert.deepEqual(lapa.classes[8].color, [102, 0, 51]);
    assert.equal(lapa.leftRight, 'viewer');
    assert.equal(helen.leftRight, 'viewer');
    assert.ok(lapa.notes!.some((n) => n.includes('ears')));
  });

  it('gives FaceSynthetics the CelebAMask-HQ colour of the same canonical key', () => {
    const fs = findBuiltinSchema('facesynthetics')!;
    const cam = findBuiltinSchema('celebamask-hq')!;
    const camByKey = new Map(cam.classes.map((c) => [canonicalKey(cam, c), c.color]));
    for (const cls of fs.classes) {
      const expected = camByKey.get(canonicalKey(fs, cls));
      if (expected) assert.deepEqual(cls.color, expected, cls.name);
    }
    assert.deepEqual(fs.classes[3].color, [51, 51, 255]); // RIGHT_EYE = CAMHQ l_eye
    const camColors = new Set(cam.classes.map((c) => c.color.join(',')));
    assert.ok(!camColors.has(fs.classes[14].color.join(',')));
    assert.ok(!camColors.has(fs.classes[18].color.join(',')));
  });

  it('is internally consistent (unique ids, names, colours; sides exactly on sided concepts)', () => {
    for (const s of BUILTIN_SCHEMAS as LabelSchema[]) {
      assert.equal(new Set(s.classes.map((c) => c.id)).size, s.classes.length, s.id);
      assert.equal(new Set(s.classes.map((c) => c.name.toLowerCase())).size, s.classes.length, s.id);
      assert.equal(new Set(s.classes.map((c) => c.color.join(','))).size, s.classes.length, s.id);
      for (const c of s.classes) {
        assert.ok(getConcept(c.concept), `${s.id} ${c.name}`);
        assert.equal(getConcept(c.concept)!.sided, c.side !== undefined, `${s.id} ${c.name}`);
      }
      assert.ok((s.notes ?? []).length > 0);
    }
  });

  it('finds schemas by id or alias, ignoring case', () => {
    assert.equal(findBuiltinSchema('CelebAMask-HQ')?.id, 'celebamask-hq');
    assert.equal(findBuiltinSchema('camhq')?.id, 'celebamask-hq');
    assert.equal(findBuiltinSchema('SegFormer')?.id, 'celebamask-hq');
    assert.equal(findBuiltinSchema('face-parsing.pytorch')?.id, 'bisenet');
    assert.equal(resolveBuiltinId('nope'), undefined);
    for (const target of BUILTIN_ALIASES.values()) assert.ok(findBuiltinSchema(target));
  });
});
