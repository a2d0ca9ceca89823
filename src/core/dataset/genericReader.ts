import type { DirEntry, FileAccess } from '../ports/fileAccess';
import { joinPath } from '../util/paths';
import type { DatasetIndex, DatasetProblem } from './datasetIndex';
import type { DatasetReader, LayoutMatch } from './datasetReader';
import { count, filesByStem, IMAGE_EXTENSIONS, MASK_EXTENSIONS, pairStems, reportUnpaired } from './filePairing';

/** Folder names taken as the images side of a generic dataset. */
export const IMAGE_DIR_NAMES = ['images', 'image', 'imgs', 'img', 'jpegimages', 'rgb', 'photos'];
/** Folder names taken as the masks side of a generic dataset. */
export const MASK_DIR_NAMES = ['labels', 'label', 'masks', 'mask', 'annotations', 'segmentations', 'segmentationclass', 'seg', 'gt', 'parsing', 'parsings'];

/** Generic: an images folder and a masks folder paired by file stem; the schema comes from a flag or the masks. */
export function genericReader(folders?: { images?: string; masks?: string }): DatasetReader {
  return {
    format: 'generic',
    looksFor: `generic: an images folder (${IMAGE_DIR_NAMES.join(', ')}) and a masks folder (${MASK_DIR_NAMES.join(', ')}) paired by file stem`,
    async detect(files: FileAccess, root: string): Promise<LayoutMatch | undefined> {
      const pair = await findFolders(files, root, folders);
      if (!pair) return undefined;
      return { score: folders?.images && folders.masks ? 1000 : 50, evidence: `${pair.images}/ and ${pair.masks}/` };
    },
    async index(files: FileAccess, root: string): Promise<DatasetIndex> {
      const pair = await findFolders(files, root, folders);
      if (!pair) throw new Error(`${root}: no images and masks folders found`);
      const problems: DatasetProblem[] = [];
      const imageDir = joinPath(root, pair.images);
      const maskDir = joinPath(root, pair.masks);
      const images = filesByStem(imageDir, await files.list(imageDir), IMAGE_EXTENSIONS, problems);
      const masks = filesByStem(maskDir, await files.list(maskDir), MASK_EXTENSIONS, problems);
      const pairing = pairStems(images, masks);
      reportUnpaired(pairing, 'mask', problems);
      if (pairing.pairs.length === 0 && images.size > 0 && masks.size > 0) {
        problems.push({ file: maskDir, problem: `none of ${count(images.size)} images has a mask with the same file stem` });
      }
      return {
        root,
        format: 'generic',
        formatTitle: `image/mask folders (${pair.images}/ + ${pair.masks}/, paired by stem)`,
        items: pairing.pairs.map(({ stem, image, partner }) => ({ id: stem, imagePath: image, label: { kind: 'mask', path: partner } })),
        problems,
        notes: [],
      };
    },
  };
}

async function findFolders(
  files: FileAccess,
  root: string,
  given?: { images?: string; masks?: string },
): Promise<{ images: string; masks: string } | undefined> {
  const dirs = (await files.list(root)).filter((e) => e.kind === 'dir');
  const images = given?.images ?? pick(dirs, IMAGE_DIR_NAMES);
  const masks = given?.masks ?? pick(dirs, MASK_DIR_NAMES);
  if (!images || !masks) return undefined;
  for (const dir of [images, masks]) {
    if ((await files.kind(joinPath(root, dir))) !== 'dir') throw new Error(`${joinPath(root, dir)}: folder not found`);
  }
  return { images, masks };
}

function pick(dirs: readonly DirEntry[], names: readonly string[]): string | undefined {
  for (const name of names) {
    const found = dirs.find((d) => d.name.toLowerCase() === name);
    if (found) return found.name;
  }
  return undefined;
}
