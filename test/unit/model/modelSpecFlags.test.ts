import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MODEL_SPEC_FLAGS, flagFor, parseModelSpecFlags } from '../../../src/core/model/modelSpecFlags';

describe('parseModelSpecFlags', () => {
  it('turns flag values into a partial spec', () => {
    const spec = parseModelSpecFlags({
      'input-size': '640x480', layout: 'nhwc', 'color-order': 'bgr', scale: '1/127.5', mean: '1, 1,1',
      std: '1,1,1', resize: 'nearest', 'input-name': 'x', 'output-name': 'y', 'output-index': '2',
      'output-stride': '4', schema: 'lapa', 'channel-map': '0,1,2', 'batch-size': '4',
    });
    assert.deepEqual(spec, {
      input: { width: 640, height: 480, name: 'x', layout: 'NHWC', colorOrder: 'BGR', scale: 1 / 127.5, mean: [1, 1, 1], std: [1, 1, 1], resizeKernel: 'nearest' },
      output: { name: 'y', index: 2, stride: 4 },
      schema: 'lapa',
      channelToClass: [0, 1, 2],
      batchSize: 4,
    });
  });

  it('leaves out absent flags', () => {
    assert.deepEqual(parseModelSpecFlags({ schema: undefined }), {});
    assert.deepEqual(parseModelSpecFlags({ 'output-stride': '1' }), { output: { stride: 1 } });
  });

  it('names the flag of a malformed value', () => {
    assert.throws(() => parseModelSpecFlags({ 'input-size': '512' }), /--input-size must be WIDTHxHEIGHT/);
    assert.throws(() => parseModelSpecFlags({ std: '0.2,0,0.2' }), /--std must be 3 comma-separated positive numbers/);
    assert.throws(() => parseModelSpecFlags({ mean: '1,2' }), /--mean must be 3/);
    assert.throws(() => parseModelSpecFlags({ layout: 'CHW' }), /--layout must be one of NCHW, NHWC/);
    assert.throws(() => parseModelSpecFlags({ 'output-stride': '0' }), /--output-stride must be an integer ≥ 1/);
    assert.throws(() => parseModelSpecFlags({ scale: 'x' }), /--scale must be a positive number/);
    assert.throws(() => parseModelSpecFlags({ 'channel-map': '0,256' }), /--channel-map/);
  });

  it('gives every field a flag', () => {
    assert.equal(flagFor('input.width'), '--input-size');
    for (const flag of Object.values(MODEL_SPEC_FLAGS)) assert.match(flag, /^--[a-z-]+ /);
  });
});
