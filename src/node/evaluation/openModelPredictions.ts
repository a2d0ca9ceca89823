import { basename } from 'node:path';
import { classCountOf } from '../../core/eval/itemScoring';
import { ModelPredictions } from '../../core/eval/modelPredictions';
import type { PartialModelSpec } from '../../core/model/modelSpec';
import { parseModelSpecJson } from '../../core/model/modelSpec';
import type { ModelSpecFlagValues } from '../../core/model/modelSpecFlags';
import { parseModelSpecFlags } from '../../core/model/modelSpecFlags';
import { getModelPreset } from '../../core/model/modelPresets';
import type { ResolvedModelSpec, SpecLayer } from '../../core/model/resolveModelSpec';
import { resolveModelSpec } from '../../core/model/resolveModelSpec';
import type { ExecutionProviderChoice, ModelRunner, ModelSession } from '../../core/ports/modelRunner';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { defaultInferenceThreads } from '../inference/inferenceThreads';
import type { NodeAdapters } from '../nodeAdapters';

/** How the user described a model to run. */
export interface ModelRequest {
  readonly modelPath: string;
  readonly specFile?: string;
  readonly preset?: string;
  readonly specFlags: ModelSpecFlagValues;
  readonly executionProvider: ExecutionProviderChoice;
  readonly threads?: number;
}

/** An opened model ready to predict, and the spec layers that described it. */
export interface OpenedModel {
  readonly predictions: ModelPredictions;
  readonly session: ModelSession;
  readonly resolved: ResolvedModelSpec;
}

/** Opens the model in the runner, resolves its spec (probe < preset < sidecar < --spec < flags) and hashes the file. */
export async function openModelPredictions(
  request: ModelRequest,
  runner: ModelRunner,
  registry: SchemaRegistry,
  adapters: NodeAdapters,
): Promise<OpenedModel> {
  const layers = await specLayers(request, adapters);
  const modelBytes = await adapters.files.readBytes(request.modelPath);
  const threads = request.threads ?? defaultInferenceThreads();
  const session = await runner.open(request.modelPath, { executionProvider: request.executionProvider, threads });
  try {
    const resolved = resolveModelSpec({
      modelName: basename(request.modelPath),
      inputs: session.inputs,
      outputs: session.outputs,
      layers,
      schemaClassCount: (id) => (registry.has(id) ? classCountOf(registry.get(id)) : undefined),
    });
    const schema = registry.get(resolved.spec.schema);
    const facts = { path: request.modelPath, sha256: adapters.hasher.sha256(modelBytes), sizeBytes: modelBytes.length, intraOpThreads: threads };
    const predictions = new ModelPredictions(session, resolved, schema, facts, adapters);
    return { predictions, session, resolved };
  } catch (error) {
    await session.dispose();
    throw error;
  }
}

async function specLayers(request: ModelRequest, adapters: NodeAdapters): Promise<SpecLayer[]> {
  const layers: SpecLayer[] = [];
  if (request.preset) layers.push({ kind: 'preset', label: `preset ${request.preset}`, spec: getModelPreset(request.preset).spec });
  for (const sidecar of sidecarPaths(request.modelPath)) {
    if ((await adapters.files.kind(sidecar)) === 'file') layers.push({ kind: 'file', label: sidecar, spec: await readSpec(sidecar, adapters) });
  }
  if (request.specFile) layers.push({ kind: 'file', label: request.specFile, spec: await readSpec(request.specFile, adapters) });
  layers.push({ kind: 'flags', label: 'flags', spec: parseModelSpecFlags(request.specFlags) });
  return layers;
}

/** Where a model's sidecar spec may lie: model.facegap.json or model.onnx.facegap.json. */
export function sidecarPaths(modelPath: string): string[] {
  const stem = modelPath.replace(/\.onnx$/i, '');
  return stem === modelPath ? [`${modelPath}.facegap.json`] : [`${stem}.facegap.json`, `${modelPath}.facegap.json`];
}

async function readSpec(path: string, adapters: NodeAdapters): Promise<PartialModelSpec> {
  return parseModelSpecJson(await adapters.files.readText(path), path);
}
