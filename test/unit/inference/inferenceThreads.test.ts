import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultInferenceThreads, physicalCores } from '../../../src/node/inference/inferenceThreads';

/** /proc/cpuinfo blocks for `sockets` × `cores` cores with `threads` hardware threads each. */
function cpuinfo(sockets: number, cores: number, threads: number): string {
  const blocks: string[] = [];
  for (let s = 0; s < sockets; s++) {
    for (let t = 0; t < threads; t++) {
      for (let c = 0; c < cores; c++) blocks.push(`processor\t: ${blocks.length}\nphysical id\t: ${s}\ncore id\t\t: ${c}\n`);
    }
  }
  return blocks.join('\n');
}

describe('inference threads', () => {
  it('counts physical cores across sockets, not hardware threads', () => {
    assert.equal(physicalCores(cpuinfo(1, 8, 2)), 8);
    assert.equal(physicalCores(cpuinfo(2, 4, 2)), 8);
    assert.equal(physicalCores('processor\t: 0\nmodel name\t: ARM\n'), undefined);
  });

  it('leaves one core to the pipeline, never going below one thread', () => {
    assert.equal(defaultInferenceThreads(cpuinfo(1, 2, 1), 2), 1);
    assert.equal(defaultInferenceThreads(cpuinfo(1, 16, 2), 32), 16, 'hyperthreads give the pipeline room: all physical cores');
    assert.equal(defaultInferenceThreads(cpuinfo(1, 8, 1), 8), 7);
    assert.equal(defaultInferenceThreads('', 4), 3, 'no core facts: logical processors less one');
    assert.equal(defaultInferenceThreads('', 1), 1);
  });
});
