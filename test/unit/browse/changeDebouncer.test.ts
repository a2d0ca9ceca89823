import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeDebouncer, type DebounceTimers } from '../../../src/core/browse/changeDebouncer';

/** Timers that fire only when the test says so. */
class FakeTimers implements DebounceTimers {
  private next = 0;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  set(callback: () => void, ms: number): unknown {
    this.pending.set(++this.next, { callback, ms });
    return this.next;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Fires every pending timer. */
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    due.forEach((t) => t.callback());
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ChangeDebouncer', () => {
  it('runs once, after the delay, for a burst of notices', async () => {
    const timers = new FakeTimers();
    let runs = 0;
    const debouncer = new ChangeDebouncer(async () => void runs++, 500, undefined, timers);
    for (let i = 0; i < 5; i++) debouncer.notify();
    assert.equal(timers.pending.size, 1, 'each notice restarts the one timer');
    assert.equal([...timers.pending.values()][0].ms, 500);
    assert.equal(runs, 0);
    timers.fire();
    await settle();
    assert.equal(runs, 1);
    assert.equal(timers.pending.size, 0);
  });

  it('never runs twice at once, and runs again after a run that missed notices', async () => {
    const timers = new FakeTimers();
    let running = 0;
    let most = 0;
    let runs = 0;
    let finish: () => void = () => undefined;
    const debouncer = new ChangeDebouncer(async () => {
      running++;
      runs++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => (finish = resolve));
      running--;
    }, 500, undefined, timers);
    debouncer.notify();
    timers.fire();
    debouncer.notify();
    debouncer.notify();
    assert.equal(timers.pending.size, 0, 'no timer while the action runs');
    finish();
    await settle();
    assert.equal(timers.pending.size, 1, 'the notices during the run start one more');
    timers.fire();
    finish();
    await settle();
    assert.deepEqual([runs, most], [2, 1]);
  });

  it('reports a failed run and keeps going; after dispose nothing runs', async () => {
    const timers = new FakeTimers();
    const errors: unknown[] = [];
    let runs = 0;
    const debouncer = new ChangeDebouncer(async () => {
      runs++;
      throw new Error('scan failed');
    }, 10, (e) => errors.push(e), timers);
    debouncer.notify();
    timers.fire();
    await settle();
    assert.equal((errors[0] as Error).message, 'scan failed');
    debouncer.notify();
    debouncer.dispose();
    assert.equal(timers.pending.size, 0);
    debouncer.notify();
    timers.fire();
    await settle();
    assert.equal(runs, 1);
  });
});
