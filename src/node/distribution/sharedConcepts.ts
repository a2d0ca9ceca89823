import { getConcept } from '../../core/schema/concepts';
import type { LabelSchema } from '../../core/schema/labelSchema';

/** Concepts both sides' schemas have (background left out): the presence:/area: attributes compare only these. */
export function sharedConcepts(a: LabelSchema | undefined, b: LabelSchema | undefined): string[] {
  if (!a || !b) return [];
  const inB = new Set(b.classes.map((c) => c.concept));
  const seen = new Set<string>();
  for (const cls of a.classes) if (cls.concept !== 'background' && inB.has(cls.concept) && getConcept(cls.concept)) seen.add(cls.concept);
  return [...seen];
}
