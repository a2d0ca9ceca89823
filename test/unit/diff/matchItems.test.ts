import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchItems, numberKey } from '../../../src/core/diff/matchItems';

test('identical ids pair first, in A order, and the rule stays "id" when nothing else is needed', () => {
  const { pairs, matching, ambiguous } = matchItems(['b', 'a', 'c'], ['c', 'a', 'b', 'x']);
  assert.deepEqual(pairs, [['b', 'b'], ['a', 'a'], ['c', 'c']]);
  assert.equal(matching.rule, 'id');
  assert.equal(matching.matched, 3);
  assert.deepEqual(matching.onlyA, { count: 0, examples: [] });
  assert.deepEqual(matching.onlyB, { count: 1, examples: ['x'] });
  assert.deepEqual(ambiguous, []);
});

test('left-over digit ids pair by number, ignoring leading zeros ("000012" ↔ "12")', () => {
  const a = Array.from({ length: 15 }, (_, i) => String(i).padStart(6, '0'));
  const b = Array.from({ length: 15 }, (_, i) => String(i));
  const { pairs, matching } = matchItems(a, b);
  assert.equal(pairs.length, 15);
  assert.deepEqual(pairs[12], ['000012', '12']);
  assert.deepEqual(pairs[0], ['000000', '0']);
  assert.equal(matching.rule, 'number');
  assert.equal(matching.onlyA.count + matching.onlyB.count, 0);
});

test('the split prefix must agree; a number match never crosses splits', () => {
  const { pairs, matching } = matchItems(['test/0001', 'train/0002', 'val/0003'], ['test/1', 'val/2', 'val/03']);
  assert.deepEqual(pairs, [['test/0001', 'test/1'], ['val/0003', 'val/03']]);
  assert.deepEqual(matching.onlyA, { count: 1, examples: ['train/0002'] });
  assert.deepEqual(matching.onlyB, { count: 1, examples: ['val/2'] });
});

test('identical ids win over number matches, and number matching only uses what is left', () => {
  const { pairs } = matchItems(['12', '012'], ['12', '0012']);
  assert.deepEqual(pairs, [['12', '12'], ['012', '0012']]);
});

test('two B ids with the same number are reported, not guessed', () => {
  const { pairs, ambiguous, matching } = matchItems(['000012', '000013'], ['12', '012', '13']);
  assert.deepEqual(pairs, [['000013', '13']]);
  assert.equal(ambiguous.length, 1);
  assert.equal(ambiguous[0].id, '000012');
  assert.match(ambiguous[0].reason, /"12", "012"/);
  assert.equal(matching.onlyA.count, 1);
  assert.equal(matching.onlyB.count, 2);
});

test('non-digit ids are never matched by number; examples are capped but counts are not', () => {
  const a = Array.from({ length: 8 }, (_, i) => `face_${i}`);
  const { pairs, matching } = matchItems(a, ['face_00', 'face_1']);
  assert.deepEqual(pairs, [['face_1', 'face_1']]);
  assert.equal(matching.onlyA.count, 7);
  assert.equal(matching.onlyA.examples.length, 5);
  assert.equal(numberKey('face_1'), undefined);
  assert.equal(numberKey('0000'), '0');
  assert.equal(numberKey('a/b/007'), 'a/b/7');
});
