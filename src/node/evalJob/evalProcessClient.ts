import { join } from 'node:path';
import type { DiffJob, DiffJobResult, DistJob, DistJobResult, EvalJob, EvalJobEvents, EvalJobRequests, EvalJobResult } from '../../protocol/evalJobMessages';
import { abortError, RpcEndpoint } from '../../protocol/rpc';
import type { ChildConnection } from './childConnection';
import { forkChild, stopChild } from './childConnection';

type EvalEndpoint = RpcEndpoint<EvalJobRequests, EvalJobEvents>;

interface Connection extends ChildConnection {
  readonly rpc: EvalEndpoint;
}

/** Options of EvalProcessClient. */
export interface EvalProcessClientOptions {
  /** Node flags for the child; none by default, so the host's own flags (inspector, loaders) are not inherited. */
  readonly execArgv?: readonly string[];
  /** How long dispose() waits for the child to exit before SIGKILL; 5 s by default. */
  readonly killAfterMs?: number;
}

/** Options of one run. */
export interface EvalJobRunOptions {
  /** Aborting rejects the run at once with an AbortError; the child stops after the images in flight, and a rerun resumes. */
  readonly signal?: AbortSignal;
  /** The run's events: 'ready', throttled 'progress', and 'log' lines (the child's stdout and stderr among them). */
  readonly onEvent?: (event: EvalJobEvents) => void;
}

/** Where the bundled evaluation process lies: `<distDir>/evalProcess.js`, beside inferenceWorker.js. */
export function defaultEvalProcessPath(distDir: string): string {
  return join(distDir, 'evalProcess.js');
}

/**
 * Runs evaluation jobs in one lazily forked child process, so that neither the work nor a native crash reaches the
 * caller's process. Jobs run one at a time: run() queues behind the running job, and after a cancel the next job
 * starts only once the child has finished the cancelled one's cleanup, so each job's events reach its own onEvent.
 * A child that dies fails its run and is forked again by the next one.
 */
export class EvalProcessClient {
  private current: Connection | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private listener: ((event: EvalJobEvents) => void) | undefined;
  private disposed = false;

  constructor(
    private readonly scriptPath: string,
    private readonly options: EvalProcessClientOptions = {},
  ) {}

  /** The child's process id, while a child is running. */
  get pid(): number | undefined {
    return this.current?.child.pid;
  }

  /** Runs one job; rejects with the child's error, an AbortError, or an error naming the exit code or signal of a child that died. */
  run(job: EvalJob, options: EvalJobRunOptions = {}): Promise<EvalJobResult> {
    return this.enqueue('evaluate', (rpc, signal) => rpc.request({ type: 'evaluate', job }, signal ? { signal } : {}), options);
  }

  /** Computes one label diff, queued with the evaluations; rejects as run() does. */
  diff(job: DiffJob, options: EvalJobRunOptions = {}): Promise<DiffJobResult> {
    return this.enqueue('diff', (rpc, signal) => rpc.request({ type: 'diff', job }, signal ? { signal } : {}), options);
  }

  /** Compares two datasets' distributions, queued with the evaluations; rejects as run() does. */
  distribution(job: DistJob, options: EvalJobRunOptions = {}): Promise<DistJobResult> {
    return this.enqueue('distribution', (rpc, signal) => rpc.request({ type: 'distribution', job }, signal ? { signal } : {}), options);
  }

  /** Rejects pending runs, asks the child to exit (by closing its IPC channel) and kills it if it has not after the grace time. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const conn = this.current;
    this.current = undefined;
    if (!conn) return;
    conn.rpc.dispose(new Error('the evaluation process client was disposed'));
    await stopChild(conn.child, this.options.killAfterMs ?? 5000);
  }

  /** Queues a job behind the running one; a job aborted while it waits rejects at once and never starts. */
  private enqueue<T>(what: string, send: (rpc: EvalEndpoint, signal?: AbortSignal) => Promise<T>, options: EvalJobRunOptions): Promise<T> {
    const turn = this.queue.then(() => this.runNow(what, send, options));
    this.queue = turn.catch(() => undefined);
    const signal = options.signal;
    if (!signal) return turn;
    let onAbort: () => void = () => undefined;
    const aborted = new Promise<never>((_, reject) => (onAbort = () => reject(abortError(`'${what}' request`))));
    signal.addEventListener('abort', onAbort, { once: true });
    return Promise.race([turn, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
  }

  private async runNow<T>(what: string, send: (rpc: EvalEndpoint, signal?: AbortSignal) => Promise<T>, options: EvalJobRunOptions): Promise<T> {
    if (this.disposed) throw new Error('the evaluation process client is disposed');
    if (options.signal?.aborted) throw abortError(`'${what}' request`);
    await this.connection().whenIdle();
    const conn = this.connection(); // The child may have died while finishing a cancelled job.
    this.listener = options.onEvent;
    try {
      return await send(conn.rpc, options.signal);
    } finally {
      this.listener = undefined;
    }
  }

  private connection(): Connection {
    if (this.disposed) throw new Error('the evaluation process client is disposed');
    if (this.current) return this.current;
    const emit = (event: EvalJobEvents): void => this.listener?.(event);
    const forked = forkChild(this.scriptPath, this.options.execArgv ?? [], {
      line: (line) => emit({ type: 'log', line }),
      gone: (error) => {
        if (this.current === conn) this.current = undefined;
        rpc.dispose(error);
      },
    });
    const rpc: EvalEndpoint = new RpcEndpoint(forked.transport);
    rpc.onEvent(emit);
    const conn: Connection = { ...forked, rpc };
    this.current = conn;
    return conn;
  }
}
