/**
 * Cell values as people type them into Norwegian Excel and form tools. Every parser takes a trimmed,
 * non-blank cell and returns the value or what was expected; the caller decides what blank means for the
 * column and adds `got "…"` with the cell. Pure.
 */
import { dateParts, isCalendarDate, isoDate } from '../domain/dates.js';
import type { Education, Gender, Sector } from '../domain/types.js';

/**
 * Why a cell was refused, for the messages in other languages: not in the form asked for, a number outside
 * `min`–`max`, a date that is not in the calendar, a degree not completed.
 */
export type Refusal = { problem: 'form' | 'calendar' | 'unfinished' } | { problem: 'range'; min: number; max: number };

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; why: Refusal };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string, why: Refusal = { problem: 'form' }): Parsed<T> => ({ ok: false, expected, why });

/**
 * Folded form of a name for matching: lowercase, diacritics removed (`ø` → `o`, `æ` → `ae`, Sámi `đ` → `d`),
 * every run of punctuation or space turned into one space, trimmed. `Helse Sør-Øst` and `helse sor–ost` fold alike.
 */
export function fold(text: string): string {
  // Cells repeat (genders, degrees, organisations): each distinct text is folded once.
  let folded = FOLDED.get(text);
  if (folded === undefined) {
    if (FOLDED.size >= FOLDED_MAX) FOLDED.clear();
    folded = foldOnce(text);
    FOLDED.set(text, folded);
  }
  return folded;
}

/** Folded texts by text; cleared when full, so that memory stays bounded on any input. */
const FOLDED = new Map<string, string>();
const FOLDED_MAX = 10_000;

