import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingSpecFields } from '../../../src/core/model/missingSpecFields';
import { parseModelSpecFlags } from '../../../src/core/model/modelSpecFlags';
import { ModelSpecError, resolveModelSpec } from '../../../src/core/model/resolveModelSpec';

test('missingSpecFields reads the flag, the example and the problem of each missing line', () => {
  const message = [
    "m.onnx: cannot run this model until these are known:",
    "  - input size: the model's input is [1,3,h,w] with symbolic height/width; pass --input-size 512x512",
    '  - label schema: pass --model-schema celebamask-hq',
    '  - output stride: the output is [1,19,h,w]; pass --output-stride 1 (logits at input size) or --output-stride 4 (SegFormer)',
    '  (--preset NAME or a spec file (--spec FILE) sets several at once)',
  ].join('\n');
  assert.deepEqual(missingSpecFields(message), [
    { flag: 'input-size', key: 'input-size', example: '512x512', problem: "input size: the model's input is [1,3,h,w] with symbolic height/width; pass --input-size 512x512" },
    { flag: 'model-schema', key: 'schema', example: 'celebamask-hq', problem: 'label schema: pass --model-schema celebamask-hq' },
    { flag: 'output-stride', key: 'output-stride', example: '1', problem: 'output stride: the output is [1,19,h,w]; pass --output-stride 1 (logits at input size) or --output-stride 4 (SegFormer)' },
  ]);
});

test('missingSpecFields finds the fields a real resolveModelSpec error asks for', () => {
  let message = '';
  try {
    resolveModelSpec({
      modelName: 'dyn.onnx',
      inputs: [{ name: 'x', type: 'float32', dims: [1, 3, 'h', 'w'] }],
      outputs: [{ name: 'y', type: 'float32', dims: [1, 19, 'h', 'w'] }],
      layers: [],
      schemaClassCount: () => 19,
    });
  } catch (error) {
    assert.ok(error instanceof ModelSpecError);
    message = error.message;
  }
  const flags = missingSpecFields(message).map((f) => f.flag);
  assert.ok(flags.includes('input-size'), message);
  assert.ok(flags.includes('model-schema'), message);
});

test('answers stored under the fields\' keys complete the spec that was missing them', () => {
  const request = (layers: Parameters<typeof resolveModelSpec>[0]['layers']) => ({
    modelName: 'm.onnx',
    inputs: [{ name: 'x', type: 'float32' as const, dims: [1, 3, 64, 64] }],
    outputs: [{ name: 'y', type: 'float32' as const, dims: [1, 19, 64, 64] }],
    layers,
    schemaClassCount: () => 19,
  });
  let message = '';
  try {
    resolveModelSpec(request([]));
  } catch (error) {
    message = (error as Error).message;
  }
  const examples = Object.fromEntries(missingSpecFields(message).map((f) => [f.key, f.example]));
  assert.ok('schema' in examples, message);
  const resolved = resolveModelSpec(request([{ kind: 'flags', label: 'form', spec: parseModelSpecFlags(examples) }]));
  assert.equal(resolved.spec.schema, examples.schema);
});

test('missingSpecFields finds nothing in other errors', () => {
  assert.deepEqual(missingSpecFields('m.onnx: not a valid ONNX file'), []);
});
