import type { LabelSchema } from '../../core/schema/labelSchema';
import type { SchemaView } from '../../protocol/viewTypes';

/** A label schema as the webviews show it: id, title, and each class's id, name and colour. */
export function schemaView(schema: LabelSchema): SchemaView {
  return {
    id: schema.id,
    title: schema.title,
    classes: schema.classes.map((c) => ({ id: c.id, name: c.name, color: [c.color[0], c.color[1], c.color[2]] as const })),
  };
}
