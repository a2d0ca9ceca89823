import { loadLabel } from '../../core/dataset/labelLoader';
import type { ImageResult } from '../../core/eval/runJournal';
import type { LabelMap } from '../../core/raster/labelMap';
import { resizeLabelsNearest } from '../../core/raster/resizeLabels';
import type { Size } from '../../core/raster/rgbImage';
import { applyCrosswalk } from '../../core/schema/crosswalk';
import { joinPath } from '../../core/util/paths';
import type { NodeAdapters } from '../nodeAdapters';
import type { RunPictureSources } from '../report/runPictureSources';

/** The ground truth of a scored image at `size` (nearest, as scoring did), or undefined when the dataset could not be opened (a run-level note says so). */
export async function loadGroundTruth(result: ImageResult, sources: RunPictureSources, size: Size, adapters: NodeAdapters): Promise<LabelMap | undefined> {
  if (!sources.items) return undefined;
  const item = sources.items.get(result.id);
  if (!item?.label) throw new Error(`${result.image}: no ground truth for image "${result.id}" in the dataset folder now`);
  const { map } = await loadLabel(item.label, sources.gtSchema, adapters.files, adapters.decoder);
  return resizeLabelsNearest(map, size.width, size.height);
}

/** The file a scored image's prediction is read from: the run's pred/*.png, else the image (a --pred folder is looked up by it). */
export function predictionFile(result: ImageResult, sources: RunPictureSources): string {
  return result.predFile ? joinPath(sources.runDir, result.predFile) : result.image;
}

/** The prediction of a scored image at `size`, translated into sources.gtSchema; undefined when the prediction schema is unknown. */
export async function loadPrediction(result: ImageResult, sources: RunPictureSources, size: Size, adapters: NodeAdapters): Promise<LabelMap | undefined> {
  if (!sources.crosswalk) return undefined;
  let map: LabelMap;
  if (result.predFile) {
    const file = joinPath(sources.runDir, result.predFile);
    const decoded = await adapters.decoder.decodeMask(await adapters.files.readBytes(file), file);
    if (decoded.kind === 'rgb') throw new Error(`${file}: not a class-id PNG`);
    map = decoded.map;
  } else if (sources.folder) {
    const input = { item: { id: result.id, imagePath: result.image }, imageBytes: new Uint8Array(0), imageKey: '', target: size };
    const [output] = await sources.folder.predict([input]);
    if (output instanceof Error) throw output;
    map = output.map;
  } else {
    throw new Error(`${result.image}: the run folder keeps no prediction for this image`);
  }
  const sized = map.width === size.width && map.height === size.height ? map : resizeLabelsNearest(map, size.width, size.height);
  return { ...sized, data: applyCrosswalk(sized.data, sources.crosswalk) };
}
