import type { SubjectSide } from '../schema/concepts';
import type { AnnotationStyle, FaceParams } from './faceParams';
import { shade, type SceneLayer } from './faceScene';
import { FACE_HALF_HEIGHT, type HeadProjection } from './headProjection';
import { ellipseArc, ellipseRing, insideRings, quadratic, thickenPolyline, type Point, type Ring } from './polygon';

/** The subject's two sides with the sign of their face-frame u: the subject's left is on the viewer's right. */
export const SIDES: readonly (readonly [SubjectSide, number])[] = [['subject-right', -1], ['subject-left', 1]];

const EAR_DEPTH = -0.35;

/** The face oval's silhouette: an egg, narrower at the chin, squeezed by yaw and pitch. */
export function faceOutline(h: HeadProjection): Ring {
  const ring: Point[] = [];
  for (let i = 0; i < 72; i++) {
    const t = (2 * Math.PI * i) / 72;
    const chin = Math.max(0, Math.sin(t)) ** 2;
    ring.push(h.flat(Math.cos(t) * (1 - 0.2 * chin) * h.silhouetteX, Math.sin(t) * FACE_HALF_HEIGHT * h.silhouetteY));
  }
  return ring;
}

/** Ears: ellipses behind the face plane, so the far ear hides behind the face when the head turns. */
export function earLayers(p: FaceParams, h: HeadProjection): SceneLayer[] {
  return SIDES.map(([side, sign]) => ({
    concept: 'ear' as const,
    side,
    rings: [ellipseRing(sign * 1.0, 0.05, 0.17, 0.32, 32).map(([u, v]) => h.at(u, v, EAR_DEPTH))],
    colour: shade(p.skinTone, -0.08),
    shading: 0.5,
  }));
}

/** Where a side's earring hangs, or undefined when that ear is hidden behind the face. */
export function earringCentre(h: HeadProjection, face: Ring, sign: number): Point | undefined {
  const lobe = h.at(sign * 1.02, 0.33, EAR_DEPTH);
  return insideRings([face], lobe[0], lobe[1]) ? undefined : lobe;
}

/** The eyes: almond shapes with a coloured iris clipped inside. */
export function eyeLayers(p: FaceParams, h: HeadProjection): SceneLayer[] {
  return SIDES.map(([side, sign]) => {
    const cx = sign * 0.36;
    const inner: Point = [cx - sign * 0.16, -0.04];
    const outer: Point = [cx + sign * 0.16, -0.06];
    const upper = quadratic(inner, [cx, -0.2], outer, 12);
    const lower = quadratic(outer, [cx, 0.05], inner, 12).slice(1, -1);
    const [ix, iy] = h.surface(cx, -0.05);
    return {
      concept: 'eye' as const,
      side,
      rings: [[...upper, ...lower].map(([u, v]) => h.surface(u, v))],
      colour: [236, 232, 226],
      shading: 0.2,
      details: [
        { kind: 'circle' as const, cx: ix, cy: iy, r: 0.075 * h.scale, colour: p.irisColour, opacity: 1 },
        { kind: 'circle' as const, cx: ix, cy: iy, r: 0.032 * h.scale, colour: [15, 12, 10], opacity: 1 },
      ],
    };
  });
}

/** The brows: tapering arcs; an annotation style may draw them thicker than they are. */
export function browLayers(p: FaceParams, h: HeadProjection, style: AnnotationStyle): SceneLayer[] {
  const grow = style.browGrowPx / h.scale;
  return SIDES.map(([side, sign]) => {
    const line = quadratic([sign * 0.14, -0.26], [sign * 0.38, -0.4], [sign * 0.62, -0.27], 14);
    const band = thickenPolyline(line, (t) => p.browThickness * (1 - 0.45 * t) + grow);
    return { concept: 'brow' as const, side, rings: [band.map(([u, v]) => h.surface(u, v, 0.02))], colour: shade(p.hairColour, -0.1), shading: 0.2 };
  });
}

