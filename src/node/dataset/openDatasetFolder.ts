import type { DatasetIndex } from '../../core/dataset/datasetIndex';
import type { SchemaChoice } from '../../core/dataset/inferDatasetSchema';
import { inferDatasetSchema } from '../../core/dataset/inferDatasetSchema';
import type { DatasetOverrides } from '../../core/dataset/openDataset';
import { openDataset } from '../../core/dataset/openDataset';
import type { FileAccess } from '../../core/ports/fileAccess';
import type { ImageDecoder } from '../../core/ports/imageDecoder';
import type { LabelSchema } from '../../core/schema/labelSchema';
import { parseSchemaJson } from '../../core/schema/schemaJson';
import { SchemaRegistry } from '../../core/schema/schemaRegistry';
import { RecordingFileAccess } from './recordingFileAccess';

/** Builds the schema registry: the built-ins plus every schema JSON file given. */
export async function loadSchemaRegistry(files: FileAccess, schemaFiles: readonly string[]): Promise<SchemaRegistry> {
  const registry = new SchemaRegistry();
  for (const file of schemaFiles) registry.register(parseSchemaJson(await files.readText(file), file));
  return registry;
}

/** Resolves a schema reference: a known id or alias, or a path to a schema JSON file (registered on the way). */
export async function resolveSchemaRef(value: string | undefined, registry: SchemaRegistry, files: FileAccess): Promise<LabelSchema | undefined> {
  if (value === undefined) return undefined;
  if (registry.has(value)) return registry.get(value);
  if (value.toLowerCase().endsWith('.json') && (await files.kind(value)) === 'file') {
    const schema = parseSchemaJson(await files.readText(value), value);
    if (!registry.has(schema.id)) registry.register(schema);
    return schema;
  }
  return registry.get(value);
}

/** How to open a dataset folder: layout overrides, a schema reference and extra schema files. */
export interface DatasetFolderOptions extends DatasetOverrides {
  readonly schema?: string;
  readonly schemaFiles?: readonly string[];
}

/** An opened dataset folder: its index, the chosen ground-truth schema and the registry it was chosen from. */
export interface OpenedDatasetFolder {
  readonly registry: SchemaRegistry;
  readonly index: DatasetIndex;
  readonly choice: SchemaChoice;
}

/** Detects a folder's layout (unless overridden), indexes it and chooses its schema. */
export async function openDatasetFolder(
  root: string,
  options: DatasetFolderOptions,
  adapters: { files: FileAccess; decoder: ImageDecoder },
  signal?: AbortSignal,
): Promise<OpenedDatasetFolder> {
  const registry = await loadSchemaRegistry(adapters.files, options.schemaFiles ?? []);
  const overrides: DatasetOverrides = { format: options.format, imagesDir: options.imagesDir, masksDir: options.masksDir };
  // Each folder listed once: layout detection asks every reader, and several list the root again.
  const files = new RecordingFileAccess(adapters.files);
  const index = await openDataset(files, root, overrides, signal);
  const explicit = await resolveSchemaRef(options.schema, registry, adapters.files);
  const choice = await inferDatasetSchema(index, registry.list(), files, adapters.decoder, explicit);
  return { registry, index, choice };
}
