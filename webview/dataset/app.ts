import type { DatasetPanelEvents, DatasetSnapshot, GalleryItem } from '../../src/protocol/datasetPanelMessages';
import { el } from '../shared/dom';
import { LatestRequest } from '../shared/latestRequest';
import { datasetHeader } from './datasetHeader';
import { DetailView } from './detail/detailView';
import { GalleryToolbar } from './gallery/galleryToolbar';
import { galleryOrder } from './gallery/galleryOrder';
import { GalleryView } from './gallery/galleryView';
import { isControlKey, isOnButton } from './keyTargets';
import { Notice } from './notice';
import { type DatasetRpc, PanelData } from './panelData';
import { applyArrival, type DatasetUiState, type SortKey, validUiState } from './uiState';
import type { UiStateStore } from './uiStateStore';

/** The dataset panel: header, gallery and detail view, kept in line with the host's snapshot and the saved UI state. */
export class DatasetApp {
  private snapshot: DatasetSnapshot | undefined;
  private pendingView: Extract<DatasetPanelEvents, { type: 'didRequestView' }> | undefined;
  private order: readonly GalleryItem[] = [];
  private readonly headerSlot = el('div', 'header-slot');
  private readonly notice = new Notice();
  private readonly toolbar: GalleryToolbar;
  private readonly gallery: GalleryView;
  private readonly gallerySection = el('section', 'gallery-view');
  private readonly detail: DetailView;
  private readonly data: PanelData;
  private readonly detailRequest = new LatestRequest();
  private detailShown = false;
  /** What the header was drawn from: redrawing it only when these change keeps its problem list open and its focus. */
  private headerDrawnFrom: { snapshot: DatasetSnapshot; run: string | null } | undefined;

