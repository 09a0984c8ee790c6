/**
 * Echoing input safely. A cell, a header, a file name or an option value can carry terminal control sequences
 * (ESC `[2J`, a C1 CSI, a bidi override that reorders the rest of the line); printed raw they can clear the
 * screen, fake a line of output or hide text. Every message that quotes input goes through `escapeControls`
 * (see `formatIssue` and the error classes in errors.ts). Pure.
 */

/**
 * C0 and C1 controls and DEL (`Cc`), invisible format characters (`Cf`: zero-width space and joiners, soft
 * hyphen, bidi embeddings, overrides and isolates, the byte-order mark) and the line and paragraph separators.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** As UNSAFE, but not a line feed, a tab or the CR of a CRLF: the layout of multi-line output (tables, CSV, JSON). */
const UNSAFE_IN_LINES = /\r(?!\n)|[^\n\r\t\P{Cc}]|[\p{Cf}\u2028\u2029]/gu;

const SHORT: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, { '\t': '\\t', '\n': '\\n', '\r': '\\r' });

function escapeOne(c: string): string {
  const short = SHORT[c];
  if (short !== undefined) return short;
  // JSON's form, UTF-16 code unit by code unit (a surrogate pair beyond the BMP): the escape is valid inside a
  // JSON string and reads as the same character there.
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * One line of text safe to print: every control, invisible format character and line break is replaced by its
 * escape (`\u001b`, `\u200b`, `\n`, `\t`); everything else, including a backslash, is left as it is.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * Text of several lines safe to print: as `escapeControls`, but line feeds, CRLF and tabs stay (a table, the CSV
 * template, a JSON document keep their layout). For a whole stdout or stderr text. Inside a JSON document the
 * escapes are JSON escapes of the same characters, so the document means the same (JSON.stringify escapes C0
 * controls already; this adds DEL, C1 and the invisible ones).
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_IN_LINES, escapeOne);
}
