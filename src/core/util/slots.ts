/** A first-come, first-served counting semaphore: at most `size` holders at once. */
export class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    if (!(size >= 1)) throw new Error(`Slots: size must be at least 1 (got ${size})`);
    this.free = Math.floor(size);
  }

  /** Resolves once a slot is held; rejects with an AbortError when the signal fires first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError('waiting for a slot'));
    if (this.free > 0 && this.waiting.length === 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(abortError('waiting for a slot'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  /** Gives a slot back, to the longest waiter when there is one. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

function abortError(what: string): Error {
  const error = new Error(`${what} was aborted`);
  error.name = 'AbortError';
  return error;
}
