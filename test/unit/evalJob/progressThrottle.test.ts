import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressThrottle } from '../../../src/node/evalJob/progressThrottle';

describe('ProgressThrottle', () => {
  it('passes the first value at once and holds back later ones within the interval, keeping only the latest', () => {
    let now = 0;
    const seen: number[] = [];
    const throttle = new ProgressThrottle<number>((v) => seen.push(v), 100, () => now);
    throttle.push(1);
    now = 30;
    throttle.push(2);
    throttle.push(3);
    assert.deepEqual(seen, [1]);
    throttle.flush();
    assert.deepEqual(seen, [1, 3], 'flush emits the last value held back');
    throttle.flush();
    assert.deepEqual(seen, [1, 3], 'nothing is emitted twice');
    now = 200;
    throttle.push(4);
    assert.deepEqual(seen, [1, 3, 4], 'a value after the interval goes out at once');
  });

  it('emits a held-back value when the interval ends', async () => {
    const seen: number[] = [];
    const throttle = new ProgressThrottle<number>((v) => seen.push(v), 30);
    throttle.push(1);
    throttle.push(2);
    assert.deepEqual(seen, [1]);
    await new Promise((r) => setTimeout(r, 80));
    assert.deepEqual(seen, [1, 2]);
  });
});
