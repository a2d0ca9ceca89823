import type { FileAccess } from '../ports/fileAccess';
import { joinPath } from '../util/paths';
import type { DatasetIndex, DatasetItem, DatasetProblem } from './datasetIndex';
import type { DatasetReader, LayoutMatch } from './datasetReader';
import { count, filesByStem, pairStems, reportUnpaired } from './filePairing';

const SEG_SUFFIX = '_seg';
const LANDMARK_SUFFIX = '_ldmks';

/** Microsoft FaceSynthetics flat layout: {id}.png, {id}_seg.png (255 = ignore), {id}_ldmks.txt (70 points). */
export const faceSyntheticsReader: DatasetReader = {
  format: 'facesynthetics',
  looksFor: 'FaceSynthetics: {id}.png with {id}_seg.png (and {id}_ldmks.txt) side by side in one folder',

  async detect(files: FileAccess, root: string): Promise<LayoutMatch | undefined> {
    const entries = await files.list(root);
    const names = new Set(entries.filter((e) => e.kind === 'file').map((e) => e.name));
    let pairs = 0;
    for (const name of names) {
      if (name.endsWith(`${SEG_SUFFIX}.png`) && names.has(name.slice(0, -`${SEG_SUFFIX}.png`.length) + '.png')) pairs++;
    }
    if (pairs === 0) return undefined;
    return { score: 100, evidence: `${count(pairs)} {id}.png / {id}_seg.png pairs` };
  },

  async index(files: FileAccess, root: string): Promise<DatasetIndex> {
    const entries = await files.list(root);
    const problems: DatasetProblem[] = [];
    const isPlainImage = (name: string): boolean => !name.endsWith(`${SEG_SUFFIX}.png`);
    const images = filesByStem(root, entries.filter((e) => e.name.endsWith('.png') && isPlainImage(e.name)), new Set(['png']), problems);
    const segs = filesByStem(root, entries.filter((e) => e.name.endsWith(`${SEG_SUFFIX}.png`)), new Set(['png']), problems, (n) =>
      n.slice(0, -`${SEG_SUFFIX}.png`.length),
    );
    const pairing = pairStems(images, segs);
    reportUnpaired(pairing, 'segmentation {id}_seg.png', problems);
    const landmarkNames = new Set(entries.filter((e) => e.name.endsWith(`${LANDMARK_SUFFIX}.txt`)).map((e) => e.name));
    const items: DatasetItem[] = pairing.pairs.map(({ stem, image, partner }) => {
      const landmarks = `${stem}${LANDMARK_SUFFIX}.txt`;
      return { id: stem, imagePath: image, label: { kind: 'mask', path: partner }, ...(landmarkNames.has(landmarks) ? { landmarksPath: joinPath(root, landmarks) } : {}) };
    });
    return {
      root,
      format: 'facesynthetics',
      formatTitle: 'FaceSynthetics (flat: {id}.png, {id}_seg.png, {id}_ldmks.txt)',
      schemaId: 'facesynthetics',
      schemaReason: 'the FaceSynthetics layout fixes the schema',
      items,
      problems,
      landmarkPoints: 70,
      notes: ['pixels with value 255 in _seg.png are "ignore" and are never scored'],
    };
  },
};
