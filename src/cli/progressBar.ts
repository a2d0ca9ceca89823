import type { TerminalOutput } from './terminalOutput';

/** Draws "[#####     ] 120/500  12.3 img/s  0:32 left" on an interactive stderr, at most ten times a second. */
export class ProgressBar {
  private lastDraw = 0;

  constructor(
    private readonly output: TerminalOutput,
    private readonly label: string,
    private readonly now: () => number = () => performance.now() / 1000,
  ) {}

  /** Updates the bar; `rateCount` is the part of `done` that counts towards the rate (e.g. not reused results). */
  update(done: number, total: number, elapsedSeconds: number, rateCount = done, extra = ''): void {
    const t = this.now();
    if (done < total && t - this.lastDraw < 0.1) return;
    this.lastDraw = t;
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const rate = elapsedSeconds > 0 ? rateCount / elapsedSeconds : 0;
    const left = rate > 0 ? formatDuration((total - done) / rate) : '–';
    const bar = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`;
    this.output.status(`${this.label} ${bar} ${done}/${total}  ${rate.toFixed(1)} img/s  ${left} left${extra ? `  ${extra}` : ''}`);
  }
}

/** Formats seconds as m:ss or h:mm:ss. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
