import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Point } from '../../../src/core/dataset/landmarks';
import { measureAttributes } from '../../../src/core/distribution/attributes/measureAttributes';
import { poseFromEyesAndNose } from '../../../src/core/distribution/attributes/poseGeometry';
import { LANDMARK_YAW_K, poseFromLandmarks } from '../../../src/core/distribution/attributes/poseFromLandmarks';
import type { LabelMap } from '../../../src/core/raster/labelMap';
import { CELEBAMASK_HQ_SCHEMA } from '../../../src/core/schema/builtin/celebAMaskHq';
import { FACE_SYNTHETICS_SCHEMA } from '../../../src/core/schema/builtin/faceSynthetics';
import { sampleFace } from '../../../src/core/synth/sampleFace';
import { REAL_STYLE_EXACT_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { generatedFaceLabels } from '../../helpers/plantedLabels';

const FACES = 40;
const SIZE = 256;

function pearson(x: readonly number[], y: readonly number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let [sxy, sxx, syy] = [0, 0, 0];
  for (let i = 0; i < x.length; i++) [sxy, sxx, syy] = [sxy + (x[i] - mx) * (y[i] - my), sxx + (x[i] - mx) ** 2, syy + (y[i] - my) ** 2];
  return sxy / Math.sqrt(sxx * syy);
}

const meanAbs = (d: readonly number[]): number => d.reduce((s, v) => s + Math.abs(v), 0) / d.length;

/** The mask pose of the generated faces (yaw uniform in ±40°, pitch ±12°, roll ±15°) next to the generator's truth. */
function maskPoses(schema = FACE_SYNTHETICS_SCHEMA): Array<{ yaw: number; roll: number; trueYaw: number; trueRoll: number }> {
  const out = [];
  for (let i = 0; i < FACES; i++) {
    const { params } = sampleFace(REAL_STYLE_EXACT_PROFILE, 7, i, SIZE, SIZE);
    const measured = measureAttributes({ labels: generatedFaceLabels(schema, i, SIZE, REAL_STYLE_EXACT_PROFILE), schema, concepts: [] });
    if (measured.poseFrom !== 'mask') continue;
    out.push({ yaw: measured.values.yaw, roll: measured.values.roll, trueYaw: params.yawDeg, trueRoll: params.rollDeg });
  }
  return out;
}

test('yaw and roll from the mask follow the generator\'s true pose', () => {
  const poses = maskPoses();
  assert.ok(poses.length >= FACES - 4, `${poses.length} of ${FACES} faces measured`);
  const r = pearson(poses.map((p) => p.yaw), poses.map((p) => p.trueYaw));
  const yawError = meanAbs(poses.map((p) => p.yaw - p.trueYaw));
  const rollError = meanAbs(poses.map((p) => p.roll - p.trueRoll));
  assert.ok(r > 0.95, `yaw Pearson r ${r.toFixed(3)}`);
  assert.ok(yawError < 4, `yaw mean absolute error ${yawError.toFixed(2)}°`);
  assert.ok(rollError < 4, `roll mean absolute error ${rollError.toFixed(2)}°`);
  assert.ok(pearson(poses.map((p) => p.roll), poses.map((p) => p.trueRoll)) > 0.9);
});

test('the mask pose reads sides in the subject\'s frame: a schema naming sides from the viewer gives the same pose', () => {
  const viewer = maskPoses(FACE_SYNTHETICS_SCHEMA);
  const subject = maskPoses(CELEBAMASK_HQ_SCHEMA);
  assert.equal(viewer.length, subject.length);
  for (let i = 0; i < viewer.length; i++) {
    assert.ok(Math.abs(viewer[i].yaw - subject[i].yaw) < 1e-9 && Math.abs(viewer[i].roll - subject[i].roll) < 1e-9, `face ${i}`);
  }
});

/** The mirror image's labels: flipped left to right, each sided class swapped with its partner. */
function mirrored(map: LabelMap): LabelMap {
  const swap = new Map([[3, 4], [4, 3], [5, 6], [6, 5], [7, 8], [8, 7]]);
  const data = new Uint8Array(map.data.length);
  for (let y = 0; y < map.height; y++) {
    for (let x = 0; x < map.width; x++) {
      const v = map.data[y * map.width + (map.width - 1 - x)];
      data[y * map.width + x] = swap.get(v) ?? v;
    }
  }
  return { ...map, data };
}

test('the mirror image of a face has the opposite yaw and roll', () => {
  for (let i = 0; i < 5; i++) {
    const map = generatedFaceLabels(FACE_SYNTHETICS_SCHEMA, i, SIZE, REAL_STYLE_EXACT_PROFILE);
    const a = measureAttributes({ labels: map, schema: FACE_SYNTHETICS_SCHEMA, concepts: [] }).values;
    const b = measureAttributes({ labels: mirrored(map), schema: FACE_SYNTHETICS_SCHEMA, concepts: [] }).values;
    assert.ok(Math.abs(a.yaw + b.yaw) < 1e-9 && Math.abs(a.roll + b.roll) < 1e-9, `face ${i}: ${a.yaw}, ${b.yaw}`);
    assert.ok(Math.abs(a.yaw) > 0.5, 'the face is turned');
  }
});

interface Layout {
  readonly name: 'facesynthetics-70' | 'lapa-106';
  readonly count: number;
  readonly eyes: readonly [number, number];
  readonly eyePoints: number;
  /** The nose bridge's top (between the eyes) and tip. */
  readonly bridge: readonly [number, number];
}

const LAYOUTS: readonly Layout[] = [
  { name: 'facesynthetics-70', count: 70, eyes: [36, 42], eyePoints: 6, bridge: [27, 30] },
  { name: 'lapa-106', count: 106, eyes: [66, 75], eyePoints: 9, bridge: [51, 54] },
];

/**
 * Landmarks of a head in the geometry the estimate assumes: eye centres 2e apart, the nose tip LANDMARK_YAW_K·2e in
 * front of them, turned by `yaw` (positive: the nose moves to the image's right), tilted by `roll` and projected.
 */
function headLandmarks(layout: Layout, yaw: number, roll: number): Point[] {
  const e = 30;
  const model: Array<[number, number, number]> = Array.from({ length: layout.count }, (_, i) => [Math.cos(i) * 70, 40 + Math.sin(i) * 60, -40]);
  layout.eyes.forEach((start, side) => {
    for (let k = 0; k < layout.eyePoints; k++) {
      const t = (2 * Math.PI * k) / layout.eyePoints;
      model[start + k] = [(side === 0 ? -e : e) + 12 * Math.cos(t), 5 * Math.sin(t), 0];
    }
  });
  const [top, tip] = layout.bridge;
  for (let i = top; i <= tip; i++) {
    const f = (i - top) / (tip - top);
    model[i] = [0, f * 45, f * LANDMARK_YAW_K * 2 * e];
  }
  const [ty, tr] = [(yaw * Math.PI) / 180, (roll * Math.PI) / 180];
  return model.map(([x, y, z]) => {
    const xt = x * Math.cos(ty) + z * Math.sin(ty);
    return { x: 200 + xt * Math.cos(tr) - y * Math.sin(tr), y: 180 + xt * Math.sin(tr) + y * Math.cos(tr) };
  });
}

test('landmark pose inverts the head geometry exactly, for both layouts', () => {
  for (const layout of LAYOUTS) {
    for (const [yaw, roll] of [[0, 0], [25, 0], [-35, 8], [50, -20], [-10, 30]]) {
      const pose = poseFromLandmarks(headLandmarks(layout, yaw, roll), layout.name);
      assert.ok(pose, layout.name);
      assert.ok(Math.abs(pose.yaw - yaw) < 1e-6 && Math.abs(pose.roll - roll) < 1e-6, `${layout.name} ${yaw}/${roll}: ${pose.yaw}/${pose.roll}`);
    }
  }
});

test('landmarks win over the mask when readable; a wrong point count or layout falls back to the mask', () => {
  const map = generatedFaceLabels(FACE_SYNTHETICS_SCHEMA, 2, SIZE, REAL_STYLE_EXACT_PROFILE);
  const base = { labels: map, schema: FACE_SYNTHETICS_SCHEMA, concepts: [] };
  const points = headLandmarks(LAYOUTS[0], 20, 5);
  const withLandmarks = measureAttributes({ ...base, landmarks: { points, layout: 'facesynthetics-70' } });
  assert.equal(withLandmarks.poseFrom, 'landmarks');
  assert.ok(Math.abs(withLandmarks.values.yaw - 20) < 1e-6);
  for (const landmarks of [{ points: points.slice(0, 68), layout: 'facesynthetics-70' as const }, { points, layout: 'unknown' as const }, { points, layout: 'lapa-106' as const }]) {
    const measured = measureAttributes({ ...base, landmarks });
    assert.equal(measured.poseFrom, 'mask');
    assert.ok(Number.isFinite(measured.values.yaw));
  }
  const onlyLandmarks = measureAttributes({ concepts: [], landmarks: { points, layout: 'facesynthetics-70' } });
  assert.deepEqual(Object.keys(onlyLandmarks.values).sort(), ['roll', 'yaw']);
});

test('eyes labelled the other way round read as an upright head, not one turned over', () => {
  const right = { x: 40, y: 50 };
  const left = { x: 60, y: 52 };
  const nose = { x: 53, y: 60 };
  const upright = poseFromEyesAndNose(right, left, nose, 0.32);
  const swapped = poseFromEyesAndNose(left, right, nose, 0.32);
  assert.ok(upright && swapped);
  assert.ok(Math.abs(upright.roll) < 10, `roll ${upright.roll}`);
  assert.deepEqual(swapped, upright);
});
