import type { EvalProgress } from '../../core/eval/evalTypes';

/** "34/120 · 5.2 img/s · 17 s left · 2 skipped": what a progress notification says about an evaluation. */
export function progressMessage(p: EvalProgress): string {
  const parts = [`${p.done}/${p.total}`];
  const fresh = p.done - p.reused;
  if (p.elapsedSeconds > 0 && fresh > 0) {
    const rate = fresh / p.elapsedSeconds;
    parts.push(`${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)} img/s`);
    const left = (p.total - p.done) / rate;
    if (p.done < p.total) parts.push(`${formatDuration(left)} left`);
  }
  if (p.reused > 0) parts.push(`${p.reused} reused`);
  if (p.skipped > 0) parts.push(`${p.skipped} skipped`);
  return parts.join(' · ');
}

/** 42 s, 3 min 05 s, 1 h 02 min. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
