import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { confusionImages, imageMetricsById } from '../../../src/core/browse/runImageIndex';
import type { ImageResult } from '../../../src/core/eval/runJournal';
import type { SparseCell } from '../../../src/core/metrics/confusionMatrix';
import type { ImageMetrics } from '../../../src/protocol/viewTypes';
import { fakeImageResult } from '../../helpers/reportFixtures';

function withCells(id: string, cells: SparseCell[], meanF1: number | null = 0.5): ImageResult {
  return { ...fakeImageResult(id, meanF1), confusion: cells };
}

describe('imageMetricsById', () => {
  it('gives each image its scores under its id, as the protocol\'s ImageMetrics', () => {
    const a = { ...fakeImageResult('test/a', 0.25), scores: { meanF1: 0.25, mIoU: 0.2, pixelAccuracy: 0.9, classF1: { skin: 0.8, hair: 0 } } };
    const metrics: Record<string, ImageMetrics> = imageMetricsById([a, fakeImageResult('b', null)]);
    assert.deepEqual(metrics, {
      'test/a': { meanF1: 0.25, mIoU: 0.2, pixelAccuracy: 0.9, classF1: { skin: 0.8, hair: 0 } },
      b: { meanF1: null, mIoU: null, pixelAccuracy: null, classF1: {} },
    });
  });

  it('keeps an id such as "__proto__" as an ordinary key, and turns missing scores into null', () => {
    const odd = { ...fakeImageResult('__proto__', 0.5), scores: { meanF1: 0.5 } } as unknown as ImageResult;
    const metrics = imageMetricsById([odd]);
    assert.deepEqual(Object.keys(metrics), ['__proto__']);
    assert.deepEqual(metrics['__proto__'], { meanF1: 0.5, mIoU: null, pixelAccuracy: null, classF1: {} });
    assert.equal(Object.getPrototypeOf(metrics), Object.prototype);
  });
});

describe('confusionImages', () => {
  const results = [
    withCells('a', [[1, 1, 50], [1, 2, 7], [2, 19, 3]]),
    withCells('b', [[1, 2, 12], [2, 2, 9]]),
    withCells('c', [[1, 1, 60]]),
    withCells('d', [[1, 2, 7]]),
    withCells('e', [[1, 2, 0]]),
  ];

  it('lists the images with pixels in the cell, most first, ties by id', () => {
    assert.deepEqual(confusionImages(results, 1, 2), [
      { id: 'b', pixels: 12 },
      { id: 'a', pixels: 7 },
      { id: 'd', pixels: 7 },
    ]);
  });

  it('reads the "other" column (n) like any other column, and gives nothing for an empty cell', () => {
    assert.deepEqual(confusionImages(results, 2, 19), [{ id: 'a', pixels: 3 }]);
    assert.deepEqual(confusionImages(results, 0, 1), []);
  });

  it('adds up repeated cells of one image', () => {
    assert.deepEqual(confusionImages([withCells('r', [[3, 4, 2], [3, 4, 5]])], 3, 4), [{ id: 'r', pixels: 7 }]);
  });
});
