import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accumulateMaskStats, createMaskStats, guessSchema, type MaskStats } from '../../../src/core/schema/schemaGuess';
import { BUILTIN_SCHEMAS } from '../../../src/core/schema/builtinSchemas';
import { createLabelMap, type LabelMap } from '../../../src/core/raster/labelMap';

/** Face parts as [x0, y0, x1, y1) rectangles on a 64×64 map, keyed by part; "A" parts are on the image left. */
const LAYOUT: Array<[string, number, number, number, number]> = [
  ['hair', 14, 2, 50, 20],
  ['skin', 16, 14, 48, 46],
  ['earA', 13, 26, 16, 34], ['earB', 48, 26, 51, 34],
  ['browA', 20, 22, 28, 24], ['browB', 36, 22, 44, 24],
  ['eyeA', 20, 26, 28, 29], ['eyeB', 36, 26, 44, 29],
  ['nose', 30, 28, 34, 37],
  ['ulip', 26, 38, 38, 40], ['mouth', 26, 40, 38, 41], ['llip', 26, 41, 38, 43],
  ['neck', 24, 46, 40, 56],
  ['cloth', 8, 56, 56, 64],
];

// CelebAMask-HQ ids: subject convention, so the parts on the image left are the subject's right (r_*).
const CAMHQ_IDS: Record<string, number> = {
  hair: 13, skin: 1, earA: 9, earB: 8, browA: 7, browB: 6, eyeA: 5, eyeB: 4, nose: 2, ulip: 11, mouth: 10, llip: 12, neck: 17, cloth: 18,
};
// FaceSynthetics ids: viewer convention, LEFT_* on the image left.
const FS_IDS: Record<string, number> = {
  hair: 13, skin: 1, earA: 8, earB: 7, browA: 6, browB: 5, eyeA: 4, eyeB: 3, nose: 2, ulip: 10, mouth: 9, llip: 11, neck: 12, cloth: 15,
};

function paint(ids: Record<string, number>, shift: number): LabelMap {
  const map = createLabelMap(64, 64, 0);
  for (const [part, x0, y0, x1, y1] of LAYOUT) {
    for (let y = y0; y < y1; y++) {
      for (let x = x0 + shift; x < x1 + shift; x++) map.data[y * 64 + x] = ids[part];
    }
  }
  return map;
}

function statsFor(ids: Record<string, number>): MaskStats {
  const stats = createMaskStats();
  for (const shift of [-2, 0, 2]) accumulateMaskStats(stats, paint(ids, shift));
  return stats;
}

describe('accumulateMaskStats', () => {
  it('counts pixels, masks, mean centroids and boxes, skipping 255', () => {
    const a = createLabelMap(4, 2, 255);
    a.data.set([1, 1, 0, 0, 1, 1, 0, 0]);
    const b = createLabelMap(4, 2, 255);
    b.data.set([0, 0, 0, 1, 255, 255, 255, 255]);
    const stats = [a, b].reduce((s, m) => accumulateMaskStats(s, m), createMaskStats());
    const one = stats.get(1)!;
    assert.equal(one.pixels, 5);
    assert.equal(one.masks, 2);
    assert.equal(one.centroidX, (0.25 + 0.875) / 2);
    assert.equal(one.centroidY, (0.5 + 0.25) / 2);
    assert.deepEqual(one.box, { x0: (0 + 0.75) / 2, y0: 0, x1: (0.5 + 1) / 2, y1: (1 + 0.5) / 2 });
    assert.equal(stats.get(0)!.pixels, 7);
    assert.equal(stats.has(255), false);
  });
});

describe('guessSchema', () => {
  it('picks celebamask-hq over bisenet and facesynthetics for CelebAMask-HQ-like masks', () => {
    const guesses = guessSchema(statsFor(CAMHQ_IDS), BUILTIN_SCHEMAS);
    assert.deepEqual(guesses.slice(0, 1).map((g) => g.schema), ['celebamask-hq']);
    const score = (id: string) => guesses.find((g) => g.schema === id)!.score;
    assert.ok(score('celebamask-hq') > score('bisenet'));
    assert.ok(score('celebamask-hq') > score('facesynthetics'));
    const best = guesses[0].reasons;
    assert.ok(best.some((r) => r === 'Fits: hair (id 13) is large and lies above skin (id 1).'), best.join('\n'));
    assert.ok(best.some((r) => r === 'Fits: neck (id 17) lies below skin (id 1).'));
    assert.ok(best.every((r) => !r.startsWith('Against')), best.join('\n'));
    assert.ok(guesses.find((g) => g.schema === 'facesynthetics')!.reasons.some((r) => /^Against: LEFT_EYE/.test(r)));
  });

  it('gives 0 to schemas lacking an id that is present, saying which', () => {
    const guesses = guessSchema(statsFor(CAMHQ_IDS), BUILTIN_SCHEMAS);
    const lapa = guesses.find((g) => g.schema === 'lapa')!;
    assert.equal(lapa.score, 0);
    assert.deepEqual(lapa.reasons, ['Ids 11, 12, 13, 17, 18 are not classes of LaPa.']);
    assert.deepEqual(guesses.slice(-2).map((g) => g.score), [0, 0]);
  });

  it('picks facesynthetics for FaceSynthetics-like masks (viewer-side eyes)', () => {
    const guesses = guessSchema(statsFor(FS_IDS), BUILTIN_SCHEMAS);
    assert.equal(guesses[0].schema, 'facesynthetics');
    assert.ok(guesses[0].reasons.some((r) => /^Fits: LEFT_EYE \(id 4\) is on the left of RIGHT_EYE/.test(r)), guesses[0].reasons.join('\n'));
  });

  it('returns an empty list for no candidates and sorts best first', () => {
    assert.deepEqual(guessSchema(createMaskStats(), []), []);
    const guesses = guessSchema(statsFor(CAMHQ_IDS), BUILTIN_SCHEMAS);
    for (let i = 1; i < guesses.length; i++) assert.ok(guesses[i - 1].score >= guesses[i].score);
  });
});
