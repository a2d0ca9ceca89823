/** A mistake in how the command was called; printed with a hint and exit code 2. */
export class UsageError extends Error {}

/** Exit codes of the facegap command. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
