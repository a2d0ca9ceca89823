import type { ReportSnapshot, RunSummaryView } from '../../src/protocol/reportPanelMessages';
import { el } from '../shared/dom';
import { renderClassTable } from './classTable';
import { renderConfusionSection } from './confusionSection';
import type { ReportUiState } from './reportUiState';
import { renderSummaries } from './runSummary';
import { renderWorstImages } from './worstImages';

/** What the report's controls ask of the host, and the hook to persist UI state. */
export interface ReportActions {
  openConfusion(run: RunSummaryView, gt: number, pred: number): void;
  openImage(run: RunSummaryView, id: string): void;
  compareWith(): void;
  stateChanged(): void;
}

/** Renders the whole report into `root`, replacing what was there. */
export function renderReport(root: HTMLElement, snapshot: ReportSnapshot, state: ReportUiState, actions: ReportActions): void {
  const main = el('main', 'report');
  main.append(
    header(snapshot, actions),
    renderSummaries(snapshot),
    renderClassTable(snapshot, state, actions.stateChanged),
    renderConfusionSection(snapshot, state, actions.stateChanged, (run, cell) => actions.openConfusion(run, cell.gt.id, cell.pred.id)),
    renderWorstImages(snapshot, (run, image) => actions.openImage(run, image.id)),
  );
  root.replaceChildren(main);
}

function header(snapshot: ReportSnapshot, actions: ReportActions): HTMLElement {
  const bar = el('header', 'report-header');
  const runs = snapshot.runs.length === 1 ? '1 run' : `${snapshot.runs.length} runs side by side; ${snapshot.runs[0]?.label ?? '#1'} is the reference`;
  const titles = el('div', 'report-titles');
  titles.append(el('h1', undefined, snapshot.title), el('p', 'muted', runs));
  const compare = el('vscode-button', 'compare-button', 'Compare with…');
  compare.title = 'Pick another run to show side by side with these';
  compare.addEventListener('click', () => actions.compareWith());
  bar.append(titles, compare);
  return bar;
}
