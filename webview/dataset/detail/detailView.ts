import type { GalleryItem, ItemDetail } from '../../../src/protocol/datasetPanelMessages';
import type { SchemaView } from '../../../src/protocol/viewTypes';
import { el } from '../../shared/dom';
import { clampOpacity, type DatasetUiState, type DetailMode, type OverlayLayer } from '../uiState';
import type { UiStateStore } from '../uiStateStore';
import { ClassLegend } from './classLegend';
import { type DetailCommand, detailCommand } from './detailKeys';
import { LAYER_NAMES, type PixelPoint } from './detailStage';
import { DetailToolbar } from './detailToolbar';
import { hoverReadout } from './hoverReadout';
import { LayerCache } from './layerCache';
import { metricsPanel } from './metricsPanel';
import { StageSet } from './stageSet';
import { Viewport } from './viewport';

/** What the detail view asks of the panel. */
export interface DetailViewActions {
  back(): void;
  step(delta: 1 | -1): void;
}

/** One image up close: the picture under ground truth, prediction or error overlays, zoomable, with its scores. */
export class DetailView {
  readonly element = el('section', 'detail-view');
  private readonly toolbar: DetailToolbar;
  private readonly legend: ClassLegend;
  private readonly viewport: Viewport;
  private readonly stages: StageSet;
  private readonly layers = new LayerCache();
  private readonly readout = el('div', 'hover-readout');
  private readonly side = el('aside', 'detail-side');
  private readonly metricsSlot = el('div', 'metrics-slot');
  private schema: SchemaView = { id: '', title: '', classes: [] };
  private item: GalleryItem | undefined;
  private detail: ItemDetail | undefined;
  private position = { index: 0, total: 0 };
  private defaultOpacity = 0.5;

  constructor(private readonly store: UiStateStore, private readonly actions: DetailViewActions) {
    this.element.tabIndex = -1;
    this.element.setAttribute('aria-label', 'Image detail');
    this.toolbar = new DetailToolbar({
      back: () => actions.back(),
      step: (delta) => actions.step(delta),
      mode: (mode) => this.setMode(mode),
      layer: (layer) => this.setLayer(layer),
      opacity: (opacity) => {
        this.store.update({ opacity: clampOpacity(opacity) });
        this.applyViewport();
      },
      zoom: (direction) => this.viewport.step(direction),
      fit: () => this.viewport.fit(),
    });
    this.legend = new ClassLegend((id, visible) => this.toggleClass(id, visible));
    this.viewport = new Viewport(() => this.onViewportChange());
    this.stages = new StageSet(this.viewport, (pixel) => this.onHover(pixel), () => this.syncSizes());
    this.readout.id = 'hover-readout';
    this.readout.setAttribute('role', 'status');
    this.side.append(this.legend.element, this.metricsSlot);
    const main = el('div', 'detail-main');
    main.append(this.stages.element, this.side);
    this.element.append(this.toolbar.element, main, this.readout);
  }

  /** Uses a schema's classes and colours, and the settings' overlay opacity until the user picks one. */
  setSnapshotFacts(schema: SchemaView, defaultOpacity: number): void {
    this.schema = schema;
    this.defaultOpacity = clampOpacity(defaultOpacity);
    this.layers.reset(this.detail, schema, this.hiddenSet());
    this.render();
  }

  /** Starts showing an item (its pixels follow with `show`); `index` is 1-based, 0 when not in the gallery's order. */
  open(item: GalleryItem, index: number, total: number): void {
    const first = this.item === undefined;
    this.item = item;
    this.position = { index, total };
    this.detail = undefined;
    this.layers.reset(undefined, this.schema, this.hiddenSet());
    this.metricsSlot.replaceChildren(el('p', 'detail-loading', 'Loading…'));
    this.readout.textContent = '';
    if (first) {
      const s = this.store.get();
      this.viewport.restore(s.zoom, s.panX, s.panY);
    }
    this.render();
  }

  /** Shows the pixels and scores of the item being opened. */
  show(detail: ItemDetail): void {
    if (detail.id !== this.item?.id) return;
    this.detail = detail;
    this.layers.reset(detail, this.schema, this.hiddenSet());
    const hasRun = this.store.get().run !== null;
    this.metricsSlot.replaceChildren(metricsPanel(detail.metrics, detail.notes, hasRun));
    this.render();
    this.syncSizes();
  }

