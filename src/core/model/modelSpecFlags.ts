import type { ResizeKernel } from '../ports/imageDecoder';
import { parseFraction, type ColorOrder, type ModelInputSpec, type ModelOutputSpec, type PartialModelSpec, type TensorLayout, type Triple } from './modelSpec';

/** A spec field that a flag can set, named by its path in ModelSpec. */
export type SpecField =
  | 'input.name'
  | 'input.layout'
  | 'input.width'
  | 'input.height'
  | 'input.colorOrder'
  | 'input.scale'
  | 'input.mean'
  | 'input.std'
  | 'input.resizeKernel'
  | 'output.name'
  | 'output.index'
  | 'output.stride'
  | 'schema'
  | 'channelToClass'
  | 'batchSize';

/** The command-line flag (with an example value) that sets each spec field; the CLI must use these names. */
export const MODEL_SPEC_FLAGS: Readonly<Record<SpecField, string>> = {
  'input.name': '--input-name pixel_values',
  'input.layout': '--layout NCHW',
  'input.width': '--input-size 512x512',
  'input.height': '--input-size 512x512',
  'input.colorOrder': '--color-order RGB',
  'input.scale': '--scale 1/255',
  'input.mean': '--mean 0.485,0.456,0.406',
  'input.std': '--std 0.229,0.224,0.225',
  'input.resizeKernel': '--resize linear',
  'output.name': '--output-name logits',
  'output.index': '--output-index 0',
  'output.stride': '--output-stride 4',
  schema: '--model-schema celebamask-hq',
  channelToClass: '--channel-map 0,1,2,…',
  batchSize: '--batch-size 8',
};

/** The bare flag name for a field, e.g. "--input-size". */
export function flagFor(field: SpecField): string {
  return MODEL_SPEC_FLAGS[field].split(' ')[0];
}

/** Raw flag values keyed by flag name without dashes ("input-size" → "512x512"); absent flags are undefined. */
export type ModelSpecFlagValues = Readonly<Record<string, string | undefined>>;

/** Turns command-line flag values into a partial spec; throws an Error naming the flag when a value is malformed. */
export function parseModelSpecFlags(flags: ModelSpecFlagValues): PartialModelSpec {
  const input: Partial<Record<keyof ModelInputSpec, unknown>> = {};
  const output: Partial<Record<keyof ModelOutputSpec, unknown>> = {};
  const v = (name: string): string | undefined => flags[name];
  if (v('input-size') !== undefined) Object.assign(input, parseSize(v('input-size') as string));
  setIf(input, 'name', v('input-name'), (s) => s);
  setIf(input, 'layout', v('layout'), (s) => pick<TensorLayout>(s.toUpperCase(), ['NCHW', 'NHWC'], 'layout'));
  setIf(input, 'colorOrder', v('color-order'), (s) => pick<ColorOrder>(s.toUpperCase(), ['RGB', 'BGR'], 'color-order'));
  setIf(input, 'scale', v('scale'), parseScale);
  setIf(input, 'mean', v('mean'), (s) => parseTriple(s, false, 'mean'));
  setIf(input, 'std', v('std'), (s) => parseTriple(s, true, 'std'));
  setIf(input, 'resizeKernel', v('resize'), (s) => pick<ResizeKernel>(s, ['linear', 'cubic', 'lanczos3', 'nearest'], 'resize'));
  setIf(output, 'name', v('output-name'), (s) => s);
  setIf(output, 'index', v('output-index'), (s) => parseInteger(s, 0, 'output-index'));
  setIf(output, 'stride', v('output-stride'), (s) => parseInteger(s, 1, 'output-stride'));
  const spec: { -readonly [K in keyof PartialModelSpec]: PartialModelSpec[K] } = {};
  if (Object.keys(input).length > 0) spec.input = input as Partial<ModelInputSpec>;
  if (Object.keys(output).length > 0) spec.output = output as Partial<ModelOutputSpec>;
  if (v('schema') !== undefined) spec.schema = v('schema');
  if (v('channel-map') !== undefined) spec.channelToClass = parseChannelMap(v('channel-map') as string);
  if (v('batch-size') !== undefined) spec.batchSize = parseInteger(v('batch-size') as string, 1, 'batch-size');
  return spec;
}

function setIf<T extends object>(target: T, key: keyof T, raw: string | undefined, parse: (s: string) => unknown): void {
  if (raw !== undefined) (target as Record<keyof T, unknown>)[key] = parse(raw.trim());
}

function pick<T extends string>(s: string, values: readonly T[], flag: string): T {
  if (!values.includes(s as T)) throw new Error(`--${flag} must be one of ${values.join(', ')} (got '${s}')`);
  return s as T;
}

function parseSize(s: string): { width: number; height: number } {
  const m = /^\s*(\d+)\s*[x×X,]\s*(\d+)\s*$/.exec(s);
  const width = m ? Number(m[1]) : 0;
  const height = m ? Number(m[2]) : 0;
  if (width <= 0 || height <= 0) throw new Error(`--input-size must be WIDTHxHEIGHT, e.g. 512x512 (got '${s}')`);
  return { width, height };
}

function parseScale(s: string): number {
  const value = parseFraction(s);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--scale must be a positive number or a fraction such as 1/255 (got '${s}')`);
  return value;
}

function parseTriple(s: string, positive: boolean, flag: string): Triple {
  const parts = s.split(/[\s,]+/).filter((p) => p !== '').map(Number);
  const ok = parts.length === 3 && parts.every((x) => Number.isFinite(x) && (!positive || x > 0));
  if (!ok) throw new Error(`--${flag} must be 3 comma-separated ${positive ? 'positive ' : ''}numbers (got '${s}')`);
  return [parts[0], parts[1], parts[2]];
}

function parseInteger(s: string, min: number, flag: string): number {
  const value = Number(s);
  if (!/^\d+$/.test(s) || value < min) throw new Error(`--${flag} must be an integer ≥ ${min} (got '${s}')`);
  return value;
}

function parseChannelMap(s: string): number[] {
  const parts = s.split(/[\s,]+/).filter((p) => p !== '');
  const ids = parts.map(Number);
  if (ids.length === 0 || !parts.every((p) => /^\d+$/.test(p)) || ids.some((x) => x > 255)) {
    throw new Error(`--channel-map must be comma-separated class ids 0–255, one per output channel (got '${s}')`);
  }
  return ids;
}
