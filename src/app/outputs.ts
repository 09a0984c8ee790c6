/**
 * What the CSV outputs share: the dialect they are written in, and the input columns every output row carries
 * (the canonical columns and every column the tool does not know, so that nothing the coordinator put in a file
 * is lost).
 */
import { compareCodeUnits } from '../domain/compare.js';
import { canonicalColumn, headerLanguage } from '../read/columns.js';
import { CANONICAL_COLUMNS, type Candidate } from '../domain/types.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { OutputColumn } from '../domain/i18n/catalogue.js';
import { formatDate, type Lang } from '../domain/text.js';
import { fold, parseBoolean, parseDate, parseEducation, parseGender, parseSector } from '../read/values.js';

/**
 * The language of the files a run writes (their headers and values, and with it their dialect): `--lang` when it
 * was given; else the candidate files' headers (Norwegian when a file's headers are Norwegian, English when a file's
 * are English and none Norwegian); else, when no header says (a file with only `ID` and `RHF`, say), the run's
 * language. The one place that decides it.
 */
export function outputLang(asked: Lang | undefined, headers: ReadonlyArray<readonly string[]>, fallback: Lang): Lang {
  if (asked !== undefined) return asked;
  const langs = headers.map(headerLanguage);
  return langs.includes('nb') ? 'nb' : langs.includes('en') ? 'en' : fallback;
}

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
  /** Output header names: canonical names, then unknown columns in their input order (see `outputColumns`). */
  header: string[];
  /** How many of `header`, from the first, are canonical columns; the rest are unknown columns, kept as typed. */
  known: number;
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
  // Each header's canonical column, worked out once (the rows share a few headers; 5,000 rows spent about a tenth of
  // writing allocation.csv normalising them again).
  const columnOf = new Map<string, ReturnType<typeof canonicalColumn>>();
  const canonical = (h: string): ReturnType<typeof canonicalColumn> => {
    let col = columnOf.get(h);
    if (col === undefined) {
      col = canonicalColumn(h);
      columnOf.set(h, col);
    }
    return col;
  };
  return {
    header: [...CANONICAL_COLUMNS, ...extraList],
    known: CANONICAL_COLUMNS.length,
    row: (c) => {
      const canon = new Map<string, string>();
      for (const [h, v] of Object.entries(c.raw)) {
        const col = canonical(h);
        if (col !== null && !canon.has(col)) canon.set(col, DECIMAL_COLUMNS.has(col) ? withDecimal(v, decimal) : v);
      }
      return [...CANONICAL_COLUMNS.map((col) => canon.get(col) ?? ''), ...extraList.map((h) => c.raw[h] ?? '')];
    },
  };
}

/**
 * A column of an output table: one of the tool's (its own, `status`, or a candidate file's, `birth_date`, and the
 * candidate id as typed, `input_id`), written in the output's language; or an input column the tool does not know,
 * written as typed.
 */
export type TableColumn = { tool: OutputColumn | (typeof CANONICAL_COLUMNS)[number] | 'input_id' } | { input: string };

/** An output table before it is written: the tool's column names and values (`status` `selected`), rows of text. */
export interface OutputTable {
  columns: TableColumn[];
  body: string[][];
}

/** The columns of a table: the outputs' own, then the pass-through's (the candidate id as `input_id`), then `tail`. */
export function outputColumns(own: readonly OutputColumn[], pt: PassThrough, tail: readonly OutputColumn[]): TableColumn[] {
  return [
    ...own.map((c) => ({ tool: c })),
    ...pt.header.map((h, i): TableColumn => (i < pt.known ? { tool: h === 'id' ? 'input_id' : (h as (typeof CANONICAL_COLUMNS)[number]) } : { input: h })),
    ...tail.map((c) => ({ tool: c })),
  ];
}

