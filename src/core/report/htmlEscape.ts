/** Text that is already HTML; only `html` and `rawHtml` make one, so every other string gets escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}

  /** The HTML text. */
  toString(): string {
    return this.value;
  }
}

/** A value that may go into an `html` template: escaped unless it is SafeHtml; arrays are joined; null and undefined vanish. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** Marks a string the caller built from trusted parts (CSS, markup without data) as HTML. */
export function rawHtml(text: string): SafeHtml {
  return new SafeHtml(text);
}

/** Renders one interpolated value: SafeHtml as is, anything else escaped. */
export function htmlValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => htmlValue(v)).join('');
  return escapeHtml(String(value));
}

/** Tagged template for HTML: the literal parts are markup, every interpolation is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += htmlValue(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}
