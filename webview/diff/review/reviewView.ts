import type { DiffPairView, MarkUpdate, ReviewVerdict } from '../../../src/protocol/diffPanelMessages';
import type { SchemaView } from '../../../src/protocol/viewTypes';
import { el } from '../../shared/dom';
import { LatestRequest } from '../../shared/latestRequest';
import type { DiffUiState, ReviewFilter } from '../diffUiState';
import { percent } from '../numbers';
import { MarkBar } from './markBar';
import { layerOfKey, PairView } from './pairView';
import { ReviewList } from './reviewList';
import type { ReviewModel } from './reviewModel';
import { VERDICT_CHOICES, verdictOfKey } from './verdicts';

/** What the review asks of the host, and the hooks to persist UI state and to show a failure. */
export interface ReviewActions {
  pair(id: string, signal: AbortSignal): Promise<DiffPairView>;
  setMark(id: string, verdict: ReviewVerdict | null, note: string): Promise<MarkUpdate>;
  exportCsv(): Promise<{ readonly file: string }>;
  stateChanged(): void;
  failed(error: unknown): void;
}

const FILTERS: ReadonlyArray<{ value: ReviewFilter; label: string }> = [
  { value: 'all', label: 'All images' },
  { value: 'unmarked', label: 'Not marked' },
  ...VERDICT_CHOICES.map((c) => ({ value: c.verdict, label: c.label })),
];

/** The review: images ranked by disagreement beside the current image's canvas and its mark. */
export class ReviewView {
  readonly element = el('section', 'review-view');
  private readonly counter = el('p', 'review-counter');
  private readonly list: ReviewList;
  private readonly title = el('h2', 'pair-title');
  private readonly file = el('p', 'pair-file');
  private readonly position = el('p', 'pair-position');
  private readonly pairView: PairView;
  private readonly markBar: MarkBar;
  private readonly loading = new LatestRequest();

  constructor(
    private readonly model: ReviewModel,
    schemas: { a: SchemaView; b: SchemaView },
    private readonly state: DiffUiState,
    private readonly actions: ReviewActions,
  ) {
    this.list = new ReviewList((id) => model.rank(id), (id) => this.select(id));
    this.pairView = new PairView(schemas, state.layer, (layer) => {
      state.layer = layer;
      actions.stateChanged();
    });
    this.markBar = new MarkBar((verdict, note) => void this.mark(verdict, note));
    const detail = el('div', 'pair-detail');
    detail.append(this.detailHeader(), this.markBar.element, this.pairView.element);
    const body = el('div', 'review-body');
    body.append(this.list.element, detail);
    this.element.append(this.toolbar(), body);
    this.select(model.entry(state.currentId) ? state.currentId : model.neighbour(undefined, state.filter, 1), false);
  }

  /** Handles a key of the review (j/k or arrows, 1–4, a/b/d/s); true when it did something. */
  onKey(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    const step = ['j', 'ArrowDown', 'ArrowRight'].includes(event.key) ? 1 : ['k', 'ArrowUp', 'ArrowLeft'].includes(event.key) ? -1 : 0;
    if (step !== 0) this.step(step);
    const verdict = verdictOfKey(event.key);
    if (verdict) this.markBar.mark(verdict);
    const layer = layerOfKey(event.key);
    if (layer) this.pairView.setLayer(layer);
    return step !== 0 || !!verdict || !!layer;
  }

  /** "marked 12 of 120", with the count per verdict. */
  counterText(): string {
    const counts = this.model.counts;
    const parts = VERDICT_CHOICES.map((c) => `${c.tag} ${counts[c.verdict]}`).join(' · ');
    return `marked ${counts.marked} of ${this.model.total} (${parts})`;
  }

  private toolbar(): HTMLElement {
    const bar = el('div', 'review-toolbar');
    const select = el('select', 'filter-select');
    select.id = 'review-filter';
    for (const f of FILTERS) select.append(new Option(f.label, f.value, false, f.value === this.state.filter));
    select.addEventListener('change', () => {
      this.state.filter = select.value as ReviewFilter;
      this.actions.stateChanged();
      this.select(this.model.neighbour(this.state.currentId, this.state.filter, 1) ?? this.state.currentId);
    });
    const label = el('label', 'filter-label', 'Show ');
    label.append(select);
    const exportButton = el('vscode-button', 'export-csv', 'Export CSV');
    exportButton.title = 'Write the marks to review.csv beside the diff';
    exportButton.addEventListener('click', () => this.actions.exportCsv().then((r) => (this.counter.title = `saved to ${r.file}`), this.actions.failed));
    bar.append(label, this.counter, exportButton);
    return bar;
  }

  private detailHeader(): HTMLElement {
    const header = el('header', 'pair-header');
    const nav = el('div', 'pair-nav');
    for (const [text, step] of [['‹ Previous (k)', -1], ['Next (j) ›', 1]] as const) {
      const button = el('button', 'nav-button', text);
      button.type = 'button';
      button.addEventListener('click', () => this.step(step));
      nav.append(button);
    }
    const titles = el('div', 'pair-titles');
    titles.append(this.title, this.file, this.position);
    header.append(titles, nav);
    return header;
  }

  private step(step: 1 | -1): void {
    const id = this.model.neighbour(this.state.currentId, this.state.filter, step);
    if (id !== undefined && id !== this.state.currentId) this.select(id);
  }

  /** Makes an image the current one: list, header, mark and pixels. */
  private select(id: string | undefined, save = true): void {
    this.state.currentId = id;
    if (save) this.actions.stateChanged();
    this.refresh();
    const entry = this.model.entry(id);
    if (!entry) {
      this.pairView.showStatus('No image to show.');
      return;
    }
    this.pairView.showStatus(`Loading ${entry.id}…`);
    this.loading
      .run((signal) => this.actions.pair(entry.id, signal))
      .then((got) => got && this.pairView.show(got.value), (error: unknown) => this.pairView.showStatus(error instanceof Error ? error.message : String(error), true));
  }

  private refresh(): void {
    const entry = this.model.entry(this.state.currentId);
    const filtered = this.model.filtered(this.state.filter);
    this.list.show(filtered, entry?.id);
    this.title.textContent = entry ? entry.id : 'No image';
    this.file.textContent = entry?.image ?? '';
    const at = entry ? filtered.indexOf(entry) : -1;
    this.position.textContent = entry ? `${at >= 0 ? `${at + 1} / ${filtered.length}` : 'not in this filter'} · rank ${this.model.rank(entry.id)} of ${this.model.total} · ${percent(entry.disagreement)} disagreement` : '';
    this.markBar.show(entry);
    this.counter.textContent = this.counterText();
  }

  private async mark(verdict: ReviewVerdict | null, note: string): Promise<void> {
    const id = this.state.currentId;
    if (id === undefined) return;
    try {
      this.model.apply(await this.actions.setMark(id, verdict, note));
      this.refresh();
    } catch (error) {
      this.actions.failed(error);
    }
  }
}
