import type { FaceParams } from './faceParams';
import type { Point } from './polygon';

/** Face-frame height of the face oval: the face is 1 unit wide on each side of its centre and this tall. */
export const FACE_HALF_HEIGHT = 1.3;
/** How far the face surface bulges towards the camera at its centre, in face units. */
export const FACE_DEPTH = 0.9;

/** Projects face-frame points (u right, v down, z towards the camera; face half-width 1) to image pixels. */
export interface HeadProjection {
  /** A point on the face surface, lifted by `lift` above it. */
  surface(u: number, v: number, lift?: number): Point;
  /** A point at an explicit depth z. */
  at(u: number, v: number, z: number): Point;
  /** A point in the head's silhouette frame: not turned by yaw or pitch, only tilted, scaled and placed. */
  flat(x: number, y: number): Point;
  /** The silhouette half-width and half-height factors that yaw and pitch leave of the face oval. */
  readonly silhouetteX: number;
  readonly silhouetteY: number;
  /** Face half-width in pixels. */
  readonly scale: number;
}

/** Depth of the face surface at a face-frame point (an ellipsoid). */
export function surfaceDepth(u: number, v: number): number {
  return FACE_DEPTH * Math.sqrt(Math.max(0, 1 - u * u - (v / FACE_HALF_HEIGHT) ** 2));
}

/** Builds the orthographic head projection for a face's pose, scale and position. */
export function headProjection(p: FaceParams): HeadProjection {
  const yaw = (p.yawDeg * Math.PI) / 180;
  const pitch = (p.pitchDeg * Math.PI) / 180;
  const roll = (p.rollDeg * Math.PI) / 180;
  const s = p.faceWidth / 2;
  const [cr, sr] = [Math.cos(roll), Math.sin(roll)];
  const place = (x: number, y: number): Point => [p.centerX + s * (x * cr - y * sr), p.centerY + s * (x * sr + y * cr)];
  const at = (u: number, v: number, z: number): Point => {
    const x1 = u * Math.cos(yaw) + z * Math.sin(yaw);
    const z1 = -u * Math.sin(yaw) + z * Math.cos(yaw);
    const y2 = v * Math.cos(pitch) - z1 * Math.sin(pitch);
    return place(x1, y2);
  };
  return {
    at,
    surface: (u, v, lift = 0) => at(u, v, surfaceDepth(u, v) + lift),
    flat: place,
    silhouetteX: Math.hypot(Math.cos(yaw), FACE_DEPTH * Math.sin(yaw)),
    silhouetteY: Math.hypot(Math.cos(pitch), (FACE_DEPTH / FACE_HALF_HEIGHT) * Math.sin(pitch)),
    scale: s,
  };
}
