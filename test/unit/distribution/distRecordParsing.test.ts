import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDistRecord } from '../../../src/core/distribution/distRecordParsing';
import { distRecordFixture } from '../../helpers/distRecordFixture';

const FILE = '/runs/dist/dist.json';
const parse = (value: unknown) => parseDistRecord(typeof value === 'string' ? value : JSON.stringify(value), FILE);
const full = distRecordFixture();

/** A copy of the record with one part replaced through a JSON path of keys. */
function withPart(pathKeys: ReadonlyArray<string | number>, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(full)) as Record<string | number, unknown>;
  let target = copy;
  for (const key of pathKeys.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = pathKeys[pathKeys.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

describe('parseDistRecord', () => {
  it('reads a complete record and one without the optional parts', () => {
    assert.deepEqual(parse(full), full);
    const plain = distRecordFixture({ optionalParts: false });
    assert.deepEqual(parse(plain), plain);
  });

  it('rejects what is not a FaceGap distribution comparison, naming the file', () => {
    assert.throws(() => parse('{"kind": '), (e: Error) => e.message.startsWith(`${FILE}: not valid JSON`));
    assert.throws(() => parse([]), new Error(`${FILE}: expected a JSON object, a FaceGap distribution comparison`));
    assert.throws(() => parse({ ...full, kind: 'facegap-label-diff' }), /not a FaceGap distribution comparison \(kind is "facegap-label-diff"/);
    assert.throws(() => parse({ ...full, formatVersion: 2 }), /distribution format version 2 is not supported/);
  });

  it('names the part that is wrong', () => {
    const cases: Array<[ReadonlyArray<string | number>, unknown, string]> = [
      [['summary', 'attributes', 1, 'effect'], 'big', '"summary.attributes[1].effect" is not a number'],
      [['summary', 'attributes', 0, 'kind'], 'ordinal', '"summary.attributes[0].kind" is "ordinal", expected "continuous" or "binary"'],
      [['summary', 'attributes', 2, 'a', 'histogram', 'shares'], [0.5, 0.5, 0], '"summary.attributes[2].a.histogram" has 3 edges for 3 bins'],
      [['summary', 'findings'], [1], '"summary.findings" holds something that is not text'],
      [['summary', 'matching', 'distances', 0, 'subset'], null, '"summary.matching.distances[0].subset" is not a number'],
      [['summary', 'features', 'kid'], undefined, '"summary.features.kid" is not an object'],
      [['slices', 0, 'bins', 1, 'trainShare'], '6%', '"slices[0].bins[1].trainShare" is not a number'],
      [['decomposition', 'parts', 0, 'name'], 'lighting', '"decomposition.parts[0].name" is "lighting"'],
      [['b', 'description'], undefined, '"b.description" is not text'],
      [['complete'], 'yes', '"complete" is not true or false'],
    ];
    for (const [keys, value, message] of cases) {
      assert.throws(() => parse(withPart(keys, value)), (e: Error) => e.message.startsWith(`${FILE}: ${message}`), `${keys.join('.')}: ${message}`);
    }
  });

  it('accepts a null mean score, part value and total (not measured)', () => {
    const record = withPart(['decomposition', 'total'], null);
    assert.equal(parse(record).decomposition!.total, null);
    assert.equal(parse(full).slices![0].bins[4].meanScore, null);
  });
});
