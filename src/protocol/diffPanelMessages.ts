import type { DiffRecord, ReviewMark, ReviewVerdict } from '../core/diff/diffTypes';
import type { VerdictCounts } from '../core/diff/reviewMarks';
import type { LabelPixels, RgbPixels, SchemaView } from './viewTypes';

// The webview reaches the diff's record types only through the protocol.
export type { ClassDiff, DiffFinding, DiffRecord, ReviewMark, ReviewVerdict, SuggestedMapping } from '../core/diff/diffTypes';
export type { VerdictCounts } from '../core/diff/reviewMarks';

/** One image of the review queue: how much the two sides disagree on it, and the reviewer's mark. */
export interface ReviewEntryView {
  /** A's item id. */
  readonly id: string;
  /** Share of pixels labelled on both sides where they disagree, 0–1. */
  readonly disagreement: number;
  /** The image file, when a side knows one (for display; escape before use in HTML). */
  readonly image?: string;
  readonly mark?: ReviewMark;
}

/** Everything the diff panel shows first; the host owns it and resends it whole when it changes. */
export interface DiffSnapshot {
  /** The diff folder (absolute). */
  readonly dir: string;
  readonly title: string;
  /** diff.json: sides, protocol, matching, findings and the summary. */
  readonly record: DiffRecord;
  /** The label schemas of A and B, for colours, names and the hover readout. */
  readonly schemaA: SchemaView;
  readonly schemaB: SchemaView;
  /** Every compared image, most disagreement first. */
  readonly queue: readonly ReviewEntryView[];
  readonly counts: VerdictCounts;
  /** Problems met reading the diff folder, each naming the file. */
  readonly notes: readonly string[];
}

/** The pixels of one compared pair, all at A's label size. */
export interface DiffPairView {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** A in A's schema. */
  readonly a: LabelPixels;
  /** B in B's own schema, resampled onto A's size. */
  readonly b: LabelPixels;
  /** B crosswalked into A's ids: where it differs from `a`, the sides disagree. */
  readonly bInA: LabelPixels;
  /** The image, stretched to A's size, when a side knows one. */
  readonly image?: RgbPixels;
  /** Why a part is missing, each naming the file. */
  readonly notes: readonly string[];
}

/** A mark as saved: the image's new mark (absent when cleared) and the counts after it. */
export interface MarkUpdate {
  readonly id: string;
  readonly mark?: ReviewMark;
  readonly counts: VerdictCounts;
}

/** Which suggested crosswalk to save: A's classes onto B's, or B's onto A's. */
export type MappingDirection = 'aToB' | 'bToA';

/** Requests the diff webview sends to the host. */
export type DiffPanelRequests = {
  /** The webview is ready; the host answers with the snapshot. */
  ready: { params: Record<never, never>; result: DiffSnapshot };
  /** The pixels of one compared pair (an id of the snapshot's queue). */
  pair: { params: { readonly id: string }; result: DiffPairView };
  /** Sets (or, with a null verdict, clears) an image's mark; the host saves review.json before it answers. */
  setMark: { params: { readonly id: string; readonly verdict: ReviewVerdict | null; readonly note: string }; result: MarkUpdate };
  /** Writes review.csv beside the diff and answers with its path. */
  exportCsv: { params: Record<never, never>; result: { readonly file: string } };
  /** Asks where to save a suggested crosswalk (a mapping file) and writes it; no file when the user dismissed the dialog. */
  exportMapping: { params: { readonly direction: MappingDirection }; result: { readonly file?: string } };
};

/** Events the host sends to the diff webview unasked. */
export type DiffPanelEvents =
  /** The diff changed on disk (it was computed again): a whole new snapshot. */
  { readonly type: 'didChangeSnapshot'; readonly snapshot: DiffSnapshot };
