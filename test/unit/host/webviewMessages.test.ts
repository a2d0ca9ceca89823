// Messages a webview sends are hostile until checked: the RPC endpoint drops malformed ones and answers unknown or
// inherited request types with an error, and the panels' request checks refuse wrong types, ids the host did not
// offer (path traversal among them) and oversized payloads. The panels themselves import vscode; their handlers are
// these checks composed on an endpoint, which is what is driven here through a fake webview transport.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkClassId, checkFigure, checkId, checkIds, checkKnownId, checkKnownRun, checkNote, checkVerdict, MAX_FIGURE_CHARS } from '../../../src/host/panels/requestChecks';
import { MANAGE_TRUST, requireTrust, UNTRUSTED_MESSAGE } from '../../../src/host/commands/trustGate';
import { RpcEndpoint, type RpcTransport } from '../../../src/protocol/rpc';

type PanelRequests = {
  detail: { params: { id: string; run?: string }; result: string };
  thumbnails: { params: { ids: string[] }; result: number };
  pair: { params: { id: string }; result: string };
  setMark: { params: { id: string; verdict: unknown; note: unknown }; result: void };
  openConfusion: { params: { run: string; gt: number; pred: number }; result: string };
  exportFigure: { params: { name: string; format: string; data: string }; result: number };
};

const OFFERED_IDS = new Set(['000001', 'train/<img src=x onerror=alert(1)>']);
const OFFERED_RUNS = new Set(['/runs/a']);

/** A host endpoint with panel-like handlers, behind a transport whose other end is the "webview" (the test). */
function hostWithWebview(): { send(msg: unknown): void; replies: unknown[]; calls: string[] } {
  let deliver: (msg: unknown) => void = () => undefined;
  const replies: unknown[] = [];
  const calls: string[] = [];
  const transport: RpcTransport = {
    postMessage: (msg) => void replies.push(msg),
    onMessage: (handler) => {
      deliver = handler;
      return { dispose: () => (deliver = () => undefined) };
    },
  };
  const host = new RpcEndpoint<PanelRequests, never>(transport);
  host.serve({
    detail: ({ id, run }) => `${checkId(id)}@${run === undefined ? '-' : checkKnownRun(run, OFFERED_RUNS)}`,
    thumbnails: ({ ids }) => checkIds(ids).length,
    pair: ({ id }) => checkKnownId(id, OFFERED_IDS),
    setMark: ({ id, verdict, note }) => void calls.push(`${checkKnownId(id, OFFERED_IDS)} ${checkVerdict(verdict)} ${checkNote(note)}`),
    openConfusion: ({ run, gt, pred }) => `${checkKnownRun(run, OFFERED_RUNS)} ${checkClassId(gt)}→${checkClassId(pred)}`,
    exportFigure: ({ name, format, data }) => checkFigure(name, format, data).bytes.length,
  });
  return { send: (msg) => deliver(msg), replies, calls };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Sends one request and returns the host's reply: { ok, result } or { ok: false, error message }. */
async function ask(body: unknown, id = 1): Promise<{ ok: boolean; result?: unknown; error?: string }> {
  const host = hostWithWebview();
  host.send({ kind: 'request', id, body });
  await settle();
  const reply = host.replies.find((r) => (r as { inReplyTo?: unknown }).inReplyTo === id) as { ok: boolean; result?: unknown; error?: { message: string } } | undefined;
  assert.ok(reply, `no reply to ${JSON.stringify(body)?.slice(0, 200)}`);
  return reply.ok ? { ok: true, result: reply.result } : { ok: false, error: reply.error?.message };
}

test('malformed messages from a webview are dropped without a reply or a handler call', async () => {
  const host = hostWithWebview();
  const junk: unknown[] = [
    null,
    'request',
    42,
    [],
    { kind: 'request' },
    { kind: 'request', id: 'one', body: { type: 'pair', id: '000001' } },
    { kind: 'request', id: 1.5, body: { type: 'pair', id: '000001' } },
    { kind: 'request', id: Number.MAX_VALUE, body: { type: 'pair', id: '000001' } },
    { kind: 'request', id: 2, body: null },
    { kind: 'request', id: 3, body: { type: 7 } },
    { kind: 'request', id: 4, body: 'pair' },
    { kind: 'cancel', id: { valueOf: () => 1 } },
    { kind: 'response', inReplyTo: 1, ok: false },
    { kind: 'response', inReplyTo: 1, ok: false, error: 'boom' },
    { kind: 'event', body: null },
    { kind: 'exploit', id: 5, body: { type: 'pair' } },
  ];
  for (const msg of junk) assert.doesNotThrow(() => host.send(msg), `sending ${JSON.stringify(msg)}`);
  await settle();
  assert.deepEqual(host.replies, []);
  assert.deepEqual(host.calls, []);
});

test('unknown request types, and names an object inherits, are answered with an error, never dispatched', async () => {
  for (const type of ['deleteEverything', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
    const reply = await ask({ type });
    assert.equal(reply.ok, false, `a '${type}' request must fail`);
    assert.match(reply.error ?? '', /no handler for/, `a '${type}' request`);
  }
  const long = await ask({ type: 'x'.repeat(100_000) });
  assert.ok((long.error ?? '').length < 200, 'the error does not echo a huge type back');
});

test('ids the host did not offer are refused, path traversal included', async () => {
  for (const id of ['../../etc/passwd', '/etc/passwd', '..\\..\\windows\\win.ini', '000001/../../x', '000002', '', 'TRAIN/<img src=x onerror=alert(1)>']) {
    const reply = await ask({ type: 'pair', id });
    assert.deepEqual([reply.ok, reply.error], [false, 'unknown item id'], `pair ${JSON.stringify(id)}`);
  }
  assert.deepEqual(await ask({ type: 'pair', id: 'train/<img src=x onerror=alert(1)>' }), { ok: true, result: 'train/<img src=x onerror=alert(1)>' });
  for (const run of ['/runs/a/../../etc', '/runs', '/runs/a/', '../runs/a', 1, null]) {
    const reply = await ask({ type: 'openConfusion', run, gt: 1, pred: 2 });
    assert.deepEqual([reply.ok, reply.error], [false, 'unknown run folder'], `run ${JSON.stringify(run)}`);
  }
  assert.deepEqual(await ask({ type: 'detail', id: '000001', run: '/etc' }), { ok: false, error: 'unknown run folder' });
});

test('wrong types are refused before use', async () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ type: 'pair', id: ['000001'] }, /unknown item id/],
    [{ type: 'pair', id: { toString: () => '000001' } }, /unknown item id/],
    [{ type: 'pair' }, /unknown item id/],
    [{ type: 'detail', id: 7 }, /invalid item id/],
    [{ type: 'thumbnails', ids: '000001' }, /at most 500 item ids/],
    [{ type: 'thumbnails', ids: [1, 2] }, /invalid item id/],
    [{ type: 'thumbnails', ids: { length: 3 } }, /at most 500 item ids/],
    [{ type: 'openConfusion', run: '/runs/a', gt: '1', pred: 2 }, /invalid class id/],
    [{ type: 'openConfusion', run: '/runs/a', gt: 1, pred: -1 }, /invalid class id/],
    [{ type: 'openConfusion', run: '/runs/a', gt: 1, pred: NaN }, /invalid class id/],
    [{ type: 'setMark', id: '000001', verdict: 'error-b', note: 5 }, /a note must be text/],
    [{ type: 'setMark', id: '000001', verdict: '__proto__', note: '' }, /invalid review verdict/],
    [{ type: 'exportFigure', name: 'f', format: 'html', data: '<svg></svg>' }, /svg or png/],
    [{ type: 'exportFigure', name: 'f', format: 'svg', data: '<svg onload="x"><script>alert(1)</script></svg>' }, /must not hold scripts/],
  ];
  for (const [body, error] of cases) {
    const reply = await ask(body);
    assert.equal(reply.ok, false, `${JSON.stringify(body)} must fail`);
    assert.match(reply.error ?? '', error, JSON.stringify(body));
  }
});

