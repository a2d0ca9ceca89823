import { readFileSync } from 'node:fs';

/**
 * Whether a process with this id exists on this machine (one owned by another user counts). Given `startedBy`, a
 * process that Linux says started after that moment is another one that reuses the id, and does not count.
 */
export function isProcessAlive(pid: number, startedBy?: Date): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startedBy ? linuxStartTime(pid) : undefined;
  return !(started && startedBy && started.getTime() > startedBy.getTime() + START_SLACK_MS);
}

/**
 * How much later than `startedBy` a process must have started to count as another one: generous, since the boot
 * time is in whole seconds and clock corrections move it, and taking a live run's lock is worse than refusing.
 */
const START_SLACK_MS = 60_000;

/** USER_HZ: the clock-tick unit of /proc/<pid>/stat, 100 on every Linux that Node supports. */
const TICKS_PER_SECOND = 100;

/** When a process started, from /proc; undefined off Linux or when it cannot be read. */
function linuxStartTime(pid: number): Date | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): the 22nd field overall is the start time.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootSeconds)) return undefined;
    return new Date((bootSeconds + ticks / TICKS_PER_SECOND) * 1000);
  } catch {
    return undefined;
  }
}
