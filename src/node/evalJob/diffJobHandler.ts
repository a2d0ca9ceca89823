import type { EvalProgress } from '../../core/eval/evalTypes';
import type { DiffJob, DiffJobResult, EvalJobEvents } from '../../protocol/evalJobMessages';
import { runDiff } from '../diff/runDiff';
import { createNodeAdapters } from '../nodeAdapters';
import { ProgressThrottle } from './progressThrottle';

/** Computes one label diff into the job's folder, with throttled progress and log lines; an abort leaves it resumable. */
export async function runDiffJob(job: DiffJob, emitEvent: (event: EvalJobEvents) => void, signal: AbortSignal): Promise<DiffJobResult> {
  signal.throwIfAborted();
  // A cancelled job's late events would be mistaken for the next job's: nothing is emitted after the abort.
  const emit = (event: EvalJobEvents): void => void (signal.aborted || emitEvent(event));
  const throttle = new ProgressThrottle<EvalProgress>((p) => emit({ type: 'progress', ...p }));
  emit({ type: 'log', line: `diff: A = ${job.a.kind} ${job.a.path}; B = ${job.b.kind} ${job.b.path} → ${job.outDir}` });
  try {
    const request = { a: job.a, b: job.b, protocol: job.protocol, outDir: job.outDir, ...(job.mappingFile === undefined ? {} : { mappingFile: job.mappingFile }) };
    const record = await runDiff(request, createNodeAdapters(), { signal, onProgress: (p) => throttle.push(p) });
    throttle.flush();
    record.skipped.forEach((s) => emit({ type: 'log', line: `skipped ${s.id}: ${s.reason}` }));
    [...record.sizeNotes, ...(record.pictureNotes ?? [])].forEach((line) => emit({ type: 'log', line }));
    return { dir: job.outDir, record };
  } finally {
    throttle.flush();
  }
}
