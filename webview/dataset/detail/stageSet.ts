import { el } from '../../shared/dom';
import type { DetailMode, OverlayLayer } from '../uiState';
import { DetailStage, type PixelPoint } from './detailStage';
import type { Viewport } from './viewport';

/** The stages of the detail view: one in overlay mode, three side by side; wheel zooms and dragging pans all of them. */
export class StageSet {
  readonly element = el('div', 'stages');
  private current: DetailStage[] = [];
  /** Where a drag started: the pointer and the pan offset then (panning from the start avoids drift from rounding each move). */
  private drag: { pointerId: number; pointerX: number; pointerY: number; panX: number; panY: number } | undefined;

  constructor(
    private readonly viewport: Viewport,
    private readonly onHover: (pixel: PixelPoint | undefined) => void,
    private readonly onResize: () => void,
  ) {
    new ResizeObserver(() => this.onResize()).observe(this.element);
  }

  /** The stages now shown. */
  get stages(): readonly DetailStage[] {
    return this.current;
  }

  /** Rebuilds the stages for a mode: overlay shows `layer`; side by side shows ground truth, prediction and errors. */
  arrange(mode: DetailMode, layer: OverlayLayer): void {
    const layers: OverlayLayer[] = mode === 'overlay' ? [layer] : ['gt', 'pred', 'errors'];
    if (this.current.map((s) => s.layer).join() === layers.join()) return;
    this.current = layers.map((l) => this.makeStage(l));
    this.element.classList.toggle('side-by-side', mode === 'sideBySide');
    this.element.replaceChildren(...this.current.map((s) => s.element));
  }

  /** The size of one stage (all are the same size). */
  stageSize(): { width: number; height: number } {
    return this.current[0]?.size() ?? { width: 0, height: 0 };
  }

  private makeStage(layer: OverlayLayer): DetailStage {
    const stage = new DetailStage(layer);
    const box = stage.element;
    box.addEventListener('wheel', (e) => this.onWheel(e, box), { passive: false });
    box.addEventListener('pointerdown', (e) => this.onPointerDown(e, box));
    box.addEventListener('pointermove', (e) => this.onPointerMove(e, stage));
    box.addEventListener('pointerup', (e) => this.endDrag(e, box));
    box.addEventListener('pointercancel', (e) => this.endDrag(e, box));
    box.addEventListener('pointerleave', () => this.onHover(undefined));
    return stage;
  }

  private onWheel(event: WheelEvent, box: HTMLElement): void {
    event.preventDefault();
    if (event.deltaY === 0) return;
    const rect = box.getBoundingClientRect();
    this.viewport.step(event.deltaY < 0 ? 1 : -1, { x: event.clientX - rect.left, y: event.clientY - rect.top });
  }

  private onPointerDown(event: PointerEvent, box: HTMLElement): void {
    if (event.button !== 0) return;
    this.drag = { pointerId: event.pointerId, pointerX: event.clientX, pointerY: event.clientY, panX: this.viewport.x, panY: this.viewport.y };
    box.setPointerCapture(event.pointerId);
    box.classList.add('dragging');
  }

  private onPointerMove(event: PointerEvent, stage: DetailStage): void {
    const drag = this.drag;
    if (drag && drag.pointerId === event.pointerId) {
      this.viewport.panTo(drag.panX + event.clientX - drag.pointerX, drag.panY + event.clientY - drag.pointerY);
    }
    this.onHover(stage.pixelAt(event.clientX, event.clientY));
  }

  private endDrag(event: PointerEvent, box: HTMLElement): void {
    if (this.drag?.pointerId !== event.pointerId) return;
    this.drag = undefined;
    if (box.hasPointerCapture(event.pointerId)) box.releasePointerCapture(event.pointerId);
    box.classList.remove('dragging');
  }
}
