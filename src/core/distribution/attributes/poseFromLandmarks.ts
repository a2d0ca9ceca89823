import type { Point } from '../../dataset/landmarks';
import { poseFromEyesAndNose, type Pose } from './poseGeometry';

/** Landmark layouts FaceGap reads pose from. */
export type LandmarkLayout = 'facesynthetics-70' | 'lapa-106' | 'unknown';

interface LayoutIndices {
  readonly points: number;
  /** The two eyes' points (either order: sides are told apart by position). */
  readonly eyes: readonly [readonly number[], readonly number[]];
  /** The nose bridge from one end to the other; its end farther from the eyes is the nose tip. */
  readonly bridge: readonly [number, number];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * FaceSynthetics: the 68 iBUG points (eyes 36–41 and 42–47, nose bridge 27–30 ending at the tip) plus two pupils (68, 69),
 * confirmed on Microsoft's sample files. LaPa 106: eyes 66–74 and 75–83, nose bridge 51–54, as the left/right pairs of
 * mmpose's LaPa dataset description give them (contour 0↔32, eyes 66–74↔75–83, the bridge unpaired).
 */
const LAYOUTS: Readonly<Record<Exclude<LandmarkLayout, 'unknown'>, LayoutIndices>> = {
  'facesynthetics-70': { points: 70, eyes: [range(36, 41), range(42, 47)], bridge: [27, 30] },
  'lapa-106': { points: 106, eyes: [range(66, 74), range(75, 83)], bridge: [51, 54] },
};

/**
 * k of `poseFromEyesAndNose` for the nose tip: its depth in front of the eye centres over the eye distance on the
 * OpenFace 68-point mean 3-D face (38.4 over 65.7 units), which real noses follow better than the generator's.
 */
export const LANDMARK_YAW_K = 0.585;

function mean(points: readonly Point[], indices: readonly number[]): Point {
  let x = 0;
  let y = 0;
  for (const i of indices) {
    x += points[i].x;
    y += points[i].y;
  }
  return { x: x / indices.length, y: y / indices.length };
}

const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Roll and yaw from landmarks: the eye centres (means of each eye's points) and the nose tip. Faces are taken as upright
 * (|roll| < 90°), so the eye on the image's left is the subject's right whichever index order a layout uses.
 * Undefined for an unknown layout, a point count the layout does not have, or non-finite points.
 */
export function poseFromLandmarks(points: readonly Point[], layout: LandmarkLayout): Pose | undefined {
  if (layout === 'unknown') return undefined;
  const spec = LAYOUTS[layout];
  if (points.length !== spec.points || !points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) return undefined;
  const [a, b] = spec.eyes.map((eye) => mean(points, eye));
  const [rightEye, leftEye] = a.x <= b.x ? [a, b] : [b, a];
  const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const [end1, end2] = spec.bridge.map((i) => points[i]);
  const tip = distance(end1, middle) >= distance(end2, middle) ? end1 : end2;
  return poseFromEyesAndNose(rightEye, leftEye, tip, LANDMARK_YAW_K);
}
