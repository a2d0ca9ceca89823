import { attributeLine, readAttributeJournal } from '../../core/distribution/attributeJournal';
import type { ImageAttributes } from '../../core/distribution/distTypes';
import { errorMessage, fileAndReason, isAbortError } from '../../core/util/errors';
import { mapConcurrent } from '../../core/util/mapConcurrent';
import type { NodeAdapters } from '../nodeAdapters';
import type { DistSide } from './distSide';
import { measureItem } from './measureItem';

/** Progress of measuring both sides. */
export interface MeasureProgress {
  readonly done: number;
  readonly total: number;
  readonly reused: number;
  readonly skipped: number;
  readonly elapsedSeconds: number;
}

/** One side measured: attributes per image (in item order), what was reused, and the files that failed. */
export interface MeasuredSide {
  records: ImageAttributes[];
  reused: number;
  measured: number;
  skipped: Array<{ readonly file: string; readonly reason: string }>;
}

/** Images measured at once: decoding runs in sharp's threads, so a few in flight keep both cores busy. */
const CONCURRENCY = 4;

/**
 * Measures every image of a side, appending each new measurement to the side's journal as it is made (an interrupted
 * run keeps them), reusing stored ones whose sources are unchanged, then rewrites the journal in item order.
 */
export async function measureSide(
  side: DistSide,
  journal: string,
  context: { concepts: readonly string[]; adapters: NodeAdapters; signal?: AbortSignal; onItem: (reused: boolean, failed: boolean) => void },
): Promise<MeasuredSide> {
  const { adapters, signal } = context;
  const stored = readAttributeJournal(new TextDecoder().decode((await adapters.store.readIfExists(journal)) ?? new Uint8Array())).entries;
  const out: MeasuredSide = { records: [], reused: 0, measured: 0, skipped: [] };
  const results = await mapConcurrent(side.items, CONCURRENCY, async (item) => {
    try {
      const result = await measureItem(item, { side, concepts: context.concepts, adapters, stored }, signal);
      if (!result.reused) await adapters.store.appendLines(journal, [attributeLine(result.record).trimEnd()]);
      context.onItem(result.reused, false);
      return result;
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error;
      out.skipped.push(fileAndReason(errorMessage(error), item.imagePath));
      context.onItem(false, true);
      return undefined;
    }
  }, signal);
  for (const result of results) {
    if (!result) continue;
    out.records.push(result.record);
    if (result.reused) out.reused++;
    else out.measured++;
  }
  await adapters.store.writeAtomic(journal, out.records.map(attributeLine).join(''));
  return out;
}
