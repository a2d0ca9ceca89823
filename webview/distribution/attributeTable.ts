import type { AttributeComparison } from '../../src/protocol/distributionPanelMessages';
import { el, tableHead } from '../shared/dom';
import { attributeValue, directionText, fixed2, metricText, sig3 } from './distNumbers';

/** One column of the attributes table: its header, what it explains, its class and the cell text of an attribute. */
interface Column {
  readonly label: string;
  readonly title: string;
  readonly cls: string;
  readonly cell: (a: AttributeComparison) => string;
}

const COLUMNS: readonly Column[] = [
  { label: 'Metric', title: 'Wasserstein-1 for continuous attributes, total variation for binary ones', cls: 'name', cell: (a) => metricText(a.metric) },
  { label: 'Distance', title: "The metric's value, in the attribute's unit (binary: the difference of the rates)", cls: 'num', cell: (a) => sig3(a.distance) },
  { label: 'Effect', title: "Size of the difference on a common scale: W1 over the pooled standard deviation, or Cohen's h; the table is sorted by it", cls: 'num', cell: (a) => fixed2(a.effect) },
  { label: 'Direction', title: 'Which way B differs from A', cls: 'name', cell: (a) => directionText(a.direction) },
  { label: 'A mean', title: "A's mean (binary: share of images)", cls: 'num', cell: (a) => attributeValue(a.a.mean, a) },
  { label: 'B mean', title: "B's mean (binary: share of images)", cls: 'num', cell: (a) => attributeValue(a.b.mean, a) },
];

/** What the table tells its owner. */
export interface AttributeTableActions {
  /** A row was chosen (click, Enter or Space, or the arrow keys). */
  select(name: string): void;
}

/** The attributes table, largest effect first; rows are focusable and choosing one shows that attribute's histogram. */
export class AttributeTable {
  readonly element: HTMLElement;
  private readonly rows = new Map<string, HTMLTableRowElement>();
  private readonly order: string[];

  constructor(attributes: readonly AttributeComparison[], selected: string | undefined, private readonly actions: AttributeTableActions) {
    const sorted = [...attributes].sort((x, y) => Math.abs(y.effect) - Math.abs(x.effect) || (x.name < y.name ? -1 : 1));
    this.order = sorted.map((a) => a.name);
    const table = el('table', 'attribute-table');
    table.setAttribute('aria-labelledby', 'attributes-title');
    const head = tableHead('Attribute', COLUMNS);
    const body = el('tbody');
    body.append(...sorted.map((a) => this.row(a)));
    body.addEventListener('keydown', (event) => this.onKey(event));
    table.append(head, body);
    const scroller = el('div', 'table-scroll');
    scroller.append(table);
    this.element = scroller;
    this.mark(selected);
  }

  /** Marks the row of the attribute as the selected one. */
  mark(name: string | undefined): void {
    for (const [key, row] of this.rows) row.setAttribute('aria-selected', String(key === name));
  }

  private row(a: AttributeComparison): HTMLTableRowElement {
    const row = el('tr', 'attribute-row');
    row.dataset.attribute = a.name;
    row.tabIndex = 0;
    row.title = a.finding;
    const name = el('th', 'name');
    name.scope = 'row';
    name.append(el('span', 'attr-title', a.title));
    if (a.title !== a.name) name.append(el('code', 'attr-name', a.name));
    row.append(name, ...COLUMNS.map((column) => el('td', column.cls, column.cell(a))));
    row.addEventListener('click', () => this.actions.select(a.name));
    this.rows.set(a.name, row);
    return row;
  }

  private onKey(event: KeyboardEvent): void {
    const row = (event.target as HTMLElement | null)?.closest<HTMLTableRowElement>('tr.attribute-row');
    const name = row?.dataset.attribute;
    if (!row || name === undefined) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.actions.select(name);
      return;
    }
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = this.order[this.order.indexOf(name) + step];
    if (next === undefined) return;
    this.rows.get(next)?.focus();
    this.actions.select(next);
  }
}
