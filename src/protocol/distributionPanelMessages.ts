import type { DistRecord } from '../core/distribution/distTypes';

// The webview reaches the distribution record's types only through the protocol.
export type {
  AttributeComparison,
  AttributeDef,
  DistRecord,
  DistSideRecord,
  DistSummary,
  FeatureDistances,
  GapDecompositionRecord,
  Histogram,
  MatchingResult,
  SideStats,
  SliceRecord,
} from '../core/distribution/distTypes';

/** Everything the distribution panel shows; the host owns it and resends it whole when it changes. */
export interface DistSnapshot {
  /** The distribution folder (absolute). */
  readonly dir: string;
  readonly title: string;
  /** dist.json: sides, attributes, comparison, features, matching, slices. */
  readonly record: DistRecord;
  /** Images in the matched subset file (matched-subset-a.txt), or null when the folder has none. */
  readonly subsetImages: number | null;
  /** Problems met reading the folder, each naming the file. */
  readonly notes: readonly string[];
}

/** What a figure is exported as: an SVG document (text) or a PNG (a data: URL). */
export type FigureFormat = 'svg' | 'png';

/** Requests the distribution webview sends to the host. */
export type DistributionPanelRequests = {
  /** The webview is ready; the host answers with the snapshot. */
  ready: { params: Record<never, never>; result: DistSnapshot };
  /** Asks where to save the matched subset of A (default: the folder's matched-subset-a.txt), copies it there and reveals it. */
  exportSubset: { params: Record<never, never>; result: { readonly file?: string } };
  /**
   * Asks where to save a figure and writes it; `name` suggests the file name (e.g. "effects"), `data` is the SVG
   * document or the PNG data: URL. No file when the user dismissed the dialog.
   */
  exportFigure: { params: { readonly name: string; readonly format: FigureFormat; readonly data: string }; result: { readonly file?: string } };
};

/** Events the host sends to the distribution webview unasked. */
export type DistributionPanelEvents =
  /** The comparison changed on disk (it was computed again): a whole new snapshot. */
  { readonly type: 'didChangeSnapshot'; readonly snapshot: DistSnapshot };
