/**
 * A workbook's bytes (.xlsx, .ods) → the same table a CSV file gives: a header, data records with their row
 * numbers, located issues. Cells are read as what they are, not as the spreadsheet shows them: a date cell
 * becomes an ISO date (`1980-12-31`, whatever its display format), a text cell keeps its leading zeros, a
 * number is written with `.` and every digit it holds. Each record carries the kind of each cell, so that a
 * reader can say "a date cell" where a number was expected (3.5 turned into 3 May).
 *
 * Pure: the spreadsheet library is handed in (`SheetLib`, loaded only when a workbook is read). Every
 * problem is an `InputIssue` naming the sheet and the cell (`B14`); nothing throws on bad input.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { isoDate } from '../domain/dates.js';
import type { InputIssue } from '../domain/errors.js';
import type { FileProblem } from '../domain/i18n/catalogue.js';
import { HEADER_SEARCH_ROWS, INPUT_LIMITS, type CsvTable, type CellKind } from './csv.js';
import { checkZip, type ZipLimits } from './zip-bounds.js';

/** What the reader needs of a spreadsheet library; `src/io/workbook-lib.ts` provides it. */
export interface SheetLib {
  /** Parse a workbook (throws on a file it cannot read). */
  read(bytes: Uint8Array, options: { sheetRows: number }): WorkBook;
  /** Whether a number format shows a date or time (`dd.mm.yyyy`, `m/d/yy`, `[$-414]d. mmmm yyyy`). */
  isDateFormat(format: string): boolean;
  /** A date serial number → its calendar date, in the 1900 or the 1904 date system. */
  dateOfSerial(serial: number, date1904: boolean): { y: number; m: number; d: number } | null;
}

/** The container formats the reader tells apart by their first bytes. */
export type WorkbookKind = 'zip' | 'ole';

/** `zip` (.xlsx, .ods), `ole` (.xls or a password-protected .xlsx), or null for anything else (text: CSV). */
export function workbookKind(bytes: Uint8Array): WorkbookKind | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((b, i) => bytes[i] === b)) return 'ole';
  return null;
}

/**
 * Bounds on a workbook's inflated parts. The largest candidate sheet a real programme sees (a few hundred
 * rows) inflates to well under 1 MiB; 100,000 rows of 12 columns, the CSV reader's own row limit, to about
 * 30 MiB.
 */
const WORKBOOK_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 48 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
};

export interface SheetReadOptions {
  /** The sheet to read, by name (case and surrounding spaces ignored); default the first visible sheet. */
  sheet?: string | undefined;
  /** As for `readCsv`: which of the first rows is the header. */
  isHeader?: ((cells: readonly string[]) => boolean) | undefined;
  /** When no sheet is named: choose the first sheet whose header `isHeader` accepts, else the first visible. */
  preferHeaderSheet?: boolean | undefined;
}

export interface SheetTable extends CsvTable {
  /** The sheet read; `` when none could be. */
  sheet: string;
  /** `xlsx` or `ods`; `unknown` when the file could not be read. */
  format: 'xlsx' | 'ods' | 'unknown';
}

/** Spreadsheet column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell address: `B14`. */
export function cellAddress(columnIndex: number, row: number): string {
  return `${columnLetters(columnIndex)}${row}`;
}

