// Webview security, watched for the whole run: a detector installed in every frame before its scripts run (alert,
// confirm, prompt and print hooked, CSP violations recorded), browser dialogs, every network request the browser makes,
// and after each checkpoint an audit of every FaceGap webview document (body[data-view]): its meta CSP (default-src
// 'none', scripts by nonce only, no unsafe-inline or unsafe-eval, no remote sources), its scripts' nonces, no inline
// event-handler attribute and no <img src="x"> in its DOM, the detector present and working. securityVerdict() says what
// went wrong, for summary.json; runE2E.mjs fails the run on any of it.
import { withTimeout } from './driverCommon.mjs';

/** Every FaceGap webview kind; each must have been audited at least once by the end of the run. */
export const ALL_VIEWS = ['dataset', 'report', 'mask', 'diff', 'distribution'];

/** What was seen: per view the documents audited, the CSP last read, problems, dialogs and requests. */
export const security = { audits: {}, csp: {}, scripts: {}, problems: [], dialogs: [], styleViolations: new Set(), requests: { local: 0, resource: 0, remote: [], workbench: [] } };

/** Runs in every frame before its own scripts: hooks the dialogs and records CSP violations on window.__facegapWatch. */
function detector() {
  if (Object.prototype.hasOwnProperty.call(window, '__facegapWatch')) return;
  const events = [];
  Object.defineProperty(window, '__facegapWatch', { value: events, enumerable: false });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = function hooked(message) {
      events.push({ kind: name, detail: String(message).slice(0, 200) });
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
  }
  const onViolation = (e) => events.push({ kind: 'csp', detail: `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`.slice(0, 300) });
  document.addEventListener('securitypolicyviolation', onViolation, true);
}

/** Installs the detector, the dialog listener and the request recorder; call before the workbench loads. */
export async function watchSecurity(page, port) {
  await page.addInitScript(detector);
  page.on('dialog', (dialog) => {
    security.dialogs.push({ type: dialog.type(), message: dialog.message().slice(0, 200) });
    void dialog.dismiss().catch(() => undefined);
  });
  page.context().on('request', (request) => recordRequest(request, port));
}

/**
 * Local: the server itself, data: and blob:; resource: VS Code's virtual resource origin, answered by the webview's
 * service worker; remote: anything else from a webview (or a worker); workbench: anything else from the workbench page.
 */
function recordRequest(request, port) {
  const url = request.url();
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return void security.requests.remote.push({ url: url.slice(0, 200), why: 'unparsable' });
  }
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol) || (['127.0.0.1', 'localhost'].includes(parsed.hostname) && (parsed.port === String(port) || parsed.port === ''))) {
    security.requests.local++;
  } else if (parsed.hostname.endsWith('.vscode-resource.vscode-cdn.net')) {
    security.requests.resource++;
  } else {
    let frame = null;
    try {
      frame = request.frame()?.url() ?? null;
    } catch {
      frame = '(service worker)';
    }
    // The workbench's own (the extension gallery, say) are listed; a webview's, or a service worker's, fail the run.
    const list = frame && frame.startsWith(`http://127.0.0.1:${port}/?`) ? security.requests.workbench : security.requests.remote;
    if (list.length < 50) list.push({ url: url.slice(0, 200), frame: frame?.slice(0, 120) ?? null });
  }
}

/** Runs in a frame: for a FaceGap webview document, its CSP, scripts, DOM hazards and detector events; null elsewhere. */
function auditProbe() {
  const view = document.body?.getAttribute('data-view');
  if (!view) return null;
  const meta = document.head?.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const handlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120));
  const watch = window.__facegapWatch;
  let working = false;
  if (watch) {
    window.alert('facegap-e2e-control');
    working = watch.some((e) => e.detail === 'facegap-e2e-control');
    for (let i = watch.length - 1; i >= 0; i--) if (watch[i].detail === 'facegap-e2e-control') watch.splice(i, 1);
  }
  return {
    view,
    csp: meta?.getAttribute('content') ?? null,
    // VS Code's webview host prepends its API script (id _vscodeApiScript) to the head, before our meta CSP takes effect.
    scripts: [...document.scripts].map((s) => ({
      src: s.src ? s.src.split('/').pop() : `(inline${s.id ? ` #${s.id}` : ''})`,
      nonce: s.nonce ?? '',
      vscodeApi: s.id === '_vscodeApiScript' && !s.src && !!meta && !!(meta.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_PRECEDING),
    })),
    handlers,
    imgX: document.querySelectorAll('img[src="x"]').length,
    events: watch ? watch.splice(0, watch.length).slice(0, 20) : null,
    detectorWorks: working,
  };
}

