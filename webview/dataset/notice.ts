import { el } from '../shared/dom';

/** A dismissable alert line for failed requests (the message names the file or run). */
export class Notice {
  readonly element = el('div', 'notice');

  constructor() {
    this.element.setAttribute('role', 'alert');
    this.element.hidden = true;
  }

  /** Shows what failed and why. */
  show(what: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const close = el('button', 'notice-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss');
    close.addEventListener('click', () => (this.element.hidden = true));
    this.element.replaceChildren(el('span', 'notice-text', `${what}: ${message}`), close);
    this.element.hidden = false;
  }
}
