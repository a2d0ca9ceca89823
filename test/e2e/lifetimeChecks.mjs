// The lifetime checkpoints (suite/lifetimeStep.ts). The suite posts them just before it starts a run and the driver
// acts while the run goes on, as a user would: it watches the run's journal (images.jsonl) and finds the evaluation
// process with ps (this extension's dist/evalProcess.js whose parent is the extension host the suite names). "cancelRun": once the run journals, closes the dataset panel's tab and
// presses Cancel on the run's notification in the notification center (evaluation-progress.png). "reloadRun": once the
// resumed run journals again, writes what it saw (the evaluation process's pid) for the suite after the reload, and
// runs Developer: Reload Window from the command palette.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION, say, sleep } from './driverCommon.mjs';
import { screenshot } from './webviewFrames.mjs';

function journalLines(outDir) {
  const file = join(outDir, 'images.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length : 0;
}

function runStatus(outDir) {
  const file = join(outDir, 'run.json');
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).status : undefined;
  } catch {
    return undefined; // being replaced
  }
}

/** This extension's evaluation processes whose parent is `hostPid`. */
function evalChildren(hostPid) {
  const script = join(EXTENSION, 'dist', 'evalProcess.js');
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(script))
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter(([, ppid]) => ppid === hostPid)
    .map(([pid]) => pid);
}

/** Waits until the run's journal has more than `from` lines; fails if the run ends first. */
async function journalPast(request, timeoutMs = 90_000) {
  const begun = Date.now();
  let told = begun;
  for (;;) {
    const lines = journalLines(request.outDir);
    if (lines > request.from) return { lines, seconds: (Date.now() - begun) / 1000 };
    const status = runStatus(request.outDir);
    if (status === 'complete') throw new Error(`the run in ${request.outDir} completed before its journal passed ${request.from} lines`);
    if (Date.now() - begun > timeoutMs) throw new Error(`the run in ${request.outDir} did not journal past ${request.from} lines within ${timeoutMs / 1000} s`);
    if (Date.now() - told > 5000) {
      told = Date.now();
      say(`waiting for ${request.outDir}/images.jsonl to pass ${request.from} lines (${lines}; run.json ${status ?? 'absent'})`);
    }
    await sleep(100);
  }
}

/** The one evaluation process of the suite's extension host while its run goes on. */
function runningChild(request) {
  const children = evalChildren(request.hostPid);
  if (children.length !== 1) throw new Error(`expected one evaluation process under the extension host ${request.hostPid} while the run goes on, found ${JSON.stringify(children)}`);
  return children[0];
}

export async function cancelFromNotification(page, request) {
  const journal = await journalPast(request);
  const childPid = runningChild(request);
  // A panel closed mid-run: the dataset panel of the folder being evaluated.
  // A middle click closes a tab (hovering its × brings up a tooltip that takes the click); else View: Close Editor.
  const tab = page.locator('.tabs-container .tab', { hasText: request.panelTitle });
  let closedBy = 'a middle click on its tab';
  await tab.first().click({ button: 'middle', timeout: 5_000 }).catch(() => undefined);
  if (!(await tab.first().waitFor({ state: 'detached', timeout: 3_000 }).then(() => true, () => false))) {
    closedBy = 'View: Close Editor';
    await tab.first().click({ timeout: 5_000 });
    await palette(page, 'View: Close Editor', 'Close Editor');
    await tab.first().waitFor({ state: 'detached', timeout: 5_000 });
  }
  const item = page.locator('.notification-list-item', { hasText: request.title }).first();
  // Closing the tab may have taken the focus from the notification center, which then hides: show it again.
  let center = 'opened by the suite';
  if (!(await item.waitFor({ state: 'visible', timeout: 2_000 }).then(() => true, () => false))) {
    center = 'shown again from the command palette';
    await palette(page, 'Notifications: Show Notifications', 'Show Notifications');
  }
  try {
    await item.waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    const items = await page.locator('.notification-list-item').allTextContents().catch(() => []);
    throw new Error(`no visible notification "${request.title}"; notifications: ${JSON.stringify(items.map((t) => t.slice(0, 120)))}`);
  }
  const message = (await item.textContent())?.replace(/\s+/g, ' ').trim().slice(0, 200);
  const cancel = item.locator('.monaco-button', { hasText: 'Cancel' }).first();
  // In the notification center a collapsed notification hides its buttons: expand it first.
  if (!(await cancel.isVisible().catch(() => false))) await item.locator('.codicon-notifications-expand').first().click({ timeout: 5_000 }).catch(() => undefined);
  const shot = await screenshot(page, 'evaluation-progress.png');
  await cancel.click({ timeout: 10_000 });
  return { journal, childPid, panelClosedBy: closedBy, notificationCenter: center, journalAtCancel: journalLines(request.outDir), notification: message, screenshot: shot };
}

export async function reloadMidRun(page, request) {
  const journal = await journalPast(request);
  const childPid = runningChild(request);
  const seen = { childPid, journalAtReload: journalLines(request.outDir) };
  writeFileSync(`${request.handoverFile}.tmp`, JSON.stringify(seen));
  renameSync(`${request.handoverFile}.tmp`, request.handoverFile);
  say(`reloading the window while evaluation process ${childPid} runs (journal at ${seen.journalAtReload} of ${request.images})`);
  let how = 'Developer: Reload Window';
  try {
    await palette(page, 'Developer: Reload Window', 'Reload Window');
  } catch (error) {
    how = `page.reload() (the command palette failed: ${String(error.message ?? error).split('\n')[0]})`;
    await page.reload({ waitUntil: 'domcontentloaded' });
  }
  return { journal, ...seen, how };
}

/** Runs a command from the command palette (F1), choosing the first row that shows `row`. */
async function palette(page, command, row) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${command}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: row }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await input.press('Enter');
}
