/** Spreadsheet cells and formula injection: what the writers add in front of a cell, and how readers take it off. */

/** Characters that make a spreadsheet cell a formula (or can, after trimming) when they come first. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** The cell as written: prefixed with `'` when it could start a formula, else unchanged. */
export function neutraliseCell(cell: string): string {
  const first = cell[0];
  return first !== undefined && FORMULA_START.has(first) ? `'${cell}` : cell;
}

/**
 * A cell as typed before `toCsv` neutralised it: the leading `'` our writer adds in front of `= + - @`, tab,
 * CR, LF (and their full-width forms) is removed; any other leading `'` is the user's and stays.
 */
export function unneutraliseCell(cell: string): string {
  if (!cell.startsWith("'")) return cell;
  const rest = cell.slice(1);
  return neutraliseCell(rest) === cell ? rest : cell;
}
