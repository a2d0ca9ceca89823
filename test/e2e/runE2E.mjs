// End-to-end tests in a real VS Code: the Code-OSS server from npm's code-server (under Node 24, see
// scripts/e2e/install-server.sh) with this repo as the development extension, its workbench opened in headless
// Debian Chromium through playwright-core, and the in-host suite (test/e2e/suite/, bundled by build.mjs) as
// extensionTestsPath. The suite asks for "checkpoints"; this driver then looks at the webview iframes with Playwright
// and takes screenshots. Artefacts: test-artifacts/e2e/ (summary.json, server.log, *.png, logs/).
// Usage: node test/e2e/runE2E.mjs   (env: FACEGAP_E2E_TIMEOUT_MS, FACEGAP_E2E_KEEP=1 keeps the temp folders,
// FACEGAP_CHROMIUM, FACEGAP_REQUIRE_BROWSER=1 fails instead of skipping when Chromium is missing).
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildE2ESuites, SUITE_BUNDLE } from './build.mjs';
import { ARTIFACTS, EXTENSION, REPO, say, seconds, sleep, withTimeout, writeJson } from './driverCommon.mjs';
import { checks } from './webviewChecks.mjs';
import { describeFrames, screenshot } from './webviewFrames.mjs';
import { auditFrames, securityFacts, securityVerdict, watchSecurity } from './securityWatch.mjs';

/** From starting the server to the suite's end (the cached install and the build come before and are not counted). */
const OVERALL_TIMEOUT_MS = Number(process.env.FACEGAP_E2E_TIMEOUT_MS) || 6 * 60_000;
const LISTEN_TIMEOUT_MS = 90_000;
/** Workbench errors that an offline code-server workbench always logs: the extension gallery and its own service worker. */
const OFFLINE_NOISE = [/ENOTFOUND open-vsx\.org/, /^\[Service Worker\] registration/];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const summary = { ok: false, reason: '', timings: {}, checkpoints: {}, suite: null, workbenchErrors: [], pageErrors: [], server: {} };
/** Run in this order at the end: close the browser, stop the server (its whole process group), copy logs and remove temp folders. */
const cleanups = { browser: null, server: null, temp: null };
let finishing = false;

function chromiumPath() {
  return [process.env.FACEGAP_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: REPO, maxBuffer: 64 * 1024 * 1024, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${[command, ...args].join(' ')} failed (${error.signal ?? `exit code ${error.code}`}):\n${String(stderr).trim().slice(-3000)}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts VS Code's server entry (not the code-server CLI, which rejects --enable-smoke-test-driver) in its own process group. */
async function startServer(cache, dirs, port) {
  const node24 = join(cache, 'node24', 'bin', 'node');
  const serverMain = join(cache, 'server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  const args = [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust', '--server-data-dir', dirs.serverData];
  const log = createWriteStream(join(ARTIFACTS, 'server.log'));
  const child = spawn(node24, args, { cwd: dirs.workspace, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FACEGAP_E2E_OUT: dirs.out } });
  summary.server = { port, pid: child.pid, args: args.slice(1).join(' ') };
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  cleanups.server = async () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([exit, sleep(5000)]);
      if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      await Promise.race([exit, sleep(2000)]);
    }
    await new Promise((resolve) => log.end(resolve));
  };
  const listening = new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      log.write(chunk);
      seen = (seen + chunk.toString()).slice(-4000);
      if (/listening on/i.test(seen)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => log.write(chunk));
    exit.then(({ code, signal }) => reject(new Error(`the VS Code server exited before listening (${signal ?? `code ${code}`}); see ${relative(REPO, join(ARTIFACTS, 'server.log'))}:\n${seen.slice(-1500)}`)));
  });
  await withTimeout(listening, LISTEN_TIMEOUT_MS, 'waiting for the VS Code server to listen');
  return { exit };
}

async function openWorkbench(executablePath, port, dirs, onExit) {
  const { chromium } = await import('playwright-core');
  // Signals are this driver's to handle: it closes the browser, then stops the server (see finish()).
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  cleanups.browser = () => withTimeout(browser.close(), 10_000, 'closing Chromium');
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (error) => summary.pageErrors.length < 50 && summary.pageErrors.push(String(error.message ?? error).slice(0, 500)));
  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('[facegap-e2e]')) say(`suite: ${text.slice(text.indexOf('[facegap-e2e]') + 14).trim()}`);
  });
  await watchSecurity(page, port);
  await page.exposeFunction('codeAutomationLog', onWorkbenchLog);
  await page.exposeFunction('codeAutomationExit', (code, logs) => onExit(code, logs));
  const host = `127.0.0.1:${port}`;
  const remote = (path) => `vscode-remote://${host}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(EXTENSION)],
    ['extensionTestsPath', remote(SUITE_BUNDLE)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `http://${host}/?folder=${encodeURIComponent(remote(dirs.workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return page;
}

/** The smoke-test driver's log hook. The suite's own lines arrive through the page console; here only the workbench's
 * errors: all of them in summary.json, on the console those that are not the expected noise of an offline workbench. */
