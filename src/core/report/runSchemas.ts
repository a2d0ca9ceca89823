import type { RunRecord } from '../eval/runRecord';
import type { LabelSchema, Rgb, SchemaClass } from '../schema/labelSchema';
import type { SchemaRegistry } from '../schema/schemaRegistry';

/** A run's ground-truth schema, and a note when FaceGap had to stand in for an unknown one. */
export interface RunSchema {
  readonly schema: LabelSchema;
  readonly note?: string;
}

/** The schema run.json names, or a stand-in built from the class names the run scored (matched by name, generated colours). */
export function resolveRunSchema(record: RunRecord, registry: SchemaRegistry, classNames: readonly string[]): RunSchema {
  const id = record.dataset.schema;
  const known = registry.find(id);
  if (known) return { schema: known };
  const names = classNames.length > 0 ? classNames : (record.summary?.perClass.map((c) => c.name) ?? []);
  // A "/" would read as a side in a canonical key.
  const classes: SchemaClass[] = names.map((name, i) => ({ id: i, name, color: generatedColour(i), concept: name.replace(/\//g, '_') }));
  return {
    schema: { id, title: id, classes, leftRight: 'subject' },
    note: `label schema "${id}" is not known here (pass --schema-file with its JSON); its classes are matched to other runs by name and drawn in generated colours`,
  };
}

/** The schema id of the predictions: the model spec's schema, or the prediction folder's. */
export function predictionSchemaId(record: RunRecord): string | undefined {
  const p = record.predictions as { kind?: unknown; schema?: unknown; spec?: { schema?: unknown } };
  const id = p.kind === 'model' ? p.spec?.schema : p.schema;
  return typeof id === 'string' ? id : undefined;
}

/** Well-separated colours by id (golden-angle hues), for schemas without their own. */
function generatedColour(id: number): Rgb {
  if (id === 0) return [0, 0, 0];
  const hue = (id * 137.508) % 360;
  const f = (n: number): number => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (0.55 - 0.45 * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}
