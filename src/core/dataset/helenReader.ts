import type { FileAccess } from '../ports/fileAccess';
import { joinPath } from '../util/paths';
import type { DatasetIndex, DatasetItem, DatasetProblem } from './datasetIndex';
import { itemId } from './datasetIndex';
import type { DatasetReader, LayoutMatch } from './datasetReader';
import { count, filesByStem, IMAGE_EXTENSIONS, pairStems, reportUnpaired } from './filePairing';

const HELEN_CLASSES = 11;
const STAR_SPLITS = ['train', 'test', 'test_resize'];

/** Helen: images/<name>.jpg with labels/<name>/<name>_lblNN.png probability maps, or HELEN* <name>_image.jpg + <name>_label.png. */
export const helenReader: DatasetReader = {
  format: 'helen',
  looksFor: 'Helen: labels/<name>/<name>_lbl00.png…_lbl10.png with images/<name>.jpg, or HELEN* <name>_image.jpg + <name>_label.png',

  async detect(files: FileAccess, root: string): Promise<LayoutMatch | undefined> {
    const entries = await files.list(root);
    if (entries.some((e) => e.kind === 'dir' && e.name === 'labels')) {
      const sample = (await files.list(joinPath(root, 'labels'))).find((e) => e.kind === 'dir');
      if (sample && (await files.list(joinPath(root, 'labels', sample.name))).some((e) => /_lbl\d\d\.png$/.test(e.name))) {
        return { score: 100, evidence: 'labels/<name>/<name>_lblNN.png probability maps' };
      }
    }
    const folders = await starFolders(files, root);
    return folders.length > 0 ? { score: 100, evidence: `HELEN* _image.jpg/_label.png pairs in ${folders.map((f) => f || '.').join(', ')}` } : undefined;
  },

  async index(files: FileAccess, root: string): Promise<DatasetIndex> {
    const problems: DatasetProblem[] = [];
    const star = await starFolders(files, root);
    const items = star.length > 0 ? await starItems(files, root, star, problems) : await probabilityItems(files, root, problems);
    return {
      root,
      format: 'helen',
      formatTitle: star.length > 0 ? 'HELEN* (relabelled: _image.jpg + _label.png)' : 'Helen (per-class probability maps, argmax)',
      schemaId: 'helen',
      schemaReason: 'the Helen layout fixes the schema',
      items,
      problems,
      notes: ['Helen "left" is the viewer\'s left; skin excludes ears and neck'],
    };
  },
};

async function starFolders(files: FileAccess, root: string): Promise<string[]> {
  const candidates = ['', ...STAR_SPLITS];
  const found: string[] = [];
  for (const sub of candidates) {
    const dir = sub ? joinPath(root, sub) : root;
    if ((await files.kind(dir)) !== 'dir') continue;
    if ((await files.list(dir)).some((e) => e.kind === 'file' && e.name.endsWith('_label.png'))) found.push(sub);
  }
  return found;
}

async function starItems(files: FileAccess, root: string, folders: string[], problems: DatasetProblem[]): Promise<DatasetItem[]> {
  const items: DatasetItem[] = [];
  for (const sub of folders) {
    const dir = sub ? joinPath(root, sub) : root;
    const entries = await files.list(dir);
    const images = filesByStem(dir, entries.filter((e) => /_image\.(jpg|jpeg|png)$/i.test(e.name)), IMAGE_EXTENSIONS, problems, (n) => n.replace(/_image\.[a-z]+$/i, ''));
    const labels = filesByStem(dir, entries.filter((e) => e.name.endsWith('_label.png')), new Set(['png']), problems, (n) => n.replace(/_label\.png$/, ''));
    const pairing = pairStems(images, labels);
    reportUnpaired(pairing, '_label.png', problems);
    items.push(...pairing.pairs.map(({ stem, image, partner }) => ({ id: itemId(sub || undefined, stem), imagePath: image, label: { kind: 'mask' as const, path: partner } })));
  }
  return items;
}

async function probabilityItems(files: FileAccess, root: string, problems: DatasetProblem[]): Promise<DatasetItem[]> {
  const imageDir = joinPath(root, 'images');
  const images = (await files.kind(imageDir)) === 'dir' ? filesByStem(imageDir, await files.list(imageDir), IMAGE_EXTENSIONS, problems) : new Map<string, string>();
  const labelsDir = joinPath(root, 'labels');
  const labelDirs = new Map<string, string>();
  for (const entry of await files.list(labelsDir)) if (entry.kind === 'dir') labelDirs.set(entry.name, joinPath(labelsDir, entry.name));
  const pairing = pairStems(images, labelDirs);
  reportUnpaired(pairing, 'labels/<name>/ folder', problems);
  const items: DatasetItem[] = [];
  for (const { stem, image, partner } of pairing.pairs) {
    const present = new Set((await files.list(partner)).map((e) => e.name));
    const paths = Array.from({ length: HELEN_CLASSES }, (_, k) => `${stem}_lbl${String(k).padStart(2, '0')}.png`);
    const missing = paths.filter((p) => !present.has(p));
    if (missing.length > 0) {
      problems.push({ file: partner, problem: `missing ${count(missing.length)} of ${HELEN_CLASSES} probability maps (${missing.slice(0, 3).join(', ')}…); left out` });
      continue;
    }
    items.push({ id: stem, imagePath: image, label: { kind: 'probabilityMaps', paths: paths.map((p) => joinPath(partner, p)) } });
  }
  return items;
}
