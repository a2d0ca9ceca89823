import { confusionCsv, confusionRecord, buildEvalSummary } from '../../core/eval/evalReport';
import type { EvalSummary } from '../../core/eval/evalReport';
import type { EvalDataset, EvalProgress, EvalProtocol, EvalRunOptions } from '../../core/eval/evalTypes';
import { evaluateDataset } from '../../core/eval/evaluateDataset';
import type { EvalOutcome } from '../../core/eval/evaluateDataset';
import { FolderPredictions } from '../../core/eval/folderPredictions';
import { ModelPredictions } from '../../core/eval/modelPredictions';
import type { PredictionSource } from '../../core/eval/predictionSource';
import type { RunRecord } from '../../core/eval/runRecord';
import { finishRecord, startRecord } from '../../core/eval/runRecord';
import { RUN_FILES, RunLayout } from '../../core/eval/runLayout';
import { finishedShard, runShard } from '../../core/eval/runShard';
import { nanLogitsWarning } from '../../core/model/nanLogitsWarning';
import type { ModelRunner } from '../../core/ports/modelRunner';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { errorMessage } from '../../core/util/errors';
import { shardItems, type ShardSpec } from '../../core/util/shards';
import { environmentInfo } from '../environmentInfo';
import { inLockedFolder } from '../files/lockedFolder';
import type { NodeAdapters } from '../nodeAdapters';
import type { ModelRequest } from './openModelPredictions';
import { openModelPredictions } from './openModelPredictions';

/** Where predictions come from. */
export type PredictionRequest =
  | ({ readonly kind: 'model' } & ModelRequest)
  | { readonly kind: 'folder'; readonly folder: string; readonly schema?: string };

/** One evaluation, fully described. */
export interface EvaluationRequest {
  readonly dataset: EvalDataset;
  readonly prediction: PredictionRequest;
  readonly protocol: EvalProtocol;
  readonly outDir: string;
  /** Only this shard of the dataset's items (`--shard i/n`); run.json records it for `facegap merge`. */
  readonly shard?: ShardSpec;
}

/** What an evaluation produced and what the user should be told. */
export interface EvaluationResult {
  readonly summary: EvalSummary;
  readonly runDir: string;
  readonly warnings: readonly string[];
}

/** Hooks for progress and interruption. */
export interface EvaluationHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: EvalProgress) => void;
  /** Told once the predictions are ready (e.g. which execution provider runs). */
  readonly onReady?: (facts: { executionProvider: string | null; warnings: readonly string[] }) => void;
}

/**
 * Runs an evaluation into a run folder: run.json, images.jsonl, confusion.json/.csv and pred/*.png. The folder is
 * locked for the run (run.lock), so two runs never write it at once; run.json is written last, so a run.json that
 * says complete always comes with its other files.
 */
export async function runEvaluation(
  request: EvaluationRequest,
  deps: { adapters: NodeAdapters; registry: SchemaRegistry; runner: () => ModelRunner },
  hooks: EvaluationHooks = {},
): Promise<EvaluationResult> {
  const { source, model } = await openSource(request, deps);
  try {
    await deps.adapters.store.makeDir(request.outDir);
    return await inLockedFolder(request.outDir, (note) => {
      const provider = model?.executionProvider ?? null;
      const warnings = [...(note ? [`note: ${note}`] : []), ...(model ? fallbackWarnings(model, request.prediction) : [])];
      hooks.onReady?.({ executionProvider: provider, warnings });
      return evaluateLocked(request, source, { provider, model, adapters: deps.adapters }, hooks);
    });
  } finally {
    await model?.close();
  }
}

