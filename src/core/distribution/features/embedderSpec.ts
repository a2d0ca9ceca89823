// How to feed a feature extractor (an ONNX model with a pooled output, or a parsing model's encoder output) and how
// its output becomes one vector per image.
import type { ModelInputSpec, Triple, TensorLayout, ColorOrder } from '../../model/modelSpec';
import { parseModelSpecFlags } from '../../model/modelSpecFlags';
import { formatDims } from '../../model/resolveModelSpec';
import type { ResizeKernel } from '../../ports/imageDecoder';
import type { FloatTensor, TensorInfo } from '../../ports/modelRunner';

/** Everything FaceGap needs to embed images with a feature extractor. Normalised value = (pixel × scale − mean[c]) / std[c]. */
export interface EmbedderSpec {
  /** The model input to feed; the model's only input when absent. */
  readonly inputName?: string;
  /** The output holding the features ([N,D], or [N,C,h,w] averaged over h×w); the model's first output when absent. */
  readonly outputName?: string;
  readonly width: number;
  readonly height: number;
  readonly layout: TensorLayout;
  readonly colorOrder: ColorOrder;
  readonly scale: number;
  readonly mean: Triple;
  readonly std: Triple;
  readonly resizeKernel: ResizeKernel;
  /** Images per model run; a model with a fixed batch dimension overrides it. */
  readonly batchSize: number;
}

/** ImageNet preprocessing at 224×224, RGB, NCHW, bilinear resize, 16 images per run. */
export const DEFAULT_EMBEDDER_SPEC: EmbedderSpec = {
  width: 224,
  height: 224,
  layout: 'NCHW',
  colorOrder: 'RGB',
  scale: 1 / 255,
  mean: [0.485, 0.456, 0.406],
  std: [0.229, 0.224, 0.225],
  resizeKernel: 'linear',
  batchSize: 16,
};

/** The embedder's flags (with example values) for help texts; each maps onto the model-spec flag after "features-". */
export const EMBEDDER_FLAGS: readonly string[] = [
  '--features-input input',
  '--features-output pooled',
  '--features-size 224 (or 224x224)',
  '--features-mean 0.485,0.456,0.406',
  '--features-std 0.229,0.224,0.225',
  '--features-scale 1/255',
  '--features-color-order RGB',
  '--features-layout NCHW',
  '--features-resize linear',
  '--features-batch-size 16',
];

const FLAG_TO_MODEL_FLAG: Readonly<Record<string, string>> = {
  'features-input': 'input-name',
  'features-output': 'output-name',
  'features-size': 'input-size',
  'features-mean': 'mean',
  'features-std': 'std',
  'features-scale': 'scale',
  'features-color-order': 'color-order',
  'features-layout': 'layout',
  'features-resize': 'resize',
  'features-batch-size': 'batch-size',
};

/** Turns --features-* flag values (keyed without dashes, e.g. "features-size") into spec fields; errors name the flag. */
export function parseEmbedderFlags(values: Readonly<Record<string, string | undefined>>): Partial<EmbedderSpec> {
  const mapped: Record<string, string | undefined> = {};
  for (const [flag, modelFlag] of Object.entries(FLAG_TO_MODEL_FLAG)) mapped[modelFlag] = values[flag];
  const size = mapped['input-size'];
  if (size !== undefined && /^\s*\d+\s*$/.test(size)) mapped['input-size'] = `${size.trim()}x${size.trim()}`;
  let parsed: ReturnType<typeof parseModelSpecFlags>;
  try {
    parsed = parseModelSpecFlags(mapped);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const renamed = Object.entries(FLAG_TO_MODEL_FLAG).reduce((m, [flag, modelFlag]) => m.replace(`--${modelFlag} `, `--${flag} `), message);
    throw new Error(renamed.replace('WIDTHxHEIGHT, e.g. 512x512', 'a size such as 224 or WIDTHxHEIGHT such as 224x224'));
  }
  const { name: inputName, ...input } = parsed.input ?? {};
  return {
    ...input,
    ...(inputName === undefined ? {} : { inputName }),
    ...(parsed.output?.name === undefined ? {} : { outputName: parsed.output.name }),
    ...(parsed.batchSize === undefined ? {} : { batchSize: parsed.batchSize }),
  };
}

