import type { Crosswalk } from '../schema/crosswalk';
import type { LabelSchema } from '../schema/labelSchema';
import { SHARD_ASSIGNMENT, type ShardSpec } from '../util/shards';
import type { EvalProtocol } from './evalTypes';

/** What facegap merge needs to score finished shards together exactly as one run would. */
export interface ShardScoring {
  /** The ground-truth schema itself: a user's schema file need not be at hand where the shards are merged. */
  readonly schema: LabelSchema;
  readonly protocol: EvalProtocol;
  readonly crosswalk: Omit<Crosswalk, 'table'> & { readonly table: readonly number[] };
}

/** What run.json says about a shard of an evaluation (`facegap eval --shard i/n`). */
export interface RunShard extends ShardSpec {
  readonly assignment: string;
  /** The dataset's items in this shard. */
  readonly items: number;
  /** Set once the shard has finished. */
  readonly scoring?: ShardScoring;
}

/** The shard part of run.json before any image is scored. */
export function runShard(shard: ShardSpec, items: number): RunShard {
  return { index: shard.index, count: shard.count, assignment: SHARD_ASSIGNMENT, items };
}

/** The shard part of run.json once the shard has finished. */
export function finishedShard(shard: RunShard, schema: LabelSchema, protocol: EvalProtocol, crosswalk: Crosswalk): RunShard {
  return { ...shard, scoring: { schema, protocol, crosswalk: { ...crosswalk, table: Array.from(crosswalk.table) } } };
}

/** The crosswalk a shard was scored with, as the core uses it. */
export function shardCrosswalk(scoring: ShardScoring): Crosswalk {
  const { crosswalk } = scoring;
  return { ...crosswalk, table: Uint8Array.from(crosswalk.table), entries: crosswalk.entries.map((e) => ({ ...e })) };
}
