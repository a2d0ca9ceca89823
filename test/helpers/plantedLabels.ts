import type { LabelMap } from '../../src/core/raster/labelMap';
import { PRECISE_ANNOTATION } from '../../src/core/synth/faceParams';
import { buildFaceScene } from '../../src/core/synth/buildFaceScene';
import { sampleFace } from '../../src/core/synth/sampleFace';
import { SYNTHETIC_PROFILE, type SampleProfile } from '../../src/core/synth/sampleProfiles';
import { sceneLabels } from '../../src/core/synth/sceneLabels';
import type { LabelSchema } from '../../src/core/schema/labelSchema';

/** Exact labels of generated face `index` (seed 7) in `schema`. */
export function generatedFaceLabels(schema: LabelSchema, index: number, size = 256, profile: SampleProfile = SYNTHETIC_PROFILE): LabelMap {
  const face = sampleFace(profile, 7, index, size, size);
  return sceneLabels(buildFaceScene(face.params, PRECISE_ANNOTATION), schema);
}

function copy(map: LabelMap): LabelMap {
  return { width: map.width, height: map.height, data: Uint8Array.from(map.data) };
}

/** Exchanges two class ids everywhere (a left/right swap). */
export function swapClasses(map: LabelMap, x: number, y: number): LabelMap {
  const out = copy(map);
  for (let i = 0; i < out.data.length; i++) out.data[i] = map.data[i] === x ? y : map.data[i] === y ? x : map.data[i];
  return out;
}

/** Relabels class `from` as `to` (a merge). */
export function mergeClass(map: LabelMap, from: number, to: number): LabelMap {
  return { width: map.width, height: map.height, data: map.data.map((v) => (v === from ? to : v)) };
}

/** The class's outline smoothed: a pixel takes the class when more than half of the disc of radius r around it has it; pixels it leaves take the disc's commonest other class. */
export function smoothClass(map: LabelMap, id: number, r: number): LabelMap {
  const out = copy(map);
  const { width, height } = map;
  const offsets: Array<[number, number]> = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r) offsets.push([dx, dy]);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const votes = new Map<number, number>();
      for (const [dx, dy] of offsets) {
        const xx = Math.min(width - 1, Math.max(0, x + dx));
        const yy = Math.min(height - 1, Math.max(0, y + dy));
        const v = map.data[yy * width + xx];
        votes.set(v, (votes.get(v) ?? 0) + 1);
      }
      const inside = votes.get(id) ?? 0;
      votes.delete(id);
      const other = [...votes].sort((p, q) => q[1] - p[1])[0]?.[0] ?? id;
      const i = y * width + x;
      if (inside * 2 > offsets.length) out.data[i] = id;
      else if (map.data[i] === id) out.data[i] = other;
    }
  }
  return out;
}

/** The nearest pixel within `reach` of (x, y) that `wanted` accepts: its distance from (x, y) to that pixel's square, and its value. */
function nearestSquare(map: LabelMap, x: number, y: number, reach: number, wanted: (value: number) => boolean): { distance: number; value: number } {
  let best = { distance: Infinity, value: -1 };
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      const xx = x + dx;
      const yy = y + dy;
      if (xx < 0 || yy < 0 || xx >= map.width || yy >= map.height || !wanted(map.data[yy * map.width + xx])) continue;
      const distance = Math.hypot(Math.max(Math.abs(dx) - 0.5, 0), Math.max(Math.abs(dy) - 0.5, 0));
      if (distance < best.distance) best = { distance, value: map.data[yy * map.width + xx] };
    }
  }
  return best;
}

/** The class grown so that its outline moves out by k px: a pixel joins when its centre is within k of the class's pixel squares. */
export function offsetClass(map: LabelMap, id: number, k: number): LabelMap {
  const out = copy(map);
  for (let i = 0; i < map.data.length; i++) {
    if (map.data[i] === id) continue;
    if (nearestSquare(map, i % map.width, Math.floor(i / map.width), Math.ceil(k + 1), (v) => v === id).distance <= k) out.data[i] = id;
  }
  return out;
}

/** The class shrunk so that its outline moves in by k px: a pixel leaves when its centre is within k of another class's pixel squares, taking that class. */
export function shrinkClass(map: LabelMap, id: number, k: number): LabelMap {
  const out = copy(map);
  for (let i = 0; i < map.data.length; i++) {
    if (map.data[i] !== id) continue;
    const nearest = nearestSquare(map, i % map.width, Math.floor(i / map.width), Math.ceil(k + 1), (v) => v !== id);
    if (nearest.distance <= k) out.data[i] = nearest.value;
  }
  return out;
}

/** The class's outline made jagged: bumps up to `amplitude` px high every `period` px (a pixel joins when within the bump height of the class). */
export function roughenClass(map: LabelMap, id: number, amplitude: number, period: number): LabelMap {
  const { width, height } = map;
  const out = copy(map);
  const reach = Math.ceil(amplitude + 1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (map.data[y * width + x] === id) continue;
      const k = amplitude * (0.5 + 0.5 * Math.sin((2 * Math.PI * (x + y)) / period));
      let best = Infinity;
      for (let dy = -reach; dy <= reach && best > k; dy++) {
        for (let dx = -reach; dx <= reach; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < width && yy < height && map.data[yy * width + xx] === id) best = Math.min(best, Math.hypot(dx, dy));
        }
      }
      if (best <= k) out.data[y * width + x] = id;
    }
  }
  return out;
}
