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
