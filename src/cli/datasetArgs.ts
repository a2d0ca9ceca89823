import type { DatasetFormatId, DatasetIndex } from '../core/dataset/datasetIndex';
import type { SchemaChoice } from '../core/dataset/inferDatasetSchema';
import type { FileAccess } from '../core/ports/fileAccess';
import type { ImageDecoder } from '../core/ports/imageDecoder';
import type { SchemaRegistry } from '../core/schema/schemaRegistry';
import { openDatasetFolder } from '../node/dataset/openDatasetFolder';
import { UsageError } from './cliErrors';

export { loadSchemaRegistry } from '../node/dataset/openDatasetFolder';

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
  return openDatasetFolder(
    root,
    { format: values.format as DatasetFormatId | undefined, imagesDir: values.images, masksDir: values.masks, schema: values.schema, schemaFiles: values['schema-file'] ?? [] },
    adapters,
    signal,
  );
}
