import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FloatTensor, ModelOutput, ModelRunner, ModelSession, OpenModelOptions, ProviderAttempt, TensorInfo } from '../../core/ports/modelRunner';
import type { InferenceEvents, InferenceRequests, OpenedModel } from '../../protocol/inferenceMessages';
import { RpcEndpoint } from '../../protocol/rpc';
import { portTransport } from '../portTransport';

type InferenceEndpoint = RpcEndpoint<InferenceRequests, InferenceEvents>;

interface Connection {
  readonly worker: Worker;
  readonly rpc: InferenceEndpoint;
}

/** Options of WorkerModelRunner. */
export interface WorkerModelRunnerOptions {
  /** Node flags for the worker, e.g. ['--require', 'tsx/cjs'] to run the .ts entry in tests; inherits the process's when absent. */
  readonly execArgv?: string[];
}

/** Where the bundled worker lies next to the bundled CLI or extension: `<dir>/inferenceWorker.js`. */
export function defaultInferenceWorkerPath(dir: string): string {
  return join(dir, 'inferenceWorker.js');
}

/** Runs models in one lazily started worker thread; a crashed worker fails its pending calls and is replaced on the next open. */
export class WorkerModelRunner implements ModelRunner {
  private current: Connection | undefined;
  private disposed = false;

  constructor(
    private readonly workerPath: string,
    private readonly options: WorkerModelRunnerOptions = {},
  ) {}

  /** Opens a model in the worker; rejects with the worker's Error when the file is not a loadable ONNX model. */
  async open(modelPath: string, options: OpenModelOptions): Promise<ModelSession> {
    if (this.disposed) throw new Error('the model runner is disposed');
    const { rpc } = this.connection();
    const opened = await rpc.request({
      type: 'open',
      modelPath,
      executionProvider: options.executionProvider,
      ...(options.threads === undefined ? {} : { threads: options.threads }),
    });
    return new WorkerModelSession(rpc, opened);
  }

  /** Rejects pending calls, releases the worker's sessions (for at most RELEASE_TIMEOUT_MS) and terminates the worker. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const conn = this.current;
    this.current = undefined;
    if (!conn) return;
    const reason = new Error('the model runner was disposed');
    conn.rpc.rejectPending(reason);
    // Terminating a worker that still holds native sessions (WebGPU's above all) can abort the whole process.
    await releaseSessions(conn.rpc);
    conn.rpc.dispose(reason);
    await conn.worker.terminate();
  }

  private connection(): Connection {
    if (this.current) return this.current;
    const worker = new Worker(this.workerPath, this.options.execArgv ? { execArgv: this.options.execArgv } : {});
    const rpc: InferenceEndpoint = new RpcEndpoint(portTransport(worker));
    const conn: Connection = { worker, rpc };
    const stop = (reason: string): void => {
      if (this.current === conn) this.current = undefined;
      rpc.dispose(new Error(`the inference worker ${reason}; open the model again to restart it`));
    };
    worker.on('error', (e) => stop(`crashed: ${e instanceof Error ? e.message : String(e)}`));
    worker.on('exit', (code) => stop(`exited unexpectedly (exit code ${code})`));
    this.current = conn;
    return conn;
  }
}

const RELEASE_TIMEOUT_MS = 5000;

/** Asks the worker to release its sessions; a worker that is stuck or gone is terminated anyway after the timeout. */
async function releaseSessions(rpc: InferenceEndpoint): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, RELEASE_TIMEOUT_MS)));
  await Promise.race([rpc.request({ type: 'closeAll' }).catch(() => undefined), timeout]);
  clearTimeout(timer);
}

/** A model open in the worker. */
class WorkerModelSession implements ModelSession {
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  readonly executionProvider: string;
  readonly fallbacks: readonly ProviderAttempt[];
  private readonly sessionId: number;
  private closed = false;

  constructor(
    private readonly rpc: InferenceEndpoint,
    opened: OpenedModel,
  ) {
    this.sessionId = opened.sessionId;
    this.inputs = opened.inputs;
    this.outputs = opened.outputs;
    this.executionProvider = opened.executionProvider;
    this.fallbacks = opened.fallbacks;
  }

  /** Runs the model in the worker. The input's buffer is transferred, so `input.data` is unusable afterwards. */
  run(inputName: string, input: FloatTensor, outputName: string, signal?: AbortSignal): Promise<ModelOutput> {
    if (this.closed) return Promise.reject(new Error('the model session is closed'));
    const tensor = transferable(input);
    return this.rpc.request(
      { type: 'run', sessionId: this.sessionId, inputName, tensor, outputName },
      { ...(signal ? { signal } : {}), transfer: [tensor.data.buffer as ArrayBuffer] },
    );
  }

  /** Closes the session in the worker; a worker that is already gone has nothing left to close. */
  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.rpc.request({ type: 'close', sessionId: this.sessionId }).catch(() => undefined);
  }
}

/** The tensor itself when its array owns a whole ArrayBuffer; otherwise a copy, so a transfer moves no one else's data. */
function transferable(input: FloatTensor): FloatTensor {
  const { data } = input;
  const ownsBuffer = data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  return ownsBuffer ? input : { data: new Float32Array(data), dims: input.dims };
}
