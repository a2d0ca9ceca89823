import { evenSample, meanAbsDifference, PICTURE_SAMPLE, PICTURE_SIZE, pictureNotes, picturesDiffer, type PictureComparison } from '../../core/diff/pictureCheck';
import type { NodeAdapters } from '../nodeAdapters';
import type { LabelSide } from './labelSide';

async function shrunk(file: string, adapters: NodeAdapters, signal?: AbortSignal) {
  const bytes = await adapters.files.readBytes(file, signal);
  return adapters.decoder.decodeRgb(bytes, file, { size: { width: PICTURE_SIZE, height: PICTURE_SIZE }, kernel: 'linear' });
}

/**
 * Looks at a sample of the paired ids' pictures, where both sides know theirs (two folders of the same images; not a
 * run's ground truth against its own predictions, which share one file). Pictures that cannot be read are left out:
 * the labels are what is compared.
 */
export async function checkPictures(
  pairs: ReadonlyArray<readonly [string, string]>,
  a: LabelSide,
  b: LabelSide,
  adapters: NodeAdapters,
  signal?: AbortSignal,
): Promise<{ notes: string[]; differ: boolean }> {
  const checked: PictureComparison[] = [];
  for (const [idA, idB] of evenSample(pairs, PICTURE_SAMPLE)) {
    const fileA = a.imageOf(idA);
    const fileB = b.imageOf(idB);
    if (!fileA || !fileB || fileA === fileB) continue;
    try {
      const [pa, pb] = await Promise.all([shrunk(fileA, adapters, signal), shrunk(fileB, adapters, signal)]);
      checked.push({ idA, fileA, fileB, difference: meanAbsDifference(pa, pb) });
    } catch {
      signal?.throwIfAborted();
    }
  }
  return { notes: pictureNotes(checked, pairs.length), differ: picturesDiffer(checked) };
}
