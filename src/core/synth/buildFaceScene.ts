import type { AnnotationStyle, FaceParams } from './faceParams';
import { shade, type Detail, type FaceScene, type SceneLayer } from './faceScene';
import { bodyLayers, browLayers, earLayers, eyeLayers, faceOutline, mouthLayers, noseLayer } from './faceParts';
import { earringLayers, glassesLayer, hairLayers, hatLayer } from './hairAndAccessories';
import { headProjection } from './headProjection';
import { ellipseRing } from './polygon';
import { mulberry32, uniform } from './random';

/**
 * Builds the geometry of one face. With the precise annotation style the scene is exactly what is rendered;
 * other styles change only how parts are outlined (the labels an annotator would draw), never the pose or content.
 */
export function buildFaceScene(p: FaceParams, style: AnnotationStyle): FaceScene {
  const h = headProjection(p);
  const face = faceOutline(h);
  const hair = hairLayers(p, h, style);
  const ears = earLayers(p, h).map((ear): SceneLayer => (style.earsAsSkin ? { ...ear, concept: 'skin', side: undefined } : ear));
  const glasses = p.glasses ? [glassesLayer(p, h, style)] : [];
  const [neck, cloth] = bodyLayers(p, h);
  const layers: SceneLayer[] = [
    ...hair.back,
    neck,
    cloth,
    ...ears,
    { concept: 'skin', rings: [face], colour: p.skinTone, shading: 0.55, details: cheeks(p, h.scale, h.surface(0.5, 0.3), h.surface(-0.5, 0.3)) },
    noseLayer(p, h),
    // Filled lenses are annotated under the eyes (as CelebAMask-HQ paints eye_g before the eyes); frames sit on top.
    ...(style.glassesFilled ? glasses : []),
    ...eyeLayers(p, h),
    ...browLayers(p, h, style),
    ...mouthLayers(p, h),
    ...hair.front,
    ...(style.glassesFilled ? [] : glasses),
    ...(p.hat ? [hatLayer(p, h)] : []),
    ...(p.earrings ? earringLayers(h, face) : []),
  ];
  return {
    width: p.width,
    height: p.height,
    lightAngleDeg: p.lightAngleDeg,
    lightStrength: p.lightStrength,
    backgroundColours: p.backgroundColours,
    backgroundDetails: clutter(p),
    layers,
  };
}

function cheeks(p: FaceParams, scale: number, ...centres: readonly (readonly [number, number])[]): Detail[] {
  return centres.map(([cx, cy]) => ({ kind: 'circle', cx, cy, r: 0.22 * scale, colour: shade(p.lipColour, 0.3), opacity: 0.12 }));
}

/** Background shapes (furniture, windows, other objects): texture only, they stay background. */
function clutter(p: FaceParams): Detail[] {
  const rand = mulberry32(p.detailSeed ^ 0x7c3b);
  const details: Detail[] = [];
  for (let i = 0; i < p.clutter; i++) {
    const colour = shade(p.backgroundColours[i % 2], uniform(rand, -0.5, 0.5));
    const [cx, cy] = [uniform(rand, 0, p.width), uniform(rand, 0, p.height)];
    const [rx, ry] = [uniform(rand, 0.05, 0.3) * p.width, uniform(rand, 0.05, 0.3) * p.height];
    const rings = rand() < 0.5 ? [ellipseRing(cx, cy, rx, ry, 24)] : [[[cx - rx, cy - ry], [cx + rx, cy - ry], [cx + rx, cy + ry], [cx - rx, cy + ry]] as const];
    details.push({ kind: 'fill', rings, colour, opacity: uniform(rand, 0.4, 0.9) });
  }
  return details;
}
