import { savedState, vscodeApi } from '../shared/vscodeApi';

/** Which way a table column is sorted. */
export type SortDirection = 'asc' | 'desc';

/** How heatmap cells map a row share to colour strength. */
export type HeatmapScale = 'log' | 'linear';

/** What the report panel remembers across reloads and snapshot changes. */
export interface ReportUiState {
  sortKey?: string;
  sortDir?: SortDirection;
  /** The run folder whose confusion matrix is shown. */
  heatmapRun?: string;
  heatmapScale: HeatmapScale;
  scrollY: number;
}

/** Reads the saved state, keeping only well-formed fields. */
export function loadReportUiState(): ReportUiState {
  const saved = savedState<ReportUiState>() ?? {};
  const state: ReportUiState = {
    heatmapScale: saved.heatmapScale === 'linear' ? 'linear' : 'log',
    scrollY: typeof saved.scrollY === 'number' && saved.scrollY >= 0 ? saved.scrollY : 0,
  };
  if (typeof saved.sortKey === 'string') state.sortKey = saved.sortKey;
  if (saved.sortDir === 'asc' || saved.sortDir === 'desc') state.sortDir = saved.sortDir;
  if (typeof saved.heatmapRun === 'string') state.heatmapRun = saved.heatmapRun;
  return state;
}

/** Persists the state with VS Code, so a hidden and re-shown panel looks the same. */
export function saveReportUiState(state: ReportUiState): void {
  vscodeApi().setState({ ...state });
}