  constructor(private readonly root: HTMLElement, private readonly rpc: DatasetRpc, private readonly store: UiStateStore) {
    this.data = new PanelData(rpc, () => this.refreshOrder(), (what, e) => this.notice.show(what, e));
    this.toolbar = new GalleryToolbar({
      filterText: (filterText) => this.changeGallery({ filterText }),
      run: (run) => this.chooseRun(run),
      sort: (sortKey: SortKey) => this.changeGallery({ sortKey, descending: false }),
      direction: (descending) => this.changeGallery({ descending }),
      removeConfusion: () => this.sync({ ...this.store.get(), confusion: null }),
    });
    this.gallery = new GalleryView((ids, signal) => rpc.request({ type: 'thumbnails', ids }, { signal }), {
      select: (selectedId) => this.store.update({ selectedId }),
      open: (id) => this.sync({ ...this.store.get(), selectedId: id, detailOpen: true }),
      scrolled: (scrollTop) => this.store.get().detailOpen || this.store.update({ scrollTop }),
      failed: (e) => this.notice.show('Could not load thumbnails', e),
    });
    this.detail = new DetailView(store, { back: () => this.sync({ ...this.store.get(), detailOpen: false }), step: (d) => this.step(d) });
    this.gallerySection.setAttribute('aria-label', 'Gallery');
    this.gallerySection.append(this.toolbar.element, this.gallery.element);
    this.detail.element.hidden = true;
    root.replaceChildren(this.headerSlot, this.notice.element, this.gallerySection, this.detail.element);
    rpc.onEvent((event) => this.onEvent(event));
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Asks the host for the snapshot and shows it. */
  async start(): Promise<void> {
    const snapshot = await this.rpc.request({ type: 'ready' });
    this.applySnapshot(snapshot);
    this.root.setAttribute('aria-busy', 'false');
    if (this.store.get().detailOpen) this.detail.focus();
    else this.gallery.focus();
  }

  private onEvent(event: DatasetPanelEvents): void {
    if (event.type === 'didChangeSnapshot') return this.applySnapshot(event.snapshot);
    if (event.type === 'didChangeFiles') return this.reloadPixels();
    if (!this.snapshot) return void (this.pendingView = event);
    let next: DatasetUiState = this.store.get();
    if (event.run !== undefined) next = { ...next, run: event.run };
    // A confusion filter shows its gallery, not the image open before; an item in the same request opens over it.
    if (event.filter) next = { ...next, confusion: event.filter, run: event.filter.run, detailOpen: false };
    if (event.openItem !== undefined) next = { ...next, selectedId: event.openItem, detailOpen: true };
    this.sync(validUiState(next, this.snapshot));
  }

  /** Fetches the shown thumbnails and the open image again: their files changed. */
  private reloadPixels(): void {
    if (!this.snapshot) return;
    this.gallery.invalidateThumbnails();
    this.refreshOrder();
    const s = this.store.get();
    if (this.isDetailShown() && s.selectedId !== null) this.showDetail(s.selectedId);
  }

  private applySnapshot(snapshot: DatasetSnapshot): void {
    const first = this.snapshot === undefined;
    this.snapshot = snapshot;
    if (!first) this.gallery.invalidateThumbnails();
    this.detail.setSnapshotFacts(snapshot.schema, snapshot.overlayOpacity);
    const next = validUiState(applyArrival(this.store.get(), snapshot), snapshot);
    this.sync(next, { reload: true, first });
    if (this.pendingView) {
      const view = this.pendingView;
      this.pendingView = undefined;
      this.onEvent(view);
    }
  }

  /** Moves to a new UI state: fetches what it needs, redraws the header and gallery, and opens or closes the detail view. */
  private sync(next: DatasetUiState, options: { reload?: boolean; first?: boolean } = {}): void {
    const before = this.store.get();
    const reload = options.reload === true;
    this.store.replace(next);
    void this.data.loadRun(next.run, reload);
    void this.data.loadConfusion(next.confusion, reload);
    this.renderHeader();
    this.refreshOrder();
    if (options.first) this.gallery.scrollTo(next.scrollTop);
    const detailChanged = next.selectedId !== before.selectedId || next.run !== before.run || !this.isDetailShown();
    if (next.detailOpen && next.selectedId !== null && (reload || detailChanged)) this.showDetail(next.selectedId);
    else if (!next.detailOpen && this.isDetailShown()) this.showGallery();
    else if (!next.detailOpen) this.gallery.select(next.selectedId);
  }

  private changeGallery(patch: Partial<DatasetUiState>): void {
    this.store.update(patch);
    this.refreshOrder();
  }

  private chooseRun(run: string | null): void {
    const s = this.store.get();
    const confusion = s.confusion && s.confusion.run !== run ? null : s.confusion;
    this.sync({ ...s, run, confusion });
  }

  private renderHeader(): void {
    const snapshot = this.snapshot;
    const run = this.store.get().run;
    if (!snapshot || (this.headerDrawnFrom?.snapshot === snapshot && this.headerDrawnFrom.run === run)) return;
    this.headerDrawnFrom = { snapshot, run };
    this.headerSlot.replaceChildren(
      datasetHeader(snapshot, run, {
        evaluate: () => void this.rpc.request({ type: 'evaluate' }).catch((e) => this.notice.show('Could not start the evaluation', e)),
        openReport: (run) => void this.rpc.request({ type: 'openReport', run }).catch((e) => this.notice.show('Could not open the report', e)),
      }),
    );
  }

  /** Recomputes the gallery's order from the filter, sort, scores and confusion filter, and redraws it. */
  private refreshOrder(): void {
    if (!this.snapshot) return;
    const s = this.store.get();
    const metrics = this.data.metrics(s.run);
    const confusionImages = s.confusion ? (this.data.confusion(s.confusion) ?? []) : undefined;
    const confusionCount = s.confusion ? this.data.confusion(s.confusion)?.length : undefined;
    this.order = galleryOrder({ items: this.snapshot.items, filterText: s.filterText, sortKey: s.sortKey, descending: s.descending, metrics, confusion: confusionImages });
    this.gallery.show({ order: this.order, selectedId: s.selectedId, metrics, sortKey: s.sortKey });
    if (this.isDetailShown()) this.detail.setPosition(this.order.findIndex((i) => i.id === s.selectedId) + 1, this.order.length);
    this.toolbar.update({ schema: this.snapshot.schema, runs: this.snapshot.runs, state: s, shown: this.order.length, total: this.snapshot.items.length, confusionCount });
  }

  private isDetailShown(): boolean {
    return this.detailShown;
  }

  private showDetail(id: string): void {
    const item = this.snapshot?.items.find((i) => i.id === id);
    if (!item) return;
    const index = this.order.findIndex((i) => i.id === id);
    const wasShown = this.isDetailShown();
    this.setDetailShown(true);
    this.detail.open(item, index + 1, this.order.length);
    if (!wasShown) this.detail.focus();
    const run = this.store.get().run;
    this.detailRequest
      .run((signal) => this.rpc.request({ type: 'detail', id, ...(run === null ? {} : { run }) }, { signal }))
      .then((answer) => answer && this.detail.show(answer.value))
      .catch((e: unknown) => this.detail.fail(`Could not load ${item.file}: ${e instanceof Error ? e.message : String(e)}`));
  }

  private showGallery(): void {
    this.detailRequest.cancel();
    this.detail.close();
    this.setDetailShown(false);
    const s = this.store.get();
    this.gallery.scrollTo(s.scrollTop);
    this.gallery.select(s.selectedId);
    this.gallery.focus();
  }

  private setDetailShown(shown: boolean): void {
    this.detailShown = shown;
    this.gallerySection.hidden = shown;
    this.detail.element.hidden = !shown;
  }

  private step(delta: 1 | -1): void {
    const s = this.store.get();
    const index = this.order.findIndex((i) => i.id === s.selectedId);
    const next = index < 0 ? this.order[0] : this.order[index + delta];
    if (next) this.sync({ ...s, selectedId: next.id, detailOpen: true });
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.snapshot || isControlKey(event)) return;
    const inDetail = this.isDetailShown();
    if (!inDetail && isOnButton(event)) return;
    const handled = inDetail ? this.detail.handleKey(event) : this.gallery.handleKey(event);
    if (handled) event.preventDefault();
  }
}
