/**
 * Candidate files (bytes) → `Candidate` objects. Decodes, parses, matches headers, parses every cell and
 * checks organisations against the reference data, collecting every problem in every file instead of
 * stopping at the first. The result depends on nothing but the bytes, the options and the reference data.
 * Pure: the CLI reads the files.
 */
import type { InputIssue } from '../domain/errors.js';
import type { IssueParams } from '../domain/i18n/catalogue.js';
import { normaliseId, type IdResult } from '../domain/ids.js';
import { decode, type EncodingChoice } from './decode.js';
import { INPUT_LIMITS, readCsv, type CsvRecord, type CsvTable } from './csv.js';
import { isCandidateHeader, matchHeaders } from './columns.js';
import { cellAddress, readSheet, workbookKind, type SheetLib } from './sheet.js';
import { JOINTLY_OWNED, type ReferenceData } from './reference.js';
import { listText } from '../domain/text.js';
import { RHFS, type Candidate, type CanonicalColumn, type Rhf } from '../domain/types.js';
import type { Warning } from '../domain/warnings.js';
import { warning } from '../domain/i18n/index.js';
import { fold, ID_AS_TEXT_HINT, isExponentNumber, parseBoolean, parseDate, parseEducation, parseExperienceYears, parseGender, parsePriority, parseSector, SPREADSHEET_DIGITS, type Parsed, type Refusal } from './values.js';

export interface CandidateFile {
  /** The file as named on the command line; used in every message. */
  name: string;
  bytes: Uint8Array;
}

export interface ReadOptions {
  /** Force a delimiter (`,` `;` or a tab); default: detected per file from its header line. */
  delimiter?: string | undefined;
  /** Default `auto`: UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
  encoding?: EncodingChoice | undefined;
  /** A workbook's sheet to read (`--sheet`); default the first visible sheet. Ignored for CSV files. */
  sheet?: string | undefined;
  /** The spreadsheet library; needed only when a file is a workbook (.xlsx, .ods). */
  sheetLib?: SheetLib | undefined;
}

/** What was read from one file, for the run summary. */
export interface FileSummary {
  name: string;
  /** `utf8`, `cp1252`, `utf16le`, `utf16be`; `xlsx` or `ods` for a workbook; `unknown` when the file could not be read. */
  encoding: string;
  /** The delimiter used, or `` for a workbook and when the file could not be decoded. */
  delimiter: string;
  /** The sheet read, for a workbook. */
  sheet?: string | undefined;
  bom: boolean;
  /** Data rows read (blank and all-empty rows not counted). */
  rows: number;
  /** Headers as written (trimmed). */
  headers: string[];
}

export interface ReadResult {
  /** Every row without a problem, in file order then line order. */
  candidates: Candidate[];
  /** Every problem found; a non-empty list means the input must not be used. */
  issues: InputIssue[];
  warnings: Warning[];
  files: FileSummary[];
}

/** Longer offending cells are cut in messages. */
const MAX_SHOWN_CELL = 60;

/** Where an id was first seen, and its cell as typed (to say why two different-looking cells are one id). */
interface SeenId {
  file: string;
  line: number;
  cell: string;
}

/** Read and merge candidate files. Ids must be unique across all of them. */
export function readCandidates(files: readonly CandidateFile[], options: ReadOptions, ref: ReferenceData): ReadResult {
  const result: ReadResult = { candidates: [], issues: [], warnings: [], files: [] };
  const seenIds = new Map<string, SeenId>();
  for (const f of files) readFile(f, options, ref, seenIds, result);
  return result;
}

