import * as fs from 'node:fs';
import * as os from 'node:os';

/**
 * The intra-op threads a CPU model gets when the user does not say: the physical cores, less one for FaceGap's own
 * pipeline (decoding, post-processing, scoring), which otherwise competes with onnxruntime's spinning thread pool.
 */
export function defaultInferenceThreads(cpuinfo = readCpuinfo(), logical = os.availableParallelism()): number {
  const physical = physicalCores(cpuinfo) ?? logical;
  return Math.max(1, Math.min(physical, logical - 1));
}

/** Distinct (physical id, core id) pairs in /proc/cpuinfo; undefined when the file says nothing about cores. */
export function physicalCores(cpuinfo: string): number | undefined {
  const cores = new Set<string>();
  for (const block of cpuinfo.split(/\n\s*\n/)) {
    const socket = /^physical id\s*:\s*(\d+)/m.exec(block)?.[1];
    const core = /^core id\s*:\s*(\d+)/m.exec(block)?.[1];
    if (socket !== undefined && core !== undefined) cores.add(`${socket}:${core}`);
  }
  return cores.size > 0 ? cores.size : undefined;
}

function readCpuinfo(): string {
  try {
    return process.platform === 'linux' ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  } catch {
    return '';
  }
}
