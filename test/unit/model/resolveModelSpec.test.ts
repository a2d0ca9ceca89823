import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getModelPreset } from '../../../src/core/model/modelPresets';
import { ModelSpecError, formatDims, resolveModelSpec, type ResolveModelSpecRequest, type SpecLayer } from '../../../src/core/model/resolveModelSpec';
import type { TensorInfo } from '../../../src/core/ports/modelRunner';

const CLASS_COUNTS: Record<string, number> = { bisenet: 19, 'celebamask-hq': 19, lapa: 11 };

function request(inputs: TensorInfo[], outputs: TensorInfo[], layers: SpecLayer[]): ResolveModelSpecRequest {
  return { modelName: 'model.onnx', inputs, outputs, layers, schemaClassCount: (id) => CLASS_COUNTS[id] };
}

const presetLayer = (name: string): SpecLayer => ({ kind: 'preset', label: `preset ${name}`, spec: getModelPreset(name).spec });
const bisenetIn: TensorInfo = { name: 'input', type: 'float32', dims: ['batch', 3, 512, 512] };
const bisenetOut: TensorInfo = { name: 'output', type: 'float32', dims: ['batch', 19, 512, 512] };
const symbolicIn: TensorInfo = { name: 'pixel_values', type: 'float32', dims: ['N', 3, 'H', 'W'] };
const symbolicOut: TensorInfo = { name: 'logits', type: 'float32', dims: ['N', 19, 'h', 'w'] };