function readFile(f: CandidateFile, options: ReadOptions, ref: ReferenceData, seenIds: Map<string, SeenId>, out: ReadResult): void {
  const summary: FileSummary = { name: f.name, encoding: 'unknown', delimiter: '', bom: false, rows: 0, headers: [] };
  out.files.push(summary);
  if (f.bytes.length > INPUT_LIMITS.maxFileBytes) {
    out.issues.push({ code: 'file_too_large', file: f.name, message: `expected a file of at most ${INPUT_LIMITS.maxFileBytes / 1024 / 1024} MiB, got ${(f.bytes.length / 1024 / 1024).toFixed(1)} MiB`,
      params: { kind: 'file', problem: 'too_large', expected: 'table', maxBytes: INPUT_LIMITS.maxFileBytes, bytes: f.bytes.length },
    });
    return;
  }
  const table = readTable(f, options, summary, out);
  if (table === null) return;
  summary.delimiter = table.delimiter;
  summary.rows = table.records.length;
  summary.headers = table.headers;
  out.issues.push(...table.issues);
  if (table.headerLine === null) return;
  if (table.skippedRows.length > 0) {
    const rows = table.skippedRows;
    out.warnings.push(warning('header_not_first', { file: f.name, sheet: table.sheet ?? null, headerRow: table.headerLine, rows: [...rows] }));
  }

  const columns = matchHeaders(table.headers, f.name, table.headerLine);
  out.issues.push(...columns.issues.map((i) => (table.sheet === undefined ? i : { ...i, sheet: table.sheet })));
  // Without every required column each row would repeat the same problem; the header issue says it once.
  if (columns.issues.length > 0) return;

  const unknownGenderLines: number[] = [];
  let numericIds = 0;
  const normalisedIdLines: number[] = [];
  let fileIssues = 0;
  for (const record of table.records) {
    // A file wrong on every row is wrong for one reason; a hundred examples of it are plenty.
    if (fileIssues >= INPUT_LIMITS.maxIssues) {
      out.issues.push({ code: 'too_many_issues', file: f.name, line: record.line, message: `stopped checking rows after ${INPUT_LIMITS.maxIssues} problems in this file`,
        params: { kind: 'file', problem: 'too_many_issues', max: INPUT_LIMITS.maxIssues, scope: 'file' },
      });
      break;
    }
    const row = new Row(f.name, record, table.headers, columns.index, table.sheet);
    const candidate = buildCandidate(row, ref, out.warnings);
    // Ids are claimed by every row that has one, valid or not, so that each duplicate is reported. They are
    // compared as normalised: a copy with a zero-width space or a no-break space is the same person.
    const idr = row.id();
    const id = idr.ok ? idr.id : '';
    const first = id === '' ? undefined : seenIds.get(id);
    if (first !== undefined) {
      const looks = first.cell === row.text('id') ? '' : ` (written ${show(first.cell)} there and ${show(row.text('id'))} here: they differ only in invisible characters, spacing or composed letters)`;
      row.issue('duplicate_id', 'id', `expected each id once across all files, "${id}" is also at ${first.file}:${first.line}${looks}`, {
        kind: 'duplicate_id',
        id,
        file: first.file,
        line: first.line,
        spelledApart: looks !== '',
      });
    } else if (id !== '') seenIds.set(id, { file: f.name, line: record.line, cell: row.text('id') });
    if (idr.ok && idr.changed) normalisedIdLines.push(record.line);
    if (candidate !== null && row.issues.length === 0) out.candidates.push(candidate);
    out.issues.push(...row.issues);
    fileIssues += row.issues.length;
    if (row.text('gender') !== '' && !parseGender(row.text('gender')).recognised) unknownGenderLines.push(record.line);
    if (row.kind('id') === 'number') numericIds++;
  }
  if (numericIds > 0) {
    out.warnings.push(warning('ids_as_numbers', { file: f.name, sheet: table.sheet ?? null, count: numericIds }));
  }
  if (normalisedIdLines.length > 0) {
    out.warnings.push(warning('id_normalised', { file: f.name, sheet: table.sheet ?? null, count: normalisedIdLines.length, lines: shownLines(normalisedIdLines) }));
  }
  if (unknownGenderLines.length > 0) {
    out.warnings.push(warning('unrecognised_gender', { file: f.name, count: unknownGenderLines.length, lines: shownLines(unknownGenderLines) }));
  }
}

