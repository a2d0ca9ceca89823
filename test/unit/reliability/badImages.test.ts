import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeBadDataset, type BadDataset } from '../../helpers/badDataset';
import { builtCli } from '../../helpers/cliRunner';
import { writeColourModel } from '../../helpers/evalFixtures';
import { assertCleanExit, runCliAs, shareWithNobody, unreadableWorks } from '../../helpers/unprivilegedCli';

// Damaged pixels: each bad image or mask skips its item with a message naming the file; every valid item is scored.

/** Items whose mask is fine although their image is not: label-only commands (diff) still compare them. */
const IMAGE_ONLY_BAD = ['truncated-png', 'corrupt-png', 'truncated-jpeg', 'corrupt-jpeg', 'zero-image', 'huge-image', 'size-mismatch', 'unreadable'];

/** Offending file → what its message must say. */
const EXPECTED: ReadonlyArray<readonly [string, RegExp]> = [
  ['images/truncated-png.png', /truncated or corrupt: the PNG data stops before its end marker/],
  ['images/corrupt-png.png', /cannot decode image \(truncated or corrupt/],
  ['images/truncated-jpeg.jpg', /truncated or corrupt: the JPEG data stops before its end marker/],
  ['images/corrupt-jpeg.jpg', /cannot decode image \((truncated or corrupt|VipsJpeg: Corrupt JPEG data)/],
  ['images/zero-image.png', /cannot decode image \(empty file, 0 bytes\)/],
  ['masks/zero-mask.png', /cannot decode image \(empty file, 0 bytes\)/],
  ['images/huge-image.png', /image is 10240×10240 \(104\.9 megapixels\), over the 100-megapixel limit/],
  ['masks/huge-mask.png', /image is 10240×10240 \(104\.9 megapixels\), over the 100-megapixel limit/],
  ['masks/huge-palette-mask.png', /image is 10240×10240 \(104\.9 megapixels\), over the 100-megapixel limit/],
  ['masks/unexpected-id.png', /class id 23 \(10 px\) not in schema facesynthetics/],
  ['masks/rgb-off-palette.png', /colours not in the facesynthetics palette: rgb\(1,2,3\) ×12/],
  ['masks/size-mismatch.png', /label is 48×32 but its image is 32×32 \(different aspect ratio\)/],
];

let data: BadDataset;
let cli: string;
let model: { model: string; spec: string };
let clean: string;
/** Stems scored by the CLI: the valid items, and the unreadable one where nothing can make it unreadable. */
let scorable: string[];
before(async () => {
  cli = builtCli();
  data = await writeBadDataset('facegap-bad-images-');
  model = writeColourModel(data.tmp, 32);
  clean = path.join(data.tmp.dir, 'clean');
  for (const dir of ['images', 'masks']) {
    fs.mkdirSync(path.join(clean, dir), { recursive: true });
    for (const stem of ['valid-a', 'valid-b', 'valid-c']) fs.copyFileSync(path.join(data.root, dir, `${stem}.png`), path.join(clean, dir, `${stem}.png`));
  }
  shareWithNobody(data.tmp.dir);
  scorable = [...data.valid, ...(unreadableWorks() ? [] : ['unreadable'])];
});
after(() => data?.tmp.remove());

const out = (name: string): string => path.join(data.tmp.dir, name);
const rel = (file: string): string => path.relative(data.root, file).split(path.sep).join('/');

describe('bad images and masks: eval', () => {
  it('skips each damaged file naming it and the problem, and scores every valid item', async () => {
    const args = ['eval', data.root, '--model', model.model, '--spec', model.spec, '--schema', 'facesynthetics', '--out', out('run'), '--json', '--no-progress'];
    const result = await runCliAs(cli, args);
    assertCleanExit(result, 0, 'eval');
    const summary = JSON.parse(result.stdout) as { images: number; skipped: Array<{ file: string; reason: string }> };
    const reasons = new Map(summary.skipped.map((s) => [rel(s.file), s.reason]));
    for (const [file, reason] of EXPECTED) {
      assert.match(reasons.get(file) ?? `(not skipped) ${[...reasons.keys()].join(', ')}`, reason, file);
      assert.ok(result.stderr.includes(`${path.join(data.root, file)}: `), `stderr names ${file}`);
    }
    assert.equal(summary.images, scorable.length);
    const journal = fs.readFileSync(path.join(out('run'), 'images.jsonl'), 'utf8').trim().split('\n');
    assert.deepEqual(journal.map((line) => (JSON.parse(line) as { id: string }).id).sort(), [...scorable].sort(), 'exactly the valid items are scored');
  });
});

describe('bad images and masks: diff, dist, info', () => {
  it('diff compares every readable mask pair and names each unreadable mask', async () => {
    const args = ['diff', data.root, path.join(data.root, 'masks'), '--a-schema', 'facesynthetics', '--b-schema', 'facesynthetics', '--out', out('diff'), '--json', '--no-progress'];
    const result = await runCliAs(cli, args);
    assertCleanExit(result, 0, 'diff');
    const record = JSON.parse(result.stdout) as { images: number; skipped: Array<{ reason: string }> };
    for (const mask of ['zero-mask', 'huge-mask', 'huge-palette-mask', 'unexpected-id', 'rgb-off-palette']) {
      assert.ok(record.skipped.some((s) => s.reason.startsWith(path.join(data.root, 'masks', `${mask}.png`))), mask);
    }
    assert.equal(record.images, data.valid.length + IMAGE_ONLY_BAD.length, 'diff reads masks only: items with a bad image still compare');
  });

  it('dist measures every valid item and names each damaged file', async () => {
    const args = ['dist', data.root, clean, '--a-schema', 'facesynthetics', '--b-schema', 'facesynthetics', '--out', out('dist'), '--json', '--no-progress'];
    const result = await runCliAs(cli, args);
    assertCleanExit(result, 0, 'dist');
    const record = JSON.parse(result.stdout) as { imagesA: number; imagesB: number; skipped: Array<{ file: string; reason: string }> };
    const reasons = new Map(record.skipped.map((s) => [rel(s.file), s.reason]));
    for (const [file, reason] of EXPECTED.filter(([f]) => !f.includes('size-mismatch'))) assert.match(reasons.get(file) ?? '(not skipped)', reason, file);
    assert.equal(record.imagesA, scorable.length + 1, 'dist measures an image and its label each on its own: size-mismatch is measured');
    assert.equal(record.imagesB, 3);
  });

  it('info reads every header and lists each problem with its file', async () => {
    const result = await runCliAs(cli, ['info', data.root, '--schema', 'facesynthetics', '--json', '--no-progress']);
    assertCleanExit(result, 0, 'info');
    const info = JSON.parse(result.stdout) as { problems: Array<{ file: string; problem: string }> };
    const problems = new Map(info.problems.map((p) => [rel(p.file), p.problem]));
    // info reads headers, not pixels: corrupt-png and corrupt-jpeg keep intact headers and end markers.
    for (const [file, reason] of EXPECTED.filter(([f]) => !/corrupt-/.test(f))) assert.match(problems.get(file) ?? '(no problem)', reason, file);
  });
});
