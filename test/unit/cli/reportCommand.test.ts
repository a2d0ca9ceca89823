import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { writeColourModel, writeFaceSyntheticsDataset } from '../../helpers/evalFixtures';
import { cardIds, readImagesJsonl, readRunJson, writeShiftedCelebAMaskHqDataset } from '../../helpers/reportFixtures';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let cli: string;
let synthRun: string;
let realRun: string;
before(async () => {
  cli = builtCli();
  tmp = makeTempDir('facegap-report-cli-');
  const synth = await writeFaceSyntheticsDataset(tmp, 'synth', 3);
  const real = await writeShiftedCelebAMaskHqDataset(tmp, 'real', 3);
  const model = writeColourModel(tmp);
  synthRun = path.join(tmp.dir, 'run-synth');
  realRun = path.join(tmp.dir, 'run-real');
  for (const [root, out, band] of [[synth.root, synthRun, []], [real, realRun, ['--boundary', '2']]] as const) {
    const result = await runCli(cli, ['eval', root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--out', out, '--no-progress', ...band]);
    assert.equal(result.code, 0, result.stderr);
  }
});
after(() => tmp.remove());

describe('facegap report', () => {
  it('writes one self-contained page with both runs, their change, thumbnails and schema-aligned classes', async () => {
    const out = path.join(tmp.dir, 'reports', 'gap.html');
    const { code, stdout, stderr } = await runCli(cli, ['report', synthRun, realRun, '--out', out, '--title', 'Synth vs real']);
    assert.equal(code, 0, stderr);
    assert.equal(stdout.trim(), out, 'prints the written path');
    const page = fs.readFileSync(out, 'utf8');
    const [synth, real] = [readRunJson(synthRun), readRunJson(realRun)];
    for (const run of [synth, real]) {
      assert.ok(page.includes(`>${run.summary!.meanF1!.toFixed(4)}<`), `mean F1 of ${run.dataset.root}`);
      assert.ok(page.includes(`>${run.summary!.mIoU!.toFixed(4)}<`), `mIoU of ${run.dataset.root}`);
    }
    assert.ok(real.summary!.meanF1! < synth.summary!.meanF1!, 'the shifted sample scores lower');
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src data:; style-src &#39;unsafe-inline&#39;">/);
    assert.ok((page.match(/<img src="data:image\/(png|jpeg);base64,/g) ?? []).length >= 2 * 3 * 4, 'four thumbnails per image, three images per run');
    assert.doesNotMatch(page, /https?:\/\/|src="\/\/|<script|<link/i);
    assert.match(page, /<title>Synth vs real<\/title>/);
    const rightEye = page.match(/<tr><th scope="row" title="eye\/subject-right">[^\n]*?<\/tr>/)?.[0] ?? '';
    assert.match(rightEye, /LEFT_EYE.*r_eye/, 'FaceSynthetics LEFT_EYE and CelebAMask-HQ r_eye share the row of the subject\'s right eye');
    const ids = cardIds(page);
    assert.equal(ids.length, 6);
    for (const [k, run] of [synthRun, realRun].entries()) {
      const expected = readImagesJsonl(run).sort((a, b) => a.scores.meanF1! - b.scores.meanF1!).map((r) => r.id);
      assert.deepEqual(ids.slice(k * 3, k * 3 + 3), expected, 'cards ordered from the lowest per-image mean F1');
    }
  });

  it('--json prints the headline numbers; the change is the difference of the two run.json mean F1', async () => {
    const out = path.join(tmp.dir, 'gap-json.html');
    const { code, stdout, stderr } = await runCli(cli, ['report', synthRun, realRun, '--out', out, '--json', '--worst', '1']);
    assert.equal(code, 0, stderr);
    const { runs } = JSON.parse(stdout);
    const [synth, real] = [readRunJson(synthRun), readRunJson(realRun)];
    assert.deepEqual(runs.map((r: { schema: string }) => r.schema), ['facesynthetics', 'celebamask-hq']);
    assert.equal(runs[1].meanF1, real.summary!.meanF1);
    assert.ok(Math.abs(runs[1].deltaMeanF1 - (real.summary!.meanF1! - synth.summary!.meanF1!)) < 1e-12);
    assert.ok(runs[1].deltaMeanF1 < 0);
    assert.equal(runs[0].deltaMeanF1, 0);
    for (const key of ['dataset', 'schema', 'meanF1', 'mIoU', 'pixelAccuracy', 'deltaMeanF1']) assert.ok(key in runs[0], key);
    const t = real.summary!.tolerant!;
    assert.equal(runs[0].tolerant, undefined, 'the synthetic run was scored strictly only');
    assert.deepEqual(runs[1].tolerant, {
      boundaryK: 2,
      meanF1: t.meanF1,
      mIoU: t.mIoU,
      pixelAccuracy: t.pixelAccuracy,
      boundaryShareOfError: t.boundaryShareOfError,
      wrongPixelShare: t.boundaryShares.wrongPixels,
    });
    assert.equal(cardIds(fs.readFileSync(out, 'utf8')).length, 2, '--worst 1 shows one image per run');
  });

  it('turns an unreadable prediction file into a note naming it, not a crash', async () => {
    const broken = path.join(tmp.dir, 'run-broken');
    fs.cpSync(realRun, broken, { recursive: true });
    const worst = readImagesJsonl(broken).sort((a, b) => a.scores.meanF1! - b.scores.meanF1!)[0];
    fs.writeFileSync(path.join(broken, worst.predFile!), 'not a png');
    const out = path.join(tmp.dir, 'broken.html');
    const { code, stderr } = await runCli(cli, ['report', broken, '--out', out]);
    assert.equal(code, 0, stderr);
    const page = fs.readFileSync(out, 'utf8');
    const predPath = path.join(broken, worst.predFile!);
    assert.ok(page.includes(`<p class="note">${predPath}`), 'the note names the prediction file');
    assert.match(page, /<figcaption>errors<\/figcaption>/, 'the other images still get their error maps');
  });

  it('refuses calls without run folders or --out, and run folders without run.json', async () => {
    assert.equal((await runCli(cli, ['report', synthRun])).code, 2);
    assert.equal((await runCli(cli, ['report', '--out', path.join(tmp.dir, 'x.html')])).code, 2);
    assert.equal((await runCli(cli, ['report', synthRun, '--out', path.join(tmp.dir, 'x.html'), '--worst', 'many'])).code, 2);
    const missing = await runCli(cli, ['report', tmp.dir, '--out', path.join(tmp.dir, 'x.html')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /run\.json: not found/);
    assert.equal(fs.existsSync(path.join(tmp.dir, 'x.html')), false);
  });
});
