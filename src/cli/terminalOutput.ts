/** Where a command writes: results to stdout, messages and progress to stderr. */
export interface TerminalOutput {
  /** Writes a line of results to stdout. */
  out(line: string): void;
  /** Writes a message line to stderr. */
  err(line: string): void;
  /** Whether stderr is an interactive terminal (progress bars are drawn only there). */
  readonly interactive: boolean;
  /** Rewrites the current stderr line (progress); a no-op unless interactive. */
  status(line: string): void;
}

/** The process's own stdout and stderr. */
export function processOutput(): TerminalOutput {
  let statusShown = false;
  const clearStatus = (): void => {
    if (statusShown) process.stderr.write('\r\x1b[2K');
    statusShown = false;
  };
  return {
    out: (line) => {
      clearStatus();
      process.stdout.write(`${line}\n`);
    },
    err: (line) => {
      clearStatus();
      process.stderr.write(`${line}\n`);
    },
    interactive: process.stderr.isTTY === true,
    status: (line) => {
      if (!process.stderr.isTTY) return;
      process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`);
      statusShown = true;
    },
  };
}

/** Formats a fraction as a percentage with one decimal, or "–" when absent. */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)}%`;
}

/** Formats a score 0–1 with four decimals, or "–" when absent. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(4);
}

/** Lays out rows as left-aligned text columns (numbers right-aligned). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-–−\d.,%×]+$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
