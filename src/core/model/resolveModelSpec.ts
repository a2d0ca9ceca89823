import type { TensorInfo } from '../ports/modelRunner';
import type { ResizeKernel } from '../ports/imageDecoder';
import type { ColorOrder, ModelSpec, PartialModelSpec, TensorLayout, Triple } from './modelSpec';
import { MODEL_SPEC_FLAGS, flagFor, type SpecField } from './modelSpecFlags';

/** One source of spec fields; later layers override earlier ones. */
export interface SpecLayer {
  /** 'flags' makes each field's source read "flag --x"; otherwise `label` is used (e.g. "preset bisenet-celebamask19", "spec.json"). */
  readonly kind: 'preset' | 'file' | 'flags';
  readonly label: string;
  readonly spec: PartialModelSpec;
}

/** What resolveModelSpec combines: the opened model's facts and the user's layers in increasing priority. */
export interface ResolveModelSpecRequest {
  /** Names the model in messages, e.g. "model.onnx". */
  readonly modelName: string;
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  readonly layers: readonly SpecLayer[];
  /** Number of classes of a label schema, or undefined when the id is unknown. */
  readonly schemaClassCount: (schemaId: string) => number | undefined;
}

/** A complete spec, the tensor names to use, and where each field came from ("model", "default", a layer label). */
export interface ResolvedModelSpec {
  readonly spec: ModelSpec;
  readonly inputName: string;
  readonly outputName: string;
  /** Output channel count when the model states it. */
  readonly outputChannels?: number;
  readonly sources: Readonly<Partial<Record<SpecField, string>>>;
}

/** The spec cannot be completed or contradicts the model; `problems` holds one line per issue. */
export class ModelSpecError extends Error {
  /** One line per missing field or contradiction. */
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[]) {
    super(message);
    this.name = 'ModelSpecError';
    this.problems = problems;
  }
}

function missingFieldsError(modelName: string, problems: readonly string[]): ModelSpecError {
  const lines = problems.map((p) => `  - ${p}`).join('\n');
  const hint = '  (--preset NAME or a spec file (--spec FILE) sets several at once)';
  return new ModelSpecError(`${modelName}: cannot run this model until these are known:\n${lines}\n${hint}`, problems);
}

type Dim = number | string | null;
type Values = Partial<Record<SpecField, unknown>>;

interface Ctx {
  readonly req: ResolveModelSpecRequest;
  readonly values: Values;
  readonly sources: Partial<Record<SpecField, string>>;
  readonly missing: string[];
}

/** Combines probed model facts, preset, spec file and flags into a complete ModelSpec, or throws an Error saying what is missing or inconsistent. */
export function resolveModelSpec(req: ResolveModelSpecRequest): ResolvedModelSpec {
  const ctx: Ctx = { req, values: {}, sources: {}, missing: [] };
  for (const layer of req.layers) mergeLayer(ctx, layer);
  const input = selectInput(ctx);
  checkImageTensor(req.modelName, 'input', input, 'FaceGap needs an image input [N,3,H,W] or [N,H,W,3]');
  const layout = resolveLayout(ctx, input);
  const size = resolveSize(ctx, input, layout);
  const output = selectOutput(ctx);
  checkImageTensor(req.modelName, 'output', output, 'FaceGap needs class logits [N,C,h,w]');
  const stride = resolveStride(ctx, output, size);
  const schema = required<string>(ctx, 'schema', 'label schema of the outputs');
  const channels = typeof output.dims[1] === 'number' ? output.dims[1] : undefined;
  if (schema !== undefined) checkChannels(ctx, output, channels, schema);
  const batchSize = resolveBatch(ctx, input);
  const spec = {
    input: {
      name: input.name,
      layout: layout ?? 'NCHW',
      width: size?.width ?? 0,
      height: size?.height ?? 0,
      colorOrder: required<ColorOrder>(ctx, 'input.colorOrder', 'colour order'),
      scale: required<number>(ctx, 'input.scale', 'pixel scale'),
      mean: required<Triple>(ctx, 'input.mean', 'normalisation mean'),
      std: required<Triple>(ctx, 'input.std', 'normalisation std'),
      resizeKernel: withDefault<ResizeKernel>(ctx, 'input.resizeKernel', 'linear'),
    },
    output: { name: output.name, stride: stride ?? 1, ...(ctx.values['output.index'] === undefined ? {} : { index: ctx.values['output.index'] as number }) },
    schema: schema ?? '',
    ...(ctx.values.channelToClass === undefined ? {} : { channelToClass: ctx.values.channelToClass as number[] }),
    ...(batchSize === undefined ? {} : { batchSize }),
  } as ModelSpec;
  if (ctx.missing.length > 0) throw missingFieldsError(req.modelName, ctx.missing);
  return { spec, inputName: input.name, outputName: output.name, ...(channels === undefined ? {} : { outputChannels: channels }), sources: ctx.sources };
}

