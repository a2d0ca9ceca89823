import { el } from '../shared/dom';
import { fitScale, stepScale } from './zoomLadder';

/** A mask pixel's coordinates. */
export interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

/** The canvas in its viewport: pixel-exact zoom (wheel, +/-, 0 = fit) and pan by dragging or arrow keys. */
export class MaskViewport {
  /** The focusable frame that clips the canvas. */
  readonly element = el('div', 'viewport');
  readonly canvas = el('canvas', 'mask-canvas');
  private scale = 1;
  private panX = 0;
  private panY = 0;
  /** True until the user zooms or pans; a fitted view refits when the viewport resizes. */
  private fitted = true;

  constructor(private readonly onViewChange: (scale: number) => void) {
    this.element.tabIndex = 0;
    this.element.append(this.canvas);
    this.element.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.listenForDrag();
    new ResizeObserver(() => this.fitted && this.fit()).observe(this.element);
  }

  /** Draws new mask colours; keeps the view when the size is unchanged, otherwise fits. */
  draw(rgba: Uint8ClampedArray<ArrayBuffer>, width: number, height: number): void {
    const sameSize = this.canvas.width === width && this.canvas.height === height;
    this.canvas.width = width;
    this.canvas.height = height;
    const context = this.canvas.getContext('2d');
    if (context && width > 0 && height > 0) context.putImageData(new ImageData(rgba, width, height), 0, 0);
    if (!sameSize || this.fitted) this.fit();
    else this.apply();
  }

  /** Shows the whole mask at the largest whole-pixel scale that fits, centred. */
  fit(): void {
    const { clientWidth, clientHeight } = this.element;
    this.scale = fitScale(this.canvas.width, this.canvas.height, clientWidth, clientHeight);
    this.panX = Math.round((clientWidth - this.canvas.width * this.scale) / 2);
    this.panY = Math.round((clientHeight - this.canvas.height * this.scale) / 2);
    this.fitted = true;
    this.apply();
  }

  /** Zooms by whole ladder steps around a point of the viewport (its centre by default). */
  zoom(steps: number, anchorX = this.element.clientWidth / 2, anchorY = this.element.clientHeight / 2): void {
    const next = stepScale(this.scale, steps);
    if (next === this.scale) return;
    const imageX = (anchorX - this.panX) / this.scale;
    const imageY = (anchorY - this.panY) / this.scale;
    this.panX = Math.round(anchorX - imageX * next);
    this.panY = Math.round(anchorY - imageY * next);
    this.scale = next;
    this.fitted = false;
    this.apply();
  }

  /** The mask pixel under a client (page) point, or undefined outside the mask. */
  pixelAt(clientX: number, clientY: number): PixelPoint | undefined {
    const rect = this.canvas.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return undefined;
    const x = Math.floor(((clientX - rect.left) / rect.width) * this.canvas.width);
    const y = Math.floor(((clientY - rect.top) / rect.height) * this.canvas.height);
    return x >= 0 && y >= 0 && x < this.canvas.width && y < this.canvas.height ? { x, y } : undefined;
  }

  private panTo(x: number, y: number): void {
    this.panX = Math.round(x);
    this.panY = Math.round(y);
    this.fitted = false;
    this.apply();
  }

  private apply(): void {
    this.canvas.style.width = `${this.canvas.width * this.scale}px`;
    this.canvas.style.height = `${this.canvas.height * this.scale}px`;
    this.canvas.style.transform = `translate(${this.panX}px, ${this.panY}px)`;
    this.canvas.dataset.scale = String(this.scale);
    this.onViewChange(this.scale);
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.element.getBoundingClientRect();
    this.zoom(event.deltaY < 0 ? 1 : -1, event.clientX - rect.left, event.clientY - rect.top);
  }

  private onKey(event: KeyboardEvent): void {
    const pans: Record<string, [number, number]> = { ArrowLeft: [48, 0], ArrowRight: [-48, 0], ArrowUp: [0, 48], ArrowDown: [0, -48] };
    const pan = pans[event.key];
    if (!pan) return;
    event.preventDefault();
    this.panTo(this.panX + pan[0], this.panY + pan[1]);
  }

  private listenForDrag(): void {
    // Pan from where the drag started, so sub-pixel pointer steps do not add up to rounding drift.
    let start: { x: number; y: number; panX: number; panY: number } | undefined;
    this.element.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      start = { x: e.clientX, y: e.clientY, panX: this.panX, panY: this.panY };
      this.element.setPointerCapture(e.pointerId);
      this.element.classList.add('dragging');
    });
    this.element.addEventListener('pointermove', (e) => {
      if (!start) return;
      this.panTo(start.panX + e.clientX - start.x, start.panY + e.clientY - start.y);
    });
    const end = (): void => {
      start = undefined;
      this.element.classList.remove('dragging');
    };
    this.element.addEventListener('pointerup', end);
    this.element.addEventListener('pointercancel', end);
  }
}
