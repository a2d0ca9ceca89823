const TEXT_ENTRY = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'VSCODE-TEXTFIELD', 'VSCODE-TEXTAREA', 'VSCODE-SINGLE-SELECT']);

/** True when a key press belongs to a control (typing in the filter, moving a slider, choosing in a select), not to the panel. */
export function isControlKey(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  return TEXT_ENTRY.has(target.tagName) || target.isContentEditable;
}

/** True when the key press arrived on a button-like control, where Enter and Space are its own. */
export function isOnButton(event: KeyboardEvent): boolean {
  const target = event.target;
  return target instanceof HTMLElement && (target.tagName === 'BUTTON' || target.tagName === 'VSCODE-BUTTON' || target.tagName === 'SUMMARY');
}
