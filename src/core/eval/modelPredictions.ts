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
import { Slots } from '../util/slots';
import type { PredictionInput, PredictionOutput, PredictionSource } from './predictionSource';

/** Time spent in each stage of model inference, in seconds. */
export interface InferenceTimings {
  decodeSeconds: number;
  runSeconds: number;
  postprocessSeconds: number;
  batches: number;
}

/** One predict call's work, started ahead or on demand. */
interface PredictionWork {
  /** When the model images were decoded. */
  readonly decodedAt: Promise<number>;
  readonly results: Promise<Array<PredictionOutput | Error>>;
}

/** Facts about the model for the run record. */
export interface ModelFacts {
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  /** The intra-op threads the session was opened with (0: the runtime's choice). */
  readonly intraOpThreads?: number;
}

/** Predictions from an ONNX model run through the ModelRunner port, batched. */
export class ModelPredictions implements PredictionSource {
  readonly kind = 'model';
  readonly storesPredictions = true;
  readonly timings: InferenceTimings = { decodeSeconds: 0, runSeconds: 0, postprocessSeconds: 0, batches: 0 };
  private readonly specKey: string;
  /** The model's batch dimension when it is a fixed number; short batches are padded to it. */
  private readonly fixedBatch: number | undefined;
  /** Work started ahead (prefetch), by the inputs array it was started for; predict takes it. */
  private readonly ahead = new Map<readonly PredictionInput[], PredictionWork>();
  /**
   * Batches submitted to the model and not yet post-processed: two let the model run one batch while the previous
   * one's logits become class maps, and bound the logits held in memory.
   */
  private readonly slots = new Slots(3);

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
    const calledAt = this.deps.now();
    const work = this.ahead.get(inputs) ?? this.start(inputs, signal);
    this.ahead.delete(inputs);
    // Waiting for decoding: what starting ahead did not hide from the model.
    this.timings.decodeSeconds += Math.max(0, (await work.decodedAt) - calledAt);
    return work.results;
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

  /**
   * Starts on these inputs now (decoding, then running them through the model as model slots free up), so that the
   * model works on them while the current ones are post-processed and scored; predict takes the results.
   */
  prefetch(inputs: readonly PredictionInput[]): void {
    if (this.ahead.has(inputs)) return;
    const work = this.start(inputs);
    work.decodedAt.catch(() => undefined);
    work.results.catch(() => undefined);
    this.ahead.set(inputs, work);
  }

  private start(inputs: readonly PredictionInput[], signal?: AbortSignal): PredictionWork {
    const results: Array<PredictionOutput | Error> = new Array(inputs.length);
    const images = this.decodeAll(inputs, results);
    const decodedAt = images.then(() => this.deps.now());
    return { decodedAt, results: images.then((decoded) => this.runAll(inputs, decoded, results, signal)) };
  }

  private async runAll(
    inputs: readonly PredictionInput[],
    images: Array<RgbImage | undefined>,
    results: Array<PredictionOutput | Error>,
    signal?: AbortSignal,
  ): Promise<Array<PredictionOutput | Error>> {
    const ready = inputs.map((_, i) => i).filter((i) => images[i] !== undefined);
    const batches: Array<Promise<void>> = [];
    for (let start = 0; start < ready.length; start += this.batchSize) {
      const batch = ready.slice(start, start + this.batchSize);
      const ran = this.runBatch(batch.map((i) => images[i]!), batch.map((i) => inputs[i].target), signal).then(
        (outputs) => batch.forEach((i, k) => (results[i] = outputs[k])),
        (error: unknown) => {
          if (isAbortError(error)) throw error;
          batch.forEach((i) => (results[i] = new Error(`${inputs[i].item.imagePath}: inference failed (${errorMessage(error)})`)));
        },
      );
      batches.push(ran);
    }
    await Promise.all(batches);
    return results;
  }

  private decodeOne(input: PredictionInput): Promise<RgbImage | Error> {
    const { width, height, resizeKernel } = this.resolved.spec.input;
    return this.deps.decoder
      .decodeRgb(input.imageBytes, input.item.imagePath, { size: { width, height }, kernel: resizeKernel })
      .catch((error: unknown) => (error instanceof Error ? error : new Error(errorMessage(error))));
  }

  /** The inputs' model images; a failed one leaves its Error in results. */
  private async decodeAll(inputs: readonly PredictionInput[], results: Array<PredictionOutput | Error>): Promise<Array<RgbImage | undefined>> {
    const images = await Promise.all(inputs.map((input) => this.decodeOne(input)));
    return images.map((image, i) => {
      if (image instanceof Error) results[i] = image;
      return image instanceof Error ? undefined : image;
    });
  }

  /** One batch through the model and back to class maps, holding a model slot from submitting it until its logits are freed. */
  private async runBatch(images: RgbImage[], targets: Size[], signal?: AbortSignal): Promise<PredictionOutput[]> {
    await this.slots.acquire(signal);
    try {
      const padded = this.fixedBatch ? [...images, ...Array<RgbImage>(this.fixedBatch - images.length).fill(images[images.length - 1])] : images;
      const tensor = toInputTensor(padded, this.resolved.spec);
      const started = this.deps.now();
      const logits = await this.session.run(this.resolved.inputName, tensor, this.resolved.outputName, signal);
      const ran = this.deps.now();
      this.timings.runSeconds += logits.runSeconds ?? ran - started;
      this.timings.batches++;
      const outputs = targets.map((target, k) => logitsToLabelMap(logits, k, this.resolved.spec, target));
      this.timings.postprocessSeconds += this.deps.now() - ran;
      return outputs;
    } finally {
      this.slots.release();
    }
  }
}
