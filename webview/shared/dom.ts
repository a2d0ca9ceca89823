/** Creates an element with a class and text; text is set as textContent, never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Formats a score in 0–1 with three decimals, or an en dash for none. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(3);
}

/** A CSS colour from an RGB triple. */
export function rgb(color: readonly [number, number, number]): string {
  return `rgb(${color[0]}, ${color[1]}, ${color[2]})`;
}

/** A column heading: its label, its tooltip, and its class (default "num", right-aligned numbers). */
export interface ColumnHead {
  readonly label: string;
  readonly title: string;
  readonly cls?: string;
}

/** A table head: a left-aligned name column, then the given columns, each a col-scoped header with its tooltip. */
export function tableHead(nameLabel: string, columns: readonly ColumnHead[]): HTMLTableSectionElement {
  const row = el('tr');
  const name = el('th', 'name', nameLabel);
  name.scope = 'col';
  row.append(name);
  for (const column of columns) {
    const th = el('th', column.cls ?? 'num', column.label);
    th.scope = 'col';
    th.title = column.title;
    row.append(th);
  }
  const head = el('thead');
  head.append(row);
  return head;
}
