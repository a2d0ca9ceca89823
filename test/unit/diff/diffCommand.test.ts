import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CAMHQ_SCHEMA, FS_SCHEMA, writeFaceSyntheticsItem } from '../../helpers/datasetLayouts';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { writeGrayPng } from '../../helpers/fixtures';
import { generatedFaceLabels, offsetClass } from '../../helpers/plantedLabels';
import { evaluateFolder } from '../../helpers/runHelpers';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const HAIR = FS_SCHEMA.classes.find((c) => c.name === 'HAIR')!.id;
const COUNT = 4;
const SIZE = 64;

interface DiffJson {
  out: string;
  complete: boolean;
  images: number;
  meanF1: number;
  pixelAgreement: number;
  perClass: Array<{ name: string; areaRatio: number | null; boundaryOffsetPx: number | null; f1: number | null; iou: number | null; boundaryDistancePx: number | null; roughnessA: number | null; roughnessB: number | null }>;
  swaps: Array<{ a: string; b: string }>;
  flows: Array<{ from: string; to: string; fraction: number }>;
  findings: Array<{ kind: string; text: string }>;
}

let cli: string;
let tmp: TempDir;
let dataset: string;

before(async () => {
  cli = builtCli();
  tmp = makeTempDir('facegap-diff-cli-');
  dataset = path.join(tmp.dir, 'exact');
  for (let i = 0; i < COUNT; i++) await writeFaceSyntheticsItem(dataset, String(i).padStart(6, '0'), generatedFaceLabels(FS_SCHEMA, i, SIZE), 0);
});
after(() => tmp.remove());

describe('facegap diff', () => {
  it('--json gives per-class numbers, flows, swaps and findings in A\'s names; a hair outline grown by 2 px reads as +2 px', async () => {
    const masks = path.join(tmp.dir, 'grown-hair');
    for (let i = 0; i < COUNT; i++) await writeGrayPng(path.join(masks, `${i}.png`), offsetClass(generatedFaceLabels(FS_SCHEMA, i, SIZE), HAIR, 2));
    const out = path.join(tmp.dir, 'diff-json');
    const result = await runCli(cli, ['diff', dataset, masks, '--b-schema', 'facesynthetics', '--out', out, '--json', '--no-progress']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const json = JSON.parse(result.stdout) as DiffJson;
    assert.equal(json.out, out);
    assert.equal(json.complete, true);
    assert.equal(json.images, COUNT);
    assert.ok(json.meanF1 > 0.5 && json.meanF1 < 1, String(json.meanF1));
    assert.ok(json.pixelAgreement > 0.8 && json.pixelAgreement < 1, String(json.pixelAgreement));
    assert.ok(Array.isArray(json.swaps) && Array.isArray(json.flows));
    const hair = json.perClass.find((c) => c.name === 'HAIR')!;
    for (const key of ['areaRatio', 'boundaryOffsetPx', 'f1', 'iou', 'boundaryDistancePx', 'roughnessA', 'roughnessB'] as const) assert.equal(typeof hair[key], 'number', key);
    assert.ok(hair.boundaryOffsetPx! > 1.5 && hair.boundaryOffsetPx! < 2.5, `hair offset ${hair.boundaryOffsetPx}`);
    assert.ok(hair.areaRatio! > 1);
    const nose = json.perClass.find((c) => c.name === 'NOSE')!;
    assert.equal(nose.f1, 1, 'an untouched class agrees exactly');
    assert.ok(json.findings.some((f) => f.kind === 'boundary' && /hair/i.test(f.text)), JSON.stringify(json.findings));
    assert.ok(fs.existsSync(path.join(out, 'diff.json')) && fs.existsSync(path.join(out, 'images.jsonl')));
  });

  it('prints the sides, the findings, a per-class table and the folder as text; a second run reuses every image', async () => {
    const masks = path.join(tmp.dir, 'same');
    for (let i = 0; i < COUNT; i++) await writeGrayPng(path.join(masks, `${i}.png`), generatedFaceLabels(FS_SCHEMA, i, SIZE));
    const out = path.join(tmp.dir, 'diff-text');
    const first = await runCli(cli, ['diff', dataset, masks, '--b-schema', 'facesynthetics', '--out', out, '--no-progress']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^A {2}labels of dataset exact/m);
    assert.match(first.stdout, /^B {2}masks in .*same \(facesynthetics\)/m);
    assert.match(first.stdout, new RegExp(`matching: ${COUNT} pair\\(s\\) by id, then by number`));
    assert.match(first.stdout, /^Findings:\n {2}- A and B agree on 100/m);
    assert.match(first.stdout, /^ {2}class +F1 +IoU +area +offset/m);
    assert.match(first.stdout, new RegExp(`diff folder: ${out}`));
    const second = await runCli(cli, ['diff', dataset, masks, '--b-schema', 'facesynthetics', '--out', out, '--no-progress']);
    assert.match(second.stdout, new RegExp(`Compared ${COUNT} image\\(s\\) \\(${COUNT} reused`));
  });

  it("diffs one run's ground truth against its predictions; the suggested mapping is one facegap eval --mapping accepts", async () => {
    const preds = path.join(tmp.dir, 'preds-camhq');
    for (let i = 0; i < COUNT; i++) await writeGrayPng(path.join(preds, `${String(i).padStart(6, '0')}.png`), generatedFaceLabels(CAMHQ_SCHEMA, i, SIZE));
    const run = path.join(tmp.dir, 'run');
    await evaluateFolder(dataset, { kind: 'folder', folder: preds, schema: 'celebamask-hq' }, run);
    const out = path.join(tmp.dir, 'diff-run');
    const exported = path.join(tmp.dir, 'mapping.json');
    const result = await runCli(cli, ['diff', run, '--out', out, '--export-mapping', exported, '--json', '--no-progress']);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as DiffJson & { a: { kind: string; schema: string }; b: { kind: string; schema: string } };
    assert.deepEqual([json.a.kind, json.a.schema, json.b.kind, json.b.schema], ['run-ground-truth', 'facesynthetics', 'run-predictions', 'celebamask-hq']);
    assert.equal(json.images, COUNT);
    const mapping = JSON.parse(fs.readFileSync(exported, 'utf8')) as { from: string; to: string; map: Record<string, string | null> };
    assert.deepEqual([mapping.from, mapping.to], ['celebamask-hq', 'facesynthetics']);
    assert.deepEqual(mapping, JSON.parse(fs.readFileSync(path.join(out, 'suggested-mapping.json'), 'utf8')));
    const evaluated = await runCli(cli, ['eval', dataset, '--pred', preds, '--pred-schema', 'celebamask-hq', '--mapping', exported, '--out', path.join(tmp.dir, 'run-mapped'), '--json', '--no-progress']);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    assert.equal((JSON.parse(evaluated.stdout) as { images: number }).images, COUNT);
  });

  it('answers wrong usage with exit code 2 and --help with the options', async () => {
    const help = await runCli(cli, ['diff', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--export-mapping/);
    for (const args of [[], [dataset], [dataset, dataset, '--band', 'wide'], [dataset, dataset, '--match', 'colours'], ['a', 'b', 'c']]) {
      const result = await runCli(cli, ['diff', ...args]);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    }
    const missing = await runCli(cli, ['diff', dataset, path.join(tmp.dir, 'nowhere'), '--no-progress']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nowhere: not found/);
  });
});
