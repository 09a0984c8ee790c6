/**
 * Reading an `allocation.csv` back: the file `cohort allocate` wrote, possibly edited by hand and re-saved by
 * Excel (`;` or `,`, UTF-8 with a BOM or Windows-1252, or a workbook), with English or Norwegian headers.
 * `readAllocation` reads only the decisions: `id`, `status`, `workshop_group`, `project_team` and, when the column
 * is there, `reserve_rank`; every other column (names, reasons, the input columns) is ignored, so nothing personal
 * is read (`cohort check`, `report`, `replace`); the `reasons` cell only tells an older file's `ineligible` over the
 * nomination cap from the rest (see `over_cap`). `readAllocationDetailed` also keeps the quota cell, the reasons and
 * the input columns passed through (personal data: for `cohort diff`, `cohort lists` and `allocate --previous`,
 * which write it only to files). Pure (no fs).
 *
 * Every bad cell is a located `InputIssue` (file, line, column, what was expected and what was found), and
 * every problem in the file is collected before anyone stops.
 */
import type { InputIssue } from '../domain/errors.js';
import { RHFS, type Gender } from '../domain/types.js';
import { INPUT_LIMITS, readCsv, type CsvTable } from './csv.js';
import { cellAddress, readSheet, workbookKind, type SheetLib } from './sheet.js';
import { unneutraliseCell } from '../domain/cells.js';
import { overCapOnly } from '../domain/nomination.js';
import { canonicalColumn } from './columns.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { IssueParams } from '../domain/i18n/catalogue.js';
import { normaliseId } from '../domain/ids.js';
import { decode, type EncodingChoice } from './decode.js';
import { fold, ID_AS_TEXT_HINT, isMangledId, parseBoolean, parseDate, parseEducation, parseExperienceYears, parseGender, parsePriority, parseSector, type Parsed } from './values.js';

/**
 * The statuses `cohort allocate` writes, in its output order, then `withdrawn`: a participant or reserve who
 * left after the allocation, kept in the file by `cohort replace` (not a participant, not a reserve).
 * `over_cap`: nominated beyond the hospital trust's nomination cap and eligible otherwise (older files have
 * `ineligible` for them; both are read).
 */
