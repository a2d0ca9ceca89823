import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** How a run that was to be killed ended. */
export interface KilledRun {
  /** Whether SIGKILL reached the process before it exited on its own. */
  readonly killed: boolean;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** File-system events seen in the watched folder before the kill. */
  readonly events: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Decides on each file-system event (counted from 1, with the file's name) whether to kill now. */
export type KillRule = (event: number, file: string) => boolean;

/** Kills on the n-th event; 0 kills right after the spawn, before the process can write anything. */
export const atEvent = (n: number): KillRule => (event) => event >= n;

/** Kills on the n-th event after files named with each prefix have shown up in turn (0: on the last one's event). */
export function afterFiles(prefixes: readonly string[], n: number): KillRule {
  let next = 0;
  let seenAt: number | undefined;
  return (event, file) => {
    if (next < prefixes.length && file.startsWith(prefixes[next]!) && ++next === prefixes.length) seenAt = event;
    return seenAt !== undefined && event - seenAt >= n;
  };
}

/** Kills once `file` holds at least n newline-ended lines (checked on each event, so a little later). */
export function atLines(file: string, n: number): KillRule {
  return () => {
    try {
      return fs.readFileSync(file, 'utf8').split('\n').length - 1 >= n;
    } catch {
      return false;
    }
  };
}

/**
 * Runs `node args…` and SIGKILLs it when `rule` says so on a file-system event in `watchDir` (created if missing).
 * Events are creations, renames and appends of the folder's own files (run.json's temporary file, each journal
 * append, …), so the kill point moves through the run with the rule's numbers, whatever the machine's speed. A run
 * that ends first is let be (killed false); `never` counts the events of a whole run.
 */
export function runAndKill(args: readonly string[], watchDir: string, rule: KillRule): Promise<KilledRun> {
  fs.mkdirSync(watchDir, { recursive: true });
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let events = 0;
  let killed = false;
  const kill = (): void => {
    if (!killed && child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
  };
  const watcher = fs.watch(watchDir, (_type, file) => {
    events++;
    if (rule(events, file ?? '')) kill();
  });
  if (rule(0, '')) kill();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      watcher.close();
      resolve({ killed: killed && signal === 'SIGKILL', code, signal, events, stdout, stderr });
    });
  });
}

/** A rule that never kills. */
export const never: KillRule = () => false;
