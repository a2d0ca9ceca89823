import type { DirEntry } from '../ports/fileAccess';
import { extensionOf, joinPath, stemOf } from '../util/paths';
import type { DatasetProblem } from './datasetIndex';

/** File extensions read as images. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['jpg', 'jpeg', 'png', 'bmp', 'webp', 'tif', 'tiff']);

/** File extensions read as masks. */
export const MASK_EXTENSIONS: ReadonlySet<string> = new Set(['png', 'bmp', 'tif', 'tiff', 'webp']);

const NOT_A_FILE = {
  missing: 'symbolic link to a file that does not exist; it is left out',
  other: 'not a regular file (a symbolic link loop or a special file); it is left out',
} as const;

/** Files of a folder keyed by stem; two files sharing a stem are a problem, the first (by name) is kept. */
export function filesByStem(
  dir: string,
  entries: readonly DirEntry[],
  extensions: ReadonlySet<string>,
  problems: DatasetProblem[],
  stemOfName: (name: string) => string = stemOf,
): Map<string, string> {
  const byStem = new Map<string, string>();
  for (const entry of entries) {
    if (entry.kind === 'dir' || !extensions.has(extensionOf(entry.name))) continue;
    const path = joinPath(dir, entry.name);
    if (entry.kind !== 'file') {
      problems.push({ file: path, problem: NOT_A_FILE[entry.kind] });
      continue;
    }
    const stem = stemOfName(entry.name);
    const earlier = byStem.get(stem);
    if (earlier !== undefined) {
      problems.push({ file: path, problem: `duplicate stem "${stem}": ${earlier} is used, this file is ignored` });
      continue;
    }
    byStem.set(stem, path);
  }
  return byStem;
}

/** A pairing of images with their partner files by stem. */
export interface StemPairs {
  readonly pairs: ReadonlyArray<{ readonly stem: string; readonly image: string; readonly partner: string }>;
  readonly imagesWithoutPartner: readonly string[];
  readonly partnersWithoutImage: readonly string[];
}

/** Pairs two stem maps; unmatched files on either side are returned for reporting. */
export function pairStems(images: ReadonlyMap<string, string>, partners: ReadonlyMap<string, string>): StemPairs {
  const pairs: Array<{ stem: string; image: string; partner: string }> = [];
  const imagesWithoutPartner: string[] = [];
  for (const [stem, image] of images) {
    const partner = partners.get(stem);
    if (partner === undefined) imagesWithoutPartner.push(image);
    else pairs.push({ stem, image, partner });
  }
  const partnersWithoutImage = [...partners].filter(([stem]) => !images.has(stem)).map(([, path]) => path);
  return { pairs, imagesWithoutPartner, partnersWithoutImage };
}

/** Adds the standard problems for unpaired files. */
export function reportUnpaired(pairing: StemPairs, partnerKind: string, problems: DatasetProblem[]): void {
  for (const image of pairing.imagesWithoutPartner) {
    problems.push({ file: image, problem: `no ${partnerKind} found for this image; it is left out` });
  }
  for (const partner of pairing.partnersWithoutImage) {
    problems.push({ file: partner, problem: `${partnerKind} without an image; it is left out` });
  }
}

/** Formats a count with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
