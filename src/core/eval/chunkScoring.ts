import type { LabelMap } from '../raster/labelMap';
import type { Crosswalk } from '../schema/crosswalk';
import { isAbortError } from '../util/errors';
import { skippedFrom } from './skippedItem';
import type { EvalDataset, EvalProtocol, SkippedItem } from './evalTypes';
import type { PreparationContext, PreparedItem, ReusedItem } from './itemPreparation';
import { scoreItem } from './itemScoring';
import type { PredictionInput, PredictionOutput } from './predictionSource';
import type { ImageResult } from './runJournal';
import type { RunLayout } from './runLayout';

/** What scoring a chunk needs beyond item preparation. */
export interface ChunkContext extends PreparationContext {
  readonly protocol: EvalProtocol;
  readonly crosswalk: Crosswalk;
  readonly layout: RunLayout;
  readonly dataset: EvalDataset;
}

/** A chunk's prepared items with their predictions (stored ones reused, fresh ones made), ready to be scored. */
export interface PredictedChunk {
  readonly prepared: readonly PreparedItem[];
  /** Per prepared item: its prediction or why it failed, and whether the model made it now. */
  readonly outputs: ReadonlyArray<{ readonly output: PredictionOutput | Error; readonly fresh: boolean }>;
}

/** A chunk whose stored predictions are found and whose fresh ones are being made ready (model images decoding). */
export interface ReadyChunk {
  readonly prepared: readonly PreparedItem[];
  readonly stored: ReadonlyArray<PredictionOutput | undefined>;
  readonly toPredict: readonly PreparedItem[];
  readonly inputs: readonly PredictionInput[];
}

/** Finds the chunk's stored predictions and starts preparing the model's inputs for the rest (runs a chunk ahead). */
export async function readyChunk(chunk: ReadonlyArray<PreparedItem | ReusedItem>, ctx: ChunkContext): Promise<ReadyChunk> {
  const prepared = chunk.filter((c): c is PreparedItem => c.kind === 'prepared');
  const stored = await Promise.all(prepared.map((p) => storedPrediction(p, ctx)));
  const toPredict = prepared.filter((_, i) => stored[i] === undefined);
  const inputs = toPredict.map((p) => ({ item: p.item, imageBytes: p.imageBytes, imageKey: p.keys.image, target: p.target }));
  ctx.source.prefetch?.(inputs);
  return { prepared, stored, toPredict, inputs };
}

/** Predicts a ready chunk's items that had no stored prediction: the model-bound stage. */
export async function predictChunk(ready: ReadyChunk, ctx: ChunkContext): Promise<PredictedChunk> {
  const predicted = await ctx.source.predict(ready.inputs);
  const made = new Map<PreparedItem, PredictionOutput | Error>(ready.toPredict.map((p, i) => [p, predicted[i]]));
  return { prepared: ready.prepared, outputs: ready.prepared.map((p, i) => ({ output: ready.stored[i] ?? made.get(p)!, fresh: ready.stored[i] === undefined })) };
}

/**
 * Scores a predicted chunk and stores its fresh prediction PNGs: the stage that runs while the model predicts the next
 * chunk. A chunk is never abandoned half-way: stopping happens between chunks, so no finished prediction is thrown away.
 */
export async function scoreChunk(chunk: PredictedChunk, ctx: ChunkContext): Promise<{ results: ImageResult[]; skipped: SkippedItem[] }> {
  const results: ImageResult[] = [];
  const skipped: SkippedItem[] = [];
  await Promise.all(
    chunk.prepared.map(async (p, i) => {
      const { output, fresh } = chunk.outputs[i];
      try {
        if (output instanceof Error) throw output;
        results.push(await finishItem(p, output, fresh, ctx));
      } catch (error) {
        if (isAbortError(error)) throw error;
        skipped.push(skippedFrom(p.item, error));
      }
    }),
  );
  return { results, skipped };
}

/** Scores one item and, for a fresh model prediction, writes its PNG before the result is journaled. */
async function finishItem(p: PreparedItem, output: PredictionOutput, fresh: boolean, ctx: ChunkContext): Promise<ImageResult> {
  const score = scoreItem(p.gt, output.map, ctx.crosswalk.table, ctx.dataset.schema, ctx.protocol.boundaryK);
  let predFile: string | undefined;
  if (ctx.source.storesPredictions) {
    predFile = ctx.layout.predictionFile(p.item.id);
    if (fresh) await ctx.deps.store.writeAtomic(ctx.layout.file(predFile), await ctx.deps.encoder.encodeLabelPng(output.map));
  }
  return {
    v: 1,
    id: p.item.id,
    image: p.item.imagePath,
    keys: p.keys,
    ...(predFile ? { predFile } : {}),
    size: [output.map.width, output.map.height],
    confusion: score.confusion,
    excluded: score.excluded,
    scores: score.scores,
    ...(score.tolerant ? { tolerant: score.tolerant, tolerantExcluded: score.tolerantExcluded, tolerantScores: score.tolerantScores } : {}),
    ...(output.nanPixels > 0 ? { nanPixels: output.nanPixels } : {}),
  };
}

/** A prediction PNG from an earlier run whose key matches, decoded; undefined when there is none or it is unreadable. */
async function storedPrediction(p: PreparedItem, ctx: ChunkContext): Promise<PredictionOutput | undefined> {
  const earlier = ctx.journal.get(p.item.id);
  if (!ctx.source.storesPredictions || !earlier?.predFile || earlier.keys.pred !== p.keys.pred) return undefined;
  try {
    const path = ctx.layout.file(earlier.predFile);
    const bytes = await ctx.deps.store.readIfExists(path);
    if (!bytes) return undefined;
    const decoded = await ctx.deps.decoder.decodeMask(bytes, path);
    const map: LabelMap | undefined = decoded.kind === 'rgb' ? undefined : decoded.map;
    if (!map || map.width !== p.target.width || map.height !== p.target.height) return undefined;
    return { map, nanPixels: earlier.nanPixels ?? 0 };
  } catch {
    return undefined; // an unreadable stored prediction is simply made again
  }
}