/** The nose: narrow at the bridge, wide at the nostrils, its tip standing out from the face. */
export function noseLayer(p: FaceParams, h: HeadProjection): SceneLayer {
  const outline: Point[] = [[-0.07, -0.12], [0.07, -0.12], [0.12, 0.18], [0.19, 0.3], [0.1, 0.38], [0, 0.4], [-0.1, 0.38], [-0.19, 0.3], [-0.12, 0.18]];
  const lift = (v: number): number => 0.32 * Math.max(0, (v + 0.12) / 0.5);
  const [n1x, n1y] = h.surface(-0.08, 0.33, lift(0.33));
  const [n2x, n2y] = h.surface(0.08, 0.33, lift(0.33));
  return {
    concept: 'nose',
    rings: [outline.map(([u, v]) => h.surface(u, v, lift(v)))],
    colour: shade(p.skinTone, -0.04),
    shading: 0.7,
    details: [
      { kind: 'circle', cx: n1x, cy: n1y, r: 0.035 * h.scale, colour: shade(p.skinTone, -0.45), opacity: 0.8 },
      { kind: 'circle', cx: n2x, cy: n2y, r: 0.035 * h.scale, colour: shade(p.skinTone, -0.45), opacity: 0.8 },
    ],
  };
}

/** Lips and, when the mouth is open, the inner mouth between them. */
export function mouthLayers(p: FaceParams, h: HeadProjection): SceneLayer[] {
  const y0 = 0.66;
  const gap = p.mouthOpen * 0.1;
  const [l, r]: Point[] = [[-0.28, y0], [0.28, y0]];
  const upperTop = [...quadratic(l, [-0.14, y0 - 0.12], [0, y0 - 0.06], 8), ...quadratic([0, y0 - 0.06], [0.14, y0 - 0.12], r, 8).slice(1)];
  const upperBottom = quadratic(r, [0, y0 - gap], l, 14).slice(1, -1);
  const lowerTop = quadratic(l, [0, y0 + gap], r, 14);
  const lowerBottom = quadratic(r, [0, y0 + 0.2 + gap], l, 14).slice(1, -1);
  const project = (ring: readonly Point[]): Ring => ring.map(([u, v]) => h.surface(u, v, 0.03));
  const layers: SceneLayer[] = [];
  if (gap > 0.01) {
    const inner = [...quadratic(l, [0, y0 - gap], r, 14), ...quadratic(r, [0, y0 + gap], l, 14).slice(1, -1)];
    const teeth = [...quadratic(l, [0, y0 - gap], r, 14), ...quadratic(r, [0, y0 - gap * 0.2], l, 14).slice(1, -1)];
    layers.push({ concept: 'mouth', rings: [project(inner)], colour: [88, 24, 30], shading: 0.1, details: [{ kind: 'fill', rings: [project(teeth)], colour: [238, 236, 228], opacity: 1 }] });
  }
  layers.push({ concept: 'upper_lip', rings: [project([...upperTop, ...upperBottom])], colour: p.lipColour, shading: 0.4 });
  layers.push({ concept: 'lower_lip', rings: [project([...lowerTop, ...lowerBottom])], colour: shade(p.lipColour, 0.08), shading: 0.4 });
  return layers;
}

/** Neck and clothing: the body does not turn with the head, so they are only placed and scaled. */
export function bodyLayers(p: FaceParams, h: HeadProjection): SceneLayer[] {
  const s = h.scale;
  const bottom = (p.height - p.centerY) / s + 1;
  const neck: Ring = [[-0.5, 0.5], [0.5, 0.5], [0.56, bottom], [-0.56, bottom]].map(([x, y]) => [p.centerX + s * x, p.centerY + s * y]);
  const shoulders = ellipseArc(0, 2.2, 2.3, 0.55, Math.PI, 2 * Math.PI, 24);
  const cloth: Ring = [...shoulders, [2.3, bottom], [-2.3, bottom]].map(([x, y]) => [p.centerX + s * x, p.centerY + s * y]);
  const collar = ellipseArc(0, 1.62, 0.55, 0.3, 0, Math.PI, 16).map(([x, y]): Point => [p.centerX + s * x, p.centerY + s * y]);
  return [
    { concept: 'neck', rings: [neck], colour: shade(p.skinTone, -0.12), shading: 0.4 },
    { concept: 'cloth', rings: [cloth], colour: p.clothingColour, shading: 0.5, details: [{ kind: 'stroke', points: collar, width: 0.05 * s, colour: shade(p.clothingColour, -0.3), opacity: 0.7 }] },
  ];
}
