import { attributeLine, readAttributeJournal } from '../../core/distribution/attributeJournal';
import { parseDistRecord } from '../../core/distribution/distRecordParsing';
import { mergeDistShards, mergedDistRecord, type DistShardInput } from '../../core/distribution/distShards';
import { DIST_FILES, type DistRecord, type ImageAttributes } from '../../core/distribution/distTypes';
import { joinPath } from '../../core/util/paths';
import { summarizeDistribution } from '../distribution/summarizeDistribution';
import type { NodeAdapters } from '../nodeAdapters';

/** Reads a shard's dist.json and attribute journals; an unreadable journal line is an error, since the merge must be exact. */
export async function readDistShard(dir: string, adapters: NodeAdapters): Promise<DistShardInput> {
  const recordFile = joinPath(dir, DIST_FILES.record);
  if ((await adapters.files.kind(recordFile)) !== 'file') throw new Error(`${recordFile}: not found; give the --out folders of facegap dist --shard`);
  const record = parseDistRecord(await adapters.files.readText(recordFile), recordFile);
  return { dir, record, a: await readJournal(joinPath(dir, DIST_FILES.attributesA), adapters), b: await readJournal(joinPath(dir, DIST_FILES.attributesB), adapters) };
}

async function readJournal(file: string, adapters: NodeAdapters): Promise<ImageAttributes[]> {
  const bytes = await adapters.store.readIfExists(file);
  const journal = readAttributeJournal(bytes ? new TextDecoder().decode(bytes) : '');
  if (journal.badLines > 0) throw new Error(`${file}: ${journal.badLines} unreadable line(s); run the shard's command again to measure them`);
  return [...journal.entries.values()];
}

/**
 * Merges the folders of `facegap dist --shard` into one comparison: the attribute journals united in the unsharded
 * order, then the summary (comparison, findings, weights and matched subset, and the features, slices and
 * decomposition the shards were asked for) computed exactly as `facegap dist` computes it; dist.json last.
 */
export async function mergeDistFolders(dirs: readonly string[], outDir: string, adapters: NodeAdapters, signal?: AbortSignal): Promise<DistRecord> {
  const started = adapters.now();
  const shards: DistShardInput[] = [];
  for (const dir of dirs) shards.push(await readDistShard(dir, adapters));
  const merged = mergeDistShards(shards);
  await adapters.store.makeDir(outDir);
  await adapters.store.writeAtomic(joinPath(outDir, DIST_FILES.attributesA), merged.records[0].map(attributeLine).join(''));
  await adapters.store.writeAtomic(joinPath(outDir, DIST_FILES.attributesB), merged.records[1].map(attributeLine).join(''));
  const request = { a: merged.specs[0], b: merged.specs[1], outDir, ...merged.request };
  const parts = await summarizeDistribution(merged, request, adapters, { signal });
  const record = mergedDistRecord(merged, parts, new Date().toISOString());
  const withMergeTime = { ...record, timings: { ...record.timings, seconds: record.timings.seconds + adapters.now() - started } };
  await adapters.store.writeAtomic(joinPath(outDir, DIST_FILES.record), `${JSON.stringify(withMergeTime, null, 2)}\n`);
  return withMergeTime;
}
