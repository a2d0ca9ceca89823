import type { DatasetIndex } from '../../core/dataset/datasetIndex';
import type { EvalProgress, EvalProtocol } from '../../core/eval/evalTypes';
import type { EvalJob, EvalJobEvents, EvalJobRequests, EvalJobResult } from '../../protocol/evalJobMessages';
import type { RpcHandlers } from '../../protocol/rpc';
import { openDatasetFolder } from '../dataset/openDatasetFolder';
import { runEvaluation } from '../evaluation/runEvaluation';
import type { PredictionRequest } from '../evaluation/runEvaluation';
import { WorkerModelRunner } from '../inference/workerModelRunner';
import { createNodeAdapters } from '../nodeAdapters';
import { ProgressThrottle } from './progressThrottle';
import { runDiffJob } from './diffJobHandler';
import { runDistributionJob } from './distJobHandler';

/** What the evaluation process needs to serve jobs. */
export interface EvalJobContext {
  /** The bundled inference worker (dist/inferenceWorker.js). */
  readonly workerPath: string;
  readonly emit: (event: EvalJobEvents) => void;
}

/** Dataset problems listed one per log line before the rest are counted. */
const MAX_PROBLEM_LINES = 20;

/** The evaluation process's request handlers, and a way to wait until the jobs taken on have ended. */
export interface EvalJobService {
  readonly handlers: RpcHandlers<EvalJobRequests>;
  idle(): Promise<void>;
}

/** Serves 'evaluate', 'diff' and 'distribution' one job at a time, in arrival order, so two jobs never write one folder at once. */
export function createEvalJobService(context: EvalJobContext): EvalJobService {
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    handlers: {
      evaluate: ({ job }, ctx) => enqueue(() => runEvalJob(job, context, ctx.signal)),
      diff: ({ job }, ctx) => enqueue(() => runDiffJob(job, context.emit, ctx.signal)),
      distribution: ({ job }, ctx) => enqueue(() => runDistributionJob(job, context.emit, ctx.signal)),
    },
    idle: () => queue.then(() => undefined),
  };
}

/** Opens the job's dataset and evaluates its model into the job's run folder; an abort leaves the run resumable. */
export async function runEvalJob(job: EvalJob, context: EvalJobContext, signal: AbortSignal): Promise<EvalJobResult> {
  signal.throwIfAborted();
  // A cancelled job's late events would be mistaken for the next job's: nothing is emitted after the abort.
  const emit = (event: EvalJobEvents): void => void (signal.aborted || context.emit(event));
  const log = (line: string): void => emit({ type: 'log', line });
  const adapters = createNodeAdapters();
  const { registry, index, choice } = await openDatasetFolder(job.datasetRoot, { schema: job.schema }, adapters, signal);
  datasetLines(index, choice.schema.id, choice.reason).forEach(log);
  const runner = new WorkerModelRunner(context.workerPath);
  const throttle = new ProgressThrottle<EvalProgress>((p) => emit({ type: 'progress', ...p }));
  try {
    const result = await runEvaluation(
      { dataset: { index, schema: choice.schema, schemaReason: choice.reason }, prediction: predictionOf(job), protocol: protocolOf(job), outDir: job.outDir },
      { adapters, registry, runner: () => runner },
      { signal, onProgress: (p) => throttle.push(p), onReady: (facts) => emit({ type: 'ready', ...facts }) },
    );
    throttle.flush();
    result.summary.skipped.forEach((s) => log(`skipped ${s.file}: ${s.reason}`));
    result.warnings.forEach((w) => log(`warning: ${w}`));
    return { runDir: result.runDir, summary: result.summary, warnings: result.warnings };
  } finally {
    throttle.flush();
    await runner.dispose();
  }
}

function predictionOf(job: EvalJob): PredictionRequest {
  return {
    kind: 'model',
    modelPath: job.modelPath,
    specFile: job.specFile,
    preset: job.preset,
    specFlags: job.specFlags,
    executionProvider: job.executionProvider,
    threads: job.threads,
  };
}

function protocolOf(job: EvalJob): EvalProtocol {
  return { resolution: { kind: 'label' }, boundaryK: job.boundaryK, groups: [] };
}

/** What the output channel should say about the dataset before the run: layout, schema, problems. */
function datasetLines(index: DatasetIndex, schemaId: string, reason: string): string[] {
  const lines = [`dataset ${index.root}: ${index.formatTitle}, ${index.items.length} image(s), schema ${schemaId} (${reason})`];
  lines.push(...index.notes.map((n) => `note: ${n}`));
  lines.push(...index.problems.slice(0, MAX_PROBLEM_LINES).map((p) => `problem: ${p.file}: ${p.problem}`));
  const more = index.problems.length - MAX_PROBLEM_LINES;
  if (more > 0) lines.push(`problem: … and ${more} more (facegap info lists them all)`);
  return lines;
}
