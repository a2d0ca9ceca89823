import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseMappingJson } from '../../../src/core/schema/mappingJson';
import { writeGrayPng, writeRgb } from '../../helpers/fixtures';
import { evaluateFolder, STRICT } from '../../helpers/runHelpers';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const map = (rows: number[][]) => ({ width: rows[0].length, height: rows.length, data: Uint8Array.from(rows.flat()) });
/** Each pixel doubled in both directions: the same labels at twice the size. */
const doubled = (rows: number[][]) => map(rows.flatMap((r) => [r.flatMap((v) => [v, v]), r.flatMap((v) => [v, v])]));
const gray4 = { width: 4, height: 4, data: new Uint8Array(48).fill(128) };

let tmp: TempDir;
before(async () => {
  tmp = makeTempDir('facegap-folder-');
  const root = path.join(tmp.dir, 'ds');
  await writeRgb(path.join(root, 'images', 'a.png'), gray4);
  await writeRgb(path.join(root, 'images', 'b.png'), gray4);
  await writeGrayPng(path.join(root, 'labels', 'a.png'), map([[0, 0, 1, 1], [0, 0, 1, 1], [2, 2, 3, 3], [2, 2, 3, 3]]));
  await writeGrayPng(path.join(root, 'labels', 'b.png'), map([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]));
  // a: pixel (row 0, col 2) 1→0 and (row 2, col 3) 3→2; b: the first row 1→10 (hair).
  await writeGrayPng(path.join(tmp.dir, 'pred', 'a.png'), map([[0, 0, 0, 1], [0, 0, 1, 1], [2, 2, 3, 2], [2, 2, 3, 3]]));
  await writeGrayPng(path.join(tmp.dir, 'pred', 'b.png'), map([[10, 10, 10, 10], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]));
});
after(() => tmp.remove());

