/**
 * Text → CSV records, each with the physical line it starts on. Built for hostile input: every problem is a
 * located `InputIssue`, limits keep time and memory bounded, and nothing throws except a bug. Pure (no fs).
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { InputIssue } from '../domain/errors.js';

/** Hard limits on one input file. Real candidate files are far below them (130 rows, 15 columns). */
export const INPUT_LIMITS = {
  /** Larger files are refused before decoding. 10 MiB. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Cells per row. */
  maxColumns: 1000,
  /** Characters per cell. */
  maxCellChars: 10_000,
  /** UTF-8 bytes per row (csv-parse `max_record_size`); stops a never-closed quote from swallowing the file. */
  maxRecordBytes: 1_000_000,
  /** Data rows per file. */
  maxRows: 100_000,
  /** Issues per file before reading stops: a file that is wrong everywhere is wrong for one reason. */
  maxIssues: 100,
  /**
   * Blank rows (spaces or delimiters only) with another cell count than the first row, per file: csv-parse builds an
   * error object for each (measured ~25 µs), so 10 MiB of `" \n"` took minutes. Empty lines cost nothing and are
   * not counted; nor are Excel's trailing `;;;;` rows, which have the header's count.
   */
  maxRaggedBlankRows: 10_000,
} as const;

/** Delimiters that detection chooses between, in tie-break order (Norwegian Excel writes `;`). */
const DELIMITERS = [';', '\t', ','] as const;

export interface CsvRecord {
  /**
   * 1-based row number as a spreadsheet shows the file: records counted from the top, blank ones included, so a
   * quoted cell with line breaks is one row (and no longer the file's line number after it).
   */
  line: number;
  /** Cells as typed (not trimmed). Never longer than the header; missing trailing cells are reported. */
  cells: string[];
  /** A workbook row only: what kind of cell each was (a CSV cell is always text). */
  kinds?: CellKind[] | undefined;
}

/** The kind of a workbook cell: `date` for a number shown as a date, `error` for `#N/A` and the like. */
export type CellKind = 'text' | 'number' | 'date' | 'boolean' | 'error' | 'blank';

export interface CsvTable {
  /** The delimiter used: the override, or the one detected from the header line. */
  delimiter: string;
  /** Header cells, trimmed; trailing empty header cells are dropped. Empty when the file has no header. */
  headers: string[];
  /** Row of the header, or null when the file has none. */
  headerLine: number | null;
  /** Rows with content above the header (a title, a note) that were passed over; empty when the header is first. */
  skippedRows: number[];
  /** Data records in file order; blank rows and all-empty rows (Excel's `;;;;`) are skipped. */
  records: CsvRecord[];
  issues: InputIssue[];
}

export interface CsvReadOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: string | undefined;
  /**
   * How to tell the header row from a title or note above it. Given, the header is the first of the first
   * `HEADER_SEARCH_ROWS` rows with content that it accepts (and a detected delimiter is the one that makes such a
   * row); when none is accepted, the first row with content is the header, as without it.
   */
  isHeader?: ((cells: readonly string[]) => boolean) | undefined;
}

/** Rows with content searched for the header when `isHeader` is given. */
export const HEADER_SEARCH_ROWS = 10;

/** Thrown from inside csv-parse's callback to stop reading early; never escapes `readCsv`. */
class StopReading extends Error {}

/**
 * The delimiter of the header line: the most frequent of `;`, tab and `,` outside quotes on the first line
 * that has content. Ties go in the order of DELIMITERS; a line with none of them gives `,`.
 */
export function detectDelimiter(text: string): string {
  let counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  // A file of nothing but `;;;;` rows has no header line; its delimiter-only lines still tell.
  let fallback: Map<string, number> | null = null;
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') {
      inQuotes = !inQuotes;
      content = true;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      // Skip leading blank and delimiter-only lines (Excel's `;;;;`); stop at the end of the header line.
      if (content) break;
      if (fallback === null && [...counts.values()].some((n) => n > 0)) fallback = counts;
      counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
    } else if (!inQuotes && counts.has(ch)) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    } else if (!/\s/.test(ch)) {
      content = true;
    }
  }
  if (!content && fallback !== null) counts = fallback;
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/**
 * Delimiters in one row beyond which the file is not parsed at all. csv-parse collects a row's cells before any
 * limit can see them, and empty cells add nothing to its `max_record_size`: a 10 MiB line of commas was a
 * 10-million-cell row (7 s, 0.5 GB). Up to this, a row over `maxColumns` is reported and the rest of the file read.
 */
