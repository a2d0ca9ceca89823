import type { LabelMap } from '../../core/raster/labelMap';
import { errorMessage } from '../../core/util/errors';
import type { DiffPairView } from '../../protocol/diffPanelMessages';
import type { LabelPixels, RgbPixels } from '../../protocol/viewTypes';
import type { NodeAdapters } from '../nodeAdapters';
import type { DiffPairSource } from './loadDiffPair';

/** The panel's pixels of one compared pair, at A's size, and the buffers to transfer (each owned by its array alone). */
export async function diffPairPixels(pairs: DiffPairSource, id: string, adapters: NodeAdapters, signal?: AbortSignal): Promise<{ view: DiffPairView; buffers: ArrayBuffer[] }> {
  const pair = await pairs.load(id, signal);
  const { width, height } = pair.a;
  const notes: string[] = [];
  const image = pair.image === undefined ? undefined : await imagePixels(pair.image, { width, height }, adapters, signal).catch((error: unknown) => {
    notes.push(`${pair.image}: the image could not be shown (${errorMessage(error)})`);
    return undefined;
  });
  const view: DiffPairView = { id, width, height, a: owned(pair.a), b: owned(pair.b), bInA: owned(pair.bInA), notes, ...(image ? { image } : {}) };
  const buffers = [view.a.ids.buffer, view.b.ids.buffer, view.bInA.ids.buffer, ...(image ? [image.rgb.buffer] : [])] as ArrayBuffer[];
  return { view, buffers };
}

/** The image stretched to the labels' size, as RGB. */
async function imagePixels(file: string, size: { width: number; height: number }, adapters: NodeAdapters, signal?: AbortSignal): Promise<RgbPixels> {
  const bytes = await adapters.files.readBytes(file, signal);
  const rgb = await adapters.decoder.decodeRgb(bytes, file, { size, kernel: 'linear' });
  return { width: rgb.width, height: rgb.height, rgb: new Uint8Array(rgb.data) };
}

/** A copy whose buffer nothing else holds: a loader's buffer may be pooled or cached, and transferring it would detach it there. */
function owned(map: LabelMap): LabelPixels {
  return { width: map.width, height: map.height, ids: new Uint8Array(map.data) };
}
