// The extensionTestsPath module for the code-server harness (bundled to .facegap-tmp/e2e/suite.js by build.mjs): runs
// every scenario step, keeps going after a failed step where later steps can still run, writes suite-result.json for
// the driver and throws when any step failed (the workbench then exits with code 1).
// The last step reloads the window mid-run (suite/lifetimeStep.ts): it writes suite-state.json (the results and state
// so far, and what the reload must leave behind), resumes a run, and the driver reloads the window once the run
// journals again (writing reloadRun.json: the evaluation process it saw); the reloaded workbench runs this module again
// in a new extension host, which finds suite-state.json and runs only the checks after the reload.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkpointFolder } from './checkpoint';
import { afterReload, reloadMidRun, type ReloadHandover, type ReloadSeen } from './lifetimeStep';
import { need, newScenarioState, scenarioSteps, type ScenarioState, type ScenarioStep } from './scenario';

interface StepResult {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly error?: string;
}

/** What the suite before the reload hands to the suite after it. */
interface SavedSuite {
  readonly state: ScenarioState;
  readonly results: StepResult[];
  readonly handover: ReloadHandover;
  readonly reloadedAt: number;
}

const STATE_FILE = 'suite-state.json';
const RELOAD_STEP = '(i) the window reloaded mid-run: the evaluation process dies with its extension host, nothing is orphaned, a rerun resumes from the journal';

export async function run(): Promise<void> {
  const out = checkpointFolder();
  const saved = out ? await readSaved(out) : undefined;
  const state = saved?.state ?? newScenarioState();
  const results: StepResult[] = saved?.results ?? [];
  if (saved) {
    log(`resumed after the window reload (${((Date.now() - saved.reloadedAt) / 1000).toFixed(1)} s)`);
    const seen = JSON.parse(await fs.readFile(path.join(out!, 'reloadRun.json'), 'utf8').catch(() => '{}')) as ReloadSeen;
    await runStep({ name: RELOAD_STEP, run: () => afterReload(saved.handover, seen, state.facts) }, state, results, saved.reloadedAt);
  } else {
    for (const step of scenarioSteps) await runStep(step, state, results);
    // Only with the driver: the reload restarts this module, which needs suite-state.json to know where it was.
    if (out) await runStep({ name: RELOAD_STEP, run: (s) => reloadStep(s, results, out) }, state, results);
    // Still here after a reload that happened late: the suite after the reload owns the result.
    if (out && existsSync(path.join(out, `${STATE_FILE}.used`))) return;
  }
  if (out) await fs.writeFile(path.join(out, 'suite-result.json'), JSON.stringify({ steps: results, facts: state.facts }, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} steps failed:\n${failed.map((f) => `  ${f.name}: ${f.error}`).join('\n')}`);
}

async function runStep(step: ScenarioStep, state: ScenarioState, results: StepResult[], started = Date.now()): Promise<void> {
  log(`▶ ${step.name}`);
  try {
    await step.run(state);
    results.push({ name: step.name, ok: true, seconds: (Date.now() - started) / 1000 });
    log(`✔ ${step.name}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.push({ name: step.name, ok: false, seconds: (Date.now() - started) / 1000, error: message });
    log(`✘ ${step.name}: ${message}`);
  }
}

/** Resumes the run of step (h) and reloads the window once it journals again; suite-state.json carries on from there. */
async function reloadStep(state: ScenarioState, results: StepResult[], out: string): Promise<void> {
  const target = need(state.lifetime, 'the lifetime run from step (h)');
  await reloadMidRun(target, async (handover) => {
    const saved: SavedSuite = { state, results, handover, reloadedAt: Date.now() };
    await fs.writeFile(path.join(out, `${STATE_FILE}.tmp`), JSON.stringify(saved));
    await fs.rename(path.join(out, `${STATE_FILE}.tmp`), path.join(out, STATE_FILE));
    log(`resuming the run (journal at ${handover.journalBefore} of ${target.images}); the driver reloads the window once it journals again`);
  });
}

/** The saved suite, read once: the file is removed so that a further reload starts afresh. */
async function readSaved(out: string): Promise<SavedSuite | undefined> {
  const file = path.join(out, STATE_FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  await fs.rename(file, path.join(out, `${STATE_FILE}.used`));
  return JSON.parse(text) as SavedSuite;
}

function log(line: string): void {
  console.log(`[facegap-e2e] ${line}`);
}
