import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DistSideSpec } from '../../core/distribution/distTypes';
import { parseEmbedderFlags } from '../../core/distribution/features/embedderSpec';
import { runDistribution, type DistRequest } from '../../node/distribution/runDistribution';
import { createNodeAdapters } from '../../node/nodeAdapters';
import { EXIT, shardOption, UsageError, wholeNumberOption } from '../cliErrors';
import { ProgressBar } from '../progressBar';
import type { TerminalOutput } from '../terminalOutput';
import { distJson, printDist } from './distPrinter';

/** Help text of `facegap dist`. */
export const DIST_HELP = `Usage: facegap dist <A> <B> [options]

Compares what two datasets show: per-image attributes (face size and position, roll and yaw, mouth
open, skin tone ITA°, brightness, contrast, saturation, colourfulness, sharpness, noise, JPEG quality,
presence and area of each class both label), compared attribute by attribute (Wasserstein-1 for
continuous attributes, total variation for binary ones, an effect size, a direction and a sentence),
largest differences first. Importance weights make A's attributes match B's, and a matched subset of A
is written as a file list, with the distances before and after.

A and B are dataset folders (their labels). An unlabeled image folder needs --a-model/--b-model: that
parser's predictions stand in for labels. Writes a folder: dist.json, attributes-a.jsonl and
attributes-b.jsonl (per image; a rerun reuses unchanged images), weights-a.csv, matched-subset-a.txt.

Options:
  --out <folder>             result folder (default: facegap-runs/<A>--vs--<B>-dist)
  --a-add, --b-add <folder>  pool another dataset folder of the same schema into a side (repeatable)
  --a-schema, --b-schema     a side's label schema when FaceGap cannot recognise it
  --a-model, --b-model       an ONNX face parser for an unlabeled side (its sidecar or --a-spec/--b-spec)
  --a-spec, --b-spec         the model spec file of --a-model/--b-model
  --features <model.onnx>    a feature extractor: Fréchet distance, KID, precision/recall, density/coverage;
                             a pooled [N,D] output, or an [N,C,h,w] output averaged over h×w
  --features-output <name>   which output holds the features (default: the first)
  --features-size, --features-mean, --features-std, --features-scale, --features-color-order
                             its preprocessing (default 224, ImageNet mean/std, 1/255, RGB; a fixed input size wins)
  --match-size <n>           size of the matched subset of A (default: B's image count)
  --run <run-folder>         a facegap eval run on A or B: mean F1 by attribute slice over the other side,
                             and the score expected if the run's images were distributed like the other side
  --real-run, --syn-run, --matched-run <run-folder>
                             runs of a real-trained, a synthetic-trained and a distribution-matched
                             synthetic model on one real test set: the gap decomposition
  --ep <provider>            execution provider for models (auto, cpu, cuda, webgpu, dml, coreml)
  --shard i/n                measure only shard i (1..n) of each side's images (contiguous blocks); the
                             shard's summary is partial: facegap merge combines the n folders, then weights,
                             features, slices and the decomposition are computed over all images
  --json                     print the summary as JSON on stdout
  --no-progress              no progress bar`;

