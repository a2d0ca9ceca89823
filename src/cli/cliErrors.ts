/** A mistake in how the command was called; printed with a hint and exit code 2. */
export class UsageError extends Error {}

/** Reads a whole-number option (digits only) within min..max, or throws a UsageError naming the option. */
export function wholeNumberOption(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

/** Exit codes of the facegap command. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** Reads `--shard i/n` (i counts from 1), or throws a UsageError saying what is wrong; undefined when not given. */
export function shardOption(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new UsageError(`--shard must be i/n, e.g. 2/8 for the second of 8 shards, got "${text}"`);
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1 || count > 100_000) throw new UsageError(`--shard ${text}: n must be a whole number from 1 to 100000`);
  if (index < 1 || index > count) {
    const zeroBased = index === 0 ? ' (a 0-based index such as JOB_COMPLETION_INDEX needs +1)' : '';
    throw new UsageError(`--shard ${text}: i counts from 1 to n = ${count}${zeroBased}`);
  }
  return { index, count };
}
