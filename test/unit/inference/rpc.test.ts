import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { RpcEndpoint, isAbortError, type RpcTransport } from '../../../src/protocol/rpc';
import { portTransport } from '../../../src/node/portTransport';

type TestRequests = {
  add: { params: { a: number; b: number }; result: number };
  fail: { params: { message: string }; result: never };
  wait: { params: { ms: number }; result: string };
  never: { params: object; result: void };
  sum: { params: { data: Float64Array }; result: { total: number; echo: Float64Array } };
};
type TestEvents = { type: 'progress'; done: number };

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

function pair(): [RpcEndpoint<TestRequests, TestEvents>, RpcEndpoint<TestRequests, TestEvents>, RpcTransport] {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const clientTransport = portTransport(port1);
  const client = new RpcEndpoint<TestRequests, TestEvents>(clientTransport);
  const server = new RpcEndpoint<TestRequests, TestEvents>(portTransport(port2));
  let waits = 0;
  server.serve({
    add: ({ a, b }) => a + b,
    fail: ({ message }) => {
      const e = new RangeError(message);
      throw e;
    },
    wait: ({ ms }, ctx) =>
      new Promise((resolve, reject) => {
        waits++;
        const timer = setTimeout(() => resolve(`waited ${ms}`), ms);
        ctx.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error(`cancelled after ${waits} wait(s)`));
        });
      }),
    never: () => new Promise(() => undefined),
    sum: ({ data }, ctx) => {
      const echo = new Float64Array(data);
      ctx.transfer(echo.buffer);
      return { total: data.reduce((s, v) => s + v, 0), echo };
    },
  });
  return [client, server, clientTransport];
}

describe('RpcEndpoint', () => {
  it('resolves with the handler result', async () => {
    const [client] = pair();
    assert.equal(await client.request({ type: 'add', a: 2, b: 3 }), 5);
  });

  it('rejects with the original message and name of a handler error', async () => {
    const [client] = pair();
    await assert.rejects(client.request({ type: 'fail', message: 'bad tensor' }), (e: Error) => {
      assert.equal(e.message, 'bad tensor');
      assert.equal(e.name, 'RangeError');
      assert.match((e as Error & { remoteStack: string }).remoteStack, /RangeError: bad tensor/);
      return true;
    });
  });

  it('reports a request type without a handler', async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const client = new RpcEndpoint<TestRequests, TestEvents>(portTransport(port1));
    new RpcEndpoint<TestRequests, TestEvents>(portTransport(port2)).serve({});
    await assert.rejects(client.request({ type: 'add', a: 1, b: 1 }), /no handler for 'add' requests/);
  });

  it('rejects every pending request on dispose and refuses new ones', async () => {
    const [client] = pair();
    const pending = [client.request({ type: 'never' }), client.request({ type: 'wait', ms: 50 })];
    await new Promise((r) => setTimeout(r, 5));
    client.dispose();
    for (const p of pending) await assert.rejects(p, { message: 'RPC endpoint disposed' });
    await assert.rejects(client.request({ type: 'add', a: 1, b: 1 }), /disposed/);
  });

  it('rejectPending rejects the requests pending now and keeps serving new ones', async () => {
    const [client] = pair();
    const p = client.request({ type: 'wait', ms: 30 });
    client.rejectPending(new Error('shutting down'));
    await assert.rejects(p, { message: 'shutting down' });
    await new Promise((r) => setTimeout(r, 50)); // the late reply arrives and is ignored
    assert.equal(await client.request({ type: 'add', a: 4, b: 5 }), 9);
  });

  it('rejects pending requests with the reason given to dispose', async () => {
    const [client] = pair();
    const p = client.request({ type: 'never' });
    client.dispose(new Error('worker exited'));
    await assert.rejects(p, { message: 'worker exited' });
  });

  it('aborts a request, cancels the handler and ignores its late reply', async () => {
    const [client, server] = pair();
    const controller = new AbortController();
    const p = client.request({ type: 'wait', ms: 2000 }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await assert.rejects(p, (e: Error) => isAbortError(e) && /'wait' request was aborted/.test(e.message));
    // The cancelled handler replies with an error, which must be ignored; the endpoint keeps working.
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(await client.request({ type: 'add', a: 1, b: 2 }), 3);
    server.dispose();
  });

  it('rejects at once when the signal is already aborted', async () => {
    const [client] = pair();
    await assert.rejects(client.request({ type: 'add', a: 1, b: 2 }, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });

  it('transfers buffers both ways', async () => {
    const [client] = pair();
    const data = Float64Array.from([1, 2, 3.5]);
    const result = await client.request({ type: 'sum', data }, { transfer: [data.buffer] });
    assert.equal(data.byteLength, 0, 'the sent buffer was transferred, not copied');
    assert.equal(result.total, 6.5);
    assert.deepEqual([...result.echo], [1, 2, 3.5]);
  });

  it('delivers events to listeners until they are disposed', async () => {
    const [client, server] = pair();
    const seen: number[] = [];
    const sub = client.onEvent((e) => seen.push(e.done));
    server.emit({ type: 'progress', done: 1 });
    server.emit({ type: 'progress', done: 2 });
    await new Promise((r) => setTimeout(r, 10));
    sub.dispose();
    server.emit({ type: 'progress', done: 3 });
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(seen, [1, 2]);
  });

  it('ignores messages that are not RPC messages', async () => {
    const [client, , transport] = pair();
    transport.postMessage('hello');
    transport.postMessage({ kind: 'response', inReplyTo: 999, ok: true, result: 1 });
    assert.equal(await client.request({ type: 'add', a: 4, b: 4 }), 8);
  });
});
