import type { AnnotationStyle, FaceParams } from './faceParams';
import { shade, type Detail, type SceneLayer } from './faceScene';
import type { HeadProjection } from './headProjection';
import { decimateRing, ellipseRing, quadratic, type Point, type Ring } from './polygon';
import { earringCentre, SIDES } from './faceParts';
import { mulberry32, uniform, type Random } from './random';

const HAIR_OUTLINE_VERTICES = 120;

/** The outer hair contour over the top of the head, from the right temple over the crown to the left, with strand-level wiggle. */
function crownArc(h: HeadProjection, rand: Random, from: number, to: number, widen: number): Point[] {
  const phase = rand() * Math.PI * 2;
  const points: Point[] = [];
  for (let i = 0; i < HAIR_OUTLINE_VERTICES; i++) {
    const t = from + ((to - from) * i) / (HAIR_OUTLINE_VERTICES - 1);
    const wiggle = 1 + 0.022 * Math.sin(17 * t + phase) + 0.014 * (rand() - 0.5);
    const x = Math.cos(t) * 1.14 * widen * wiggle * h.silhouetteX;
    const y = -0.15 + Math.sin(t) * 1.32 * wiggle * h.silhouetteY;
    points.push(h.flat(x, y));
  }
  return points;
}

/** The hairline across the forehead, from the left temple back to the right. */
function hairline(h: HeadProjection, p: FaceParams): Point[] {
  const depth = p.hairStyle === 'bald' ? -0.2 : 0;
  return quadratic([1.0, -0.1], [0, -1.25 + depth], [-1.0, -0.1], 20).map(([u, v]) => h.surface(u, v, 0.02));
}

/** Hair behind the head (long, bob and bun styles), drawn before the ears and face. */
function hairBack(p: FaceParams, h: HeadProjection, rand: Random): Ring[] {
  if (p.hairStyle === 'long' || p.hairStyle === 'bob') {
    const bottom = p.hairStyle === 'long' ? 2.1 : 0.95;
    const crown = crownArc(h, rand, Math.PI * 0.92, Math.PI * 2.08, 1.05);
    const sides = [h.flat(1.3 * h.silhouetteX, bottom), h.flat(-1.3 * h.silhouetteX, bottom)];
    return [[...crown, ...sides]];
  }
  if (p.hairStyle === 'bun') return [ellipseRing(0, -1.55, 0.4, 0.33, 40).map(([x, y]) => h.flat(x * h.silhouetteX, y * h.silhouetteY))];
  return [];
}

/** Strands drawn inside the hair: texture only, the label stays the hair outline. */
function strands(p: FaceParams, h: HeadProjection, rand: Random): Detail[] {
  const details: Detail[] = [];
  for (let i = 0; i < 14; i++) {
    const x0 = uniform(rand, -1.1, 1.1);
    const line = quadratic([x0, -1.5], [x0 * 1.25, -0.9], [x0 * 1.15 + uniform(rand, -0.1, 0.1), uniform(rand, -0.5, 1.5)], 10).map(([x, y]) => h.flat(x * h.silhouetteX, y));
    details.push({ kind: 'stroke', points: line, width: 0.025 * h.scale, colour: shade(p.hairColour, i % 2 ? 0.25 : -0.3), opacity: 0.5 });
  }
  return details;
}

/** Hair layers: the back hair (behind the face) and the front hair over the crown; an annotation style may coarsen the outline. */
export function hairLayers(p: FaceParams, h: HeadProjection, style: AnnotationStyle): { back: SceneLayer[]; front: SceneLayer[] } {
  if (p.hairStyle === 'bald') return { back: [], front: [] };
  const rand = mulberry32(p.detailSeed ^ 0x4a1f);
  const coarse = (ring: Ring): Ring => decimateRing(ring, style.hairVertexStep);
  const texture = strands(p, h, rand);
  const backRings = hairBack(p, h, rand).map(coarse);
  const front: Ring = coarse([...crownArc(h, rand, Math.PI, Math.PI * 2, 1), ...hairline(h, p)]);
  const layer = (rings: readonly Ring[]): SceneLayer => ({ concept: 'hair', rings, colour: p.hairColour, shading: 0.6, details: texture });
  return { back: backRings.length ? [layer(backRings)] : [], front: [layer([front])] };
}

/** Glasses: two rimmed lenses and a bridge. The frame is opaque, the glass is transparent (it keeps the class behind it) unless the style fills it. */
export function glassesLayer(p: FaceParams, h: HeadProjection, style: AnnotationStyle): SceneLayer {
  const rings: Ring[] = [];
  const lenses: Ring[] = [];
  for (const [, sign] of SIDES) {
    const outer = ellipseRing(sign * 0.37, -0.06, 0.27, 0.19, 36).map(([u, v]) => h.surface(u, v, 0.16));
    const inner = ellipseRing(sign * 0.37, -0.06, 0.225, 0.15, 36).map(([u, v]) => h.surface(u, v, 0.16));
    rings.push(outer);
    if (!style.glassesFilled) rings.push(inner);
    lenses.push(inner);
  }
  rings.push([[-0.11, -0.12], [0.11, -0.12], [0.11, -0.07], [-0.11, -0.07]].map(([u, v]) => h.surface(u, v, 0.16)));
  const tint = { kind: 'fill' as const, rings: lenses, colour: [210, 225, 235] as const, opacity: 0.18 };
  return { concept: 'glasses', rings, colour: [28, 26, 30], shading: 0.3, details: [tint] };
}

/** A brimmed hat over the crown. */
export function hatLayer(p: FaceParams, h: HeadProjection): SceneLayer {
  const crown = Array.from({ length: 40 }, (_, i): Point => {
    const t = Math.PI + (Math.PI * i) / 39;
    return h.flat(Math.cos(t) * 1.12 * h.silhouetteX, -0.85 + Math.sin(t) * 0.85 * h.silhouetteY);
  });
  const brim: Point[] = [h.flat(1.45 * h.silhouetteX, -0.85), h.flat(1.45 * h.silhouetteX, -0.68), h.flat(-1.45 * h.silhouetteX, -0.68), h.flat(-1.45 * h.silhouetteX, -0.85)];
  return { concept: 'hat', rings: [[...crown, ...brim.slice(0, 2), ...brim.slice(2)]], colour: p.hatColour, shading: 0.6 };
}

/** Earrings on the ears that are visible. */
export function earringLayers(h: HeadProjection, face: Ring): SceneLayer[] {
  const layers: SceneLayer[] = [];
  for (const [, sign] of SIDES) {
    const centre = earringCentre(h, face, sign);
    if (!centre) continue;
    const ring = ellipseRing(centre[0], centre[1] + 0.08 * h.scale, 0.05 * h.scale, 0.07 * h.scale, 20);
    layers.push({ concept: 'earring', rings: [ring], colour: [212, 175, 55], shading: 0.8 });
  }
  return layers;
}
