import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { diffCrosswalk } from '../../../src/core/diff/pairCrosswalk';
import { resizeLabelsNearest } from '../../../src/core/raster/resizeLabels';
import { applyCrosswalk } from '../../../src/core/schema/crosswalk';
import { loadPair, openDiffPairs } from '../../../src/node/diff/loadDiffPair';
import { runDiff } from '../../../src/node/diff/runDiff';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { CAMHQ_SCHEMA, FS_SCHEMA, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { writeGrayPng } from '../../helpers/fixtures';
import { generatedFaceLabels } from '../../helpers/plantedLabels';
import { makeTempDir } from '../../helpers/tempModels';

test('loadPair gives A, B at A\'s size in B\'s ids, B in A\'s ids, and the image, for the pairing the diff made', async () => {
  const tmp = makeTempDir('facegap-diff-pair-');
  try {
    const adapters = createNodeAdapters();
    const root = path.join(tmp.dir, 'a');
    const masks = path.join(tmp.dir, 'b');
    for (let i = 0; i < 2; i++) {
      await writeFaceSyntheticsItem(root, String(i).padStart(6, '0'), generatedFaceLabels(FS_SCHEMA, i, 48), 0);
      await writeGrayPng(path.join(masks, `${i}.png`), generatedFaceLabels(CAMHQ_SCHEMA, i + 3, 96));
    }
    const record = await runDiff(
      { a: { kind: 'dataset', path: root }, b: { kind: 'masks', path: masks, schema: 'celebamask-hq' }, protocol: { bandK: 2, match: 'sides', sizeRule: 'b-to-a' }, outDir: path.join(tmp.dir, 'diff') },
      adapters,
    );
    const pair = await loadPair(record, '000001', adapters);
    assert.deepEqual(pair.a.data, generatedFaceLabels(FS_SCHEMA, 1, 48).data);
    const b = resizeLabelsNearest(generatedFaceLabels(CAMHQ_SCHEMA, 4, 96), 48, 48);
    assert.deepEqual(pair.b.data, b.data);
    assert.deepEqual(pair.bInA.data, applyCrosswalk(b.data, diffCrosswalk(FS_SCHEMA, CAMHQ_SCHEMA, 'sides').table));
    assert.equal(pair.image, `${root}/000001.png`);
    const pairs = await openDiffPairs(record, adapters);
    assert.equal(pairs.partnerOf('000000'), '0');
    await assert.rejects(pairs.load('000009'), /item "000009" has no partner/);
  } finally {
    tmp.remove();
  }
});

test('loadPair translates B with the crosswalk the diff used, a mapping file\'s overrides included', async () => {
  const tmp = makeTempDir('facegap-diff-pair-map-');
  try {
    const adapters = createNodeAdapters();
    const masksA = path.join(tmp.dir, 'a');
    const masksB = path.join(tmp.dir, 'b');
    await writeGrayPng(path.join(masksA, '0.png'), generatedFaceLabels(CAMHQ_SCHEMA, 0, 64));
    await writeGrayPng(path.join(masksB, '0.png'), generatedFaceLabels(CAMHQ_SCHEMA, 0, 64));
    const mappingFile = path.join(tmp.dir, 'map.json');
    fs.writeFileSync(mappingFile, JSON.stringify({ from: 'celebamask-hq', to: 'celebamask-hq', map: { nose: 'skin' } }));
    const sides = { a: { kind: 'masks' as const, path: masksA, schema: 'celebamask-hq' }, b: { kind: 'masks' as const, path: masksB, schema: 'celebamask-hq' } };
    const record = await runDiff({ ...sides, protocol: { bandK: 2, match: 'sides', sizeRule: 'b-to-a' }, mappingFile, outDir: path.join(tmp.dir, 'diff') }, adapters);
    assert.equal(record.mappingFile, mappingFile);
    const pair = await loadPair(record, '0', adapters);
    const nose = CAMHQ_SCHEMA.classes.find((c) => c.name === 'nose')?.id;
    assert.ok(pair.b.data.includes(nose ?? -1), 'B has nose pixels in its own ids');
    assert.ok(!pair.bInA.data.includes(nose ?? -1), 'and none once translated: the override sends them to skin');
    const { crosswalkTable: _table, ...older } = record;
    const byDefault = await loadPair(older, '0', adapters);
    assert.ok(byDefault.bInA.data.includes(nose ?? -1), 'a record without the table falls back to the default crosswalk');
  } finally {
    tmp.remove();
  }
});
