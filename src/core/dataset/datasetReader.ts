import type { FileAccess } from '../ports/fileAccess';
import type { DatasetFormatId, DatasetIndex } from './datasetIndex';

/** How well a folder matches a reader's layout; higher wins. */
export interface LayoutMatch {
  readonly score: number;
  /** What was found, in a few words ("1,024 {id}.png/{id}_seg.png pairs"). */
  readonly evidence: string;
}

/** A reader for one dataset layout. */
export interface DatasetReader {
  readonly format: DatasetFormatId;
  /** What the reader looks for, shown when no reader matches a folder. */
  readonly looksFor: string;
  /** Checks a folder cheaply (listings only); undefined when it does not match. */
  detect(files: FileAccess, root: string): Promise<LayoutMatch | undefined>;
  /** Lists the dataset's items and the problems found while pairing files. */
  index(files: FileAccess, root: string, signal?: AbortSignal): Promise<DatasetIndex>;
}