const OPTIONS = {
  out: { type: 'string' },
  'a-add': { type: 'string', multiple: true },
  'b-add': { type: 'string', multiple: true },
  'a-schema': { type: 'string' },
  'b-schema': { type: 'string' },
  'a-model': { type: 'string' },
  'b-model': { type: 'string' },
  'a-spec': { type: 'string' },
  'b-spec': { type: 'string' },
  features: { type: 'string' },
  'features-output': { type: 'string' },
  'features-size': { type: 'string' },
  'features-mean': { type: 'string' },
  'features-std': { type: 'string' },
  'features-scale': { type: 'string' },
  'features-color-order': { type: 'string' },
  'match-size': { type: 'string' },
  run: { type: 'string' },
  'real-run': { type: 'string' },
  'syn-run': { type: 'string' },
  'matched-run': { type: 'string' },
  ep: { type: 'string', default: 'auto' },
  shard: { type: 'string' },
  json: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const PROVIDERS = ['auto', 'cpu', 'cuda', 'webgpu', 'dml', 'coreml'] as const;

type DistValues = ReturnType<typeof parseDistArgs>['values'];

function parseDistArgs(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
}

function side(path: string, values: DistValues, which: 'a' | 'b'): DistSideSpec {
  const optional = (value: string | undefined): string | undefined => (value === undefined ? undefined : resolve(value));
  const schema = values[`${which}-schema`];
  const model = optional(values[`${which}-model`]);
  const spec = optional(values[`${which}-spec`]);
  const more = (values[`${which}-add`] ?? []).map((p) => resolve(p));
  return { path: resolve(path), ...(more.length ? { morePaths: more } : {}), ...(schema ? { schema } : {}), ...(model ? { model } : {}), ...(spec ? { modelSpec: spec } : {}) };
}

function gapOf(values: DistValues): DistRequest['gap'] {
  const [real, synthetic, matched] = [values['real-run'], values['syn-run'], values['matched-run']];
  if (real === undefined && synthetic === undefined && matched === undefined) return undefined;
  if (real === undefined || synthetic === undefined) throw new UsageError('the gap decomposition needs --real-run and --syn-run (and --matched-run for the distribution part)');
  return { real: resolve(real), synthetic: resolve(synthetic), ...(matched ? { matched: resolve(matched) } : {}) };
}

/** The --features-* flags, as the embedder spec parser reads them. */
function embedderFlags(values: DistValues): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => key.startsWith('features-') && typeof value === 'string')) as Record<string, string | undefined>;
}

function requestOf(positionals: readonly string[], values: DistValues): DistRequest {
  if (!(PROVIDERS as readonly string[]).includes(values.ep)) throw new UsageError(`--ep must be one of ${PROVIDERS.join(', ')}, got "${values.ep}"`);
  const [a, b] = [side(positionals[0], values, 'a'), side(positionals[1], values, 'b')];
  const name = (p: string): string => basename(p).replace(/[^A-Za-z0-9._-]/g, '_');
  const shard = shardOption(values.shard);
  const shardSuffix = shard ? `--shard-${shard.index}of${shard.count}` : '';
  return {
    a,
    b,
    outDir: resolve(values.out ?? join('facegap-runs', `${name(a.path)}--vs--${name(b.path)}-dist${shardSuffix}`)),
    ...(shard ? { shard } : {}),
    ...(values.features ? { features: { model: resolve(values.features), spec: parseEmbedderFlags(embedderFlags(values)) } } : {}),
    ...(values['match-size'] ? { matchSize: wholeNumberOption('match-size', values['match-size'], 1, 10_000_000) } : {}),
    ...(values.run ? { run: resolve(values.run) } : {}),
    ...(gapOf(values) ? { gap: gapOf(values) } : {}),
    executionProvider: values.ep as (typeof PROVIDERS)[number],
  };
}

/** Runs `facegap dist`. */
export async function distCommand(argv: readonly string[], output: TerminalOutput, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseDistArgs(argv);
  if (values.help) return output.out(DIST_HELP), EXIT.ok;
  if (positionals.length !== 2) throw new UsageError('facegap dist takes two folders, A and B');
  const request = requestOf(positionals, values);
  const bar = values['no-progress'] ? undefined : new ProgressBar(output, 'measuring');
  const record = await runDistribution(request, createNodeAdapters(), {
    signal,
    onProgress: (p) => bar?.update(p.done, p.total, p.elapsedSeconds, p.done - p.reused, p.skipped > 0 ? `${p.skipped} skipped` : ''),
  });
  if (values.json) output.out(JSON.stringify(distJson(record, request.outDir), null, 2));
  else printDist(record, request.outDir, output);
  record.skipped.slice(0, 20).forEach((s) => output.err(`skipped ${s.side}: ${s.file}: ${s.reason}`));
  // A shard of fewer images than shards may hold none of a side, and has then nothing to fail at.
  const items = record.shard ? [record.shard.itemsA, record.shard.itemsB] : [1, 1];
  return (items[0] > 0 && record.summary.imagesA === 0) || (items[1] > 0 && record.summary.imagesB === 0) ? EXIT.failed : EXIT.ok;
}
