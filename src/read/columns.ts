/**
 * Header matching: which column of a candidate file holds which canonical field. Headers are compared by
 * `headerKey`, so case, spaces, punctuation, diacritics and a trailing bracket (`Arbeidserfaring (år)`,
 * `Fødselsdato (dd.mm.åååå)`) do not matter. Pure.
 */
import type { InputIssue } from '../domain/errors.js';
import { CANONICAL_COLUMNS, type CanonicalColumn } from '../domain/types.js';
import { compact } from './values.js';
import { CATALOGUE } from '../domain/i18n/index.js';

/** The Norwegian headers the outputs and `cohort template` write: the first Norwegian name of each column. */
const NB = CATALOGUE.nb.files.candidateColumns;

export interface ColumnSpec {
  column: CanonicalColumn;
  /** A file without this column is refused. An optional column's absence reads as blank in every row. */
  required: boolean;
  /** Accepted headers besides the canonical name. The first is the Norwegian label `cohort template --lang nb` writes. */
  aliases: readonly string[];
  /** How many of `aliases`, from the first, are Norwegian; the rest, and the canonical name, are English. */
  nb: number;
}

/**
 * Required: what screening cannot do without (id, birth date, sector, organisation, education, experience).
 * Optional: name (not used by any rule), gender (blank means unknown anyway), rhf (derived from the trust or
 * municipality), position, priority (unranked), endorsed (not recorded).
 */
export const COLUMN_SPECS: readonly ColumnSpec[] = [
  { column: 'id', required: true, nb: 4, aliases: [NB.id, 'ID', 'Søknads-ID', 'Søknadsid', 'Application ID', 'Application number'] },
  { column: 'name', required: false, nb: 2, aliases: [NB.name, 'Fullt navn', 'Name', 'Full name'] },
  { column: 'birth_date', required: true, nb: 2, aliases: [NB.birth_date, 'Født', 'Date of birth', 'Birth date', 'Birthdate', 'DOB'] },
  { column: 'gender', required: false, nb: 1, aliases: [NB.gender, 'Gender', 'Sex'] },
  { column: 'sector', required: true, nb: 1, aliases: [NB.sector, 'Sector'] },
  { column: 'rhf', required: false, nb: 3, aliases: [NB.rhf, 'Regionalt helseforetak', 'Helseregion', 'Regional health authority'] },
  { column: 'organisation', required: true, nb: 3, aliases: [NB.organisation, 'Arbeidsgiver', 'Organisasjon', 'Employer', 'Organization'] },
  { column: 'position', required: false, nb: 2, aliases: [NB.position, 'Stillingstittel', 'Position', 'Job title', 'Title'] },
  { column: 'education', required: true, nb: 3, aliases: [NB.education, 'Utdanning', 'Høyeste utdanning', 'Education', 'Highest education', 'Highest completed education'] },
  { column: 'experience_years', required: true, nb: 3, aliases: [NB.experience_years, 'Arbeidserfaring', 'Års arbeidserfaring', 'Experience', 'Work experience', 'Years of experience'] },
  { column: 'priority', required: false, nb: 3, aliases: [NB.priority, 'Prioritering', 'Rangering', 'Rank', 'Ranking', 'Priority'] },
  { column: 'endorsed', required: false, nb: 3, aliases: [NB.endorsed, 'Forankringsbrev', 'Forankring', 'Endorsed', 'Endorsement'] },
];

export const REQUIRED_COLUMNS: readonly CanonicalColumn[] = COLUMN_SPECS.filter((s) => s.required).map((s) => s.column);

/** The Norwegian header for each canonical column (`birth_date` → `Fødselsdato`). */
export const NB_LABELS: Readonly<Record<CanonicalColumn, string>> = NB;

/** The comparison form of a header: folded, without a trailing bracket, spaces or punctuation. */
export function headerKey(header: string): string {
  return compact(header.replace(/\s*\([^()]*\)\s*$/, ''));
}

const BY_KEY: ReadonlyMap<string, CanonicalColumn> = (() => {
  const m = new Map<string, CanonicalColumn>();
  for (const s of COLUMN_SPECS) for (const name of [s.column, ...s.aliases]) m.set(headerKey(name), s.column);
  return m;
})();

/** The canonical column a header names, or null for a column the tool does not know (kept and passed through). */
export function canonicalColumn(header: string): CanonicalColumn | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}

/** Norwegian headers, compared by `headerKey`; one that reads as the canonical name (`ID`, `RHF`) is in NEUTRAL_KEYS instead. */
const NORWEGIAN_KEYS: ReadonlySet<string> = new Set(COLUMN_SPECS.flatMap((s) => s.aliases.slice(0, s.nb).map(headerKey).filter((k) => k !== headerKey(s.column))));
const NEUTRAL_KEYS: ReadonlySet<string> = new Set(COLUMN_SPECS.filter((s) => s.aliases.slice(0, s.nb).some((a) => headerKey(a) === headerKey(s.column))).map((s) => headerKey(s.column)));

