import type { LabelSchema } from './labelSchema';
import { BUILTIN_ALIASES, BUILTIN_SCHEMAS } from './builtinSchemas';

/** Built-in schemas plus the user's schema files; ids are matched case-insensitively, built-in aliases included. */
export class SchemaRegistry {
  private readonly schemas = new Map<string, LabelSchema>();

  /** Starts with the given schemas (the built-ins by default). */
  constructor(initial: readonly LabelSchema[] = BUILTIN_SCHEMAS) {
    for (const schema of initial) this.register(schema);
  }

  /** Adds a schema; throws when its id (or an alias of a built-in) is already taken. */
  register(schema: LabelSchema): void {
    const key = schema.id.toLowerCase();
    const existing = this.schemas.get(key) ?? this.schemas.get(BUILTIN_ALIASES.get(key) ?? '');
    if (existing) {
      throw new Error(`Schema id "${schema.id}" is already used by ${existing.title} (${existing.id}); choose another id.`);
    }
    this.schemas.set(key, schema);
  }

  /** Whether a schema with this id or alias is known. */
  has(id: string): boolean {
    return this.find(id) !== undefined;
  }

  /** The schema with this id or alias, or undefined. */
  find(id: string): LabelSchema | undefined {
    const key = id.trim().toLowerCase();
    return this.schemas.get(key) ?? this.schemas.get(BUILTIN_ALIASES.get(key) ?? '');
  }

  /** The schema with this id or alias; throws an Error listing the known ids when there is none. */
  get(id: string): LabelSchema {
    const schema = this.find(id);
    if (!schema) {
      const known = this.list().map((s) => s.id).join(', ');
      throw new Error(`Unknown label schema "${id}". Known schemas: ${known}.`);
    }
    return schema;
  }

  /** All schemas, built-ins first, in registration order. */
  list(): LabelSchema[] {
    return [...this.schemas.values()];
  }
}