const UNPARSED_ROW_DELIMITERS = INPUT_LIMITS.maxColumns * 100;

/**
 * The first row (counted as `readCsv` counts them) with more than `max` delimiters outside quoted cells, or null.
 * A quote opens a quoted cell at the start of a cell, as csv-parse reads it (elsewhere it is text: `relax_quotes`).
 */
function overwideRow(text: string, delimiter: string, max: number): number | null {
  // No row can have more delimiters than the whole text: counted by native search, this settles a real file without
  // the loop below over every character (about 16 ms of a 2,000-row file, run once, cold).
  let total = 0;
  for (let i = text.indexOf(delimiter); i >= 0 && total <= max; i = text.indexOf(delimiter, i + delimiter.length)) total++;
  if (total <= max) return null;
  let row = 1;
  let count = 0;
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"' && cellStart) {
      quoted = true;
      cellStart = false;
    } else if (text.startsWith(delimiter, i)) {
      if (++count > max) return row;
      i += delimiter.length - 1;
      cellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row++;
      count = 0;
      cellStart = true;
    } else cellStart = false;
  }
  return null;
}

/** Parse CSV text (BOM already stripped). Every problem is in `issues`; never throws on bad input. */
export function readCsv(text: string, file: string, options: CsvReadOptions = {}): CsvTable {
  const issues: InputIssue[] = [];
  // Excel's `sep=;` first line names the delimiter; blanked (not removed) so line numbers stay true.
  const sep = /^sep=([^\r\n])(?=\r|\n|$)/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  const delimiter = options.delimiter ?? sep?.[1] ?? (options.isHeader === undefined ? detectDelimiter(text) : headerDelimiter(text, options.isHeader));
  const table: CsvTable = { delimiter, headers: [], headerLine: null, skippedRows: [], records: [], issues };
  if (delimiter === '' || /["\r\n]/.test(delimiter)) {
    issues.push({ code: 'invalid_delimiter', file, message: `expected a delimiter such as ; , or tab, got ${JSON.stringify(delimiter)}`, params: { kind: 'file', problem: 'invalid_delimiter', delimiter } });
    return table;
  }

  const wide = overwideRow(text, delimiter, UNPARSED_ROW_DELIMITERS);
  if (wide !== null) {
    issues.push({
      code: 'too_many_columns',
      file,
      line: wide,
      message: `expected at most ${INPUT_LIMITS.maxColumns} cells in a row, got more than ${UNPARSED_ROW_DELIMITERS}`,
      params: { kind: 'file', problem: 'too_many_columns', max: INPUT_LIMITS.maxColumns, got: null },
    });
    return table;
  }

  // Rows are counted as a spreadsheet shows them: one per record, blank records included. csv-parse skips empty
  // lines (a record of another length than the first costs it an error object each: a file of 10 MiB of line
  // feeds took minutes) and counts them; a record's row is the records and empty lines up to it.
  const bytes = Buffer.from(text, 'utf8');
  let row = 0;
  let stopped = false;
  /** Rows with content before the header is known, while `isHeader` looks for it. */
  const pending: CsvRecord[] = [];

  const add = (issue: InputIssue): void => {
    issues.push(issue);
    if (issues.length >= INPUT_LIMITS.maxIssues) {
      issues.push({
        code: 'too_many_issues',
        file,
        line: issue.line,
        message: `stopped reading after ${INPUT_LIMITS.maxIssues} problems in this file`,
        params: { kind: 'file', problem: 'too_many_issues', max: INPUT_LIMITS.maxIssues, scope: 'file' },
      });
      throw new StopReading();
    }
  };

  const setHeader = (cells: string[], line: number): void => {
    table.headerLine = line;
    table.headers = dropTrailingEmpty(cells.map((c) => c.trim()));
  };

  /** No row was accepted as the header: the first row with content is, as without `isHeader`. */
  const headerFromPending = (): void => {
    const [first, ...rest] = pending.splice(0);
    if (first === undefined) return;
    setHeader(first.cells, first.line);
    for (const r of rest) onData(r.cells, r.line);
  };

  let raggedBlank = 0;
  const onRecord = (cells: string[], line: number, ragged: boolean): void => {
    row = line;
    if (cells.every((c) => c.trim() === '')) {
      if (ragged && ++raggedBlank > INPUT_LIMITS.maxRaggedBlankRows) {
        add({
          code: 'too_many_rows',
          file,
          line,
          message: `expected at most ${INPUT_LIMITS.maxRaggedBlankRows} blank rows of another width than the first row (only spaces or delimiters) in a file`,
          params: { kind: 'file', problem: 'too_many_rows', max: INPUT_LIMITS.maxRaggedBlankRows, blank: true },
        });
        throw new StopReading();
      }
      return;
    }
    if (cells.length > INPUT_LIMITS.maxColumns) {
      add({
        code: 'too_many_columns',
        file,
        line,
        message: `expected at most ${INPUT_LIMITS.maxColumns} cells in a row, got ${cells.length}`,
        params: { kind: 'file', problem: 'too_many_columns', max: INPUT_LIMITS.maxColumns, got: cells.length },
      });
      // Without a usable header nothing after it can be read.
      if (table.headerLine === null) throw new StopReading();
      return;
    }
    const long = cells.findIndex((c) => c.length > INPUT_LIMITS.maxCellChars);
    if (long >= 0) {
      const got = (cells[long] as string).length;
      add({
        code: 'cell_too_long',
        file,
        line,
        column: table.headers[long] ?? `(cell ${long + 1})`,
        message: `expected at most ${INPUT_LIMITS.maxCellChars} characters in a cell, got ${got}`,
        params: { kind: 'file', problem: 'cell_too_long', max: INPUT_LIMITS.maxCellChars, got },
      });
      if (table.headerLine === null) throw new StopReading();
      return;
    }
    if (table.headerLine === null) {
      if (options.isHeader === undefined) return setHeader(cells, line);
      if (options.isHeader(cells)) {
        table.skippedRows = pending.splice(0).map((r) => r.line);
        return setHeader(cells, line);
      }
      pending.push({ line, cells });
      if (pending.length >= HEADER_SEARCH_ROWS) headerFromPending();
      return;
    }
    onData(cells, line);
  };

  const onData = (cells: string[], line: number): void => {
    const width = table.headers.length;
    if (cells.length < width) {
      add({
        code: 'too_few_cells',
        file,
        line,
        message: `expected ${width} cells like the header, got ${cells.length} (is a delimiter missing?)`,
        params: { kind: 'cell_count', problem: 'few', header: width, found: cells.length },
      });
      return;
    }
    // Extra cells are harmless when empty (a trailing `;`), a shifted row when not.
    const extra = cells.slice(width).findIndex((c) => c.trim() !== '');
    if (extra >= 0) {
      add({
        code: 'too_many_cells',
        file,
        line,
        message: `expected ${width} cells like the header, got a value in cell ${width + extra + 1} (is there a stray delimiter?)`,
        params: { kind: 'cell_count', problem: 'many', header: width, at: width + extra + 1 },
      });
      return;
    }
    if (table.records.length >= INPUT_LIMITS.maxRows) {
      add({ code: 'too_many_rows', file, line, message: `expected at most ${INPUT_LIMITS.maxRows} data rows in a file`, params: { kind: 'file', problem: 'too_many_rows', max: INPUT_LIMITS.maxRows, blank: false } });
      throw new StopReading();
    }
    table.records.push({ line, cells: cells.length === width ? cells : cells.slice(0, width) });
  };

  try {
    parse(bytes, {
      delimiter,
      // Every line end Excel, LibreOffice and old Mac tools write, mixed in one file if need be.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Counts are checked above, with the line; csv-parse would stop at the first.
      relax_column_count: true,
      // A stray quote inside an unquoted cell (`Sykehuset "Nord"`) is text, not a syntax error.
      relax_quotes: true,
      max_record_size: INPUT_LIMITS.maxRecordBytes,
      skip_empty_lines: true,
      on_record: (record: string[], context: { records: number; empty_lines: number; error?: unknown }) => {
        onRecord(record, context.records + context.empty_lines, context.error !== undefined);
        return null; // records are kept by onRecord, not by csv-parse
      },
    });
  } catch (err) {
    if (err instanceof StopReading) stopped = true;
    else if (err instanceof CsvError) {
      // The row after the last record and the empty lines read before the error.
      const { records, empty_lines } = err as CsvError & { records?: unknown; empty_lines?: unknown };
      issues.push(syntaxIssue(err, file, typeof records === 'number' && typeof empty_lines === 'number' ? records + empty_lines + 1 : row + 1));
      stopped = true;
    } else throw err;
  }
  if (table.headerLine === null && !stopped) {
    try {
      headerFromPending();
    } catch (err) {
      if (!(err instanceof StopReading)) throw err;
      stopped = true;
    }
  }

  if (table.headerLine === null && !stopped) {
    issues.push({ code: 'empty_file', file, message: 'expected a header row, the file has no content', params: { kind: 'file', problem: 'empty' } });
  }
  checkEmptyHeaders(table, file);
  return table;
}

function syntaxIssue(err: CsvError, file: string, line: number): InputIssue {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        code: 'unclosed_quote',
        file,
        line,
        message: 'expected a closing quote (") for a quoted cell in the row starting here, reached the end of the file',
        params: { kind: 'file', problem: 'unclosed_quote' },
      };
    case 'CSV_MAX_RECORD_SIZE':
      return {
        code: 'row_too_large',
        file,
        line,
        message: `expected a row of at most ${INPUT_LIMITS.maxRecordBytes} bytes (is a closing quote (") missing?)`,
        params: { kind: 'file', problem: 'row_too_large', maxBytes: INPUT_LIMITS.maxRecordBytes },
      };
    default:
      return { code: 'csv_syntax', file, line, message: `expected valid CSV (${err.code})`, params: { kind: 'file', problem: 'csv_syntax', reason: err.code } };
  }
}

