import { basename } from 'node:path';
import {
  embedderInputSpec,
  poolFeatures,
  resolveEmbedderSpec,
  type EmbedderSpec,
  type ResolvedEmbedder,
} from '../../core/distribution/features/embedderSpec';
import { toInputTensor } from '../../core/model/preprocess';
import type { FileAccess } from '../../core/ports/fileAccess';
import type { ImageDecoder } from '../../core/ports/imageDecoder';
import type { ExecutionProviderChoice, ModelRunner, ModelSession, ProviderAttempt } from '../../core/ports/modelRunner';
import type { RgbImage } from '../../core/raster/rgbImage';
import { errorMessage, fileAndReason, isAbortError } from '../../core/util/errors';
import { defaultInferenceWorkerPath, WorkerModelRunner } from '../inference/workerModelRunner';
import { createNodeAdapters } from '../nodeAdapters';

/** Options of embedImages. */
export interface EmbedImagesOptions {
  readonly signal?: AbortSignal;
  /** Called after each batch with the files handled so far (embedded or failed). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Execution provider; 'auto' (the default) tries the platform's accelerators, then falls back to cpu. */
  readonly ep?: ExecutionProviderChoice;
  readonly threads?: number;
  /** Where the model runs; default a worker thread (disposed afterwards) on workerPath. */
  readonly runner?: ModelRunner;
  /** The inference worker script when no runner is given; default the bundled inferenceWorker.js next to this code. */
  readonly workerPath?: string;
  /** Reading and decoding; default the Node adapters (sharp). */
  readonly adapters?: { readonly files: FileAccess; readonly decoder: ImageDecoder };
}

/** The images' feature vectors: vectors[i] belongs to files[indices[i]] = embedded[i]; files that could not be embedded are in failed. */
export interface EmbeddedImages {
  readonly vectors: Float64Array[];
  readonly indices: number[];
  readonly embedded: string[];
  readonly failed: Array<{ file: string; reason: string }>;
  /** The spec as resolved against the model (input, output, size, batch). */
  readonly spec: EmbedderSpec;
  readonly dimension: number;
  readonly executionProvider: string;
  readonly fallbacks: readonly ProviderAttempt[];
}

/** Embeds image files with an ONNX feature extractor run in the inference worker, in batches; a bad file fails alone. */
export async function embedImages(
  files: readonly string[],
  spec: Partial<EmbedderSpec>,
  modelPath: string,
  options: EmbedImagesOptions = {},
): Promise<EmbeddedImages> {
  const runner = options.runner ?? new WorkerModelRunner(options.workerPath ?? defaultInferenceWorkerPath(__dirname));
  try {
    const session = await runner.open(modelPath, { executionProvider: options.ep ?? 'auto', threads: options.threads ?? 0 });
    try {
      const resolved = resolveEmbedderSpec(spec, session.inputs, session.outputs, basename(modelPath));
      return await embedWith(session, resolved, files, options);
    } finally {
      await session.dispose();
    }
  } finally {
    if (!options.runner) await runner.dispose();
  }
}

type Decoded = Array<{ index: number; file: string; image: RgbImage } | { index: number; file: string; reason: string }>;
type Collected = { vectors: Float64Array[]; indices: number[]; embedded: string[]; failed: Array<{ file: string; reason: string }> };

async function embedWith(session: ModelSession, resolved: ResolvedEmbedder, files: readonly string[], options: EmbedImagesOptions): Promise<EmbeddedImages> {
  const { files: access, decoder } = options.adapters ?? createNodeAdapters();
  const { spec } = resolved;
  const result: Collected = { vectors: [], indices: [], embedded: [], failed: [] };
  const decode = async (file: string, index: number): Promise<Decoded[number]> => {
    try {
      const bytes = await access.readBytes(file, options.signal);
      return { index, file, image: await decoder.decodeRgb(bytes, file, { size: { width: spec.width, height: spec.height }, kernel: spec.resizeKernel }) };
    } catch (error) {
      if (isAbortError(error)) throw error;
      return { index, file, reason: fileAndReason(errorMessage(error), file).reason };
    }
  };
  const decodeBatch = (start: number): Promise<Decoded> => Promise.all(files.slice(start, start + spec.batchSize).map((f, i) => decode(f, start + i)));
  let pending: Promise<Decoded> | undefined = files.length > 0 ? decodeBatch(0) : undefined;
  for (let start = 0; pending; start += spec.batchSize) {
    const batch = await pending;
    options.signal?.throwIfAborted();
    // The next batch decodes while this one runs in the worker.
    pending = start + spec.batchSize < files.length ? decodeBatch(start + spec.batchSize) : undefined;
    pending?.catch(() => undefined);
    await runBatch(session, resolved, batch, result, options.signal);
    options.onProgress?.(Math.min(start + spec.batchSize, files.length), files.length);
  }
  return { ...result, spec, dimension: result.vectors[0]?.length ?? 0, executionProvider: session.executionProvider, fallbacks: session.fallbacks };
}

async function runBatch(
  session: ModelSession,
  { spec, fixedBatch }: ResolvedEmbedder,
  batch: Decoded,
  result: Collected,
  signal: AbortSignal | undefined,
): Promise<void> {
  const ready = batch.filter((b): b is { index: number; file: string; image: RgbImage } => 'image' in b);
  for (const b of batch) if ('reason' in b) result.failed.push({ file: b.file, reason: b.reason });
  if (ready.length === 0) return;
  const images = ready.map((b) => b.image);
  const padded = fixedBatch ? [...images, ...Array<RgbImage>(fixedBatch - images.length).fill(images[images.length - 1])] : images;
  let output;
  try {
    output = await session.run(spec.inputName, toInputTensor(padded, embedderInputSpec(spec)), spec.outputName, signal);
  } catch (error) {
    if (isAbortError(error)) throw error;
    for (const { file } of ready) result.failed.push({ file, reason: `inference failed (${errorMessage(error)})` });
    return;
  }
  const vectors = poolFeatures(output, ready.length, `output '${spec.outputName}'`);
  ready.forEach(({ file, index }, i) => {
    if (vectors[i].every(Number.isFinite)) {
      result.vectors.push(vectors[i]);
      result.indices.push(index);
      result.embedded.push(file);
    } else result.failed.push({ file, reason: `the model gave non-finite features in output '${spec.outputName}'` });
  });
}