const ERROR_TEXT: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** Read one sheet of a workbook. Never throws on bad input: every problem is in `issues`. */
export function readSheet(lib: SheetLib, bytes: Uint8Array, file: string, options: SheetReadOptions = {}): SheetTable {
  const issues: InputIssue[] = [];
  const table: SheetTable = { delimiter: '', headers: [], headerLine: null, skippedRows: [], records: [], issues, sheet: '', format: 'unknown' };
  const fileIssue = (code: string, message: string, params: FileProblem): SheetTable => {
    issues.push({ code, file, message, params: { kind: 'file', ...params } });
    return table;
  };

  const kind = workbookKind(bytes);
  if (kind === 'ole') {
    // An encrypted OOXML file is an OLE container holding an `EncryptedPackage` stream (named in UTF-16).
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    return encrypted
      ? fileIssue('password_protected', 'expected a workbook without a password, got one protected by a password: remove it (File → Info → Protect Workbook) or save a copy without it', { problem: 'password' })
      : fileIssue('unsupported_workbook', 'expected an .xlsx or .ods workbook, got an older Excel 97–2003 workbook (.xls): save it as .xlsx ("Excel Workbook") or as "CSV UTF-8"', { problem: 'xls' });
  }
  if (kind !== 'zip') return fileIssue('unsupported_workbook', 'expected an .xlsx or .ods workbook, the file is neither', { problem: 'not_workbook' });

  // An .ods file's content.xml is kept: it says which sheets are hidden, which the library does not read.
  const zip = checkZip(bytes, WORKBOOK_LIMITS, 'content.xml');
  if (!zip.ok) {
    const mib = (n: number) => `${n / 1024 / 1024} MiB`;
    switch (zip.reason) {
      case 'entry_too_large':
      case 'total_too_large':
      case 'too_many_entries':
      case 'zip64':
        return fileIssue(
          'workbook_too_large',
          `expected a workbook of at most ${mib(WORKBOOK_LIMITS.maxTotalBytes)} unpacked (${mib(WORKBOOK_LIMITS.maxEntryBytes)} per part, ${WORKBOOK_LIMITS.maxEntries} parts), got more: a candidate list is far smaller (is it a different file, or damaged?)`,
          { problem: 'workbook_too_large', maxMiB: WORKBOOK_LIMITS.maxTotalBytes / 1024 / 1024, partMiB: WORKBOOK_LIMITS.maxEntryBytes / 1024 / 1024, parts: WORKBOOK_LIMITS.maxEntries },
        );
      case 'encrypted':
        return fileIssue('password_protected', 'expected a workbook without a password, got an encrypted one: save a copy without the password', { problem: 'password' });
      default:
        return fileIssue('corrupt_workbook', 'expected an .xlsx or .ods workbook, got a damaged zip container: open it in the spreadsheet program and save it again', { problem: 'corrupt_workbook', reason: null });
    }
  }
  table.format = zip.entries.includes('content.xml') && zip.entries.includes('mimetype') ? 'ods' : 'xlsx';
  if (table.format === 'xlsx' && !zip.entries.includes('[Content_Types].xml')) {
    return fileIssue('unsupported_workbook', 'expected an .xlsx or .ods workbook, got a zip file that is neither', { problem: 'not_workbook' });
  }

  let wb: WorkBook;
  try {
    // One row past the limit (and the rows a header may be searched in) says "too many" without reading them all.
    wb = lib.read(bytes, { sheetRows: INPUT_LIMITS.maxRows + HEADER_SEARCH_ROWS + 2 });
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0]?.slice(0, 120) : String(err);
    if (/password|encrypt/i.test(why ?? '')) return fileIssue('password_protected', 'expected a workbook without a password, got one protected by a password: save a copy without it', { problem: 'password' });
    return fileIssue('corrupt_workbook', `expected a readable ${table.format} workbook, the spreadsheet reader stopped (${why}): open it in the spreadsheet program and save it again`, {
      problem: 'corrupt_workbook',
      reason: why ?? null,
    });
  }

  const hidden = table.format === 'ods' ? hiddenOdsTables(zip.kept) : new Set(wb.SheetNames.filter((_, i) => (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0));
  const name = chooseSheet(wb, options, lib, hidden);
  if (name === null) {
    const names = wb.SheetNames.map((n) => `"${n}"`).join(', ');
    return options.sheet === undefined
      ? fileIssue('empty_workbook', 'expected a sheet with a header row, the workbook has none', { problem: 'no_sheet' })
      : fileIssue('unknown_sheet', `expected a sheet named "${options.sheet}" (--sheet), the workbook has ${names}`, { problem: 'unknown_sheet', sheet: options.sheet, sheets: wb.SheetNames });
  }
  table.sheet = name;
  // The candidates on a hidden sheet, a note on the visible one: say so, not "missing column" on the note.
  if (options.sheet === undefined && options.isHeader !== undefined && !hasHeader(lib, wb.Sheets[name], options.isHeader)) {
    const isHeader = options.isHeader;
    const other = wb.SheetNames.find((n) => hidden.has(n) && hasHeader(lib, wb.Sheets[n], isHeader));
    if (other !== undefined) {
      return fileIssue(
        'hidden_sheet',
        `expected the header on the first visible sheet "${name}", it is on the hidden sheet "${other}": show that sheet (right-click a sheet tab → Show/Unhide) and save, or name it with --sheet "${other}"`,
        { problem: 'hidden_sheet', visible: name, hidden: other },
      );
    }
  }
  const ws = wb.Sheets[name] as WorkSheet;
  readRows(lib, ws, wb.Workbook?.WBProps?.date1904 === true, file, table, options);
  return table;
}

