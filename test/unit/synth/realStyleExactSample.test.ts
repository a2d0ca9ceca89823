import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { openDataset } from '../../../src/core/dataset/openDataset';
import { SAMPLE_MANIFEST, type SampleManifest } from '../../../src/core/synth/sampleManifest';
import { NodeFileAccess } from '../../../src/node/files/nodeFileAccess';
import { SharpImageDecoder } from '../../../src/node/imaging/sharpImageDecoder';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { makeTempDir } from '../../helpers/tempModels';

const COUNT = 4;

test('real-style-exact draws the real-style faces: the same pictures (decoded pixels), exact labels, FaceSynthetics layout', async () => {
  const cli = builtCli();
  const tmp = makeTempDir('facegap-real-style-exact-');
  try {
    const real = path.join(tmp.dir, 'real-style');
    const exact = path.join(tmp.dir, 'real-style-exact');
    for (const [out, profile] of [[real, 'real-style'], [exact, 'real-style-exact']]) {
      const result = await runCli(cli, ['sample', out, '--profile', profile, '--count', String(COUNT), '--size', '96', '--seed', '3', '--no-progress']);
      assert.equal(result.code, 0, result.stderr);
    }
    const index = await openDataset(new NodeFileAccess(), exact);
    assert.equal(index.format, 'facesynthetics');
    assert.deepEqual(index.items.map((i) => i.id), ['000000', '000001', '000002', '000003']);
    const decoder = new SharpImageDecoder();
    for (let i = 0; i < COUNT; i++) {
      const ofReal = await decoder.decodeRgb(fs.readFileSync(path.join(real, 'CelebA-HQ-img', `${i}.jpg`)), `${i}.jpg`);
      const ofExact = await decoder.decodeRgb(fs.readFileSync(path.join(exact, `${String(i).padStart(6, '0')}.png`)), `${i}.png`);
      assert.ok(Buffer.from(ofExact.data).equals(Buffer.from(ofReal.data)), `image ${i}: the same picture`);
    }
    const manifest = (dir: string): SampleManifest => JSON.parse(fs.readFileSync(path.join(dir, SAMPLE_MANIFEST), 'utf8')) as SampleManifest;
    const strip = (m: SampleManifest) => m.items.map(({ id: _id, earsAsSkin: _ears, ...drawn }) => drawn);
    assert.deepEqual(strip(manifest(exact)), strip(manifest(real)), 'every drawn parameter agrees');
    assert.ok(manifest(exact).items.every((item) => !item.earsAsSkin));
    assert.equal(manifest(exact).annotation.glassesFilled, false);
  } finally {
    tmp.remove();
  }
});
