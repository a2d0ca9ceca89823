import type { Point } from '../../dataset/landmarks';

/** Head pose in degrees, in FaceGap's generator convention (see `poseFromEyesAndNose`). */
export interface Pose {
  readonly roll: number;
  readonly yaw: number;
}

const DEG = 180 / Math.PI;

/**
 * Roll and yaw from the centres of the subject's right and left eye and a nose point, by orthographic geometry.
 *
 * Roll is the angle of the line from the subject's right eye to the left one: positive when the subject's left eye
 * is lower in the image (the head tilts towards the subject's left shoulder), as `rollDeg` in src/core/synth.
 *
 * Yaw: a head turned by θ moves a nose point that stands `depth` in front of the eyes by depth·sin θ along the eye line,
 * while the eye distance shrinks to d·cos θ, so offset / distance = k·tan θ with k = depth / d, and
 * yaw = atan(offset / (k · distance)). Positive when the nose moves towards the subject's left eye (the face turns to
 * the subject's left; the nose points to the image's right in an upright face), as `yawDeg` in src/core/synth.
 *
 * An eye line pointing the wrong way (|roll| > 90°) means the labels name the sides the other way round (a slip, or a
 * mirrored image): faces in these datasets are upright, so the two eyes are swapped rather than the head turned over.
 */
export function poseFromEyesAndNose(rightEye: Point, leftEye: Point, nose: Point, k: number): Pose | undefined {
  if (leftEye.x < rightEye.x) return poseFromEyesAndNose(leftEye, rightEye, nose, k);
  const dx = leftEye.x - rightEye.x;
  const dy = leftEye.y - rightEye.y;
  const distance = Math.hypot(dx, dy);
  if (!(distance > 0) || !(k > 0)) return undefined;
  const offset = ((nose.x - (leftEye.x + rightEye.x) / 2) * dx + (nose.y - (leftEye.y + rightEye.y) / 2) * dy) / distance;
  return { roll: Math.atan2(dy, dx) * DEG, yaw: Math.atan(offset / (k * distance)) * DEG };
}
