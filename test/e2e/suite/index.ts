// The extensionTestsPath module for the code-server harness (bundled to .facegap-tmp/e2e/suite.js by build.mjs): runs
// every scenario step, keeps going after a failed step where later steps can still run, writes suite-result.json for
// the driver and throws when any step failed (the workbench then exits with code 1).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkpointFolder } from './checkpoint';
import { newScenarioState, scenarioSteps } from './scenario';

interface StepResult {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly error?: string;
}

export async function run(): Promise<void> {
  const state = newScenarioState();
  const results: StepResult[] = [];
  for (const step of scenarioSteps) {
    const started = Date.now();
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
  const out = checkpointFolder();
  if (out) await fs.writeFile(path.join(out, 'suite-result.json'), JSON.stringify({ steps: results, facts: state.facts }, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} steps failed:\n${failed.map((f) => `  ${f.name}: ${f.error}`).join('\n')}`);
}

function log(line: string): void {
  console.log(`[facegap-e2e] ${line}`);
}
