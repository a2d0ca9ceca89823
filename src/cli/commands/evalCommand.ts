import { basename, join, resolve } from 'node:path';
import type { EvalSummary } from '../../core/eval/evalReport';
import type { EvalProtocol } from '../../core/eval/evalTypes';
import { parseScoringResolution } from '../../core/eval/scoringResolution';
import { HELEN_GROUPS } from '../../core/metrics/labelGroups';
import type { ExecutionProviderChoice } from '../../core/ports/modelRunner';
import { parseMappingJson } from '../../core/schema/mappingJson';
import type { ShardSpec } from '../../core/util/shards';
import type { PredictionRequest } from '../../node/evaluation/runEvaluation';
import { runEvaluation } from '../../node/evaluation/runEvaluation';
import { defaultInferenceWorkerPath, WorkerModelRunner } from '../../node/inference/workerModelRunner';
import type { NodeAdapters } from '../../node/nodeAdapters';
import { createNodeAdapters } from '../../node/nodeAdapters';
import { EXIT, shardOption, UsageError, wholeNumberOption } from '../cliErrors';
import { ProgressBar } from '../progressBar';
import { openDatasetFromArgs } from '../datasetArgs';
import { printDatasetProblems } from '../datasetProblems';
import type { TerminalOutput } from '../terminalOutput';
import { EVAL_HELP, parseEvalArgs, specFlagValues } from './evalOptions';
import type { EvalArgs } from './evalOptions';
import { printEvalSummary } from './evalPrinter';

const PROVIDERS: readonly ExecutionProviderChoice[] = ['auto', 'cpu', 'cuda', 'webgpu', 'dml', 'coreml'];

/** Runs `facegap eval`. */
export async function evalCommand(argv: readonly string[], output: TerminalOutput, signal: AbortSignal): Promise<number> {
  const args = parseEvalArgs(argv);
  const { values, positionals } = args;
  if (values.help) return output.out(EVAL_HELP), EXIT.ok;
  checkUsage(args);
  const adapters = createNodeAdapters();
  const root = positionals[0];
  const { registry, index, choice } = await openDatasetFromArgs(root, values, adapters, signal);
  printDatasetProblems(index.problems, root, output);
  const prediction = predictionRequest(values);
  const protocol = await evalProtocol(values, adapters, prediction);
  const shard = shardOption(values.shard);
  const outDir = values.out ?? defaultRunDir(root, prediction, shard);
  const runner = new WorkerModelRunner(defaultInferenceWorkerPath(__dirname));
  const bar = values['no-progress'] ? undefined : new ProgressBar(output, 'evaluating');
  try {
    const result = await runEvaluation(
      { dataset: { index, schema: choice.schema, schemaReason: choice.reason }, prediction, protocol, outDir, ...(shard ? { shard } : {}) },
      { adapters, registry, runner: () => runner },
      {
        signal,
        onReady: ({ warnings }) => warnings.forEach((w) => output.err(w)),
        onProgress: (p) => bar?.update(p.done, p.total, p.elapsedSeconds, p.done - p.reused, p.skipped > 0 ? `${p.skipped} skipped` : ''),
      },
    );
    result.warnings.forEach((w) => output.err(`warning: ${w}`));
    report(result.summary, result.runDir, values.json === true, output);
    // A shard of fewer items than shards may hold none, and has then nothing to fail at.
    const nothing = result.summary.images === 0 && !(shard && result.summary.counts.total === 0);
    return result.summary.status === 'interrupted' ? EXIT.interrupted : nothing ? EXIT.failed : EXIT.ok;
  } finally {
    await runner.dispose();
  }
}

function checkUsage({ values, positionals }: EvalArgs): void {
  if (positionals.length !== 1) throw new UsageError('facegap eval takes exactly one dataset folder');
  if (!values.model === !values.pred) throw new UsageError('give either --model <file.onnx> or --pred <folder>');
  if (values.ep !== undefined && !PROVIDERS.includes(values.ep as ExecutionProviderChoice)) {
    throw new UsageError(`--ep must be one of ${PROVIDERS.join(', ')}`);
  }
  if (values.pred && (values.spec || values.preset || values.ep)) throw new UsageError('--spec, --preset and --ep apply to --model only');
  if (values.boundary !== undefined) wholeNumberOption('boundary', values.boundary, 0, 999);
  if (values.threads !== undefined) wholeNumberOption('threads', values.threads, 0, 9999);
  if (values.groups !== undefined && !['helen', 'none'].includes(values.groups)) throw new UsageError('--groups must be helen or none');
  shardOption(values.shard);
}

function predictionRequest(values: EvalArgs['values']): PredictionRequest {
  if (values.pred) return { kind: 'folder', folder: values.pred, schema: values['pred-schema'] };
  return {
    kind: 'model',
    modelPath: values.model!,
    specFile: values.spec,
    preset: values.preset,
    specFlags: specFlagValues(values),
    executionProvider: (values.ep ?? 'auto') as ExecutionProviderChoice,
    threads: values.threads === undefined ? undefined : Number(values.threads),
  };
}

async function evalProtocol(values: EvalArgs['values'], adapters: NodeAdapters, prediction: PredictionRequest): Promise<EvalProtocol> {
  const resolution = parseScoringResolution(values['score-at'] ?? 'label');
  if (resolution.kind === 'model' && prediction.kind === 'folder') throw new UsageError('--score-at model needs --model');
  const protocol: EvalProtocol = { resolution, boundaryK: Number(values.boundary ?? 0), groups: values.groups === 'helen' ? HELEN_GROUPS : [] };
  if (!values.mapping) return protocol;
  return { ...protocol, mapping: parseMappingJson(await adapters.files.readText(values.mapping), values.mapping) };
}

/** facegap-runs/<dataset>--<model or prediction folder>[--shard-IofN], so that a rerun lands in the same folder and resumes. */
function defaultRunDir(root: string, prediction: PredictionRequest, shard: ShardSpec | undefined): string {
  const name = (p: string): string => basename(resolve(p)).replace(/\.onnx$/i, '').replace(/[^A-Za-z0-9._-]/g, '_');
  const source = prediction.kind === 'model' ? name(prediction.modelPath) : `pred-${name(prediction.folder)}`;
  return join('facegap-runs', `${name(root)}--${source}${shard ? `--shard-${shard.index}of${shard.count}` : ''}`);
}

function report(summary: EvalSummary, runDir: string, json: boolean, output: TerminalOutput): void {
  if (json) {
    output.out(JSON.stringify({ runDir, ...summary }, null, 2));
    summary.skipped.forEach((s) => output.err(`skipped: ${s.file}: ${s.reason}`));
    return;
  }
  printEvalSummary(summary, runDir, output);
}
