import { el } from '../shared/dom';
import { enableGridNavigation } from './gridKeyboard';
import { cellStrength, describeCell, isActionable, type HeatmapCell, type HeatmapModel } from './heatmapModel';
import type { HeatmapScale } from './reportUiState';

/** What the grid reports back: a cell to open, and a description of the cell under the pointer or focus. */
export interface HeatmapGridActions {
  open(cell: HeatmapCell): void;
  describe(text: string): void;
}

/** The confusion matrix as an ARIA grid: rows = ground truth, columns = prediction, class names on both axes. */
export function renderHeatmapGrid(model: HeatmapModel, scale: HeatmapScale, caption: string, actions: HeatmapGridActions): HTMLTableElement {
  const table = el('table', 'heatmap');
  table.setAttribute('role', 'grid');
  table.setAttribute('aria-label', caption);
  const head = el('thead');
  const headRow = el('tr');
  headRow.setAttribute('role', 'row');
  headRow.append(axisCorner(), ...model.classes.map((c) => axisHeader(c.name, 'col')), totalHeader());
  head.append(headRow);
  const body = el('tbody');
  const cellElements = model.cells.map((line, r) => {
    const row = el('tr');
    row.setAttribute('role', 'row');
    const cells = line.map((cell) => heatCell(cell, model.rowTotals[r], scale, actions));
    const rowHeader = axisHeader(model.classes[r].name, 'row');
    rowHeader.setAttribute('aria-label', `${model.classes[r].name}, ${model.rowTotals[r].toLocaleString('en-US')} ground-truth px`);
    row.append(rowHeader, ...cells, totalCell(model.rowTotals[r]));
    body.append(row);
    return cells;
  });
  enableGridNavigation(cellElements, (r, c) => {
    const cell = model.cells[r][c];
    if (isActionable(cell)) actions.open(cell);
  });
  table.append(head, body);
  return table;
}

function axisCorner(): HTMLTableCellElement {
  const corner = el('th', 'corner');
  corner.setAttribute('role', 'columnheader');
  corner.append(el('span', undefined, 'ground truth ↓'), el('span', undefined, 'prediction →'));
  return corner;
}

function axisHeader(name: string, scope: 'row' | 'col', extra?: string): HTMLTableCellElement {
  const cell = el('th', extra ? `axis-${scope} ${extra}` : `axis-${scope}`);
  cell.scope = scope;
  cell.setAttribute('role', scope === 'row' ? 'rowheader' : 'columnheader');
  cell.title = name;
  cell.append(el('span', 'axis-name', name));
  return cell;
}

function heatCell(cell: HeatmapCell, rowTotal: number, scale: HeatmapScale, actions: HeatmapGridActions): HTMLTableCellElement {
  const td = el('td', cell.diagonal ? 'cell diagonal' : 'cell');
  td.setAttribute('role', 'gridcell');
  td.dataset.gt = String(cell.gt.id);
  td.dataset.pred = String(cell.pred.id);
  if (isActionable(cell)) td.classList.add('actionable');
  td.style.setProperty('--strength', cellStrength(cell, scale).toFixed(3));
  const description = describeCell(cell, rowTotal);
  td.title = isActionable(cell) ? `${description}. Click or press Enter to open these images.` : description;
  td.setAttribute('aria-label', description);
  const pct = cell.share * 100;
  td.textContent = pct >= 1 ? String(Math.round(pct)) : cell.count > 0 ? '·' : '';
  const show = (): void => actions.describe(description);
  td.addEventListener('mouseenter', show);
  td.addEventListener('focus', show);
  return td;
}

function totalHeader(): HTMLTableCellElement {
  const th = el('th', 'total', 'GT px');
  th.setAttribute('aria-hidden', 'true');
  return th;
}

function totalCell(total: number): HTMLTableCellElement {
  const td = el('td', 'total', total.toLocaleString('en-US'));
  // The row header already says the total; the grid's cells are the matrix only.
  td.setAttribute('aria-hidden', 'true');
  return td;
}
