import type { DatasetUiState } from './uiState';

/** Holds the UI state and saves it (debounced) whenever it changes; scrolling and zooming change it often. */
export class UiStateStore {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private state: DatasetUiState,
    private readonly save: (state: DatasetUiState) => void,
    private readonly delayMs = 150,
  ) {}

  /** The current state. */
  get(): DatasetUiState {
    return this.state;
  }

  /** Merges a change in and schedules a save. */
  update(patch: Partial<DatasetUiState>): void {
    this.replace({ ...this.state, ...patch });
  }

  /** Replaces the whole state and schedules a save. */
  replace(state: DatasetUiState): void {
    this.state = state;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save(this.state);
    }, this.delayMs);
  }
}
