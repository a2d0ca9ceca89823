import { createLabelMap, IGNORE_ID, type LabelMap } from '../raster/labelMap';
import { canonicalKey, getConcept, makeKey, type ConceptId, type SubjectSide } from '../schema/concepts';
import type { LabelSchema } from '../schema/labelSchema';
import type { FaceScene, SceneLayer } from './faceScene';
import type { Ring } from './polygon';

/**
 * Fills the pixels whose centres lie inside the rings (even-odd rule), row by row.
 * A pixel centre exactly on a left edge is inside, on a right edge outside: the same rule as `insideRings`.
 */
export function fillRings(target: Uint8Array, width: number, height: number, rings: readonly Ring[], value: number): void {
  const crossings: number[] = [];
  for (let y = 0; y < height; y++) {
    const yc = y + 0.5;
    crossings.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > yc !== yj > yc) crossings.push(((xj - xi) * (yc - yi)) / (yj - yi) + xi);
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil(crossings[k] - 0.5));
      const to = Math.min(width, Math.ceil(crossings[k + 1] - 0.5));
      if (to > from) target.fill(value, y * width + from, y * width + to);
    }
  }
}

/** Finds the schema class for a concept (and side), falling back along the concept chain (earring → ear → skin); IGNORE_ID when none. */
export function classForConcept(schema: LabelSchema, concept: ConceptId, side?: SubjectSide): number {
  const byKey = new Map(schema.classes.map((c) => [canonicalKey(schema, c), c.id]));
  let current: ConceptId | null = concept;
  while (current) {
    const info = getConcept(current);
    const id = byKey.get(info?.sided && side ? makeKey(current, side) : current);
    if (id !== undefined) return id;
    current = info?.fallback ?? null;
  }
  return IGNORE_ID;
}

/** Rasterises a scene into a label map of the schema: each pixel takes the class of the topmost layer over its centre. */
export function sceneLabels(scene: FaceScene, schema: LabelSchema): LabelMap {
  const map = createLabelMap(scene.width, scene.height, classForConcept(schema, 'background'));
  const cache = new Map<string, number>();
  const classOf = (layer: SceneLayer): number => {
    const key = makeKey(layer.concept, layer.side);
    if (!cache.has(key)) cache.set(key, classForConcept(schema, layer.concept, layer.side));
    return cache.get(key) as number;
  };
  for (const layer of scene.layers) fillRings(map.data, map.width, map.height, layer.rings, classOf(layer));
  return map;
}
