import type { DatasetItem } from '../../core/dataset/datasetIndex';
import { count } from '../../core/dataset/filePairing';
import type { DistSideRecord, DistSideSpec } from '../../core/distribution/distTypes';
import type { ModelPredictions } from '../../core/eval/modelPredictions';
import type { ExecutionProviderChoice } from '../../core/ports/modelRunner';
import type { LabelSchema } from '../../core/schema/labelSchema';
import { baseName } from '../../core/util/paths';
import { loadSchemaRegistry, openDatasetFolder } from '../dataset/openDatasetFolder';
import { openModelPredictions } from '../evaluation/openModelPredictions';
import { WorkerModelRunner } from '../inference/workerModelRunner';
import type { NodeAdapters } from '../nodeAdapters';
import { listImageFolder } from './imageFolder';

/** One side of a distribution comparison, opened: its images, where their labels come from, and its schema. */
export interface DistSide {
  readonly spec: DistSideSpec;
  readonly items: readonly DatasetItem[];
  /** The labels' schema (the dataset's, or the model's for predictions); undefined for an image folder without a model. */
  readonly schema?: LabelSchema;
  /** Set when a model's predictions stand in for labels. */
  readonly predictions?: ModelPredictions;
  /** Landmark points per file, when the layout has landmarks. */
  readonly landmarkPoints?: number;
  readonly notes: readonly string[];
  record(): DistSideRecord;
  /** Releases the model, if any. */
  close(): Promise<void>;
}

/** Where the inference worker of a model side lives (dist/inferenceWorker.js). */
export interface DistSideOptions {
  readonly workerPath: string;
  readonly executionProvider?: ExecutionProviderChoice;
}

/** Opens a side: a dataset folder (its labels), or an image folder with a model whose predictions stand in for labels. */
export async function openDistSide(spec: DistSideSpec, adapters: NodeAdapters, options: DistSideOptions, signal?: AbortSignal): Promise<DistSide> {
  if (spec.model) return openModelSide(spec, spec.model, adapters, options, signal);
  const { index, choice } = await openDatasetFolder(spec.path, { schema: spec.schema }, adapters, signal);
  const labelled = index.items.filter((i) => i.label).length;
  const notes = index.problems.slice(0, 20).map((p) => `${p.file}: ${p.problem}`);
  const description = `${baseName(index.root)} (${index.formatTitle.split(' (')[0]}, ${count(index.items.length)} images, ${labelled === index.items.length ? 'labels' : `${count(labelled)} labelled`}, ${choice.schema.id})`;
  return {
    spec,
    items: index.items,
    schema: choice.schema,
    landmarkPoints: index.landmarkPoints,
    notes,
    record: () => ({ spec, description, images: index.items.length, labelsFrom: labelled > 0 ? 'labels' : 'none' }),
    close: async () => undefined,
  };
}

async function openModelSide(spec: DistSideSpec, model: string, adapters: NodeAdapters, options: DistSideOptions, signal?: AbortSignal): Promise<DistSide> {
  const items = await listImageFolder(spec.path, adapters.files, signal);
  const registry = await loadSchemaRegistry(adapters.files, []);
  const runner = new WorkerModelRunner(options.workerPath);
  const request = { modelPath: model, specFile: spec.modelSpec, specFlags: {}, executionProvider: options.executionProvider ?? 'auto' };
  const opened = await openModelPredictions(request, runner, registry, adapters).catch(async (error: unknown) => {
    await runner.dispose();
    throw error;
  });
  const description = `${baseName(spec.path)} (${count(items.length)} images, labels predicted by ${baseName(model)}, ${opened.predictions.schema.id})`;
  return {
    spec,
    items,
    schema: opened.predictions.schema,
    predictions: opened.predictions,
    notes: [`${baseName(spec.path)}: label attributes from ${baseName(model)}'s predictions (${opened.predictions.executionProvider})`],
    record: () => ({ spec, description, images: items.length, labelsFrom: 'predictions' }),
    close: async () => {
      await opened.predictions.close();
      await runner.dispose();
    },
  };
}
