import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { evenSample, meanAbsDifference, pictureNotes, picturesDiffer, SAME_PICTURE_MAX } from '../../../src/core/diff/pictureCheck';
import { REAL_STYLE_PROFILE } from '../../../src/core/synth/sampleProfiles';
import { runDiff } from '../../../src/node/diff/runDiff';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { FS_SCHEMA, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { generatedFaceLabels } from '../../helpers/plantedLabels';
import { makeTempDir } from '../../helpers/tempModels';

describe('picture check of a diff', () => {
  it('samples evenly, first and last included', () => {
    assert.deepEqual(evenSample([1, 2, 3], 5), [1, 2, 3]);
    assert.deepEqual(evenSample([0, 1, 2, 3, 4, 5, 6, 7, 8], 3), [0, 4, 8]);
  });

  it('measures the mean absolute difference and says when pictures differ', () => {
    const a = { width: 1, height: 2, data: Uint8Array.from([0, 0, 0, 10, 10, 10]) };
    const b = { width: 1, height: 2, data: Uint8Array.from([30, 30, 30, 10, 10, 10]) };
    assert.equal(meanAbsDifference(a, b), 15);
    assert.throws(() => meanAbsDifference(a, { width: 1, height: 1, data: new Uint8Array(3) }), /differ in size/);
    const same = [{ idA: '1', fileA: '/a/1.png', fileB: '/b/1.jpg', difference: 2 }];
    const other = [...same, { idA: '2', fileA: '/a/2.png', fileB: '/b/2.jpg', difference: SAME_PICTURE_MAX + 1 }];
    assert.equal(picturesDiffer(same), false);
    assert.equal(picturesDiffer(other), true);
    assert.match(pictureNotes(same, 10)[0], /pictures of 1 of 10 pairs.*are the same/);
    assert.match(pictureNotes(other, 10)[0], /different pictures in 1 of 2 sampled pairs \(e\.g\. 2: 2\.png and 2\.jpg/);
    assert.deepEqual(pictureNotes([], 10), []);
  });

  it('puts a warning first when the paired ids show different pictures, and a note when they match', async () => {
    const tmp = makeTempDir('facegap-diff-pictures-');
    try {
      const [a, same, other] = ['a', 'same', 'other'].map((n) => path.join(tmp.dir, n));
      for (let i = 0; i < 3; i++) {
        const id = String(i).padStart(6, '0');
        await writeFaceSyntheticsItem(a, id, generatedFaceLabels(FS_SCHEMA, i, 64), 0);
        await writeFaceSyntheticsItem(same, id, generatedFaceLabels(FS_SCHEMA, i, 64), 0);
        await writeFaceSyntheticsItem(other, id, generatedFaceLabels(FS_SCHEMA, i + 5, 64, REAL_STYLE_PROFILE), 0);
      }
      const protocol = { bandK: 3, match: 'sides', sizeRule: 'b-to-a' } as const;
      const run = (b: string, out: string) => runDiff({ a: { kind: 'dataset', path: a }, b: { kind: 'dataset', path: b }, protocol, outDir: path.join(tmp.dir, out) }, createNodeAdapters());
      const matching = await run(same, 'd1');
      assert.match(matching.pictureNotes?.[0] ?? '', /are the same/);
      assert.notEqual(matching.summary.findings[0].kind, 'pictures');
      const differing = await run(other, 'd2');
      assert.equal(differing.summary.findings[0].kind, 'pictures', JSON.stringify(differing.pictureNotes));
      assert.match(differing.summary.findings[0].text, /different pictures in 3 of 3 sampled pairs/);
    } finally {
      tmp.remove();
    }
  });
});
