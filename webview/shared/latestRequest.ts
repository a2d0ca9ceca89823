import { isAbortError } from '../../src/protocol/rpc';

/** Keeps one request of a kind in flight: starting a new one aborts the previous, so only the latest answer lands. */
export class LatestRequest {
  private controller: AbortController | undefined;

  /** Runs `send` with a fresh signal; resolves `{ value }`, or undefined when it was aborted or superseded. Other errors reject. */
  async run<T>(send: (signal: AbortSignal) => Promise<T>): Promise<{ readonly value: T } | undefined> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const value = await send(controller.signal);
      return this.controller === controller && !controller.signal.aborted ? { value } : undefined;
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) return undefined;
      throw error;
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Aborts the request in flight, if any. */
  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}