function onWorkbenchLog(type, args) {
  const line = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  if (type !== 'error' || line.includes('[facegap-e2e]')) return;
  const first = line.split('\n')[0].slice(0, 400);
  if (summary.workbenchErrors.length < 100) summary.workbenchErrors.push(first);
  if (!OFFLINE_NOISE.some((pattern) => pattern.test(first))) say(`workbench error: ${first}`);
}

/** Answers one checkpoint: runs its check and writes <name>.done, "ok" or why the check failed (with what the frames hold). */
async function handleCheckpoint(page, name, out) {
  const begun = Date.now();
  say(`checkpoint "${name}": inspecting the webviews`);
  let answer;
  try {
    const facts = await runCheck(page, name, JSON.parse(readFileSync(join(out, `${name}.request`), 'utf8')));
    // Every webview open now: its CSP, scripts and DOM, and whatever the detector caught (securityWatch.mjs).
    const problems = checks[name]?.audit === false ? [] : await auditFrames(page, name);
    if (problems.length > 0) throw new Error(`webview security: ${problems.join('; ')}`);
    summary.checkpoints[name] = { ok: true, seconds: seconds(begun), ...facts };
    answer = 'ok';
    say(`checkpoint "${name}": ok ${JSON.stringify(facts)}`);
  } catch (error) {
    const reason = String(error.message ?? error).split('\n')[0];
    const frames = await describeFrames(page).catch((e) => [{ error: String(e) }]);
    const shot = await screenshot(page, `${name}-failure.png`).catch((e) => `(no screenshot: ${e.message})`);
    summary.checkpoints[name] = { ok: false, seconds: seconds(begun), reason, screenshot: shot, frames };
    const views = frames.filter((f) => f.view);
    const seen = views.map((f) => `body[data-view=${f.view}] with ${f.elements} elements, text "${(f.text ?? '').slice(0, 120)}", classes ${(f.classes ?? []).slice(0, 12).join(' ') || '(none)'}`);
    answer = `${reason}; webview frames: ${seen.join(' | ') || 'none with body[data-view]'} (all ${frames.length} frames in ${relative(REPO, join(ARTIFACTS, 'summary.json'))})`;
    say(`checkpoint "${name}": FAILED ${answer}`);
  }
  const done = join(out, `${name}.done`);
  writeFileSync(`${done}.tmp`, answer);
  renameSync(`${done}.tmp`, done);
}

async function runCheck(page, name, request) {
  const check = checks[name];
  if (!check) throw new Error(`the driver knows no checkpoint "${name}"`);
  for (const view of check.bundles) {
    const bundle = join(EXTENSION, 'dist', 'webview', `${view}.js`);
    if (!existsSync(bundle)) throw new Error(`${relative(REPO, bundle)} is not built, so the ${view} webview cannot render`);
  }
  return check.run(page, request);
}

// ---- main ---------------------------------------------------------------------------------------------------------

async function main() {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const executablePath = chromiumPath();
  if (!executablePath) {
    if (process.env.FACEGAP_REQUIRE_BROWSER === '1') throw new Error('FACEGAP_REQUIRE_BROWSER=1 but no Chromium found (apt-get install chromium, or set FACEGAP_CHROMIUM)');
    say('SKIPPED: no Chromium (/usr/bin/chromium); install Debian chromium to run the end-to-end tests');
    summary.ok = true;
    summary.reason = 'skipped: no Chromium';
    return 0;
  }
  const cache = await buildAndInstall();
  const dirs = prepareFolders();
  let begun = Date.now();
  const deadline = begun + OVERALL_TIMEOUT_MS;
  const port = await freePort();
  const server = await startServer(cache, dirs, port);
  summary.timings.serverListeningSeconds = seconds(begun);
  say(`VS Code server listening on 127.0.0.1:${port} (${summary.timings.serverListeningSeconds} s)`);
  begun = Date.now();
  const result = await runSuite(executablePath, port, dirs, server, deadline);
  if (finishing) return 130; // interrupted: finish() is already cleaning up, and its reason stands
  summary.timings.suiteSeconds = seconds(begun);
  const suiteResult = join(dirs.out, 'suite-result.json');
  if (existsSync(suiteResult)) summary.suite = JSON.parse(readFileSync(suiteResult, 'utf8'));
  summary.security = securityFacts();
  const insecure = securityVerdict();
  summary.ok = result.code === 0 && insecure.length === 0;
  summary.reason = [result.reason, ...insecure.map((p) => `webview security: ${p}`)].filter(Boolean).join('; ');
  return summary.ok ? 0 : 1;
}

