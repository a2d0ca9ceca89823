// Runs a Node script (the built CLI, or a bench child) in its own process and measures it from outside: wall time from
// spawn to exit, and the child's peak RSS, which a preloaded module (maxRss.mjs) writes to a file when it exits.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = path.join(__dirname, '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
const RSS_PRELOAD = pathToFileURL(path.join(__dirname, 'maxRss.mjs')).href;

/** One measured child process. */
export interface ChildRun {
  /** Spawn to exit, seconds (includes Node's start and module loading). */
  readonly seconds: number;
  /** Peak resident set size of the child, KiB; undefined when it could not be read. */
  readonly maxRssKiB: number | undefined;
  readonly stdout: string;
}

/** Runs `node [nodeArgs] script args` and resolves when it exits 0; rejects with the tail of its stderr otherwise. */
export function runNode(script: string, args: readonly string[], options: { nodeArgs?: readonly string[]; scratch: string }): Promise<ChildRun> {
  const rssFile = path.join(options.scratch, `rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', RSS_PRELOAD, ...(options.nodeArgs ?? []), script, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FACEGAP_BENCH_RSS_FILE: rssFile },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => {
      const seconds = (performance.now() - started) / 1000;
      const maxRssKiB = readRss(rssFile);
      if (code !== 0) {
        const tail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-15).join('\n');
        reject(new Error(`${path.relative(REPO, script)} ${args.join(' ')} failed (${sig ?? `exit ${code}`}):\n${tail}`));
        return;
      }
      resolve({ seconds, maxRssKiB, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

/** Runs the built CLI (dist/cli.js), with --no-progress unless `progressFlag` is false (commands without one). */
export function runCli(args: readonly string[], scratch: string, progressFlag = true): Promise<ChildRun> {
  return runNode(CLI, progressFlag ? [...args, '--no-progress'] : args, { scratch });
}

/** Runs a TypeScript bench child through tsx. */
export function runTsChild(script: string, args: readonly string[], scratch: string): Promise<ChildRun> {
  return runNode(script, args, { nodeArgs: ['--import', 'tsx'], scratch });
}

function readRss(file: string): number | undefined {
  try {
    const value = (JSON.parse(fs.readFileSync(file, 'utf8')) as { maxRssKiB?: unknown }).maxRssKiB;
    fs.rmSync(file, { force: true });
    return typeof value === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a JSON file. */
export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
