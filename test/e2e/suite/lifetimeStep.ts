// Lifetimes of an evaluation in the end-to-end scenario. (h) A run over a dataset large enough to take a while (hard
// links to the synthetic sample, 12 times over) is cancelled from its progress notification after its dataset panel was
// closed mid-run; the run folder must then say "interrupted", every journal line parse with its prediction written, the
// journal stop growing, and the extension host keep at most its one idle evaluation process.
// (i) The same run resumed, and the window reloaded mid-run (Developer: Reload Window): the extension host that forked
// the evaluation process is replaced, and after the reload (suite/index.ts resumes the suite) that process must be
// gone, none orphaned, and a rerun must resume from the journal.
// The mid-run part is the driver's, done as a user would and timed from outside (test/e2e/lifetimeChecks.mjs): it
// watches the journal, finds the evaluation process with ps, closes the panel's tab, presses Cancel or reloads the
// window; the suite posts the checkpoint just before it starts the run.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkpointFolder, postCheckpoint } from './checkpoint';
import { linkOrCopy } from './hostileNamesStep';

const COPIES = 12;

/** Where the lifetime dataset and its run go, and the model; the same before and after the reload. */
export interface LifetimeTarget {
  readonly root: string;
  readonly outDir: string;
  readonly model: string;
  readonly images: number;
}

/** What the reload step hands over to the suite that runs after the reload. */
export interface ReloadHandover {
  readonly target: LifetimeTarget;
  readonly hostPid: number;
  /** Journal lines when the run was resumed. */
  readonly journalBefore: number;
}

/** What the driver saw when it reloaded the window (reloadRun.json in the checkpoint folder). */
export interface ReloadSeen {
  readonly childPid: number;
  readonly journalAtReload: number;
}

/** The sample's pairs, linked COPIES times under fresh ids: c<k>-<id>.png with c<k>-<id>_seg.png. */
async function writeLargeDataset(sampleRoot: string, root: string): Promise<number> {
  await fs.rm(root, { recursive: true, force: true });
  await fs.mkdir(root, { recursive: true });
  const ids = (await fs.readdir(sampleRoot)).filter((f) => /^\d+\.png$/.test(f)).map((f) => f.slice(0, -4));
  for (let k = 0; k < COPIES; k++) {
    for (const id of ids) for (const suffix of ['', '_seg']) await linkOrCopy(path.join(sampleRoot, `${id}${suffix}.png`), path.join(root, `c${k}-${id}${suffix}.png`));
  }
  return ids.length * COPIES;
}

/** This extension's evaluation processes on this machine (ps: <extension>/dist/evalProcess.js), with their parents. */
export function evalProcesses(): Array<{ pid: number; ppid: number }> {
  const script = path.join(vscode.extensions.getExtension('facegap.facegap')?.extensionPath ?? '(no extension)', 'dist', 'evalProcess.js');
  const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((l) => l.includes(script)).map((l) => {
    const [pid, ppid] = l.trim().split(/\s+/).map(Number);
    return { pid, ppid };
  });
}

/** Alive and not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !stat.slice(stat.lastIndexOf(')') + 1).trim().startsWith('Z');
}

/** True when the process is an extension host (a Node process started with --type=extensionHost). */
function isExtensionHost(pid: number): boolean {
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  return cmdline.includes('extensionHost');
}

/** The run's journal ids, each line parsed (a line that does not parse fails, naming it), each with its prediction PNG. */
export async function journalIds(outDir: string): Promise<string[]> {
  const file = path.join(outDir, 'images.jsonl');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const ids = text.split('\n').filter((l) => l.trim() !== '').map((line, i) => {
    try {
      return (JSON.parse(line) as { id: string }).id;
    } catch {
      throw new Error(`${outDir}/images.jsonl line ${i + 1} does not parse: ${line.slice(0, 120)}`);
    }
  });
  assert.equal(new Set(ids).size, ids.length, `${outDir}/images.jsonl journals an image twice`);
  const missing = ids.filter((id) => !existsSync(path.join(outDir, 'pred', `${id}.png`)));
  assert.deepEqual(missing.slice(0, 5), [], `journalled images without their prediction PNG in ${outDir}/pred`);
  return ids;
}

/** The run's status in run.json. */
export async function runStatus(outDir: string): Promise<unknown> {
  const file = path.join(outDir, 'run.json');
  return (JSON.parse(existsSync(file) ? readFileSync(file, 'utf8') : '{}') as { status?: unknown }).status;
}

export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts an evaluation of the target without waiting for it. */
function startRun(target: LifetimeTarget): Promise<unknown> {
  const options = { model: target.model, outDir: target.outDir, openReport: false };
  return Promise.resolve(vscode.commands.executeCommand<unknown>('facegap.evaluateFolder', vscode.Uri.file(target.root), options));
}

/** What the driver needs to act on a run from outside. */
function runDetails(target: LifetimeTarget, from: number): Record<string, unknown> {
  return { outDir: target.outDir, from, images: target.images, hostPid: process.pid, title: `evaluating ${path.basename(target.model)} on ${path.basename(target.root)}` };
}

