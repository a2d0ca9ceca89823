import { el } from '../../shared/dom';
import type { OverlayLayer } from '../uiState';

/** A label pixel under the pointer. */
export interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

/** What a stage's layer is called on screen and for screen readers. */
export const LAYER_NAMES: Record<OverlayLayer, string> = { gt: 'Ground truth', pred: 'Prediction', errors: 'Errors' };

/** One view of the image: the picture with one overlay canvas on top, both scaled by the shared viewport. */
export class DetailStage {
  readonly element = el('div', 'stage');
  private readonly content = el('div', 'stage-content');
  private readonly img = el('img', 'stage-image');
  readonly canvas = el('canvas', 'stage-layer');
  private readonly caption = el('div', 'stage-caption');
  private width = 1;
  private height = 1;

  constructor(readonly layer: OverlayLayer) {
    this.img.alt = '';
    this.img.draggable = false;
    this.canvas.dataset.layer = layer;
    this.canvas.setAttribute('aria-hidden', 'true');
    this.content.append(this.img, this.canvas);
    this.element.append(this.content, this.caption);
    this.element.setAttribute('role', 'img');
    this.setCaption(LAYER_NAMES[layer]);
  }

  /** Shows an image at the size of the label rasters, in CSS pixels before zoom. */
  setImage(uri: string, width: number, height: number, fileName: string): void {
    this.width = width;
    this.height = height;
    if (this.img.getAttribute('src') !== uri) this.img.src = uri;
    this.content.style.width = `${width}px`;
    this.content.style.height = `${height}px`;
    this.element.setAttribute('aria-label', `${fileName}: ${this.caption.textContent ?? ''}`);
  }

  /** Names what the stage shows (and why a layer is empty). */
  setCaption(text: string): void {
    this.caption.textContent = text;
  }

  /** Draws the overlay's pixels, or clears it when there are none. */
  draw(rgba: Uint8ClampedArray<ArrayBuffer> | undefined, width: number, height: number): void {
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    if (rgba) ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
    else ctx.clearRect(0, 0, width, height);
  }

  /** Applies the shared zoom and pan, and the overlay's opacity. */
  apply(transform: string, opacity: number): void {
    this.content.style.transform = transform;
    this.canvas.style.opacity = String(opacity);
  }

  /** The size of the stage's box in CSS pixels. */
  size(): { width: number; height: number } {
    return { width: this.element.clientWidth, height: this.element.clientHeight };
  }

  /** The label pixel (in image coordinates) under a client point, or undefined outside the image. */
  pixelAt(clientX: number, clientY: number): PixelPoint | undefined {
    const box = this.content.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return undefined;
    const x = Math.floor(((clientX - box.left) / box.width) * this.width);
    const y = Math.floor(((clientY - box.top) / box.height) * this.height);
    return x >= 0 && y >= 0 && x < this.width && y < this.height ? { x, y } : undefined;
  }
}
