import type { FileAccess } from '../ports/fileAccess';
import { celebAMaskHqReader } from './celebAMaskHqReader';
import type { DatasetFormatId, DatasetIndex } from './datasetIndex';
import type { DatasetReader, LayoutMatch } from './datasetReader';
import { faceSyntheticsReader } from './faceSyntheticsReader';
import { genericReader } from './genericReader';
import { helenReader } from './helenReader';
import { lapaReader } from './lapaReader';

/** What the user told FaceGap about a dataset, overriding detection. */
export interface DatasetOverrides {
  readonly format?: DatasetFormatId;
  /** Images folder, relative to the dataset root (generic layout). */
  readonly imagesDir?: string;
  /** Masks folder, relative to the dataset root (generic layout). */
  readonly masksDir?: string;
}

/** Raised when a folder matches no known layout; the message lists what was looked for. */
export class UnrecognisedDatasetError extends Error {}

/** The readers in the order they are tried. */
export function datasetReaders(overrides: DatasetOverrides = {}): DatasetReader[] {
  const generic = genericReader({ images: overrides.imagesDir, masks: overrides.masksDir });
  return [faceSyntheticsReader, celebAMaskHqReader, lapaReader, helenReader, generic];
}

/** Detects a folder's layout and indexes it; throws UnrecognisedDatasetError listing every layout looked for. */
export async function openDataset(files: FileAccess, root: string, overrides: DatasetOverrides = {}, signal?: AbortSignal): Promise<DatasetIndex> {
  if ((await files.kind(root)) !== 'dir') throw new UnrecognisedDatasetError(`${root}: not a folder`);
  const readers = datasetReaders(overrides);
  const candidates = overrides.format ? readers.filter((r) => r.format === overrides.format) : readers;
  let best: { reader: DatasetReader; match: LayoutMatch } | undefined;
  for (const reader of candidates) {
    const match = await reader.detect(files, root);
    if (match && (!best || match.score > best.match.score)) best = { reader, match };
  }
  if (!best) {
    const lines = candidates.map((r) => `  - ${r.looksFor}`).join('\n');
    const what = overrides.format ? `the ${overrides.format} layout` : 'any known dataset layout';
    throw new UnrecognisedDatasetError(`${root}: does not match ${what}. Looked for:\n${lines}\nFor other layouts pass --images <dir> --masks <dir> (and --schema <id>).`);
  }
  return best.reader.index(files, root, signal);
}
