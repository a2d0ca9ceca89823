import { datasetReaders } from '../../core/dataset/openDataset';
import type { FileAccess } from '../../core/ports/fileAccess';
import { isRunFolder } from './runSides';

/** What a folder named as a diff side is: a `facegap eval` run folder, a dataset in a known layout, or a bare mask folder. */
export type SideFolderKind = 'run' | 'dataset' | 'masks';

/** Decides from the folder's contents: a run.json of kind facegap-eval-run → run; a recognised dataset layout → dataset; else masks. */
export async function detectSideKind(path: string, files: FileAccess): Promise<SideFolderKind> {
  const kind = await files.kind(path);
  if (kind === 'missing') throw new Error(`${path}: not found`);
  if (kind !== 'dir') throw new Error(`${path}: not a folder; give a dataset folder, a run folder of facegap eval, or a folder of masks`);
  if (await isRunFolder(path, { files })) return 'run';
  for (const reader of datasetReaders()) {
    if (await reader.detect(files, path)) return 'dataset';
  }
  return 'masks';
}
