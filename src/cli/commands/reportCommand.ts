import { parseArgs } from 'node:util';
import type { TolerantHeadline } from '../../core/report/tolerantScores';
import type { GeneratedReport } from '../../node/report/generateReport';
import { generateReport } from '../../node/report/generateReport';
import { facegapPackageJson } from '../../node/environmentInfo';
import { createNodeAdapters } from '../../node/nodeAdapters';
import { EXIT, UsageError, wholeNumberOption } from '../cliErrors';
import { loadSchemaRegistry } from '../datasetArgs';
import type { TerminalOutput } from '../terminalOutput';

/** Help text of `facegap report`. */
export const REPORT_HELP = `Usage: facegap report <run-folder> [<run-folder> ...] --out <file.html> [options]

Writes one self-contained HTML page (no network, thumbnails embedded) about one or more
run folders of "facegap eval --out": each run's dataset, model, provider, protocol and
timings; mean F1, mIoU and pixel accuracy with the change of every run against the FIRST;
for runs scored with --boundary, tolerant mean F1 and the boundary band's share of the error;
per-class F1 and IoU lined up by concept and the subject's side across label schemas;
a confusion heatmap and the worst images (image, ground truth, prediction, errors) per run;
with --diff, a label-gap section per "facegap diff" folder (findings and per-class table);
and with --dist, a distribution-gap section per "facegap dist" folder (findings, effect chart,
attribute table, histograms of the largest differences, and matching, feature distances,
performance by slice and the gap decomposition when the folder has them; figures as inline SVG).

Options:
  --out <file.html>         where to write the report (required; written atomically)
  --title <text>            page title (default: "FaceGap evaluation report")
  --worst <n>               worst images shown per run, by per-image mean F1 (default 6)
  --schema-file <file>      register a user schema JSON the runs used (repeatable)
  --diff <folder>           a "facegap diff" folder to show in the label-gap section (repeatable)
  --dist <folder>           a "facegap dist" folder to show in the distribution-gap section (repeatable)
  --json                    print the headline numbers as JSON instead of the path`;

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  title: { type: 'string' },
  worst: { type: 'string' },
  'schema-file': { type: 'string', multiple: true },
  diff: { type: 'string', multiple: true },
  dist: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Most worst images per run: each costs four embedded thumbnails. */
const MAX_WORST = 100;

/** Runs `facegap report`. */
export async function reportCommand(argv: readonly string[], output: TerminalOutput): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) return output.out(REPORT_HELP), EXIT.ok;
  if (positionals.length === 0) throw new UsageError('facegap report takes one or more run folders');
  if (!values.out) throw new UsageError('give the report file with --out <file.html>');
  const worst = wholeNumberOption('worst', values.worst ?? '6', 0, MAX_WORST);
  const adapters = createNodeAdapters();
  const registry = await loadSchemaRegistry(adapters.files, values['schema-file'] ?? []);
  const report = await generateReport(
    { runDirs: positionals, out: values.out, title: values.title ?? 'FaceGap evaluation report', worst, diffDirs: values.diff ?? [], distDirs: values.dist ?? [] },
    { adapters, registry, version: facegapPackageJson().version },
  );
  for (const run of report.model.runs) for (const note of run.notes) output.err(`note: ${note}`);
  if (values.json) output.out(JSON.stringify(headlineJson(report), null, 2));
  else output.out(report.out);
  return EXIT.ok;
}

/** The headline numbers for --json: one entry per run, deltas against the first run. */
function headlineJson(report: GeneratedReport): Record<string, unknown> {
  return {
    report: report.out,
    runs: report.model.headline.map((row) => ({
      run: row.dir,
      dataset: row.dataset,
      schema: row.schema,
      meanF1: row.meanF1,
      mIoU: row.mIoU,
      pixelAccuracy: row.pixelAccuracy,
      deltaMeanF1: row.delta.meanF1,
      deltaMIoU: row.delta.mIoU,
      deltaPixelAccuracy: row.delta.pixelAccuracy,
      ...(row.tolerant ? { tolerant: tolerantJson(row.tolerant) } : {}),
    })),
  };
}

function tolerantJson(t: TolerantHeadline): Record<string, unknown> {
  return { boundaryK: t.boundaryK, meanF1: t.meanF1, mIoU: t.mIoU, pixelAccuracy: t.pixelAccuracy, boundaryShareOfError: t.shareOfError, wrongPixelShare: t.shares.wrongPixels };
}
