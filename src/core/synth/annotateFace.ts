import type { LabelMap } from '../raster/labelMap';
import type { LabelSchema } from '../schema/labelSchema';
import { buildFaceScene } from './buildFaceScene';
import { PRECISE_ANNOTATION, type AnnotationStyle } from './faceParams';
import type { FaceScene } from './faceScene';
import type { SampledFace } from './sampleFace';
import { sceneLabels } from './sceneLabels';

/** The style this face's annotator used: the profile's, with the ears inside skin when this annotator does that. */
export function annotatorStyle(face: SampledFace, style: AnnotationStyle): AnnotationStyle {
  return { ...style, earsAsSkin: style.earsAsSkin || face.earsAsSkin };
}

/** The scene to render and the labels an annotator with `style` draws for it, in `schema`. */
export function renderAndLabel(face: SampledFace, style: AnnotationStyle, schema: LabelSchema): { scene: FaceScene; labels: LabelMap } {
  const scene = buildFaceScene(face.params, PRECISE_ANNOTATION);
  const annotation = annotatorStyle(face, style);
  const precise = (Object.keys(PRECISE_ANNOTATION) as (keyof AnnotationStyle)[]).every((k) => annotation[k] === PRECISE_ANNOTATION[k]);
  return { scene, labels: sceneLabels(precise ? scene : buildFaceScene(face.params, annotation), schema) };
}
