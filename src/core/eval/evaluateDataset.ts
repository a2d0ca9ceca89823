import type { DatasetItem } from '../dataset/datasetIndex';
import { ConfusionMatrix } from '../metrics/confusionMatrix';
import { buildCrosswalk } from '../schema/crosswalk';
import type { Crosswalk } from '../schema/crosswalk';
import { resolveMapping } from '../schema/mappingJson';
import { isAbortError } from '../util/errors';
import type { EvalDataset, EvalDeps, EvalProtocol, EvalRunOptions, SkippedItem } from './evalTypes';
import { classCountOf } from './itemScoring';
import type { PreparationContext, PreparedItem, ReusedItem } from './itemPreparation';
import { prepareItem } from './itemPreparation';
import type { PredictionSource } from './predictionSource';
import { predictChunk, readyChunk, scoreChunk, type PredictedChunk, type ReadyChunk } from './chunkScoring';
import type { ImageResult } from './runJournal';
import { journalLine, readJournal } from './runJournal';
import { skippedFrom } from './skippedItem';
import { RUN_FILES, RunLayout } from './runLayout';

/** Items prepared together; the chunks ahead are read while the current one is predicted. */
const CHUNK_SIZE = 16;
/** Chunks prepared ahead of the one being predicted. */
const LOOKAHEAD = 2;

/** What an evaluation produced. */
export interface EvalOutcome {
  readonly status: 'complete' | 'interrupted';
  /** Results of every scored item, in dataset order. */
  readonly results: readonly ImageResult[];
  readonly skipped: readonly SkippedItem[];
  readonly matrix: ConfusionMatrix;
  readonly tolerantMatrix?: ConfusionMatrix;
  readonly crosswalk: Crosswalk;
  readonly counts: { readonly total: number; readonly scored: number; readonly reused: number; readonly skipped: number };
  readonly wallSeconds: number;
  /** Unreadable lines found in an earlier journal (a torn last line after a crash is normal). */
  readonly journalBadLines: number;
}

/** Scores every item of a dataset against a prediction source, journaling each result so an interrupted run resumes. */
export async function evaluateDataset(
  dataset: EvalDataset,
  source: PredictionSource,
  protocol: EvalProtocol,
  deps: EvalDeps & { now: () => number },
  options: EvalRunOptions,
): Promise<EvalOutcome> {
  const started = deps.now();
  const layout = new RunLayout(options.outDir);
  await deps.store.makeDir(options.outDir);
  const journalPath = layout.file(RUN_FILES.journal);
  const journal = readJournal(new TextDecoder().decode((await deps.store.readIfExists(journalPath)) ?? new Uint8Array()));
  const overrides = protocol.mapping ? resolveMapping(protocol.mapping, source.schema, dataset.schema) : undefined;
  const crosswalk = buildCrosswalk(source.schema, dataset.schema, overrides);
  const ctx: PreparationContext = {
    deps, schema: dataset.schema, source, resolution: protocol.resolution, modelSize: source.inputSize,
    protocolKey: protocolKey(deps, dataset, protocol, crosswalk), journal: journal.entries, signal: options.signal,
  };
  const items = options.items ?? dataset.index.items;
  const run = { results: new Map<string, ImageResult>(), skipped: [] as SkippedItem[], reused: 0 };
  const chunkCtx = { ...ctx, protocol, crosswalk, layout, dataset };
  const stages = { ready: (chunk: Chunk) => readyChunk(chunk, chunkCtx), predict: (ready: ReadyChunk) => predictChunk(ready, chunkCtx) };
  const interrupted = await runChunks(items, ctx, stages, async (chunk, predicted) => {
    const fresh = await scoreChunk(predicted, chunkCtx);
    await deps.store.appendLines(journalPath, fresh.results.map(journalLine));
    const reused = chunk.filter((c): c is ReusedItem => c.kind === 'reused');
    for (const r of [...fresh.results, ...reused.map((c) => c.result)]) run.results.set(r.id, r);
    run.skipped.push(...fresh.skipped);
    run.reused += reused.length;
    options.onProgress?.({ done: run.results.size + run.skipped.length, total: items.length, reused: run.reused, skipped: run.skipped.length, elapsedSeconds: deps.now() - started });
  }, run.skipped);
  const ordered = items.flatMap((item) => run.results.get(item.id) ?? []);
  if (!interrupted) await deps.store.writeAtomic(journalPath, ordered.map((r) => `${journalLine(r)}\n`).join(''));
  return {
    status: interrupted ? 'interrupted' : 'complete',
    results: ordered,
    skipped: run.skipped,
    ...matricesOf(ordered, dataset, protocol.boundaryK > 0),
    crosswalk,
    counts: { total: items.length, scored: ordered.length, reused: run.reused, skipped: run.skipped.length },
    wallSeconds: deps.now() - started,
    journalBadLines: journal.badLines,
  };
}

