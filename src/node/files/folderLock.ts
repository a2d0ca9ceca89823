import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from './processAlive';

/** The lock file in a folder that one process at a time writes (a run folder). */
export const LOCK_FILE = 'run.lock';

/** What a lock file holds. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  /** Tells this lock from a later one of the same process id. */
  readonly token: string;
}

/** A held folder lock. */
export interface FolderLock {
  /** Says whose lock was taken over, when the folder's lock belonged to a process that is gone. */
  readonly note?: string;
  /** Removes the lock file, if it is still this lock's. */
  release(): Promise<void>;
}

/** Another live process holds the folder. */
export class FolderBusyError extends Error {}

/** Tokens of the locks this process holds, so that a lock left by an earlier process of the same id reads as stale. */
const held = new Set<string>();

/**
 * Locks a folder for this process: `run.lock` appears whole (written aside, then hard-linked into place, which fails
 * when the file exists) holding the process id, host and start time. A lock whose process is gone (killed) is taken
 * over; a live one's raises FolderBusyError naming the folder and the process.
 */
export async function lockFolder(dir: string): Promise<FolderLock> {
  const file = join(dir, LOCK_FILE);
  const mine: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  let note: string | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createWhole(file, `${JSON.stringify(mine)}\n`)) {
      held.add(mine.token);
      return { ...(note ? { note } : {}), release: () => release(file, mine.token) };
    }
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue; // released meanwhile
    const owner = parseOwner(text);
    if (owner && isLive(owner)) throw new FolderBusyError(busyMessage(dir, file, owner));
    if (await takeAway(file, text)) note = staleNote(file, owner);
  }
  throw new FolderBusyError(`could not lock ${dir}: other processes keep taking ${file}`);
}

/** Creates the file with its whole content, or returns false when it exists. */
async function createWhole(file: string, text: string): Promise<boolean> {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(aside, text, { flag: 'wx' });
  try {
    await fs.link(aside, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create, whose content a reader may find empty for a moment.
    return await fs.writeFile(file, text, { flag: 'wx' }).then(() => true, (e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? false : Promise.reject(e)));
  } finally {
    await fs.rm(aside, { force: true });
  }
}

/** Moves a stale lock out of the way; false when what was moved was not that lock (a newer one), which is put back. */
async function takeAway(file: string, staleText: string): Promise<boolean> {
  const moved = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.rename(file, moved);
  } catch {
    return false;
  }
  const text = await fs.readFile(moved, 'utf8').catch(() => undefined);
  if (text !== staleText) await fs.link(moved, file).catch(() => undefined);
  await fs.rm(moved, { force: true });
  return text === staleText;
}

async function release(file: string, token: string): Promise<void> {
  held.delete(token);
  const owner = parseOwner((await fs.readFile(file, 'utf8').catch(() => undefined)) ?? '');
  if (owner?.token === token) await fs.rm(file, { force: true });
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    const valid = Number.isSafeInteger(o.pid) && typeof o.host === 'string' && typeof o.startedAt === 'string' && typeof o.token === 'string';
    return valid ? (o as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the owner may still run; a process on another host cannot be checked and counts as live. */
function isLive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return held.has(owner.token);
  return isProcessAlive(owner.pid, new Date(owner.startedAt));
}

function busyMessage(dir: string, file: string, owner: LockOwner): string {
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
  return (
    `${dir} is in use by another facegap run (process ${owner.pid}${where}, since ${owner.startedAt}); ` +
    `wait for it to end or write to another folder. If no such run is going on, delete ${file}.`
  );
}

function staleNote(file: string, owner: LockOwner | undefined): string {
  const who = owner ? `process ${owner.pid} (since ${owner.startedAt})` : 'a process';
  return `took over ${file}: ${who} is no longer running; it was stopped before it could finish, and this run resumes its work`;
}