function mergeLayer(ctx: Ctx, layer: SpecLayer): void {
  const set = (field: SpecField, value: unknown): void => {
    if (value === undefined) return;
    ctx.values[field] = value;
    ctx.sources[field] = layer.kind === 'flags' ? `flag ${flagFor(field)}` : layer.label;
  };
  for (const [key, value] of Object.entries(layer.spec.input ?? {})) set(`input.${key}` as SpecField, value);
  for (const [key, value] of Object.entries(layer.spec.output ?? {})) set(`output.${key}` as SpecField, value);
  set('schema', layer.spec.schema);
  set('channelToClass', layer.spec.channelToClass);
  set('batchSize', layer.spec.batchSize);
}

function probed(ctx: Ctx, field: SpecField, value: unknown): void {
  if (ctx.values[field] !== undefined) return;
  ctx.values[field] = value;
  ctx.sources[field] = 'model';
}

function required<T>(ctx: Ctx, field: SpecField, what: string): T | undefined {
  const value = ctx.values[field] as T | undefined;
  if (value === undefined) ctx.missing.push(`${what}: pass ${MODEL_SPEC_FLAGS[field]}`);
  return value;
}

function withDefault<T>(ctx: Ctx, field: SpecField, fallback: T): T {
  if (ctx.values[field] === undefined) {
    ctx.values[field] = fallback;
    ctx.sources[field] = 'default';
  }
  return ctx.values[field] as T;
}

function fatal(ctx: Ctx, message: string): never {
  throw new ModelSpecError(`${ctx.req.modelName}: ${message}`, [message]);
}

/** Formats dims as the model states them, e.g. [batch,3,H,W]. */
export function formatDims(dims: readonly Dim[]): string {
  return `[${dims.map((d) => (d === null || d === '' ? '?' : String(d))).join(',')}]`;
}

function selectInput(ctx: Ctx): TensorInfo {
  const { inputs } = ctx.req;
  const names = inputs.map((i) => `'${i.name}'`).join(', ');
  const wanted = ctx.values['input.name'] as string | undefined;
  if (wanted !== undefined) {
    const found = inputs.find((i) => i.name === wanted);
    return found ?? fatal(ctx, `no input named '${wanted}' (${ctx.sources['input.name']}); the model's inputs: ${names}`);
  }
  if (inputs.length === 1) {
    probed(ctx, 'input.name', inputs[0].name);
    return inputs[0];
  }
  if (inputs.length === 0) return fatal(ctx, 'the model declares no inputs');
  return fatal(ctx, `input name: the model has inputs ${names}; pass ${flagFor('input.name')} NAME`);
}

function selectOutput(ctx: Ctx): TensorInfo {
  const { outputs } = ctx.req;
  const names = outputs.map((o) => `'${o.name}'`).join(', ');
  const wanted = ctx.values['output.name'] as string | undefined;
  if (wanted !== undefined) {
    const found = outputs.find((o) => o.name === wanted);
    return found ?? fatal(ctx, `no output named '${wanted}' (${ctx.sources['output.name']}); the model's outputs: ${names}`);
  }
  if (outputs.length === 0) return fatal(ctx, 'the model declares no outputs');
  // Models with auxiliary heads (BiSeNet) put the main logits first, so index 0 is a safe default.
  const index = withDefault<number>(ctx, 'output.index', 0);
  if (index >= outputs.length) {
    return fatal(ctx, `output index ${index} (${ctx.sources['output.index']}) is out of range: the model has ${outputs.length} output(s) (${names})`);
  }
  probed(ctx, 'output.name', outputs[index].name);
  return outputs[index];
}

function checkImageTensor(modelName: string, role: 'input' | 'output', t: TensorInfo, need: string): void {
  const problem =
    t.dims.length !== 4
      ? `${role} '${t.name}' has rank ${t.dims.length} ${formatDims(t.dims)}; ${need}`
      : t.type !== 'float32'
        ? `${role} '${t.name}' has element type ${t.type}; FaceGap supports float32 ${role}s only`
        : undefined;
  if (problem !== undefined) throw new ModelSpecError(`${modelName}: ${problem}`, [problem]);
}

function resolveLayout(ctx: Ctx, input: TensorInfo): TensorLayout | undefined {
  const d = input.dims;
  const declared = ctx.values['input.layout'] as TensorLayout | undefined;
  if (declared !== undefined) {
    const channels = declared === 'NCHW' ? d[1] : d[3];
    if (typeof channels === 'number' && channels !== 3) {
      fatal(ctx, `input '${input.name}' is ${formatDims(d)}: in layout ${declared} that is ${channels} channels; FaceGap needs 3 (RGB)`);
    }
    return declared;
  }
  if (d[1] === 3 && d[3] !== 3) probed(ctx, 'input.layout', 'NCHW');
  else if (d[3] === 3 && d[1] !== 3) probed(ctx, 'input.layout', 'NHWC');
  else if (typeof d[1] === 'number' && typeof d[3] === 'number' && d[1] !== 3 && d[3] !== 3) {
    fatal(ctx, `input '${input.name}' is ${formatDims(d)}: no axis of 3 channels; FaceGap needs an image input [N,3,H,W] or [N,H,W,3]`);
  }
  const layout = ctx.values['input.layout'] as TensorLayout | undefined;
  if (layout === undefined) ctx.missing.push(`layout: the model's input is ${formatDims(d)}; pass ${MODEL_SPEC_FLAGS['input.layout']} or --layout NHWC`);
  return layout;
}

