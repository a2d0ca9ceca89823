// The mask viewer's pure parts, tested without a browser (so machines without Chromium still check them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MaskSnapshot } from '../../src/protocol/maskViewMessages';
import { idName, legendEntries } from '../../webview/mask/legendEntries';
import { maskRgba } from '../../webview/mask/maskPalette';
import { fitScale, scaleLabel, stepScale, ZOOM_LADDER } from '../../webview/mask/zoomLadder';
import { SCHEMA } from './reportFixtures';

function snapshot(ids: number[], width: number): MaskSnapshot {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    file: 'm.png',
    pixels: { width, height: ids.length / width, ids: Uint8Array.from(ids) },
    schema: SCHEMA,
    schemaReason: 'test',
    counts: [...counts].map(([id, pixels]) => ({ id, pixels })),
    notes: [],
  };
}

describe('mask viewer logic', () => {
  it('colours schema ids with their class colour and everything else opaque grey', () => {
    const rgba = maskRgba(snapshot([3, 5, 255, 42], 2).pixels, SCHEMA);
    assert.deepEqual([...rgba.subarray(0, 8)], [204, 0, 0, 255, 0, 0, 204, 255]);
    for (const offset of [8, 12]) {
      const [r, g, b, a] = rgba.subarray(offset, offset + 4);
      assert.ok(r === g && g === b && a === 255, `pixel at ${offset} is ${r},${g},${b},${a}`);
    }
  });

  it('lists schema classes in id order, then ignore and unknown ids, with shares of all pixels', () => {
    const mask = snapshot([0, 0, 3, 255, 42, 42, 0, 0], 4);
    const entries = legendEntries(mask);
    assert.deepEqual(entries.map((e) => [e.id, e.name, e.pixels]), [[0, 'background', 4], [3, 'skin', 1], [5, 'hair', 0], [7, 'hat', 0], [9, 'glasses', 0], [42, 'not in schema', 2], [255, 'ignore', 1]]);
    assert.equal(entries[0].share, 0.5);
    assert.deepEqual([idName(3, mask), idName(255, mask), idName(42, mask)], ['skin', 'ignore', 'not in schema']);
  });

  it('fits at the largest ladder scale and steps along the ladder, clamped at its ends', () => {
    assert.equal(fitScale(512, 512, 1100, 700), 1);
    assert.equal(fitScale(40, 30, 700, 500), 16);
    assert.equal(fitScale(4000, 3000, 700, 500), 1 / 8);
    assert.equal(stepScale(4, 1), 6);
    assert.equal(stepScale(1, -1), 1 / 2);
    assert.equal(stepScale(ZOOM_LADDER[ZOOM_LADDER.length - 1], 1), 64);
    assert.equal(stepScale(ZOOM_LADDER[0], -1), 1 / 16);
    assert.deepEqual([scaleLabel(3), scaleLabel(1 / 4)], ['3×', '1/4×']);
  });
});
