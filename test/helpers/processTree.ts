import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';

/** A running process: its id and command line. */
export interface ProcessEntry {
  readonly pid: number;
  readonly args: string;
}

/** Every live descendant of a process (children, their children, …), from `ps`; zombies are left out. */
export function descendants(root = process.pid): ProcessEntry[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), zombie: m[3].startsWith('Z'), args: m[4] }));
  const found: ProcessEntry[] = [];
  const walk = (parent: number): void => {
    for (const row of rows.filter((r) => r.ppid === parent)) {
      if (!row.zombie) found.push({ pid: row.pid, args: row.args });
      walk(row.pid);
    }
  };
  walk(root);
  return found;
}

/** Whether no process with this id exists. */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Polls until the condition holds; fails naming what was awaited after timeoutMs (a hang guard, not a speed check). */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