/** Decode and parse a CSV file, or read a workbook's sheet; null (with the issue added) when neither can be read. */
function readTable(f: CandidateFile, options: ReadOptions, summary: FileSummary, out: ReadResult): (CsvTable & { sheet?: string }) | null {
  if (workbookKind(f.bytes) !== null) {
    if (options.sheetLib === undefined) {
      out.issues.push({ code: 'unsupported_workbook', file: f.name, message: 'expected a CSV file here, got a workbook (.xlsx or .ods): save it as "CSV UTF-8"', params: { kind: 'file', problem: 'workbook_not_csv' } });
      return null;
    }
    const table = readSheet(options.sheetLib, f.bytes, f.name, { sheet: options.sheet, isHeader: isCandidateHeader });
    summary.encoding = table.format;
    if (table.sheet !== '') summary.sheet = table.sheet;
    return table.sheet === '' ? { ...table, headerLine: null } : table;
  }
  const decoded = decode(f.bytes, f.name, options.encoding ?? 'auto');
  if (!decoded.ok) {
    out.issues.push(decoded.issue);
    return null;
  }
  summary.encoding = decoded.encoding;
  summary.bom = decoded.bom;
  return readCsv(decoded.text, f.name, { delimiter: options.delimiter, isHeader: isCandidateHeader });
}

/** The lines a warning names: the first ten (the warning counts them all). */
function shownLines(lines: readonly number[]): number[] {
  return lines.slice(0, 10);
}

/** One record with its column map: cell access and located issues. */
class Row {
  readonly issues: InputIssue[] = [];
  constructor(
    readonly file: string,
    readonly record: CsvRecord,
    private readonly headers: readonly string[],
    private readonly index: Partial<Record<CanonicalColumn, number>>,
    /** The sheet, for a workbook row: issues then name the cell (`B14`). */
    readonly sheet?: string | undefined,
  ) {}

  get line(): number {
    return this.record.line;
  }

  private idResult: IdResult | undefined;

  /** The row's id, normalised (see `normaliseId`). */
  id(): IdResult {
    this.idResult ??= normaliseId(this.text('id'));
    return this.idResult;
  }

  /** The trimmed cell of a canonical column, or `` when the column is absent. */
  text(column: CanonicalColumn): string {
    const i = this.index[column];
    return i === undefined ? '' : (this.record.cells[i] ?? '').trim();
  }

  /** The header as written, for messages (the canonical name when the column is absent). */
  header(column: CanonicalColumn): string {
    const i = this.index[column];
    return i === undefined ? column : (this.headers[i] ?? column);
  }

  /** The kind of a workbook cell (`date`, `number`, …); `text` for a CSV cell. */
  kind(column: CanonicalColumn): string {
    const i = this.index[column];
    return i === undefined ? 'blank' : (this.record.kinds?.[i] ?? 'text');
  }

  /** Where a cell of the row is, for a warning: the file, the sheet (null for CSV), the row and the header as written. */
  place(column: CanonicalColumn): { file: string; sheet: string | null; line: number; column: string } {
    return { file: this.file, sheet: this.sheet ?? null, line: this.line, column: this.header(column) };
  }

  issue(code: string, column: CanonicalColumn, message: string, params?: IssueParams): void {
    const i = this.index[column];
    const place = this.sheet === undefined ? {} : { sheet: this.sheet, ...(i === undefined ? {} : { cell: cellAddress(i, this.line) }) };
    this.issues.push({ code, file: this.file, line: this.line, column: this.header(column), ...place, message, ...(params === undefined ? {} : { params }) });
  }

