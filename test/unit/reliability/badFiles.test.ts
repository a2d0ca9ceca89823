import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ODD_NAMES, writeBadDataset, type BadDataset } from '../../helpers/badDataset';
import { builtCli } from '../../helpers/cliRunner';
import { writeColourModel } from '../../helpers/evalFixtures';
import { assertCleanExit, runCliAs, shareWithNobody, unreadableWorks } from '../../helpers/unprivilegedCli';

// What the file system can do to a dataset: unpaired and duplicate files, link loops and dangling links, unreadable
// files, and names with quotes, spaces, non-ASCII and markup. Each gets a message naming the file; nothing else stops.

let data: BadDataset;
let cli: string;
let model: { model: string; spec: string };
let evalRun: { stdout: string; stderr: string; ids: string[] };
before(async () => {
  cli = builtCli();
  data = await writeBadDataset('facegap-bad-files-');
  model = writeColourModel(data.tmp, 32);
  shareWithNobody(data.tmp.dir);
  const args = ['eval', data.root, '--model', model.model, '--spec', model.spec, '--schema', 'facesynthetics', '--out', out('run'), '--json', '--no-progress'];
  const result = await runCliAs(cli, args);
  assertCleanExit(result, 0, 'eval');
  const journal = fs.readFileSync(path.join(out('run'), 'images.jsonl'), 'utf8').trim().split('\n');
  evalRun = { ...result, ids: journal.map((line) => (JSON.parse(line) as { id: string }).id) };
});
after(() => data?.tmp.remove());

const out = (name: string): string => path.join(data.tmp.dir, name);
const file = (...parts: string[]): string => path.join(data.root, ...parts);

describe('files the layout leaves out', () => {
  it('warns about an image without a mask and a mask without an image, naming each', () => {
    assert.ok(evalRun.stderr.includes(`warning: ${file('images', 'no-mask.png')}: no mask found for this image; it is left out`), evalRun.stderr);
    assert.ok(evalRun.stderr.includes(`warning: ${file('masks', 'no-image.png')}: mask without an image; it is left out`));
    assert.ok(!evalRun.ids.includes('no-mask') && !evalRun.ids.includes('no-image'));
  });

  it('keeps the first of two files sharing a stem and warns about the other', () => {
    assert.ok(evalRun.stderr.includes(`warning: ${file('images', 'duplicate.png')}: duplicate stem "duplicate": ${file('images', 'duplicate.jpg')} is used`));
    assert.ok(evalRun.ids.includes('duplicate'));
  });

  it('warns about dangling links and links to each other, and does not follow a link to its own folder', () => {
    for (const side of ['images', 'masks']) {
      assert.ok(evalRun.stderr.includes(`warning: ${file(side, 'dangling.png')}: symbolic link to a file that does not exist; it is left out`), side);
    }
    for (const link of ['link-loop-a.png', 'link-loop-b.png']) {
      assert.ok(evalRun.stderr.includes(`warning: ${file('images', link)}: not a regular file (a symbolic link loop or a special file); it is left out`), link);
    }
    assert.ok(!evalRun.ids.some((id) => id.includes('loop') || id.includes('dangling')));
  });

  it('skips an unreadable file naming it, and scores every valid item', () => {
    const summary = JSON.parse(evalRun.stdout) as { images: number; skipped: Array<{ file: string; reason: string }> };
    const unreadable = summary.skipped.find((s) => s.file === file('images', 'unreadable.png'));
    if (unreadableWorks()) assert.equal(unreadable?.reason, 'cannot read file (permission denied)');
    const scored = [...data.valid, ...(unreadableWorks() ? [] : ['unreadable'])];
    assert.deepEqual([...evalRun.ids].sort(), scored.sort());
    assert.equal(summary.images, scored.length);
  });
});

describe('odd file names', () => {
  it('scores quotes, spaces, non-ASCII and markup in names, keeping them verbatim in the JSON', () => {
    const summary = JSON.parse(evalRun.stdout) as { images: number };
    assert.ok(summary.images > 0);
    for (const name of ODD_NAMES) assert.ok(evalRun.ids.includes(name), name);
    const journal = fs.readFileSync(path.join(out('run'), 'images.jsonl'), 'utf8');
    for (const name of ODD_NAMES) assert.ok(journal.includes(`"image":${JSON.stringify(file('images', `${name}.png`))}`), name);
  });

  it('escapes them in the HTML report: no markup from a file name reaches report.html', async () => {
    const result = await runCliAs(cli, ['report', out('run'), '--out', out('report.html')]);
    assertCleanExit(result, 0, 'report');
    const html = fs.readFileSync(out('report.html'), 'utf8');
    assert.ok(!/<script/i.test(html), 'no <script in the report');
    assert.ok(!html.includes('<img src=x'), 'no raw <img from a file name');
    // The worst images (ties by id) include the markup and quoted names: they are there, escaped.
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;script&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('it&#39;s &quot;quoted&quot;'));
  });
});

describe('links in an unlabeled image folder (dist)', () => {
  it('reads a folder reached through a link to itself once, and names a dangling image link', async () => {
    const folder = path.join(data.tmp.dir, 'unlabeled');
    fs.mkdirSync(folder, { mode: 0o777 });
    for (const stem of ['valid-a', 'valid-b', 'valid-c']) fs.copyFileSync(file('images', `${stem}.png`), path.join(folder, `${stem}.png`));
    fs.symlinkSync('.', path.join(folder, 'loop'));
    fs.symlinkSync('nowhere.png', path.join(folder, 'dangling.png'));
    shareWithNobody(folder);
    const args = ['dist', folder, data.root, '--a-model', model.model, '--a-spec', model.spec, '--b-schema', 'facesynthetics', '--out', out('dist'), '--json', '--no-progress'];
    const result = await runCliAs(cli, args);
    assertCleanExit(result, 0, 'dist');
    const record = JSON.parse(result.stdout) as { a: { images: number }; imagesA: number; skipped: Array<{ side: string; file: string; reason: string }> };
    assert.equal(record.a.images, 4, 'three images and the dangling link, each once');
    assert.equal(record.imagesA, 3);
    assert.deepEqual(record.skipped.filter((s) => s.side === 'A').map((s) => [s.file, s.reason]), [[path.join(folder, 'dangling.png'), 'cannot read file (no such file or folder)']]);
  });
});

describe('the same files in facegap info', () => {
  it('lists each problem with its file', async () => {
    const result = await runCliAs(cli, ['info', data.root, '--schema', 'facesynthetics', '--json', '--no-progress']);
    assertCleanExit(result, 0, 'info');
    const problems = new Map((JSON.parse(result.stdout) as { problems: Array<{ file: string; problem: string }> }).problems.map((p) => [p.file, p.problem]));
    const expected: Array<[string, RegExp]> = [
      [file('images', 'no-mask.png'), /no mask found/],
      [file('masks', 'no-image.png'), /mask without an image/],
      [file('images', 'duplicate.png'), /duplicate stem "duplicate"/],
      [file('images', 'dangling.png'), /symbolic link to a file that does not exist/],
      [file('images', 'link-loop-a.png'), /symbolic link loop/],
      ...(unreadableWorks() ? [[file('images', 'unreadable.png'), /cannot read file \(permission denied\)/] as [string, RegExp]] : []),
    ];
    for (const [name, problem] of expected) assert.match(problems.get(name) ?? '(no problem)', problem, name);
  });
});