/** Whether one of a sheet's first rows is a header `isHeader` accepts. */
function hasHeader(lib: SheetLib, ws: WorkSheet | undefined, isHeader: (cells: readonly string[]) => boolean): boolean {
  return denseRows(ws)
    .slice(0, HEADER_SEARCH_ROWS)
    .some((r) => isHeader((r ?? []).map((c) => (c === undefined ? '' : textOf(lib, c, false).text.trim()))));
}

/**
 * The hidden sheets of an .ods file, from its content.xml: tables whose style says `table:display="false"`
 * (the library reads no sheet visibility from .ods). Empty when there is no content.xml to read.
 */
export function hiddenOdsTables(content: Uint8Array | undefined): Set<string> {
  const hidden = new Set<string>();
  if (content === undefined) return hidden;
  const xml = new TextDecoder().decode(content);
  const styles = new Set<string>();
  for (const m of xml.matchAll(/<style:style\b[^>]*?style:name="([^"]*)"[^>]*>\s*<style:table-properties\b[^>]*?table:display="false"/g)) styles.add(m[1] as string);
  if (styles.size === 0) return hidden;
  const unescape = (t: string) => t.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
  for (const m of xml.matchAll(/<table:table\s[^>]*>/g)) {
    const tag = m[0];
    const style = /table:style-name="([^"]*)"/.exec(tag)?.[1];
    const name = /table:name="([^"]*)"/.exec(tag)?.[1];
    if (style !== undefined && name !== undefined && styles.has(style)) hidden.add(unescape(name));
  }
  return hidden;
}

function chooseSheet(wb: WorkBook, options: SheetReadOptions, lib: SheetLib, hidden: ReadonlySet<string>): string | null {
  if (options.sheet !== undefined) {
    const want = options.sheet.trim().toLowerCase();
    return wb.SheetNames.find((n) => n === options.sheet) ?? wb.SheetNames.find((n) => n.trim().toLowerCase() === want) ?? null;
  }
  const visible = wb.SheetNames.filter((n) => !hidden.has(n));
  if (options.preferHeaderSheet === true && options.isHeader !== undefined) {
    const isHeader = options.isHeader;
    const found = visible.find((n) => hasHeader(lib, wb.Sheets[n], isHeader));
    if (found !== undefined) return found;
  }
  return visible[0] ?? wb.SheetNames[0] ?? null;
}

function denseRows(ws: WorkSheet | undefined): ReadonlyArray<ReadonlyArray<CellObject | undefined> | undefined> {
  return ((ws as { '!data'?: CellObject[][] } | undefined)?.['!data'] ?? []) as ReadonlyArray<ReadonlyArray<CellObject | undefined> | undefined>;
}

