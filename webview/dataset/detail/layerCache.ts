import type { ItemDetail } from '../../../src/protocol/datasetPanelMessages';
import type { SchemaView } from '../../../src/protocol/viewTypes';
import type { OverlayLayer } from '../uiState';
import { hiddenMask, overlayPalette } from './labelPalette';
import { errorRgba, overlayRgba } from './layerPixels';

/** A layer ready to draw, or why there is none. */
export type LayerImage =
  | { readonly rgba: Uint8ClampedArray<ArrayBuffer>; readonly width: number; readonly height: number }
  | { readonly missing: string };

/** The overlay pixels of one image's layers, computed on first use and kept until the image or the hidden classes change. */
export class LayerCache {
  private readonly images = new Map<OverlayLayer, LayerImage>();
  private detail: ItemDetail | undefined;
  private schema: SchemaView | undefined;
  private hidden: ReadonlySet<number> = new Set();

  /** Starts over for an image, a schema and a set of hidden classes. */
  reset(detail: ItemDetail | undefined, schema: SchemaView, hidden: ReadonlySet<number>): void {
    this.detail = detail;
    this.schema = schema;
    this.hidden = hidden;
    this.images.clear();
  }

  /** The layer's pixels, or why it is empty. */
  get(layer: OverlayLayer): LayerImage {
    let image = this.images.get(layer);
    if (!image) {
      image = this.compute(layer);
      this.images.set(layer, image);
    }
    return image;
  }

  private compute(layer: OverlayLayer): LayerImage {
    const { detail, schema } = this;
    if (!detail || !schema) return { missing: 'loading…' };
    const { gt, pred } = detail;
    if (layer === 'gt') return gt ? { rgba: overlayRgba(gt, overlayPalette(schema, this.hidden)), width: gt.width, height: gt.height } : { missing: 'no ground truth' };
    if (layer === 'pred') return pred ? { rgba: overlayRgba(pred, overlayPalette(schema, this.hidden)), width: pred.width, height: pred.height } : { missing: 'no prediction: choose a run' };
    if (!gt || !pred) return { missing: gt ? 'no prediction: choose a run' : 'no ground truth' };
    const rgba = errorRgba(gt, pred, hiddenMask(schema, this.hidden));
    return rgba ? { rgba, width: gt.width, height: gt.height } : { missing: 'ground truth and prediction differ in size' };
  }
}
