/** The timer functions a ChangeDebouncer uses; tests pass fake ones. */
export interface DebounceTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: DebounceTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Turns a burst of change notices into one action: the action runs `delayMs` after the last notice, never twice at
 * once; notices that arrive while it runs make it run once more afterwards (they may have come too late for it).
 */
export class ChangeDebouncer {
  private timer: unknown;
  private running = false;
  private again = false;
  private disposed = false;

  constructor(
    private readonly action: () => Promise<void>,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly timers: DebounceTimers = realTimers,
  ) {}

  /** Notes a change. */
  notify(): void {
    if (this.disposed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => void this.run(), this.delayMs);
  }

  /** Drops a pending run; later notices are ignored. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    if (this.disposed) return;
    this.running = true;
    try {
      await this.action();
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      this.notify();
    }
  }
}
