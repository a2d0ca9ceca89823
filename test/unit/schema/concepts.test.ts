import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONCEPTS, canonicalKey, describeKey, getConcept, isConceptId, toNamedSide, toSubjectSide } from '../../../src/core/schema/concepts';
import { CELEBAMASK_HQ_SCHEMA } from '../../../src/core/schema/builtin/celebAMaskHq';
import { FACE_SYNTHETICS_SCHEMA } from '../../../src/core/schema/builtin/faceSynthetics';
import { LAPA_SCHEMA } from '../../../src/core/schema/builtin/laPa';

describe('concepts', () => {
  it('has the 18 canonical concepts with exactly eye, brow and ear sided', () => {
    assert.equal(CONCEPTS.length, 18);
    assert.deepEqual(CONCEPTS.filter((c) => c.sided).map((c) => c.id), ['eye', 'brow', 'ear']);
    assert.ok(isConceptId('facewear'));
    assert.ok(!isConceptId('eyes'));
  });

  it('has the documented fallbacks and no others', () => {
    const fallbacks = Object.fromEntries(CONCEPTS.filter((c) => c.fallback).map((c) => [c.id, c.fallback]));
    assert.deepEqual(fallbacks, {
      ear: 'skin', earring: 'ear', necklace: 'neck', beard: 'skin', facewear: 'skin', glasses: 'skin', hat: 'hair',
    });
    assert.equal(getConcept('skin')?.fallback, null);
  });

  it('converts named sides through the convention', () => {
    assert.equal(toSubjectSide('subject', 'left'), 'subject-left');
    assert.equal(toSubjectSide('viewer', 'left'), 'subject-right');
    assert.equal(toSubjectSide('viewer', 'right'), 'subject-left');
    assert.equal(toNamedSide('viewer', 'subject-left'), 'right');
    assert.equal(toNamedSide('subject', 'subject-left'), 'left');
  });

  it('gives canonical keys in the subject frame', () => {
    const cls = (schema: typeof LAPA_SCHEMA, name: string) => schema.classes.find((c) => c.name === name)!;
    assert.equal(canonicalKey(CELEBAMASK_HQ_SCHEMA, cls(CELEBAMASK_HQ_SCHEMA, 'l_eye')), 'eye/subject-left');
    assert.equal(canonicalKey(FACE_SYNTHETICS_SCHEMA, cls(FACE_SYNTHETICS_SCHEMA, 'RIGHT_EYE')), 'eye/subject-left');
    assert.equal(canonicalKey(LAPA_SCHEMA, cls(LAPA_SCHEMA, 'left eyebrow')), 'brow/subject-right');
    assert.equal(canonicalKey(LAPA_SCHEMA, cls(LAPA_SCHEMA, 'skin')), 'skin');
  });

  it('ignores a side on an unsided concept and describes keys', () => {
    assert.equal(canonicalKey({ leftRight: 'viewer' }, { id: 1, name: 's', color: [0, 0, 0], concept: 'skin', side: 'left' }), 'skin');
    assert.equal(describeKey('eye/subject-left'), "subject's left eye");
    assert.equal(describeKey('upper_lip'), 'upper lip');
  });
});
