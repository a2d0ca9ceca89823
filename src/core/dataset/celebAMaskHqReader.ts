import type { FileAccess } from '../ports/fileAccess';
import { joinPath } from '../util/paths';
import type { DatasetIndex, DatasetItem, DatasetProblem } from './datasetIndex';
import type { DatasetReader, LayoutMatch } from './datasetReader';
import { count, filesByStem, IMAGE_EXTENSIONS, MASK_EXTENSIONS, pairStems, reportUnpaired } from './filePairing';

const IMAGE_DIR = 'CelebA-HQ-img';
const ANNO_DIR = 'CelebAMask-HQ-mask-anno';
const MERGED_DIR = /^CelebAMask-?HQ-mask$/i;

/** The part-file suffixes of the official annotation, in painting order (later parts overwrite earlier ones). */
export const CELEBAMASK_HQ_PARTS = [
  'skin', 'nose', 'eye_g', 'l_eye', 'r_eye', 'l_brow', 'r_brow', 'l_ear', 'r_ear',
  'mouth', 'u_lip', 'l_lip', 'hair', 'hat', 'ear_r', 'neck_l', 'neck', 'cloth',
] as const;

const PART_FILE = /^(\d+)_([a-z_]+)\.png$/;

/** CelebAMask-HQ official archive: CelebA-HQ-img/{n}.jpg with per-part masks CelebAMask-HQ-mask-anno/<k>/{n:05}_{part}.png. */
export const celebAMaskHqReader: DatasetReader = {
  format: 'celebamask-hq',
  looksFor: `CelebAMask-HQ: ${IMAGE_DIR}/ with ${ANNO_DIR}/<0..14>/{id:05}_{part}.png (or a merged CelebAMask-HQ-mask/ folder)`,

  async detect(files: FileAccess, root: string): Promise<LayoutMatch | undefined> {
    const dirs = new Set((await files.list(root)).filter((e) => e.kind === 'dir').map((e) => e.name));
    if (!dirs.has(IMAGE_DIR)) return undefined;
    if (dirs.has(ANNO_DIR)) return { score: 100, evidence: `${IMAGE_DIR}/ and ${ANNO_DIR}/` };
    const merged = [...dirs].find((d) => MERGED_DIR.test(d));
    return merged ? { score: 100, evidence: `${IMAGE_DIR}/ and ${merged}/` } : undefined;
  },

  async index(files: FileAccess, root: string): Promise<DatasetIndex> {
    const problems: DatasetProblem[] = [];
    const imageDir = joinPath(root, IMAGE_DIR);
    const images = filesByStem(imageDir, await files.list(imageDir), IMAGE_EXTENSIONS, problems);
    const dirs = (await files.list(root)).filter((e) => e.kind === 'dir').map((e) => e.name);
    const items = dirs.includes(ANNO_DIR)
      ? await partItems(files, joinPath(root, ANNO_DIR), images, problems)
      : await mergedItems(files, joinPath(root, dirs.find((d) => MERGED_DIR.test(d)) ?? ''), images, problems);
    return {
      root,
      format: 'celebamask-hq',
      formatTitle: dirs.includes(ANNO_DIR)
        ? `CelebAMask-HQ (per-part masks in ${ANNO_DIR}/, merged in the official order)`
        : 'CelebAMask-HQ (merged label maps)',
      schemaId: 'celebamask-hq',
      schemaReason: 'the CelebAMask-HQ layout fixes the schema (official class order)',
      items,
      problems,
      notes: ['official images are 1024 px and masks 512 px: the scoring resolution is stated in every report'],
    };
  },
};

async function partItems(
  files: FileAccess,
  annoDir: string,
  images: ReadonlyMap<string, string>,
  problems: DatasetProblem[],
): Promise<DatasetItem[]> {
  const partsById = await collectParts(files, annoDir, problems);
  const items: DatasetItem[] = [];
  for (const [stem, image] of images) {
    if (!/^\d+$/.test(stem)) {
      problems.push({ file: image, problem: 'not a CelebA-HQ image name ({n}.jpg with a number n); it is left out' });
      continue;
    }
    const parts = partsById.get(String(Number(stem)));
    if (!parts) {
      problems.push({ file: image, problem: `no part masks ${String(Number(stem)).padStart(5, '0')}_*.png found; it is left out` });
      continue;
    }
    items.push({ id: stem, imagePath: image, label: { kind: 'parts', parts } });
    partsById.delete(String(Number(stem)));
  }
  for (const [id, parts] of partsById) {
    problems.push({ file: parts[0].path, problem: `part masks for id ${id} have no image in ${IMAGE_DIR}/; left out` });
  }
  return items;
}

async function collectParts(
  files: FileAccess,
  annoDir: string,
  problems: DatasetProblem[],
): Promise<Map<string, Array<{ className: string; path: string }>>> {
  const known = new Set<string>(CELEBAMASK_HQ_PARTS);
  const byId = new Map<string, Array<{ className: string; path: string }>>();
  const subdirs = (await files.list(annoDir)).filter((e) => e.kind === 'dir');
  for (const sub of subdirs) {
    const dir = joinPath(annoDir, sub.name);
    for (const entry of await files.list(dir)) {
      if (entry.kind !== 'file') continue;
      const match = PART_FILE.exec(entry.name);
      if (!match || !known.has(match[2])) {
        if (entry.name.endsWith('.png')) problems.push({ file: joinPath(dir, entry.name), problem: 'not a {id:05}_{part}.png file with a known part name; ignored' });
        continue;
      }
      const id = String(Number(match[1]));
      const list = byId.get(id) ?? [];
      list.push({ className: match[2], path: joinPath(dir, entry.name) });
      byId.set(id, list);
    }
  }
  return byId;
}

async function mergedItems(
  files: FileAccess,
  maskDir: string,
  images: ReadonlyMap<string, string>,
  problems: DatasetProblem[],
): Promise<DatasetItem[]> {
  const masks = filesByStem(maskDir, await files.list(maskDir), MASK_EXTENSIONS, problems);
  const pairing = pairStems(images, masks);
  reportUnpaired(pairing, 'merged mask', problems);
  if (pairing.pairs.length === 0 && images.size > 0) {
    problems.push({ file: maskDir, problem: `none of ${count(images.size)} images has a mask with the same stem` });
  }
  return pairing.pairs.map(({ stem, image, partner }) => ({ id: stem, imagePath: image, label: { kind: 'mask', path: partner } }));
}