describe('resolveModelSpec', () => {
  it('completes a BiSeNet export from the preset and probed names', () => {
    const r = resolveModelSpec(request([bisenetIn], [bisenetOut, { name: 'aux', type: 'float32', dims: [1, 19, 512, 512] }], [presetLayer('bisenet-celebamask19')]));
    assert.equal(r.inputName, 'input');
    assert.equal(r.outputName, 'output');
    assert.equal(r.outputChannels, 19);
    assert.equal(r.spec.schema, 'bisenet');
    assert.equal(r.spec.input.width, 512);
    assert.equal(r.spec.output.stride, 1);
    assert.equal(r.spec.batchSize, undefined);
    assert.equal(r.sources['input.name'], 'model');
    assert.equal(r.sources['input.mean'], 'preset bisenet-celebamask19');
  });

  it('lets a spec file override the preset and flags override both', () => {
    const layers: SpecLayer[] = [
      presetLayer('segformer-celebamask19'),
      { kind: 'file', label: 'model.spec.json', spec: { input: { colorOrder: 'BGR', scale: 1 }, schema: 'lapa', channelToClass: new Array(19).fill(0) } },
      { kind: 'flags', label: 'command line', spec: { input: { scale: 2, width: 256, height: 256 } } },
    ];
    const r = resolveModelSpec(request([symbolicIn], [symbolicOut], layers));
    assert.equal(r.spec.input.colorOrder, 'BGR');
    assert.equal(r.spec.input.scale, 2);
    assert.equal(r.spec.input.width, 256);
    assert.equal(r.spec.output.stride, 4);
    assert.equal(r.spec.schema, 'lapa');
    assert.deepEqual(r.sources, {
      'input.layout': 'preset segformer-celebamask19',
      'input.width': 'flag --input-size',
      'input.height': 'flag --input-size',
      'input.colorOrder': 'model.spec.json',
      'input.scale': 'flag --scale',
      'input.mean': 'preset segformer-celebamask19',
      'input.std': 'preset segformer-celebamask19',
      'input.resizeKernel': 'preset segformer-celebamask19',
      'output.index': 'preset segformer-celebamask19',
      'output.stride': 'preset segformer-celebamask19',
      schema: 'model.spec.json',
      channelToClass: 'model.spec.json',
      'input.name': 'model',
      'output.name': 'model',
    });
  });

  it('lists every missing field with the flag that sets it', () => {
    assert.throws(
      () => resolveModelSpec(request([symbolicIn], [symbolicOut], [])),
      (e: Error) => {
        assert.ok(e instanceof ModelSpecError);
        assert.deepEqual(e.problems, [
          "input size: the model's input is [N,3,H,W] with symbolic height/width; pass --input-size 512x512",
          'label schema of the outputs: pass --model-schema celebamask-hq',
          'colour order: pass --color-order RGB',
          'pixel scale: pass --scale 1/255',
          'normalisation mean: pass --mean 0.485,0.456,0.406',
          'normalisation std: pass --std 0.229,0.224,0.225',
        ]);
        assert.match(e.message, /^model\.onnx: cannot run this model until these are known:\n {2}- input size/);
        return true;
      },
    );
  });

  it('asks for layout and size when every input dim is symbolic', () => {
    const anyIn: TensorInfo = { name: 'x', type: 'float32', dims: ['N', 'C', 'H', 'W'] };
    assert.throws(
      () => resolveModelSpec(request([anyIn], [symbolicOut], [{ kind: 'file', label: 'spec.json', spec: { schema: 'bisenet', input: { colorOrder: 'RGB', scale: 1, mean: [0, 0, 0], std: [1, 1, 1] } } }])),
      (e: Error) => {
        assert.deepEqual((e as ModelSpecError).problems, [
          "layout: the model's input is [N,C,H,W]; pass --layout NCHW or --layout NHWC",
          "input size: the model's input is [N,C,H,W] with symbolic height/width; pass --input-size 512x512",
        ]);
        return true;
      },
    );
  });

  it('asks for the stride when the output size is symbolic', () => {
    const flags: SpecLayer = { kind: 'flags', label: 'cli', spec: { input: { width: 64, height: 64 } } };
    const layers = [{ ...presetLayer('bisenet-celebamask19'), spec: { ...getModelPreset('bisenet-celebamask19').spec, output: {} } }, flags];
    assert.throws(() => resolveModelSpec(request([symbolicIn], [symbolicOut], layers)), /output stride: the output is \[N,19,h,w\]; pass --output-stride 1/);
  });

  it('probes layout, size, stride and batch from static shapes', () => {
    const nhwc: TensorInfo = { name: 'img', type: 'float32', dims: [1, 256, 128, 3] };
    const out: TensorInfo = { name: 'y', type: 'float32', dims: [1, 11, 64, 32] };
    const flags: SpecLayer = { kind: 'flags', label: 'cli', spec: { input: { colorOrder: 'RGB', scale: 1, mean: [0, 0, 0], std: [1, 1, 1] }, schema: 'lapa' } };
    const r = resolveModelSpec(request([nhwc], [out], [flags]));
    assert.equal(r.spec.input.layout, 'NHWC');
    assert.equal(r.spec.input.width, 128);
    assert.equal(r.spec.input.height, 256);
    assert.equal(r.spec.output.stride, 4);
    assert.equal(r.spec.batchSize, 1);
    assert.equal(r.spec.input.resizeKernel, 'linear');
    assert.equal(r.sources['input.resizeKernel'], 'default');
    assert.equal(r.sources['output.stride'], 'model');
  });

  it('rejects an input of the wrong rank with a clear message', () => {
    const x: TensorInfo = { name: 'x', type: 'float32', dims: [1, 3] };
    assert.throws(
      () => resolveModelSpec(request([x], [bisenetOut], [presetLayer('bisenet-celebamask19')])),
      { message: "model.onnx: input 'x' has rank 2 [1,3]; FaceGap needs an image input [N,3,H,W] or [N,H,W,3]" },
    );
  });

  it('rejects inputs that are not float32 or have no 3-channel axis', () => {
    const u8: TensorInfo = { name: 'x', type: 'uint8', dims: [1, 3, 8, 8] };
    assert.throws(() => resolveModelSpec(request([u8], [bisenetOut], [])), /input 'x' has element type uint8; FaceGap supports float32 inputs only/);
    const four: TensorInfo = { name: 'x', type: 'float32', dims: [1, 4, 8, 8] };
    assert.throws(() => resolveModelSpec(request([four], [bisenetOut], [])), /no axis of 3 channels/);
    assert.throws(() => resolveModelSpec(request([four], [bisenetOut], [presetLayer('bisenet-celebamask19')])), /in layout NCHW that is 4 channels; FaceGap needs 3/);
  });

  it('rejects an output that is not rank 4', () => {
    const out: TensorInfo = { name: 'probs', type: 'float32', dims: [1, 19, 512] };
    assert.throws(() => resolveModelSpec(request([bisenetIn], [out], [presetLayer('bisenet-celebamask19')])), /output 'probs' has rank 3 \[1,19,512\]; FaceGap needs class logits/);
  });

  it('checks the channel count against the channel map or the schema', () => {
    const preset = presetLayer('bisenet-celebamask19');
    const out21: TensorInfo = { name: 'output', type: 'float32', dims: [1, 21, 512, 512] };
    assert.throws(() => resolveModelSpec(request([bisenetIn], [out21], [preset])), /output 'output' has 21 channels but schema 'bisenet' has 19 classes; pass --channel-map or another --model-schema/);
    const map: SpecLayer = { kind: 'file', label: 'spec.json', spec: { channelToClass: [0, 1, 2] } };
    assert.throws(() => resolveModelSpec(request([bisenetIn], [bisenetOut], [preset, map])), /channel map \(spec.json\) has 3 entries but output 'output' has 19 channels/);
    const badId: SpecLayer = { kind: 'file', label: 'spec.json', spec: { channelToClass: new Array(19).fill(30) } };
    assert.throws(() => resolveModelSpec(request([bisenetIn], [bisenetOut], [preset, badId])), /class id 30 does not exist in schema 'bisenet'/);
    const fewer: TensorInfo = { name: 'output', type: 'float32', dims: [1, 11, 512, 512] };
    assert.equal(resolveModelSpec(request([bisenetIn], [fewer], [preset])).outputChannels, 11);
  });

  it('rejects an unknown schema id, a missing tensor name and contradicting sizes', () => {
    const preset = presetLayer('bisenet-celebamask19');
    const cli = (spec: SpecLayer['spec']): SpecLayer => ({ kind: 'flags', label: 'cli', spec });
    assert.throws(() => resolveModelSpec(request([bisenetIn], [bisenetOut], [preset, cli({ schema: 'ade20k' })])), /'ade20k' \(flag --model-schema\) is not a known schema id/);
    assert.throws(() => resolveModelSpec(request([bisenetIn], [bisenetOut], [preset, cli({ input: { name: 'pixels' } })])), /no input named 'pixels' \(flag --input-name\); the model's inputs: 'input'/);
    assert.throws(() => resolveModelSpec(request([bisenetIn], [bisenetOut], [preset, cli({ output: { name: 'seg' } })])), /no output named 'seg'/);
    assert.throws(() => resolveModelSpec(request([bisenetIn], [bisenetOut], [preset, cli({ input: { width: 256, height: 256 } })])), /input size 256x256 \(flag --input-size\) disagrees with the model's fixed input \[batch,3,512,512\]/);
    const strided: TensorInfo = { name: 'output', type: 'float32', dims: [1, 19, 128, 128] };
    assert.throws(() => resolveModelSpec(request([bisenetIn], [strided], [preset])), /stride 1 predicts 512x512; check --output-stride/);
    const two = [bisenetIn, { ...bisenetIn, name: 'mask' }];
    assert.throws(() => resolveModelSpec(request(two, [bisenetOut], [preset])), /the model has inputs 'input', 'mask'; pass --input-name NAME/);
    const fixedBatch: TensorInfo = { ...bisenetIn, dims: [1, 3, 512, 512] };
    assert.throws(() => resolveModelSpec(request([fixedBatch], [bisenetOut], [preset, cli({ batchSize: 4 })])), /batch size 4 \(flag --batch-size\) disagrees with the model's fixed batch of 1/);
  });

  it('formats dims with symbolic names', () => {
    assert.equal(formatDims(['N', 3, null, '']), '[N,3,?,?]');
  });
});