  /** Says why the item could not be shown. */
  fail(message: string): void {
    const note = el('p', 'detail-error', message);
    note.setAttribute('role', 'alert');
    this.metricsSlot.replaceChildren(note);
  }

  /** Updates the image's position in the gallery's order (it changed under the view). */
  setPosition(index: number, total: number): void {
    this.position = { index, total };
    this.render();
  }

  /** Forgets the item (the view was closed), so the next open restores the saved zoom. */
  close(): void {
    this.item = undefined;
    this.detail = undefined;
  }

  /** Puts keyboard focus on the view so its keys work. */
  focus(): void {
    this.element.focus({ preventScroll: true });
  }

  /** Handles a detail key; true when it did. */
  handleKey(event: KeyboardEvent): boolean {
    const command = detailCommand(event);
    if (!command) return false;
    this.run(command);
    return true;
  }

  private run(command: DetailCommand): void {
    const s = this.store.get();
    const actions: Record<DetailCommand, () => void> = {
      back: () => this.actions.back(),
      previous: () => this.actions.step(-1),
      next: () => this.actions.step(1),
      zoomIn: () => this.viewport.step(1),
      zoomOut: () => this.viewport.step(-1),
      fit: () => this.viewport.fit(),
      layerGt: () => this.setLayer('gt'),
      layerPred: () => this.setLayer('pred'),
      layerErrors: () => this.setLayer('errors'),
      toggleMode: () => this.setMode(s.mode === 'overlay' ? 'sideBySide' : 'overlay'),
    };
    actions[command]();
  }

  private setMode(mode: DetailMode): void {
    this.change({ mode });
    this.syncSizes();
  }

  private setLayer(layer: OverlayLayer): void {
    this.change({ layer });
  }

  private toggleClass(id: number, visible: boolean): void {
    const hidden = new Set(this.store.get().hiddenClasses);
    if (visible) hidden.delete(id);
    else hidden.add(id);
    this.store.update({ hiddenClasses: [...hidden].sort((a, b) => a - b) });
    this.layers.reset(this.detail, this.schema, hidden);
    this.render();
  }

  private change(patch: Partial<DatasetUiState>): void {
    this.store.update(patch);
    this.render();
  }

  private opacity(): number {
    return this.store.get().opacity ?? this.defaultOpacity;
  }

  private hiddenSet(): ReadonlySet<number> {
    return new Set(this.store.get().hiddenClasses);
  }

  /** Draws everything from the current state: stages, layers, legend and controls. */
  private render(): void {
    const s = this.store.get();
    this.stages.arrange(s.mode, s.layer);
    const fileName = this.item?.file ?? '';
    const opacity = this.opacity();
    this.toolbar.update({ fileName, position: this.position.index, total: this.position.total, mode: s.mode, layer: s.layer, opacity });
    this.legend.update(this.schema, new Set(s.hiddenClasses));
    for (const stage of this.stages.stages) {
      const image = this.layers.get(stage.layer);
      if (this.detail) stage.setImage(this.detail.imageUri, this.detail.width, this.detail.height, fileName);
      if ('rgba' in image) stage.draw(image.rgba, image.width, image.height);
      else stage.draw(undefined, this.detail?.width ?? 1, this.detail?.height ?? 1);
      stage.setCaption('missing' in image ? `${LAYER_NAMES[stage.layer]}: ${image.missing}` : LAYER_NAMES[stage.layer]);
    }
    this.applyViewport();
  }

  private syncSizes(): void {
    if (!this.detail) return;
    const { width, height } = this.stages.stageSize();
    this.viewport.setSizes(width, height, this.detail.width, this.detail.height);
  }

  private onViewportChange(): void {
    const v = this.viewport;
    this.store.update({ zoom: v.fitted ? null : v.zoom, panX: v.x, panY: v.y });
    this.applyViewport();
  }

  private applyViewport(): void {
    const transform = this.viewport.transform();
    const opacity = this.opacity();
    for (const stage of this.stages.stages) stage.apply(transform, opacity);
    this.toolbar.setZoom(this.viewport.zoom, this.viewport.fitted);
  }

  private onHover(pixel: PixelPoint | undefined): void {
    this.readout.textContent = pixel && this.detail ? hoverReadout(this.detail, this.schema, pixel.x, pixel.y) : '';
  }
}
