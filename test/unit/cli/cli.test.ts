import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { colourEvalFixture, type FaceDataset } from '../../helpers/evalFixtures';
import { defaultInferenceThreads } from '../../../src/node/inference/inferenceThreads';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let cli: string;
let data: FaceDataset;
let model: { model: string; spec: string };
before(async () => {
  cli = builtCli();
  ({ tmp, data, model } = await colourEvalFixture('facegap-cli-', 4));
});
after(() => tmp.remove());

describe('facegap command line', () => {
  it('prints help, and refuses unknown commands and options with exit code 2', async () => {
    const help = await runCli(cli, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /eval <dataset> --model m\.onnx/);
    assert.equal((await runCli(cli, ['frobnicate'])).code, 2);
    const badOption = await runCli(cli, ['info', data.root, '--bogus']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /Unknown option '--bogus'/);
    const both = await runCli(cli, ['eval', data.root, '--model', model.model, '--pred', data.root]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /either --model <file.onnx> or --pred <folder>/);
    const badFormat = await runCli(cli, ['eval', data.root, '--pred', data.root, '--format', 'coco']);
    assert.equal(badFormat.code, 2, 'eval checks --format like info does');
    assert.match(badFormat.stderr, /--format must be one of facesynthetics, celebamask-hq, lapa, helen, generic/);
  });

  it('info reports the layout, schema, classes and landmarks as JSON', async () => {
    const { code, stdout } = await runCli(cli, ['info', data.root, '--json']);
    assert.equal(code, 0);
    const info = JSON.parse(stdout);
    assert.equal(info.format, 'facesynthetics');
    assert.equal(info.schema.id, 'facesynthetics');
    assert.equal(info.images, 4);
    const skin = info.classes.find((c: { name: string }) => c.name === 'SKIN');
    const drawnSkin = [...data.labels.values()].reduce((n, m) => n + m.data.filter((v) => v === 1).length, 0);
    assert.equal(skin.pixels, drawnSkin);
  });

  it('info on a folder that is no dataset says what it looked for', async () => {
    const empty = path.join(tmp.dir, 'empty');
    fs.mkdirSync(empty);
    const { code, stderr } = await runCli(cli, ['info', empty]);
    assert.equal(code, 1);
    assert.match(stderr, /does not match any known dataset layout\. Looked for:/);
    assert.match(stderr, /FaceSynthetics: \{id\}\.png with \{id\}_seg\.png/);
  });

  it('eval --json prints the documented summary fields', async () => {
    const out = path.join(tmp.dir, 'run-json');
    const { code, stdout, stderr } = await runCli(cli, ['eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--out', out, '--json', '--boundary', '2']);
    assert.equal(code, 0, stderr);
    const summary = JSON.parse(stdout);
    for (const key of ['images', 'pixelAccuracy', 'meanF1', 'mIoU', 'perClass', 'executionProvider', 'skipped']) assert.ok(key in summary, key);
    assert.equal(summary.images, 4);
    assert.equal(summary.executionProvider, 'cpu');
    assert.deepEqual(Object.keys(summary.perClass[0]).sort(), ['f1', 'gtPixels', 'iou', 'name', 'precision', 'predPixels', 'recall']);
    assert.equal(summary.perClass[1].name, 'SKIN');
    assert.equal(summary.runDir, out);
    for (const key of ['meanF1', 'mIoU', 'pixelAccuracy', 'boundaryK', 'boundaryShareOfError', 'boundaryShares']) assert.ok(key in summary.tolerant, `tolerant.${key}`);
    assert.deepEqual([summary.tolerant.boundaryK, summary.tolerant.meanF1, summary.tolerant.boundaryShareOfError], [2, 1, null]);
    const record = JSON.parse(fs.readFileSync(path.join(out, 'run.json'), 'utf8'));
    assert.equal(record.predictions.intraOpThreads, defaultInferenceThreads(), 'without --threads the model gets the default, and run.json says so');
  });

  it('eval --threads sets the intra-op threads run.json records', async () => {
    const out = path.join(tmp.dir, 'run-threads');
    const { code, stderr } = await runCli(cli, ['eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--out', out, '--threads', '3', '--json']);
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'run.json'), 'utf8')).predictions.intraOpThreads, 3);
  });

  it('asking for a provider that is missing falls back to cpu and says so', async () => {
    const { code, stdout, stderr } = await runCli(cli, ['eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'webgpu', '--out', path.join(tmp.dir, 'run-gpu'), '--json']);
    assert.equal(code, 0);
    const provider = JSON.parse(stdout).executionProvider;
    if (provider === 'cpu') assert.match(stderr, /warning: execution provider webgpu is not available: no WebGPU adapter on this machine .*; running on cpu/);
    else assert.equal(provider, 'webgpu', 'a machine with a WebGPU adapter runs on it');
  });

  it('eval prints a readable report with the protocol', async () => {
    const { code, stdout } = await runCli(cli, ['eval', data.root, '--model', model.model, '--spec', model.spec, '--ep', 'cpu', '--out', path.join(tmp.dir, 'run-text'), '--groups', 'helen', '--boundary', '2']);
    assert.equal(code, 0);
    assert.match(stdout, /mean F1 \(fg\)\s+1\.0000/);
    assert.match(stdout, /mean F1 1\.0000 strict · 1\.0000 tolerant \(boundary band k=2\): no error to share/, 'a perfect run has no error for the band to hold');
    assert.match(stdout, /group overall: F1 1\.0000/);
    assert.match(stdout, /label resizing: nearest \(pixel centres\)/);
  });
});