/**
 * The language a header row is written in: `nb` when more of its known columns have a Norwegian header
 * (`Søknadsnummer`, `Fødselsdato`) than an English one (`id`, `birth_date`, `Date of birth`); `en` when fewer;
 * null on a tie (no known column, or as many of each). Unknown columns do not count, nor do `id` and `rhf`,
 * which read the same in both languages.
 */
export function headerLanguage(headers: readonly string[]): 'nb' | 'en' | null {
  let balance = 0;
  for (const h of headers) {
    const key = headerKey(h);
    if (!BY_KEY.has(key) || NEUTRAL_KEYS.has(key)) continue;
    balance += NORWEGIAN_KEYS.has(key) ? 1 : -1;
  }
  return balance > 0 ? 'nb' : balance < 0 ? 'en' : null;
}

/** Headers of e-mail columns (not a canonical column: passed through as typed), folded without spaces or punctuation. */
const EMAIL_HEADERS = new Set(['epost', 'epostadresse', 'email', 'emailadresse', 'emailaddress', 'mail', 'mailadresse', 'epostadr']);

/** Whether a header names an e-mail column (`E-post`, `E-mail`, `Epostadresse`, …). */
export function isEmailHeader(header: string): boolean {
  return EMAIL_HEADERS.has(compact(header));
}

/** The e-mail of a row's input cells (the first e-mail column in code-unit order of its header), trimmed; '' when none. */
export function emailOf(cells: Readonly<Record<string, string>>): string {
  const key = Object.keys(cells).filter(isEmailHeader).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];
  return key === undefined ? '' : (cells[key] ?? '').trim();
}

/** Recognised headers that make a row the header row rather than a title or note above it. */
const HEADER_MIN_RECOGNISED = 3;

/** Whether a row is a candidate file's header: at least three cells name known columns. */
export function isCandidateHeader(cells: readonly string[]): boolean {
  let n = 0;
  for (const c of cells) if (c !== '' && canonicalColumn(c) !== null && ++n >= HEADER_MIN_RECOGNISED) return true;
  return false;
}

export interface ColumnMap {
  /** Index of each canonical column present in the header. */
  index: Partial<Record<CanonicalColumn, number>>;
  /** Indexes of the columns the tool does not know, in file order. */
  unknown: number[];
  /** Duplicate and missing columns. A file with any of these cannot be read row by row. */
  issues: InputIssue[];
}

/**
 * Map a header row to canonical columns. Two headers naming the same canonical column, or the same unknown
 * header twice, is a `duplicate_column`; each missing required column is one `missing_column` naming the
 * headers accepted for it. Empty headers are skipped (csv-read reports them when their column has values).
 */
export function matchHeaders(headers: readonly string[], file: string, headerLine: number): ColumnMap {
  const index: Partial<Record<CanonicalColumn, number>> = {};
  const unknown: number[] = [];
  const issues: InputIssue[] = [];
  const seenUnknown = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h === '') return;
    const c = canonicalColumn(h);
    const first = c === null ? seenUnknown.get(h) : index[c];
    if (first !== undefined) {
      const means = c === null ? '' : ` both mean "${c}"`;
      issues.push({
        code: 'duplicate_column',
        file,
        line: headerLine,
        column: h,
        message: `expected each column once: "${headers[first]}" (column ${first + 1}) and "${h}" (column ${i + 1})${means}`,
        params: { kind: 'duplicate_column', first: headers[first] ?? '', firstAt: first + 1, at: i + 1, label: c === null ? null : NB_LABELS[c] },
      });
      return;
    }
    if (c === null) {
      seenUnknown.set(h, i);
      unknown.push(i);
    } else index[c] = i;
  });
  for (const s of COLUMN_SPECS) {
    if (!s.required || index[s.column] !== undefined) continue;
    issues.push({
      code: 'missing_column',
      file,
      line: headerLine,
      column: s.column,
      message: `expected a column "${s.column}" in the header (also accepted: ${s.aliases.map((a) => `"${a}"`).join(', ')})`,
      params: { kind: 'missing_column', label: NB_LABELS[s.column], aliases: s.aliases },
    });
  }
  return { index, unknown, issues };
}

/** Canonical columns in template order with their Norwegian or English header. */
export function templateHeaders(lang: 'en' | 'nb'): string[] {
  return CANONICAL_COLUMNS.map((c) => (lang === 'nb' ? NB_LABELS[c] : c));
}
