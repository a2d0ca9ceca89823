import type { ReviewEntryView } from '../../../src/protocol/diffPanelMessages';
import { el } from '../../shared/dom';
import { percent } from '../numbers';
import { verdictTag } from './verdicts';

/** Rows per page: a dataset may hold tens of thousands of images. */
export const PAGE_SIZE = 50;

/** The review queue as a paged list: rank, id, disagreement and mark; the page follows the current image. */
export class ReviewList {
  readonly element = el('nav', 'review-list');
  private readonly rows = el('ol', 'review-rows');
  private readonly pager = el('div', 'pager');
  private readonly pageText = el('span', 'page-text');
  private readonly previous = el('button', 'page-button', '‹ Previous');
  private readonly next = el('button', 'page-button', 'Next ›');
  private page = 0;
  private list: readonly ReviewEntryView[] = [];
  private currentId: string | undefined;

  constructor(
    private readonly rankOf: (id: string) => number,
    private readonly onSelect: (id: string) => void,
  ) {
    this.element.setAttribute('aria-label', 'Images by disagreement');
    for (const [button, step] of [[this.previous, -1], [this.next, 1]] as const) {
      button.type = 'button';
      button.addEventListener('click', () => this.turn(step));
    }
    this.pager.append(this.previous, this.pageText, this.next);
    this.element.append(this.rows, this.pager);
  }

  /** Shows the filtered images, on the page of the current one. */
  show(list: readonly ReviewEntryView[], currentId: string | undefined): void {
    this.list = list;
    this.currentId = currentId;
    const at = list.findIndex((e) => e.id === currentId);
    if (at >= 0) this.page = Math.floor(at / PAGE_SIZE);
    this.page = Math.min(this.page, Math.max(0, Math.ceil(list.length / PAGE_SIZE) - 1));
    this.render();
  }

  private turn(step: number): void {
    this.page = Math.max(0, Math.min(Math.ceil(this.list.length / PAGE_SIZE) - 1, this.page + step));
    this.render();
  }

  private render(): void {
    const start = this.page * PAGE_SIZE;
    this.rows.replaceChildren(...this.list.slice(start, start + PAGE_SIZE).map((entry) => this.row(entry)));
    const pages = Math.max(1, Math.ceil(this.list.length / PAGE_SIZE));
    this.pageText.textContent = this.list.length === 0 ? 'no images' : `${start + 1}–${Math.min(start + PAGE_SIZE, this.list.length)} of ${this.list.length}`;
    this.previous.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
  }

  private row(entry: ReviewEntryView): HTMLElement {
    const item = el('li');
    const button = el('button', 'review-row');
    button.type = 'button';
    button.dataset.id = entry.id;
    if (entry.id === this.currentId) button.setAttribute('aria-current', 'true');
    const tag = el('span', 'mark-tag', entry.mark ? verdictTag(entry.mark.verdict) : '');
    if (entry.mark) tag.dataset.verdict = entry.mark.verdict;
    button.append(el('span', 'row-rank', `#${this.rankOf(entry.id)}`), el('span', 'row-id', entry.id), el('span', 'row-score', percent(entry.disagreement)), tag);
    button.title = entry.image ?? entry.id;
    button.addEventListener('click', () => this.onSelect(entry.id));
    item.append(button);
    return item;
  }
}
