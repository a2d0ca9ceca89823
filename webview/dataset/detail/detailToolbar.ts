import { el } from '../../shared/dom';
import { button, setSelectOptions, singleSelect } from '../controls';
import type { DetailMode, OverlayLayer } from '../uiState';

/** What the detail view's controls do. */
export interface DetailToolbarActions {
  back(): void;
  step(delta: 1 | -1): void;
  mode(mode: DetailMode): void;
  layer(layer: OverlayLayer): void;
  opacity(opacity: number): void;
  zoom(direction: 1 | -1): void;
  fit(): void;
}

/** What the detail toolbar shows. */
export interface DetailToolbarView {
  readonly fileName: string;
  /** 1-based position in the gallery's order, and the order's length (0 when the image is not in it). */
  readonly position: number;
  readonly total: number;
  readonly mode: DetailMode;
  readonly layer: OverlayLayer;
  readonly opacity: number;
}

/** The detail view's top bar: back, previous/next, the file, mode, layer, opacity and zoom controls. */
export class DetailToolbar {
  readonly element = el('div', 'detail-toolbar');
  private readonly title = el('h2', 'detail-title');
  private readonly position = el('span', 'detail-position');
  private readonly modeSelect;
  private readonly layerSelect;
  private readonly opacity = el('input', 'opacity-slider');
  private readonly zoomText = el('span', 'zoom-level');

  constructor(actions: DetailToolbarActions) {
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Image');
    this.modeSelect = singleSelect('mode-select', 'View mode (s)', (v) => actions.mode(v === 'sideBySide' ? 'sideBySide' : 'overlay'));
    setSelectOptions(this.modeSelect, [{ value: 'overlay', label: 'Overlay' }, { value: 'sideBySide', label: 'Side by side' }], 'overlay');
    this.layerSelect = singleSelect('layer-select', 'Overlay layer (g, p, e)', (v) => actions.layer(v as OverlayLayer));
    const layers = [{ value: 'gt', label: 'Ground truth' }, { value: 'pred', label: 'Prediction' }, { value: 'errors', label: 'Errors' }];
    setSelectOptions(this.layerSelect, layers, 'gt');
    this.opacity.type = 'range';
    this.opacity.id = 'opacity-slider';
    Object.assign(this.opacity, { min: '0', max: '100', step: '5' });
    this.opacity.setAttribute('aria-label', 'Overlay opacity');
    this.opacity.addEventListener('input', () => actions.opacity(Number(this.opacity.value) / 100));
    this.zoomText.setAttribute('aria-live', 'polite');
    this.title.setAttribute('aria-live', 'polite');
    const nav = el('div', 'detail-nav');
    nav.append(
      button('← Gallery', 'Back to the gallery (Escape)', () => actions.back(), true),
      button('‹', 'Previous image (Left arrow or k)', () => actions.step(-1), true),
      button('›', 'Next image (Right arrow or j)', () => actions.step(1), true),
      this.position,
      this.title,
    );
    this.element.append(nav, this.controls(actions));
  }

  /** Brings the controls in line with the view. */
  update(view: DetailToolbarView): void {
    this.title.textContent = view.fileName;
    this.position.textContent = view.position > 0 ? `${view.position} / ${view.total}` : `not in the gallery’s ${view.total} images`;
    if (this.modeSelect.value !== view.mode) this.modeSelect.value = view.mode;
    if (this.layerSelect.value !== view.layer) this.layerSelect.value = view.layer;
    this.layerSelect.disabled = view.mode === 'sideBySide';
    const percent = String(Math.round(view.opacity * 100));
    if (this.opacity.value !== percent) this.opacity.value = percent;
  }

  /** Shows the zoom ("4×", "fit, 2×"). */
  setZoom(zoom: number, fitted: boolean): void {
    const text = zoom >= 1 ? `${zoom}×` : `1/${Math.round(1 / zoom)}×`;
    this.zoomText.textContent = fitted ? `fit, ${zoom >= 1 || Number.isInteger(1 / zoom) ? text : `${Math.round(zoom * 100)}%`}` : text;
  }

  private controls(actions: DetailToolbarActions): HTMLElement {
    const bar = el('div', 'detail-controls');
    const opacityLabel = el('label', 'toolbar-field');
    opacityLabel.append(el('span', 'toolbar-label', 'Opacity'), this.opacity);
    bar.append(
      field('Mode', this.modeSelect),
      field('Layer', this.layerSelect),
      opacityLabel,
      button('−', 'Zoom out (-)', () => actions.zoom(-1), true),
      this.zoomText,
      button('+', 'Zoom in (+)', () => actions.zoom(1), true),
      button('Fit', 'Fit the image (0)', () => actions.fit(), true),
    );
    return bar;
  }
}

function field(text: string, control: HTMLElement): HTMLElement {
  const wrap = el('label', 'toolbar-field');
  wrap.append(el('span', 'toolbar-label', text), control);
  return wrap;
}
