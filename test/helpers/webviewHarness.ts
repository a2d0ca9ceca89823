// Runs a built webview bundle (dist/webview/<view>.js) in headless Chromium against a fake extension host that speaks
// the real protocol through the real RpcEndpoint; the page gets the production HTML and CSP.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { webviewDocument } from '../../src/host/webviewDocument';
import type { EventBody, RequestMap, RpcTransport } from '../../src/protocol/rpc';
import { RpcEndpoint } from '../../src/protocol/rpc';

const ORIGIN = 'https://webview.test';
const DIST = join(__dirname, '..', '..', 'dist', 'webview');

/** Builds dist/webview/<view>.js and .css the way esbuild.mjs does (only that view, so other views' bundles are left alone). */
export async function buildWebview(view: string): Promise<void> {
  await esbuild.build({
    entryPoints: { [view]: join(__dirname, '..', '..', 'webview', view, 'main.ts') },
    outdir: DIST,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    loader: { '.css': 'css' },
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
  });
}

/** Where Chromium is, or undefined when this machine has none (the browser tests are then skipped, unless CI requires them). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.FACEGAP_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found && process.env.FACEGAP_REQUIRE_BROWSER === '1') throw new Error('FACEGAP_REQUIRE_BROWSER=1 but no Chromium found (install Debian chromium)');
  return found;
}

/** Flags for headless Chromium on machines without network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** An opened webview page with its fake host. */
export interface WebviewHarness<TRequests extends RequestMap, TEvents extends EventBody> {
  readonly page: Page;
  /** The fake host's end of the protocol: serve() the webview's requests, emit() events to it. */
  readonly host: RpcEndpoint<TRequests, TEvents>;
  /** Messages the page logged with console.error, and uncaught page errors (a test should usually expect none). */
  readonly errors: string[];
  /** State the page saved with setState, most recent last. */
  readonly states: unknown[];
  close(): Promise<void>;
}

/** Launches Chromium once per test file. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Opens dist/webview/<view>.js in a page; `setup` installs the host's handlers before the page loads. */
export async function openWebview<TRequests extends RequestMap, TEvents extends EventBody>(
  browser: Browser,
  view: string,
  setup: (host: RpcEndpoint<TRequests, TEvents>) => void,
  options: { savedState?: unknown; viewport?: { width: number; height: number }; bundleDir?: string } = {},
): Promise<WebviewHarness<TRequests, TEvents>> {
  const bundleDir = options.bundleDir ?? DIST;
  const script = join(bundleDir, `${view}.js`);
  if (!existsSync(script)) throw new Error(`${script}: not built; run npm run build`);
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1200, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const states: unknown[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const handlers = new Set<(msg: unknown) => void>();
  const transport: RpcTransport = {
    postMessage: (msg) => void page.evaluate(`window.__fromHost(${JSON.stringify(encode(msg))})`).catch(() => undefined),
    onMessage: (handler) => (handlers.add(handler), { dispose: () => handlers.delete(handler) }),
  };
  const host = new RpcEndpoint<TRequests, TEvents>(transport);
  setup(host);
  await page.exposeFunction('__toHost', (msg: unknown) => handlers.forEach((h) => h(decode(msg))));
  await page.exposeFunction('__saveState', (state: unknown) => void states.push(state));
  await page.addInitScript({ content: fakeVsCodeApi(options.savedState ?? null) });
  await routeWebviewFiles(page, view, bundleDir);
  await page.goto(`${ORIGIN}/index.html`);
  return {
    page,
    host,
    errors,
    states,
    close: async () => {
      host.dispose();
      await context.close();
    },
  };
}

/**
 * Serves the production page and the built bundles under the fake webview origin; nothing else loads. The bundles are
 * dist/webview's, or a test page's from `bundleDir` (served at the same /dist/webview/ path).
 */
async function routeWebviewFiles(page: Page, view: string, bundleDir: string): Promise<void> {
  const html = webviewDocument({
    title: `FaceGap ${view}`,
    cspSource: ORIGIN,
    nonce: 'TESTNONCE0123456789abcdefABCDEF01',
    scriptUri: `${ORIGIN}/dist/webview/${view}.js`,
    styleUri: `${ORIGIN}/dist/webview/${view}.css`,
    view,
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    const prefix = '/dist/webview/';
    const file = join(bundleDir, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!url.pathname.startsWith(prefix) || !file.startsWith(bundleDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
  });
}

/**
 * Runs in the page before its scripts: acquireVsCodeApi() backed by the exposed functions, typed arrays revived.
 * A string, not a function: tsx would add helper calls to a serialised function that the page does not have.
 */
function fakeVsCodeApi(saved: unknown): string {
  return `(() => {
  const revive = (v) => {
    if (Array.isArray(v)) return v.map(revive);
    if (v && typeof v === 'object') {
      if (typeof v.__u8 === 'string') return Uint8Array.from(atob(v.__u8), (c) => c.charCodeAt(0));
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
    }
    return v;
  };
  const pack = (m) => JSON.parse(JSON.stringify(m, (_k, x) => {
    if (!(x instanceof Uint8Array)) return x;
    let s = '';
    for (let i = 0; i < x.length; i++) s += String.fromCharCode(x[i]);
    return { __u8: btoa(s) };
  }));
  let state = ${JSON.stringify(saved)};
  let acquired = false;
  window.__fromHost = (m) => window.postMessage(revive(m), '*');
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may be called only once');
    acquired = true;
    return {
      postMessage: (m) => window.__toHost(pack(m)),
      getState: () => state,
      setState: (s) => { state = s; window.__saveState(s); },
    };
  };
})();`;
}

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { __u8: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.__u8 === 'string') return new Uint8Array(Buffer.from(o.__u8, 'base64'));
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/**
 * For a describe block (call it in the block's body): builds the view's bundle and launches Chromium before its tests,
 * keeps one page open at a time (open() closes the previous one), and closes both after the tests.
 */
export function webviewSession<TRequests extends RequestMap, TEvents extends EventBody>(
  view: string,
): { open(setup: (host: RpcEndpoint<TRequests, TEvents>) => void, options?: Parameters<typeof openWebview>[3]): Promise<WebviewHarness<TRequests, TEvents>> } {
  let browser: Browser | undefined;
  let current: WebviewHarness<TRequests, TEvents> | undefined;
  before(async () => {
    await buildWebview(view);
    browser = await launchChromium(chromiumPath() as string);
  });
  after(async () => {
    await current?.close();
    await browser?.close();
  });
  return {
    open: async (setup, options = {}) => {
      await current?.close();
      if (!browser) throw new Error('webviewSession: open() runs only inside the tests of its describe block');
      current = await openWebview<TRequests, TEvents>(browser, view, setup, options);
      return current;
    },
  };
}
