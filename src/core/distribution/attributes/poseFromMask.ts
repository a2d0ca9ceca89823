import { makeKey } from '../../schema/concepts';
import { centroid, conceptRegion, type LabelTally } from './labelTally';
import { poseFromEyesAndNose, type Pose } from './poseGeometry';

/**
 * Depth of the nose region's centroid in front of the eye centroids over the eye distance (k in `poseFromEyesAndNose`),
 * fitted by least squares (offset/distance against tan yaw) on 200 real-style faces of FaceGap's generator (seed 11,
 * yaw ±40°), whose true yaw is known; test/unit/distribution/attributesPose.test.ts checks it on other faces. On Microsoft's FaceSynthetics samples it ranks faces as the landmark
 * estimate does (r 0.99) but reads about 5° nearer frontal: a real face's proportions differ from the generator's.
 */
export const MASK_YAW_K = 0.32;

/** Below this many pixels a part's centroid is too uncertain to place it. */
const MIN_PART_PIXELS = 4;

/**
 * Roll and yaw from the mask: the centroids of the subject's left and right eye (sides in the subject's frame, from
 * the schema's left/right convention) and of the nose. Undefined when the schema has no sided eye classes or an eye
 * or the nose is (nearly) hidden.
 */
export function poseFromMask(tally: LabelTally): Pose | undefined {
  const left = tally.byKey.get(makeKey('eye', 'subject-left'));
  const right = tally.byKey.get(makeKey('eye', 'subject-right'));
  if (!left || !right) return undefined;
  const leftEye = centroid(left, MIN_PART_PIXELS);
  const rightEye = centroid(right, MIN_PART_PIXELS);
  const nose = centroid(conceptRegion(tally, new Set(['nose'])), MIN_PART_PIXELS);
  if (!leftEye || !rightEye || !nose) return undefined;
  return poseFromEyesAndNose(rightEye, leftEye, nose, MASK_YAW_K);
}
