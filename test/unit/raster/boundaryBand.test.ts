import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryBand } from '../../../src/core/raster/boundaryBand';
import type { LabelMap } from '../../../src/core/raster/labelMap';

// 5×5 background with one 255 pixel in the centre; 255 is a value like any other, so the centre and its four
// 4-neighbours differ from a neighbour: B is a plus sign.
const SPOT: LabelMap = {
  width: 5,
  height: 5,
  data: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
};

function rows(band: Uint8Array, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < band.length; i += width) out.push(Array.from(band.subarray(i, i + width)).join(''));
  return out;
}

describe('boundaryBand', () => {
  it('k = 0 is empty', () => {
    assert.deepEqual(rows(boundaryBand(SPOT, 0), 5), ['00000', '00000', '00000', '00000', '00000']);
  });

  it('k = 1 is the boundary pixels on both sides of each edge', () => {
    assert.deepEqual(rows(boundaryBand(SPOT, 1), 5), ['00000', '00100', '01110', '00100', '00000']);
  });

  it('k = 2 adds pixels at Euclidean distance ≤ 1 from the boundary', () => {
    // (x,y) = (1,1) is 1 from (1,2) → in; (0,1) is √2 from (1,2) and 2 from (2,1) → out
    assert.deepEqual(rows(boundaryBand(SPOT, 2), 5), ['00100', '01110', '11111', '01110', '00100']);
  });

  it('k = 3 reaches distance 2: everything but the corners (√5 away)', () => {
    assert.deepEqual(rows(boundaryBand(SPOT, 3), 5), ['01110', '11111', '11111', '11111', '01110']);
  });

  it('marks a straight edge two pixels wide at k = 1 and four at k = 2', () => {
    const edge: LabelMap = { width: 6, height: 2, data: Uint8Array.from([1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]) };
    assert.deepEqual(rows(boundaryBand(edge, 1), 6), ['001100', '001100']);
    assert.deepEqual(rows(boundaryBand(edge, 2), 6), ['011110', '011110']);
  });

  it('is empty on a map of one class and rejects bad k', () => {
    const flat: LabelMap = { width: 3, height: 3, data: new Uint8Array(9).fill(4) };
    assert.deepEqual(Array.from(boundaryBand(flat, 2)), new Array(9).fill(0));
    assert.throws(() => boundaryBand(flat, -1), RangeError);
    assert.throws(() => boundaryBand(flat, 1.5), RangeError);
  });
});
