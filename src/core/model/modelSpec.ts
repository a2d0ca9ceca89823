import type { ResizeKernel } from '../ports/imageDecoder';
import { parseJsonText } from '../schema/schemaJson';

/** Where the channel axis of an image tensor sits. */
export type TensorLayout = 'NCHW' | 'NHWC';

/** The order of colour channels a model expects. */
export type ColorOrder = 'RGB' | 'BGR';

/** One number per colour channel, in the model's colour order. */
export type Triple = readonly [number, number, number];

/** How to turn an 8-bit image into the model's input tensor. */
export interface ModelInputSpec {
  readonly name?: string;
  readonly layout: TensorLayout;
  readonly width: number;
  readonly height: number;
  readonly colorOrder: ColorOrder;
  /** Multiplies 0–255 pixel values before mean and std, e.g. 1/255. */
  readonly scale: number;
  readonly mean: Triple;
  readonly std: Triple;
  readonly resizeKernel: ResizeKernel;
}

/** Which output holds the class logits [N,C,h,w] and how they relate to the input size. */
export interface ModelOutputSpec {
  readonly name?: string;
  readonly index?: number;
  /** Input size ÷ logit size: 1, or 4 for SegFormer. */
  readonly stride: number;
}

/** Everything FaceGap needs to run a face-parsing model. Normalised value = (pixel × scale − mean[c]) / std[c]. */
export interface ModelSpec {
  readonly input: ModelInputSpec;
  readonly output: ModelOutputSpec;
  /** Label schema id of the predicted classes, e.g. 'bisenet' or 'celebamask-hq'. */
  readonly schema: string;
  /** Output channel k → class id in `schema` (identity when absent). */
  readonly channelToClass?: readonly number[];
  readonly batchSize?: number;
}

/** A spec with any field left out: what a preset, a spec file or flags contribute. */
export interface PartialModelSpec {
  readonly input?: Partial<ModelInputSpec>;
  readonly output?: Partial<ModelOutputSpec>;
  readonly schema?: string;
  readonly channelToClass?: readonly number[];
  readonly batchSize?: number;
}

type Json = Record<string, unknown>;

const INPUT_KEYS = ['name', 'layout', 'width', 'height', 'colorOrder', 'scale', 'mean', 'std', 'resizeKernel'];
const OUTPUT_KEYS = ['name', 'index', 'stride'];
const TOP_KEYS = ['input', 'output', 'schema', 'channelToClass', 'batchSize'];
const KERNELS: readonly ResizeKernel[] = ['linear', 'cubic', 'lanczos3', 'nearest'];

/** Parses and validates a spec file (e.g. a model's sidecar `spec.json`); errors name the file and the field. */
export function parseModelSpecJson(text: string, fileName: string): PartialModelSpec {
  // Depth 3: the top level, input or output, and the mean and std lists.
  const root = parseJsonText(text, fileName, 3);
  const fail = (field: string, rule: string): never => {
    throw new Error(`${fileName}: ${field} ${rule}`);
  };
  const top = asObject(root, 'the top level', fail);
  checkKeys(top, TOP_KEYS, '', fail);
  return {
    ...(top.input === undefined ? {} : { input: parseInput(asObject(top.input, 'input', fail), fail) }),
    ...(top.output === undefined ? {} : { output: parseOutput(asObject(top.output, 'output', fail), fail) }),
    ...optional(top, 'schema', (v) => nonEmptyString(v, 'schema', fail)),
    ...optional(top, 'channelToClass', (v) => classIdList(v, 'channelToClass', fail)),
    ...optional(top, 'batchSize', (v) => positiveInt(v, 'batchSize', fail)),
  };
}

type Fail = (field: string, rule: string) => never;

