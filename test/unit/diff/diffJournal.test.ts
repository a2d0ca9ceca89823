import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffJournalLine, parseDiffLine, readDiffJournal, sameDiffKeys } from '../../../src/core/diff/diffJournal';
import type { DiffProtocol, ImageDiffRecord } from '../../../src/core/diff/diffTypes';
import { compareImagePair } from '../../../src/core/diff/imagePairStats';
import { diffCrosswalk } from '../../../src/core/diff/pairCrosswalk';
import { CAMHQ_SCHEMA, FS_SCHEMA } from '../../helpers/datasetLayouts';
import { generatedFaceLabels } from '../../helpers/plantedLabels';

const PROTOCOL: DiffProtocol = { bandK: 2, match: 'sides', sizeRule: 'b-to-a' };

/** A record as runDiff writes it: the engine's own output for a real pair, so a change of its fields shows here. */
function record(id: string, index: number): ImageDiffRecord {
  const a = generatedFaceLabels(FS_SCHEMA, index, 64);
  const b = generatedFaceLabels(CAMHQ_SCHEMA, index + 1, 64);
  const stats = compareImagePair(a, b, diffCrosswalk(FS_SCHEMA, CAMHQ_SCHEMA, 'sides'), FS_SCHEMA, PROTOCOL);
  return { v: 1, id, idB: String(Number(id)), image: `/data/${id}.png`, keys: { a: `a${id}`, b: `b${id}`, protocol: 'p' }, ...stats, resizedFrom: [128, 128] };
}

test('journal lines of the engine\'s records read back as written; the last line per id wins; a torn line is counted', () => {
  const first = record('000001', 0);
  const second = record('000002', 1);
  const replaced = { ...first, disagreement: 0 };
  const text = [first, second, replaced].map(diffJournalLine).join('\n') + '\n' + diffJournalLine(second).slice(0, 40);
  const { entries, badLines } = readDiffJournal(text);
  assert.equal(badLines, 1);
  assert.deepEqual([...entries.keys()], ['000001', '000002']);
  assert.deepEqual(entries.get('000001'), JSON.parse(JSON.stringify(replaced)));
  assert.deepEqual(entries.get('000002'), JSON.parse(JSON.stringify(second)));
});

test('a line of the wrong shape is refused, field by field', () => {
  const good = JSON.parse(diffJournalLine(record('7', 2))) as Record<string, unknown>;
  assert.ok(parseDiffLine(JSON.stringify(good)));
  const broken: Array<Record<string, unknown>> = [
    { ...good, v: 2 },
    { ...good, id: 7 },
    { ...good, keys: { a: 'x', b: 'y' } },
    { ...good, size: [64] },
    { ...good, resizedFrom: [0, 64] },
    { ...good, joint: [[0, 1]] },
    { ...good, joint: [[0, 1, -3]] },
    { ...good, classes: [{ id: 1, band: 2 }] },
    { ...good, sides: [{ concept: 'eye', a: 2, b: 0 }] },
    { ...good, disagreement: 1.5 },
  ];
  for (const value of broken) assert.equal(parseDiffLine(JSON.stringify(value)), undefined, JSON.stringify(value).slice(0, 80));
  assert.equal(parseDiffLine('[1, 2]'), undefined);
  assert.equal(parseDiffLine('not json'), undefined);
});

test('keys match only when both files and the protocol are the same', () => {
  const keys = { a: 'x', b: 'y', protocol: 'p' };
  assert.ok(sameDiffKeys(keys, { ...keys }));
  for (const k of ['a', 'b', 'protocol'] as const) assert.ok(!sameDiffKeys(keys, { ...keys, [k]: 'other' }));
});
