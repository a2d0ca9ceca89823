import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST_FILES } from '../../core/distribution/distTypes';
import { RUN_FILES } from '../../core/eval/runLayout';
import { joinPath } from '../../core/util/paths';
import { mergeDistFolders } from '../../node/merge/mergeDistFolders';
import { mergeRunFolders } from '../../node/merge/mergeRunFolders';
import type { NodeAdapters } from '../../node/nodeAdapters';
import { createNodeAdapters } from '../../node/nodeAdapters';
import { EXIT, UsageError } from '../cliErrors';
import type { TerminalOutput } from '../terminalOutput';
import { distJson, printDist } from './distPrinter';
import { printEvalSummary } from './evalPrinter';

/** Help text of `facegap merge`. */
export const MERGE_HELP = `Usage: facegap merge <shard-folder>... --out <folder> [--json]

Combines the folders of "facegap eval --shard i/n" (or of "facegap dist --shard i/n") into one folder
that holds exactly what the unsharded command writes: for eval, the confusion matrices add (rebuilt
from every image's cells), images.jsonl is the union, pred/*.png are copied and run.json gets the
summary of the whole; for dist, the attribute journals are united and the comparison, weights,
matched subset, features, slices and decomposition are computed over all images.

Shards must belong together (same dataset, model hash, spec, protocol or dist options, same n, each
i once); otherwise the folder and the difference are named, and missing shards are listed.

Options:
  --out <folder>             the merged folder (required; not one of the shard folders)
  --json                     print the summary as JSON on stdout`;

const OPTIONS = { out: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** Runs `facegap merge`. */
export async function mergeCommand(argv: readonly string[], output: TerminalOutput, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) return output.out(MERGE_HELP), EXIT.ok;
  if (positionals.length === 0) throw new UsageError('give the shard folders to merge');
  if (!values.out) throw new UsageError('--out <folder> is required');
  const outDir = resolve(values.out);
  const dirs = positionals.map((p) => resolve(p));
  if (dirs.includes(outDir)) throw new UsageError(`--out ${values.out} is one of the shard folders; merge into a new folder`);
  const adapters = createNodeAdapters();
  const kind = await shardKind(dirs, adapters);
  output.err(`merging ${dirs.length} ${kind} shard folder(s) into ${outDir}`);
  if (kind === 'dist') {
    const record = await mergeDistFolders(dirs, outDir, adapters, signal);
    if (values.json) output.out(JSON.stringify(distJson(record, outDir), null, 2));
    else printDist(record, outDir, output);
    return EXIT.ok;
  }
  const { record } = await mergeRunFolders(dirs, outDir, adapters, signal);
  const summary = record.summary!;
  if (values.json) output.out(JSON.stringify({ runDir: outDir, ...summary }, null, 2));
  else printEvalSummary(summary, outDir, output);
  return summary.images === 0 ? EXIT.failed : EXIT.ok;
}

/** Whether the folders are eval shards (run.json) or dist shards (dist.json); all must be one kind. */
async function shardKind(dirs: readonly string[], adapters: NodeAdapters): Promise<'eval' | 'dist'> {
  const kinds: Array<'eval' | 'dist'> = [];
  for (const dir of dirs) {
    if ((await adapters.files.kind(joinPath(dir, RUN_FILES.run))) === 'file') kinds.push('eval');
    else if ((await adapters.files.kind(joinPath(dir, DIST_FILES.record))) === 'file') kinds.push('dist');
    else throw new Error(`${dir}: holds neither run.json (facegap eval --shard) nor dist.json (facegap dist --shard)`);
  }
  const other = kinds.findIndex((k) => k !== kinds[0]);
  if (other >= 0) throw new Error(`${dirs[other]}: a ${kinds[other]} shard, but ${dirs[0]} is a ${kinds[0]} shard; merge shards of one command`);
  return kinds[0];
}
