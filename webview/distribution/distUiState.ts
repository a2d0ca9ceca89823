import { savedState, vscodeApi } from '../shared/vscodeApi';

/** What the distribution panel remembers across reloads. */
export interface DistUiState {
  /** The distribution folder (the host restores the panel after a window reload from it). */
  dir?: string;
  /** The attribute whose histogram is shown. */
  attribute?: string;
}

/** Reads the saved state, keeping only well-formed fields. */
export function loadDistUiState(): DistUiState {
  const saved = savedState<DistUiState>() ?? {};
  const state: DistUiState = {};
  if (typeof saved.dir === 'string') state.dir = saved.dir;
  if (typeof saved.attribute === 'string') state.attribute = saved.attribute;
  return state;
}

/** Persists the state with VS Code. */
export function saveDistUiState(state: DistUiState): void {
  vscodeApi().setState({ ...state });
}