/** A cell's value as text the value parsers read, and its kind. */
function textOf(lib: SheetLib, c: CellObject, date1904: boolean): { text: string; kind: CellKind } {
  switch (c.t) {
    case 's':
      return { text: String(c.v ?? ''), kind: 'text' };
    case 'b':
      return { text: c.v === true ? 'true' : 'false', kind: 'boolean' };
    case 'd': {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      return Number.isNaN(d.getTime()) ? { text: String(c.w ?? ''), kind: 'text' } : { text: d.toISOString().slice(0, 10), kind: 'date' };
    }
    case 'n': {
      const v = typeof c.v === 'number' ? c.v : Number(c.v);
      const format = typeof c.z === 'string' ? c.z : '';
      if (format !== '' && lib.isDateFormat(format)) {
        const d = lib.dateOfSerial(v, date1904);
        if (d !== null) return { text: isoDate({ year: d.y, month: d.m, day: d.d }), kind: 'date' };
      }
      // A whole number shown with leading zeros (format `000000`) or as text (`@`) is the text it shows.
      if ((/^0+$/.test(format) || format === '@') && typeof c.w === 'string') return { text: c.w, kind: 'number' };
      return { text: numberText(v), kind: 'number' };
    }
    case 'e':
      return { text: typeof c.w === 'string' ? c.w : (ERROR_TEXT[Number(c.v)] ?? '#ERROR'), kind: 'error' };
    default:
      return { text: '', kind: 'blank' };
  }
}

/** Every digit a double holds, with `.`, never exponent notation for the integers an id can be. */
function numberText(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString();
  return String(v);
}

