import { ConfusionMatrix } from '../metrics/confusionMatrix';
import { checkSame, checkShardSet, shardName } from '../util/shards';
import { buildEvalSummary, type EvalSummary } from './evalReport';
import type { EvalOutcome } from './evaluateDataset';
import { classCountOf } from './itemScoring';
import type { ImageResult } from './runJournal';
import type { RunRecord } from './runRecord';
import { shardCrosswalk, type RunShard, type ShardScoring } from './runShard';

/** A shard's run folder as read: run.json and images.jsonl. */
export interface EvalShardInput {
  readonly dir: string;
  readonly record: RunRecord;
  readonly results: readonly ImageResult[];
}

/** The shards scored as one run: what its run folder holds. */
export interface MergedEval {
  readonly record: RunRecord;
  /** Every image's result, in the unsharded run's order. */
  readonly results: readonly ImageResult[];
  readonly matrix: ConfusionMatrix;
  readonly scoring: ShardScoring;
}

type FinishedShard = EvalShardInput & { readonly shard: RunShard; readonly scoring: ShardScoring; readonly summary: EvalSummary };

function finishedShard(input: EvalShardInput): FinishedShard {
  const { shard, summary, status } = input.record;
  if (!shard) throw new Error(`${input.dir}: not a shard (its run.json has no "shard"; the run was made without --shard)`);
  if (status !== 'complete' || !summary) throw new Error(`${input.dir}: shard ${shardName(shard)} is ${status}; run its command again to finish it`);
  if (!shard.scoring) throw new Error(`${input.dir}: run.json of shard ${shardName(shard)} lacks "shard.scoring"; run its command again`);
  return { ...input, shard, scoring: shard.scoring, summary };
}

const predictions = (s: FinishedShard): Record<string, unknown> => s.record.predictions;

/** What must be equal across the shards of one run (paths of the model may differ between machines; its hash may not). */
const SAME: ReadonlyArray<readonly [string, (s: FinishedShard) => unknown]> = [
  ['the dataset folder', (s) => s.record.dataset.root],
  ['the dataset layout', (s) => s.record.dataset.format],
  ["the dataset's item count", (s) => s.record.dataset.items],
  ['the ground-truth schema', (s) => s.scoring.schema],
  ['the kind of predictions', (s) => predictions(s).kind],
  ["the model's SHA-256", (s) => predictions(s).sha256],
  ['the model spec', (s) => predictions(s).spec],
  ['the prediction folder', (s) => predictions(s).folder],
  ["the predictions' schema", (s) => predictions(s).schema],
  ['the scoring resolution', (s) => s.record.protocol.scoringResolution],
  ['the boundary band', (s) => s.record.protocol.boundaryK],
  ['the groups', (s) => s.record.protocol.groups],
  ['the class mapping', (s) => s.scoring.protocol.mapping],
  ['the crosswalk', (s) => s.scoring.crosswalk],
  ['the shard assignment', (s) => s.shard.assignment],
];

/** Combines the finished shards of one evaluation into the run an unsharded evaluation gives; throws naming the folder when they do not belong together. */
export function mergeEvalShards(inputs: readonly EvalShardInput[]): MergedEval {
  const shards = checkShardSet(inputs.map(finishedShard));
  const first = shards[0];
  for (const s of shards.slice(1)) {
    for (const [what, get] of SAME) checkSame(what, { dir: first.dir, value: get(first) }, { dir: s.dir, value: get(s) });
  }
  const results = unionOfResults(shards);
  const outcome = outcomeOf(shards, results);
  const provider = providerOf(shards);
  const summary = buildEvalSummary(outcome, { schema: first.scoring.schema, schemaReason: first.record.dataset.schemaReason }, first.scoring.protocol, provider);
  return { record: mergedRecord(shards, summary, provider), results, matrix: outcome.matrix, scoring: first.scoring };
}

