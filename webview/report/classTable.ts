import type { ReportSnapshot } from '../../src/protocol/reportPanelMessages';
import { el } from '../shared/dom';
import { classColumns, startsRunGroup, type ClassColumn } from './classColumns';
import { nextDirection, sortClassRows } from './classSort';
import type { ReportUiState } from './reportUiState';

/** The per-class table: one row per class, one column group per run, sortable by any column from its header button. */
export function renderClassTable(snapshot: ReportSnapshot, state: ReportUiState, onStateChange: () => void): HTMLElement {
  const section = el('section', 'class-section');
  section.setAttribute('aria-labelledby', 'class-table-title');
  const title = el('h2', undefined, 'Per-class scores');
  title.id = 'class-table-title';
  const columns = classColumns(snapshot.runs);
  const table = el('table', 'class-table');
  table.setAttribute('aria-labelledby', 'class-table-title');
  const body = el('tbody');
  const head = el('thead');
  const fillBody = (): void => body.replaceChildren(...bodyRows(snapshot, columns, state));
  const headerCells = columns.map((column) =>
    sortHeader(column, state, () => {
      state.sortDir = nextDirection(column, state.sortKey, state.sortDir);
      state.sortKey = column.key;
      headerCells.forEach((cell, i) => markSort(cell, columns[i], state));
      fillBody();
      onStateChange();
    }),
  );
  if (snapshot.runs.length > 1) head.append(groupHeaderRow(snapshot, columns));
  const metricRow = el('tr');
  metricRow.append(...headerCells);
  head.append(metricRow);
  fillBody();
  table.append(head, body);
  const scroller = el('div', 'table-scroll');
  scroller.append(table);
  section.append(title, scroller);
  return section;
}

function groupHeaderRow(snapshot: ReportSnapshot, columns: readonly ClassColumn[]): HTMLTableRowElement {
  const row = el('tr', 'run-group-row');
  row.append(el('td', 'corner'));
  snapshot.runs.forEach((run, i) => {
    const span = columns.filter((c) => c.runIndex === i).length;
    const cell = el('th', i === 0 ? 'run-group reference' : 'run-group', i === 0 ? `${run.label} (reference)` : run.label);
    cell.scope = 'colgroup';
    cell.colSpan = span;
    cell.title = run.dir;
    row.append(cell);
  });
  return row;
}

function sortHeader(column: ClassColumn, state: ReportUiState, onActivate: () => void): HTMLTableCellElement {
  const cell = el('th', column.numeric ? 'num' : 'name');
  cell.scope = 'col';
  cell.dataset.key = column.key;
  if (startsRunGroup(column)) cell.classList.add('group-start');
  const button = el('button', 'sort-button', column.label);
  button.type = 'button';
  button.setAttribute('aria-label', column.ariaLabel);
  // A native button already turns Enter and Space into a click.
  button.addEventListener('click', onActivate);
  button.append(el('span', 'sort-indicator'));
  cell.append(button);
  markSort(cell, column, state);
  return cell;
}

function markSort(cell: HTMLTableCellElement, column: ClassColumn, state: ReportUiState): void {
  const sorted = state.sortKey === column.key && state.sortDir !== undefined;
  cell.setAttribute('aria-sort', sorted ? (state.sortDir === 'asc' ? 'ascending' : 'descending') : 'none');
  const indicator = cell.querySelector('.sort-indicator');
  if (indicator) indicator.textContent = sorted ? (state.sortDir === 'asc' ? ' ▲' : ' ▼') : '';
}

function bodyRows(snapshot: ReportSnapshot, columns: readonly ClassColumn[], state: ReportUiState): HTMLTableRowElement[] {
  const sortColumn = columns.find((c) => c.key === state.sortKey);
  const rows = sortColumn && state.sortDir ? sortClassRows(snapshot.classes, sortColumn, state.sortDir) : snapshot.classes;
  return rows.map((row) => {
    const tr = el('tr');
    for (const column of columns) {
      const cell = column.key === 'name' ? el('th', 'name', column.format(row)) : el('td', 'num', column.format(row));
      if (column.key === 'name') (cell as HTMLTableCellElement).scope = 'row';
      if (column.key.endsWith('.dF1')) cell.classList.add(...deltaClasses(column.value(row)));
      if (startsRunGroup(column)) cell.classList.add('group-start');
      tr.append(cell);
    }
    return tr;
  });
}

function deltaClasses(value: number | string | null): string[] {
  if (typeof value !== 'number') return ['delta'];
  // Colour only what the three shown decimals show as a change.
  if (value <= -0.0005) return ['delta', 'worse'];
  if (value >= 0.0005) return ['delta', 'better'];
  return ['delta'];
}