export const ALLOCATION_STATUSES = ['selected', 'reserve', 'excluded', 'ineligible', 'over_cap', 'withdrawn'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/**
 * The status words of either language's files (`tatt opp`, `reserve`, `ikke kvalifisert`, from the catalogue), and
 * other Norwegian words a coordinator may type instead (folded to lower case, single spaces). A Map: `constructor`
 * is no status.
 */
const STATUS_ALIASES: ReadonlyMap<string, AllocationStatus> = new Map([
  ...Object.values(CATALOGUE).flatMap((cat) => ALLOCATION_STATUSES.map((s): [string, AllocationStatus] => [foldStatus(cat.files.status[s]), s])),
  ['valgt', 'selected'],
  ['ekskludert', 'excluded'],
  ['utelatt', 'excluded'],
  ['holdt utenfor', 'excluded'],
  ['ikke kvalifisert', 'ineligible'],
  ['over nominasjonstaket', 'over_cap'],
  ['over nominasjonstak', 'over_cap'],
  ['over the nomination cap', 'over_cap'],
  ['over cap', 'over_cap'],
  ['trukket', 'withdrawn'],
]);

/** One row of an allocation: the decisions about one candidate. */
export interface AllocationRow {
  id: string;
  /** 1-based physical line the record starts on. */
  line: number;
  status: AllocationStatus;
  /** Null when blank. */
  workshopGroup: number | null;
  /** Null when blank. */
  projectTeam: number | null;
  /** Null when blank or when the file has no `reserve_rank` column. */
  reserveRank: number | null;
}

export interface AllocationFile {
  /** The file as named on the command line. */
  file: string;
  /** `utf8`, `cp1252`, `utf16le`, `utf16be`, or `unknown` when the file could not be decoded. */
  encoding: string;
  /** The delimiter used, or `` when the file could not be decoded. */
  delimiter: string;
  /** Rows without a problem, in file order. */
  rows: AllocationRow[];
  /** The header row as written (empty when the file could not be read). */
  headers: string[];
  /** Data rows in the file (with or without problems). */
  rowCount: number;
  /** The id of every data row that has one, valid or not, in file order. */
  ids: string[];
  /**
   * Whether every data row was looked at (the file decoded, every required column present, not stopped after
   * too many problems). Only then can a candidate without a row be told from an unreadable file.
   */
  complete: boolean;
  /** Whether the file has a `reserve_rank` column: reserve ranks are checked only then. */
  hasReserveRanks: boolean;
  /** Every problem found; a non-empty list means the allocation must not be checked. */
  issues: InputIssue[];
}

export interface AllocationReadOptions {
  /** Default `auto`: UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252. */
  encoding?: EncodingChoice | undefined;
  /** Force a delimiter; default: detected from the header line. */
  delimiter?: string | undefined;
  /** The spreadsheet library, for an allocation saved as a workbook (`--format xlsx`, or re-saved as .xlsx/.ods). */
  sheetLib?: SheetLib | undefined;
}

/** Whether a row is an allocation's header: it names the decision columns (in English or Norwegian). */
function isAllocationHeader(cells: readonly string[]): boolean {
  const keys = new Set(cells.map(allocationColumn));
  return REQUIRED.every((c) => keys.has(c));
}

const REQUIRED = ['id', 'status', 'workshop_group', 'project_team'] as const;
const OPTIONAL = ['reserve_rank', 'cell', 'reasons'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/**
 * The allocation's own columns by header (as `headerKey` folds them): each language's name from the catalogue
 * (`Verkstedgruppe`, `workshop_group`), and other Norwegian names for a file whose headers a coordinator translated.
 */
const HEADER_ALIASES: ReadonlyMap<string, Column> = new Map([
  ...Object.values(CATALOGUE).flatMap((cat) => [...REQUIRED, ...OPTIONAL].map((c): [string, Column] => [headerKey(cat.files.columns[c]), c])),
  ['celle', 'cell'],
  ['kvote', 'cell'],
  ['reservenummer', 'reserve_rank'],
  ['reserve_nr', 'reserve_rank'],
  ['basisgruppe', 'workshop_group'],
  ['prosjektteam', 'project_team'],
  ['begrunnelser', 'reasons'],
  ['årsaker', 'reasons'],
]);

/** Columns the allocation writes about the run rather than passing through from the candidate files. */
const RUN_COLUMNS = new Set([...Object.values(CATALOGUE).flatMap((cat) => (['warnings', 'source_file', 'source_line'] as const).map((c) => headerKey(cat.files.columns[c]))), 'merknader']);

/** Longer offending cells are cut in messages. */
const MAX_SHOWN_CELL = 60;


/** A header as the allocation's column names: trimmed, lower case, spaces and hyphens as `_`. */
function headerKey(header: string): string {
  return unneutraliseCell(header).trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The allocation column a header names (English or Norwegian), or null for another column. */
export function allocationColumn(header: string): Column | null {
  const key = headerKey(header);
  if ((REQUIRED as readonly string[]).includes(key) || (OPTIONAL as readonly string[]).includes(key)) return key as Column;
  return HEADER_ALIASES.get(key) ?? null;
}

/** What `readAllocationDetailed` keeps of a row besides the decisions. Personal data: for files only. */
export interface AllocationDetails {
  /**
   * The quota cell key as `cohort allocate` writes it (`kommune`, `spesialist/Helse Vest`); a Norwegian or
   * English sector word or an RHF's name is read as its key, anything else is kept as written. Null when blank
   * or when the file has no cell column.
   */
  cell: string | null;
  /** The `reasons` cell as written; `` when blank or absent. */
  reasons: string;
  /** From the input's gender column (`unknown` when blank, unrecognised or absent). */
  gender: Gender;
  /**
   * The candidate's input columns as passed through: known columns under their canonical name (`name`,
   * `birth_date`, `organisation`, `position`, … and `id` for `input_id`), every other column under its header.
   * A null-prototype object: a column named `__proto__` or `constructor` is a column like any other.
   */
  input: Record<string, string>;
}

export type DetailedAllocationRow = AllocationRow & { details: AllocationDetails };
export type DetailedAllocationFile = Omit<AllocationFile, 'rows'> & { rows: DetailedAllocationRow[] };

const meaning = <T>(p: Parsed<T>, text: string): string => (p.ok ? String(p.value) : text);

/** How an input column's value compares across files: by meaning where a canonical parser exists, else as trimmed text. */
// A Map: the column names are the file's headers, and a header `constructor` must find no parser.
const COMPARABLE: ReadonlyMap<string, (text: string) => string> = new Map<string, (text: string) => string>([
  ['birth_date', (t) => meaning(parseDate(t), t)],
  [
    'gender',
    (t) => {
      const g = parseGender(t);
      return g.recognised ? g.value : t;
    },
  ],
  ['sector', (t) => meaning(parseSector(t), t)],
  ['education', (t) => meaning(parseEducation(t), t)],
  ['experience_years', (t) => meaning(parseExperienceYears(t), t)],
  ['priority', (t) => meaning(parsePriority(t), t)],
  ['endorsed', (t) => meaning(parseBoolean(t), t)],
]);

/**
 * An input column's value in a form that compares by meaning: `10.11.1982` and `1982-11-10`, `Kvinne` and
 * `female`, `4,5` and `4.5` are the same. Unrecognised text and other columns compare as written (trimmed).
 */
export function comparableInput(column: string, text: string): string {
  const t = text.trim();
  if (t === '') return '';
  return COMPARABLE.get(column)?.(t) ?? t;
}

/** Sector words and RHF names as quota cell keys; anything else is kept as written (a custom programme's cell). */
export function cellKeyOf(text: string): string | null {
  const t = unneutraliseCell(text).trim();
  if (t === '') return null;
  const f = fold(t);
  if (['kommune', 'municipal', 'kommunehelsetjenesten', 'ks'].includes(f)) return 'kommune';
  if (['spesialist', 'specialist', 'spesialisthelsetjenesten'].includes(f)) return 'spesialist';
  const rest = f.replace(/^(spesialist|specialist|spesialisthelsetjenesten)\s+/, '');
  const rhf = RHFS.find((r) => fold(r) === rest);
  return rhf === undefined ? t : `spesialist/${rhf}`;
}

/** Read an allocation file's decisions. Never throws on bad input: every problem is in `issues`. */
export function readAllocation(bytes: Uint8Array, file: string, options: AllocationReadOptions = {}): AllocationFile {
  return readTable(bytes, file, options, false);
}

/**
 * Read an allocation file's decisions and, for every row, its cell, reasons, gender and input columns (personal
 * data). Never throws on bad input: every problem is in `issues`.
 */
export function readAllocationDetailed(bytes: Uint8Array, file: string, options: AllocationReadOptions = {}): DetailedAllocationFile {
  return readTable(bytes, file, options, true) as DetailedAllocationFile;
}

function readTable(bytes: Uint8Array, file: string, options: AllocationReadOptions, detailed: boolean): AllocationFile {
  const out: AllocationFile = { file, encoding: 'unknown', delimiter: '', rows: [], headers: [], rowCount: 0, ids: [], complete: false, hasReserveRanks: false, issues: [] };
  if (bytes.length > INPUT_LIMITS.maxFileBytes) {
    out.issues.push({ code: 'file_too_large', file, message: `expected a file of at most ${INPUT_LIMITS.maxFileBytes / 1024 / 1024} MiB, got ${(bytes.length / 1024 / 1024).toFixed(1)} MiB`,
      params: { kind: 'file', problem: 'too_large', expected: 'table', maxBytes: INPUT_LIMITS.maxFileBytes, bytes: bytes.length },
    });
    return out;
  }
  let table: CsvTable & { sheet?: string };
  if (workbookKind(bytes) !== null) {
    if (options.sheetLib === undefined) {
      out.issues.push({ code: 'unsupported_workbook', file, message: 'expected a CSV file here, got a workbook: save it as "CSV UTF-8"', params: { kind: 'file', problem: 'workbook_not_csv' } });
      return out;
    }
    // The first sheet with the decision columns: "Tildeling"/"Allocation" in a workbook cohort wrote, after its overview.
    const sheet = readSheet(options.sheetLib, bytes, file, { isHeader: isAllocationHeader, preferHeaderSheet: true });
    out.encoding = sheet.format;
    if (sheet.sheet === '') {
      out.issues.push(...sheet.issues);
      return out;
    }
    table = sheet;
  } else {
    const decoded = decode(bytes, file, options.encoding ?? 'auto');
    if (!decoded.ok) {
      out.issues.push(decoded.issue);
      return out;
    }
    out.encoding = decoded.encoding;
    table = readCsv(decoded.text, file, { delimiter: options.delimiter, isHeader: isAllocationHeader });
  }
  const sheet = table.sheet;
  const place = (line: number | undefined, column: number | undefined) =>
    sheet === undefined ? {} : { sheet, ...(line === undefined || column === undefined ? {} : { cell: cellAddress(column, line) }) };
  out.delimiter = table.delimiter;
  out.rowCount = table.records.length;
  out.issues.push(...table.issues);
  if (table.headerLine === null) return out;
  const headerLine = table.headerLine;
  out.headers = table.headers.map((h) => unneutraliseCell(h).trim());

  const index = new Map<Column, number>();
  /** The input columns passed through: index → the key `details.input` keeps them under. */
  const inputColumns: Array<[number, string]> = [];
  table.headers.forEach((h, i) => {
    const key = allocationColumn(h);
    if (key === null) {
      const header = unneutraliseCell(h).trim();
      if (header === '' || RUN_COLUMNS.has(headerKey(header))) return;
      inputColumns.push([i, headerKey(header) === 'input_id' ? 'id' : (canonicalColumn(header) ?? header)]);
      return;
    }
    const first = index.get(key);
    if (first !== undefined) {
      out.issues.push({ code: 'duplicate_column', file, line: headerLine, column: h, ...place(undefined, undefined), message: `expected each column once, "${h}" is also column ${first + 1}` });
    } else index.set(key, i);
  });
  for (const col of REQUIRED) {
    if (!index.has(col)) {
      out.issues.push({ code: 'missing_column', file, line: headerLine, column: col, ...place(undefined, undefined), message: `expected a column "${col}" (an allocation.csv as cohort allocate writes it has ${REQUIRED.join(', ')})` });
    }
  }
  // Without every required column each row would repeat the same problem; the header issue says it once.
  if (out.issues.some((i) => i.code === 'missing_column' || i.code === 'duplicate_column')) return out;
  out.hasReserveRanks = index.has('reserve_rank');

  const seen = new Map<string, number>();
  let rowIssues = 0;
  // A row readCsv could not split (a missing delimiter, say) has no id to account for.
  out.complete = table.issues.length === 0;
  for (const record of table.records) {
    if (rowIssues >= INPUT_LIMITS.maxIssues) {
      out.issues.push({ code: 'too_many_issues', file, line: record.line, message: `stopped checking rows after ${INPUT_LIMITS.maxIssues} problems in this file`,
        params: { kind: 'file', problem: 'too_many_issues', max: INPUT_LIMITS.maxIssues, scope: 'file' },
      });
      out.complete = false;
      break;
    }
    const issues: InputIssue[] = [];
    const cell = (col: Column): string => {
      const i = index.get(col);
      return i === undefined ? '' : unneutraliseCell(record.cells[i] ?? '').trim();
    };
    const issue = (code: string, col: Column, message: string, params?: IssueParams): void => {
      const i = index.get(col);
      issues.push({ code, file, line: record.line, column: i === undefined ? col : (table.headers[i] ?? col), ...place(record.line, i), message, params });
    };
    const number = (col: 'workshop_group' | 'project_team' | 'reserve_rank', what: string): number | null => {
      const text = cell(col);
      if (text === '') return null;
      // Excel may re-save a whole number as `3,0` or `3.0`.
      const m = /^(\d{1,6})(?:[.,]0+)?$/.exec(text);
      const n = m === null ? 0 : Number(m[1]);
      if (n < 1) {
        issue(`invalid_${col}`, col, `expected ${what} (a whole number from 1) or a blank cell, got ${show(text)}`, { kind: 'allocation_number', value: text, what: col });
        return null;
      }
      return n;
    };

    // Normalised as the candidate files' ids are, so that a re-saved or retyped id still matches its candidate.
    const idr = normaliseId(cell('id'));
    const id = idr.ok ? idr.id : '';
    if (!idr.ok) issue(idr.problem === 'blank' ? 'missing_value' : 'invalid_id', 'id', `expected a candidate id, ${idr.expected}`);
    const statusText = cell('status');
    const status = parseStatus(statusText);
    if (status === null) {
      issue(
        statusText === '' ? 'missing_value' : 'invalid_status',
        'status',
        `expected one of ${ALLOCATION_STATUSES.join(', ')}, got ${statusText === '' ? 'a blank cell' : show(statusText)}`,
        { kind: 'allocation_status', value: statusText, allowed: ALLOCATION_STATUSES },
      );
    }
    const workshopGroup = number('workshop_group', 'a workshop group number');
    const projectTeam = number('project_team', 'a project team number');
    const reserveRank = out.hasReserveRanks ? number('reserve_rank', 'a reserve rank') : null;
    if (id !== '') {
      out.ids.push(id);
      const first = seen.get(id);
      if (first !== undefined) issue('duplicate_id', 'id', `expected each candidate once, "${id}" is also on line ${first}`);
      else seen.set(id, record.line);
    }
    out.issues.push(...issues);
    rowIssues += issues.length;
    if (issues.length === 0 && status !== null) {
      // An allocation of an earlier version says `ineligible` for a candidate over the nomination cap only; its
      // reasons tell (`nomination_cap: …` and nothing else of screening's), so it compares equal to `over_cap` now.
      const reasonCodes = [...cell('reasons').matchAll(/(?:^|; )([a-z_]+): /g)].map((m) => m[1] ?? '');
      const row: AllocationRow = { id, line: record.line, status: status === 'ineligible' && overCapOnly(reasonCodes) ? 'over_cap' : status, workshopGroup, projectTeam, reserveRank };
      if (detailed) {
        const input = Object.create(null) as Record<string, string>;
        for (const [i, key] of inputColumns) if (!(key in input)) input[key] = unneutraliseCell(record.cells[i] ?? '').trim();
        const details: AllocationDetails = { cell: cellKeyOf(cell('cell')), reasons: cell('reasons'), gender: parseGender(input.gender ?? '').value, input };
        (row as DetailedAllocationRow).details = details;
      }
      out.rows.push(row);
    }
  }
  return out;
}

function foldStatus(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

function parseStatus(text: string): AllocationStatus | null {
  const folded = foldStatus(text);
  if ((ALLOCATION_STATUSES as readonly string[]).includes(folded)) return folded as AllocationStatus;
  return STATUS_ALIASES.get(folded) ?? null;
}

/** The candidates' side of "every input row is accounted for": what `accountForCandidates` needs of each. */
export interface KnownCandidate {
  id: string;
  ref: { file: string; line: number };
}

/**
 * Every candidate has exactly one row in the allocation and every row is a candidate. Ids that are not
 * candidates are located at their allocation line; candidates without a row at their own file line.
 */
export function accountForCandidates(allocation: AllocationFile, candidates: readonly KnownCandidate[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const ids = new Set(candidates.map((c) => c.id));
  const inAllocation = new Set(allocation.ids);
  if (!allocation.complete) return issues;
  const idHeader = allocation.headers.find((h) => allocationColumn(h) === 'id') ?? 'id';
  for (const r of allocation.rows) {
    if (!ids.has(r.id)) {
      issues.push({
        code: 'unknown_id',
        file: allocation.file,
        line: r.line,
        column: idHeader,
        message: `expected the id of a candidate in the candidate files, got ${show(r.id)}${mangledHint(r.id, candidates)}`,
        params: { kind: 'unknown_candidate', id: r.id },
      });
    }
  }
  for (const c of candidates) {
    if (!inAllocation.has(c.id)) {
      issues.push({
        code: 'missing_candidate',
        file: allocation.file,
        message: `expected a row for every candidate, ${c.id} (${c.ref.file}:${c.ref.line}) has none; every input row must be accounted for`,
        params: { kind: 'missing_candidate_row', id: c.id, file: c.ref.file, line: c.ref.line },
      });
    }
  }
  return issues;
}

/**
 * When an unknown id is what a spreadsheet makes of candidate ids read as numbers (`000123` → `123`, a long id →
 * `2,026E+16`): which ids it may be, and how to keep them whole. Empty when it is not.
 */
export function mangledHint(text: string, candidates: readonly KnownCandidate[]): string {
  const matches = candidates.filter((c) => isMangledId(text, c.id)).map((c) => c.id);
  if (matches.length === 0) return '';
  const which = matches.length === 1 ? `the id ${matches[0]}` : `one of the ids ${matches.slice(0, 3).join(', ')}${matches.length > 3 ? ', …' : ''}`;
  return `, which looks like ${which} after a spreadsheet read it as a number; ${ID_AS_TEXT_HINT}`;
}

function show(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN_CELL ? `${text.slice(0, MAX_SHOWN_CELL)}…` : text);
}
