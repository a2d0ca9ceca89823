import type { DatasetFormatId } from '../../src/core/dataset/datasetIndex';
import type { EvalProtocol } from '../../src/core/eval/evalTypes';
import type { ModelRunner } from '../../src/core/ports/modelRunner';
import { openDatasetFromArgs } from '../../src/cli/datasetArgs';
import type { EvaluationHooks, EvaluationResult, PredictionRequest } from '../../src/node/evaluation/runEvaluation';
import { runEvaluation } from '../../src/node/evaluation/runEvaluation';
import { createNodeAdapters } from '../../src/node/nodeAdapters';

/** Strict scoring at the label's resolution, no groups. */
export const STRICT: EvalProtocol = { resolution: { kind: 'label' }, boundaryK: 0, groups: [] };

/** Opens a dataset folder the way the CLI does and evaluates it into outDir. */
export async function evaluateFolder(
  root: string,
  prediction: PredictionRequest,
  outDir: string,
  options: { runner?: ModelRunner; protocol?: EvalProtocol; schema?: string; format?: DatasetFormatId; hooks?: EvaluationHooks } = {},
): Promise<EvaluationResult> {
  const adapters = createNodeAdapters();
  const { registry, index, choice } = await openDatasetFromArgs(root, { schema: options.schema, format: options.format }, adapters, new AbortController().signal);
  return runEvaluation(
    { dataset: { index, schema: choice.schema, schemaReason: choice.reason }, prediction, protocol: options.protocol ?? STRICT, outDir },
    {
      adapters,
      registry,
      runner: () => {
        if (!options.runner) throw new Error('this test has no model runner');
        return options.runner;
      },
    },
    options.hooks,
  );
}

/** A model prediction request on the cpu provider. */
export function modelRequest(model: string, spec: string): PredictionRequest {
  return { kind: 'model', modelPath: model, specFile: spec, specFlags: {}, executionProvider: 'cpu', threads: 1 };
}
