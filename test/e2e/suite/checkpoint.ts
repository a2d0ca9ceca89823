// Checkpoints hand control to the driver (test/e2e/runE2E.mjs) so it can look at the webviews with Playwright:
// the suite writes <FACEGAP_E2E_OUT>/<name>.request and waits for <name>.done ("ok" or why the check failed).
// Without FACEGAP_E2E_OUT (desktop VS Code through @vscode/test-cli) a checkpoint does nothing.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** How long the suite waits for the driver's answer; the driver gives up on a view earlier and says why. */
const CHECKPOINT_TIMEOUT_MS = 90_000;
const POLL_MS = 200;

/** The driver's output folder, or undefined when no driver is watching. */
export function checkpointFolder(): string | undefined {
  return process.env.FACEGAP_E2E_OUT || undefined;
}

/** Asks the driver to check (and photograph) a view; resolves when it answers "ok", throws with its reason otherwise. */
export async function checkpoint(name: string, details: Record<string, unknown> = {}): Promise<'skipped' | 'ok'> {
  return (await postCheckpoint(name, details)).answer;
}

/**
 * Writes the request and returns at once with the answer to come: for a checkpoint the driver must act on while the
 * suite starts something (it then watches from outside, e.g. a run's journal, while this extension host is busy).
 */
export async function postCheckpoint(name: string, details: Record<string, unknown> = {}, timeoutMs = CHECKPOINT_TIMEOUT_MS): Promise<{ answer: Promise<'skipped' | 'ok'> }> {
  const dir = checkpointFolder();
  if (!dir) return { answer: Promise.resolve('skipped') };
  const done = path.join(dir, `${name}.done`);
  await fs.rm(done, { force: true });
  // Written whole, then renamed: the driver reads the request's details as soon as the name appears.
  const request = path.join(dir, `${name}.request`);
  await fs.writeFile(`${request}.tmp`, JSON.stringify({ name, at: new Date().toISOString(), ...details }));
  await fs.rename(`${request}.tmp`, request);
  return { answer: awaitAnswer(name, done, timeoutMs) };
}

async function awaitAnswer(name: string, done: string, timeoutMs: number): Promise<'ok'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await fs.readFile(done, 'utf8').catch(() => undefined);
    if (answer !== undefined) {
      if (answer.trim() === 'ok') return 'ok';
      throw new Error(`checkpoint "${name}": the driver reported: ${answer.trim() || '(empty answer)'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`checkpoint "${name}": no answer from the driver within ${timeoutMs / 1000} s (${done} never appeared)`);
}