type Chunk = Array<PreparedItem | ReusedItem>;

/** The per-chunk stages before scoring: making a chunk ready (a chunk ahead) and predicting it. */
interface ChunkStages {
  readonly ready: (chunk: Chunk) => Promise<ReadyChunk>;
  readonly predict: (ready: ReadyChunk) => Promise<PredictedChunk>;
}

/**
 * A pipeline over chunks: the next LOOKAHEAD chunks are prepared (files read and hashed, labels decoded, the model's
 * images decoding and queued for the model) while chunk i is predicted, and chunk i is scored and stored while the
 * model works on the next ones, so the model waits on neither and a slow chunk is absorbed by the ones ahead. Memory
 * stays bounded (LOOKAHEAD chunks ahead, one being scored); scoring runs in chunk order, so the journal stays in
 * order. Returns true when stopped by the signal.
 */
async function runChunks(
  items: readonly DatasetItem[],
  ctx: PreparationContext,
  stages: ChunkStages,
  score: (chunk: Chunk, predicted: PredictedChunk) => Promise<void>,
  skipped: SkippedItem[],
): Promise<boolean> {
  const prepareChunk = (start: number) =>
    prepareAll(items.slice(start, start + CHUNK_SIZE), ctx, skipped).then(async (chunk) => ({ chunk, ready: await stages.ready(chunk) }));
  const ahead: Array<ReturnType<typeof prepareChunk>> = [];
  let nextStart = 0;
  const fill = (): void => {
    while (ahead.length < LOOKAHEAD && nextStart < items.length) {
      const prepared = prepareChunk(nextStart);
      prepared.catch(() => undefined);
      ahead.push(prepared);
      nextStart += CHUNK_SIZE;
    }
  };
  let scoring: Promise<void> = Promise.resolve();
  try {
    for (fill(); ahead.length > 0; ) {
      const { chunk, ready } = await ahead.shift()!;
      fill();
      ctx.signal?.throwIfAborted();
      const predicted = await stages.predict(ready);
      await scoring;
      scoring = score(chunk, predicted);
      scoring.catch(() => undefined);
    }
    await scoring;
    return false;
  } catch (error) {
    // A chunk being scored is finished before returning: its predictions are made and must not be lost.
    await scoring.catch(() => undefined);
    if (isAbortError(error) && ctx.signal?.aborted) return true;
    throw error;
  }
}

async function prepareAll(items: readonly DatasetItem[], ctx: PreparationContext, skipped: SkippedItem[]): Promise<Chunk> {
  const prepared = await Promise.all(
    items.map(async (item) => {
      try {
        return await prepareItem(item, ctx);
      } catch (error) {
        if (isAbortError(error)) throw error;
        skipped.push(skippedFrom(item, error));
        return undefined;
      }
    }),
  );
  return prepared.filter((p): p is PreparedItem | ReusedItem => p !== undefined);
}

function protocolKey(deps: EvalDeps, dataset: EvalDataset, protocol: EvalProtocol, crosswalk: Crosswalk): string {
  return deps.hasher.hash(
    JSON.stringify({ v: 1, schema: dataset.schema.id, resolution: protocol.resolution, boundaryK: protocol.boundaryK }),
    crosswalk.table,
  );
}

function matricesOf(results: readonly ImageResult[], dataset: EvalDataset, tolerant: boolean): { matrix: ConfusionMatrix; tolerantMatrix?: ConfusionMatrix } {
  const n = classCountOf(dataset.schema);
  const matrix = new ConfusionMatrix(n);
  const tolerantMatrix = tolerant ? new ConfusionMatrix(n) : undefined;
  for (const r of results) {
    matrix.merge(ConfusionMatrix.fromSparse(n, r.confusion, r.excluded));
    if (tolerantMatrix && r.tolerant) tolerantMatrix.merge(ConfusionMatrix.fromSparse(n, r.tolerant, r.tolerantExcluded));
  }
  return tolerantMatrix ? { matrix, tolerantMatrix } : { matrix };
}
