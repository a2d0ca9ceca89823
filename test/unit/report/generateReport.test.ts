import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeHtml } from '../../../src/core/report/htmlEscape';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { runDiff } from '../../../src/node/diff/runDiff';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { generateReport } from '../../../src/node/report/generateReport';
import { writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { drawFace, FS_FACE, writeGrayPng } from '../../helpers/fixtures';
import { plantedBoundaryRun } from '../../helpers/boundaryFixtures';
import { cardIds, readImagesJsonl, readRunJson } from '../../helpers/reportFixtures';
import { evaluateFolder } from '../../helpers/runHelpers';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const HOSTILE = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

let tmp: TempDir;
let run: string;
before(async () => {
  tmp = makeTempDir('facegap-report-');
  const root = path.join(tmp.dir, 'ds');
  const preds = path.join(tmp.dir, 'preds');
  // Three faces; predictions shifted by 0, 2 and 5 px, so the hostile-named one (5 px) is the worst.
  for (const [id, shift] of [['plain', 0], ['near', 2], [HOSTILE, 5]] as const) {
    const face = drawFace(32, 32, FS_FACE);
    await writeFaceSyntheticsItem(root, id, face, 0);
    await writeGrayPng(path.join(preds, `${id}.png`), drawFace(32, 32, FS_FACE, shift));
  }
  run = path.join(tmp.dir, 'run');
  await evaluateFolder(root, { kind: 'folder', folder: preds }, run);
});
after(() => tmp.remove());

async function report(name: string, worst = 6): Promise<string> {
  const out = path.join(tmp.dir, name);
  await generateReport({ runDirs: [run], out, title: 'test', worst }, { adapters: createNodeAdapters(), registry: new SchemaRegistry(), version: 'test' });
  return fs.readFileSync(out, 'utf8');
}

describe('generateReport', () => {
  it('escapes a hostile file name everywhere and draws thumbnails from the prediction folder', async () => {
    const page = await report('hostile.html');
    assert.ok(!page.includes(HOSTILE), 'never raw');
    assert.ok(!page.includes('<img src=x'));
    assert.ok(page.includes(`<h4>1. ${ESCAPED}</h4>`));
    assert.ok(page.includes(`${ESCAPED}.png`), 'the image file name, escaped');
    assert.equal((page.match(/<img src="data:image\/(png|jpeg);base64,/g) ?? []).length, 3 * 4, 'image, ground truth, prediction and errors per image');
    assert.ok(!page.includes('class="note"'), page.match(/<p class="note">[^<]*/g)?.join('\n'));
  });

  it('shows the worst images by per-image mean F1, lowest first', async () => {
    const expected = readImagesJsonl(run).sort((a, b) => a.scores.meanF1! - b.scores.meanF1!).map((r) => r.id);
    assert.equal(expected[0], HOSTILE, 'the fixture makes the most shifted prediction the worst');
    const page = await report('order.html', 2);
    assert.deepEqual(cardIds(page), expected.slice(0, 2).map((id) => id.replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  });

  it('turns an image that went missing into a note naming the file, and keeps the rest', async () => {
    const image = path.join(tmp.dir, 'ds', `${HOSTILE}.png`);
    fs.renameSync(image, `${image}.gone`);
    try {
      const page = await report('missing.html');
      const escapedImage = path.join(tmp.dir, 'ds', `${ESCAPED}.png`);
      assert.ok(page.includes(`<p class="note">${escapedImage}`), 'a note names the missing image');
      assert.ok(!page.includes(HOSTILE));
      assert.equal((page.match(/<figcaption>image<\/figcaption>/g) ?? []).length, 2, 'the other two images still show');
    } finally {
      fs.renameSync(`${image}.gone`, image);
    }
  });

  it('shows strict and tolerant mean F1 side by side for a run scored with a boundary band', async () => {
    const planted = await plantedBoundaryRun(tmp, 'banded', { boundaryK: 2, interiorBlock: true });
    const out = path.join(tmp.dir, 'banded.html');
    await generateReport({ runDirs: [planted.runDir], out, title: 'banded', worst: 0 }, { adapters: createNodeAdapters(), registry: new SchemaRegistry(), version: 'test' });
    const page = fs.readFileSync(out, 'utf8');
    const summary = readRunJson(planted.runDir).summary!;
    const t = summary.tolerant!;
    const share = `${Math.round(t.boundaryShareOfError! * 100)}%`;
    assert.ok(page.includes(`<td class="num">${t.meanF1!.toFixed(4)} <span class="muted">k=2</span></td><td class="num">${share}</td>`));
    const pixels = Math.round((planted.edgeWrongPixels / (planted.edgeWrongPixels + planted.interiorWrongPixels)) * 100);
    const sentence = `#1: mean F1 ${summary.meanF1!.toFixed(4)} strict · ${t.meanF1!.toFixed(4)} tolerant (boundary band k=2): ${share} of the error is within 1 px of a ground-truth edge; ${pixels}% of the wrong pixels lie in the band.`;
    assert.ok(page.includes(sentence), sentence);
    assert.ok(page.includes('<th class="num">F1 tolerant</th>'));
  });

  it('writes atomically: no temporary file is left beside the report', async () => {
    await report('atomic.html');
    assert.deepEqual(fs.readdirSync(tmp.dir).filter((f) => f.startsWith('atomic')), ['atomic.html']);
  });
});

describe('generateReport with label diffs', () => {
  it('adds a label-gap section per diff folder: its findings and a per-class table', async () => {
    const diffDir = path.join(tmp.dir, 'diff');
    const protocol = { bandK: 3, match: 'sides', sizeRule: 'b-to-a' } as const;
    const record = await runDiff({ a: { kind: 'run-ground-truth', path: run }, b: { kind: 'run-predictions', path: run }, protocol, outDir: diffDir }, createNodeAdapters());
    const out = path.join(tmp.dir, 'with-diff.html');
    await generateReport({ runDirs: [run], out, title: 'test', worst: 6, diffDirs: [diffDir] }, { adapters: createNodeAdapters(), registry: new SchemaRegistry(), version: 'test' });
    const page = fs.readFileSync(out, 'utf8');
    assert.ok(page.includes('<h2>Label gap</h2>'));
    for (const finding of record.summary.findings) assert.ok(page.includes(escapeHtml(finding.text)), `shows "${finding.text}"`);
    const present = record.summary.perClass.filter((c) => c.pixelsA + c.pixelsB > 0);
    assert.equal((page.match(/<table class="label-gap">[\s\S]*?<\/table>/)?.[0].match(/<tr>/g) ?? []).length, present.length + 1);
  });

  it('rejects a folder without diff.json, naming the file', async () => {
    const missing = path.join(tmp.dir, 'not-a-diff');
    fs.mkdirSync(missing, { recursive: true });
    const request = { runDirs: [run], out: path.join(tmp.dir, 'never.html'), title: 'test', worst: 6, diffDirs: [missing] };
    await assert.rejects(generateReport(request, { adapters: createNodeAdapters(), registry: new SchemaRegistry(), version: 'test' }), (error: Error) => error.message.includes(path.join(missing, 'diff.json')));
    assert.equal(fs.existsSync(request.out), false);
  });
});
