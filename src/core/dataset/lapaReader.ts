import type { DirEntry, FileAccess } from '../ports/fileAccess';
import { joinPath } from '../util/paths';
import type { DatasetIndex, DatasetItem, DatasetProblem } from './datasetIndex';
import { itemId } from './datasetIndex';
import type { DatasetReader, LayoutMatch } from './datasetReader';
import { filesByStem, IMAGE_EXTENSIONS, MASK_EXTENSIONS, pairStems, reportUnpaired } from './filePairing';

const SPLITS = ['train', 'val', 'test'];
const LAPA_NAMES = ['background', 'skin', 'lefteyebrow', 'righteyebrow', 'lefteye', 'righteye', 'nose', 'upperlip', 'innermouth', 'lowerlip', 'hair'];

/** LaPa: {train,val,test}/{images,labels,landmarks}, or one such folder, or images/ + labels/ beside LaPa's labelmap.txt. */
export const lapaReader: DatasetReader = {
  format: 'lapa',
  looksFor: 'LaPa: {train,val,test}/{images,labels,landmarks}/, or images/ + labels/ with landmarks/ (106 points) or LaPa\'s labelmap.txt',

  async detect(files: FileAccess, root: string): Promise<LayoutMatch | undefined> {
    const splits = await splitFolders(files, root);
    if (splits.length > 0) return { score: 100, evidence: `split folders ${splits.join(', ')} with images/ and labels/` };
    const entries = await files.list(root);
    if (!hasDirs(entries, ['images', 'labels'])) return undefined;
    if (hasDirs(entries, ['landmarks'])) return { score: 90, evidence: 'images/, labels/ and landmarks/' };
    if (await hasLapaLabelmap(files, root, entries)) return { score: 90, evidence: 'images/ and labels/ with LaPa\'s labelmap.txt' };
    return undefined;
  },

  async index(files: FileAccess, root: string): Promise<DatasetIndex> {
    const problems: DatasetProblem[] = [];
    const splits = await splitFolders(files, root);
    const items: DatasetItem[] = [];
    for (const split of splits.length > 0 ? splits : [undefined]) {
      items.push(...(await splitItems(files, split ? joinPath(root, split) : root, split, problems)));
    }
    return {
      root,
      format: 'lapa',
      formatTitle: splits.length > 0 ? `LaPa (${splits.join(', ')} splits)` : 'LaPa (one split: images/, labels/)',
      schemaId: 'lapa',
      schemaReason: splits.length > 0 ? 'the LaPa layout fixes the schema' : 'LaPa layout (landmarks/ or labelmap.txt)',
      items,
      problems,
      landmarkPoints: 106,
      notes: ['LaPa "left" is the viewer\'s left; LaPa skin includes the ears'],
    };
  },
};

async function splitFolders(files: FileAccess, root: string): Promise<string[]> {
  const dirs = (await files.list(root)).filter((e) => e.kind === 'dir' && SPLITS.includes(e.name));
  const found: string[] = [];
  for (const dir of dirs) {
    if (hasDirs(await files.list(joinPath(root, dir.name)), ['images', 'labels'])) found.push(dir.name);
  }
  return found;
}

function hasDirs(entries: readonly DirEntry[], names: readonly string[]): boolean {
  return names.every((n) => entries.some((e) => e.kind === 'dir' && e.name === n));
}

async function hasLapaLabelmap(files: FileAccess, root: string, entries: readonly DirEntry[]): Promise<boolean> {
  if (!entries.some((e) => e.kind === 'file' && e.name === 'labelmap.txt')) return false;
  const text = await files.readText(joinPath(root, 'labelmap.txt'));
  const names = text
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\t|\s{2,}|\s(?=[a-z])/i))
    .filter((cols) => /^\d+$/.test(cols[0] ?? ''))
    .map((cols) => cols.slice(1).join('').toLowerCase().replace(/[\s_-]/g, ''));
  return names.length === LAPA_NAMES.length && names.every((n, i) => n === LAPA_NAMES[i]);
}

async function splitItems(files: FileAccess, dir: string, split: string | undefined, problems: DatasetProblem[]): Promise<DatasetItem[]> {
  const imageDir = joinPath(dir, 'images');
  const labelDir = joinPath(dir, 'labels');
  const images = filesByStem(imageDir, await files.list(imageDir), IMAGE_EXTENSIONS, problems);
  const labels = filesByStem(labelDir, await files.list(labelDir), MASK_EXTENSIONS, problems);
  const landmarkDir = joinPath(dir, 'landmarks');
  const landmarks = (await files.kind(landmarkDir)) === 'dir' ? filesByStem(landmarkDir, await files.list(landmarkDir), new Set(['txt']), problems) : new Map<string, string>();
  const pairing = pairStems(images, labels);
  reportUnpaired(pairing, 'label', problems);
  return pairing.pairs.map(({ stem, image, partner }) => {
    const lm = landmarks.get(stem);
    return { id: itemId(split, stem), imagePath: image, label: { kind: 'mask', path: partner }, ...(lm ? { landmarksPath: lm } : {}) };
  });
}
