import type { RunChoice, SchemaView } from '../../../src/protocol/viewTypes';
import { score, el } from '../../shared/dom';
import { button, setSelectOptions, singleSelect, textField } from '../controls';
import type { DatasetUiState, SortKey } from '../uiState';
import { confusionChip } from './confusionChip';
import { sortChoices } from './sortChoices';

/** What the toolbar's controls change. */
export interface ToolbarActions {
  filterText(text: string): void;
  run(dir: string | null): void;
  sort(key: SortKey): void;
  direction(descending: boolean): void;
  removeConfusion(): void;
}

/** What the toolbar shows. */
export interface ToolbarView {
  readonly schema: SchemaView;
  readonly runs: readonly RunChoice[];
  readonly state: DatasetUiState;
  readonly shown: number;
  readonly total: number;
  /** Images of the confusion filter in force, undefined while loading. */
  readonly confusionCount: number | undefined;
}

const NO_RUN = '';

/** The gallery's controls: name filter, run picker, sort key and direction, image count and the confusion filter chip. */
export class GalleryToolbar {
  readonly element = el('div', 'gallery-toolbar');
  private readonly filter;
  private readonly runSelect;
  private readonly sortSelect;
  private readonly directionButton;
  private readonly count = el('span', 'gallery-count');
  private readonly chipSlot = el('div', 'chip-slot');
  private descending = false;

  constructor(private readonly actions: ToolbarActions) {
    this.filter = textField('name-filter', 'Filter images by name', 'Filter by name', (text) => actions.filterText(text));
    this.runSelect = singleSelect('run-select', 'Run', (value) => actions.run(value === NO_RUN ? null : value));
    this.sortSelect = singleSelect('sort-select', 'Sort by', (value) => actions.sort(value as SortKey));
    this.directionButton = button('', '', () => actions.direction(!this.descending), true);
    this.directionButton.id = 'sort-direction';
    this.count.setAttribute('aria-live', 'polite');
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Gallery');
    this.element.append(this.filter, labelled('Run', this.runSelect), labelled('Sort', this.sortSelect), this.directionButton, this.count, this.chipSlot);
  }

  /** Brings every control in line with the state (a field being typed in keeps its text). */
  update(view: ToolbarView): void {
    const { state } = view;
    if (this.filter.value !== state.filterText) this.filter.value = state.filterText;
    const runOptions = [{ value: NO_RUN, label: 'No run' }, ...view.runs.map((r) => ({ value: r.dir, label: runLabel(r) }))];
    setSelectOptions(this.runSelect, runOptions, state.run ?? NO_RUN);
    const choices = sortChoices(view.schema, state.run !== null);
    const sortKey = choices.some((c) => c.key === state.sortKey) ? state.sortKey : 'name';
    setSelectOptions(this.sortSelect, choices.map((c) => ({ value: c.key, label: c.label })), sortKey);
    this.sortSelect.disabled = state.confusion !== null;
    this.updateDirection(state.descending, state.confusion !== null);
    this.count.textContent = view.shown === view.total ? `${view.total} images` : `${view.shown} of ${view.total} images`;
    const chip = state.confusion ? confusionChip(state.confusion, view.confusionCount, () => this.actions.removeConfusion()) : undefined;
    this.chipSlot.replaceChildren(...(chip ? [chip] : []));
  }

  private updateDirection(descending: boolean, disabled: boolean): void {
    this.descending = descending;
    this.directionButton.textContent = descending ? '↓ Descending' : '↑ Ascending';
    this.directionButton.setAttribute('aria-label', `Sort order: ${descending ? 'descending' : 'ascending'}; activate to reverse`);
    this.directionButton.disabled = disabled;
  }
}

function runLabel(run: RunChoice): string {
  return `${run.label} (mean F1 ${score(run.meanF1)}${run.status === 'complete' ? '' : `, ${run.status}`})`;
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  const wrap = el('label', 'toolbar-field');
  wrap.append(el('span', 'toolbar-label', text), control);
  return wrap;
}