  /** Parse an optional cell: blank → null; a bad value → an issue (of the cell's `kind`, for its words) and null. */
  optional<T>(column: CanonicalColumn, code: string, parse: (text: string) => Parsed<T>, kind: CellKind): T | null {
    const text = this.text(column);
    if (text === '') return null;
    const r = parse(text);
    if (r.ok) return r.value;
    // `03.mai` or `03.05.2026` where a number belongs: a spreadsheet read 3.5 (or 3,5) as a date before it saved.
    const date = (column === 'experience_years' || column === 'priority') && /^\d{1,2}[./-](\d{1,2}|\s?\p{L}{3,9}\.?)([./-]\d{2,4})?$/u.test(text);
    const hint = date ? ': a spreadsheet may have read a number such as 3.5 as a date; format the column as a number and type the value again' : '';
    this.issue(code, column, `expected ${r.expected}, got ${show(text)}${hint}`, cellParams(kind, cut(text), date ? { problem: 'date_text' } : r.why));
    return null;
  }

  /** A date cell where a number belongs: the spreadsheet read `3.5` as 3 May. Always an issue; null. */
  dateInNumberColumn(column: CanonicalColumn, expected: string, kind: 'years' | 'priority'): null {
    this.issue('date_in_number_column', column, `expected ${expected}, got a date cell (${this.text(column)}): the spreadsheet read the number as a date; format the column as a number and type the value again`, {
      kind,
      value: cut(this.text(column)),
      problem: 'date_cell',
    });
    return null;
  }

  /** Every cell keyed by its header as written, unknown columns included. */
  raw(): Record<string, string> {
    // A null-prototype object: a header named `__proto__` or `constructor` is a column like any other.
    const raw = Object.create(null) as Record<string, string>;
    this.headers.forEach((h, i) => {
      if (h !== '') raw[h] = this.record.cells[i] ?? '';
    });
    return raw;
  }
}

/** The candidate of one row, or null when the row cannot make one (its issues say why). */
function buildCandidate(row: Row, ref: ReferenceData, warnings: Warning[]): Candidate | null {
  const idr = row.id();
  const id = idr.ok ? idr.id : '';
  if (!idr.ok) row.issue(idr.problem === 'blank' ? 'missing_value' : 'invalid_id', 'id', `expected an application id, ${idr.expected}`, idr.problem === 'blank' ? { kind: 'blank', what: 'id' } : undefined);
  else if (isExponentNumber(id)) {
    row.issue('id_as_number', 'id', `expected an application id, got ${show(id)}: a spreadsheet turned a long id into a number and kept only its first digits; ${ID_AS_TEXT_HINT}`);
  } else if (row.kind('id') === 'number' && id.replace(/^0+/, '').length > SPREADSHEET_DIGITS) {
    row.issue('id_as_number', 'id', `expected an application id, got the number ${id}: a spreadsheet keeps only ${SPREADSHEET_DIGITS} digits of a number, so the id's last digits are lost; ${ID_AS_TEXT_HINT}`);
  }

  const sectorText = row.text('sector');
  const sector = sectorText === '' ? null : parseSector(sectorText);
  if (sector === null) row.issue('missing_value', 'sector', 'expected kommune or spesialist, got a blank cell', { kind: 'sector', value: '' });
  else if (!sector.ok) row.issue('invalid_sector', 'sector', `expected ${sector.expected}, got ${show(sectorText)}`, { kind: 'sector', value: cut(sectorText) });

  const birthDate = row.optional('birth_date', 'invalid_date', parseDate, 'date');
  const education = row.optional('education', 'invalid_education', parseEducation, 'education');
  const experienceYears =
    row.kind('experience_years') === 'date'
      ? row.dateInNumberColumn('experience_years', 'a number of years like 4 or 4,5', 'years')
      : row.optional('experience_years', 'invalid_number', parseExperienceYears, 'years');
  const priority = row.kind('priority') === 'date' ? row.dateInNumberColumn('priority', 'a whole number ≥ 1 like 1, 2 or 3', 'priority') : row.optional('priority', 'invalid_priority', parsePriority, 'priority');
  const endorsed = row.optional('endorsed', 'invalid_boolean', parseBoolean, 'yes_no');
  const gender = parseGender(row.text('gender')).value;

  const rhfText = row.text('rhf');
  const explicitRhf = rhfText === '' ? null : ref.rhf(rhfText);
  if (rhfText !== '' && explicitRhf === null) {
    const suggestion = ref.suggest('rhf', rhfText);
    row.issue('unknown_rhf', 'rhf', `expected an RHF (${RHFS.join(', ')}; or Sør-Øst, Vest, Midt, Nord), got ${show(rhfText)}${didYouMean(suggestion)}`, {
      kind: 'unknown_rhf',
      value: cut(rhfText),
      rhfs: RHFS,
      suggestion,
    });
  }

  const orgText = row.text('organisation');
  if (orgText === '') row.issue('missing_value', 'organisation', 'expected the employer (a hospital trust or a municipality), got a blank cell', { kind: 'blank', what: 'organisation' });

  if (id === '' || sector === null || !sector.ok || orgText === '' || (rhfText !== '' && explicitRhf === null)) return null;
  const org =
    sector.value === 'spesialist'
      ? specialistOrganisation(row, orgText, explicitRhf, ref, warnings)
      : municipalOrganisation(row, orgText, explicitRhf, ref, warnings);
  if (org === null) return null;

  return {
    id,
    ref: { file: row.file, line: row.line },
    name: row.text('name'),
    birthDate,
    gender,
    sector: sector.value,
    rhf: org.rhf,
    organisation: org.organisation,
    organisationKey: fold(org.organisation),
    municipality: org.municipality,
    trust: org.trust,
    position: row.text('position'),
    education,
    experienceYears,
    priority,
    endorsed,
    raw: row.raw(),
  };
}

