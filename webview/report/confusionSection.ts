import type { ReportSnapshot, RunSummaryView } from '../../src/protocol/reportPanelMessages';
import { el } from '../shared/dom';
import { renderHeatmapGrid } from './heatmapGrid';
import { heatmapModel, LOG_SCALE_FLOOR, percent, type HeatmapCell } from './heatmapModel';
import type { HeatmapScale, ReportUiState } from './reportUiState';

/** Opens the gallery of a run's images with one confusion. */
export type OpenConfusion = (run: RunSummaryView, cell: HeatmapCell) => void;

/** The confusion heatmap of one run (picked with a selector when several have one), its scale, legend and readout. */
export function renderConfusionSection(snapshot: ReportSnapshot, state: ReportUiState, onStateChange: () => void, open: OpenConfusion): HTMLElement {
  const section = el('section', 'confusion-section');
  section.setAttribute('aria-labelledby', 'confusion-title');
  const title = el('h2', undefined, 'Confusion matrix');
  title.id = 'confusion-title';
  section.append(title);
  const runs = snapshot.runs.filter((run) => run.confusion !== undefined);
  if (runs.length === 0) {
    section.append(el('p', 'muted', 'No run has a confusion matrix.'));
    return section;
  }
  const body = el('div', 'confusion-body');
  const draw = (): void => body.replaceChildren(...heatmapParts(chosenRun(runs, state), state, open));
  const redraw = (): void => {
    draw();
    onStateChange();
  };
  section.append(controls(runs, state, redraw), body);
  draw();
  return section;
}

function chosenRun(runs: readonly RunSummaryView[], state: ReportUiState): RunSummaryView {
  return runs.find((run) => run.dir === state.heatmapRun) ?? runs[0];
}

function controls(runs: readonly RunSummaryView[], state: ReportUiState, onChange: () => void): HTMLElement {
  const bar = el('div', 'confusion-controls');
  if (runs.length > 1) {
    const options = runs.map((run) => ({ value: run.dir, text: `${run.label} — ${run.dir}` }));
    const pickRun = (dir: string): void => {
      state.heatmapRun = dir;
      onChange();
    };
    bar.append(labelledSelect('Run', 'heatmap-run', options, chosenRun(runs, state).dir, pickRun));
  }
  const scales = [
    { value: 'log', text: 'log' },
    { value: 'linear', text: 'linear' },
  ];
  const pickScale = (scale: string): void => {
    state.heatmapScale = scale === 'linear' ? 'linear' : 'log';
    onChange();
  };
  bar.append(labelledSelect('Colour scale', 'heatmap-scale', scales, state.heatmapScale, pickScale));
  return bar;
}

function labelledSelect(label: string, id: string, options: ReadonlyArray<{ value: string; text: string }>, value: string, onChange: (value: string) => void): HTMLElement {
  const wrap = el('div', 'control');
  const labelElement = el('label', undefined, label);
  labelElement.htmlFor = id;
  const select = el('select');
  select.id = id;
  for (const option of options) {
    const node = el('option', undefined, option.text);
    node.value = option.value;
    select.append(node);
  }
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  wrap.append(labelElement, select);
  return wrap;
}

function heatmapParts(run: RunSummaryView, state: ReportUiState, open: OpenConfusion): HTMLElement[] {
  if (!run.confusion) return [el('p', 'muted', `${run.label} has no confusion matrix.`)];
  const model = heatmapModel(run.confusion);
  if (model.classes.length === 0) return [el('p', 'muted', `${run.label}'s confusion matrix has no pixels.`)];
  const readout = el('p', 'heatmap-readout', 'Point at or focus a cell to see its counts.');
  readout.setAttribute('aria-live', 'polite');
  const caption = `Confusion matrix of ${run.label}, rows ground truth, columns prediction, colour = share of the row (${state.heatmapScale} scale)`;
  const grid = renderHeatmapGrid(model, state.heatmapScale, caption, {
    open: (cell) => open(run, cell),
    describe: (text) => (readout.textContent = text),
  });
  const scroller = el('div', 'heatmap-scroll');
  scroller.append(grid);
  const parts = [legend(state.heatmapScale), scroller, readout];
  if (model.hidden.length > 0) parts.push(el('p', 'muted', `Not shown (no pixels in ground truth or prediction): ${model.hidden.join(', ')}.`));
  return parts;
}

function legend(scale: HeatmapScale): HTMLElement {
  const box = el('div', 'heatmap-legend');
  const ticks = scale === 'log' ? [percent(LOG_SCALE_FLOOR), '1 %', '100 %'] : ['0 %', '50 %', '100 %'];
  const bar = el('div', 'legend-bar');
  bar.setAttribute('aria-hidden', 'true');
  const tickRow = el('div', 'legend-ticks');
  tickRow.setAttribute('aria-hidden', 'true');
  tickRow.append(...ticks.map((t) => el('span', undefined, t)));
  const text = el(
    'p',
    'legend-text',
    `Colour: share of each ground-truth row, ${scale} scale. Rows = ground truth, columns = prediction; ` +
      'cells show the row share in % (· under 1 %). Diagonal (outlined, green) = correct; red = confusion. ' +
      'Click a red cell, or focus it (arrow keys) and press Enter, to open the images with that confusion.',
  );
  box.append(text, bar, tickRow);
  return box;
}
