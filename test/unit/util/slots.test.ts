import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Slots } from '../../../src/core/util/slots';

describe('Slots', () => {
  it('lets `size` holders in at once and hands released slots to waiters first come, first served', async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    await slots.acquire();
    await slots.acquire();
    const c = slots.acquire().then(() => order.push('c'));
    const d = slots.acquire().then(() => order.push('d'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, [], 'both slots are held');
    slots.release();
    await c;
    assert.deepEqual(order, ['c']);
    slots.release();
    await d;
    assert.deepEqual(order, ['c', 'd']);
  });

  it('drops a waiter whose signal fires, so the next waiter gets the slot', async () => {
    const slots = new Slots(1);
    await slots.acquire();
    const controller = new AbortController();
    const cancelled = slots.acquire(controller.signal);
    let later = false;
    const next = slots.acquire().then(() => (later = true));
    controller.abort();
    await assert.rejects(cancelled, { name: 'AbortError' });
    slots.release();
    await next;
    assert.ok(later);
    await assert.rejects(slots.acquire(AbortSignal.abort()), { name: 'AbortError' });
  });

  it('refuses a size below one', () => {
    assert.throws(() => new Slots(0), /at least 1/);
  });
});