/** Builds the extension and the suite, and installs (or finds cached) Node 24 + code-server; returns the cache folder. */
async function buildAndInstall() {
  let begun = Date.now();
  if (process.env.FACEGAP_E2E_NO_BUILD === '1') say('FACEGAP_E2E_NO_BUILD=1: using the dist/ that is there');
  else await run(process.execPath, ['esbuild.mjs']);
  if (!existsSync(join(EXTENSION, 'dist', 'extension.js'))) throw new Error(`${join(EXTENSION, 'dist', 'extension.js')} is missing: run npm run build`);
  await buildE2ESuites();
  summary.timings.buildSeconds = seconds(begun);
  begun = Date.now();
  say('installing (or finding cached) Node 24 + code-server: scripts/e2e/install-server.sh');
  const install = await run('bash', [join(REPO, 'scripts', 'e2e', 'install-server.sh')], { timeout: 15 * 60_000 });
  const cache = install.stdout.trim().split('\n').pop();
  summary.timings.installSeconds = seconds(begun);
  say(`server install: ${cache} (${summary.timings.installSeconds} s)`);
  return cache;
}

/** The temp folders (server data with its settings, workspace, checkpoint exchange), removed by the cleanup. */
function prepareFolders() {
  const temp = mkdtempSync(join(tmpdir(), 'facegap-e2e-'));
  const dirs = { serverData: join(temp, 'server-data'), workspace: join(temp, 'workspace'), out: join(temp, 'out') };
  Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
  // Remote machine settings: the bundled model runs on CPU whatever the machine has, so the run records "cpu".
  writeJson(join(dirs.serverData, 'data', 'Machine', 'settings.json'), { 'facegap.executionProvider': 'cpu' });
  // User settings (this server keeps them in its data folder): a quiet workbench with room for the panels. Trust is off
  // through --disable-workspace-trust; the setting says the same for workbenches that ignore the flag.
  writeJson(join(dirs.serverData, 'data', 'User', 'settings.json'), {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
  });
  writeFileSync(join(dirs.workspace, 'README.md'), 'FaceGap end-to-end test workspace\n');
  cleanups.temp = () => {
    const logs = join(dirs.serverData, 'data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(ARTIFACTS, 'logs'), { recursive: true });
    if (process.env.FACEGAP_E2E_KEEP === '1') say(`kept ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  };
  return dirs;
}

/** Opens the workbench and answers the suite's checkpoints until it exits (or the server does, or time runs out). */
async function runSuite(executablePath, port, dirs, server, deadline) {
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  server.exit.then(({ code, signal }) => resolveExit({ code: 1, reason: `the VS Code server exited during the test (${signal ?? `code ${code}`})` }));
  const page = await openWorkbench(executablePath, port, dirs, (code, logs) => {
    saveWorkbenchLogs(logs);
    resolveExit({ code: Number(code), reason: Number(code) === 0 ? '' : `the in-host suite failed (exit code ${code})` });
  });
  say('workbench opened in headless Chromium; waiting for the in-host suite');
  const handled = new Set();
  for (;;) {
    if (Date.now() > deadline) {
      await screenshot(page, 'timeout.png').catch(() => undefined);
      return { code: 1, reason: `overall timeout: the suite did not finish within ${OVERALL_TIMEOUT_MS / 1000} s` };
    }
    for (const file of readdirSync(dirs.out).filter((f) => f.endsWith('.request')).sort()) {
      const name = file.slice(0, -'.request'.length);
      if (handled.has(name)) continue;
      handled.add(name);
      await handleCheckpoint(page, name, dirs.out);
    }
    const result = await Promise.race([exited, sleep(250).then(() => undefined)]);
    if (result) return result;
  }
}

/** The logs the workbench hands over on exit, under test-artifacts/e2e/workbench-logs/. */
function saveWorkbenchLogs(logs) {
  if (!Array.isArray(logs)) return;
  for (const log of logs) {
    if (!log || typeof log.relativePath !== 'string' || log.relativePath.includes('..')) continue;
    const file = join(ARTIFACTS, 'workbench-logs', log.relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, String(log.contents ?? ''));
  }
}

async function finish(code, error) {
  if (finishing) return;
  finishing = true;
  if (error) {
    summary.ok = false;
    summary.reason = summary.reason || String(error.message ?? error);
    summary.errorStack = String(error.stack ?? error);
  }
  for (const [what, cleanup] of Object.entries(cleanups)) {
    if (cleanup) await Promise.resolve().then(cleanup).catch((e) => say(`cleanup (${what}): ${e.message ?? e}`));
  }
  summary.timings.totalSeconds = seconds();
  writeFileSync(join(ARTIFACTS, 'summary.json'), JSON.stringify(summary, null, 2));
  for (const step of summary.suite?.steps ?? []) say(`${step.ok ? 'ok  ' : 'FAIL'} ${step.name} (${step.seconds} s)${step.ok ? '' : `: ${step.error}`}`);
  for (const [name, c] of Object.entries(summary.checkpoints)) say(`checkpoint ${name}: ${c.ok ? 'ok' : `FAILED: ${c.reason}`}`);
  say(`${code === 0 ? 'PASSED' : `FAILED: ${summary.reason || 'see above'}`} in ${summary.timings.totalSeconds} s; artefacts in ${relative(REPO, ARTIFACTS)}/`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(130, new Error(`interrupted (${signal})`)));
main().then(
  (code) => finish(code),
  (error) => finish(1, error),
);
