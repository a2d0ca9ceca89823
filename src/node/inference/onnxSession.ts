import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InferenceSession, Tensor, env } from 'onnxruntime-node';
import type {
  ExecutionProviderChoice,
  FloatTensor,
  ModelSession,
  OpenModelOptions,
  ProviderAttempt,
  TensorInfo,
} from '../../core/ports/modelRunner';
import { abortError } from '../../protocol/rpc';

// Provider libraries that fail to load log at error level before the exception we already handle.
env.logLevel = 'fatal';

/** The providers to try, in order, for a choice on a platform; always ends with 'cpu'. */
export function providerCandidates(choice: ExecutionProviderChoice, platform: string): string[] {
  if (choice === 'cpu') return ['cpu'];
  if (choice !== 'auto') return [choice, 'cpu'];
  const accelerators: Record<string, string[]> = { linux: ['cuda'], win32: ['dml', 'cuda'], darwin: ['coreml'] };
  return [...(accelerators[platform] ?? []), 'cpu'];
}

/** The first line of a runtime error, without ORT's source-location noise, for reports. */
export function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? text;
  const cleaned = firstLine
    .replace(/^Load model from .*? failed:\s*/, '')
    .replace(/^\S*onnxruntime_src\S*\s+/, '')
    .replace(/^[\w:~]+\([^)]*\)\s+/, '') // the C++ function that threw, e.g. onnxruntime::Model::Model(…)
    .replace(/^.*? was false\. /, '')
    .trim();
  return cleaned.length > 200 ? `${cleaned.slice(0, 199)}…` : cleaned;
}

/** Says why a provider did not start in words a user can act on, keeping the runtime's message. */
export function explainProviderError(provider: string, message: string): string {
  if (provider === 'cuda' && /shared library|providers_shared|libcudart|libcublas|libcudnn/i.test(message)) {
    return `the CUDA provider libraries or CUDA 12/cuDNN 9 are missing (${message}); with internet access: ONNXRUNTIME_NODE_INSTALL=cuda12 npm rebuild onnxruntime-node`;
  }
  if (provider === 'webgpu' && /adapter/i.test(message)) return `no WebGPU adapter on this machine (${message})`;
  if (/backend not found|not supported|unknown provider/i.test(message)) return `not available in onnxruntime-node on ${process.platform}-${process.arch} (${message})`;
  return message;
}

/** Opens an ONNX model, trying providers in order and falling back to cpu; throws an Error naming the file if it cannot be loaded. */
export async function openOnnxSession(modelPath: string, options: OpenModelOptions): Promise<OnnxModelSession> {
  await checkReadable(modelPath);
  const fallbacks: ProviderAttempt[] = [];
  for (const provider of providerCandidates(options.executionProvider, process.platform)) {
    try {
      const session = await InferenceSession.create(modelPath, {
        executionProviders: [provider],
        logSeverityLevel: 3,
        ...(options.threads ? { intraOpNumThreads: options.threads } : {}),
      });
      return new OnnxModelSession(modelPath, session, provider, fallbacks);
    } catch (e) {
      if (provider === 'cpu') throw new Error(`${modelPath} is not a loadable ONNX model: ${shortError(e)}`);
      fallbacks.push({ provider, error: explainProviderError(provider, shortError(e)) });
    }
  }
  throw new Error(`${modelPath}: no execution provider to try`);
}

async function checkReadable(modelPath: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await stat(modelPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${modelPath}: no such model file` : `${modelPath} cannot be read: ${shortError(e)}`);
  }
  if (!stats.isFile()) throw new Error(`${modelPath} is not a file`);
  if (stats.size === 0) throw new Error(`${modelPath} is not a loadable ONNX model: empty file (0 bytes)`);
}

/** Converts onnxruntime's value metadata; a symbolic dimension keeps its name, an unnamed one becomes null. */
export function toTensorInfo(meta: InferenceSession.ValueMetadata): TensorInfo {
  if (!meta.isTensor) return { name: meta.name, type: 'non-tensor', dims: [] };
  return { name: meta.name, type: meta.type, dims: meta.shape.map((d) => (d === '' ? null : d)) };
}

/** A model opened in this thread: runs block the thread, so use it inside the inference worker only. */
export class OnnxModelSession implements ModelSession {
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  private disposed = false;
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly modelPath: string,
    private readonly session: InferenceSession,
    readonly executionProvider: string,
    readonly fallbacks: readonly ProviderAttempt[],
  ) {
    this.inputs = session.inputMetadata.map(toTensorInfo);
    this.outputs = session.outputMetadata.map(toTensorInfo);
  }

  /** Validates the input against the model's declared shape, runs, and returns a copy of the output. */
  async run(inputName: string, input: FloatTensor, outputName: string, signal?: AbortSignal): Promise<FloatTensor> {
    if (this.disposed) throw new Error(`${this.modelPath}: the session is closed`);
    this.checkInput(inputName, input);
    if (!this.outputs.some((o) => o.name === outputName)) {
      throw new Error(`${this.modelPath}: no output named '${outputName}' (outputs: ${this.outputs.map((o) => o.name).join(', ')})`);
    }
    if (signal?.aborted) throw abortError('model run');
    const feed = new Tensor('float32', input.data, [...input.dims]);
    let results: InferenceSession.OnnxValueMapType | undefined;
    try {
      const pending = this.session.run({ [inputName]: feed }, [outputName]);
      this.running.add(pending);
      results = await pending.finally(() => this.running.delete(pending));
      const out = results[outputName] as Tensor;
      if (out.type !== 'float32') throw new Error(`${this.modelPath}: output '${outputName}' is ${out.type}, FaceGap needs float32`);
      return { data: new Float32Array(out.data as Float32Array), dims: [...out.dims] };
    } finally {
      feed.dispose();
      for (const value of Object.values(results ?? {})) (value as Tensor).dispose();
    }
  }

  /** Releases the native session once its running calls have finished (releasing under a running call is unsafe). */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.allSettled([...this.running]);
    await this.session.release();
  }

  // ORT aborts the process on some malformed feeds, so every property is checked here first.
  private checkInput(inputName: string, input: FloatTensor): void {
    const info = this.inputs.find((i) => i.name === inputName);
    const where = `${this.modelPath}: input '${inputName}'`;
    if (!info) throw new Error(`${this.modelPath}: no input named '${inputName}' (inputs: ${this.inputs.map((i) => i.name).join(', ')})`);
    if (info.type !== 'float32') throw new Error(`${where} takes ${info.type}; FaceGap feeds float32`);
    if (!(input.data instanceof Float32Array)) throw new Error(`${where}: data must be a Float32Array`);
    const dims = input.dims;
    if (!dims.every((d) => Number.isInteger(d) && d > 0)) throw new Error(`${where}: invalid dims [${dims.join(',')}]`);
    const count = dims.reduce((a, b) => a * b, 1);
    if (count !== input.data.length) throw new Error(`${where}: dims [${dims.join(',')}] need ${count} values, got ${input.data.length}`);
    if (info.dims.length !== dims.length) {
      throw new Error(`${where} has rank ${info.dims.length} [${info.dims.join(',')}], got rank ${dims.length} [${dims.join(',')}]`);
    }
    info.dims.forEach((d, i) => {
      if (typeof d === 'number' && d !== dims[i]) throw new Error(`${where} is [${info.dims.join(',')}], got [${dims.join(',')}]`);
    });
  }
}