/** An empty header over a column that holds values would make those values nameless: report it once. */
function checkEmptyHeaders(table: CsvTable, file: string): void {
  table.headers.forEach((h, i) => {
    if (h !== '') return;
    const used = table.records.find((r) => (r.cells[i] ?? '').trim() !== '');
    if (used !== undefined) {
      table.issues.push({
        code: 'empty_header',
        file,
        line: table.headerLine ?? undefined,
        column: `(column ${i + 1})`,
        message: `expected a header for column ${i + 1}, which has values (first on row ${used.line})`,
        params: { kind: 'file', problem: 'empty_header', column: i + 1, firstRow: used.line },
      });
    }
  });
}

function dropTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
}

/**
 * The delimiter with which one of the first rows is a header `isHeader` accepts: the detected one first, then the
 * others in DELIMITERS order; the detected one when none makes a header. A title row above the header ("Kandidater
 * Helse Vest 2026", with or without a comma) then neither hides the header nor chooses the delimiter.
 */
function headerDelimiter(text: string, isHeader: (cells: readonly string[]) => boolean): string {
  const detected = detectDelimiter(text);
  // Enough lines for the search even when some rows are blank; a quoted line break only costs a line.
  const head = text.split(/\r\n|\n|\r/, HEADER_SEARCH_ROWS * 3).join('\n');
  for (const d of [detected, ...DELIMITERS.filter((x) => x !== detected)]) {
    // Rows too wide to parse (see UNPARSED_ROW_DELIMITERS): no header with this delimiter.
    if (overwideRow(head, d, UNPARSED_ROW_DELIMITERS) !== null) continue;
    let found = false;
    try {
      parse(head, {
        delimiter: d,
        relax_column_count: true,
        relax_quotes: true,
        max_record_size: INPUT_LIMITS.maxRecordBytes,
        on_record: (record: string[]) => {
          if (!found && record.length <= INPUT_LIMITS.maxColumns && isHeader(record.map((c) => c.trim()))) found = true;
          return null;
        },
      });
    } catch {
      // A quote left open by the cut: the rows before it were looked at.
    }
    if (found) return d;
  }
  return detected;
}
