import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FACE_SYNTHETICS_SCHEMA } from '../../../src/core/schema/builtin/faceSynthetics';
import { builtCli, runCli } from '../../helpers/cliRunner';
import { writeColourModel, writeFaceSyntheticsDataset, type FaceDataset } from '../../helpers/evalFixtures';
import { nearestColourModel } from '../../helpers/fixtures';
import { buildModel, nanLogitsModel, rank2Model } from '../../helpers/onnxBuilder';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';
import { assertCleanExit } from '../../helpers/unprivilegedCli';

// Models FaceGap cannot run are fatal input: exit 1 with one line naming the model and the problem. A model that
// runs but outputs NaN is not: every item is scored and a warning names the model and how much was NaN.

const COLOURS = FACE_SYNTHETICS_SCHEMA.classes.map((c) => c.color);

/** An image-shaped model whose input has another element type (2 = uint8, 7 = int64), cast to float. */
function typedInputModel(elemType: number): Uint8Array {
  return buildModel({
    nodes: [{ op: 'Cast', inputs: ['x'], outputs: ['y'], attributes: { to: { int: 1 } } }],
    inputs: [{ name: 'x', dims: [1, 3, 32, 32], elemType }],
    outputs: [{ name: 'y', dims: [1, 3, 32, 32] }],
  });
}

/** A model whose input has rank 3. */
function rank3Model(): Uint8Array {
  return buildModel({ nodes: [{ op: 'Relu', inputs: ['x'], outputs: ['y'] }], inputs: [{ name: 'x', dims: [1, 3, 32] }], outputs: [{ name: 'y', dims: [1, 3, 32] }] });
}

/** Model file → what the error line must say after naming it. */
const FATAL: ReadonlyArray<readonly [string, () => Uint8Array | string, RegExp]> = [
  ['text.onnx', () => 'this is a text file, not a model\n', /text\.onnx is not a loadable ONNX model: Protobuf parsing failed/],
  ['truncated.onnx', () => nearestColourModel(COLOURS, { width: 32, height: 32 }).subarray(0, 200), /truncated\.onnx is not a loadable ONNX model: Protobuf parsing failed/],
  ['empty.onnx', () => new Uint8Array(0), /empty\.onnx is not a loadable ONNX model: empty file \(0 bytes\)/],
  ['rank2.onnx', () => rank2Model(), /rank2\.onnx: input 'x' has rank 2 \[1,3\]; FaceGap needs an image input/],
  ['rank3.onnx', () => rank3Model(), /rank3\.onnx: input 'x' has rank 3 \[1,3,32\]; FaceGap needs an image input/],
  ['int64.onnx', () => typedInputModel(7), /int64\.onnx: input 'x' has element type int64; FaceGap supports float32 inputs only/],
  ['uint8.onnx', () => typedInputModel(2), /uint8\.onnx: input 'x' has element type uint8; FaceGap supports float32 inputs only/],
];

let tmp: TempDir;
let cli: string;
let data: FaceDataset;
let spec: string;
before(async () => {
  cli = builtCli();
  tmp = makeTempDir('facegap-bad-models-');
  data = await writeFaceSyntheticsDataset(tmp, 'fs', 3, 32);
  spec = writeColourModel(tmp, 32).spec;
  for (const [name, bytes] of FATAL) tmp.write(name, bytes());
});
after(() => tmp?.remove());

/** The first "facegap <command>: error:" line. */
function errorLine(stderr: string, command: string): string {
  return stderr.split('\n').find((l) => l.startsWith(`facegap ${command}: error: `)) ?? stderr;
}

describe('models FaceGap cannot run', () => {
  it('eval: not ONNX, truncated, empty, input of rank 2 or 3, int64 or uint8 input: exit 1 naming the model', async () => {
    const results = await Promise.all(
      FATAL.map(async ([name]) => [name, await runCli(cli, ['eval', data.root, '--model', path.join(tmp.dir, name), '--spec', spec, '--out', path.join(tmp.dir, 'out', name), '--no-progress'])] as const),
    );
    for (const [name, result] of results) {
      assertCleanExit(result, 1, name);
      assert.match(errorLine(result.stderr, 'eval'), FATAL.find(([n]) => n === name)![2], name);
    }
  });

  it('dist: a parser or a feature extractor that is not a model: exit 1 naming it', async () => {
    const args = (flag: string, name: string): string[] => ['dist', data.root, data.root, flag, path.join(tmp.dir, name), '--out', path.join(tmp.dir, 'dist', name), '--no-progress'];
    const parser = await runCli(cli, [...args('--a-model', 'rank2.onnx'), '--a-spec', spec]);
    assertCleanExit(parser, 1, 'dist --a-model');
    assert.match(errorLine(parser.stderr, 'dist'), /rank2\.onnx: input 'x' has rank 2/);
    const features = await runCli(cli, args('--features', 'text.onnx'));
    assertCleanExit(features, 1, 'dist --features');
    assert.match(errorLine(features.stderr, 'dist'), /text\.onnx is not a loadable ONNX model/);
  });
});

describe('a model that outputs NaN', () => {
  it('scores every item and warns, naming the model and how many pixels were NaN', async () => {
    const v = COLOURS.map((c) => c.map((x) => x / 255));
    const bias = v.map((c) => -(c[0] ** 2 + c[1] ** 2 + c[2] ** 2) / 2);
    const model = tmp.write('nan.onnx', nanLogitsModel({ outChannels: COLOURS.length, weights: v.flat(), bias, inputName: 'pixels', width: 32, height: 32, dynamicBatch: true }));
    const result = await runCli(cli, ['eval', data.root, '--model', model, '--spec', spec, '--out', path.join(tmp.dir, 'nan-run'), '--json', '--no-progress']);
    assertCleanExit(result, 0, 'nan');
    const summary = JSON.parse(result.stdout) as { images: number; skipped: unknown[] };
    assert.equal(summary.images, data.ids.length);
    assert.deepEqual(summary.skipped, []);
    assert.match(result.stderr, new RegExp(`warning: ${model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the model output NaN logits for [\\d,]+ pixels in 3 of 3 images`));
    const journal = fs.readFileSync(path.join(tmp.dir, 'nan-run', 'images.jsonl'), 'utf8');
    assert.equal((journal.match(/"nanPixels":\d+/g) ?? []).length, 3, 'each image records its NaN pixels');
  });
});
