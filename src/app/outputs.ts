/**
 * What the CSV outputs share: the dialect they are written in, and the input columns every output row carries
 * (the canonical columns and every column the tool does not know, so that nothing the coordinator put in a file
 * is lost).
 */
import { compareCodeUnits } from '../domain/compare.js';
import { canonicalColumn } from '../read/columns.js';
import { CANONICAL_COLUMNS, type Candidate } from '../domain/types.js';

/** How a CSV output is written: its delimiter and the decimal separator of its numbers. */
export interface OutputDialect {
  delimiter: string;
  decimal: ',' | '.';
}

/**
 * The dialect of the CSV outputs. The delimiter is the one asked for (`--delimiter`); else `;` when the output is
 * for a Norwegian spreadsheet (Norwegian Excel opens a `,` or tab file as one column); else the input's (the first
 * CSV input's), `,` when there is none. Numbers are written as the spreadsheet that splits on the delimiter reads
 * them: a decimal comma in a `;` file, a decimal point in a `,` file, and in a tab file as the language has it.
 * Either way Excel reads `3,5` or `3.5` as a number, never as the date `03.mai`.
 */
export function outputDialect(asked: string | undefined, norwegian: boolean, inputDelimiter: string | undefined): OutputDialect {
  const delimiter = asked ?? (norwegian ? ';' : (inputDelimiter ?? ','));
  const decimal = delimiter === ';' ? ',' : delimiter === ',' ? '.' : norwegian ? ',' : '.';
  return { delimiter, decimal };
}

/** Input columns that hold a decimal number, written with the output's decimal separator. */
const DECIMAL_COLUMNS: ReadonlySet<string> = new Set(['experience_years']);

/** A decimal as typed (`3.5`, `3,5`, `,5`) with `decimal` as its separator; anything else as it is. */
export function withDecimal(text: string, decimal: ',' | '.'): string {
  return /^\s*\d*[.,]\d+\s*$/.test(text) ? text.replace(/[.,]/, decimal) : text;
}

export interface PassThrough {
  /** Output header names: canonical names, then unknown columns in their input order. */
  header: string[];
  row: (c: Candidate) => string[];
}

/**
 * The input columns of `candidates`, read from `files` (their headers in file order). Unknown columns come
 * in the order they stand in the input: the files taken by name (so the order on the command line does not
 * matter), each file's columns left to right, a column the files share where it first stands. Numbers in the
 * canonical columns are written in the output dialect (`decimal`); every other cell as typed.
 */
export function passThrough(candidates: readonly Candidate[], files: ReadonlyArray<{ name: string; headers: readonly string[] }>, decimal: ',' | '.'): PassThrough {
  const known = (h: string) => canonicalColumn(h) !== null;
  const extras = new Set<string>();
  for (const f of [...files].sort((a, b) => compareCodeUnits(a.name, b.name))) for (const h of f.headers) if (h !== '' && !known(h)) extras.add(h);
  // A column no file summary lists (never so for candidates read from files): after the others, in code-unit order.
  const rest = new Set<string>();
  for (const c of candidates) for (const h of Object.keys(c.raw)) if (!known(h) && !extras.has(h)) rest.add(h);
  const extraList = [...extras, ...[...rest].sort(compareCodeUnits)];
  return {
    header: [...CANONICAL_COLUMNS, ...extraList],
    row: (c) => {
      const canon = new Map<string, string>();
      for (const [h, v] of Object.entries(c.raw)) {
        const col = canonicalColumn(h);
        if (col !== null && !canon.has(col)) canon.set(col, DECIMAL_COLUMNS.has(col) ? withDecimal(v, decimal) : v);
      }
      return [...CANONICAL_COLUMNS.map((col) => canon.get(col) ?? ''), ...extraList.map((h) => c.raw[h] ?? '')];
    },
  };
}