test('huge payloads are refused by size before any work', async () => {
  const manyIds = Array.from({ length: 100_000 }, (_, i) => String(i));
  assert.match((await ask({ type: 'thumbnails', ids: manyIds })).error ?? '', /at most 500 item ids/);
  assert.match((await ask({ type: 'detail', id: 'x'.repeat(5000) })).error ?? '', /invalid item id/);
  assert.match((await ask({ type: 'setMark', id: '000001', verdict: null, note: 'n'.repeat(1_000_000) })).error ?? '', /at most 2000/);
  assert.match((await ask({ type: 'exportFigure', name: 'f', format: 'png', data: `data:image/png;base64,${'A'.repeat(MAX_FIGURE_CHARS)}` })).error ?? '', /at most/);
  assert.match((await ask({ type: 'exportFigure', name: 'n'.repeat(201), format: 'svg', data: '<svg></svg>' })).error ?? '', /at most 200/);
});

test('a well-formed request still goes through', async () => {
  const host = hostWithWebview();
  host.send({ kind: 'request', id: 9, body: { type: 'setMark', id: '000001', verdict: 'error-b', note: 'hair edge' } });
  await settle();
  assert.deepEqual(host.calls, ['000001 error-b hair edge']);
  assert.deepEqual(host.replies, [{ kind: 'response', inReplyTo: 9, ok: true, result: undefined }]);
});

test('the trust gate: a trusted workspace passes; an untrusted one is warned, offered the trust editor, and refused', async () => {
  const warned: string[] = [];
  let managed = 0;
  const surface = (isTrusted: boolean, answer: string | undefined) => ({
    isTrusted,
    warn: (message: string, action: string) => {
      warned.push(`${message} [${action}]`);
      return Promise.resolve(answer);
    },
    manageTrust: () => void managed++,
  });
  assert.equal(requireTrust(surface(true, undefined)), true);
  assert.deepEqual([warned, managed], [[], 0]);
  assert.equal(requireTrust(surface(false, undefined)), false);
  await settle();
  assert.deepEqual([warned, managed], [[`${UNTRUSTED_MESSAGE} [${MANAGE_TRUST}]`], 0]);
  assert.equal(requireTrust(surface(false, MANAGE_TRUST)), false);
  await settle();
  assert.equal(managed, 1, 'answering the warning opens the trust editor');
});

test('every command that runs a model asks the trust gate first, and the manifest disables them in restricted mode', () => {
  const root = join(__dirname, '..', '..', '..');
  const source = readFileSync(join(root, 'src', 'host', 'commands', 'evaluateCommands.ts'), 'utf8');
  const handlers = source.split('registerCommand(').slice(1);
  assert.equal(handlers.length, 2);
  for (const handler of handlers) assert.match(handler, /^'facegap\.evaluate\w+', async \([^)]*\) => \{\s*if \(!trustedForModels\(\)\) return undefined;/, handler.slice(0, 120));
  assert.match(readFileSync(join(root, 'src', 'host', 'commands', 'distributionCommands.ts'), 'utf8'), /features !== null && !trustedForModels\(\)/, 'a feature extractor is a model: gated too');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: unknown } };
    contributes: { commands: Array<{ command: string; enablement?: string }> };
  };
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  for (const id of ['facegap.evaluateFolder', 'facegap.evaluateModel']) {
    assert.equal(manifest.contributes.commands.find((c) => c.command === id)?.enablement, 'isWorkspaceTrusted', id);
  }
});
