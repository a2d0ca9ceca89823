import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/** Versions recorded in every run, so a result can be traced to the software that made it. */
export interface EnvironmentInfo {
  readonly facegap: string;
  readonly node: string;
  readonly platform: string;
  readonly onnxruntime: string;
  readonly sharp: string;
  readonly libvips: string;
}

/** The package.json of FaceGap itself, found upwards from this file (dist/ or src/node/). */
export function facegapPackageJson(from: string = __dirname): { version: string } {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'facegap') return { version: pkg.version ?? '0.0.0' };
    }
    if (dirname(dir) === dir) return { version: 'unknown' };
  }
}

/** Collects the versions of FaceGap, Node, onnxruntime-node and sharp. */
export function environmentInfo(): EnvironmentInfo {
  let onnxruntime = 'unknown';
  try {
    const manifest = require.resolve('onnxruntime-node/package.json');
    onnxruntime = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    // an install without onnxruntime-node can still score --pred folders
  }
  return {
    facegap: facegapPackageJson().version,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    onnxruntime,
    sharp: sharp.versions.sharp ?? 'unknown',
    libvips: sharp.versions.vips,
  };
}