function parseInput(o: Json, fail: Fail): Partial<ModelInputSpec> {
  checkKeys(o, INPUT_KEYS, 'input.', fail);
  return {
    ...optional(o, 'name', (v) => nonEmptyString(v, 'input.name', fail)),
    ...optional(o, 'layout', (v) => oneOf(v, ['NCHW', 'NHWC'] as const, 'input.layout', fail)),
    ...optional(o, 'width', (v) => positiveInt(v, 'input.width', fail)),
    ...optional(o, 'height', (v) => positiveInt(v, 'input.height', fail)),
    ...optional(o, 'colorOrder', (v) => oneOf(v, ['RGB', 'BGR'] as const, 'input.colorOrder', fail)),
    ...optional(o, 'scale', (v) => scaleValue(v, fail)),
    ...optional(o, 'mean', (v) => triple(v, false, 'input.mean', fail)),
    ...optional(o, 'std', (v) => triple(v, true, 'input.std', fail)),
    ...optional(o, 'resizeKernel', (v) => oneOf(v, KERNELS, 'input.resizeKernel', fail)),
  };
}

function parseOutput(o: Json, fail: Fail): Partial<ModelOutputSpec> {
  checkKeys(o, OUTPUT_KEYS, 'output.', fail);
  return {
    ...optional(o, 'name', (v) => nonEmptyString(v, 'output.name', fail)),
    ...optional(o, 'index', (v) => nonNegativeInt(v, 'output.index', fail)),
    ...optional(o, 'stride', (v) => positiveInt(v, 'output.stride', fail)),
  };
}

function optional<K extends string, T>(o: Json, key: K, parse: (v: unknown) => T): { [P in K]?: T } {
  if (o[key] === undefined) return {};
  return { [key]: parse(o[key]) } as { [P in K]?: T };
}

function asObject(v: unknown, field: string, fail: Fail): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(field, 'must be an object');
  return v as Json;
}

function checkKeys(o: Json, allowed: readonly string[], prefix: string, fail: Fail): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) fail(`${prefix}${key}`, `is not a known field (known: ${allowed.join(', ')})`);
  }
}

function nonEmptyString(v: unknown, field: string, fail: Fail): string {
  if (typeof v !== 'string' || v.trim() === '') return fail(field, 'must be a non-empty string');
  return v;
}

function oneOf<T extends string>(v: unknown, values: readonly T[], field: string, fail: Fail): T {
  if (typeof v !== 'string' || !values.includes(v as T)) return fail(field, `must be one of ${values.join(', ')}`);
  return v as T;
}

function positiveInt(v: unknown, field: string, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) return fail(field, 'must be a positive integer');
  return v;
}

function nonNegativeInt(v: unknown, field: string, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return fail(field, 'must be a non-negative integer');
  return v;
}

/** Accepts a number or a fraction string such as "1/255", since JSON cannot write 1/255 exactly. */
function scaleValue(v: unknown, fail: Fail): number {
  const value = typeof v === 'string' ? parseFraction(v) : v;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail('input.scale', 'must be a positive number or a fraction such as "1/255"');
  }
  return value;
}

/** Parses "a/b" or a plain decimal; NaN when it is neither. */
export function parseFraction(text: string): number {
  const m = /^\s*([0-9.eE+-]+)\s*(?:\/\s*([0-9.eE+-]+)\s*)?$/.exec(text);
  if (!m) return NaN;
  const num = Number(m[1]);
  return m[2] === undefined ? num : num / Number(m[2]);
}

function triple(v: unknown, positive: boolean, field: string, fail: Fail): Triple {
  const ok =
    Array.isArray(v) &&
    v.length === 3 &&
    v.every((x) => typeof x === 'number' && Number.isFinite(x) && (!positive || x > 0));
  if (!ok) return fail(field, `must be 3 ${positive ? 'positive ' : ''}numbers`);
  return [v[0], v[1], v[2]];
}

function classIdList(v: unknown, field: string, fail: Fail): number[] {
  const ok = Array.isArray(v) && v.length > 0 && v.every((x) => Number.isInteger(x) && x >= 0 && x <= 255);
  if (!ok) return fail(field, 'must be a non-empty list of class ids (integers 0–255)');
  return [...(v as number[])];
}
