import type { LabelMap } from '../raster/labelMap';
import type { Crosswalk } from '../schema/crosswalk';
import { isAbortError } from '../util/errors';
import { skippedFrom } from './skippedItem';
import type { EvalDataset, EvalProtocol, SkippedItem } from './evalTypes';
import type { PreparationContext, PreparedItem, ReusedItem } from './itemPreparation';
import { scoreItem } from './itemScoring';
import type { PredictionOutput } from './predictionSource';
import type { ImageResult } from './runJournal';
import type { RunLayout } from './runLayout';

/** What scoring a chunk needs beyond item preparation. */
export interface ChunkContext extends PreparationContext {
  readonly protocol: EvalProtocol;
  readonly crosswalk: Crosswalk;
  readonly layout: RunLayout;
  readonly dataset: EvalDataset;
}

/**
 * Predicts the chunk's prepared items (reusing stored prediction PNGs when their key matches), scores and stores them.
 * A chunk is never abandoned half-way: stopping happens between chunks, so no finished prediction is thrown away.
 */
export async function predictAndScore(
  chunk: ReadonlyArray<PreparedItem | ReusedItem>,
  ctx: ChunkContext,
): Promise<{ results: ImageResult[]; skipped: SkippedItem[] }> {
  const prepared = chunk.filter((c): c is PreparedItem => c.kind === 'prepared');
  const stored = await Promise.all(prepared.map((p) => storedPrediction(p, ctx)));
  const toPredict = prepared.filter((_, i) => stored[i] === undefined);
  const predicted = await ctx.source.predict(
    toPredict.map((p) => ({ item: p.item, imageBytes: p.imageBytes, imageKey: p.keys.image, target: p.target })),
  );
  const outputs = new Map<PreparedItem, PredictionOutput | Error>(toPredict.map((p, i) => [p, predicted[i]]));
  const results: ImageResult[] = [];
  const skipped: SkippedItem[] = [];
  await Promise.all(
    prepared.map(async (p, i) => {
      const output = stored[i] ?? outputs.get(p)!;
      try {
        if (output instanceof Error) throw output;
        results.push(await finishItem(p, output, stored[i] === undefined, ctx));
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