type Organisation = Pick<Candidate, 'rhf' | 'organisation' | 'municipality' | 'trust'>;

/**
 * A specialist candidate works for a trust: the RHF comes from the trust, and an RHF column that says
 * otherwise is an error. A jointly owned trust has no RHF of its own, so the column must say. An employer
 * not in the list (a private or other body) is accepted as typed when the RHF column says whose quota it is.
 */
function specialistOrganisation(row: Row, orgText: string, explicitRhf: Rhf | null, ref: ReferenceData, warnings: Warning[]): Organisation | null {
  const m = ref.trust(orgText);
  if (m.status === 'found') {
    const t = m.value;
    const base = { organisation: t.name, trust: t.name, municipality: null };
    if (t.rhf === JOINTLY_OWNED) {
      if (explicitRhf === null) {
        row.issue('rhf_required', 'rhf', `expected the RHF whose quota the candidate competes in: ${t.name} is owned by all four RHFs together, got a blank cell`);
        return null;
      }
      return { ...base, rhf: explicitRhf };
    }
    if (explicitRhf !== null && explicitRhf !== t.rhf) {
      row.issue('rhf_mismatch', 'rhf', `expected "${t.rhf}" (the RHF that owns ${t.name}) or a blank cell, got ${show(row.text('rhf'))}`, {
        kind: 'rhf_mismatch',
        value: cut(row.text('rhf')),
        trust: t.name,
        rhf: t.rhf,
      });
      return null;
    }
    return { ...base, rhf: t.rhf };
  }
  if (m.status === 'ambiguous') {
    row.issue('ambiguous_organisation', 'organisation', `expected one hospital trust, got ${show(orgText)}, which names ${listText(m.options.map((t) => t.name))}`);
    return null;
  }
  const suggestion = ref.suggest('trust', orgText);
  const hint = didYouMean(suggestion) || sectorHint(ref, orgText, 'spesialist');
  if (explicitRhf === null) {
    row.issue('unknown_organisation', 'organisation', `expected a hospital trust (or an RHF in the RHF column for another employer), got ${show(orgText)}${hint}`, {
      kind: 'unknown_trust',
      value: cut(orgText),
      suggestion,
      otherSector: suggestion === null && hint !== '',
    });
    return null;
  }
  warnings.push(warning('unknown_organisation', { ...row.place('organisation'), value: cut(orgText), rhf: explicitRhf, ...otherHint(ref, orgText, 'spesialist') }));
  return { organisation: orgText, trust: null, municipality: null, rhf: explicitRhf };
}

