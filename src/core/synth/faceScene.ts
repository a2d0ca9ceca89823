import type { ConceptId, SubjectSide } from '../schema/concepts';
import type { Rgb } from './faceParams';
import type { Point, Ring } from './polygon';

/** Extra drawing inside a layer, clipped to it: it changes how the part looks, never which pixels it owns. */
export type Detail =
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number; readonly colour: Rgb; readonly opacity: number }
  | { readonly kind: 'stroke'; readonly points: readonly Point[]; readonly width: number; readonly colour: Rgb; readonly opacity: number }
  | { readonly kind: 'fill'; readonly rings: readonly Ring[]; readonly colour: Rgb; readonly opacity: number };

/** One labelled region of a face scene, drawn in painter's order. */
export interface SceneLayer {
  readonly concept: ConceptId;
  readonly side?: SubjectSide;
  /** Even-odd filled rings: a ring inside another makes a hole. */
  readonly rings: readonly Ring[];
  readonly colour: Rgb;
  /** 0..1: how strongly the light gradient shades this layer. */
  readonly shading: number;
  readonly details?: readonly Detail[];
}

/** A face as geometry: the image size, the light, the background and the labelled layers back to front. */
export interface FaceScene {
  readonly width: number;
  readonly height: number;
  readonly lightAngleDeg: number;
  readonly lightStrength: number;
  readonly backgroundColours: readonly [Rgb, Rgb];
  readonly backgroundDetails: readonly Detail[];
  readonly layers: readonly SceneLayer[];
}

/** Mixes a colour towards white (amount > 0) or black (amount < 0). */
export function shade(colour: Rgb, amount: number): Rgb {
  const target = amount >= 0 ? 255 : 0;
  const a = Math.min(1, Math.abs(amount));
  const mix = (v: number): number => Math.round(v + (target - v) * a);
  return [mix(colour[0]), mix(colour[1]), mix(colour[2])];
}
