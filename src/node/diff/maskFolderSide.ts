import type { LabelSideSpec } from '../../core/diff/diffTypes';
import type { DatasetIndex } from '../../core/dataset/datasetIndex';
import { itemId } from '../../core/dataset/datasetIndex';
import { filesByStem, MASK_EXTENSIONS } from '../../core/dataset/filePairing';
import { inferDatasetSchema } from '../../core/dataset/inferDatasetSchema';
import type { DatasetProblem } from '../../core/dataset/datasetIndex';
import type { LabelSchema } from '../../core/schema/labelSchema';
import type { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { joinPath, stemOf } from '../../core/util/paths';
import type { NodeAdapters } from '../nodeAdapters';
import { datasetLabelSide } from './datasetSide';
import type { LabelSide } from './labelSide';

/** FaceSynthetics names its masks {id}_seg.png; the id is what pairs them with another side. */
const MASK_SUFFIX = /_seg$/;

/** How a mask folder side is described and which schema and items it has, when the caller knows. */
export interface MaskFolderOptions {
  readonly description?: string;
  readonly schema?: LabelSchema;
  readonly schemaReason?: string;
  /** Image paths by id (a run's journal knows them). */
  readonly images?: ReadonlyMap<string, string>;
  /** The mask folder when it is not spec.path (a run's --pred folder). */
  readonly folder?: string;
}

/**
 * A side reading a bare folder of mask files: <folder>/<stem>.png, or <folder>/<split>/<stem>.png. The schema is the
 * given one, else recognised from the masks as for a generic dataset (palette, colours, class statistics).
 */
export async function maskFolderSide(
  spec: LabelSideSpec,
  registry: SchemaRegistry,
  adapters: NodeAdapters,
  options: MaskFolderOptions = {},
): Promise<LabelSide> {
  const folder = options.folder ?? spec.path;
  const index = await indexMaskFolder(folder, adapters, options.images);
  if (index.items.length === 0) throw new Error(`${folder}: no mask files (${[...MASK_EXTENSIONS].join(', ')}) in the folder or its sub-folders`);
  const choice = await inferDatasetSchema(index, registry.list(), adapters.files, adapters.decoder, options.schema);
  const reason = options.schema ? (options.schemaReason ?? choice.reason) : choice.reason;
  const description = options.description ?? `masks in ${folder} (${choice.schema.id})`;
  const side = datasetLabelSide(spec, index, choice.schema, { description, schemaReason: reason }, adapters);
  return { ...side, imageOf: (id) => options.images?.get(id) };
}

/** Indexes a mask folder as a generic dataset whose items are the masks (the image is the mask unless `images` knows it). */
export async function indexMaskFolder(folder: string, adapters: Pick<NodeAdapters, 'files'>, images?: ReadonlyMap<string, string>): Promise<DatasetIndex> {
  if ((await adapters.files.kind(folder)) !== 'dir') throw new Error(`${folder}: mask folder not found`);
  const problems: DatasetProblem[] = [];
  const masks = new Map<string, string>();
  const entries = await adapters.files.list(folder);
  const stem = (name: string): string => stemOf(name).replace(MASK_SUFFIX, '');
  for (const [s, path] of filesByStem(folder, entries, MASK_EXTENSIONS, problems, stem)) masks.set(s, path);
  for (const sub of entries.filter((e) => e.kind === 'dir')) {
    const dir = joinPath(folder, sub.name);
    for (const [s, path] of filesByStem(dir, await adapters.files.list(dir), MASK_EXTENSIONS, problems, stem)) masks.set(itemId(sub.name, s), path);
  }
  const items = [...masks].map(([id, path]) => ({ id, imagePath: images?.get(id) ?? path, label: { kind: 'mask' as const, path } }));
  return { root: folder, format: 'generic', formatTitle: 'mask folder (masks by file stem)', items, problems, notes: [] };
}
