import type { DatasetItem } from '../dataset/datasetIndex';
import { logitsToLabelMap } from '../model/logitsToLabels';
import { toInputTensor } from '../model/preprocess';
import type { ResolvedModelSpec } from '../model/resolveModelSpec';
import type { ContentHasher } from '../ports/contentHasher';
import type { ImageDecoder } from '../ports/imageDecoder';
import type { ModelSession } from '../ports/modelRunner';
import type { RgbImage, Size } from '../raster/rgbImage';
import type { LabelSchema } from '../schema/labelSchema';
import { errorMessage, isAbortError } from '../util/errors';
import type { PredictionInput, PredictionOutput, PredictionSource } from './predictionSource';

/** Time spent in each stage of model inference, in seconds. */
export interface InferenceTimings {
  decodeSeconds: number;
  runSeconds: number;
  postprocessSeconds: number;
  batches: number;
}

/** Facts about the model for the run record. */
export interface ModelFacts {
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/** Predictions from an ONNX model run through the ModelRunner port, batched. */
export class ModelPredictions implements PredictionSource {
  readonly kind = 'model';
  readonly storesPredictions = true;
  readonly timings: InferenceTimings = { decodeSeconds: 0, runSeconds: 0, postprocessSeconds: 0, batches: 0 };
  private readonly specKey: string;
  /** The model's batch dimension when it is a fixed number; short batches are padded to it. */
  private readonly fixedBatch: number | undefined;
  /** Model inputs decoded ahead (prefetch), by the input they were decoded for; predict takes them. */
  private readonly decodedAhead = new Map<PredictionInput, Promise<RgbImage | Error>>();

  constructor(
    private readonly session: ModelSession,
    private readonly resolved: ResolvedModelSpec,
    readonly schema: LabelSchema,
    private readonly model: ModelFacts,
    private readonly deps: { decoder: ImageDecoder; hasher: ContentHasher; now: () => number },
  ) {
    const { batchSize: _batch, ...specWithoutBatch } = resolved.spec;
    this.specKey = deps.hasher.hash(JSON.stringify(specWithoutBatch), resolved.inputName, resolved.outputName);
    const batchDim = session.inputs.find((i) => i.name === resolved.inputName)?.dims[0];
    this.fixedBatch = typeof batchDim === 'number' && batchDim > 0 ? batchDim : undefined;
  }

  /** The model's input size. */
  get inputSize(): Size {
    return { width: this.resolved.spec.input.width, height: this.resolved.spec.input.height };
  }

  /** The execution provider the session really runs on. */
  get executionProvider(): string {
    return this.session.executionProvider;
  }

  /** Providers tried before it, with the reason each failed. */
  get fallbacks(): ModelSession['fallbacks'] {
    return this.session.fallbacks;
  }

  /** Images per session.run call: the model's fixed batch size, else the spec's. */
  get batchSize(): number {
    return this.fixedBatch ?? Math.max(1, this.resolved.spec.batchSize ?? 1);
  }

  /** Model hash, spec, image content and target size. */
  async key(_item: DatasetItem, imageKey: string, target: Size): Promise<string> {
    return this.deps.hasher.hash('model', this.model.sha256, this.specKey, imageKey, `${target.width}x${target.height}`);
  }

  /** Decodes and resizes the images, runs them in batches, and turns logits into class maps at each target size. */
  async predict(inputs: readonly PredictionInput[], signal?: AbortSignal): Promise<Array<PredictionOutput | Error>> {
    const results: Array<PredictionOutput | Error> = new Array(inputs.length);
    const images = await this.decodeAll(inputs, results);
    const ready = inputs.map((_, i) => i).filter((i) => images[i] !== undefined);
    for (let start = 0; start < ready.length; start += this.batchSize) {
      signal?.throwIfAborted();
      const batch = ready.slice(start, start + this.batchSize);
      await this.runBatch(batch.map((i) => images[i]!), batch.map((i) => inputs[i].target), signal).then(
        (outputs) => batch.forEach((i, k) => (results[i] = outputs[k])),
        (error: unknown) => {
          if (isAbortError(error)) throw error;
          batch.forEach((i) => (results[i] = new Error(`${inputs[i].item.imagePath}: inference failed (${errorMessage(error)})`)));
        },
      );
    }
    return results;
  }

  /** Releases the model session. */
  async close(): Promise<void> {
    await this.session.dispose();
  }

  /** Facts for the run record. */
  describe(): Record<string, unknown> {
    return {
      kind: 'model',
      ...this.model,
      spec: this.resolved.spec,
      specSources: this.resolved.sources,
      inputName: this.resolved.inputName,
      outputName: this.resolved.outputName,
      executionProvider: this.session.executionProvider,
      providerFallbacks: this.session.fallbacks,
    };
  }

  /** Starts decoding and resizing these inputs now, so that predict finds them ready (while the model runs other images). */
  prefetch(inputs: readonly PredictionInput[]): void {
    for (const input of inputs) if (!this.decodedAhead.has(input)) this.decodedAhead.set(input, this.decodeOne(input));
  }

  private decodeOne(input: PredictionInput): Promise<RgbImage | Error> {
    const { width, height, resizeKernel } = this.resolved.spec.input;
    return this.deps.decoder
      .decodeRgb(input.imageBytes, input.item.imagePath, { size: { width, height }, kernel: resizeKernel })
      .catch((error: unknown) => (error instanceof Error ? error : new Error(errorMessage(error))));
  }

  /** The inputs' model images (prefetched ones taken, the rest decoded now); a failed one leaves its Error in results. */
  private async decodeAll(inputs: readonly PredictionInput[], results: Array<PredictionOutput | Error>): Promise<Array<RgbImage | undefined>> {
    const started = this.deps.now();
    const images = await Promise.all(
      inputs.map(async (input, i) => {
        const ahead = this.decodedAhead.get(input);
        this.decodedAhead.delete(input);
        const image = await (ahead ?? this.decodeOne(input));
        if (image instanceof Error) results[i] = image;
        return image instanceof Error ? undefined : image;
      }),
    );
    // Time spent waiting for decoding: what prefetching did not hide from the model.
    this.timings.decodeSeconds += this.deps.now() - started;
    return images;
  }

  private async runBatch(images: RgbImage[], targets: Size[], signal?: AbortSignal): Promise<PredictionOutput[]> {
    const padded = this.fixedBatch ? [...images, ...Array<RgbImage>(this.fixedBatch - images.length).fill(images[images.length - 1])] : images;
    const tensor = toInputTensor(padded, this.resolved.spec);
    const started = this.deps.now();
    const logits = await this.session.run(this.resolved.inputName, tensor, this.resolved.outputName, signal);
    const ran = this.deps.now();
    this.timings.runSeconds += ran - started;
    this.timings.batches++;
    const outputs = targets.map((target, k) => logitsToLabelMap(logits, k, this.resolved.spec, target));
    this.timings.postprocessSeconds += this.deps.now() - ran;
    return outputs;
  }
}
