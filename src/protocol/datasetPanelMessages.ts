import type { ConfusionFilter, ImageMetrics, LabelPixels, RunChoice, SchemaView } from './viewTypes';

/** One image of the dataset as the gallery lists it. */
export interface GalleryItem {
  /** Dataset item id ("test/0001"). */
  readonly id: string;
  /** Image file, relative to the dataset root (for display; escape before use in HTML). */
  readonly file: string;
  readonly hasLabel: boolean;
}

/** Everything the dataset panel shows first; the host owns it and resends it whole when it changes. */
export interface DatasetSnapshot {
  readonly root: string;
  /** The dataset folder's name. */
  readonly title: string;
  readonly formatTitle: string;
  readonly schema: SchemaView;
  readonly schemaReason: string;
  readonly items: readonly GalleryItem[];
  /** Problems found while scanning, each naming the file. */
  readonly problems: ReadonlyArray<{ readonly file: string; readonly problem: string }>;
  readonly runs: readonly RunChoice[];
  /** The run whose predictions and scores the panel shows, if any. */
  readonly run?: string;
  /** A confusion filter to apply on arrival (from a click in the report). */
  readonly filter?: ConfusionFilter;
  /** An item to open on arrival. */
  readonly openItem?: string;
  /** Default overlay opacity from the settings, 0–1. */
  readonly overlayOpacity: number;
  /** False in an untrusted workspace: evaluation is off. */
  readonly trusted: boolean;
}

/** The pixels of one image for the detail view. */
export interface ItemDetail {
  readonly id: string;
  /** Webview URI of the full image. */
  readonly imageUri: string;
  /** Size of the rasters below (the run's scoring size, else the label's size, else the image's). */
  readonly width: number;
  readonly height: number;
  /** Ground truth in the dataset's schema. */
  readonly gt?: LabelPixels;
  /** The run's prediction, mapped into the dataset's schema. */
  readonly pred?: LabelPixels;
  readonly metrics?: ImageMetrics;
  /** Why a part is missing, each naming the file. */
  readonly notes: readonly string[];
}

/** Requests the dataset webview sends to the host. */
export type DatasetPanelRequests = {
  /** The webview is ready; the host answers with the snapshot. */
  ready: { params: Record<never, never>; result: DatasetSnapshot };
  /** Thumbnails for these items (made lazily and cached on disk); each is a webview URI, or an error naming the file. */
  thumbnails: {
    params: { readonly ids: readonly string[] };
    result: ReadonlyArray<{ readonly id: string; readonly uri?: string; readonly error?: string }>;
  };
  /** Per-image scores of a run, by item id (items the run did not score are absent). */
  runMetrics: { params: { readonly run: string }; result: Readonly<Record<string, ImageMetrics>> };
  /** Ids of the images where a run predicted `pred` for ground-truth `gt`, with the pixel count, most first. */
  confusionImages: {
    params: { readonly run: string; readonly gt: number; readonly pred: number };
    result: ReadonlyArray<{ readonly id: string; readonly pixels: number }>;
  };
  /** The detail view's pixels for one image, with a run's prediction when `run` is given. */
  detail: { params: { readonly id: string; readonly run?: string }; result: ItemDetail };
  /** Runs the evaluate command on this dataset (asks for a model). */
  evaluate: { params: Record<never, never>; result: void };
  /** Opens a run's report. */
  openReport: { params: { readonly run: string }; result: void };
};

/** Events the host sends to the dataset webview unasked. */
export type DatasetPanelEvents =
  /** The dataset or its runs changed (a new run finished, files changed): a whole new snapshot. */
  | { readonly type: 'didChangeSnapshot'; readonly snapshot: DatasetSnapshot }
  /** Images of the gallery changed in place (the items stayed the same): thumbnails and the open image are fetched again. */
  | { readonly type: 'didChangeFiles' }
  /** Show this filter and item (the panel was revealed from the report). */
  | { readonly type: 'didRequestView'; readonly run?: string; readonly filter?: ConfusionFilter; readonly openItem?: string };
