// npm run demo: generates a small labelled sample and a small ONNX model with FaceGap's own code, then runs the
// main job on them with the built CLI: `facegap info` and `facegap eval` (strict and boundary-tolerant scores).
// No download and no third-party data. The richer sample datasets and a trained model replace this sample later.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { FACE_SYNTHETICS_SCHEMA } from '../src/core/schema/builtin/faceSynthetics';
import { prng } from '../test/helpers/prng';
import { drawFace, FS_FACE, nearestColourModel, paintLabels, schemaColours, writeGrayPng } from '../test/helpers/fixtures';

const REPO = path.join(__dirname, '..');
const DEMO = path.join(REPO, '.facegap-demo');
const SIZE = 128;
const COUNT = 24;


/** Writes COUNT FaceSynthetics-layout items: class-coloured faces with noise, saved as lossy JPEG-then-PNG renders. */
async function writeSample(root: string): Promise<void> {
  const rand = prng(2303_15219);
  const colours = schemaColours(FACE_SYNTHETICS_SCHEMA);
  fs.mkdirSync(root, { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const id = String(i).padStart(6, '0');
    const labels = drawFace(SIZE, SIZE, FS_FACE, Math.round((rand() - 0.5) * 24));
    const image = paintLabels(labels, colours);
    for (let p = 0; p < image.data.length; p++) image.data[p] = Math.max(0, Math.min(255, image.data[p] + Math.round((rand() - 0.5) * 24)));
    const jpeg = await sharp(image.data, { raw: { width: SIZE, height: SIZE, channels: 3 } }).jpeg({ quality: 50 + (i % 4) * 15 }).toBuffer();
    await sharp(jpeg).png().toFile(path.join(root, `${id}.png`));
    await writeGrayPng(path.join(root, `${id}_seg.png`), labels);
  }
}

function writeModel(dir: string): { model: string; spec: string } {
  const model = path.join(dir, 'nearest-colour.onnx');
  fs.writeFileSync(model, nearestColourModel(FACE_SYNTHETICS_SCHEMA.classes.map((c) => c.color), { width: SIZE, height: SIZE, dynamicBatch: true }));
  const spec = path.join(dir, 'nearest-colour.facegap.json');
  const input = { layout: 'NCHW', width: SIZE, height: SIZE, colorOrder: 'RGB', scale: 1 / 255, mean: [0, 0, 0], std: [1, 1, 1], resizeKernel: 'linear' };
  fs.writeFileSync(spec, JSON.stringify({ input, output: { stride: 1 }, schema: 'facesynthetics', batchSize: 8 }, null, 2));
  return { model, spec };
}

function facegap(args: string[]): void {
  console.log(`\n$ facegap ${args.map((a) => path.relative(REPO, a) || a).join(' ')}`);
  const result = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`facegap ${args[0]} exited with ${result.status}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  fs.rmSync(DEMO, { recursive: true, force: true });
  const sample = path.join(DEMO, 'sample');
  await writeSample(sample);
  const { model } = writeModel(DEMO);
  console.log(`FaceGap demo: ${COUNT} generated ${SIZE}×${SIZE} faces in ${path.relative(REPO, sample)}/ and a nearest-colour ONNX model.`);
  facegap(['info', sample, '--no-progress']);
  facegap(['eval', sample, '--model', model, '--out', path.join(DEMO, 'run'), '--boundary', '2', '--groups', 'helen', '--no-progress']);
  console.log(`\nDemo finished in ${((performance.now() - started) / 1000).toFixed(1)} s. Results: ${path.relative(REPO, path.join(DEMO, 'run'))}/ (run.json, images.jsonl, confusion.csv, pred/*.png)`);
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
