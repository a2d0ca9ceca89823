// The baselines of (b), run in the bench's own process on the same files as `facegap eval --pred`: a plain
// single-threaded implementation (read and decode both PNGs with sharp, one pair at a time, count a confusion matrix
// in a simple loop) and merely reading and decoding the same PNGs (the floor).
import * as fs from 'node:fs/promises';
import sharp from 'sharp';

/** One ground-truth label and its prediction, both single-channel class-id PNGs of one size. */
export interface LabelPair {
  readonly gt: string;
  readonly pred: string;
}

const IGNORE = 255;

async function decodeIds(file: string): Promise<{ data: Buffer; channels: number; pixels: number }> {
  const { data, info } = await sharp(await fs.readFile(file)).raw().toBuffer({ resolveWithObject: true });
  return { data, channels: info.channels, pixels: info.width * info.height };
}

/** The plain loop: decodes each pair in turn and counts the confusion matrix; returns pixel accuracy as a check. */
export async function plainConfusion(pairs: readonly LabelPair[]): Promise<{ pixelAccuracy: number }> {
  const matrix = new Float64Array(256 * 256);
  for (const pair of pairs) {
    const gt = await decodeIds(pair.gt);
    const pred = await decodeIds(pair.pred);
    if (gt.pixels !== pred.pixels) throw new Error(`${pair.pred}: size differs from ${pair.gt}`);
    for (let i = 0; i < gt.pixels; i++) {
      const g = gt.data[i * gt.channels];
      if (g !== IGNORE) matrix[g * 256 + pred.data[i * pred.channels]]++;
    }
  }
  let total = 0;
  let correct = 0;
  for (let g = 0; g < 256; g++) {
    for (let p = 0; p < 256; p++) total += matrix[g * 256 + p];
    correct += matrix[g * 256 + g];
  }
  return { pixelAccuracy: total > 0 ? correct / total : Number.NaN };
}

/** The floor: reads and decodes both PNGs of every pair, `inFlight` pairs at a time, and does nothing else. */
export async function decodeOnly(pairs: readonly LabelPair[], inFlight: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < pairs.length) {
      const pair = pairs[next++];
      await decodeIds(pair.gt);
      await decodeIds(pair.pred);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, lane));
}

/** Seconds one call takes. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}
