import type { DiffProtocol, ImageDiffRecord, SkippedPair } from '../../core/diff/diffTypes';
import { sameDiffKeys } from '../../core/diff/diffJournal';
import { compareImagePair } from '../../core/diff/imagePairStats';
import { resampleToA } from '../../core/diff/resampleToA';
import type { Crosswalk } from '../../core/schema/crosswalk';
import { errorMessage, fileAndReason, isAbortError } from '../../core/util/errors';
import type { LabelSide } from './labelSide';

/** Everything comparing one pair needs besides the ids. */
export interface PairContext {
  readonly a: LabelSide;
  readonly b: LabelSide;
  readonly crosswalk: Crosswalk;
  readonly protocol: DiffProtocol;
  /** Hash of the protocol, the two schemas and the crosswalk table. */
  readonly protocolKey: string;
  /** Records of an earlier run by A id. */
  readonly journal: ReadonlyMap<string, ImageDiffRecord>;
}

/** What became of one pair: a fresh or reused record, or a skip naming the file. */
export type PairOutcome =
  | { readonly kind: 'compared' | 'reused'; readonly record: ImageDiffRecord }
  | { readonly kind: 'skipped'; readonly skipped: SkippedPair };

/** Reads both sides of a pair, reuses the stored record when both files and the protocol are unchanged, else compares. */
export async function diffOnePair(idA: string, idB: string, ctx: PairContext, signal?: AbortSignal): Promise<PairOutcome> {
  try {
    const [ra, rb] = await Promise.all([named(ctx.a, idA, (s) => s.read(idA, signal)), named(ctx.b, idB, (s) => s.read(idB, signal))]);
    const keys = { a: ra.key, b: rb.key, protocol: ctx.protocolKey };
    const stored = ctx.journal.get(idA);
    if (stored && (stored.idB ?? stored.id) === idB && sameDiffKeys(stored.keys, keys)) return { kind: 'reused', record: stored };
    const [a, b] = await Promise.all([named(ctx.a, idA, () => ra.decode(signal)), named(ctx.b, idB, () => rb.decode(signal))]);
    const resampled = resampleToA(a, b, { a: ctx.a.fileOf(idA), b: ctx.b.fileOf(idB) });
    const stats = compareImagePair(a, resampled.map, ctx.crosswalk, ctx.a.schema, ctx.protocol);
    const image = ctx.a.imageOf(idA) ?? ctx.b.imageOf(idB);
    const record: ImageDiffRecord = {
      v: 1,
      id: idA,
      ...(idB !== idA ? { idB } : {}),
      ...(image !== undefined ? { image } : {}),
      keys,
      ...stats,
      ...(resampled.resizedFrom ? { resizedFrom: resampled.resizedFrom } : {}),
    };
    return { kind: 'compared', record };
  } catch (error) {
    if (isAbortError(error)) throw error;
    return { kind: 'skipped', skipped: { id: idA, reason: errorMessage(error) } };
  }
}

/** Runs one step on a side's item; an error that names no file gets the side's label file put in front. */
async function named<T>(side: LabelSide, id: string, step: (side: LabelSide) => Promise<T>): Promise<T> {
  try {
    return await step(side);
  } catch (error) {
    if (isAbortError(error)) throw error;
    const { file, reason } = fileAndReason(errorMessage(error), side.fileOf(id));
    throw new Error(`${file}: ${reason}`, { cause: error });
  }
}