/**
 * A municipal candidate works for a municipality: its county gives the RHF. An RHF column that disagrees
 * wins (a municipality may be served across a county line, as Bindal is) but is warned about. An employer
 * that matches no municipality is accepted as typed with a warning: a typo only costs the derived region.
 */
function municipalOrganisation(row: Row, orgText: string, explicitRhf: Rhf | null, ref: ReferenceData, warnings: Warning[]): Organisation | null {
  const m = ref.municipality(orgText);
  if (m.status === 'found') {
    const k = m.value;
    if (explicitRhf !== null && explicitRhf !== k.rhf) {
      warnings.push(warning('rhf_differs_from_county', { ...row.place('rhf'), rhf: explicitRhf, municipality: k.name, county: k.countyName, countyRhf: k.rhf }));
    }
    return {
      organisation: k.name,
      trust: null,
      municipality: { number: k.number, name: k.name, countyNumber: k.countyNumber, countyName: k.countyName, catchmentTrust: k.catchmentTrust },
      rhf: explicitRhf ?? k.rhf,
    };
  }
  if (m.status === 'ambiguous') {
    const options = m.options.map((k) => `${k.name} (${k.number})`).join(' or ');
    row.issue('ambiguous_municipality', 'organisation', `expected one municipality, got ${show(orgText)}, which may be ${options}; write the number or the name with the county`, {
      kind: 'ambiguous_municipality',
      value: cut(orgText),
      options: m.options.map((k) => ({ name: k.name, number: k.number })),
    });
    return null;
  }
  warnings.push(warning('unknown_municipality', { ...row.place('organisation'), value: cut(orgText), rhf: explicitRhf, ...otherHint(ref, orgText, 'kommune') }));
  return { organisation: orgText, trust: null, municipality: null, rhf: explicitRhf };
}

function didYouMean(suggestion: string | null): string {
  return suggestion === null ? '' : `; did you mean "${suggestion}"?`;
}

/** When the employer is known on the other side, the sector cell is the likelier mistake. */
function sectorHint(ref: ReferenceData, orgText: string, sector: 'kommune' | 'spesialist'): string {
  if (sector === 'kommune' && ref.trust(orgText).status === 'found') return '; it is a hospital trust: is the sector right?';
  if (sector === 'spesialist' && ref.municipality(orgText).status !== 'none') return '; it is a municipality: is the sector right?';
  return '';
}

/** The same hint as the facts of a warning: a likely name, else whether the employer is known on the other side. */
function otherHint(ref: ReferenceData, orgText: string, sector: 'kommune' | 'spesialist'): { suggestion: string | null; otherSector: boolean } {
  const suggestion = ref.suggest(sector === 'kommune' ? 'municipality' : 'trust', orgText);
  return { suggestion, otherSector: suggestion === null && sectorHint(ref, orgText, sector) !== '' };
}

/** A cell as a message shows it: cut when long. */
function cut(text: string): string {
  return text.length > MAX_SHOWN_CELL ? `${text.slice(0, MAX_SHOWN_CELL)}…` : text;
}

/** A cell quoted for a message, cut when long; quotes and line breaks escaped so the message stays one line. */
function show(text: string): string {
  return JSON.stringify(cut(text));
}

/** The columns `Row.optional` parses, by the words their problems take. */
type CellKind = 'date' | 'years' | 'priority' | 'yes_no' | 'education';

/** A refused cell's structured form. */
function cellParams(kind: CellKind, value: string, why: Refusal | { problem: 'date_text' }): IssueParams {
  switch (kind) {
    case 'date':
      return why.problem === 'range' ? { kind, value, problem: 'year', min: why.min, max: why.max } : { kind, value, problem: why.problem === 'calendar' ? 'calendar' : 'form' };
    case 'years':
    case 'priority':
      return why.problem === 'range' ? { kind, value, problem: 'range', min: why.min, max: why.max } : { kind, value, problem: why.problem === 'date_text' ? 'date_text' : 'form' };
    case 'education':
      return { kind, value, unfinished: why.problem === 'unfinished' };
    case 'yes_no':
      return { kind, value };
  }
}