function foldOnce(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[æøđŋŧßœ]/g, (c) => FOLD_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters NFKD does not decompose. */
const FOLD_LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', đ: 'd', ŋ: 'n', ŧ: 't', ß: 'ss', œ: 'oe' };

/** The folded form without spaces: `A-hus` and `Ahus` match. */
export function compact(text: string): string {
  return fold(text).replace(/ /g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const DATE_EXPECTED = 'a date like 31.12.1980';
/** Birth dates outside this range are typos (`0980`, `2980`), not people. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/**
 * `31.12.1980` (Norwegian, day and month may be one digit) or `1980-12-31` (ISO) → `1980-12-31`.
 * Two-digit years (`31.12.80`) and slashes (`31/12/1980`, which is month-first in some locales) are refused
 * because they are ambiguous.
 */
export function parseDate(text: string): Parsed<string> {
  const d = dateParts(text);
  if (d === null) return fail(DATE_EXPECTED);
  if (d.year < MIN_YEAR || d.year > MAX_YEAR) return fail(`${DATE_EXPECTED} with a year between ${MIN_YEAR} and ${MAX_YEAR}`, { problem: 'range', min: MIN_YEAR, max: MAX_YEAR });
  if (!isCalendarDate(d)) return fail(`a real calendar date like 31.12.1980`, { problem: 'calendar' });
  return ok(isoDate(d));
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

/** `4`, `4,5`, `4.5`, `,5` → a finite number ≥ 0. No thousands separators, signs or units. */
export function parseDecimal(text: string): Parsed<number> {
  if (!/^(\d+([.,]\d+)?|[.,]\d+)$/.test(text)) return fail('a number like 4 or 4,5');
  return ok(Number(text.replace(',', '.')));
}

/** A working life is shorter than this; more is a typo (`45` for `4,5`) or a year (`2019`). */
const MAX_EXPERIENCE_YEARS = 60;

/** Full-time-equivalent years of work experience: a decimal between 0 and 60. */
export function parseExperienceYears(text: string): Parsed<number> {
  const r = parseDecimal(text);
  if (!r.ok) return fail('a number of years like 4 or 4,5');
  if (r.value > MAX_EXPERIENCE_YEARS) return fail(`a number of years between 0 and ${MAX_EXPERIENCE_YEARS}`, { problem: 'range', min: 0, max: MAX_EXPERIENCE_YEARS });
  return r;
}

/** Larger ranks are typos: no body nominates thousands. */
const MAX_PRIORITY = 9999;

/** A ranking: a whole number ≥ 1 (`1` is best). */
export function parsePriority(text: string): Parsed<number> {
  if (!/^\d+$/.test(text)) return fail('a whole number ≥ 1 like 1, 2 or 3');
  const n = Number(text);
  if (n < 1 || n > MAX_PRIORITY) return fail(`a whole number between 1 and ${MAX_PRIORITY}`, { problem: 'range', min: 1, max: MAX_PRIORITY });
  return ok(n);
}

// ---------------------------------------------------------------------------------------------------------
// Words. Each table maps a folded form to the value; the first word of each group is the one shown in
// "expected" messages.

function lookupWord<T>(table: ReadonlyMap<string, T>, text: string, expected: string): Parsed<T> {
  const v = table.get(fold(text));
  return v === undefined ? fail(expected) : ok(v);
}

function table<T>(groups: ReadonlyArray<readonly [T, readonly string[]]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, words] of groups) for (const w of words) m.set(fold(w), value);
  return m;
}

const BOOLEANS = table<boolean>([
  // `x` is the mark people put in a checkbox-like column; a blank there means "not recorded", not "no".
  [true, ['Ja', 'J', 'yes', 'y', 'true', 'sann', '1', 'x']],
  [false, ['Nei', 'N', 'no', 'false', 'usann', '0']],
]);

/** `Ja/Nei`, `J/N`, `yes/no`, `y/n`, `true/false`, `1/0`, and `x` for yes. */
export function parseBoolean(text: string): Parsed<boolean> {
  return lookupWord(BOOLEANS, text, 'Ja or Nei (also yes/no, true/false, 1/0)');
}

const GENDERS = table<Gender>([
  ['female', ['Kvinne', 'K', 'kvinnelig', 'female', 'F', 'woman']],
  ['male', ['Mann', 'M', 'mannlig', 'male', 'man']],
]);

/**
 * `Kvinne/Mann`, `K/M`, `female/male`, `F/M`, `woman/man`. Anything else, blank included, is `unknown`: never
 * an error, because a candidate may decline to state it. `recognised` says whether the text was understood.
 */
export function parseGender(text: string): { value: Gender; recognised: boolean } {
  const v = GENDERS.get(fold(text));
  return v === undefined ? { value: 'unknown', recognised: false } : { value: v, recognised: true };
}

const SECTORS = table<Sector>([
  [
    'kommune',
    ['kommune', 'kommunehelsetjenesten', 'kommunehelsetjeneste', 'kommunal', 'kommunen', 'municipal', 'municipality', 'KS'],
  ],
  [
    'spesialist',
    ['spesialist', 'spesialisthelsetjenesten', 'spesialisthelsetjeneste', 'specialist', 'sykehus', 'hospital', 'helseforetak', 'HF'],
  ],
]);

/** `kommune`, `Kommunehelsetjenesten`, `municipal`, `KS` / `spesialist`, `Spesialisthelsetjenesten`, `specialist`, `sykehus`. */
export function parseSector(text: string): Parsed<Sector> {
  return lookupWord(SECTORS, text, 'kommune or spesialist');
}

const EDUCATION_WORDS = table<Education>([
  ['none', ['Ingen', 'none', 'grunnskole', 'videregående', 'videregående skole', 'vgs']],
  ['fagskole', ['Fagskole', 'fagskoleutdanning', 'vocational', 'høyere yrkesfaglig utdanning']],
  ['bachelor', ['Bachelor', 'bachelorgrad', 'bachelors', 'bachelor degree', "bachelor's degree", 'cand.mag.', 'høgskolekandidat']],
  ['master', ['Master', 'mastergrad', 'masters', 'master degree', "master's degree", 'hovedfag', 'MBA', 'EMBA', 'sivilingeniør', 'embetseksamen']],
  ['phd', ['Ph.d.', 'phd', 'doktorgrad', 'doctorate', 'dr.philos.']],
]);

const EDUCATION_EXPECTED = 'one of Ingen, Fagskole, Bachelor, Master, Ph.d.';
/**
 * Words (folded) that say a degree is not finished: `Bachelor pågår`, `Master (påbegynt)`, `under arbeid`,
 * `ferdig 2027`, `in progress`. A trailing or lone `?` says the same of the cell as a whole.
 */
const UNFINISHED =
  /\b(pabegynt|pagar|pagaende|ikke fullfort|ikke ferdig|ufullfort|under arbeid|under utdanning|studerer|student|snart ferdig|blir ferdig|ferdig (i )?\d{4}|forventet( ferdig)?|planlagt|not completed|not finished|unfinished|ongoing|in progress|expected|pending)\b/;

/** Why a degree cell reads as not completed, or null when nothing says so. */
function unfinishedDegree(text: string): string | null {
  if (/\?/.test(text)) return 'a "?" says it is not certain';
  const m = UNFINISHED.exec(fold(text));
  return m === null ? null : `"${m[0]}" says it is not completed`;
}

/**
 * Highest completed education. Besides the words above: any `cand.*` degree except `cand.mag.` is a master's
 * (`cand.med.`, `cand.polit.`, `cand.psychol.`), any `dr.*` a doctorate (`dr.med.`), and a level word followed by
 * a field counts as that level (`Master i helseledelse`, `Bachelor i sykepleie`).
 */
export function parseEducation(text: string): Parsed<Education> {
  const f = fold(text);
  // "Master (påbegynt)", "Bachelor pågår", "Master?" are not completed degrees: refuse rather than guess a level
  // the rule would count. Checked before the exact words, which fold "Master?" to "master".
  const unfinished = unfinishedDegree(text);
  if (unfinished !== null) return fail(`${EDUCATION_EXPECTED}: the highest completed degree (${unfinished})`, { problem: 'unfinished' });
  const exact = EDUCATION_WORDS.get(f);
  if (exact !== undefined) return ok(exact);
  if (/^cand mag\b/.test(f)) return ok('bachelor');
  if (/^cand [a-z]+\b/.test(f)) return ok('master');
  if (/^dr [a-z]+\b/.test(f) || /^ph ?d\b/.test(f)) return ok('phd');
  // "Master i …", "Bachelor in …": the first word decides.
  const first = EDUCATION_WORDS.get(f.split(' ')[0] ?? '');
  if (first !== undefined && first !== 'none') return ok(first);
  return fail(EDUCATION_EXPECTED);
}

// ---------------------------------------------------------------------------------------------------------
// Ids a spreadsheet turned into numbers

/** `2,026E+16`, `2.026E+16`, `1E+15`: a long number a spreadsheet shows (and a CSV export keeps) in exponent form. */
export function isExponentNumber(text: string): boolean {
  return /^\d+([.,]\d+)?E[+-]?\d+$/i.test(text.trim());
}

/** Spreadsheets keep 15 significant digits of a number; a longer id stored as a number has lost the rest. */
export const SPREADSHEET_DIGITS = 15;

/** The hint every id message gives when a spreadsheet turned ids into numbers. */
export const ID_AS_TEXT_HINT = 'format the id column as text (Format Cells → Text) before typing or pasting the ids, and save again';

/**
 * Whether `text` is what a spreadsheet makes of the id `id` when it reads it as a number: leading zeros
 * dropped (`000123` → `123`), a decimal tail added (`123,0`), or a long id in exponent form (`2,026E+16`, which
 * matches every id that rounds to it).
 */
export function isMangledId(text: string, id: string): boolean {
  if (!/^\d+$/.test(id) || text === id) return false;
  const t = text.trim();
  if (/^\d+([.,]0+)?$/.test(t)) return BigInt(t.replace(/[.,]0+$/, '')) === BigInt(id);
  if (!isExponentNumber(t)) return false;
  const [mantissa = '', exponent = '0'] = t.replace(',', '.').toUpperCase().split('E');
  const [whole = '', frac = ''] = mantissa.split('.');
  const digits = (whole + frac).replace(/^0+/, '');
  const length = whole.replace(/^0+/, '').length + Number(exponent);
  const significant = id.replace(/^0+/, '');
  if (significant.length !== length || digits.length === 0) return false;
  // The id rounded to the digits shown is the mantissa.
  const shown = BigInt(significant.slice(0, digits.length)) + (Number(significant[digits.length] ?? '0') >= 5 ? 1n : 0n);
  return shown === BigInt(digits);
}