// Without a layout the size can still come from the user; only the model's own dims are then unreadable.
function resolveSize(ctx: Ctx, input: TensorInfo, layout: TensorLayout | undefined): { width: number; height: number } | undefined {
  const h = layout === 'NCHW' ? input.dims[2] : layout === 'NHWC' ? input.dims[1] : null;
  const w = layout === 'NCHW' ? input.dims[3] : layout === 'NHWC' ? input.dims[2] : null;
  const width = ctx.values['input.width'] as number | undefined;
  const height = ctx.values['input.height'] as number | undefined;
  if (width !== undefined && height !== undefined) {
    const clash = (typeof w === 'number' && w !== width) || (typeof h === 'number' && h !== height);
    if (clash) fatal(ctx, `input size ${width}x${height} (${ctx.sources['input.width']}) disagrees with the model's fixed input ${formatDims(input.dims)}`);
    return { width, height };
  }
  if (typeof w === 'number' && typeof h === 'number' && w > 0 && h > 0) {
    probed(ctx, 'input.width', w);
    probed(ctx, 'input.height', h);
    return { width: w, height: h };
  }
  ctx.missing.push(`input size: the model's input is ${formatDims(input.dims)} with symbolic height/width; pass ${MODEL_SPEC_FLAGS['input.width']}`);
  return undefined;
}

function resolveStride(ctx: Ctx, output: TensorInfo, size: { width: number; height: number } | undefined): number | undefined {
  const [oh, ow] = [output.dims[2], output.dims[3]];
  const staticOut = typeof oh === 'number' && typeof ow === 'number';
  const declared = ctx.values['output.stride'] as number | undefined;
  if (declared !== undefined) {
    if (staticOut && size && !(fits(size.height, declared, oh) && fits(size.width, declared, ow))) {
      fatal(ctx, `output '${output.name}' is ${formatDims(output.dims)}, but input ${size.width}x${size.height} with stride ${declared} predicts ` +
        `${Math.ceil(size.width / declared)}x${Math.ceil(size.height / declared)}; check ${flagFor('output.stride')} and ${flagFor('input.width')}`);
    }
    return declared;
  }
  if (staticOut && size && size.height % oh === 0 && size.height / oh === size.width / ow) {
    probed(ctx, 'output.stride', size.height / oh);
    return size.height / oh;
  }
  if (size) ctx.missing.push(`output stride: the output is ${formatDims(output.dims)}; pass --output-stride 1 (logits at input size) or --output-stride 4 (SegFormer)`);
  return undefined;
}

function fits(inSize: number, stride: number, outSize: number): boolean {
  return outSize === Math.ceil(inSize / stride) || outSize === Math.floor(inSize / stride);
}

function checkChannels(ctx: Ctx, output: TensorInfo, channels: number | undefined, schema: string): void {
  const classCount = ctx.req.schemaClassCount(schema);
  if (classCount === undefined) fatal(ctx, `label schema: '${schema}' (${ctx.sources.schema}) is not a known schema id`);
  const map = ctx.values.channelToClass as readonly number[] | undefined;
  if (map !== undefined) {
    const bad = map.find((id) => id >= classCount && id !== 255);
    if (bad !== undefined) fatal(ctx, `channel map: class id ${bad} does not exist in schema '${schema}' (${classCount} classes)`);
    if (channels !== undefined && map.length !== channels) {
      fatal(ctx, `channel map (${ctx.sources.channelToClass}) has ${map.length} entries but output '${output.name}' has ${channels} channels`);
    }
  } else if (channels !== undefined && channels > classCount) {
    fatal(ctx, `output '${output.name}' has ${channels} channels but schema '${schema}' has ${classCount} classes; pass ${flagFor('channelToClass')} or another ${flagFor('schema')}`);
  }
}

function resolveBatch(ctx: Ctx, input: TensorInfo): number | undefined {
  const n = input.dims[0];
  const declared = ctx.values.batchSize as number | undefined;
  if (declared !== undefined && typeof n === 'number' && n !== declared) {
    fatal(ctx, `batch size ${declared} (${ctx.sources.batchSize}) disagrees with the model's fixed batch of ${n} ${formatDims(input.dims)}`);
  }
  if (declared === undefined && typeof n === 'number' && n > 0) probed(ctx, 'batchSize', n);
  return ctx.values.batchSize as number | undefined;
}
