import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { buildReportSnapshot } from '../../../src/node/browse/reportSnapshot';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import type { ReportSnapshot } from '../../../src/protocol/reportPanelMessages';
import { FS_SCHEMA, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { drawFace, FS_FACE, writeGrayPng } from '../../helpers/fixtures';
import { plantedBoundaryRun } from '../../helpers/boundaryFixtures';
import { readImagesJsonl, readRunJson } from '../../helpers/reportFixtures';
import { evaluateFolder } from '../../helpers/runHelpers';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let close: string;
let far: string;

/** Evaluates prediction masks shifted by `shifts` (per image a, b, c) against the dataset into runs/<name>. */
async function runWithShifts(root: string, name: string, shifts: readonly number[]): Promise<string> {
  const preds = path.join(tmp.dir, `preds-${name}`);
  for (const [k, id] of ['a', 'b', 'c'].entries()) await writeGrayPng(path.join(preds, `${id}.png`), drawFace(32, 32, FS_FACE, shifts[k]));
  const dir = path.join(tmp.dir, 'runs', name);
  await evaluateFolder(root, { kind: 'folder', folder: preds }, dir);
  return dir;
}

function snapshot(runDirs: string[], thumbnailDir: string, worst = 2): Promise<ReportSnapshot> {
  const request = { runDirs, title: 'panel', worst, thumbnailDir, toUri: (file: string) => `webview:${file}` };
  return buildReportSnapshot(request, { adapters: createNodeAdapters(), registry: new SchemaRegistry() });
}

before(async () => {
  tmp = makeTempDir('facegap-snapshot-');
  const root = path.join(tmp.dir, 'ds');
  for (const id of ['a', 'b', 'c']) await writeFaceSyntheticsItem(root, id, drawFace(32, 32, FS_FACE), 0);
  close = await runWithShifts(root, 'close', [0, 1, 2]);
  far = await runWithShifts(root, 'far', [3, 6, 9]);
});
after(() => tmp.remove());

describe('buildReportSnapshot', () => {
  it('gives each run its scores, facts, protocol and confusion from the run folder', async () => {
    const report = await snapshot([close, far], path.join(tmp.dir, 'thumbs-a'));
    assert.equal(report.title, 'panel');
    assert.deepEqual(report.runs.map((r) => [r.label, r.dir]), [['#1', close], ['#2', far]]);
    const record = readRunJson(far);
    const run = report.runs[1];
    assert.deepEqual([run.meanF1, run.mIoU, run.pixelAccuracy, run.images, run.status], [record.summary!.meanF1, record.summary!.mIoU, record.summary!.pixelAccuracy, 3, 'complete']);
    assert.deepEqual(run.protocol, record.protocol.sentences);
    assert.ok(run.facts.some((f) => f.label === 'dataset' && f.value === record.dataset.root));
    assert.equal(run.schema.id, 'facesynthetics');
    const confusion = JSON.parse(fs.readFileSync(path.join(far, 'confusion.json'), 'utf8')) as { counts: number[][] };
    const n = run.confusion!.classes.length;
    assert.equal(n, FS_SCHEMA.classes.length, 'no pixel was predicted outside the schema, so no "other" class');
    assert.deepEqual(run.confusion!.counts, confusion.counts.flatMap((row) => row.slice(0, n)));
    assert.deepEqual(run.notes, []);
    assert.equal(report.deltas.length, 1);
    assert.ok(report.deltas[0].startsWith('#2'));
  });

  it('lines up the class rows across the runs', async () => {
    const report = await snapshot([close, far], path.join(tmp.dir, 'thumbs-a'));
    const skin = report.classes.find((c) => c.name === 'SKIN')!;
    const perClass = [close, far].map((dir) => readRunJson(dir).summary!.perClass.find((c) => c.name === 'SKIN')!);
    assert.deepEqual(skin.perRun.map((s) => s!.f1), perClass.map((c) => c.f1));
    assert.deepEqual(skin.perRun.map((s) => s!.gtPixels), perClass.map((c) => c.gtPixels));
  });

  it('gives a run scored with a boundary band its tolerant scores, the band share and per-class tolerant F1', async () => {
    const planted = await plantedBoundaryRun(tmp, 'banded', { boundaryK: 3, interiorBlock: false });
    const report = await snapshot([planted.runDir, close], path.join(tmp.dir, 'thumbs-t'), 0);
    const tolerant = readRunJson(planted.runDir).summary!.tolerant!;
    const [banded, strict] = report.runs;
    assert.deepEqual(
      [banded.tolerant?.boundaryK, banded.tolerant?.meanF1, banded.tolerant?.shareOfError, banded.tolerant?.wrongPixelShare],
      [3, tolerant.meanF1, tolerant.boundaryShareOfError, tolerant.boundaryShares.wrongPixels],
    );
    assert.equal(banded.tolerant!.sentence, `mean F1 ${banded.meanF1!.toFixed(3)} strict · 1.000 tolerant (boundary band k=3): 100% of the error is within 2 px of a ground-truth edge; 100% of the wrong pixels lie in the band`);
    assert.equal(strict.tolerant, undefined);
    const hair = report.classes.find((c) => c.name === 'HAIR')!;
    assert.equal(hair.perRun[0]!.tolerantF1, tolerant.perClass.find((c) => c.name === 'HAIR')!.f1);
    assert.ok(hair.perRun[0]!.f1! < hair.perRun[0]!.tolerantF1!);
    assert.equal('tolerantF1' in hair.perRun[1]!, false, 'a strict run has no tolerant column');
  });

  it('shows the worst images with error-map thumbnails written to the given folder, and reuses them', async () => {
    const thumbs = path.join(tmp.dir, 'thumbs-b');
    const report = await snapshot([far], thumbs);
    const expected = readImagesJsonl(far).sort((x, y) => x.scores.meanF1! - y.scores.meanF1!).slice(0, 2);
    const worst = report.runs[0].worst;
    assert.deepEqual(worst.map((w) => [w.id, w.image, w.meanF1]), expected.map((r) => [r.id, r.image, r.scores.meanF1]));
    const files = worst.map((w) => w.thumbnailUri!.replace(/^webview:/, ''));
    for (const file of files) {
      assert.ok(file.startsWith(thumbs + path.sep) && file.endsWith('.png'), file);
      const meta = await sharp(file).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['png', 32, 32]);
    }
    const { data } = await sharp(files[0]).raw().toBuffer({ resolveWithObject: true });
    assert.ok(data.some((_, i) => i % 3 === 0 && data[i] === 230 && data[i + 1] === 30), 'wrong pixels are red');
    const written = files.map((f) => fs.statSync(f).mtimeMs);
    const again = await snapshot([far], thumbs);
    assert.deepEqual(again.runs[0].worst.map((w) => w.thumbnailUri), worst.map((w) => w.thumbnailUri));
    assert.deepEqual(files.map((f) => fs.statSync(f).mtimeMs), written, 'not drawn again');
  });

  it('falls back to the image when the prediction is gone, and notes the file', async () => {
    const worstId = readImagesJsonl(far).sort((x, y) => x.scores.meanF1! - y.scores.meanF1!)[0].id;
    const pred = path.join(tmp.dir, 'preds-far', `${worstId}.png`);
    fs.renameSync(pred, `${pred}.gone`);
    try {
      const report = await snapshot([far], path.join(tmp.dir, 'thumbs-c'), 1);
      const [card] = report.runs[0].worst;
      assert.match(card.thumbnailUri!, /\.jpg$/);
      assert.ok(report.runs[0].notes.some((n) => n.startsWith(pred)), report.runs[0].notes.join('\n'));
    } finally {
      fs.renameSync(`${pred}.gone`, pred);
    }
  });

  it('fails for a folder that is not a run, naming its run.json', async () => {
    const nowhere = path.join(tmp.dir, 'nowhere');
    await assert.rejects(snapshot([nowhere], path.join(tmp.dir, 'thumbs-d')), (error: Error) => error.message.startsWith(`${nowhere}/run.json: not found`));
  });
});
