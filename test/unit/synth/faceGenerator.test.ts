import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CELEBAMASK_HQ_SCHEMA } from '../../../src/core/schema/builtin/celebAMaskHq';
import { FACE_SYNTHETICS_SCHEMA } from '../../../src/core/schema/builtin/faceSynthetics';
import type { LabelSchema } from '../../../src/core/schema/labelSchema';
import { buildFaceScene } from '../../../src/core/synth/buildFaceScene';
import { PRECISE_ANNOTATION } from '../../../src/core/synth/faceParams';
import type { FaceScene } from '../../../src/core/synth/faceScene';
import { sampleFace } from '../../../src/core/synth/sampleFace';
import { REAL_STYLE_PROFILE, SYNTHETIC_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { classForConcept, sceneLabels } from '../../../src/core/synth/sceneLabels';
import { renderFlat } from '../../../src/node/synth/renderFace';
import type { LabelMap } from '../../../src/core/raster/labelMap';

const colourOfId = (id: number): [number, number, number] => [(id * 53) % 256, (id * 97 + 40) % 256, (id * 151 + 80) % 256];

/** Renders the scene with librsvg in one flat colour per class and reads the class ids back. */
async function drawnClasses(scene: FaceScene, schema: LabelSchema): Promise<Uint8Array> {
  const raw = await renderFlat(scene, { background: colourOfId(classForConcept(schema, 'background')), layer: (layer) => colourOfId(classForConcept(schema, layer.concept, layer.side)) });
  const byColour = new Map(schema.classes.map((c) => [colourOfId(c.id).join(','), c.id]));
  const ids = new Uint8Array(scene.width * scene.height);
  for (let p = 0; p < ids.length; p++) ids[p] = byColour.get(`${raw[p * 3]},${raw[p * 3 + 1]},${raw[p * 3 + 2]}`) ?? 254;
  return ids;
}

function onBoundary(map: LabelMap, p: number): boolean {
  const { width, height, data } = map;
  const [x, y] = [p % width, Math.floor(p / width)];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const [nx, ny] = [x + dx, y + dy];
      if (nx >= 0 && ny >= 0 && nx < width && ny < height && data[ny * width + nx] !== data[p]) return true;
    }
  }
  return false;
}

for (const [profile, schema] of [[SYNTHETIC_PROFILE, FACE_SYNTHETICS_SCHEMA], [REAL_STYLE_PROFILE, CELEBAMASK_HQ_SCHEMA]] as const) {
  test(`${profile.id}: labels agree with what librsvg draws from the same geometry, apart from boundary pixels`, async () => {
    for (let i = 0; i < 6; i++) {
      const face = sampleFace(profile, 11, i, 192, 192);
      const scene = buildFaceScene(face.params, PRECISE_ANNOTATION);
      const labels = sceneLabels(scene, schema);
      const drawn = await drawnClasses(scene, schema);
      let differing = 0;
      for (let p = 0; p < drawn.length; p++) {
        if (drawn[p] === labels.data[p]) continue;
        differing++;
        assert.ok(onBoundary(labels, p), `item ${i}: pixel ${p % 192},${Math.floor(p / 192)} is ${labels.data[p]} in the labels but drawn as ${drawn[p]}, away from any boundary`);
      }
      assert.ok(differing / drawn.length < 0.01, `item ${i}: ${differing} pixels differ`);
    }
  });
}

test('the same profile, seed and index draw the same face; another seed draws another', () => {
  const a = sampleFace(REAL_STYLE_PROFILE, 5, 3, 128, 128);
  assert.deepEqual(sampleFace(REAL_STYLE_PROFILE, 5, 3, 128, 128), a);
  assert.notDeepEqual(sampleFace(REAL_STYLE_PROFILE, 6, 3, 128, 128).params, a.params);
  const labels = sceneLabels(buildFaceScene(a.params, PRECISE_ANNOTATION), CELEBAMASK_HQ_SCHEMA);
  assert.deepEqual(sceneLabels(buildFaceScene(a.params, PRECISE_ANNOTATION), CELEBAMASK_HQ_SCHEMA).data, labels.data);
});

/** Mean x (axis 'x') or y of a class's pixels. */
function centroid(map: LabelMap, id: number, axis: 'x' | 'y'): number {
  let [sum, n] = [0, 0];
  for (let p = 0; p < map.data.length; p++) {
    if (map.data[p] !== id) continue;
    sum += axis === 'x' ? p % map.width : Math.floor(p / map.width);
    n++;
  }
  return n ? sum / n : NaN;
}
const centroidX = (map: LabelMap, id: number): number => centroid(map, id, 'x');

function pixels(map: LabelMap, id: number): number {
  return map.data.reduce((n, v) => n + (v === id ? 1 : 0), 0);
}

test('sides follow each schema: FaceSynthetics LEFT_EYE on the image left, CelebAMask-HQ l_eye (the subject\'s left) on the right', () => {
  const face = sampleFace(SYNTHETIC_PROFILE, 1, 0, 256, 256);
  const scene = buildFaceScene({ ...face.params, yawDeg: 0, rollDeg: 0 }, PRECISE_ANNOTATION);
  const fs = sceneLabels(scene, FACE_SYNTHETICS_SCHEMA);
  const camhq = sceneLabels(scene, CELEBAMASK_HQ_SCHEMA);
  assert.ok(centroidX(fs, 4) < 128 && centroidX(fs, 3) > 128, 'FaceSynthetics LEFT_EYE (4) left, RIGHT_EYE (3) right');
  assert.ok(centroidX(camhq, 4) > 128 && centroidX(camhq, 5) < 128, 'CelebAMask-HQ l_eye (4) right, r_eye (5) left');
});

test('pose: turning the head hides the far ear and narrows the far eye; roll tilts the eye line', () => {
  const base = { ...sampleFace(SYNTHETIC_PROFILE, 1, 2, 256, 256).params, yawDeg: 0, rollDeg: 0, pitchDeg: 0, hat: false, glasses: false, hairStyle: 'short' as const };
  const turned = sceneLabels(buildFaceScene({ ...base, yawDeg: 35 }, PRECISE_ANNOTATION), CELEBAMASK_HQ_SCHEMA);
  const frontal = sceneLabels(buildFaceScene(base, PRECISE_ANNOTATION), CELEBAMASK_HQ_SCHEMA);
  const [lEar, rEar, lEye, rEye] = [8, 9, 4, 5];
  assert.ok(Math.abs(pixels(frontal, lEar) - pixels(frontal, rEar)) <= 0.1 * pixels(frontal, lEar), 'frontal ears are alike');
  const [near, far] = pixels(turned, lEar) > pixels(turned, rEar) ? [lEar, rEar] : [rEar, lEar];
  assert.ok(pixels(turned, far) < 0.2 * pixels(turned, near), `far ear ${pixels(turned, far)} px, near ${pixels(turned, near)} px`);
  const farEye = far === lEar ? lEye : rEye;
  const nearEye = far === lEar ? rEye : lEye;
  assert.ok(pixels(turned, farEye) < 0.85 * pixels(turned, nearEye), 'the far eye is foreshortened');
  const rolled = sceneLabels(buildFaceScene({ ...base, rollDeg: 20 }, PRECISE_ANNOTATION), CELEBAMASK_HQ_SCHEMA);
  const eyeY = (map: LabelMap, id: number): number => centroid(map, id, 'y');
  assert.ok(eyeY(rolled, lEye) - eyeY(rolled, rEye) > 6, 'a clockwise roll lowers the eye on the image right');
});
