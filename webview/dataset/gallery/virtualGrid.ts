import { el } from '../../shared/dom';
import { type GridGeometry, gridGeometry, type IndexRange, revealScrollTop, visibleRange } from './gridLayout';

/** How the grid makes and fills its cells, and whom it tells which items are on screen. */
export interface VirtualGridOptions<T> {
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly overscanRows: number;
  createCell(): HTMLElement;
  fillCell(cell: HTMLElement, item: T, index: number): void;
  /** Called after each render with the items now in the DOM. */
  onRendered(items: readonly T[]): void;
  onScroll(scrollTop: number): void;
}

/** A scrolling grid of fixed-size cells that keeps only the visible rows (plus overscan) in the DOM, reusing cells. */
export class VirtualGrid<T> {
  /** The scroll container. */
  readonly element: HTMLElement = el('div', 'virtual-grid');
  private readonly sizer = el('div', 'virtual-grid-sizer');
  private readonly rendered = new Map<number, HTMLElement>();
  private readonly spare: HTMLElement[] = [];
  private items: readonly T[] = [];
  private geometry: GridGeometry;
  private frame: number | undefined;

  constructor(private readonly options: VirtualGridOptions<T>) {
    this.geometry = gridGeometry(1, 0, options.cellWidth, options.cellHeight);
    this.element.append(this.sizer);
    this.element.addEventListener('scroll', () => {
      this.options.onScroll(this.element.scrollTop);
      this.scheduleRender();
    });
    new ResizeObserver(() => this.scheduleRender()).observe(this.element);
  }

  /** Columns in the current layout. */
  get columns(): number {
    return this.geometry.columns;
  }

  /** Whole rows that fit in the viewport (at least one). */
  get rowsPerPage(): number {
    return Math.max(1, Math.floor(this.element.clientHeight / this.options.cellHeight));
  }

  /** Shows these items, keeping the scroll position. */
  setItems(items: readonly T[]): void {
    this.items = items;
    for (const [index, cell] of this.rendered) this.release(index, cell);
    this.render();
  }

  /** Refills every cell in the DOM (after thumbnails, scores or the selection changed). */
  refresh(): void {
    for (const [index, cell] of this.rendered) this.options.fillCell(cell, this.items[index]!, index);
  }

  /** The cell showing this item, when it is in the DOM. */
  cellAt(index: number): HTMLElement | undefined {
    return this.rendered.get(index);
  }

  /** Scrolls so the item's row is in view. */
  reveal(index: number): void {
    this.updateGeometry();
    const top = revealScrollTop(this.geometry, index, this.element.scrollTop, this.element.clientHeight);
    if (top !== this.element.scrollTop) this.element.scrollTop = top;
    this.render();
  }

  /** Scrolls to a saved position. */
  scrollTo(top: number): void {
    this.updateGeometry();
    this.element.scrollTop = top;
    this.render();
  }

  private scheduleRender(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.render();
    });
  }

  private updateGeometry(): void {
    const g = gridGeometry(this.element.clientWidth, this.items.length, this.options.cellWidth, this.options.cellHeight);
    this.geometry = g;
    this.sizer.style.height = `${g.rows * g.cellHeight}px`;
    this.sizer.style.width = `${g.columns * g.cellWidth}px`;
  }

  private render(): void {
    const columnsBefore = this.geometry.columns;
    this.updateGeometry();
    const range = visibleRange(this.geometry, this.items.length, this.element.scrollTop, this.element.clientHeight, this.options.overscanRows);
    for (const [index, cell] of this.rendered) {
      if (index < range.first || index >= range.end || columnsBefore !== this.geometry.columns) this.release(index, cell);
    }
    this.fillRange(range);
    const shown: T[] = [];
    for (let i = range.first; i < range.end; i++) shown.push(this.items[i]!);
    this.options.onRendered(shown);
  }

  private fillRange(range: IndexRange): void {
    const { columns, cellWidth, cellHeight } = this.geometry;
    for (let index = range.first; index < range.end; index++) {
      if (this.rendered.has(index)) continue;
      const cell = this.spare.pop() ?? this.options.createCell();
      cell.style.transform = `translate(${(index % columns) * cellWidth}px, ${Math.floor(index / columns) * cellHeight}px)`;
      this.options.fillCell(cell, this.items[index]!, index);
      this.sizer.append(cell);
      this.rendered.set(index, cell);
    }
  }

  private release(index: number, cell: HTMLElement): void {
    this.rendered.delete(index);
    cell.remove();
    this.spare.push(cell);
  }
}