/** The problems of one webview document's audit, each a sentence. */
export function auditProblems(a) {
  const problems = [];
  const directives = new Map((a.csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
  if (!a.csp) problems.push('no meta Content-Security-Policy');
  if ((directives.get('default-src') ?? []).join(' ') !== "'none'") problems.push(`default-src is ${JSON.stringify(directives.get('default-src') ?? null)}, not 'none'`);
  const scriptSrc = directives.get('script-src') ?? [];
  const nonces = scriptSrc.filter((s) => /^'nonce-[A-Za-z0-9+/_=-]+'$/.test(s)).map((s) => s.slice(7, -1));
  if (scriptSrc.length === 0 || nonces.length !== scriptSrc.length) problems.push(`script-src allows more than a nonce: ${JSON.stringify(scriptSrc)}`);
  if (/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/.test(a.csp ?? '')) problems.push('the CSP holds an unsafe-* source');
  for (const [name, sources] of directives) {
    const wide = sources.filter((s) => s === '*' || /^(https?|wss?):$/.test(s) || /^https?:\/\/(?!127\.0\.0\.1|localhost)[^*]*$/.test(s) && !/vscode-(cdn|resource)/.test(s));
    if (wide.length > 0) problems.push(`${name} allows ${wide.join(' ')}`);
  }
  for (const s of a.scripts) if (!s.vscodeApi && (!s.nonce || !nonces.includes(s.nonce))) problems.push(`script ${s.src} carries no nonce of the CSP`);
  if (a.scripts.filter((s) => s.vscodeApi).length > 1) problems.push('more than one script poses as VS Code\'s API script');
  if (a.handlers.length > 0) problems.push(`inline event-handler attributes in the DOM: ${a.handlers.slice(0, 3).join(' | ')}`);
  if (a.imgX > 0) problems.push(`${a.imgX} <img src="x"> element(s) in the DOM: a file name was parsed as markup`);
  if (a.events === null || !a.detectorWorks) problems.push('the detector is not installed in this document (addInitScript did not reach it)');
  // A blocked inline style only loses looks; it is listed in summary.json (security.styleViolations), not failed.
  for (const e of a.events ?? []) {
    if (e.kind === 'csp' && /^style-src/.test(e.detail)) security.styleViolations.add(e.detail);
    else problems.push(e.kind === 'csp' ? `CSP violation: ${e.detail}` : `${e.kind}() was called: ${e.detail}`);
  }
  return problems;
}

/** Audits every FaceGap webview document now open; records and returns the problems (with the view and checkpoint). */
export async function auditFrames(page, when) {
  const found = [];
  for (const frame of page.frames()) {
    if (frame.isDetached() || frame === page.mainFrame()) continue;
    const audit = await withTimeout(frame.evaluate(auditProbe), 3000, 'audit').catch(() => null);
    if (!audit) continue;
    security.audits[audit.view] = (security.audits[audit.view] ?? 0) + 1;
    security.csp[audit.view] = audit.csp;
    security.scripts[audit.view] = audit.scripts.map((x) => `${x.src}${x.nonce ? ' (nonce)' : ''}${x.vscodeApi ? ' (VS Code, before the CSP)' : ''}`);
    for (const problem of auditProblems(audit)) found.push(`${when}: ${audit.view} webview: ${problem}`);
  }
  for (const d of security.dialogs.splice(0)) found.push(`${when}: a ${d.type} dialog opened: ${d.message}`);
  security.problems.push(...found);
  return found;
}

/** What summary.json records. */
export function securityFacts() {
  return { ...security, styleViolations: [...security.styleViolations].slice(0, 20) };
}

/** Everything wrong over the whole run: problems, views never audited, requests to hosts other than the server's. */
export function securityVerdict() {
  const problems = [...security.problems];
  const missing = ALL_VIEWS.filter((v) => !security.audits[v]);
  if (missing.length > 0) problems.push(`webviews never audited: ${missing.join(', ')}`);
  for (const r of security.requests.remote) problems.push(`a request left the machine: ${r.url} (from ${r.frame ?? r.why})`);
  return problems;
}
