/** A class of a label schema as the webviews show it. */
export interface ClassView {
  readonly id: number;
  readonly name: string;
  /** RGB, 0–255 per channel. */
  readonly color: readonly [number, number, number];
}

/** A label schema as the webviews show it. */
export interface SchemaView {
  readonly id: string;
  readonly title: string;
  readonly classes: readonly ClassView[];
}

/** A class-id raster sent to a webview: one byte per pixel, row-major; 255 = ignore; other ids outside the schema are drawn grey. */
export interface LabelPixels {
  readonly width: number;
  readonly height: number;
  /** Transferred, not copied; length width × height. */
  readonly ids: Uint8Array;
}

/** An 8-bit RGB image sent to a webview: interleaved R, G, B, row-major. */
export interface RgbPixels {
  readonly width: number;
  readonly height: number;
  /** Transferred, not copied; length width × height × 3. */
  readonly rgb: Uint8Array;
}

/** Scores of one image in one run (null where the image has no such score). */
export interface ImageMetrics {
  readonly meanF1: number | null;
  readonly mIoU: number | null;
  readonly pixelAccuracy: number | null;
  /** F1 by class name for the classes present in the image. */
  readonly classF1: Readonly<Record<string, number>>;
}

/** A finished run the user can pick, e.g. to sort a gallery by its per-image scores. */
export interface RunChoice {
  /** The run folder (absolute path); also the run's identity. */
  readonly dir: string;
  /** Short name: model or prediction folder, and when it finished. */
  readonly label: string;
  readonly meanF1: number | null;
  readonly status: string;
}

/** A gallery filter to images where ground-truth class `gt` was predicted as `pred` in a run. */
export interface ConfusionFilter {
  readonly run: string;
  readonly gt: number;
  readonly pred: number;
  /** Class names for the filter's caption. */
  readonly gtName: string;
  readonly predName: string;
}

/** The FaceGap webviews: each has its bundle dist/webview/<view>.js and stylesheet dist/webview/<view>.css. */
export type WebviewKind = 'dataset' | 'report' | 'mask' | 'diff' | 'distribution';