async function evaluateLocked(
  request: EvaluationRequest,
  source: PredictionSource,
  run: { provider: string | null; model: ModelPredictions | undefined; adapters: NodeAdapters },
  hooks: EvaluationHooks,
): Promise<EvaluationResult> {
  const { adapters, provider } = run;
  const layout = new RunLayout(request.outDir);
  const items = request.shard ? shardItems(request.dataset.index.items, request.shard) : undefined;
  const started = startRecord(request.dataset, source.describe(), provider, request.protocol, { ...environmentInfo() }, new Date());
  const record = request.shard && items ? { ...started, shard: runShard(request.shard, items.length) } : started;
  await writeJson(adapters, layout.file(RUN_FILES.run), record);
  const outcome = await evaluateWithRecord(request, source, adapters, hooks, layout, record, items);
  const summary = buildEvalSummary(outcome, request.dataset, request.protocol, provider);
  const finished = finishRecord(record, summary, timingsOf(outcome, run.model), new Date());
  const shard = finished.shard && finishedShard(finished.shard, request.dataset.schema, request.protocol, outcome.crosswalk);
  await writeJson(adapters, layout.file(RUN_FILES.confusion), confusionRecord(outcome.matrix, request.dataset.schema));
  await adapters.store.writeAtomic(layout.file(RUN_FILES.confusionCsv), confusionCsv(outcome.matrix, request.dataset.schema));
  await writeJson(adapters, layout.file(RUN_FILES.run), shard ? { ...finished, shard } : finished);
  const warnings = outcome.journalBadLines > 0 ? [`${outcome.journalBadLines} unreadable line(s) in an earlier images.jsonl were ignored and their images scored again`] : [];
  const nan = request.prediction.kind === 'model' ? nanLogitsWarning(outcome.results, request.prediction.modelPath) : undefined;
  return { summary, runDir: request.outDir, warnings: nan ? [...warnings, nan] : warnings };
}

/** Opens the prediction source; `model` is set when FaceGap runs a model (and must be closed). */
async function openSource(
  request: EvaluationRequest,
  deps: { adapters: NodeAdapters; registry: SchemaRegistry; runner: () => ModelRunner },
): Promise<{ source: PredictionSource; model?: ModelPredictions }> {
  const p = request.prediction;
  if (p.kind === 'folder') {
    const schema = p.schema ? deps.registry.get(p.schema) : request.dataset.schema;
    return { source: await FolderPredictions.open(p.folder, schema, deps.adapters) };
  }
  const model = (await openModelPredictions(p, deps.runner(), deps.registry, deps.adapters)).predictions;
  return { source: model, model };
}

async function evaluateWithRecord(
  request: EvaluationRequest,
  source: PredictionSource,
  adapters: NodeAdapters,
  hooks: EvaluationHooks,
  layout: RunLayout,
  record: RunRecord,
  items: EvalRunOptions['items'],
): Promise<EvalOutcome> {
  try {
    const options = { outDir: request.outDir, signal: hooks.signal, onProgress: hooks.onProgress, items };
    return await evaluateDataset(request.dataset, source, request.protocol, adapters, options);
  } catch (error) {
    await writeJson(adapters, layout.file(RUN_FILES.run), { ...record, status: 'failed', finishedAt: new Date().toISOString(), error: errorMessage(error) });
    throw error;
  }
}

/** Says which providers could not run; for --ep auto a missing accelerator is expected, so the note is short. */
function fallbackWarnings(model: ModelPredictions, request: PredictionRequest): string[] {
  if (request.kind === 'model' && request.executionProvider === 'auto') {
    const tried = model.fallbacks.map((f) => f.provider).join(', ');
    return tried ? [`note: ${tried} not available on this machine; running on ${model.executionProvider} (why: run.json, predictions.providerFallbacks)`] : [];
  }
  return model.fallbacks.map((f) => `warning: execution provider ${f.provider} is not available: ${f.error}; running on ${model.executionProvider}`);
}

function timingsOf(outcome: EvalOutcome, model: ModelPredictions | undefined): Record<string, number> {
  const timings: Record<string, number> = { wallSeconds: outcome.wallSeconds };
  if (model) {
    const { decodeSeconds, runSeconds, postprocessSeconds, batches } = model.timings;
    Object.assign(timings, { decodeSeconds, inferenceSeconds: runSeconds, postprocessSeconds, batches });
  }
  const fresh = outcome.counts.scored - outcome.counts.reused;
  if (outcome.wallSeconds > 0) timings.imagesPerSecond = fresh / outcome.wallSeconds;
  return timings;
}

async function writeJson(adapters: NodeAdapters, path: string, value: unknown): Promise<void> {
  await adapters.store.writeAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
