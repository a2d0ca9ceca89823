import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { el } from '../shared/dom';

/** One choice of a single-select. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A VS Code styled button with visible text, an accessible name and a click action. */
export function button(text: string, ariaLabel: string, onClick: () => void, secondary = false): VscodeButton {
  const b = el('vscode-button', undefined, text);
  b.setAttribute('aria-label', ariaLabel);
  b.secondary = secondary;
  b.addEventListener('click', () => {
    if (!b.disabled) onClick();
  });
  return b;
}

/** A VS Code styled single-select; `onChange` gets the chosen value. */
export function singleSelect(id: string, ariaLabel: string, onChange: (value: string) => void): VscodeSingleSelect {
  const select = el('vscode-single-select');
  select.id = id;
  select.label = ariaLabel;
  select.setAttribute('aria-label', ariaLabel);
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

/** Replaces a select's options when they changed, then selects `value`. */
export function setSelectOptions(select: VscodeSingleSelect, options: readonly SelectOption[], value: string): void {
  const key = JSON.stringify(options);
  if (select.dataset.options !== key) {
    select.dataset.options = key;
    select.replaceChildren(...options.map((o) => optionElement(o)));
  }
  if (select.value !== value) select.value = value;
}

/** A VS Code styled checkbox with a text label. */
export function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void): VscodeCheckbox {
  const box = el('vscode-checkbox');
  box.label = label;
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}

/** A VS Code styled text field; `onInput` gets the text on each keystroke. */
export function textField(id: string, ariaLabel: string, placeholder: string, onInput: (text: string) => void): VscodeTextfield {
  const field = el('vscode-textfield');
  field.id = id;
  field.label = ariaLabel;
  field.placeholder = placeholder;
  field.addEventListener('input', () => onInput(field.value));
  return field;
}

function optionElement(option: SelectOption): HTMLElement {
  const o = el('vscode-option', undefined, option.label);
  o.setAttribute('value', option.value);
  return o;
}
