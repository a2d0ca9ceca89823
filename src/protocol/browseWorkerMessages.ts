import type { ReviewVerdict } from '../core/diff/diffTypes';
import type { DatasetPanelRequests, DatasetSnapshot, GalleryItem, ItemDetail } from './datasetPanelMessages';
import type { DiffPairView, DiffSnapshot, MarkUpdate } from './diffPanelMessages';
import type { DistSnapshot } from './distributionPanelMessages';
import type { MaskSnapshot } from './maskViewMessages';
import type { ReportSnapshot } from './reportPanelMessages';
import type { SchemaView } from './viewTypes';

/** What the browse worker is started with (its workerData), so a restarted worker is configured the same way. */
export interface BrowseWorkerConfig {
  /** Folder of the gallery's thumbnail cache: the caller's, never a dataset folder. */
  readonly thumbnailDir: string;
  /** Longest side of a gallery thumbnail in pixels (192 by default). */
  readonly thumbnailMaxSide?: number;
  /** Gallery thumbnails made at a time (2 by default). */
  readonly thumbnailConcurrency?: number;
  /** Folder of the dataset scans kept between openings: the caller's, never a dataset folder ("dataset-index" beside thumbnailDir by default). */
  readonly scanCacheDir?: string;
}

/** A dataset folder opened in the worker: what the gallery shows of it. */
export interface OpenedDataset {
  /** The folder as the worker knows it; later requests name the dataset by it. */
  readonly root: string;
  readonly formatTitle: string;
  readonly schema: SchemaView;
  readonly schemaReason: string;
  readonly items: readonly GalleryItem[];
  readonly problems: DatasetSnapshot['problems'];
}

/** A dataset scanned again after its files changed: the new gallery, or `changed: false` when nothing the scan looked at changed. */
export type RefreshedDataset =
  | { readonly changed: false }
  | {
      readonly changed: true;
      readonly dataset: OpenedDataset;
      /** Folders listed anew and folders answered from the earlier scan (unchanged). */
      readonly listed: number;
      readonly reused: number;
    };

/** The detail view's pixels of one item, with the image as a file (the host turns it into a webview URI); the label buffers are transferred. */
export type BrowsedDetail = Omit<ItemDetail, 'id' | 'imageUri'> & {
  /** The item's image file (absolute). */
  readonly imagePath: string;
};

/** A diff folder opened in the worker: the diff panel's snapshot but for its title. */
export type OpenedDiff = Omit<DiffSnapshot, 'title'>;

/** A distribution folder read in the worker: the distribution panel's snapshot but for its title. */
export type OpenedDistribution = Omit<DistSnapshot, 'title'>;

/** One gallery thumbnail: its file in the cache, or an error naming the image. */
export interface ThumbnailFile {
  readonly id: string;
  readonly file?: string;
  readonly error?: string;
}

/** Requests the extension host sends to the browse worker; datasets are named by the root openDataset answered. */
export type BrowseWorkerRequests = {
  /** Scans a folder and chooses its schema (schemaId overrides the choice); rejects with an error naming the folder, its name kept (e.g. 'SchemaUnknownError'). */
  openDataset: { params: { readonly root: string; readonly schemaId?: string }; result: OpenedDataset };
  /** Checks an opened dataset's files with stats and scans again what changed (its runs are then read again); rejects like openDataset. */
  refreshDataset: { params: { readonly root: string }; result: RefreshedDataset };
  /** Forgets an opened dataset and its runs; closing one that is not open is not an error. */
  closeDataset: { params: { readonly root: string }; result: void };
  /** Gallery thumbnails (made lazily, cached on disk) as cache file paths; an unknown id gets an error, not a rejection. */
  thumbnails: { params: { readonly root: string; readonly ids: readonly string[] }; result: ThumbnailFile[] };
  /** Ground truth, and with `run` the run's prediction and scores, of one item; an unknown id rejects. */
  detail: { params: { readonly root: string; readonly id: string; readonly run?: string }; result: BrowsedDetail };
  /** Per-image scores of a run by item id. */
  runMetrics: { params: { readonly root: string; readonly run: string }; result: DatasetPanelRequests['runMetrics']['result'] };
  /** Items where a run predicted `pred` for ground-truth `gt`, most pixels first. */
  confusionImages: {
    params: { readonly root: string; readonly run: string; readonly gt: number; readonly pred: number };
    result: DatasetPanelRequests['confusionImages']['result'];
  };
  /** Drops a run kept open for a dataset, so the next request reads it again (it changed on disk). */
  forgetRun: { params: { readonly root: string; readonly run: string }; result: void };
  /** The report of runs (the first is the reference); each worst image's thumbnailUri holds a file path under thumbnailDir. */
  reportSnapshot: {
    params: { readonly runDirs: readonly string[]; readonly title: string; readonly worst: number; readonly thumbnailDir: string };
    result: ReportSnapshot;
  };
  /** A label PNG for the mask viewer; the pixel buffer is transferred. */
  maskFile: { params: { readonly file: string }; result: MaskSnapshot };
  /** Reads a diff folder (again, when it is open: it may have changed): diff.json, the review queue and the marks; rejects naming the file. */
  openDiff: { params: { readonly dir: string }; result: OpenedDiff };
  /** Forgets an opened diff folder; closing one that is not open is not an error. */
  closeDiff: { params: { readonly dir: string }; result: void };
  /** The pixels of one compared pair (the buffers are transferred); an id the diff did not compare rejects. */
  diffPair: { params: { readonly dir: string; readonly id: string }; result: DiffPairView };
  /** Sets or (null verdict) clears an image's mark and saves review.json atomically before answering. */
  setReviewMark: { params: { readonly dir: string; readonly id: string; readonly verdict: ReviewVerdict | null; readonly note: string }; result: MarkUpdate };
  /** Writes review.csv beside the diff; answers with its path. */
  exportReviewCsv: { params: { readonly dir: string }; result: { readonly file: string } };
  /** Reads a distribution folder: dist.json (checked) and the matched subset's size; rejects naming the file. */
  openDistribution: { params: { readonly dir: string }; result: OpenedDistribution };
};

/** Events the browse worker sends unasked (none). */
export type BrowseWorkerEvents = never;
