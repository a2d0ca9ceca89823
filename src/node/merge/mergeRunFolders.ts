import { confusionCsv, confusionRecord } from '../../core/eval/evalReport';
import { mergeEvalShards, type EvalShardInput, type MergedEval } from '../../core/eval/mergeEvalShards';
import { journalLine, readJournal } from '../../core/eval/runJournal';
import { RUN_FILES, RunLayout } from '../../core/eval/runLayout';
import { parseRunRecord } from '../../core/report/runFolderParsing';
import { mapConcurrent } from '../../core/util/mapConcurrent';
import { inLockedFolder } from '../files/lockedFolder';
import type { NodeAdapters } from '../nodeAdapters';

/** Prediction PNGs copied at once. */
const COPY_CONCURRENCY = 8;

/** Reads a shard's run.json and images.jsonl; an unreadable journal line is an error, since the merge must be exact. */
export async function readRunShard(dir: string, adapters: NodeAdapters): Promise<EvalShardInput> {
  const layout = new RunLayout(dir);
  const runFile = layout.file(RUN_FILES.run);
  if ((await adapters.files.kind(runFile)) !== 'file') throw new Error(`${runFile}: not found; give the --out folders of facegap eval --shard`);
  const record = parseRunRecord(await adapters.files.readText(runFile), runFile);
  const journalFile = layout.file(RUN_FILES.journal);
  const bytes = await adapters.store.readIfExists(journalFile);
  const journal = readJournal(bytes ? new TextDecoder().decode(bytes) : '');
  if (journal.badLines > 0) throw new Error(`${journalFile}: ${journal.badLines} unreadable line(s); run the shard's command again to rescore them`);
  return { dir, record, results: [...journal.entries.values()] };
}

/**
 * Merges the run folders of `facegap eval --shard` into one run folder: images.jsonl the union, the confusion matrix
 * rebuilt from every image's cells, prediction PNGs copied, and run.json with the summary of the whole; run.json last,
 * so a folder with a run.json holds a finished merge.
 */
export async function mergeRunFolders(dirs: readonly string[], outDir: string, adapters: NodeAdapters, signal?: AbortSignal): Promise<MergedEval> {
  const shards: EvalShardInput[] = [];
  for (const dir of dirs) shards.push(await readRunShard(dir, adapters));
  const merged = mergeEvalShards(shards);
  const layout = new RunLayout(outDir);
  await adapters.store.makeDir(outDir);
  // The same lock as facegap eval's: a merge never writes a run folder that a run is writing.
  await inLockedFolder(outDir, async () => {
    await copyPredictions(shards, outDir, adapters, signal);
    await adapters.store.writeAtomic(layout.file(RUN_FILES.journal), merged.results.map((r) => `${journalLine(r)}\n`).join(''));
    await adapters.store.writeAtomic(layout.file(RUN_FILES.confusion), `${JSON.stringify(confusionRecord(merged.matrix, merged.scoring.schema), null, 2)}\n`);
    await adapters.store.writeAtomic(layout.file(RUN_FILES.confusionCsv), confusionCsv(merged.matrix, merged.scoring.schema));
    await adapters.store.writeAtomic(layout.file(RUN_FILES.run), `${JSON.stringify(merged.record, null, 2)}\n`);
  });
  return merged;
}

/** Copies each shard's pred/*.png (FaceGap wrote them when it ran a model) to the same place in the merged folder. */
async function copyPredictions(shards: readonly EvalShardInput[], outDir: string, adapters: NodeAdapters, signal?: AbortSignal): Promise<void> {
  const copies = shards.flatMap((s) => s.results.flatMap((r) => (r.predFile ? [{ from: new RunLayout(s.dir).file(r.predFile), to: new RunLayout(outDir).file(r.predFile) }] : [])));
  await mapConcurrent(copies, COPY_CONCURRENCY, async ({ from, to }) => {
    const bytes = await adapters.store.readIfExists(from);
    if (!bytes) throw new Error(`${from}: missing; the shard's images.jsonl names it`);
    await adapters.store.writeAtomic(to, bytes);
  }, signal);
}