describe('evaluating a folder of predictions', () => {
  it('gives the hand-worked pooled and per-image scores', async () => {
    const out = path.join(tmp.dir, 'run');
    const { summary } = await evaluateFolder(path.join(tmp.dir, 'ds'), { kind: 'folder', folder: path.join(tmp.dir, 'pred') }, out, { schema: 'lapa' });
    // Pooled: correct = 4 (bg) + 15 (skin) + 4 + 3 = 26 of 32.
    assert.equal(summary.pixelAccuracy, 26 / 32);
    const byName = new Map(summary.perClass.map((c) => [c.name, c]));
    // background TP 4, GT 4, Pred 5 → F1 8/9, IoU 4/5.
    assert.ok(Math.abs(byName.get('background')!.f1! - 8 / 9) < 1e-12);
    // skin TP 15, GT 20, Pred 15 → F1 30/35, IoU 15/20, precision 1, recall 0.75.
    assert.deepEqual([byName.get('skin')!.f1, byName.get('skin')!.iou, byName.get('skin')!.precision, byName.get('skin')!.recall], [30 / 35, 0.75, 1, 0.75]);
    // hair: predicted 4, never in ground truth → F1 0, recall null.
    assert.deepEqual([byName.get('hair')!.f1, byName.get('hair')!.recall, byName.get('hair')!.predPixels], [0, null, 4]);
    // meanF1 over skin, left eyebrow, right eyebrow, hair = (6/7 + 8/9 + 6/7 + 0) / 4; mIoU adds background: (0.8+0.75+0.8+0.75+0)/5.
    assert.ok(Math.abs(summary.meanF1! - (6 / 7 + 8 / 9 + 6 / 7) / 4) < 1e-12);
    assert.ok(Math.abs(summary.mIoU! - 3.1 / 5) < 1e-12);
    // Per image: a = (6/7 + 8/9 + 6/7)/3, b = (6/7 + 0)/2.
    assert.ok(Math.abs(summary.perImageAverage.meanF1.mean! - ((6 / 7 + 8 / 9 + 6 / 7) / 3 + 3 / 7) / 2) < 1e-12);
    assert.equal(summary.executionProvider, null);
    const confusion = JSON.parse(fs.readFileSync(path.join(out, 'confusion.json'), 'utf8'));
    assert.equal(confusion.counts[1][10], 4, 'skin predicted as hair');
    assert.equal(confusion.counts[3][2], 1, 'right eyebrow predicted as left eyebrow');
    const lines = fs.readFileSync(path.join(out, 'images.jsonl'), 'utf8').trim().split('\n');
    assert.deepEqual(lines.map((l) => JSON.parse(l).id), ['a', 'b']);
    assert.equal(fs.existsSync(path.join(out, 'pred')), false, 'predictions made elsewhere are not copied');
  });

  it('maps predictions of another schema through the crosswalk (FaceSynthetics names by viewer side)', async () => {
    // In LaPa, 2 = left eyebrow (viewer's left); FaceSynthetics LEFT_BROW (6) is also the viewer's left.
    const fsPred = path.join(tmp.dir, 'pred-fs');
    await writeGrayPng(path.join(fsPred, 'a.png'), map([[0, 0, 1, 1], [0, 0, 1, 1], [6, 6, 5, 5], [6, 6, 5, 5]]));
    await writeGrayPng(path.join(fsPred, 'b.png'), map([[13, 13, 13, 13], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]));
    const { summary } = await evaluateFolder(path.join(tmp.dir, 'ds'), { kind: 'folder', folder: fsPred, schema: 'facesynthetics' }, path.join(tmp.dir, 'run-fs'), { schema: 'lapa' });
    assert.equal(summary.pixelAccuracy, 28 / 32, 'only the four hair pixels of b are wrong');
    assert.ok(summary.protocol.some((s) => s.includes('facesynthetics') && s.includes('lapa')));
  });

  it('skips an image whose prediction is missing or has another aspect ratio, naming the file', async () => {
    const partial = path.join(tmp.dir, 'pred-partial');
    await writeGrayPng(path.join(partial, 'a.png'), map([[0, 0, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1], [2, 2, 3, 3, 3, 3], [2, 2, 3, 3, 3, 3]]));
    const { summary } = await evaluateFolder(path.join(tmp.dir, 'ds'), { kind: 'folder', folder: partial }, path.join(tmp.dir, 'run-partial'), { schema: 'lapa' });
    assert.equal(summary.images, 0);
    const reasons = summary.skipped.map((s) => `${s.file}: ${s.reason}`).sort();
    assert.match(reasons[0], /pred-partial\/a\.png: prediction is 6×4 but scoring is at 4×4 \(different aspect ratio\)/);
    assert.match(reasons[1], /pred-partial\/b\.png: no prediction file for this image/);
  });

  it('brings a prediction of another size but the same aspect ratio to the scoring size (nearest)', async () => {
    const upscaled = path.join(tmp.dir, 'pred-8px');
    await writeGrayPng(path.join(upscaled, 'a.png'), doubled([[0, 0, 0, 1], [0, 0, 1, 1], [2, 2, 3, 2], [2, 2, 3, 3]]));
    await writeGrayPng(path.join(upscaled, 'b.png'), doubled([[10, 10, 10, 10], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]));
    const { summary } = await evaluateFolder(path.join(tmp.dir, 'ds'), { kind: 'folder', folder: upscaled }, path.join(tmp.dir, 'run-8px'), { schema: 'lapa' });
    assert.equal(summary.pixelAccuracy, 26 / 32, 'the same result as the 4×4 predictions');
  });

  it('scores at the label size by default and at the image size with --score-at image', async () => {
    const root = path.join(tmp.dir, 'ds-2x');
    const rows = [[0, 0, 1, 1], [0, 0, 1, 1], [2, 2, 3, 3], [2, 2, 3, 3]];
    await writeRgb(path.join(root, 'images', 'a.png'), { width: 8, height: 8, data: new Uint8Array(192).fill(90) });
    await writeGrayPng(path.join(root, 'labels', 'a.png'), map(rows));
    const pred8 = path.join(tmp.dir, 'pred-2x');
    await writeGrayPng(path.join(pred8, 'a.png'), doubled(rows));
    const label = await evaluateFolder(root, { kind: 'folder', folder: pred8 }, path.join(tmp.dir, 'run-2x-label'), { schema: 'lapa' });
    const image = await evaluateFolder(root, { kind: 'folder', folder: pred8 }, path.join(tmp.dir, 'run-2x-image'), { schema: 'lapa', protocol: { resolution: { kind: 'image' }, boundaryK: 0, groups: [] } });
    assert.equal(label.summary.scoredPixels, 16);
    assert.equal(image.summary.scoredPixels, 64);
    assert.equal(label.summary.pixelAccuracy, 1);
    assert.equal(image.summary.pixelAccuracy, 1);
    assert.ok(image.summary.protocol.includes("scored at each image's resolution (ground truth resized nearest-neighbour)"));
  });

  it('applies a mapping file to the predictions and says so in the protocol; a mapping for other schemas is refused', async () => {
    const mapping = parseMappingJson(JSON.stringify({ from: 'lapa', to: 'lapa', map: { hair: 'skin' } }), 'hair-is-skin.json');
    const { summary } = await evaluateFolder(path.join(tmp.dir, 'ds'), { kind: 'folder', folder: path.join(tmp.dir, 'pred') }, path.join(tmp.dir, 'run-map'), {
      schema: 'lapa',
      protocol: { ...STRICT, mapping },
    });
    assert.equal(summary.pixelAccuracy, 30 / 32, "b's four predicted hair pixels now count as skin");
    assert.ok(summary.protocol.includes('crosswalk overrides from hair-is-skin.json'));
    const other = parseMappingJson(JSON.stringify({ from: 'helen', to: 'lapa', map: { hair: 'skin' } }), 'helen.json');
    await assert.rejects(
      evaluateFolder(path.join(tmp.dir, 'ds'), { kind: 'folder', folder: path.join(tmp.dir, 'pred') }, path.join(tmp.dir, 'run-map2'), { schema: 'lapa', protocol: { ...STRICT, mapping: other } }),
      /helen\.json: from is "helen", but the source schema is lapa/,
    );
  });
});
