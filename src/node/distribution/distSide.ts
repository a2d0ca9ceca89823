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
  const folders = [spec.path, ...(spec.morePaths ?? [])];
  const opened = [];
  for (const folder of folders) opened.push(await openDatasetFolder(folder, { schema: spec.schema }, adapters, signal));
  const schema = opened[0].choice.schema;
  const other = opened.find((o) => o.choice.schema.id !== schema.id);
  if (other) throw new Error(`${other.index.root}: its labels are in ${other.choice.schema.id}, ${opened[0].index.root}'s in ${schema.id}; a side pools folders of one schema only`);
  // Pooled folders keep their ids apart by the folder's name.
  const items = opened.flatMap((o) => (opened.length === 1 ? o.index.items : o.index.items.map((item) => ({ ...item, id: `${baseName(o.index.root)}/${item.id}` }))));
  const labelled = items.filter((i) => i.label).length;
  const notes = opened.flatMap((o) => o.index.problems.slice(0, 20).map((p) => `${p.file}: ${p.problem}`));
  const names = opened.map((o) => `${baseName(o.index.root)} (${o.index.formatTitle.split(' (')[0]})`).join(' + ');
  const description = `${names}: ${count(items.length)} images, ${labelled === items.length ? 'labels' : `${count(labelled)} labelled`}, ${schema.id}`;
  const points = new Set(opened.map((o) => o.index.landmarkPoints));
  return {
    spec,
    items,
    schema,
    landmarkPoints: points.size === 1 ? opened[0].index.landmarkPoints : undefined,
    notes,
    record: () => ({ spec, description, images: items.length, labelsFrom: labelled > 0 ? 'labels' : 'none' }),
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
