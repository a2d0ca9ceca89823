import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { journalLine, readJournal, type ImageResult } from '../../../src/core/eval/runJournal';

const result = (id: string, pixelAccuracy: number): ImageResult => ({
  v: 1,
  id,
  image: `${id}.png`,
  keys: { image: 'i', gt: 'g', pred: 'p', protocol: 'k' },
  size: [2, 2],
  confusion: [[0, 0, 4]],
  excluded: { ignoredPixels: 0, skippedPixels: 0 },
  scores: { pixelAccuracy, meanF1: null, mIoU: 1, classF1: {} },
});

describe('images.jsonl journal', () => {
  it('keeps the last valid line per id and counts every unreadable line', () => {
    const withoutScores = JSON.stringify({ ...result('c', 1), scores: undefined });
    const text = [journalLine(result('a', 0.5)), journalLine(result('b', 1)), journalLine(result('a', 0.75)), withoutScores, '{"v":1,"id":"d"', 'not json'].join('\n');
    const { entries, badLines } = readJournal(text);
    assert.deepEqual([...entries.keys()], ['a', 'b']);
    assert.equal(entries.get('a')!.scores.pixelAccuracy, 0.75);
    assert.equal(badLines, 3, 'a line without scores, a torn line and a line that is not JSON');
  });

  it('refuses confusion cells that are not three finite numbers', () => {
    const bad = JSON.stringify({ ...result('x', 1), confusion: [[0, 0, 'four']] });
    assert.equal(readJournal(bad).entries.size, 0);
  });
});
