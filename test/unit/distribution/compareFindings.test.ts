import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distFindings, findingText } from '../../../src/core/distribution/compare/findingText';
import type { AttributeComparison, SideStats } from '../../../src/core/distribution/distTypes';

function side(mean: number, sd: number): SideStats {
  return { n: 100, mean, sd, histogram: { edges: [0, 1], shares: [1] } };
}

function comparison(name: string, kind: AttributeComparison['kind'], title: string, unit: string, a: [number, number], b: [number, number], effect = 1): AttributeComparison {
  return {
    name, kind, title, unit, metric: kind === 'binary' ? 'total-variation' : 'wasserstein-1', distance: 0, effect, direction: 'higher',
    a: side(...a), b: side(...b), finding: '',
  };
}

describe('findingText', () => {
  it('words binary rates as ratios, one-sided presence and small differences', () => {
    assert.equal(findingText(comparison('presence:glasses', 'binary', 'glasses', '', [0.08, 0], [0.39, 0])), 'B has 4.9× more images with glasses (39% of images vs 8%)');
    assert.equal(findingText(comparison('presence:hat', 'binary', 'hats', '', [0.32, 0], [0.1, 0])), 'B has 3.2× fewer images with hats (10% of images vs 32%)');
    assert.equal(findingText(comparison('presence:hat', 'binary', 'hats', '', [0, 0], [0.12, 0])), 'only B has images with hats (12% of images vs none in A)');
    assert.equal(findingText(comparison('presence:hat', 'binary', 'hats', '', [0.2, 0], [0, 0])), 'B has no images with hats (none vs 20% of images in A)');
    assert.equal(findingText(comparison('presence:hat', 'binary', 'hats', '', [0.4, 0], [0.45, 0])), 'B has slightly more images with hats (45% of images vs 40%)');
  });

  it('gives a relative change for shares, spread for spread changes and family words for the rest', () => {
    assert.equal(findingText(comparison('faceArea', 'continuous', 'face area', 'share of image', [0.23, 0.04], [0.19, 0.04])), "B's faces are 17% smaller (face area 0.19 vs 0.23)");
    assert.equal(findingText(comparison('yaw', 'continuous', 'yaw', '°', [0.4, 5.2], [1.1, 23.4])), "B's yaw spreads wider (sd 23° vs 5°)");
    assert.equal(findingText(comparison('brightness', 'continuous', 'brightness', '', [0.55, 0.1], [0.41, 0.1])), 'B is darker (brightness 0.41 vs 0.55)');
    assert.equal(findingText(comparison('ita', 'continuous', 'skin tone (ITA)', '°', [40, 10], [22, 12])), "B's skin tones are darker (skin tone (ITA) 22° vs 40°)");
    assert.equal(findingText(comparison('mouthOpen', 'continuous', 'mouth opening', '', [0.1, 0.05], [0.12, 0.05])), "B's mouth opening is higher (mouth opening 0.12 vs 0.10)");
    assert.equal(findingText(comparison('area:hair', 'continuous', 'hair area', 'share of image', [0.2, 0.05], [0.25, 0.05])), "B's hair area is 25% larger (hair area 0.25 vs 0.20)");
  });
});

describe('distFindings', () => {
  it('returns the largest findings first, at most max, leaving out negligible effects', () => {
    const list = [
      { ...comparison('x', 'continuous', 'x', '', [0, 1], [1, 1], 0.5), finding: 'medium' },
      { ...comparison('y', 'continuous', 'y', '', [0, 1], [1, 1], 1.5), finding: 'large' },
      { ...comparison('z', 'continuous', 'z', '', [0, 1], [1, 1], 0.05), finding: 'tiny' },
      { ...comparison('w', 'continuous', 'w', '', [0, 1], [1, 1], 0.3), finding: 'small' },
    ];
    assert.deepEqual(distFindings(list, 10), ['large', 'medium', 'small']);
    assert.deepEqual(distFindings(list, 2), ['large', 'medium']);
  });
});