/** The header of a table in `lang`: the catalogue's names of the tool's columns, unknown input columns as typed. */
function tableHeader(columns: readonly TableColumn[], lang: Lang): string[] {
  const w = CATALOGUE[lang].files;
  return columns.map((c) => {
    if ('input' in c) return c.input;
    const t = c.tool;
    if (t === 'input_id') return w.columns.input_id;
    return t in w.columns ? w.columns[t as OutputColumn] : w.candidateColumns[t as (typeof CANONICAL_COLUMNS)[number]];
  });
}

/**
 * A value in `lang`, by its column: statuses, group kinds, genders and yes/no by the catalogue's words; a sector or
 * an education in the other language's word by this one's; a birth date as the language writes dates (`31.12.1980`,
 * `1980-12-31`). A value the tool does not recognise, and every
 * other column's, as it is.
 */
function tableValue(column: TableColumn, value: string, lang: Lang): string {
  if ('input' in column || value === '') return value;
  const w = CATALOGUE[lang].files;
  switch (column.tool) {
    case 'status':
      return (w.status as Readonly<Record<string, string>>)[value] ?? value;
    case 'kind':
      return (w.kind as Readonly<Record<string, string>>)[value] ?? value;
    case 'gender': {
      const g = parseGender(value);
      return g.recognised || value === 'unknown' ? w.gender[g.value] : value;
    }
    case 'endorsed': {
      const b = parseBoolean(value);
      return b.ok ? (b.value ? w.yes : w.no) : value;
    }
    case 'sector':
    case 'education': {
      // The other language's word for it becomes this language's; anything else (`kommune`, `cand.med.`) as typed.
      const other = CATALOGUE[lang === 'nb' ? 'en' : 'nb'].files;
      const parsed = column.tool === 'sector' ? parseSector(value) : parseEducation(value);
      if (!parsed.ok) return value;
      const key = parsed.value as keyof typeof other.sector & keyof typeof other.education;
      const table = (column.tool === 'sector' ? [other.sector, w.sector] : [other.education, w.education]) as [Readonly<Record<string, string>>, Readonly<Record<string, string>>];
      return fold(value) === fold(table[0][key] ?? '') ? (table[1][key] ?? value) : value;
    }
    case 'birth_date': {
      const d = parseDate(value.trim());
      return d.ok ? formatDate(d.value, lang) : value;
    }
    default:
      return value;
  }
}

/** A table's header and rows in `lang`, ready for the CSV writer. */
export function localised(t: OutputTable, lang: Lang): { header: string[]; body: string[][] } {
  return { header: tableHeader(t.columns, lang), body: t.body.map((row) => row.map((v, i) => tableValue(t.columns[i] ?? { input: '' }, v, lang))) };
}

/** The columns allocation.csv (and `cohort replace`'s) has before and after the input's. */
export const ALLOCATION_OWN_COLUMNS = ['id', 'status', 'cell', 'reserve_rank', 'workshop_group', 'project_team', 'reasons', 'warnings'] as const;
export const SOURCE_COLUMNS = ['source_file', 'source_line'] as const;

/** groups.csv's columns and rows (also `cohort replace`'s): one row per member of each workshop group and project team. */
export function groupsTable(candidates: readonly Candidate[], groups: ReadonlyArray<{ number: number; memberIds: readonly string[] }>, teams: ReadonlyArray<{ number: number; memberIds: readonly string[] }>): OutputTable {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const rows: string[][] = [];
  const member = (kind: string, n: number, id: string) => {
    const c = byId.get(id) as Candidate;
    rows.push([kind, String(n), id, c.name, c.sector, c.rhf ?? '', c.organisation, c.municipality?.countyName ?? '', c.gender]);
  };
  for (const g of groups) for (const id of g.memberIds) member('workshop_group', g.number, id);
  for (const t of teams) for (const id of t.memberIds) member('project_team', t.number, id);
  const columns = (['kind', 'number', 'id', 'name', 'sector', 'rhf', 'organisation', 'county', 'gender'] as const).map((c) => ({ tool: c }));
  return { columns, body: rows };
}
