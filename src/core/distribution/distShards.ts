import { checkSame, checkShardSet, SHARD_ASSIGNMENT, shardName, type ShardSpec } from '../util/shards';
import type { AttributeDef, DistRecord, DistShard, DistSideSpec, ImageAttributes } from './distTypes';

/** The note a shard's dist.json carries, so a reader knows its summary is partial. */
export function distShardNote(shard: ShardSpec): string {
  return `shard ${shardName(shard)}: the summary covers only this shard's images (no weights, features, slices or decomposition); facegap merge combines the shards into the whole comparison`;
}

/** The shard part of dist.json. */
export function distShardRecord(shard: ShardSpec, items: readonly [number, number], request: DistShard['request']): DistShard {
  return { index: shard.index, count: shard.count, assignment: SHARD_ASSIGNMENT, itemsA: items[0], itemsB: items[1], request };
}

/** A shard's distribution folder as read: dist.json and both attribute journals. */
export interface DistShardInput {
  readonly dir: string;
  readonly record: DistRecord;
  readonly a: readonly ImageAttributes[];
  readonly b: readonly ImageAttributes[];
}

/** Shards that belong together, with both sides' records in the unsharded comparison's order. */
export interface MergedDistShards {
  readonly shards: readonly DistShardInput[];
  readonly records: readonly [readonly ImageAttributes[], readonly ImageAttributes[]];
  readonly defs: readonly AttributeDef[];
  readonly specs: readonly [DistSideSpec, DistSideSpec];
  readonly request: DistShard['request'];
}

type Shard = DistShardInput & { readonly shard: DistShard };

function shardOf(input: DistShardInput): Shard {
  const { shard, complete } = input.record;
  if (!shard) throw new Error(`${input.dir}: not a shard (its dist.json has no "shard"; the comparison was made without --shard)`);
  if (!complete) throw new Error(`${input.dir}: shard ${shardName(shard)} is incomplete; run its command again to finish it`);
  return { ...input, shard };
}

const SAME: ReadonlyArray<readonly [string, (s: Shard) => unknown]> = [
  ['side A', (s) => s.record.a],
  ['side B', (s) => s.record.b],
  ['the attributes measured', (s) => s.record.attributes],
  ['the options (--features, --match-size, --run, gap runs, --ep)', (s) => s.shard.request],
  ['the shard assignment', (s) => s.shard.assignment],
];

/** Checks that distribution shards belong together and unites their attribute records; throws naming the folder when they do not. */
export function mergeDistShards(inputs: readonly DistShardInput[]): MergedDistShards {
  const shards = checkShardSet(inputs.map(shardOf));
  const first = shards[0];
  for (const s of shards.slice(1)) {
    for (const [what, get] of SAME) checkSame(what, { dir: first.dir, value: get(first) }, { dir: s.dir, value: get(s) });
  }
  return {
    shards,
    records: [unionOf(shards, 'A'), unionOf(shards, 'B')],
    defs: first.record.attributes,
    specs: [first.record.a.spec, first.record.b.spec],
    request: first.shard.request,
  };
}

function unionOf(shards: readonly Shard[], side: 'A' | 'B'): ImageAttributes[] {
  const owner = new Map<string, string>();
  const out: ImageAttributes[] = [];
  for (const s of shards) {
    const records = side === 'A' ? s.a : s.b;
    const skipped = s.record.skipped.filter((k) => k.side === side).length;
    const items = side === 'A' ? s.shard.itemsA : s.shard.itemsB;
    if (records.length + skipped !== items) {
      throw new Error(`${s.dir}: attributes-${side.toLowerCase()}.jsonl holds ${records.length} images and ${skipped} were skipped, of ${items} in the shard; run the shard's command again`);
    }
    for (const r of records) {
      const other = owner.get(r.id);
      if (other !== undefined) throw new Error(`${s.dir}: side ${side}'s image ${r.id} is also in ${other}; the shards overlap`);
      owner.set(r.id, s.dir);
      out.push(r);
    }
  }
  return out;
}

/** dist.json of the merged comparison: the shards' sides, skipped images and notes around the summary of the whole. */
export function mergedDistRecord(merged: MergedDistShards, parts: Pick<DistRecord, 'summary' | 'slices' | 'expectedScore' | 'decomposition'>, createdAt: string): DistRecord {
  const records = merged.shards.map((s) => s.record);
  const first = records[0];
  const shardNotes = new Set(records.map((r) => (r.shard ? distShardNote(r.shard) : '')));
  const sum = (key: keyof DistRecord['timings']): number => records.reduce((total, r) => total + r.timings[key], 0);
  return {
    kind: first.kind,
    formatVersion: first.formatVersion,
    createdAt,
    a: first.a,
    b: first.b,
    attributes: merged.defs,
    ...parts,
    skipped: (['A', 'B'] as const).flatMap((side) => records.flatMap((r) => r.skipped.filter((k) => k.side === side))),
    notes: [...new Set(records.flatMap((r) => r.notes))].filter((n) => !shardNotes.has(n)),
    complete: true,
    timings: { seconds: sum('seconds'), measured: sum('measured'), reused: sum('reused') },
    mergedFrom: merged.shards.map((s) => s.dir),
  };
}