/** The shards' results in shard order, which is the dataset's order; every item of every shard accounted for once. */
function unionOfResults(shards: readonly FinishedShard[]): ImageResult[] {
  const owner = new Map<string, string>();
  const results: ImageResult[] = [];
  for (const s of shards) {
    const accounted = s.results.length + s.summary.counts.skipped;
    if (s.results.length !== s.summary.images || accounted !== s.shard.items) {
      throw new Error(`${s.dir}: images.jsonl holds ${s.results.length} results, run.json says ${s.summary.images} scored and ${s.summary.counts.skipped} skipped of ${s.shard.items} items; run the shard's command again`);
    }
    for (const r of s.results) {
      const other = owner.get(r.id);
      if (other !== undefined) throw new Error(`${s.dir}: image ${r.id} is also in ${other}; the shards overlap`);
      owner.set(r.id, s.dir);
      results.push(r);
    }
  }
  return results;
}

function outcomeOf(shards: readonly FinishedShard[], results: readonly ImageResult[]): EvalOutcome {
  const { scoring } = shards[0];
  const n = classCountOf(scoring.schema);
  const matrix = new ConfusionMatrix(n);
  const tolerantMatrix = scoring.protocol.boundaryK > 0 ? new ConfusionMatrix(n) : undefined;
  for (const r of results) {
    matrix.merge(ConfusionMatrix.fromSparse(n, r.confusion, r.excluded));
    if (tolerantMatrix && r.tolerant) tolerantMatrix.merge(ConfusionMatrix.fromSparse(n, r.tolerant, r.tolerantExcluded));
  }
  const sum = (key: keyof EvalOutcome['counts']): number => shards.reduce((total, s) => total + s.summary.counts[key], 0);
  return {
    status: 'complete',
    results,
    skipped: shards.flatMap((s) => s.summary.skipped.map((k) => ({ id: '', ...k }))),
    matrix,
    ...(tolerantMatrix ? { tolerantMatrix } : {}),
    crosswalk: shardCrosswalk(scoring),
    counts: { total: sum('total'), scored: sum('scored'), reused: sum('reused'), skipped: sum('skipped') },
    wallSeconds: shards.reduce((total, s) => total + (s.record.timings.wallSeconds ?? 0), 0),
    journalBadLines: 0,
  };
}

/** The provider that ran, or each one when the shards ran on different ones (machines with and without a GPU). */
function providerOf(shards: readonly FinishedShard[]): string | null {
  const providers = [...new Set(shards.map((s) => s.record.executionProvider))];
  return providers.length === 1 ? providers[0] : providers.map((p) => p ?? 'none').join(', ');
}

function mergedRecord(shards: readonly FinishedShard[], summary: EvalSummary, provider: string | null): RunRecord {
  const base = shards[0].record;
  const times = shards.flatMap((s) => [s.record.startedAt, s.record.finishedAt ?? s.record.startedAt]).sort();
  return {
    kind: base.kind,
    formatVersion: base.formatVersion,
    status: 'complete',
    startedAt: times[0],
    finishedAt: times[times.length - 1],
    environment: base.environment,
    dataset: base.dataset,
    predictions: { ...base.predictions, ...(provider === base.executionProvider ? {} : { executionProvider: provider }) },
    executionProvider: provider,
    protocol: { ...base.protocol, sentences: summary.protocol },
    timings: mergedTimings(shards, summary),
    summary,
    mergedFrom: shards.map((s) => s.dir),
  };
}

/** Each timing summed over the shards (machine-seconds); images per second is per machine, over the summed wall time. */
function mergedTimings(shards: readonly FinishedShard[], summary: EvalSummary): Record<string, number> {
  const timings: Record<string, number> = {};
  for (const s of shards) {
    for (const [key, value] of Object.entries(s.record.timings)) if (key !== 'imagesPerSecond') timings[key] = (timings[key] ?? 0) + value;
  }
  const fresh = summary.counts.scored - summary.counts.reused;
  if ((timings.wallSeconds ?? 0) > 0) timings.imagesPerSecond = fresh / timings.wallSeconds;
  return timings;
}
