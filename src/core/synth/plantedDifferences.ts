import type { LabelMap } from '../raster/labelMap';
import type { LabelSchema } from '../schema/labelSchema';
import type { ConceptId, SubjectSide } from '../schema/concepts';
import { PRECISE_ANNOTATION, type AnnotationStyle } from './faceParams';
import { annotatorStyle } from './annotateFace';
import { buildFaceScene } from './buildFaceScene';
import { classForConcept, sceneLabels } from './sceneLabels';
import type { SampledFace } from './sampleFace';

/** How one item's annotated labels differ from its exact geometry, per planted convention. */
export interface LabelDifference {
  /** Annotated brow area over true brow area (both brows). */
  readonly browAreaRatio: number;
  /** Mean distance between the true and the annotated hair outline, in pixels (differing area over outline length). */
  readonly hairOutlineOffsetPx: number;
  /** Share of true ear pixels the annotation calls skin. */
  readonly earAsSkinShare: number;
  /** Annotated glasses area over true (frame-only) glasses area; NaN without glasses. */
  readonly glassesAreaRatio: number;
}

const count = (map: LabelMap, id: number): number => map.data.reduce((n, v) => n + (v === id ? 1 : 0), 0);

/** Number of pixels of class `id` with a 4-neighbour of another class: the length of its outline in pixels. */
function outlineLength(map: LabelMap, id: number): number {
  const { width, height, data } = map;
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (data[p] !== id) continue;
      const edge = (x > 0 && data[p - 1] !== id) || (x < width - 1 && data[p + 1] !== id) || (y > 0 && data[p - width] !== id) || (y < height - 1 && data[p + width] !== id);
      if (edge) n++;
    }
  }
  return n;
}

/** Compares the labels an annotator with `style` draws for a face with the exact labels of its geometry, in `schema`. */
export function measureLabelDifference(face: SampledFace, style: AnnotationStyle, schema: LabelSchema): LabelDifference {
  const exact = sceneLabels(buildFaceScene(face.params, PRECISE_ANNOTATION), schema);
  const drawn = sceneLabels(buildFaceScene(face.params, annotatorStyle(face, style)), schema);
  const id = (concept: ConceptId, side?: SubjectSide): number => classForConcept(schema, concept, side);
  const brows = [id('brow', 'subject-left'), id('brow', 'subject-right')];
  const ears = [id('ear', 'subject-left'), id('ear', 'subject-right')];
  const browExact = brows.reduce((n, b) => n + count(exact, b), 0);
  const browDrawn = brows.reduce((n, b) => n + count(drawn, b), 0);
  const hair = id('hair');
  let hairDiff = 0;
  let earPixels = 0;
  let earSkin = 0;
  for (let p = 0; p < exact.data.length; p++) {
    if ((exact.data[p] === hair) !== (drawn.data[p] === hair)) hairDiff++;
    if (ears.includes(exact.data[p])) {
      earPixels++;
      if (drawn.data[p] === id('skin')) earSkin++;
    }
  }
  const glasses = id('glasses');
  return {
    browAreaRatio: browDrawn / Math.max(1, browExact),
    hairOutlineOffsetPx: hairDiff / Math.max(1, outlineLength(exact, hair)),
    earAsSkinShare: earPixels ? earSkin / earPixels : 0,
    glassesAreaRatio: face.params.glasses ? count(drawn, glasses) / Math.max(1, count(exact, glasses)) : NaN,
  };
}
