/** One part of a split: the index-th (1-based) of count shards. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** How a shard's items are chosen, as run.json and dist.json state it. */
export const SHARD_ASSIGNMENT =
  "contiguous blocks of the items in FaceGap's order: shard i of n takes items floor((i-1)·N/n) to floor(i·N/n)-1 of N, so the shards in order are the unsharded run's order";

/**
 * The items of a shard. Contiguous blocks rather than a hash of the id: concatenated in shard order they give back the
 * dataset's own order, so every sum over images (pooled and per-image means, attribute statistics, weights) adds in the
 * same order as an unsharded run and the merged numbers match it to the last bit.
 */
export function shardItems<T>(items: readonly T[], shard: ShardSpec): T[] {
  const start = Math.floor(((shard.index - 1) * items.length) / shard.count);
  const end = Math.floor((shard.index * items.length) / shard.count);
  return items.slice(start, end);
}

/** "i/n" as run.json, dist.json and messages write it. */
export function shardName(shard: ShardSpec): string {
  return `${shard.index}/${shard.count}`;
}

/** A shard result to merge: its folder and which shard it says it is. */
export interface ShardFolder {
  readonly dir: string;
  readonly shard: ShardSpec;
}

/** Checks that the shards make one whole split (one count, each index once, none missing); throws naming the folders. */
export function checkShardSet<T extends ShardFolder>(shards: readonly T[]): T[] {
  if (shards.length === 0) throw new Error('no shard folders given');
  const first = shards[0];
  const count = first.shard.count;
  const byIndex = new Map<number, T>();
  for (const s of shards) {
    if (s.shard.count !== count) {
      throw new Error(`${s.dir}: shard ${shardName(s.shard)} belongs to a split into ${s.shard.count}, ${first.dir} to a split into ${count}`);
    }
    const twin = byIndex.get(s.shard.index);
    if (twin) throw new Error(`${s.dir}: shard ${shardName(s.shard)} is given twice (also ${twin.dir})`);
    byIndex.set(s.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const names = missing.map((i) => shardName({ index: i, count })).join(', ');
    throw new Error(`shard${missing.length > 1 ? 's' : ''} ${names} missing: ${shards.length} of ${count} given (${shards.map((s) => s.dir).join(', ')})`);
  }
  return [...byIndex.values()].sort((x, y) => x.shard.index - y.shard.index);
}

/** Throws naming the folder when a shard's value differs from the first shard's; values compare as JSON. */
export function checkSame(what: string, first: { dir: string; value: unknown }, other: { dir: string; value: unknown }): void {
  const [x, y] = [JSON.stringify(first.value) ?? 'none', JSON.stringify(other.value) ?? 'none'];
  if (x === y) return;
  const short = (s: string): string => (s.length > 120 ? `${s.slice(0, 117)}...` : s);
  throw new Error(`${other.dir}: not a shard of the same run as ${first.dir}: ${what} differs (${short(y)} vs ${short(x)})`);
}
