import type { EvalProgress } from '../../core/eval/evalTypes';
import type { DistJob, DistJobResult, EvalJobEvents } from '../../protocol/evalJobMessages';
import { runDistribution, type DistRequest } from '../distribution/runDistribution';
import { createNodeAdapters } from '../nodeAdapters';
import { ProgressThrottle } from './progressThrottle';

/** Compares two datasets' distributions into the job's folder, with throttled progress and log lines; an abort leaves it resumable. */
export async function runDistributionJob(job: DistJob, emitEvent: (event: EvalJobEvents) => void, signal: AbortSignal): Promise<DistJobResult> {
  signal.throwIfAborted();
  // A cancelled job's late events would be mistaken for the next job's: nothing is emitted after the abort.
  const emit = (event: EvalJobEvents): void => void (signal.aborted || emitEvent(event));
  const throttle = new ProgressThrottle<EvalProgress>((p) => emit({ type: 'progress', ...p }));
  emit({ type: 'log', line: `distribution: A = ${job.a.path}; B = ${job.b.path}${job.features ? `; features from ${job.features.model}` : ''} → ${job.outDir}` });
  try {
    const record = await runDistribution(distRequest(job), createNodeAdapters(), { signal, onProgress: (p) => throttle.push(p) });
    throttle.flush();
    record.skipped.forEach((s) => emit({ type: 'log', line: `skipped (${s.side}) ${s.file}: ${s.reason}` }));
    record.notes.forEach((line) => emit({ type: 'log', line }));
    return { dir: job.outDir, record };
  } finally {
    throttle.flush();
  }
}

/** The job as runDistribution takes it, without the options the job leaves out. */
function distRequest(job: DistJob): DistRequest {
  return {
    a: job.a,
    b: job.b,
    outDir: job.outDir,
    ...(job.features === undefined ? {} : { features: job.features }),
    ...(job.matchSize === undefined ? {} : { matchSize: job.matchSize }),
    ...(job.run === undefined ? {} : { run: job.run }),
    ...(job.executionProvider === undefined ? {} : { executionProvider: job.executionProvider }),
  };
}
