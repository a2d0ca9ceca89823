import type { Crosswalk } from '../schema/crosswalk';
import { IGNORE_ID } from '../raster/labelMap';
import type { LabelSchema } from '../schema/labelSchema';
import { typicalOffset, outlineDistance } from './boundaryOffset';
import type { ClassTotals, DiffTotals } from './diffTotals';
import type { ClassDiff, ClassFlow } from './diffTypes';

/** The joint counts with B's ids translated into A's: index aId * 256 + (B's class in A's ids); B's unmapped pixels dropped. */
export function jointInA(totals: DiffTotals, crosswalk: Crosswalk): Float64Array {
  const out = new Float64Array(65536);
  for (let a = 0; a < 256; a++) {
    for (let b = 0; b < 256; b++) {
      const n = totals.joint[a * 256 + b];
      const to = crosswalk.table[b];
      if (n > 0 && to !== IGNORE_ID) out[a * 256 + to] += n;
    }
  }
  return out;
}

function rowSum(joint: Float64Array, a: number): number {
  let n = 0;
  for (let b = 0; b < 256; b++) n += joint[a * 256 + b];
  return n;
}

function columnSum(joint: Float64Array, b: number): number {
  let n = 0;
  for (let a = 0; a < 256; a++) n += joint[a * 256 + b];
  return n;
}

function roughness(perimeter: number, smooth: number): number | null {
  return perimeter > 0 && smooth > 0 ? perimeter / smooth : null;
}

function boundaryOf(t: ClassTotals | undefined): Pick<ClassDiff, 'boundaryOffsetPx' | 'boundaryDistancePx' | 'bandPixels' | 'interiorPixels' | 'roughnessA' | 'roughnessB'> {
  return {
    boundaryOffsetPx: t ? typicalOffset(t) : null,
    boundaryDistancePx: t ? outlineDistance(t) : null,
    bandPixels: t?.band ?? 0,
    interiorPixels: t?.interior ?? 0,
    roughnessA: t ? roughness(t.perimeterA, t.smoothPerimeterA) : null,
    roughnessB: t ? roughness(t.perimeterB, t.smoothPerimeterB) : null,
  };
}

/** Per-class comparison in A's schema, from the joint counts in A's ids and the class totals. */
export function classDiffs(totals: DiffTotals, joint: Float64Array, schemaA: LabelSchema): ClassDiff[] {
  return schemaA.classes.map((cls) => {
    const pixelsA = rowSum(joint, cls.id);
    const pixelsB = columnSum(joint, cls.id);
    const both = joint[cls.id * 256 + cls.id];
    const any = pixelsA + pixelsB > 0;
    const stats = totals.classes.get(cls.id);
    return {
      id: cls.id,
      name: cls.name,
      pixelsA,
      pixelsB,
      areaRatio: pixelsA > 0 ? pixelsB / pixelsA : null,
      f1: any ? (2 * both) / (pixelsA + pixelsB) : null,
      iou: any ? both / (pixelsA + pixelsB - both) : null,
      ...boundaryOf(stats),
      imagesA: totals.imagesWithA[cls.id],
      imagesB: totals.imagesWithB[cls.id],
      imagesBoth: totals.imagesWithBoth[cls.id],
    };
  });
}

/** Share of A's pixels of a class below which a flow is not listed. */
const MIN_FLOW_FRACTION = 0.02;

/** A→B flows between different classes (names in A's schema), largest share first. */
export function classFlows(joint: Float64Array, schemaA: LabelSchema): ClassFlow[] {
  const name = new Map(schemaA.classes.map((c) => [c.id, c.name]));
  const flows: ClassFlow[] = [];
  for (const from of schemaA.classes) {
    const total = rowSum(joint, from.id);
    if (total === 0) continue;
    for (const to of schemaA.classes) {
      const pixels = joint[from.id * 256 + to.id];
      if (to.id === from.id || pixels === 0 || pixels / total < MIN_FLOW_FRACTION) continue;
      flows.push({ from: from.name, to: name.get(to.id) ?? String(to.id), pixels, fraction: pixels / total });
    }
  }
  return flows.sort((x, y) => y.fraction - x.fraction || y.pixels - x.pixels);
}
