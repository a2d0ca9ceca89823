/** One caller waiting for a job's result. */
interface Waiter<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
  detach: () => void;
}

/** A unit of work and everyone waiting for it. */
interface Job<T> {
  readonly key: string;
  readonly work: () => Promise<T>;
  started: boolean;
  readonly waiters: Set<Waiter<T>>;
}

/** The error a caller gets when its signal fires before the work starts. */
export function abortedBeforeStart(): Error {
  return new DOMException('aborted before the work started', 'AbortError');
}

/**
 * Runs keyed work with at most `limit` jobs at a time, in order of request. A request for a key that is queued or
 * running joins that job instead of starting another. Results are not kept once a job has settled.
 */
export class KeyedWorkQueue<T> {
  private readonly jobs = new Map<string, Job<T>>();
  private readonly waiting: Job<T>[] = [];
  private running = 0;
  /** One abort listener per signal, whatever the number of its waiters (a screen of thumbnails shares one request's signal). */
  private readonly abortCallbacks = new Map<AbortSignal, { readonly callbacks: Set<() => void>; readonly listener: () => void }>();

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, got ${limit}`);
  }

  /** Jobs started and not yet settled. */
  get active(): number {
    return this.running;
  }

  /**
   * The result of `work` for `key` (an existing job's, when one is queued or running). A signal that fires before the
   * job starts rejects this caller with an AbortError, and drops the job when nobody else waits for it; once the job
   * has started, the caller gets its result whatever the signal says.
   */
  run(key: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortedBeforeStart());
    let job = this.jobs.get(key);
    if (!job) {
      job = { key, work, started: false, waiters: new Set() };
      this.jobs.set(key, job);
      this.waiting.push(job);
    }
    const joined = job;
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { resolve, reject, detach: () => {} };
      if (signal) {
        waiter.detach = this.onAbort(signal, () => {
          if (joined.started) return;
          joined.waiters.delete(waiter);
          reject(abortedBeforeStart());
          if (joined.waiters.size === 0) this.drop(joined);
        });
      }
      joined.waiters.add(waiter);
      this.pump();
    });
  }

  /** Calls `callback` when the signal fires; returns what removes it (and the signal's listener with its last callback). */
  private onAbort(signal: AbortSignal, callback: () => void): () => void {
    let entry = this.abortCallbacks.get(signal);
    if (!entry) {
      const callbacks = new Set<() => void>();
      const listener = (): void => {
        this.abortCallbacks.delete(signal);
        for (const c of [...callbacks]) c();
      };
      entry = { callbacks, listener };
      this.abortCallbacks.set(signal, entry);
      signal.addEventListener('abort', listener, { once: true });
    }
    const { callbacks, listener } = entry;
    callbacks.add(callback);
    return () => {
      callbacks.delete(callback);
      if (callbacks.size > 0 || this.abortCallbacks.get(signal)?.callbacks !== callbacks) return;
      this.abortCallbacks.delete(signal);
      signal.removeEventListener('abort', listener);
    };
  }

  private drop(job: Job<T>): void {
    this.jobs.delete(job.key);
    const at = this.waiting.indexOf(job);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  private pump(): void {
    while (this.running < this.limit && this.waiting.length > 0) this.start(this.waiting.shift()!);
  }

  private start(job: Job<T>): void {
    job.started = true;
    this.running++;
    const settle = (deliver: (waiter: Waiter<T>) => void): void => {
      this.running--;
      this.jobs.delete(job.key);
      for (const waiter of job.waiters) {
        waiter.detach();
        deliver(waiter);
      }
      this.pump();
    };
    Promise.resolve()
      .then(job.work)
      .then(
        (value) => settle((w) => w.resolve(value)),
        (error: unknown) => settle((w) => w.reject(error)),
      );
  }
}
