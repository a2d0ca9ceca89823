import * as path from 'node:path';
import type { EvalSummary } from '../../src/core/eval/evalReport';
import type { LabelMap } from '../../src/core/raster/labelMap';
import { FACE_SIZE, withRect, writeFaceSyntheticsItem } from './datasetLayouts';
import { drawFace, FS_FACE, writeGrayPng } from './fixtures';
import { evaluateFolder, STRICT } from './runHelpers';
import type { TempDir } from './tempModels';

/** The ground truth grown by one pixel: each background pixel with a 4-neighbour of another class takes that class. */
export function dilateForeground(map: LabelMap, background = 0): LabelMap {
  const { width, height, data } = map;
  const out = data.slice();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (data[i] !== background) continue;
      const neighbours = [x > 0 ? data[i - 1] : background, x + 1 < width ? data[i + 1] : background, y > 0 ? data[i - width] : background, y + 1 < height ? data[i + width] : background];
      out[i] = neighbours.find((v) => v !== background) ?? background;
    }
  }
  return { width, height, data: out };
}

/** A scored run whose errors were planted: where they are and how many pixels each kind has. */
export interface PlantedBoundaryRun {
  readonly runDir: string;
  readonly summary: EvalSummary;
  /** Wrong pixels from the dilation: all on pixels touching a ground-truth edge. */
  readonly edgeWrongPixels: number;
  /** Wrong pixels of the planted block, far (≥ 4 px) from every ground-truth edge. */
  readonly interiorWrongPixels: number;
}

/** Side of the block planted in the top-left background corner (skin predicted there), far from the face. */
const BLOCK = 3;

/**
 * Two FaceSynthetics faces of FACE_SIZE px whose predictions are the ground truth dilated by 1 px, plus (with
 * `interiorBlock`) a block of skin predicted in an empty corner; scored with boundary band k = `boundaryK`.
 */
export async function plantedBoundaryRun(tmp: TempDir, name: string, o: { boundaryK: number; interiorBlock: boolean }): Promise<PlantedBoundaryRun> {
  const root = path.join(tmp.dir, `${name}-ds`);
  const preds = path.join(tmp.dir, `${name}-pred`);
  let edgeWrongPixels = 0;
  let interiorWrongPixels = 0;
  for (const [id, shift] of [['a', 0], ['b', 3]] as const) {
    const gt = drawFace(FACE_SIZE, FACE_SIZE, FS_FACE, shift);
    const dilated = dilateForeground(gt);
    edgeWrongPixels += gt.data.filter((v, i) => v !== dilated.data[i]).length;
    const pred = o.interiorBlock ? withRect(dilated, 0, 0, BLOCK, BLOCK, FS_FACE.skin) : dilated;
    if (o.interiorBlock) interiorWrongPixels += BLOCK * BLOCK;
    await writeFaceSyntheticsItem(root, id, gt, 0);
    await writeGrayPng(path.join(preds, `${id}.png`), pred);
  }
  const runDir = path.join(tmp.dir, name);
  const { summary } = await evaluateFolder(root, { kind: 'folder', folder: preds }, runDir, { protocol: { ...STRICT, boundaryK: o.boundaryK } });
  return { runDir, summary, edgeWrongPixels, interiorWrongPixels };
}
