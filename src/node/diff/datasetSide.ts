import type { LabelSideSpec } from '../../core/diff/diffTypes';
import type { DatasetIndex, DatasetItem, LabelSource } from '../../core/dataset/datasetIndex';
import { count } from '../../core/dataset/filePairing';
import { loadLabel } from '../../core/dataset/labelLoader';
import { labelFiles } from '../../core/eval/itemPreparation';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { NodeAdapters } from '../nodeAdapters';
import type { LabelSide } from './labelSide';
import { sideRecord } from './labelSide';
import { preloadedFiles, readLabelFiles } from './labelFiles';

/** What a side built on a dataset index is called and why its schema was chosen. */
export interface DatasetSideFacts {
  readonly description: string;
  readonly schemaReason: string;
  readonly notes?: readonly string[];
}

/** A side reading the ground truth of an indexed dataset (its items with labels). */
export function datasetLabelSide(spec: LabelSideSpec, index: DatasetIndex, schema: LabelSchema, facts: DatasetSideFacts, adapters: NodeAdapters): LabelSide {
  const items = new Map<string, DatasetItem & { label: LabelSource }>();
  for (const item of index.items) if (item.label) items.set(item.id, item as DatasetItem & { label: LabelSource });
  const notes = [...(facts.notes ?? []), ...indexNotes(index, items.size)];
  const itemOf = (id: string): DatasetItem & { label: LabelSource } => {
    const item = items.get(id);
    if (!item) throw new Error(`${index.root}: no labelled item "${id}"`);
    return item;
  };
  const side: LabelSide = {
    spec,
    description: facts.description,
    schema,
    schemaReason: facts.schemaReason,
    ids: [...items.keys()],
    notes,
    imageOf: (id) => items.get(id)?.imagePath,
    fileOf: (id) => describeFiles(labelFiles(itemOf(id).label)),
    async read(id, signal) {
      const item = itemOf(id);
      const read = await readLabelFiles(labelFiles(item.label), adapters, signal);
      const files = preloadedFiles(adapters.files, read.bytes);
      return { key: read.key, decode: async (decodeSignal) => (await loadLabel(item.label, schema, files, adapters.decoder, decodeSignal)).map };
    },
    async load(id, signal) {
      const read = await side.read(id, signal);
      return { map: await read.decode(signal), key: read.key };
    },
    record: () => sideRecord(side),
  };
  return side;
}

/** One file as it is; several (per-part masks) as the first and how many more. */
export function describeFiles(paths: readonly string[]): string {
  return paths.length <= 1 ? (paths[0] ?? '') : `${paths[0]} (and ${paths.length - 1} more part file${paths.length > 2 ? 's' : ''})`;
}

function indexNotes(index: DatasetIndex, labelled: number): string[] {
  const notes: string[] = [];
  const unlabelled = index.items.length - labelled;
  if (unlabelled > 0) notes.push(`${index.root}: ${count(unlabelled)} image(s) without labels are left out`);
  if (index.problems.length > 0) notes.push(`${index.root}: ${count(index.problems.length)} problem(s) found while pairing files (facegap info ${index.root} lists them)`);
  return notes;
}
