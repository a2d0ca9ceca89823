import type { ConceptId } from '../../schema/concepts';
import { AREA_PREFIX, PRESENCE_PREFIX } from './attributeCatalog';
import { centroid, conceptRegion, type LabelTally } from './labelTally';

/**
 * The concepts that make up the face. Besides skin and the facial parts it holds every concept whose pixels a schema
 * without it gives to one of them (glasses, beard and facewear fall back to skin, earrings to the ear), so the face
 * covers the same pixels whichever of those classes a schema has.
 */
export const FACE_CONCEPTS: ReadonlySet<ConceptId> = new Set<ConceptId>([
  'skin', 'nose', 'eye', 'brow', 'ear', 'mouth', 'upper_lip', 'lower_lip', 'glasses', 'beard', 'facewear', 'earring',
]);

/** A concept counts as present when it covers at least this share of the annotated pixels (stray predicted pixels do not). */
export const PRESENCE_MIN_SHARE = 1e-4;

/** Whether `pixels` of `annotated` make a concept present. */
function isPresent(pixels: number, annotated: number): boolean {
  return pixels > 0 && pixels >= PRESENCE_MIN_SHARE * annotated;
}

function faceValues(tally: LabelTally): Record<string, number> {
  const face = conceptRegion(tally, FACE_CONCEPTS);
  const centre = centroid(face);
  if (!centre) return { faceArea: 0 };
  return { faceArea: face.pixels / tally.annotated, faceCenterX: centre.x / tally.width, faceCenterY: centre.y / tally.height };
}

/** Presence and area share of each concept the schema has; a concept the schema lacks cannot be measured and stays absent. */
function conceptValues(tally: LabelTally, concepts: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const concept of concepts) {
    if (!tally.concepts.has(concept)) continue;
    const { pixels } = conceptRegion(tally, new Set([concept]));
    out[`${PRESENCE_PREFIX}${concept}`] = isPresent(pixels, tally.annotated) ? 1 : 0;
    out[`${AREA_PREFIX}${concept}`] = pixels / tally.annotated;
  }
  return out;
}

/**
 * Attributes read from the labels alone: faceArea (share of the annotated pixels, IGNORE_ID excluded), faceCenterX/Y
 * (the face's centroid as a share of width and height; absent without a face), mouthOpen (inner mouth present; absent
 * without a face or a mouth class) and presence:/area: per concept.
 */
export function labelAttributes(tally: LabelTally, concepts: readonly string[]): Record<string, number> {
  if (tally.annotated === 0) return {};
  const out: Record<string, number> = { ...faceValues(tally), ...conceptValues(tally, concepts) };
  if (out.faceArea > 0 && tally.concepts.has('mouth')) out.mouthOpen = isPresent(conceptRegion(tally, new Set(['mouth'])).pixels, tally.annotated) ? 1 : 0;
  return out;
}
