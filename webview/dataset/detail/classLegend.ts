import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { SchemaView } from '../../../src/protocol/viewTypes';
import { el, rgb } from '../../shared/dom';
import { checkbox } from '../controls';
import { GREY, IGNORE_ID } from './labelPalette';

/** The legend: one checkbox per class in the class's colour, plus one for ignored pixels and ids outside the schema. */
export class ClassLegend {
  readonly element = el('div', 'class-legend');
  private readonly boxes = new Map<number, VscodeCheckbox>();
  private schemaKey = '';

  constructor(private readonly onToggle: (id: number, visible: boolean) => void) {
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', 'Classes drawn');
  }

  /** Shows the schema's classes, checked unless hidden (the list is rebuilt only when the schema changes, keeping focus). */
  update(schema: SchemaView, hidden: ReadonlySet<number>): void {
    const key = JSON.stringify(schema);
    if (key !== this.schemaKey) {
      this.schemaKey = key;
      this.boxes.clear();
      const entries = [...schema.classes.map((c) => ({ id: c.id, name: c.name, color: c.color })), { id: IGNORE_ID, name: 'ignore / other', color: GREY }];
      this.element.replaceChildren(...entries.map((e) => this.entry(e.id, e.name, e.color)));
    }
    for (const [id, box] of this.boxes) if (box.checked === hidden.has(id)) box.checked = !hidden.has(id);
  }

  private entry(id: number, name: string, color: readonly [number, number, number]): HTMLElement {
    const row = el('div', 'legend-entry');
    const swatch = el('span', 'legend-swatch');
    swatch.style.backgroundColor = rgb(color);
    swatch.setAttribute('aria-hidden', 'true');
    const box = checkbox(name, true, (checked) => this.onToggle(id, checked));
    box.setAttribute('aria-label', `Show ${name}`);
    box.dataset.classId = String(id);
    this.boxes.set(id, box);
    row.append(swatch, box);
    return row;
  }
}
