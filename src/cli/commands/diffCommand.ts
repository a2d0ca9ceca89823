import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DIFF_FILES } from '../../core/diff/diffLayout';
import { DEFAULT_DIFF_PROTOCOL } from '../../core/diff/diffDefaults';
import type { DiffProtocol, DiffRecord, LabelSideSpec } from '../../core/diff/diffTypes';
import { joinPath } from '../../core/util/paths';
import { detectSideKind } from '../../node/diff/detectSideKind';
import { defaultDiffDir } from '../../node/diff/diffOutDir';
import { runDiff } from '../../node/diff/runDiff';
import type { NodeAdapters } from '../../node/nodeAdapters';
import { createNodeAdapters } from '../../node/nodeAdapters';
import { EXIT, UsageError, wholeNumberOption } from '../cliErrors';
import { ProgressBar } from '../progressBar';
import type { TerminalOutput } from '../terminalOutput';
import { diffJson, printDiff } from './diffPrinter';

/** Help text of `facegap diff`. */
export const DIFF_HELP = `Usage: facegap diff <A> <B> [options]
       facegap diff <run-folder> [options]

Compares two label sources image by image and says how their annotation conventions differ:
per class the area ratio, F1/IoU, the signed boundary offset (+ = B's region reaches beyond A's),
disagreement in the band around A's edges against the interior, outline roughness, where A's
classes go in B (flows), left/right swaps decided from where the classes sit, and findings in words.
A and B are each a dataset folder (its labels), a run folder of facegap eval (its predictions),
or a folder of mask PNGs named by image stem. With one run folder: its ground truth (A) against
its predictions (B). Items are paired by id, then by number ("000012" ↔ "12").

Writes a diff folder: diff.json (sides, protocol, matching, summary), images.jsonl (per image),
suggested-mapping.json (for facegap eval --mapping). A rerun with the same --out resumes.
Ctrl-C stops after the images in progress; everything finished is kept.

Options:
  --out <folder>             diff folder (default: facegap-runs/<A>--vs--<B>)
  --band <k>                 half-width in px of the band around A's edges (default ${DEFAULT_DIFF_PROTOCOL.bandK})
  --match sides|names        match B's left/right classes to A's by the subject's side (default)
                             or by their names, as a tool matching names would
  --a-schema <id|file.json>  A's label schema (default: the layout's, the run's, or recognised)
  --b-schema <id|file.json>  B's label schema
  --mapping <file.json>      override the B → A class mapping ({"from": B, "to": A, "map": {...}})
  --export-mapping <file>    also write the suggested mapping there
  --json                     print the summary as JSON on stdout
  --no-progress              no progress bar`;

const OPTIONS = {
  out: { type: 'string' },
  band: { type: 'string', default: String(DEFAULT_DIFF_PROTOCOL.bandK) },
  match: { type: 'string', default: 'sides' },
  'a-schema': { type: 'string' },
  'b-schema': { type: 'string' },
  mapping: { type: 'string' },
  'export-mapping': { type: 'string' },
  json: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type DiffValues = ReturnType<typeof parseDiffArgs>['values'];

function parseDiffArgs(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
}

/** Runs `facegap diff`. */
export async function diffCommand(argv: readonly string[], output: TerminalOutput, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseDiffArgs(argv);
  if (values.help) return output.out(DIFF_HELP), EXIT.ok;
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('facegap diff takes one run folder, or two folders A and B');
  const protocol = protocolOf(values);
  const adapters = createNodeAdapters();
  // diff.json keeps absolute paths: the panel reopens the sides from wherever VS Code runs.
  const [a, b] = await sideSpecs(positionals.map((p) => resolve(p)), values, adapters);
  const outDir = values.out ?? defaultDiffDir(a, b);
  const bar = values['no-progress'] ? undefined : new ProgressBar(output, 'diffing');
  const mappingFile = values.mapping === undefined ? undefined : resolve(values.mapping);
  const record = await runDiff({ a, b, protocol, mappingFile, outDir }, adapters, {
    signal,
    onProgress: (p) => bar?.update(p.done, p.total, p.elapsedSeconds, p.done - p.reused, p.skipped > 0 ? `${p.skipped} skipped` : ''),
  });
  const exported = await exportMapping(values['export-mapping'], outDir, record, adapters);
  if (values.json) {
    output.out(JSON.stringify(diffJson(record, outDir, exported), null, 2));
    record.skipped.forEach((s) => output.err(`skipped: ${s.reason}`));
  } else {
    printDiff(record, outDir, exported, output);
  }
  if (record.complete && record.summary.images === 0) output.err('facegap diff: no image pair could be compared (see the matching and the skipped files above)');
  return !record.complete ? EXIT.interrupted : record.summary.images === 0 ? EXIT.failed : EXIT.ok;
}

function protocolOf(values: DiffValues): DiffProtocol {
  if (values.match !== 'sides' && values.match !== 'names') throw new UsageError(`--match must be sides or names, got "${values.match}"`);
  return { bandK: wholeNumberOption('band', values.band, 0, 64), match: values.match, sizeRule: 'b-to-a' };
}

/** The two sides: one run folder gives its ground truth and predictions; otherwise each folder is read as what it is (a run as its predictions). */
async function sideSpecs(paths: readonly string[], values: DiffValues, adapters: NodeAdapters): Promise<[LabelSideSpec, LabelSideSpec]> {
  const withSchema = (spec: LabelSideSpec, schema: string | undefined): LabelSideSpec =>
    schema === undefined ? spec : { ...spec, schema: schema.toLowerCase().endsWith('.json') ? resolve(schema) : schema };
  if (paths.length === 1) {
    if ((await detectSideKind(paths[0], adapters.files)) !== 'run') {
      throw new UsageError(`${paths[0]} is not a run folder of facegap eval; with one folder, facegap diff compares a run's ground truth with its predictions. Give two folders to compare others`);
    }
    const run = (kind: LabelSideSpec['kind'], schema: string | undefined): LabelSideSpec => withSchema({ kind, path: paths[0] }, schema);
    return [run('run-ground-truth', values['a-schema']), run('run-predictions', values['b-schema'])];
  }
  const spec = async (path: string, schema: string | undefined): Promise<LabelSideSpec> => {
    const kind = await detectSideKind(path, adapters.files);
    return withSchema({ kind: kind === 'run' ? 'run-predictions' : kind, path }, schema);
  };
  return [await spec(paths[0], values['a-schema']), await spec(paths[1], values['b-schema'])];
}

/** Copies the suggested mapping to the file --export-mapping names; returns where it is (undefined when nothing was compared). */
async function exportMapping(target: string | undefined, outDir: string, record: DiffRecord, adapters: NodeAdapters): Promise<string | undefined> {
  const written = joinPath(outDir, DIFF_FILES.mapping);
  if (record.summary.images === 0) return undefined;
  if (!target) return written;
  const bytes = await adapters.store.readIfExists(written);
  if (!bytes) throw new Error(`${written}: not written; nothing to export`);
  await adapters.store.writeAtomic(target, bytes);
  return target;
}
