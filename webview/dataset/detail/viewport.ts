import { fitZoom, MAX_ZOOM, MIN_ZOOM, stepZoom } from './zoomSteps';

/** A point in stage coordinates (CSS pixels from the stage's top left). */
export interface StagePoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Zoom and pan shared by every stage of the detail view. Offsets are whole CSS pixels and zooms above 1 whole numbers,
 * so one label pixel covers exactly N × N screen pixels.
 */
export class Viewport {
  zoom = 1;
  x = 0;
  y = 0;
  /** True while the image follows the stage's size. */
  fitted = true;
  private stageWidth = 0;
  private stageHeight = 0;
  private imageWidth = 0;
  private imageHeight = 0;

  constructor(private readonly onChange: () => void) {}

  /** Tells the viewport the stage's and the image's sizes; a fitted image is fitted again. */
  setSizes(stageWidth: number, stageHeight: number, imageWidth: number, imageHeight: number): void {
    const same = stageWidth === this.stageWidth && stageHeight === this.stageHeight && imageWidth === this.imageWidth && imageHeight === this.imageHeight;
    this.stageWidth = stageWidth;
    this.stageHeight = stageHeight;
    this.imageWidth = imageWidth;
    this.imageHeight = imageHeight;
    if (this.fitted && !same) this.fit();
  }

  /** Fits the image in the stage, centred. */
  fit(): void {
    this.fitted = true;
    this.zoom = fitZoom(this.stageWidth, this.stageHeight, this.imageWidth, this.imageHeight);
    this.x = Math.round((this.stageWidth - this.imageWidth * this.zoom) / 2);
    this.y = Math.round((this.stageHeight - this.imageHeight * this.zoom) / 2);
    this.onChange();
  }

  /** Zooms one step in or out, keeping the point under `anchor` (default: the stage's centre) in place. */
  step(direction: 1 | -1, anchor?: StagePoint): void {
    this.zoomTo(stepZoom(this.zoom, direction), anchor);
  }

  /** Sets a zoom, keeping the point under `anchor` (default: the stage's centre) in place. */
  zoomTo(zoom: number, anchor: StagePoint = { x: this.stageWidth / 2, y: this.stageHeight / 2 }): void {
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    this.fitted = false;
    this.x = Math.round(anchor.x - ((anchor.x - this.x) * next) / this.zoom);
    this.y = Math.round(anchor.y - ((anchor.y - this.y) * next) / this.zoom);
    this.zoom = next;
    this.onChange();
  }

  /** Puts the image's top left at a point of the stage, rounded to whole pixels. */
  panTo(x: number, y: number): void {
    const nx = Math.round(x);
    const ny = Math.round(y);
    if (nx === this.x && ny === this.y) return;
    this.fitted = false;
    this.x = nx;
    this.y = ny;
    this.onChange();
  }

  /** Restores a saved zoom and offset (null zoom: fit). */
  restore(zoom: number | null, x: number, y: number): void {
    if (zoom === null) return this.fit();
    this.fitted = false;
    this.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    this.x = Math.round(x);
    this.y = Math.round(y);
    this.onChange();
  }

  /** The CSS transform of a stage's content (transform-origin at its top left). */
  transform(): string {
    return `translate(${this.x}px, ${this.y}px) scale(${this.zoom})`;
  }
}
