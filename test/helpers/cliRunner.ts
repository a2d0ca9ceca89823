import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The repository root. */
export const REPO = path.join(__dirname, '../..');

/**
 * The bundled CLI, so the tests run what users run. scripts/runTests.mjs builds dist/ once before the test files start
 * (FACEGAP_DIST_BUILT=1): rebuilding it here while another test file runs dist/cli.js or its inference worker would
 * hand that test a half-written bundle. A test file run on its own builds it.
 */
export function builtCli(): string {
  if (process.env.FACEGAP_DIST_BUILT !== '1') {
    const result = spawnSync(process.execPath, [path.join(REPO, 'esbuild.mjs')], { cwd: REPO, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`esbuild failed: ${result.stderr}`);
  }
  return path.join(REPO, 'dist', 'cli.js');
}

/** What a finished CLI run printed. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI to completion. */
export function runCli(cli: string, args: readonly string[], cwd = REPO): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