/** A resolved spec: the input and output named, and the model's fixed batch size if it has one. */
export interface ResolvedEmbedder {
  readonly spec: EmbedderSpec & { readonly inputName: string; readonly outputName: string };
  readonly fixedBatch?: number;
}

/** Fills a spec from the model (its only input, first output, layout and fixed size) and the defaults; throws naming the model. */
export function resolveEmbedderSpec(given: Partial<EmbedderSpec>, inputs: readonly TensorInfo[], outputs: readonly TensorInfo[], modelName: string): ResolvedEmbedder {
  const input = given.inputName === undefined ? onlyInput(inputs, modelName) : inputs.find((i) => i.name === given.inputName);
  if (!input) throw new Error(`${modelName}: no input named '${given.inputName}' (inputs: ${inputs.map((i) => i.name).join(', ')})`);
  if (input.dims.length !== 4 || input.type !== 'float32') {
    throw new Error(`${modelName}: input '${input.name}' is ${input.type} ${formatDims(input.dims)}; a feature extractor takes a float32 image [N,3,H,W] or [N,H,W,3]`);
  }
  const outputName = given.outputName ?? outputs[0]?.name;
  if (outputName === undefined || !outputs.some((o) => o.name === outputName)) {
    throw new Error(`${modelName}: no output named '${outputName}' (outputs: ${outputs.map((o) => o.name).join(', ')})`);
  }
  const dims = input.dims;
  const layout = given.layout ?? (dims[3] === 3 && dims[1] !== 3 ? 'NHWC' : 'NCHW');
  const [h, w] = layout === 'NCHW' ? [dims[2], dims[3]] : [dims[1], dims[2]];
  const fixed = typeof h === 'number' && typeof w === 'number' && h > 0 && w > 0 ? { width: w, height: h } : undefined;
  const width = given.width ?? fixed?.width ?? DEFAULT_EMBEDDER_SPEC.width;
  const height = given.height ?? fixed?.height ?? DEFAULT_EMBEDDER_SPEC.height;
  if (fixed && (fixed.width !== width || fixed.height !== height)) {
    throw new Error(`${modelName}: input '${input.name}' is ${formatDims(dims)}, so it takes ${fixed.width}×${fixed.height} images, not ${width}×${height}`);
  }
  const fixedBatch = typeof dims[0] === 'number' && dims[0] > 0 ? dims[0] : undefined;
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<EmbedderSpec>;
  const spec = { ...DEFAULT_EMBEDDER_SPEC, ...defined, layout, width, height, inputName: input.name, outputName };
  return fixedBatch === undefined ? { spec } : { spec: { ...spec, batchSize: fixedBatch }, fixedBatch };
}

function onlyInput(inputs: readonly TensorInfo[], modelName: string): TensorInfo {
  if (inputs.length !== 1) throw new Error(`${modelName} has ${inputs.length} inputs (${inputs.map((i) => i.name).join(', ')}); name one with --features-input`);
  return inputs[0];
}

/** The spec's preprocessing as a model input spec, for toInputTensor. */
export function embedderInputSpec(spec: EmbedderSpec): { readonly input: ModelInputSpec } {
  const { width, height, layout, colorOrder, scale, mean, std, resizeKernel } = spec;
  return { input: { width, height, layout, colorOrder, scale, mean, std, resizeKernel } };
}

/** One double-precision vector per image from an output [N,D] or [N,D,h,w] (averaged over h×w); keeps the first `count`. */
export function poolFeatures(output: FloatTensor, count: number, what: string): Float64Array[] {
  const dims = output.dims;
  if (dims.length !== 2 && dims.length !== 4) {
    throw new Error(`${what} is [${dims.join(',')}]; FaceGap pools [N,D] or [N,C,h,w] outputs (name another with --features-output)`);
  }
  const [n, d] = dims;
  const cells = dims.length === 4 ? dims[2] * dims[3] : 1;
  if (n < count || d < 1 || cells < 1) throw new Error(`${what} is [${dims.join(',')}], expected ${count} rows of features`);
  const data = output.data;
  return Array.from({ length: count }, (_, i) => {
    const v = new Float64Array(d);
    for (let c = 0; c < d; c++) {
      const base = (i * d + c) * cells;
      let s = 0;
      for (let p = 0; p < cells; p++) s += data[base + p];
      v[c] = s / cells;
    }
    return v;
  });
}
