import type { DatasetSnapshot } from '../../src/protocol/datasetPanelMessages';
import type { ConfusionFilter } from '../../src/protocol/viewTypes';

/** How the gallery is ordered: by file name, by a per-image score of the chosen run, or by one class's F1 ("class:skin"). */
export type SortKey = 'name' | 'meanF1' | 'mIoU' | 'pixelAccuracy' | `class:${string}`;

/** Overlay mode shows one stage with a chosen layer; side-by-side shows ground truth, prediction and errors at once. */
export type DetailMode = 'overlay' | 'sideBySide';

/** The layer drawn over the image in overlay mode. */
export type OverlayLayer = 'gt' | 'pred' | 'errors';

/** The host-sent arrival values (run, filter, item) already applied, so a reload does not apply them again. */
export interface SeenArrival {
  readonly run: string | null;
  readonly filter: string | null;
  readonly openItem: string | null;
}

/** The panel's UI state: everything the webview remembers across reloads; the host owns the data. */
export interface DatasetUiState {
  readonly selectedId: string | null;
  readonly scrollTop: number;
  readonly sortKey: SortKey;
  readonly descending: boolean;
  readonly filterText: string;
  readonly run: string | null;
  readonly confusion: ConfusionFilter | null;
  readonly detailOpen: boolean;
  /** Null: fit the image to the stage. */
  readonly zoom: number | null;
  readonly panX: number;
  readonly panY: number;
  readonly mode: DetailMode;
  readonly layer: OverlayLayer;
  /** Null: the default from the settings (the snapshot's overlayOpacity). */
  readonly opacity: number | null;
  readonly hiddenClasses: readonly number[];
  readonly seen: SeenArrival;
}

/** Builds the UI state from what setState saved (each field checked, a bad one replaced by its default). */
export function restoreUiState(saved: Partial<Record<keyof DatasetUiState, unknown>> | undefined): DatasetUiState {
  const s = saved ?? {};
  return {
    selectedId: stringOrNull(s.selectedId),
    scrollTop: finite(s.scrollTop, 0),
    sortKey: isSortKey(s.sortKey) ? s.sortKey : 'name',
    descending: s.descending === true,
    filterText: typeof s.filterText === 'string' ? s.filterText : '',
    run: stringOrNull(s.run),
    confusion: isConfusionFilter(s.confusion) ? s.confusion : null,
    detailOpen: s.detailOpen === true,
    zoom: typeof s.zoom === 'number' && s.zoom > 0 && Number.isFinite(s.zoom) ? s.zoom : null,
    panX: finite(s.panX, 0),
    panY: finite(s.panY, 0),
    mode: s.mode === 'sideBySide' ? 'sideBySide' : 'overlay',
    layer: s.layer === 'pred' || s.layer === 'errors' ? s.layer : 'gt',
    opacity: typeof s.opacity === 'number' && Number.isFinite(s.opacity) ? clampOpacity(s.opacity) : null,
    hiddenClasses: Array.isArray(s.hiddenClasses) ? s.hiddenClasses.filter((id): id is number => Number.isInteger(id)) : [],
    seen: isSeen(s.seen) ? s.seen : { run: null, filter: null, openItem: null },
  };
}

/** Applies the snapshot's run, filter and item to open, each only when the host sent a value not applied before. */
export function applyArrival(state: DatasetUiState, snapshot: DatasetSnapshot): DatasetUiState {
  const seen: SeenArrival = {
    run: snapshot.run ?? null,
    filter: snapshot.filter ? JSON.stringify(snapshot.filter) : null,
    openItem: snapshot.openItem ?? null,
  };
  let next: DatasetUiState = { ...state, seen };
  if (seen.run !== null && seen.run !== state.seen.run) next = { ...next, run: seen.run };
  // A new confusion filter shows its gallery (an item to open, below, still opens over it).
  if (snapshot.filter && seen.filter !== state.seen.filter) next = { ...next, confusion: snapshot.filter, run: snapshot.filter.run, detailOpen: false };
  if (seen.openItem !== null && seen.openItem !== state.seen.openItem) next = { ...next, selectedId: seen.openItem, detailOpen: true };
  return next;
}

/** Drops the parts of the UI state that the snapshot no longer supports (a run gone, an item deleted, a class unknown). */
export function validUiState(state: DatasetUiState, snapshot: DatasetSnapshot): DatasetUiState {
  const runs = new Set(snapshot.runs.map((r) => r.dir));
  const selectedKnown = state.selectedId !== null && snapshot.items.some((i) => i.id === state.selectedId);
  const classNames = new Set(snapshot.schema.classes.map((c) => c.name));
  const classIds = new Set(snapshot.schema.classes.map((c) => c.id));
  const sortKey = state.sortKey.startsWith('class:') && !classNames.has(state.sortKey.slice(6)) ? 'name' : state.sortKey;
  return {
    ...state,
    run: state.run !== null && runs.has(state.run) ? state.run : null,
    confusion: state.confusion && runs.has(state.confusion.run) ? state.confusion : null,
    selectedId: selectedKnown ? state.selectedId : null,
    detailOpen: state.detailOpen && selectedKnown,
    sortKey,
    hiddenClasses: state.hiddenClasses.filter((id) => classIds.has(id) || id === 255),
  };
}

/** Keeps an opacity within 0–1. */
export function clampOpacity(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isSortKey(value: unknown): value is SortKey {
  if (typeof value !== 'string') return false;
  return ['name', 'meanF1', 'mIoU', 'pixelAccuracy'].includes(value) || (value.startsWith('class:') && value.length > 6);
}

function isConfusionFilter(value: unknown): value is ConfusionFilter {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return typeof f.run === 'string' && Number.isInteger(f.gt) && Number.isInteger(f.pred) && typeof f.gtName === 'string' && typeof f.predName === 'string';
}

function isSeen(value: unknown): value is SeenArrival {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return [s.run, s.filter, s.openItem].every((v) => v === null || typeof v === 'string');
}
