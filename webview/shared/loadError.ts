import { el } from './dom';

/** Replaces the page's content with an alert saying what could not be loaded and why (the message names the file). */
export function showLoadError(root: HTMLElement, what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const box = el('div', 'load-error');
  box.setAttribute('role', 'alert');
  box.append(el('h1', 'load-error-title', what), el('p', 'load-error-message', message));
  root.replaceChildren(box);
  root.setAttribute('aria-busy', 'false');
}
