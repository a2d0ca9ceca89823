import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFraction, parseModelSpecJson } from '../../../src/core/model/modelSpec';

describe('parseModelSpecJson', () => {
  it('reads every field of a complete spec', () => {
    const spec = parseModelSpecJson(
      JSON.stringify({
        input: {
          name: 'pixel_values', layout: 'NHWC', width: 256, height: 128, colorOrder: 'BGR',
          scale: '1/255', mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25], resizeKernel: 'cubic',
        },
        output: { name: 'logits', index: 1, stride: 4 },
        schema: 'lapa',
        channelToClass: [0, 2, 1],
        batchSize: 8,
      }),
      'spec.json',
    );
    assert.equal(spec.input?.scale, 1 / 255);
    assert.deepEqual(spec.input?.mean, [0.5, 0.5, 0.5]);
    assert.equal(spec.input?.layout, 'NHWC');
    assert.deepEqual(spec.output, { name: 'logits', index: 1, stride: 4 });
    assert.equal(spec.schema, 'lapa');
    assert.deepEqual(spec.channelToClass, [0, 2, 1]);
    assert.equal(spec.batchSize, 8);
  });

  it('returns only the fields the file sets', () => {
    assert.deepEqual(parseModelSpecJson('{"schema":"helen"}', 's.json'), { schema: 'helen' });
    assert.deepEqual(parseModelSpecJson('{"input":{"width":64}}', 's.json'), { input: { width: 64 } });
  });

  const bad: Array<[string, unknown, string]> = [
    ['std not positive', { input: { std: [0.2, 0, 0.2] } }, 'spec.json: input.std must be 3 positive numbers'],
    ['std too short', { input: { std: [0.2, 0.2] } }, 'spec.json: input.std must be 3 positive numbers'],
    ['mean a string', { input: { mean: '0.5' } }, 'spec.json: input.mean must be 3 numbers'],
    ['layout', { input: { layout: 'CHW' } }, 'spec.json: input.layout must be one of NCHW, NHWC'],
    ['width', { input: { width: 12.5 } }, 'spec.json: input.width must be a positive integer'],
    ['scale', { input: { scale: -1 } }, 'spec.json: input.scale must be a positive number'],
    ['kernel', { input: { resizeKernel: 'bilinear' } }, 'spec.json: input.resizeKernel must be one of linear, cubic, lanczos3, nearest'],
    ['stride', { output: { stride: 0 } }, 'spec.json: output.stride must be a positive integer'],
    ['index', { output: { index: -1 } }, 'spec.json: output.index must be a non-negative integer'],
    ['typo', { input: { mena: [0, 0, 0] } }, 'spec.json: input.mena is not a known field'],
    ['top typo', { shema: 'x' }, 'spec.json: shema is not a known field'],
    ['schema', { schema: '' }, 'spec.json: schema must be a non-empty string'],
    ['channel map', { channelToClass: [0, 300] }, 'spec.json: channelToClass must be a non-empty list of class ids'],
    ['batch', { batchSize: 0 }, 'spec.json: batchSize must be a positive integer'],
    ['input not object', { input: [] }, 'spec.json: input must be an object'],
  ];
  for (const [what, value, message] of bad) {
    it(`names the file and field: ${what}`, () => {
      assert.throws(() => parseModelSpecJson(JSON.stringify(value), 'spec.json'), (e: Error) => e.message.startsWith(message));
    });
  }

  it('rejects text that is not JSON, naming the file', () => {
    assert.throws(() => parseModelSpecJson('{ input: 1 ', 'model.spec.json'), /model\.spec\.json: the file is not valid JSON/);
    assert.throws(() => parseModelSpecJson('[1,2]', 'a.json'), /a\.json: the top level must be an object/);
  });

  it('rejects huge and deeply nested files, naming the file and where', () => {
    assert.throws(() => parseModelSpecJson(`{"junk":"${'x'.repeat(1_000_001)}"}`, 'big.json'), /big\.json: the file is too large/);
    const deep = `${'{"input":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    assert.throws(() => parseModelSpecJson(deep, 'deep.json'), /deep\.json: input\.input\.input nests values deeper than expected \(at most 3 levels/);
  });
});

describe('parseFraction', () => {
  it('reads fractions and decimals', () => {
    assert.equal(parseFraction('1/255'), 1 / 255);
    assert.equal(parseFraction(' 0.5 '), 0.5);
    assert.equal(parseFraction('2 / 4'), 0.5);
    assert.ok(Number.isNaN(parseFraction('half')));
  });
});
