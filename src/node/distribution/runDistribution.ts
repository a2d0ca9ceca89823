import { ATTRIBUTES, conceptAttributes } from '../../core/distribution/attributes/attributeCatalog';
import type { EmbedderSpec } from '../../core/distribution/features/embedderSpec';
import { distShardNote, distShardRecord } from '../../core/distribution/distShards';
import { DIST_FILES, type DistRecord, type DistShard, type DistSideSpec } from '../../core/distribution/distTypes';
import type { ExecutionProviderChoice } from '../../core/ports/modelRunner';
import { joinPath } from '../../core/util/paths';
import { shardItems, type ShardSpec } from '../../core/util/shards';
import { defaultInferenceWorkerPath } from '../inference/workerModelRunner';
import { inLockedFolder } from '../files/lockedFolder';
import type { NodeAdapters } from '../nodeAdapters';
import { openDistSide, type DistSide } from './distSide';
import { measureSide, type MeasuredSide, type MeasureProgress } from './measureSide';
import { sharedConcepts } from './sharedConcepts';
import { summarizeDistribution } from './summarizeDistribution';

/** A comparison of two datasets' distributions, as the CLI and the extension ask for it. */
export interface DistRequest {
  readonly a: DistSideSpec;
  readonly b: DistSideSpec;
  readonly outDir: string;
  /** An ONNX feature extractor for Fréchet distance, KID, precision/recall and density/coverage. */
  readonly features?: { readonly model: string; readonly spec?: Partial<EmbedderSpec> };
  /** Size of the matched subset of A (default: as many as B has, at most A's count). */
  readonly matchSize?: number;
  /** A run folder of `facegap eval` on one side's images: its per-image scores binned by attribute (performance by slice). */
  readonly run?: string;
  /** Runs on one real test set for the gap decomposition. */
  readonly gap?: { readonly real: string; readonly synthetic: string; readonly matched?: string };
  readonly executionProvider?: ExecutionProviderChoice;
  /** The inference worker bundle for model and feature sides (default: inferenceWorker.js beside the running bundle). */
  readonly workerPath?: string;
  /** Only this shard of each side's images (`--shard i/n`); the summary is then the shard's alone, for `facegap merge`. */
  readonly shard?: ShardSpec;
}

/** Hooks of a running comparison. */
export interface DistHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: MeasureProgress) => void;
}

async function measureBoth(sides: readonly [DistSide, DistSide], request: DistRequest, adapters: NodeAdapters, hooks: DistHooks): Promise<[MeasuredSide, MeasuredSide]> {
  const concepts = sharedConcepts(sides[0].schema, sides[1].schema);
  const total = sides[0].items.length + sides[1].items.length;
  const started = adapters.now();
  const counts = { done: 0, reused: 0, skipped: 0 };
  const onItem = (reused: boolean, failed: boolean): void => {
    counts.done++;
    if (reused) counts.reused++;
    if (failed) counts.skipped++;
    hooks.onProgress?.({ ...counts, total, elapsedSeconds: adapters.now() - started });
  };
  const context = { concepts, adapters, signal: hooks.signal, onItem };
  const a = await measureSide(sides[0], joinPath(request.outDir, DIST_FILES.attributesA), context);
  const b = await measureSide(sides[1], joinPath(request.outDir, DIST_FILES.attributesB), context);
  return [a, b];
}

/**
 * Compares two datasets' distributions into a folder: each image's attributes (journaled per side, reused while their
 * sources are unchanged), the per-attribute comparison and findings, importance weights and a matched subset of A,
 * and, when asked, feature-space distances, performance by slice and the gap decomposition; dist.json last.
 * With a shard, only the shard's images of each side are measured and the summary is the shard's alone.
 */
export async function runDistribution(request: DistRequest, adapters: NodeAdapters, hooks: DistHooks = {}): Promise<DistRecord> {
  const started = adapters.now();
  const [a, b] = await openSides(request, adapters, hooks.signal);
  try {
    await adapters.store.makeDir(request.outDir);
    return await inLockedFolder(request.outDir, () => distLocked(request, [a, b], adapters, hooks, started));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

/** runDistribution with the folder locked. */
async function distLocked(request: DistRequest, [a, b]: [DistSide, DistSide], adapters: NodeAdapters, hooks: DistHooks, started: number): Promise<DistRecord> {
  const { shard } = request;
  const sides = shard ? ([sideShard(a, shard), sideShard(b, shard)] as const) : ([a, b] as const);
  const [measuredA, measuredB] = await measureBoth(sides, request, adapters, hooks);
  const defs = [...ATTRIBUTES, ...conceptAttributes(sharedConcepts(a.schema, b.schema))];
  const measured = { records: [measuredA.records, measuredB.records], defs, specs: [a.spec, b.spec] } as const;
  const parts = await summarizeDistribution(measured, request, adapters, { signal: hooks.signal, partial: shard !== undefined });
  const record: DistRecord = {
    kind: 'facegap-distribution',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    a: a.record(),
    b: b.record(),
    attributes: defs,
    ...parts,
    skipped: [...measuredA.skipped.map((s) => ({ side: 'A' as const, ...s })), ...measuredB.skipped.map((s) => ({ side: 'B' as const, ...s }))],
    notes: [...a.notes, ...b.notes, ...(shard ? [distShardNote(shard)] : [])],
    complete: true,
    timings: { seconds: adapters.now() - started, measured: measuredA.measured + measuredB.measured, reused: measuredA.reused + measuredB.reused },
    ...(shard ? { shard: distShardRecord(shard, [sides[0].items.length, sides[1].items.length], shardRequest(request)) } : {}),
  };
  await adapters.store.writeAtomic(joinPath(request.outDir, DIST_FILES.record), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

async function openSides(request: DistRequest, adapters: NodeAdapters, signal?: AbortSignal): Promise<[DistSide, DistSide]> {
  const options = { workerPath: request.workerPath ?? defaultInferenceWorkerPath(__dirname), executionProvider: request.executionProvider };
  const a = await openDistSide(request.a, adapters, options, signal);
  const b = await openDistSide(request.b, adapters, options, signal).catch(async (error: unknown) => {
    await a.close();
    throw error;
  });
  return [a, b];
}

/** A side cut to a shard's items; its record still describes the whole side, so every shard names the same sides. */
function sideShard(side: DistSide, shard: ShardSpec): DistSide {
  return { ...side, items: shardItems(side.items, shard) };
}

/** The options the merged comparison is summarised with. */
function shardRequest(request: DistRequest): DistShard['request'] {
  const { features, matchSize, run, gap, executionProvider } = request;
  return { ...(features ? { features } : {}), ...(matchSize ? { matchSize } : {}), ...(run ? { run } : {}), ...(gap ? { gap } : {}), ...(executionProvider ? { executionProvider } : {}) };
}
