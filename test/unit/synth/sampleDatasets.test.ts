import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { openDataset } from '../../../src/core/dataset/openDataset';
import { SAMPLE_MANIFEST, type SampleManifest } from '../../../src/core/synth/sampleManifest';
import { REAL_STYLE_PROFILE, SYNTHETIC_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { sampleStatistics } from '../../../src/core/synth/sampleStatistics';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { writeSampleDataset } from '../../../src/node/synth/writeSampleDataset';
import { makeTempDir } from '../../helpers/tempModels';

function listFiles(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

function sameFiles(a: string, b: string): boolean {
  const files = listFiles(a);
  if (files.join('\n') !== listFiles(b).join('\n')) return false;
  return files.every((f) => fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))));
}

test('a sample is byte-identical for the same seed and differs for another seed', async () => {
  const tmp = makeTempDir('facegap-synth-');
  try {
    for (const profile of [SYNTHETIC_PROFILE, REAL_STYLE_PROFILE]) {
      const request = { profile, count: 4, seed: 9, size: 96 };
      await writeSampleDataset(path.join(tmp.dir, `${profile.id}-a`), request);
      await writeSampleDataset(path.join(tmp.dir, `${profile.id}-b`), request);
      await writeSampleDataset(path.join(tmp.dir, `${profile.id}-c`), { ...request, seed: 10 });
      assert.ok(sameFiles(path.join(tmp.dir, `${profile.id}-a`), path.join(tmp.dir, `${profile.id}-b`)), `${profile.id}: same seed, same bytes`);
      assert.ok(!sameFiles(path.join(tmp.dir, `${profile.id}-a`), path.join(tmp.dir, `${profile.id}-c`)), `${profile.id}: another seed, other bytes`);
    }
  } finally {
    tmp.remove();
  }
});

test('generated samples open in FaceGap in their layouts, with every item paired and a manifest per item', async () => {
  const tmp = makeTempDir('facegap-synth-');
  try {
    const adapters = createNodeAdapters();
    for (const [profile, format, imageName] of [[SYNTHETIC_PROFILE, 'facesynthetics', '000002.png'], [REAL_STYLE_PROFILE, 'celebamask-hq', 'CelebA-HQ-img/2.jpg']] as const) {
      const root = path.join(tmp.dir, profile.id);
      await writeSampleDataset(root, { profile, count: 5, seed: 3, size: 96 });
      const index = await openDataset(adapters.files, root);
      assert.equal(index.format, format);
      assert.equal(index.items.length, 5);
      assert.deepEqual(index.problems, []);
      assert.ok(fs.existsSync(path.join(root, imageName)));
      const manifest = JSON.parse(fs.readFileSync(path.join(root, SAMPLE_MANIFEST), 'utf8')) as SampleManifest;
      assert.equal(manifest.items.length, 5);
      assert.equal(manifest.profile, profile.id);
    }
    assert.deepEqual(fs.readdirSync(tmp.dir).sort(), ['real-style', 'synthetic'], 'no partial folders are left behind');
  } finally {
    tmp.remove();
  }
});

test('every planted difference is measurably present in the real-style sample and absent from the synthetic one', () => {
  const syn = sampleStatistics(SYNTHETIC_PROFILE, 1, 120, 256);
  const real = sampleStatistics(REAL_STYLE_PROFILE, 1, 120, 256);
  // Distribution gap.
  assert.ok(real.meanAbsYawDeg > 3 * syn.meanAbsYawDeg && real.maxAbsYawDeg > 30 && syn.maxAbsYawDeg <= 12, 'wider yaw');
  assert.ok(real.meanAbsRollDeg > 2.5 * syn.meanAbsRollDeg, 'wider roll');
  assert.ok(real.meanAbsPitchDeg > 2.5 * syn.meanAbsPitchDeg, 'wider pitch');
  assert.ok(real.meanFaceWidthFraction > syn.meanFaceWidthFraction + 0.1, 'tighter crops');
  assert.ok(real.glassesRate > syn.glassesRate + 0.2, 'more glasses');
  assert.ok(real.hatRate > syn.hatRate + 0.1, 'more hats');
  assert.ok(real.earringRate > syn.earringRate + 0.15, 'more earrings');
  assert.ok(real.darkSkinShare > syn.darkSkinShare + 0.3 && syn.skinToneShares[4] === 0 && real.skinToneShares[5] > 0.05, 'a darker skin-tone mix');
  assert.equal(syn.degradedShare, 0);
  assert.equal(real.degradedShare, 1);
  // Label gap.
  assert.equal(syn.meanBrowAreaRatio, 1);
  assert.equal(syn.meanHairOutlineOffsetPx, 0);
  assert.equal(syn.earsAsSkinImageShare, 0);
  assert.ok(real.meanBrowAreaRatio > 1.25, `thicker brows: area ×${real.meanBrowAreaRatio.toFixed(2)}`);
  assert.ok(real.meanHairOutlineOffsetPx > 2, `coarser hair outline: ${real.meanHairOutlineOffsetPx.toFixed(1)} px`);
  assert.ok(real.earsAsSkinImageShare > 0.3 && real.earsAsSkinImageShare < 0.6, `ears in skin in ${real.earsAsSkinImageShare} of images`);
  assert.ok(real.meanGlassesAreaRatio > 1.5, `glasses labelled with their lenses: area ×${real.meanGlassesAreaRatio.toFixed(2)}`);
});
