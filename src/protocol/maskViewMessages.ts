import type { LabelPixels, SchemaView } from './viewTypes';

/** A label PNG as the read-only mask viewer shows it. */
export interface MaskSnapshot {
  /** The file's name (escape before use in HTML). */
  readonly file: string;
  readonly pixels: LabelPixels;
  /** The schema the ids are read in, and why that one. */
  readonly schema: SchemaView;
  readonly schemaReason: string;
  /** Pixel count per id present in the mask (ids outside the schema included). */
  readonly counts: ReadonlyArray<{ readonly id: number; readonly pixels: number }>;
  /** What could not be read or is odd, naming the file. */
  readonly notes: readonly string[];
}

/** Requests the mask viewer webview sends to the host. */
export type MaskViewRequests = {
  /** The webview is ready; the host answers with the mask (or rejects with an error naming the file). */
  ready: { params: Record<never, never>; result: MaskSnapshot };
};

/** Events the host sends to the mask viewer unasked: the file changed on disk. */
export type MaskViewEvents = { readonly type: 'didChangeMask'; readonly snapshot: MaskSnapshot };
