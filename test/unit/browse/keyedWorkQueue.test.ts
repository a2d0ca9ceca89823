import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedWorkQueue } from '../../../src/core/browse/keyedWorkQueue';

/** A promise and the functions that settle it, so a test decides when work finishes. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('KeyedWorkQueue', () => {
  it('never runs more jobs at once than its limit, and runs them all', async () => {
    const queue = new KeyedWorkQueue<number>(2);
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 5 }, () => deferred<void>());
    const results = gates.map((gate, i) =>
      queue.run(`k${i}`, async () => {
        running++;
        peak = Math.max(peak, running);
        await gate.promise;
        running--;
        return i;
      }),
    );
    await tick();
    assert.equal(running, 2);
    for (const gate of gates) {
      gate.resolve();
      await tick();
    }
    assert.deepEqual(await Promise.all(results), [0, 1, 2, 3, 4]);
    assert.equal(peak, 2);
    assert.equal(queue.active, 0);
  });

  it('joins a request for a key that is queued or running instead of working twice', async () => {
    const queue = new KeyedWorkQueue<string>(1);
    let calls = 0;
    const gate = deferred<void>();
    const work = async (): Promise<string> => {
      calls++;
      await gate.promise;
      return 'done';
    };
    const first = queue.run('same', work);
    const second = queue.run('same', work);
    gate.resolve();
    assert.deepEqual(await Promise.all([first, second]), ['done', 'done']);
    assert.equal(calls, 1);
    assert.equal(await queue.run('same', work), 'done', 'a settled job is not kept: the next request works again');
    assert.equal(calls, 2);
  });

  it('rejects with an AbortError and never starts the work when the signal fires while it waits', async () => {
    const queue = new KeyedWorkQueue<string>(1);
    const gate = deferred<void>();
    const busy = queue.run('busy', async () => {
      await gate.promise;
      return 'busy';
    });
    const controller = new AbortController();
    let started = false;
    const waiting = queue.run('waiting', async () => {
      started = true;
      return 'waiting';
    }, controller.signal);
    controller.abort();
    await assert.rejects(waiting, (error: Error) => error.name === 'AbortError');
    gate.resolve();
    assert.equal(await busy, 'busy');
    await tick();
    assert.equal(started, false);
  });

  it('rejects at once for a signal that already fired', async () => {
    const queue = new KeyedWorkQueue<string>(1);
    await assert.rejects(queue.run('k', async () => 'x', AbortSignal.abort()), (error: Error) => error.name === 'AbortError');
  });

  it('keeps a job that another caller still waits for, and gives a started job to a caller whose signal fires late', async () => {
    const queue = new KeyedWorkQueue<string>(1);
    const gate = deferred<void>();
    const blocker = queue.run('blocker', async () => {
      await gate.promise;
      return 'b';
    });
    const early = new AbortController();
    const dropped = queue.run('shared', async () => 'shared', early.signal);
    const kept = queue.run('shared', async () => 'other work', undefined);
    early.abort();
    await assert.rejects(dropped, (error: Error) => error.name === 'AbortError');
    const late = new AbortController();
    const running = queue.run('blocker', async () => 'unused', late.signal);
    late.abort();
    gate.resolve();
    assert.equal(await running, 'b', 'the job had started, so the abort does not matter');
    assert.equal(await blocker, 'b');
    assert.equal(await kept, 'shared', 'the first request\'s work runs for the caller still waiting');
  });

  it('gives every waiter the error of a failed job and goes on with the next', async () => {
    const queue = new KeyedWorkQueue<string>(1);
    const failing = async (): Promise<string> => {
      throw new Error('/data/a.png: broken');
    };
    const results = await Promise.allSettled([queue.run('a', failing), queue.run('a', failing), queue.run('b', async () => 'ok')]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected', 'fulfilled']);
    assert.match(String((results[0] as PromiseRejectedResult).reason), /a\.png: broken/);
  });

  it('refuses a limit below one', () => {
    assert.throws(() => new KeyedWorkQueue(0), /concurrency/);
  });
});

it('many waiters on one signal share one abort listener, removed when they have all settled', async () => {
  const queue = new KeyedWorkQueue<number>(2);
  const controller = new AbortController();
  const gates: Array<() => void> = [];
  const runs = Array.from({ length: 40 }, (_, i) => queue.run(`k${i}`, () => new Promise<number>((resolve) => gates.push(() => resolve(i))), controller.signal));
  assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
  for (let settled = 0; settled < 40; settled++) {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  }
  assert.deepEqual(await Promise.all(runs), Array.from({ length: 40 }, (_, i) => i));
  assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
});
