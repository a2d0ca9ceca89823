import { getConcept } from '../../core/schema/concepts';
import type { LabelSchema } from '../../core/schema/labelSchema';

/** Concepts both sides' schemas have: the presence:/area: attributes compare only these (area:background is how much scene the framing leaves). */
export function sharedConcepts(a: LabelSchema | undefined, b: LabelSchema | undefined): string[] {
  if (!a || !b) return [];
  const inB = new Set(b.classes.map((c) => c.concept));
  const seen = new Set<string>();
  for (const cls of a.classes) if (inB.has(cls.concept) && getConcept(cls.concept)) seen.add(cls.concept);
  return [...seen];
}
