import type { MappingDirection, ReviewVerdict } from '../../src/protocol/diffPanelMessages';
import { savedState, vscodeApi } from '../shared/vscodeApi';

/** Which part of the panel is shown. */
export type DiffTab = 'summary' | 'review';

/** Which images the review list shows. */
export type ReviewFilter = 'all' | 'unmarked' | ReviewVerdict;

/** What the detail canvas shows: A, B, their difference, or all three side by side. */
export type PairLayer = 'a' | 'b' | 'diff' | 'side';

/** What the diff panel remembers across reloads; the marks themselves live in review.json. */
export interface DiffUiState {
  /** The diff folder (the host restores the panel after a window reload from it). */
  dir?: string;
  tab: DiffTab;
  currentId?: string;
  filter: ReviewFilter;
  layer: PairLayer;
  mapping?: MappingDirection;
}

const FILTERS: readonly string[] = ['all', 'unmarked', 'error-a', 'error-b', 'convention', 'fine'];
const LAYERS: readonly string[] = ['a', 'b', 'diff', 'side'];

/** Reads the saved state, keeping only well-formed fields. */
export function loadDiffUiState(): DiffUiState {
  const saved = savedState<DiffUiState>() ?? {};
  const state: DiffUiState = {
    tab: saved.tab === 'review' ? 'review' : 'summary',
    filter: typeof saved.filter === 'string' && FILTERS.includes(saved.filter) ? saved.filter : 'all',
    layer: typeof saved.layer === 'string' && LAYERS.includes(saved.layer) ? saved.layer : 'diff',
  };
  if (typeof saved.dir === 'string') state.dir = saved.dir;
  if (typeof saved.currentId === 'string') state.currentId = saved.currentId;
  if (saved.mapping === 'aToB' || saved.mapping === 'bToA') state.mapping = saved.mapping;
  return state;
}

/** Persists the state with VS Code. */
export function saveDiffUiState(state: DiffUiState): void {
  vscodeApi().setState({ ...state });
}
