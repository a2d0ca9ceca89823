import type { LabelMap } from '../raster/labelMap';
import type { LabelSchema } from '../schema/labelSchema';
import { buildFaceScene } from './buildFaceScene';
import { PRECISE_ANNOTATION, type AnnotationStyle } from './faceParams';
import type { FaceScene } from './faceScene';
import type { SampledFace } from './sampleFace';
import { sceneLabels } from './sceneLabels';

/** The scene to render and the labels an annotator with `style` draws for it, in `schema`. */
export function renderAndLabel(face: SampledFace, style: AnnotationStyle, schema: LabelSchema): { scene: FaceScene; labels: LabelMap } {
  const scene = buildFaceScene(face.params, PRECISE_ANNOTATION);
  const annotation: AnnotationStyle = { ...style, earsAsSkin: style.earsAsSkin || face.earsAsSkin };
  const same = JSON.stringify(annotation) === JSON.stringify(PRECISE_ANNOTATION);
  return { scene, labels: sceneLabels(same ? scene : buildFaceScene(face.params, annotation), schema) };
}
