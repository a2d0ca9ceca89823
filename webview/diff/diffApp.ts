import type { DiffPanelEvents, DiffPanelRequests, DiffSnapshot, MappingDirection } from '../../src/protocol/diffPanelMessages';
import type { RpcEndpoint } from '../../src/protocol/rpc';
import { el } from '../shared/dom';
import type { DiffTab, DiffUiState } from './diffUiState';
import { ReviewModel } from './review/reviewModel';
import { ReviewView, type ReviewActions } from './review/reviewView';
import { defaultDirection } from './summary/mappingSection';
import { renderSummary } from './summary/summaryView';

type Rpc = RpcEndpoint<DiffPanelRequests, DiffPanelEvents>;

/** The diff panel: a header with the two tabs, the summary, and the review (made when first shown). */
export class DiffApp {
  private readonly failure = el('p', 'action-error');
  private readonly content = el('div', 'tab-content');
  private snapshot: DiffSnapshot | undefined;
  private review: ReviewView | undefined;
  private tabs: HTMLButtonElement[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly state: DiffUiState,
    private readonly save: (state: DiffUiState) => void,
  ) {
    this.failure.setAttribute('role', 'alert');
    this.failure.hidden = true;
    document.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Shows a (new) snapshot, keeping the tab, filter and current image. */
  show(snapshot: DiffSnapshot): void {
    this.snapshot = snapshot;
    this.review = undefined;
    this.state.dir = snapshot.dir;
    this.save(this.state);
    const header = el('header', 'diff-header');
    const titles = el('div', 'diff-titles');
    titles.append(el('h1', undefined, snapshot.title), el('p', 'diff-dir', snapshot.dir));
    header.append(titles, this.tabBar());
    this.root.replaceChildren(header, this.failure, this.content);
    this.root.setAttribute('aria-busy', 'false');
    this.showTab(this.state.tab);
  }

  /** Shows a failed request's message (it names what went wrong) until the next one succeeds. */
  fail(error: unknown): void {
    this.failure.textContent = error instanceof Error ? error.message : String(error);
    this.failure.hidden = false;
  }

  private tabBar(): HTMLElement {
    const bar = el('div', 'tabs');
    bar.setAttribute('role', 'tablist');
    this.tabs = (['summary', 'review'] as const).map((tab) => {
      const button = el('button', 'tab', tab === 'summary' ? 'Summary' : 'Review');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.dataset.tab = tab;
      button.addEventListener('click', () => this.showTab(tab));
      return button;
    });
    bar.append(...this.tabs);
    return bar;
  }

  private showTab(tab: DiffTab): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    if (tab !== this.state.tab) {
      this.state.tab = tab;
      this.save(this.state);
    }
    for (const button of this.tabs) button.setAttribute('aria-selected', String(button.dataset.tab === tab));
    if (tab === 'summary') {
      const direction = this.state.mapping ?? defaultDirection(snapshot.record);
      this.content.replaceChildren(renderSummary(snapshot, direction, { exportMapping: (d) => this.exportMapping(d), directionChanged: (d) => this.setDirection(d) }));
    } else {
      this.review ??= new ReviewView(new ReviewModel(snapshot.queue, snapshot.counts), { a: snapshot.schemaA, b: snapshot.schemaB }, this.state, this.reviewActions());
      this.content.replaceChildren(this.review.element);
    }
  }

  private reviewActions(): ReviewActions {
    return {
      pair: (id, signal) => this.rpc.request({ type: 'pair', id }, { signal }),
      setMark: (id, verdict, note) => this.succeed(this.rpc.request({ type: 'setMark', id, verdict, note })),
      exportCsv: () => this.succeed(this.rpc.request({ type: 'exportCsv' })),
      stateChanged: () => this.save(this.state),
      failed: (error) => this.fail(error),
    };
  }

  private exportMapping(direction: MappingDirection): void {
    this.succeed(this.rpc.request({ type: 'exportMapping', direction })).catch((error: unknown) => this.fail(error));
  }

  private setDirection(direction: MappingDirection): void {
    this.state.mapping = direction;
    this.save(this.state);
  }

  /** The request's result; a success hides an earlier failure. */
  private async succeed<T>(request: Promise<T>): Promise<T> {
    const result = await request;
    this.failure.hidden = true;
    return result;
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select')) return;
    if (this.state.tab === 'review' && this.review?.onKey(event)) event.preventDefault();
  }
}
