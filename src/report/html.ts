/**
 * Safe-by-construction HTML: the `html` tag escapes every interpolated value unless it is already `SafeHtml`
 * (the result of another `html` tag). Names, organisations and file names come from candidate spreadsheets and
 * may hold `<`, `&` or quotes; none of them can become markup. Attribute values must be written in double
 * quotes in the templates (the escaper covers both quote kinds anyway). A control or invisible format character
 * (ESC, C1, a bidi override that would reorder the rest of a line, a zero-width space) is shown by its escape
 * (`\u202e`), as the terminal shows it: the page never displays text other than what the file holds.
 */
import { escapeForTerminal } from '../domain/escape.js';

/** A fragment of markup that has already been escaped. Only `html` and `raw` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate. `null`, `undefined` and `false` render as nothing (for `cond && html\`…\``). */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text with `& < > " '` replaced by entities: safe in element content and in quoted attribute values; controls and
 * invisible format characters escaped as on the terminal (`escapeForTerminal`: line feeds and tabs stay).
 */
export function escapeHtml(text: string): string {
  return escapeForTerminal(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return escapeHtml(v);
  return v.map(render).join('');
}

/** Tagged template: the literal parts are markup, every `${value}` is escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trusted markup written in this module tree (the stylesheet), never data. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
