import type { GalleryItem } from '../../../src/protocol/datasetPanelMessages';
import type { ImageMetrics } from '../../../src/protocol/viewTypes';
import { score } from '../../shared/dom';
import type { SortKey } from '../uiState';
import { type CellView, createGalleryCell, fillGalleryCell } from './galleryCell';
import { isMetricSort, metricName, metricValue } from './sortChoices';
import { type FetchThumbnails, ThumbnailLoader } from './thumbnailLoader';
import { VirtualGrid } from './virtualGrid';

/** What the gallery tells the panel. */
export interface GalleryActions {
  select(id: string): void;
  open(id: string): void;
  scrolled(scrollTop: number): void;
  failed(error: unknown): void;
}

/** What the gallery shows: the ordered images, the selection, and the chosen run's scores for the badges. */
export interface GalleryContent {
  readonly order: readonly GalleryItem[];
  readonly selectedId: string | null;
  readonly metrics: Readonly<Record<string, ImageMetrics>> | undefined;
  readonly sortKey: SortKey;
}

const CELL_WIDTH = 148;
const CELL_HEIGHT = 168;

/** The thumbnail grid: virtualised cells, lazily fetched thumbnails, a keyboard-driven selection. */
export class GalleryView {
  private readonly grid: VirtualGrid<GalleryItem>;
  private readonly thumbnails: ThumbnailLoader;
  private content: GalleryContent = { order: [], selectedId: null, metrics: undefined, sortKey: 'name' };
  private indexById = new Map<string, number>();

  constructor(fetchThumbnails: FetchThumbnails, private readonly actions: GalleryActions) {
    this.thumbnails = new ThumbnailLoader(fetchThumbnails, () => this.grid.refresh(), (e) => actions.failed(e));
    this.grid = new VirtualGrid<GalleryItem>({
      cellWidth: CELL_WIDTH,
      cellHeight: CELL_HEIGHT,
      overscanRows: 2,
      createCell: createGalleryCell,
      fillCell: (cell, item, index) => fillGalleryCell(cell, this.cellView(item, index)),
      onRendered: (items) => this.thumbnails.want(items.map((i) => i.id)),
      onScroll: (top) => actions.scrolled(top),
    });
    const element = this.grid.element;
    element.id = 'gallery';
    element.tabIndex = 0;
    element.setAttribute('role', 'listbox');
    element.setAttribute('aria-label', 'Images');
    element.addEventListener('click', (e) => this.onClick(e));
  }

  /** The scrolling grid element. */
  get element(): HTMLElement {
    return this.grid.element;
  }

  /** Shows new content, keeping the scroll position. */
  show(content: GalleryContent): void {
    this.content = content;
    this.indexById = new Map(content.order.map((item, index) => [item.id, index]));
    this.grid.setItems(content.order);
    this.updateActiveDescendant();
  }

  /** Fetches the thumbnails again (the dataset changed), keeping the old ones on screen until then. */
  invalidateThumbnails(): void {
    this.thumbnails.invalidate();
  }

  /** Scrolls to a saved position. */
  scrollTo(top: number): void {
    this.grid.scrollTo(top);
  }

  /** Moves the selection to an item and scrolls it into view. */
  select(id: string | null): void {
    this.content = { ...this.content, selectedId: id };
    const index = id === null ? undefined : this.indexById.get(id);
    if (index !== undefined) this.grid.reveal(index);
    this.grid.refresh();
    this.updateActiveDescendant();
  }

  /** Puts keyboard focus on the grid. */
  focus(): void {
    this.grid.element.focus({ preventScroll: true });
  }

  /** Handles a grid key (arrows, Home/End, Page Up/Down, Enter); true when it did. */
  handleKey(event: KeyboardEvent): boolean {
    const count = this.content.order.length;
    if (count === 0) return false;
    const current = this.content.selectedId === null ? -1 : (this.indexById.get(this.content.selectedId) ?? -1);
    if (event.key === 'Enter') {
      if (current >= 0) this.actions.open(this.content.order[current]!.id);
      return current >= 0;
    }
    const target = this.targetIndex(event.key, current);
    if (target === undefined) return false;
    const id = this.content.order[Math.min(count - 1, Math.max(0, target))]!.id;
    this.select(id);
    this.actions.select(id);
    return true;
  }

  private targetIndex(key: string, current: number): number | undefined {
    if (current < 0) return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(key) ? 0 : undefined;
    const columns = this.grid.columns;
    const page = columns * this.grid.rowsPerPage;
    const moves: Record<string, number> = {
      ArrowLeft: current - 1,
      ArrowRight: current + 1,
      ArrowUp: current - columns,
      ArrowDown: current + columns,
      PageUp: current - page,
      PageDown: current + page,
      Home: 0,
      End: this.content.order.length - 1,
    };
    return moves[key];
  }

  private cellView(item: GalleryItem, index: number): CellView {
    const { metrics, sortKey, selectedId } = this.content;
    const badgeKey: SortKey = isMetricSort(sortKey) ? sortKey : 'meanF1';
    const value = metrics ? metricValue(metrics[item.id], badgeKey) : null;
    return {
      item,
      index,
      thumbnail: this.thumbnails.get(item.id),
      selected: item.id === selectedId,
      ...(value === null ? {} : { badge: { text: score(value), name: metricName(badgeKey) } }),
    };
  }

  private onClick(event: MouseEvent): void {
    const cell = (event.target as Element).closest<HTMLElement>('.gallery-cell');
    const id = cell?.dataset.id;
    if (id === undefined) return;
    this.select(id);
    this.actions.select(id);
    this.actions.open(id);
  }

  private updateActiveDescendant(): void {
    const index = this.content.selectedId === null ? undefined : this.indexById.get(this.content.selectedId);
    const cell = index === undefined ? undefined : this.grid.cellAt(index);
    if (cell) this.grid.element.setAttribute('aria-activedescendant', cell.id);
    else this.grid.element.removeAttribute('aria-activedescendant');
  }
}