/** Step (h): a dataset panel closed mid-run, then the run cancelled from its notification (both by the driver). */
export async function cancelMidRun(sampleRoot: string, target: Omit<LifetimeTarget, 'images'>, facts: Record<string, unknown>): Promise<LifetimeTarget> {
  const images = await writeLargeDataset(sampleRoot, target.root);
  const full = { ...target, images };
  await fs.rm(full.outDir, { recursive: true, force: true });
  assert.equal(await vscode.commands.executeCommand<unknown>('facegap.openDataset', vscode.Uri.file(full.root)), full.root, 'the lifetime dataset opens');
  // The driver presses Cancel on the run's notification in the notification center (a toast may hide itself).
  await vscode.commands.executeCommand('notifications.showList');
  const { answer } = await postCheckpoint('cancelRun', { ...runDetails(full, 0), panelTitle: `Dataset: ${path.basename(full.root)}` }, 180_000);
  const pending = startRun(full);
  const [outcome, result] = await Promise.all([answer, pending]);
  if (outcome === 'skipped') return full;
  await vscode.commands.executeCommand('notifications.hideList');
  assert.equal(result, undefined, 'a cancelled evaluation resolves with no run folder');
  await waitFor(async () => (await runStatus(full.outDir)) === 'interrupted', `run.json of ${full.outDir} to say "interrupted"`, 15_000);
  const done = (await journalIds(full.outDir)).length;
  assert.ok(done > 0 && done < images, `a partial journal after the cancel: ${done} of ${images}`);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal((await journalIds(full.outDir)).length, done, 'the journal does not grow after the cancel');
  const after = evalProcesses().filter((p) => p.ppid === process.pid);
  assert.ok(after.length <= 1, `after the cancel at most one (idle) evaluation process under this extension host, found ${JSON.stringify(after)}`);
  facts.cancel = { images, journalled: done, childAfter: after.map((p) => p.pid) };
  return full;
}

/**
 * Step (i), before the reload: hands over to the suite after the reload (suite-state.json, written by `handOver`),
 * resumes the run, and waits while the driver reloads the window once the run journals again; never returns.
 */
export async function reloadMidRun(target: LifetimeTarget, handOver: (handover: ReloadHandover) => Promise<void>): Promise<never> {
  const from = (await journalIds(target.outDir)).length;
  await handOver({ target, hostPid: process.pid, journalBefore: from });
  const handoverFile = path.join(checkpointFolder() ?? '', 'reloadRun.json');
  const { answer } = await postCheckpoint('reloadRun', { ...runDetails(target, from), handoverFile }, 180_000);
  await Promise.all([answer, startRun(target)]);
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  throw new Error('the window was not reloaded within 60 s of the driver saying it would');
}

/** Step (i), after the reload: the old evaluation process is gone, nothing orphaned, and a rerun resumes from the journal. */
export async function afterReload(handover: ReloadHandover, seen: ReloadSeen, facts: Record<string, unknown>): Promise<void> {
  const { target, hostPid } = handover;
  const { childPid, journalAtReload } = seen;
  assert.notEqual(process.pid, hostPid, 'the suite runs in a new extension host after the reload');
  await waitFor(() => !isAlive(childPid), `the evaluation process ${childPid} of the reloaded window to exit (its extension host ${hostPid} is ${isAlive(hostPid) ? 'still alive' : 'gone'})`, 20_000);
  // Other test runs on this machine may have their own; an orphan is re-parented (to 1 or a subreaper), or still the old host's.
  const others = evalProcesses().filter((p) => p.ppid !== process.pid);
  const strays = others.filter((p) => p.ppid === hostPid || p.ppid === 1 || !isExtensionHost(p.ppid));
  assert.deepEqual(strays, [], `no evaluation process orphaned or left to the old extension host ${hostPid}`);
  await waitFor(async () => (await runStatus(target.outDir)) === 'interrupted', `run.json of ${target.outDir} to say "interrupted" (it says ${JSON.stringify(await runStatus(target.outDir))})`, 5_000);
  const journalled = (await journalIds(target.outDir)).length;
  assert.ok(journalled >= journalAtReload && journalled < target.images, `the journal after the reload: ${journalled} (at the reload ${journalAtReload}) of ${target.images}`);
  const runDir = await vscode.commands.executeCommand<unknown>('facegap.evaluateFolder', vscode.Uri.file(target.root), { model: target.model, outDir: target.outDir, openReport: false });
  assert.equal(runDir, target.outDir, `the rerun after the reload should resolve with ${target.outDir}, got ${JSON.stringify(runDir)}`);
  const record = JSON.parse(await fs.readFile(path.join(target.outDir, 'run.json'), 'utf8')) as { status?: unknown; summary?: { images?: unknown; counts?: { reused?: unknown } } };
  assert.equal(record.status, 'complete', 'the rerun completes the run');
  assert.equal(record.summary?.images, target.images, `the completed run scores all ${target.images} images`);
  assert.equal(record.summary?.counts?.reused, journalled, 'the rerun reuses exactly the images journalled before the reload');
  assert.equal((await journalIds(target.outDir)).length, target.images);
  facts.reload = { otherEvalProcesses: others.length, childPid, oldHostPid: hostPid, oldHostAlive: isAlive(hostPid), newHostPid: process.pid, journalAtReload, journalAfterReload: journalled, reused: record.summary?.counts?.reused };
}
