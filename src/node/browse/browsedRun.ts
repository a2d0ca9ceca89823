import type { DatasetItem } from '../../core/dataset/datasetIndex';
import { FolderPredictions } from '../../core/eval/folderPredictions';
import type { ImageResult } from '../../core/eval/runJournal';
import type { RunInput } from '../../core/report/reportModel';
import { predictionSchemaId } from '../../core/report/runSchemas';
import { buildCrosswalk } from '../../core/schema/crosswalk';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { errorMessage } from '../../core/util/errors';
import type { NodeAdapters } from '../nodeAdapters';
import { readRunFolder } from '../report/readRunFolder';
import type { RunPictureSources } from '../report/runPictureSources';
import { canonicalFolder } from './canonicalFolder';

/** A run folder opened for browsing one dataset: its results by item id, and its predictions mapped into that dataset's schema. */
export interface BrowsedRun {
  readonly input: RunInput;
  readonly resultsById: ReadonlyMap<string, ImageResult>;
  /** gtSchema is the browsed dataset's schema (which may differ from the one the run scored in). */
  readonly sources: RunPictureSources;
  /** Problems met reading the run folder and its predictions, each naming the file or folder. */
  readonly notes: readonly string[];
}

/** The dataset a run is browsed against. */
export interface BrowseTarget {
  readonly root: string;
  readonly schema: LabelSchema;
  readonly items: ReadonlyMap<string, DatasetItem>;
}

/** Reads a run folder (throws when run.json is missing or malformed) and prepares its predictions for the target dataset. */
export async function openBrowsedRun(runDir: string, target: BrowseTarget, deps: { adapters: NodeAdapters; registry: SchemaRegistry }): Promise<BrowsedRun> {
  const input = await readRunFolder(runDir, deps.adapters.files, deps.registry);
  const notes = [...input.notes];
  const record = input.record;
  if ((await canonicalFolder(record.dataset.root)) !== (await canonicalFolder(target.root))) {
    notes.push(`${runDir}: the run evaluated ${record.dataset.root}, not ${target.root}; its results are matched by item id`);
  }
  const predId = predictionSchemaId(record);
  const predSchema = predId === undefined ? undefined : predId === input.schema.id ? input.schema : deps.registry.find(predId);
  if (!predSchema) notes.push(`${runDir}: prediction schema "${predId ?? 'unknown'}" is not known here; predictions cannot be shown`);
  if (record.protocol.sentences.some((s) => s.startsWith('crosswalk overrides from'))) {
    notes.push(`${runDir}: the run used --mapping overrides, which run.json does not keep; predictions are mapped with the default crosswalk`);
  }
  const sources: RunPictureSources = {
    runDir,
    gtSchema: target.schema,
    items: target.items,
    crosswalk: predSchema ? buildCrosswalk(predSchema, target.schema).table : undefined,
    folder: predSchema ? await openFolder(record.predictions, predSchema, deps.adapters, notes) : undefined,
    notes,
  };
  return { input, resultsById: new Map(input.images.map((r) => [r.id, r])), sources, notes };
}

async function openFolder(predictions: Record<string, unknown>, schema: LabelSchema, adapters: NodeAdapters, notes: string[]): Promise<FolderPredictions | undefined> {
  const { kind, folder } = predictions as { kind?: unknown; folder?: unknown };
  if (kind !== 'folder' || typeof folder !== 'string') return undefined;
  try {
    return await FolderPredictions.open(folder, schema, adapters);
  } catch (error) {
    const message = errorMessage(error);
    notes.push(message.startsWith(folder) ? message : `${folder}: prediction folder cannot be opened (${message})`);
    return undefined;
  }
}
