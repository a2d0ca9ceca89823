/** Passes on at most one value per interval, the latest one; a value held back goes out when the interval ends or on flush(). */
export class ProgressThrottle<T> {
  private pending: { value: T } | undefined;
  private lastEmit = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (value: T) => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Emits the value now if the interval has passed, otherwise keeps it (replacing an older one) until it has. */
  push(value: T): void {
    this.pending = { value };
    const wait = this.lastEmit + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Emits the value held back, if any, at once; call it when the stream ends so the last value is never lost. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const held = this.pending;
    this.pending = undefined;
    if (!held) return;
    this.lastEmit = this.now();
    this.emit(held.value);
  }
}
