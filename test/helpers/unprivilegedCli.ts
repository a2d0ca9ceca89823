import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, type CliResult } from './cliRunner';

/** The uid and gid of "nobody", which root can drop to. */
const NOBODY = 65534;

/**
 * Whether the CLI runs as nobody: root (as in CI containers) reads chmod-000 files anyway, so a test of an unreadable
 * file only means something after dropping to an unprivileged user. Undefined when not root, or when root cannot drop
 * (no CAP_SETUID, or a checkout nobody cannot read).
 */
export function cliUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  // Nobody must also reach the bundle and the native modules: a checkout under a private home folder would not do.
  const probe = `require('fs').accessSync(${JSON.stringify(path.join(REPO, 'dist', 'cli.js'))}); require('sharp'); require('onnxruntime-node')`;
  dropsToNobody ??= spawnSync(process.execPath, ['-e', probe], { uid: NOBODY, gid: NOBODY, cwd: REPO }).status === 0;
  return dropsToNobody ? { uid: NOBODY, gid: NOBODY } : undefined;
}

let dropsToNobody: boolean | undefined;

/** Whether a chmod-000 file is unreadable to the CLI as cliUser() runs it. */
export function unreadableWorks(): boolean {
  return process.getuid?.() !== 0 || cliUser() !== undefined;
}

/** Lets nobody read a test folder and write inside it; files chmod 000 stay unreadable. */
export function shareWithNobody(dir: string): void {
  fs.chmodSync(dir, 0o777);
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        fs.chmodSync(p, 0o777);
        walk(p);
      } else if (e.isFile() && (fs.statSync(p).mode & 0o777) !== 0) fs.chmodSync(p, 0o644);
    }
  };
  walk(dir);
}

/** Runs the CLI to completion as cliUser() (or as the current user), with the exit signal kept. */
export function runCliAs(cli: string, args: readonly string[], cwd = REPO): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const user = cliUser();
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' }, ...user });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Asserts a run ended by itself with `code`: no signal, no stack trace, no internal error. */
export function assertCleanExit(result: CliResult & { signal?: NodeJS.Signals | null }, code: number, what: string): void {
  const context = `${what}\nexit ${result.code}${result.signal ? ` (${result.signal})` : ''}\nstderr:\n${result.stderr}`;
  if (result.signal) throw new Error(`killed by a signal: ${context}`);
  if (result.code !== code) throw new Error(`expected exit ${code}: ${context}`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(result.stderr) || /internal error/.test(result.stderr)) throw new Error(`stack trace or internal error: ${context}`);
}
