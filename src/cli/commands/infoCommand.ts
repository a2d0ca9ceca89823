import { parseArgs } from 'node:util';
import type { DatasetInfo } from '../../core/dataset/datasetInfo';
import { collectDatasetInfo } from '../../core/dataset/datasetInfo';
import { createNodeAdapters } from '../../node/nodeAdapters';
import { EXIT, UsageError } from '../cliErrors';
import { ProgressBar } from '../progressBar';
import { openDatasetFromArgs } from '../datasetArgs';
import type { TerminalOutput } from '../terminalOutput';
import { percent, table } from '../terminalOutput';

/** Help text of `facegap info`. */
export const INFO_HELP = `Usage: facegap info <dataset-folder> [options]

Detects the dataset layout and label schema, reads every image header, label and landmark
file, and prints the classes present with their pixel shares and every problem found.

Options:
  --schema <id|file.json>   label schema of the ground truth (default: detected)
  --schema-file <file>      register a user schema JSON (repeatable)
  --format <id>             force a layout: facesynthetics, celebamask-hq, lapa, helen, generic
  --images <dir>            images folder, relative to the dataset (generic layout)
  --masks <dir>             masks folder, relative to the dataset (generic layout)
  --json                    print the report as JSON
  --no-progress             no progress bar`;

const OPTIONS = {
  schema: { type: 'string' },
  'schema-file': { type: 'string', multiple: true },
  format: { type: 'string' },
  images: { type: 'string' },
  masks: { type: 'string' },
  json: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs `facegap info`. */
export async function infoCommand(argv: readonly string[], output: TerminalOutput, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) return output.out(INFO_HELP), EXIT.ok;
  if (positionals.length !== 1) throw new UsageError('facegap info takes exactly one dataset folder');
  const adapters = createNodeAdapters();
  const { index, choice } = await openDatasetFromArgs(positionals[0], values, adapters, signal);
  const bar = values['no-progress'] ? undefined : new ProgressBar(output, 'reading');
  const started = adapters.now();
  const info = await collectDatasetInfo(index, choice, adapters, {
    signal,
    onProgress: (done, total) => bar?.update(done, total, adapters.now() - started),
  });
  if (values.json) output.out(JSON.stringify(info, null, 2));
  else printInfo(info, output);
  return EXIT.ok;
}

function printInfo(info: DatasetInfo, output: TerminalOutput): void {
  const sizes = (record: Record<string, number>): string =>
    Object.entries(record).map(([size, n]) => `${size} ×${n}`).join(', ') || '–';
  output.out(info.formatTitle);
  output.out(`  folder     ${info.root}`);
  output.out(`  schema     ${info.schema.id} (${info.schema.title}): ${info.schema.reason}`);
  output.out(`  images     ${info.images} paired (${info.imagesRead} readable); sizes ${sizes(info.imageSizes)}`);
  output.out(`  labels     sizes ${sizes(info.labelSizes)}; stored as ${sizes(info.labelEncodings)}`);
  const points = Object.entries(info.landmarks.pointsPerFile).map(([p, n]) => `${n} with ${p} points`).join(', ');
  output.out(`  landmarks  ${info.landmarks.files > 0 ? `${info.landmarks.files} files (${points})` : 'none'}`);
  if (info.ignoredPixels > 0) output.out(`  ignored    ${info.ignoredPixels.toLocaleString('en-US')} px labelled 255 (never scored)`);
  for (const note of info.notes) output.out(`  note       ${note}`);
  output.out('');
  const rows = info.classes.map((c) => [String(c.id), c.name, c.pixels.toLocaleString('en-US'), percent(c.share, 2), String(c.images)]);
  for (const line of table(['id', 'class', 'pixels', 'share', 'images'], rows)) output.out(line);
  output.out('');
  if (info.problems.length === 0) output.out('problems: none');
  else {
    output.out(`problems: ${info.problems.length}`);
    for (const p of info.problems) output.out(`  ${p.file}: ${p.problem}`);
  }
}
