import type { LabelSchema, LeftRightConvention, NamedSide, SchemaClass } from './labelSchema';

/** Ids of the canonical concepts every label schema is mapped onto. */
export type ConceptId =
  | 'background'
  | 'skin'
  | 'nose'
  | 'eye'
  | 'brow'
  | 'ear'
  | 'mouth'
  | 'upper_lip'
  | 'lower_lip'
  | 'hair'
  | 'neck'
  | 'cloth'
  | 'glasses'
  | 'hat'
  | 'earring'
  | 'necklace'
  | 'beard'
  | 'facewear';

/** A side in the pictured person's own frame, independent of any schema's naming. */
export type SubjectSide = 'subject-left' | 'subject-right';

/** One canonical concept: what it is, whether it has a left and a right, and where its pixels go when a schema lacks it. */
export interface Concept {
  readonly id: ConceptId;
  readonly title: string;
  readonly sided: boolean;
  /** The concept that takes this one's pixels in a schema without it (null: none, the pixels are ignored). */
  readonly fallback: ConceptId | null;
}

/** The canonical concept set, in a stable display order. */
export const CONCEPTS: readonly Concept[] = [
  { id: 'background', title: 'background', sided: false, fallback: null },
  { id: 'skin', title: 'skin', sided: false, fallback: null },
  { id: 'nose', title: 'nose', sided: false, fallback: null },
  { id: 'eye', title: 'eye', sided: true, fallback: null },
  { id: 'brow', title: 'eyebrow', sided: true, fallback: null },
  { id: 'ear', title: 'ear', sided: true, fallback: 'skin' },
  { id: 'mouth', title: 'inner mouth', sided: false, fallback: null },
  { id: 'upper_lip', title: 'upper lip', sided: false, fallback: null },
  { id: 'lower_lip', title: 'lower lip', sided: false, fallback: null },
  { id: 'hair', title: 'hair', sided: false, fallback: null },
  { id: 'neck', title: 'neck', sided: false, fallback: null },
  { id: 'cloth', title: 'clothing', sided: false, fallback: null },
  { id: 'glasses', title: 'glasses', sided: false, fallback: 'skin' },
  { id: 'hat', title: 'hat', sided: false, fallback: 'hair' },
  { id: 'earring', title: 'earring', sided: false, fallback: 'ear' },
  { id: 'necklace', title: 'necklace', sided: false, fallback: 'neck' },
  { id: 'beard', title: 'beard', sided: false, fallback: 'skin' },
  { id: 'facewear', title: 'facewear', sided: false, fallback: 'skin' },
];

const BY_ID = new Map<string, Concept>(CONCEPTS.map((c) => [c.id, c]));

/** Whether a string is a canonical concept id. */
export function isConceptId(id: string): id is ConceptId {
  return BY_ID.has(id);
}

/** The concept with this id, or undefined. */
export function getConcept(id: string): Concept | undefined {
  return BY_ID.get(id);
}

/** Converts a side named in a schema's convention to the subject's frame ("viewer" left is the subject's right). */
export function toSubjectSide(convention: LeftRightConvention, side: NamedSide): SubjectSide {
  const subjectLeft = convention === 'subject' ? side === 'left' : side === 'right';
  return subjectLeft ? 'subject-left' : 'subject-right';
}

/** Converts a side in the subject's frame to the name a schema with this convention gives it. */
export function toNamedSide(convention: LeftRightConvention, side: SubjectSide): NamedSide {
  const left = side === 'subject-left';
  return (convention === 'subject') === left ? 'left' : 'right';
}

/** Builds a canonical key from a concept and an optional side, e.g. "eye/subject-left" or "skin". */
export function makeKey(concept: string, side?: SubjectSide): string {
  return side ? `${concept}/${side}` : concept;
}

/** Splits a canonical key into its concept and side. */
export function splitKey(key: string): { concept: string; side?: SubjectSide } {
  const slash = key.indexOf('/');
  if (slash < 0) return { concept: key };
  return { concept: key.slice(0, slash), side: key.slice(slash + 1) as SubjectSide };
}

/**
 * The canonical key of a class: its concept plus, for sided concepts, the side in the subject's frame.
 * A sided class without a side gets the bare concept key, which matches no sided class.
 */
export function canonicalKey(schema: Pick<LabelSchema, 'leftRight'>, cls: SchemaClass): string {
  const concept = getConcept(cls.concept);
  if (!concept?.sided || !cls.side) return cls.concept;
  return makeKey(cls.concept, toSubjectSide(schema.leftRight, cls.side));
}

/** Reads a canonical key as words, e.g. "eye/subject-left" → "subject's left eye". */
export function describeKey(key: string): string {
  const { concept, side } = splitKey(key);
  const title = getConcept(concept)?.title ?? concept;
  if (!side) return title;
  return `subject's ${side === 'subject-left' ? 'left' : 'right'} ${title}`;
}
