import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeHtml } from '../../../src/core/report/htmlEscape';
import { REPORT_CSP } from '../../../src/core/report/reportHtml';
import { SchemaRegistry } from '../../../src/core/schema/schemaRegistry';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { REPORT_HISTOGRAMS } from '../../../src/node/report/distributionFigures';
import { generateReport } from '../../../src/node/report/generateReport';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { distRecordFixture, HOSTILE_TITLE } from '../../helpers/distRecordFixture';
import { drawFace, FS_FACE, writeGrayPng } from '../../helpers/fixtures';
import { evaluateFolder } from '../../helpers/runHelpers';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let run: string;
before(async () => {
  tmp = makeTempDir('facegap-dist-report-');
  const root = path.join(tmp.dir, 'ds');
  const preds = path.join(tmp.dir, 'preds');
  for (const [id, shift] of [['a', 0], ['b', 3]] as const) {
    await writeFaceSyntheticsItem(root, id, drawFace(32, 32, FS_FACE), 0);
    await writeGrayPng(path.join(preds, `${id}.png`), drawFace(32, 32, FS_FACE, shift));
  }
  run = path.join(tmp.dir, 'run');
  await evaluateFolder(root, { kind: 'folder', folder: preds }, run);
});
after(() => tmp.remove());

/** A distribution folder holding the given dist.json. */
function distFolder(name: string, record: unknown): string {
  const dir = path.join(tmp.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist.json'), typeof record === 'string' ? record : JSON.stringify(record, null, 2));
  return dir;
}

async function report(name: string, distDirs: readonly string[]): Promise<string> {
  const out = path.join(tmp.dir, name);
  await generateReport({ runDirs: [run], out, title: 'test', worst: 0, distDirs }, { adapters: createNodeAdapters(), registry: new SchemaRegistry(), version: 'test' });
  return fs.readFileSync(out, 'utf8');
}

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;
const section = (page: string): string => page.slice(page.indexOf('<h2>Distribution gap</h2>'), page.indexOf('<footer>'));

describe('report with distribution folders', () => {
  it('adds a distribution-gap section: findings, effect chart, attribute table, top histograms and the optional parts', async () => {
    const record = distRecordFixture();
    const page = await report('dist.html', [distFolder('dist-full', record)]);
    const s = section(page);
    assert.ok(s.length > 0, 'the section is there');
    for (const finding of record.summary.findings) assert.ok(s.includes(`<li>${escapeHtml(finding)}</li>`), finding);
    assert.equal(count(s, /data-figure="effect"/g), 1);
    assert.equal(count(s, /data-figure="histogram"/g), REPORT_HISTOGRAMS, 'the eight largest effects');
    assert.equal(count(s, /data-figure="matching"/g), 1);
    assert.equal(count(s, /data-figure="slice"/g), 2);
    assert.equal(count(s, /data-figure="decomposition"/g), 1);
    const table = s.match(/<table class="distribution">[\s\S]*?<\/table>/)![0];
    assert.equal(count(table, /<tr>/g), record.summary.attributes.length + 1);
    assert.ok(table.includes('<td class="num">27 °</td>'), 'B mean with its unit');
    assert.ok(table.includes('<td class="num">39.0%</td>'), 'a binary mean as a share');
    for (const text of ['Distribution matching', 'Feature-space distances', '12.8', 'Performance by slice', '0.5800', 'Gap decomposition', '0.4910', 'the remainder: 0.491 − 0.26 − 0.11']) assert.ok(s.includes(text), text);
    assert.ok(s.includes('pose from mask geometry: no landmarks'), 'the notes');
  });

  it('keeps the report free of scripts and inline <style> in figures, under its own CSP', async () => {
    const page = await report('csp.html', [distFolder('dist-csp', distRecordFixture())]);
    assert.ok(page.includes(`content="${escapeHtml(REPORT_CSP)}"`));
    assert.equal(count(page, /<script/gi), 0);
    assert.equal(count(page, /<style/g), 1, 'only the page stylesheet');
    assert.ok(!/ on[a-z]+=/i.test(section(page)), 'no event handler attributes');
  });

  it('escapes a hostile attribute title and side description everywhere, figures included', async () => {
    const page = await report('hostile.html', [distFolder('dist-hostile', distRecordFixture({ hostile: true }))]);
    assert.ok(!page.includes(HOSTILE_TITLE));
    assert.ok(!page.includes('<img'));
    assert.ok(section(page).includes(`<h3>real-style ${escapeHtml(HOSTILE_TITLE)} against`));
    assert.ok(count(section(page), /&lt;img src=x onerror=alert\(1\)&gt;/g) >= 4, 'heading, table, histogram and effect chart');
  });

  it('leaves out the parts a folder does not have', async () => {
    const s = section(await report('plain.html', [distFolder('dist-plain', distRecordFixture({ optionalParts: false }))]));
    assert.equal(count(s, /data-figure="(matching|slice|decomposition)"/g), 0);
    for (const text of ['Distribution matching', 'Feature-space distances', 'Performance by slice', 'Gap decomposition']) assert.ok(!s.includes(text), text);
  });

  it('rejects a folder whose dist.json is missing or malformed, naming the file and the part', async () => {
    const missing = path.join(tmp.dir, 'not-a-dist');
    fs.mkdirSync(missing, { recursive: true });
    await assert.rejects(report('never.html', [missing]), (e: Error) => e.message.includes(path.join(missing, 'dist.json')));
    const bad = distRecordFixture();
    const broken = { ...bad, summary: { ...bad.summary, attributes: [{ ...bad.summary.attributes[0], b: { ...bad.summary.attributes[0].b, histogram: { edges: [0, 1], shares: [0.5, 0.5] } } }] } };
    const dir = distFolder('dist-broken', broken);
    await assert.rejects(report('never.html', [dir]), (e: Error) => e.message.startsWith(`${path.join(dir, 'dist.json')}: "summary.attributes[0].b.histogram" has 2 edges for 2 bins`));
    assert.equal(fs.existsSync(path.join(tmp.dir, 'never.html')), false);
  });

  it('facegap report --dist (repeatable) draws the figures in the bundled CLI', async () => {
    const out = path.join(tmp.dir, 'cli.html');
    const dirs = [distFolder('dist-cli-1', distRecordFixture()), distFolder('dist-cli-2', distRecordFixture({ optionalParts: false }))];
    const { code, stderr } = await runCli(builtCli(), ['report', run, '--out', out, '--dist', dirs[0], '--dist', dirs[1]]);
    assert.equal(code, 0, stderr);
    const page = fs.readFileSync(out, 'utf8');
    assert.equal(count(page, /<h3>real-style sample \(120 images, labels\) against synthetic sample/g), 2);
    assert.equal(count(page, /data-figure="effect"/g), 2);
  });
});
