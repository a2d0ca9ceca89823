import * as path from 'node:path';
import type { LabelMap } from '../../src/core/raster/labelMap';
import { FACE_SYNTHETICS_SCHEMA } from '../../src/core/schema/builtin/faceSynthetics';
import { WorkerModelRunner } from '../../src/node/inference/workerModelRunner';
import { drawFace, FS_FACE, nearestColourModel, paintLabels, schemaColours, writeGrayPng, writeRgb } from './fixtures';
import { makeTempDir, type TempDir } from './tempModels';

/** The inference worker's TypeScript entry, run through tsx's CommonJS hook (Node 20 workers ignore --import for .ts). */
export function testModelRunner(): WorkerModelRunner {
  return new WorkerModelRunner(path.join(__dirname, '../../src/node/inference/inferenceWorker.ts'), { execArgv: ['--require', 'tsx/cjs'] });
}

/** A generated FaceSynthetics-layout dataset and the label maps it was drawn from. */
export interface FaceDataset {
  readonly root: string;
  readonly ids: readonly string[];
  readonly labels: ReadonlyMap<string, LabelMap>;
}

/** Writes `count` FaceSynthetics items ({id}.png painted in class colours, {id}_seg.png) of size×size, faces shifted per item. */
export async function writeFaceSyntheticsDataset(tmp: TempDir, folder: string, count: number, size = 32): Promise<FaceDataset> {
  const root = path.join(tmp.dir, folder);
  const colours = schemaColours(FACE_SYNTHETICS_SCHEMA);
  const labels = new Map<string, LabelMap>();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(i).padStart(6, '0');
    const map = drawFace(size, size, FS_FACE, (i % 5) - 2);
    await writeGrayPng(path.join(root, `${id}_seg.png`), map);
    await writeRgb(path.join(root, `${id}.png`), paintLabels(map, colours));
    labels.set(id, map);
    ids.push(id);
  }
  return { root, ids, labels };
}

/** Writes the nearest-colour model for FaceSynthetics classes (input `pixels` [N,3,size,size]) and a spec for it. */
export function writeColourModel(tmp: TempDir, size = 32, extra: Record<string, unknown> = {}): { model: string; spec: string } {
  const colours = FACE_SYNTHETICS_SCHEMA.classes.map((c) => c.color);
  const model = tmp.write(`colour${size}.onnx`, nearestColourModel(colours, { width: size, height: size, dynamicBatch: true }));
  const spec = tmp.write(
    `colour${size}.spec.json`,
    JSON.stringify({
      input: { layout: 'NCHW', width: size, height: size, colorOrder: 'RGB', scale: 1 / 255, mean: [0, 0, 0], std: [1, 1, 1], resizeKernel: 'nearest' },
      output: { stride: 1 },
      schema: 'facesynthetics',
      ...extra,
    }),
  );
  return { model, spec };
}

/** A temp folder with a FaceSynthetics dataset, the nearest-colour model and a worker runner, for model tests. */
export interface ModelFixture {
  readonly tmp: TempDir;
  readonly runner: WorkerModelRunner;
  readonly data: FaceDataset;
  readonly model: { model: string; spec: string };
}

/** Creates a ModelFixture: `count` items of imageSize px and a model of modelSize px input. */
export async function createModelFixture(
  prefix: string,
  o: { count: number; imageSize?: number; modelSize?: number; spec?: Record<string, unknown> },
): Promise<ModelFixture> {
  const tmp = makeTempDir(prefix);
  const data = await writeFaceSyntheticsDataset(tmp, 'fs', o.count, o.imageSize ?? 32);
  return { tmp, runner: testModelRunner(), data, model: writeColourModel(tmp, o.modelSize ?? 32, o.spec) };
}

/** Stops the fixture's worker and removes its folder. */
export async function disposeModelFixture(fixture: ModelFixture | undefined): Promise<void> {
  await fixture?.runner.dispose();
  fixture?.tmp.remove();
}

/** A temporary folder with a FaceSynthetics-layout dataset and a colour model in it. */
export interface ColourEvalFixture {
  readonly tmp: TempDir;
  readonly data: FaceDataset;
  readonly model: { model: string; spec: string };
}

/** Makes a ColourEvalFixture: `count` images of `size` px and a colour model whose input is `modelInput` px. */
export async function colourEvalFixture(prefix: string, count: number, size = 32, modelInput = 32): Promise<ColourEvalFixture> {
  const tmp = makeTempDir(prefix);
  return { tmp, data: await writeFaceSyntheticsDataset(tmp, 'fs', count, size), model: writeColourModel(tmp, modelInput) };
}
