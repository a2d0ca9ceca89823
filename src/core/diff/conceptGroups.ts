import { canonicalKey, getConcept, splitKey } from '../schema/concepts';
import type { LabelSchema } from '../schema/labelSchema';
import type { OffsetTotals } from './boundaryOffset';
import type { DiffTotals } from './diffTotals';
import type { ClassDiff } from './diffTypes';

/** The classes of one concept in A's schema (both sides of a sided concept together), with their totals summed. */
export interface ConceptGroup extends OffsetTotals {
  readonly concept: string;
  /** How the finding names it: "eyebrows", "hair", "eyebrow on the subject's left". */
  readonly words: string;
  /** Whether `words` takes a plural verb. */
  readonly plural: boolean;
  readonly classes: readonly string[];
  readonly ids: readonly number[];
  readonly pixelsA: number;
  readonly pixelsB: number;
  readonly imagesA: number;
  readonly imagesB: number;
  readonly perimeterA: number;
  readonly smoothPerimeterA: number;
  readonly perimeterB: number;
  readonly smoothPerimeterB: number;
}

const PLURAL: Readonly<Record<string, string>> = { eye: 'eyes', brow: 'eyebrows', ear: 'ears', glasses: 'glasses', earring: 'earrings' };

function words(concept: string, sided: boolean, count: number): string {
  const title = getConcept(concept)?.title ?? concept;
  return sided || count > 1 ? (PLURAL[concept] ?? `${title}s`) : title;
}

function groupOf(concept: string, words: string, plural: boolean, diffs: readonly ClassDiff[], totals: DiffTotals): ConceptGroup {
  const sum = (f: (d: ClassDiff) => number): number => diffs.reduce((n, d) => n + f(d), 0);
  const total = (key: keyof OffsetTotals | 'perimeterA' | 'smoothPerimeterA' | 'perimeterB' | 'smoothPerimeterB'): number =>
    diffs.reduce((n, d) => n + (totals.classes.get(d.id)?.[key] ?? 0), 0);
  return {
    concept,
    words,
    plural,
    classes: diffs.map((d) => d.name),
    ids: diffs.map((d) => d.id),
    pixelsA: sum((d) => d.pixelsA),
    pixelsB: sum((d) => d.pixelsB),
    imagesA: Math.max(...diffs.map((d) => d.imagesA)),
    imagesB: Math.max(...diffs.map((d) => d.imagesB)),
    offsetSum: total('offsetSum'),
    offsetCount: total('offsetCount'),
    distanceSum: total('distanceSum'),
    distanceCount: total('distanceCount'),
    perimeterA: total('perimeterA'),
    smoothPerimeterA: total('smoothPerimeterA'),
    perimeterB: total('perimeterB'),
    smoothPerimeterB: total('smoothPerimeterB'),
  };
}

/** Groups A's classes by concept (both sides of a sided concept together), in schema order, summing their results. */
export function conceptGroups(schemaA: LabelSchema, perClass: readonly ClassDiff[], totals: DiffTotals): ConceptGroup[] {
  const order: string[] = [];
  const members = new Map<string, ClassDiff[]>();
  for (const cls of schemaA.classes) {
    const diff = perClass.find((d) => d.id === cls.id);
    if (!diff) continue;
    if (!members.has(cls.concept)) order.push(cls.concept);
    members.set(cls.concept, [...(members.get(cls.concept) ?? []), diff]);
  }
  return order.map((concept) => {
    const diffs = members.get(concept) ?? [];
    const sided = getConcept(concept)?.sided ?? false;
    return groupOf(concept, words(concept, sided, diffs.length), sided || diffs.length > 1 || concept === 'glasses', diffs, totals);
  });
}

/** One group per class of a concept group ("subject's left eyebrow"), for differences only one side has. */
export function classGroups(schemaA: LabelSchema, group: ConceptGroup, perClass: readonly ClassDiff[], totals: DiffTotals): ConceptGroup[] {
  return group.ids.map((id) => {
    const cls = schemaA.classes.find((c) => c.id === id);
    const { side } = splitKey(cls ? canonicalKey(schemaA, cls) : '');
    const title = getConcept(group.concept)?.title ?? group.concept;
    const words = side ? `${title} on the subject's ${side === 'subject-left' ? 'left' : 'right'}` : title;
    return groupOf(group.concept, words, false, perClass.filter((d) => d.id === id), totals);
  });
}
