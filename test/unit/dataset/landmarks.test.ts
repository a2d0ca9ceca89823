import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseLandmarks } from '../../../src/core/dataset/landmarks';
import { landmarkText } from '../../helpers/datasetLayouts';

const FILE = '/data/000123_ldmks.txt';

/** Asserts that parsing `text` throws exactly `message`. */
function assertParseError(text: string, message: string): void {
  assert.throws(() => parseLandmarks(text, FILE), (e: Error) => {
    assert.equal(e.message, message);
    return true;
  });
}

describe('parseLandmarks', () => {
  it('reads FaceSynthetics "x y" lines (70 points)', () => {
    const points = parseLandmarks(landmarkText(70), FILE);
    assert.equal(points.length, 70);
    assert.deepEqual(points[0], { x: 0, y: 100 });
    assert.deepEqual(points[69], { x: 103.5, y: 82.75 });
  });

  it('reads fractional and negative coordinates with CRLF line ends', () => {
    assert.deepEqual(parseLandmarks('12.25 -3.5\r\n7e1 0.125\r\n', FILE), [{ x: 12.25, y: -3.5 }, { x: 70, y: 0.125 }]);
  });

  it('drops LaPa\'s leading point count (106 then 106 pairs)', () => {
    const points = parseLandmarks(landmarkText(106, true), FILE);
    assert.equal(points.length, 106);
    assert.deepEqual(points[0], { x: 0, y: 100 });
    assert.deepEqual(points[105], { x: 157.5, y: 73.75 });
  });

  it('keeps a leading number that is not a matching count', () => {
    // "3 4 5": 3 × 2 ≠ 2 numbers after it, so it cannot be a count; an odd number of values is an error.
    assertParseError('3 4 5', `${FILE}: 3 numbers cannot be read as x y pairs`);
    assert.deepEqual(parseLandmarks('1 2 3 4', FILE), [{ x: 1, y: 2 }, { x: 3, y: 4 }]);
  });

  it('accepts comma-separated pairs', () => {
    assert.deepEqual(parseLandmarks('1,2\n3,4\n', FILE), [{ x: 1, y: 2 }, { x: 3, y: 4 }]);
  });

  it('names the file and the bad token', () => {
    assertParseError('1 2\n3 abc\n', `${FILE}: "abc" is not a number (token 4)`);
    assertParseError('1 2\nNaN 4\n', `${FILE}: "NaN" is not a number (token 3)`);
  });

  it('rejects an empty file, naming it', () => {
    assertParseError('  \n', `${FILE}: no landmarks`);
  });
});
