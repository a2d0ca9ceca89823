import type { DatasetFormatId, DatasetIndex } from '../core/dataset/datasetIndex';
import type { SchemaChoice } from '../core/dataset/inferDatasetSchema';
import { inferDatasetSchema } from '../core/dataset/inferDatasetSchema';
import { openDataset } from '../core/dataset/openDataset';
import type { FileAccess } from '../core/ports/fileAccess';
import type { ImageDecoder } from '../core/ports/imageDecoder';
import type { LabelSchema } from '../core/schema/labelSchema';
import { parseSchemaJson } from '../core/schema/schemaJson';
import { SchemaRegistry } from '../core/schema/schemaRegistry';
import { UsageError } from './cliErrors';

/** Builds the schema registry: the built-ins plus every --schema-file. */
export async function loadSchemaRegistry(files: FileAccess, schemaFiles: readonly string[]): Promise<SchemaRegistry> {
  const registry = new SchemaRegistry();
  for (const file of schemaFiles) registry.register(parseSchemaJson(await files.readText(file), file));
  return registry;
}

/** Resolves a --schema value: a known id or alias, or a path to a schema JSON file (registered on the way). */
export async function resolveSchemaArg(value: string | undefined, registry: SchemaRegistry, files: FileAccess): Promise<LabelSchema | undefined> {
  if (value === undefined) return undefined;
  if (registry.has(value)) return registry.get(value);
  if (value.toLowerCase().endsWith('.json') && (await files.kind(value)) === 'file') {
    const schema = parseSchemaJson(await files.readText(value), value);
    if (!registry.has(schema.id)) registry.register(schema);
    return schema;
  }
  return registry.get(value);
}

/** The dataset options that info and eval share. */
export interface DatasetArgs {
  readonly schema?: string;
  readonly 'schema-file'?: string[];
  readonly format?: string;
  readonly images?: string;
  readonly masks?: string;
}

const FORMATS: readonly DatasetFormatId[] = ['facesynthetics', 'celebamask-hq', 'lapa', 'helen', 'generic'];

/** Opens a dataset folder as the options say: layout detection (or --format/--images/--masks) and its schema. */
export async function openDatasetFromArgs(
  root: string,
  values: DatasetArgs,
  adapters: { files: FileAccess; decoder: ImageDecoder },
  signal: AbortSignal,
): Promise<{ registry: SchemaRegistry; index: DatasetIndex; choice: SchemaChoice }> {
  if (values.format !== undefined && !FORMATS.includes(values.format as DatasetFormatId)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  }
  const registry = await loadSchemaRegistry(adapters.files, values['schema-file'] ?? []);
  const overrides = { format: values.format as DatasetFormatId | undefined, imagesDir: values.images, masksDir: values.masks };
  const index = await openDataset(adapters.files, root, overrides, signal);
  const explicit = await resolveSchemaArg(values.schema, registry, adapters.files);
  const choice = await inferDatasetSchema(index, registry.list(), adapters.files, adapters.decoder, explicit);
  return { registry, index, choice };
}
