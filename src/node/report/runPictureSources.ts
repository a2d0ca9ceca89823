import type { DatasetFormatId, DatasetItem } from '../../core/dataset/datasetIndex';
import { openDataset } from '../../core/dataset/openDataset';
import { FolderPredictions } from '../../core/eval/folderPredictions';
import type { RunInput } from '../../core/report/reportModel';
import { predictionSchemaId } from '../../core/report/runSchemas';
import { buildCrosswalk } from '../../core/schema/crosswalk';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { errorMessage } from '../../core/util/errors';
import type { NodeAdapters } from '../nodeAdapters';

/** Where a run's pictures come from: the dataset's items (images and labels), and how its predictions map into the ground truth's schema. */
export interface RunPictureSources {
  readonly runDir: string;
  readonly gtSchema: LabelSchema;
  /** Dataset items by id, when the dataset folder could be opened again. */
  readonly items?: ReadonlyMap<string, DatasetItem>;
  /** Prediction ids → ground-truth ids, when the prediction schema is known. */
  readonly crosswalk?: Uint8Array;
  /** The prediction folder of a --pred run (FaceGap keeps no pred/*.png for those). */
  readonly folder?: FolderPredictions;
  /** Why some pictures will be missing, each naming the file or folder. */
  readonly notes: readonly string[];
}

/** Opens the dataset and the predictions of a run for its thumbnails; whatever fails becomes a note, never an error. */
export async function openRunPictureSources(run: RunInput, registry: SchemaRegistry, adapters: NodeAdapters): Promise<RunPictureSources> {
  const notes: string[] = [];
  const root = run.record.dataset.root;
  let items: Map<string, DatasetItem> | undefined;
  try {
    const index = await openDataset(adapters.files, root, { format: run.record.dataset.format as DatasetFormatId });
    items = new Map(index.items.map((item) => [item.id, item]));
  } catch (error) {
    notes.push(`${root}: dataset folder cannot be opened (${firstLine(errorMessage(error))}); ground-truth overlays and error maps are left out`);
  }
  const predId = predictionSchemaId(run.record);
  const predSchema = predId === run.schema.id ? run.schema : predId === undefined ? undefined : registry.find(predId);
  if (!predSchema) notes.push(`${run.dir}: prediction schema "${predId ?? 'unknown'}" is not known here; prediction overlays and error maps are left out`);
  const crosswalk = predSchema ? buildCrosswalk(predSchema, run.schema).table : undefined;
  if (run.record.protocol.sentences.some((s) => s.startsWith('crosswalk overrides from'))) {
    notes.push(`${run.dir}: the run used --mapping overrides, which run.json does not keep; its error maps use the default crosswalk`);
  }
  const folder = predSchema ? await openFolder(run, predSchema, adapters, notes) : undefined;
  return { runDir: run.dir, gtSchema: run.schema, items, crosswalk, folder, notes };
}

async function openFolder(run: RunInput, schema: LabelSchema, adapters: NodeAdapters, notes: string[]): Promise<FolderPredictions | undefined> {
  const p = run.record.predictions as { kind?: unknown; folder?: unknown };
  if (p.kind !== 'folder' || typeof p.folder !== 'string') return undefined;
  try {
    return await FolderPredictions.open(p.folder, schema, adapters);
  } catch (error) {
    notes.push(`${p.folder}: prediction folder cannot be opened (${errorMessage(error)}); prediction overlays are left out`);
    return undefined;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
