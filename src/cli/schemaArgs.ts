import type { FileAccess } from '../core/ports/fileAccess';
import type { LabelSchema } from '../core/schema/labelSchema';
import { parseSchemaJson } from '../core/schema/schemaJson';
import { SchemaRegistry } from '../core/schema/schemaRegistry';

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