function readRows(lib: SheetLib, ws: WorkSheet, date1904: boolean, file: string, table: SheetTable, options: SheetReadOptions): void {
  const issues = table.issues;
  const sheet = table.sheet;
  const at = (row: number, col: number | undefined, code: string, message: string, params: FileProblem, column?: string): void => {
    issues.push({ code, file, sheet, line: row, ...(col === undefined ? {} : { cell: cellAddress(col, row) }), ...(column === undefined ? {} : { column }), message, params: { kind: 'file', ...params } });
  };
  const rows = denseRows(ws);
  const fullRef = (ws as { '!fullref'?: string })['!fullref'];
  const lastRow = fullRef === undefined ? rows.length : Number(/(\d+)$/.exec(fullRef)?.[1] ?? rows.length);

  // Read every row with content into text cells; collect cell-level problems on the way.
  type Raw = { line: number; cells: string[]; kinds: CellKind[] };
  const raw: Raw[] = [];
  let problems = 0;
  const limitReached = (): boolean => problems >= INPUT_LIMITS.maxIssues;
  for (let r = 0; r < rows.length && !limitReached(); r++) {
    const line = r + 1;
    const cells = rows[r] ?? [];
    if (cells.length > INPUT_LIMITS.maxColumns && cells.slice(INPUT_LIMITS.maxColumns).some((c) => c !== undefined && c.v !== undefined && c.v !== '')) {
      at(line, undefined, 'too_many_columns', `expected at most ${INPUT_LIMITS.maxColumns} cells in a row, got ${cells.length}`, { problem: 'too_many_columns', max: INPUT_LIMITS.maxColumns, got: cells.length });
      problems++;
      continue;
    }
    const texts: string[] = [];
    const kinds: CellKind[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === undefined || cell.t === 'z') {
        texts.push('');
        kinds.push('blank');
        continue;
      }
      const { text, kind } = textOf(lib, cell, date1904);
      if (typeof cell.f === 'string' && cell.f !== '') {
        at(line, c, 'formula_cell', `expected a value, got a formula (=${cell.f.slice(0, 40)}): copy the column and paste it back as values only`, { problem: 'formula', formula: cell.f.slice(0, 40) });
        problems++;
      } else if (kind === 'error') {
        at(line, c, 'error_cell', `expected a value, got the spreadsheet error ${text}`, { problem: 'error_cell', value: text });
        problems++;
      } else if (text.length > INPUT_LIMITS.maxCellChars) {
        at(line, c, 'cell_too_long', `expected at most ${INPUT_LIMITS.maxCellChars} characters in a cell, got ${text.length}`, { problem: 'cell_too_long', max: INPUT_LIMITS.maxCellChars, got: text.length });
        problems++;
      }
      texts.push(kind === 'error' ? '' : text);
      kinds.push(kind);
    }
    if (texts.every((t) => t.trim() === '')) continue;
    raw.push({ line, cells: texts, kinds });
  }
  if (limitReached()) {
    issues.push({
      code: 'too_many_issues',
      file,
      sheet,
      message: `stopped reading after ${INPUT_LIMITS.maxIssues} problems in this sheet`,
      params: { kind: 'file', problem: 'too_many_issues', max: INPUT_LIMITS.maxIssues, scope: 'sheet' },
    });
    return;
  }
  if (raw.length === 0) {
    issues.push({ code: 'empty_sheet', file, sheet, message: 'expected a header row, the sheet is empty', params: { kind: 'file', problem: 'empty_sheet' } });
    return;
  }

  // The header: as in a CSV file, a title or note above it is passed over.
  let headerAt = 0;
  if (options.isHeader !== undefined) {
    const isHeader = options.isHeader;
    const found = raw.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => isHeader(r.cells.map((c) => c.trim())));
    if (found > 0) headerAt = found;
  }
  const header = raw[headerAt] as Raw;
  table.headerLine = header.line;
  table.skippedRows = raw.slice(0, headerAt).map((r) => r.line);
  let width = header.cells.length;
  while (width > 0 && (header.cells[width - 1] ?? '').trim() === '') width--;
  table.headers = header.cells.slice(0, width).map((c) => c.trim());

  // Merged cells: a merged header names one column only; a merged data cell leaves the rows under it blank.
  for (const m of (ws as { '!merges'?: Array<{ s: { r: number; c: number }; e: { r: number; c: number } }> })['!merges'] ?? []) {
    if (m.e.r + 1 < header.line) continue;
    const range = `${cellAddress(m.s.c, m.s.r + 1)}:${cellAddress(m.e.c, m.e.r + 1)}`;
    if (m.s.r + 1 <= header.line && m.e.r + 1 >= header.line) {
      at(header.line, m.s.c, 'merged_header', `expected one header per column, got merged cells ${range}: unmerge them and give each column its own header`, { problem: 'merged', range, header: true });
    } else {
      at(m.s.r + 1, m.s.c, 'merged_cells', `expected one value per cell, got merged cells ${range}: unmerge them and fill the value into every row`, { problem: 'merged', range, header: false }, table.headers[m.s.c]);
    }
  }

  for (const r of raw.slice(headerAt + 1)) {
    const extra = r.cells.slice(width).findIndex((c) => c.trim() !== '');
    if (extra >= 0) {
      at(r.line, width + extra, 'too_many_cells', `expected ${width} cells like the header (row ${header.line}), got a value under no header`, { problem: 'no_header_above', headerRow: header.line });
      continue;
    }
    while (r.cells.length < width) {
      r.cells.push('');
      r.kinds.push('blank');
    }
    table.records.push({ line: r.line, cells: r.cells.slice(0, width), kinds: r.kinds.slice(0, width) });
  }
  if (table.records.length > INPUT_LIMITS.maxRows || lastRow > rows.length) {
    issues.push({
      code: 'too_many_rows',
      file,
      sheet,
      line: Math.max(lastRow, rows.length),
      message: `expected at most ${INPUT_LIMITS.maxRows} data rows in a sheet`,
      params: { kind: 'file', problem: 'too_many_rows', max: INPUT_LIMITS.maxRows, blank: false },
    });
    table.records.length = Math.min(table.records.length, INPUT_LIMITS.maxRows);
  }
  table.headers.forEach((h, i) => {
    if (h !== '') return;
    const used = table.records.find((r) => (r.cells[i] ?? '').trim() !== '');
    if (used !== undefined) at(header.line, i, 'empty_header', `expected a header for column ${columnLetters(i)}, which has values (first in ${cellAddress(i, used.line)})`, { problem: 'empty_header', column: columnLetters(i), firstRow: used.line });
  });
}
