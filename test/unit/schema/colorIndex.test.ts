import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rgbToIds, schemaMatchesPalette } from '../../../src/core/schema/colorIndex';
import { findBuiltinSchema } from '../../../src/core/schema/builtinSchemas';

const CAM = findBuiltinSchema('celebamask-hq')!;
const LAPA = findBuiltinSchema('lapa')!;

function rgb(pixels: number[][]): Uint8Array {
  return Uint8Array.from(pixels.flat());
}

describe('rgbToIds', () => {
  it('maps exact colours to ids and counts unknown colours', () => {
    const data = rgb([[0, 0, 0], [204, 0, 0], [204, 0, 0], [0, 0, 204], [1, 2, 3], [1, 2, 3], [9, 9, 9], [255, 153, 51]]);
    const { map, unknownColors } = rgbToIds({ width: 4, height: 2, data }, CAM);
    assert.deepEqual([...map.data], [0, 1, 1, 13, 255, 255, 255, 17]);
    assert.equal(map.width, 4);
    assert.deepEqual(unknownColors, [{ color: [1, 2, 3], pixels: 2 }, { color: [9, 9, 9], pixels: 1 }]);
  });

  it('lists at most 10 unknown colours, most frequent first', () => {
    const pixels: number[][] = [];
    for (let c = 1; c <= 12; c++) for (let k = 0; k < c; k++) pixels.push([c, c, 7]);
    const { unknownColors } = rgbToIds({ width: pixels.length, height: 1, data: rgb(pixels) }, CAM);
    assert.equal(unknownColors.length, 10);
    assert.deepEqual(unknownColors[0], { color: [12, 12, 7], pixels: 12 });
    assert.equal(unknownColors[9].pixels, 3);
  });

  it('rejects data of the wrong length', () => {
    assert.throws(() => rgbToIds({ width: 2, height: 2, data: new Uint8Array(11) }, CAM), /needs 12/);
  });
});

describe('schemaMatchesPalette', () => {
  it('scores the fraction of used palette entries that carry the schema colour', () => {
    const palette = CAM.classes.map((c) => c.color);
    assert.equal(schemaMatchesPalette(palette, CAM, [0, 1, 2, 13]), 1);
    assert.equal(schemaMatchesPalette(palette, LAPA, [0, 1, 2, 13]), 0.25); // only black background agrees
    assert.equal(schemaMatchesPalette(palette, CAM, [0, 1, 255]), 1);
    assert.equal(schemaMatchesPalette(palette, CAM, [0, 40]), 0.5);
    assert.equal(schemaMatchesPalette(palette, CAM, []), 0);
  });
});
