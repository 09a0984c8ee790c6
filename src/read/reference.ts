/**
 * The reference data: hospital trusts with their RHF, counties with their RHF, municipalities with their
 * county and the hospital trust whose catchment area (opptaksområde) each lies in. Built from the four CSV texts in `data/` (loading them lives in src/io/reference-load.ts) and
 * checked on the way in. Lookups forgive the ways people write names: case, spaces, diacritics (`Sor-Ost`),
 * a legal suffix (`Helse Bergen` for `Helse Bergen HF`), `Bergen kommune`, either half of a bilingual name,
 * a municipality number whose leading zero Excel dropped. Pure.
 */
import { InputError, type InputIssue } from '../domain/errors.js';
import { readCsv } from './csv.js';
import { RHFS, type Rhf } from '../domain/types.js';
import { compact, fold } from './values.js';

export const TRUST_CATEGORIES = ['rhf', 'sykehus', 'apotek', 'ikt', 'privat_ideell', 'felleseid', 'avviklet'] as const;
export type TrustCategory = (typeof TRUST_CATEGORIES)[number];

/** Owner of trusts owned by all four RHFs together: such a trust has no RHF quota of its own. */
export const JOINTLY_OWNED = 'Felles';

export interface Trust {
  /** Canonical name, e.g. `Helse Bergen HF`. */
  name: string;
  /** Abbreviation in common use, e.g. `Haukeland`, `OUS`. */
  shortName: string;
  rhf: Rhf | typeof JOINTLY_OWNED;
  kategori: TrustCategory;
}

export interface County {
  /** Two digits, e.g. `46`. */
  number: string;
  name: string;
  rhf: Rhf;
}

export interface Municipality {
  /** Four digits, e.g. `0301`. */
  number: string;
  /** Official name, e.g. `Oslo - Oslove`, `Herøy (Nordland)`. */
  name: string;
  countyNumber: string;
  countyName: string;
  /** The RHF whose area the county lies in. */
  rhf: Rhf;
  /**
   * The hospital trust (canonical `hf_name`) whose catchment area (opptaksområde, somatic care) the municipality
   * lies in, from `opptaksomrader.csv`.
   */
  catchmentTrust: string;
}

/** A lookup's outcome: one match, several (a name two municipalities share), or none. */
export type Match<T> = { status: 'found'; value: T } | { status: 'ambiguous'; options: T[] } | { status: 'none' };

export type ReferenceKind = 'trust' | 'municipality' | 'rhf';

/** The four files' contents. */
export interface ReferenceTexts {
  helseforetak: string;
  fylker: string;
  kommuner: string;
  opptaksomrader: string;
}

/** Ways of writing each RHF besides its full name and the names in helseforetak.csv. */
const RHF_ALIASES: Readonly<Record<Rhf, readonly string[]>> = {
  'Helse Sør-Øst': ['Sør-Øst', 'HSØ', 'South-East', 'South-Eastern Norway'],
  'Helse Vest': ['Vest', 'HV', 'West', 'Western Norway'],
  'Helse Midt-Norge': ['Midt-Norge', 'Midt', 'Helse Midt', 'HMN', 'Central Norway', 'Mid-Norway'],
  'Helse Nord': ['Nord', 'HN', 'North', 'Northern Norway'],
};

/** Legal-form words that may be left off a trust's name. */
const LEGAL_SUFFIX = / (hf|rhf|as|asa|helseforetak)$/;
const MUNICIPALITY_SUFFIX = / kommune$/;

/** Suggestions are only made for input up to this long: edit distance is quadratic. */
const MAX_SUGGEST_LENGTH = 80;

/** Name index: compact key → the entries it names, plus how to show each key in a suggestion. */
class NameIndex<T> {
  private readonly byKey = new Map<string, T[]>();
  private readonly display = new Map<string, string>();

  add(name: string, value: T, shownAs: string): void {
    const key = compact(name);
    if (key === '') return;
    const list = this.byKey.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    this.byKey.set(key, list);
    // A name shared by several entries is shown by the entries' full names, never by the shared part.
    if (list.length > 1) this.display.delete(key);
    else this.display.set(key, shownAs);
  }

  /** The entries named by the first of `keys` that names any (most exact key first). */
  find(keys: readonly string[]): Match<T> {
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (list === undefined) continue;
      return list.length === 1 ? { status: 'found', value: list[0] as T } : { status: 'ambiguous', options: [...list] };
    }
    return { status: 'none' };
  }

  /** The display name of the closest key within a distance that scales with the input, or null. */
  closest(key: string): string | null {
    // One edit turns any two-letter abbreviation into another (`HX` → `HN`, `HV`): too short to guess.
    if (key.length <= 3 || key.length > MAX_SUGGEST_LENGTH) return null;
    const limit = key.length <= 5 ? 1 : key.length <= 10 ? 2 : 3;
    let best: { d: number; shown: string } | null = null;
    for (const [k, shown] of this.display) {
      if (Math.abs(k.length - key.length) > limit) continue;
      const d = editDistance(key, k, limit);
      // Ties go to the smaller display name by code unit, so the suggestion never depends on file order.
      if (d <= limit && (best === null || d < best.d || (d === best.d && shown < best.shown))) best = { d, shown };
    }
    return best?.shown ?? null;
  }
}

/** Read-only reference data with forgiving lookups. Build it with `parseReferenceData`. */
export class ReferenceData {
  private readonly trustIndex = new NameIndex<Trust>();
  private readonly municipalityIndex = new NameIndex<Municipality>();
  private readonly rhfIndex = new NameIndex<Rhf>();
  /** Every accepted RHF spelling, compared with its letters intact (see `rhf`). */
  private readonly rhfStrictKeys = new Set<string>();
  private readonly byNumber = new Map<string, Municipality>();

  constructor(
    readonly trusts: readonly Trust[],
    readonly counties: readonly County[],
    readonly municipalities: readonly Municipality[],
  ) {
    for (const t of trusts) {
      this.trustIndex.add(t.name, t, t.name);
      this.trustIndex.add(fold(t.name).replace(LEGAL_SUFFIX, ''), t, t.name);
      this.trustIndex.add(t.shortName, t, t.name);
    }
    for (const m of municipalities) {
      this.byNumber.set(m.number, m);
      this.municipalityIndex.add(m.name, m, m.name);
      // `Oslo - Oslove`, `Lyngen - Ivgu - Yykeä`: each part is a name of its own.
      const parts = m.name.split(' - ');
      if (parts.length > 1) for (const p of parts) this.municipalityIndex.add(p, m, p);
      // `Herøy (Nordland)`: the bare `Herøy` names both Herøys, so it is ambiguous, not a guess.
      const bare = m.name.replace(/\s*\([^)]*\)$/, '');
      if (bare !== m.name) this.municipalityIndex.add(bare, m, m.name);
    }
    for (const r of RHFS) {
      this.rhfIndex.add(r, r, r);
      this.rhfIndex.add(`${r} RHF`, r, r);
      for (const a of RHF_ALIASES[r]) this.rhfIndex.add(a, r, r);
      for (const a of [r, ...RHF_ALIASES[r]]) this.rhfStrictKeys.add(strictKey(a));
    }
    for (const t of trusts) {
      if (t.kategori === 'rhf' && t.rhf !== JOINTLY_OWNED) {
        this.rhfIndex.add(t.shortName, t.rhf, t.rhf);
        this.rhfStrictKeys.add(strictKey(t.shortName));
      }
    }
  }

  /** A trust by full name, short name or loose form (`Helse Bergen`, `helse bergen hf`, `Haukeland`). */
  trust(text: string): Match<Trust> {
    return this.trustIndex.find(trustKeys(text));
  }

  /**
   * A municipality by number (`0301`, or `301` with the zero Excel dropped), by name (`Bergen`,
   * `Bergen kommune`), by either part of a bilingual name (`Oslo`, `Oslove`), or `4601 Bergen`.
   */
  municipality(text: string): Match<Municipality> {
    const t = text.trim();
    if (/^\d{3,4}$/.test(t)) {
      const m = this.byNumber.get(t.padStart(4, '0'));
      return m === undefined ? { status: 'none' } : { status: 'found', value: m };
    }
    // `4601 Bergen`, as some registers write it: the number decides, but only when the name agrees.
    const numbered = /^(\d{3,4})\s+(\D.*)$/.exec(t);
    if (numbered) {
      const m = this.byNumber.get((numbered[1] as string).padStart(4, '0'));
      const byName = this.municipalityIndex.find(municipalityKeys(numbered[2] as string));
      const agrees = byName.status === 'found' ? byName.value === m : byName.status === 'ambiguous' && m !== undefined && byName.options.includes(m);
      return m !== undefined && agrees ? { status: 'found', value: m } : { status: 'none' };
    }
    return this.municipalityIndex.find(municipalityKeys(t));
  }

  /** An RHF by full or short name: `Helse Sør-Øst`, `Sør-Øst`, `HSØ`, `Helse Sor-Ost`, `Vest`, `Midt`, `Nord`. */
  rhf(text: string): Rhf | null {
    const m = this.rhfIndex.find([compact(text), compact(fold(text).replace(LEGAL_SUFFIX, ''))]);
    if (m.status !== 'found') return null;
    // Case, spaces and punctuation are forgiven, letters are not: "Helse Sor-Ost" is a typo for "Helse Sør-Øst"
    // and gets a did-you-mean, never a silent guess (issue 2), since the RHF decides a quota cell.
    const strict = strictKey(text.replace(/\s+(rhf|RHF)\s*$/, ''));
    return this.rhfStrictKeys.has(strict) ? m.value : null;
  }

  /**
   * The known name closest to `text` by edit distance on the folded form, for "did you mean" messages
   * (`Helse Bergn` → `Helse Bergen HF`, `Helse Sor-Vest` → `Helse Sør-Øst`), or null when nothing is close.
   */
  suggest(kind: ReferenceKind, text: string): string | null {
    switch (kind) {
      case 'trust':
        return this.trustIndex.closest(compact(fold(text).replace(LEGAL_SUFFIX, '')));
      case 'municipality':
        return this.municipalityIndex.closest(compact(fold(text).replace(MUNICIPALITY_SUFFIX, '')));
      case 'rhf':
        return this.rhfIndex.closest(compact(fold(text).replace(LEGAL_SUFFIX, '')));
    }
  }
}

/** Lower case without spaces or punctuation, but with every letter as written (ø stays ø). */
function strictKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function trustKeys(text: string): string[] {
  return [compact(text), compact(fold(text).replace(LEGAL_SUFFIX, ''))];
}

function municipalityKeys(text: string): string[] {
  return [compact(text), compact(fold(text).replace(MUNICIPALITY_SUFFIX, ''))];
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition: `Trondhiem` is one edit from
 * `Trondheim`). Stops early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}

// ---------------------------------------------------------------------------------------------------------
// Parsing and checking the four files

const DEFAULT_LABELS: ReferenceTexts = {
  helseforetak: 'data/helseforetak.csv',
  fylker: 'data/fylker.csv',
  kommuner: 'data/kommuner.csv',
  opptaksomrader: 'data/opptaksomrader.csv',
};

const HEADERS: Readonly<Record<keyof ReferenceTexts, readonly string[]>> = {
  helseforetak: ['hf_name', 'short_name', 'rhf', 'kategori'],
  fylker: ['fylkesnummer', 'fylkesnavn', 'rhf', 'antall_kommuner'],
  kommuner: ['kommunenummer', 'kommunenavn', 'fylkesnummer', 'fylkesnavn'],
  opptaksomrader: ['kommunenummer', 'kommunenavn', 'opptaksomrade', 'hf_name', 'rhf'],
};

/**
 * Build the reference data from the four files' texts. Throws an `InputError` listing every problem
 * (located by file and line; `labels` name the files in messages) when any file is malformed.
 */
export function parseReferenceData(texts: ReferenceTexts, labels: ReferenceTexts = DEFAULT_LABELS): ReferenceData {
  const issues: InputIssue[] = [];
  const rows = (kind: keyof ReferenceTexts): Array<{ line: number; cells: string[] }> => {
    const file = labels[kind];
    const t = readCsv(texts[kind], file, { delimiter: ',' });
    issues.push(...t.issues);
    const want = HEADERS[kind];
    if (t.headers.join(',') !== want.join(',')) {
      issues.push({ code: 'reference_header', file, line: t.headerLine ?? undefined, message: `expected the header ${want.join(',')}, got ${t.headers.join(',')}` });
      return [];
    }
    return t.records.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
  };
  const bad = (kind: keyof ReferenceTexts, line: number, column: string, message: string): void => {
    issues.push({ code: 'reference_value', file: labels[kind], line, column, message });
  };

  const counties: County[] = [];
  const expectedCount = new Map<string, number>();
  for (const { line, cells } of rows('fylker')) {
    const [number, name, rhf, count] = cells as [string, string, string, string];
    if (!/^\d{2}$/.test(number)) bad('fylker', line, 'fylkesnummer', `expected two digits, got "${number}"`);
    else if (counties.some((c) => c.number === number)) bad('fylker', line, 'fylkesnummer', `expected each county once, "${number}" is repeated`);
    if (name === '') bad('fylker', line, 'fylkesnavn', 'expected a name, got a blank cell');
    if (!isRhf(rhf)) bad('fylker', line, 'rhf', `expected one of ${RHFS.join(', ')}, got "${rhf}"`);
    if (!/^\d+$/.test(count)) bad('fylker', line, 'antall_kommuner', `expected a whole number, got "${count}"`);
    if (isRhf(rhf)) counties.push({ number, name, rhf });
    expectedCount.set(number, Number(count));
  }

  const municipalities: Array<Omit<Municipality, 'catchmentTrust'>> = [];
  for (const { line, cells } of rows('kommuner')) {
    const [number, name, countyNumber, countyName] = cells as [string, string, string, string];
    const county = counties.find((c) => c.number === countyNumber);
    if (!/^\d{4}$/.test(number)) bad('kommuner', line, 'kommunenummer', `expected four digits, got "${number}"`);
    else if (municipalities.some((m) => m.number === number)) bad('kommuner', line, 'kommunenummer', `expected each municipality once, "${number}" is repeated`);
    else if (!number.startsWith(countyNumber)) bad('kommuner', line, 'kommunenummer', `expected a number starting with the county number ${countyNumber}, got "${number}"`);
    if (name === '') bad('kommuner', line, 'kommunenavn', 'expected a name, got a blank cell');
    if (county === undefined) bad('kommuner', line, 'fylkesnummer', `expected a county number from fylker.csv, got "${countyNumber}"`);
    else if (county.name !== countyName) bad('kommuner', line, 'fylkesnavn', `expected "${county.name}" (county ${countyNumber} in fylker.csv), got "${countyName}"`);
    else municipalities.push({ number, name, countyNumber, countyName, rhf: county.rhf });
  }
  // Only meaningful when every row above was read: otherwise the counts repeat problems already reported.
  const rowsClean = issues.length === 0;
  for (const [number, want] of expectedCount) {
    const got = municipalities.filter((m) => m.countyNumber === number).length;
    if (rowsClean && got !== want) {
      issues.push({ code: 'reference_value', file: labels.fylker, column: 'antall_kommuner', message: `expected county ${number} to have ${want} municipalities as antall_kommuner says, kommuner.csv has ${got}` });
    }
  }

  const trusts: Trust[] = [];
  for (const { line, cells } of rows('helseforetak')) {
    const [name, shortName, rhf, kategori] = cells as [string, string, string, string];
    if (name === '') bad('helseforetak', line, 'hf_name', 'expected a name, got a blank cell');
    else if (trusts.some((t) => t.name === name)) bad('helseforetak', line, 'hf_name', `expected each trust once, "${name}" is repeated`);
    const owner = isRhf(rhf) || rhf === JOINTLY_OWNED ? rhf : null;
    if (owner === null) bad('helseforetak', line, 'rhf', `expected one of ${RHFS.join(', ')}, ${JOINTLY_OWNED}, got "${rhf}"`);
    const cat = (TRUST_CATEGORIES as readonly string[]).includes(kategori) ? (kategori as TrustCategory) : null;
    if (cat === null) bad('helseforetak', line, 'kategori', `expected one of ${TRUST_CATEGORIES.join(', ')}, got "${kategori}"`);
    if (name !== '' && owner !== null && cat !== null) trusts.push({ name, shortName, rhf: owner, kategori: cat });
  }

  // Catchment areas: every municipality of kommuner.csv exactly once, with a trust of helseforetak.csv in the
  // RHF the row names (the same as the municipality's county's RHF: no area crosses an RHF border).
  const catchment = new Map<string, string>();
  for (const { line, cells } of rows('opptaksomrader')) {
    const [number, name, area, hf, rhf] = cells as [string, string, string, string, string];
    const m = municipalities.find((x) => x.number === number);
    const t = trusts.find((x) => x.name === hf);
    if (m === undefined) bad('opptaksomrader', line, 'kommunenummer', `expected a municipality number from kommuner.csv, got "${number}"`);
    else if (catchment.has(number)) bad('opptaksomrader', line, 'kommunenummer', `expected each municipality once, "${number}" is repeated`);
    else if (m.name !== name) bad('opptaksomrader', line, 'kommunenavn', `expected "${m.name}" (municipality ${number} in kommuner.csv), got "${name}"`);
    if (area === '') bad('opptaksomrader', line, 'opptaksomrade', 'expected the catchment area\'s name, got a blank cell');
    if (t === undefined) bad('opptaksomrader', line, 'hf_name', `expected a hospital trust from helseforetak.csv, got "${hf}"`);
    else if (t.rhf !== rhf) bad('opptaksomrader', line, 'rhf', `expected "${t.rhf}" (the RHF that owns ${t.name} in helseforetak.csv), got "${rhf}"`);
    else if (m !== undefined && m.rhf !== rhf) bad('opptaksomrader', line, 'rhf', `expected "${m.rhf}" (the RHF of ${m.countyName}, the county of ${m.name}), got "${rhf}"`);
    if (m !== undefined && t !== undefined && !catchment.has(number)) catchment.set(number, t.name);
  }
  const uncovered = municipalities.filter((m) => !catchment.has(m.number));
  if (issues.length === 0 && uncovered.length > 0) {
    const shown = uncovered.slice(0, 10).map((m) => `${m.number} ${m.name}`).join(', ');
    issues.push({ code: 'reference_value', file: labels.opptaksomrader, column: 'kommunenummer', message: `expected a row for every municipality in kommuner.csv, ${uncovered.length} missing: ${shown}${uncovered.length > 10 ? ', …' : ''}` });
  }

  if (issues.length > 0) throw new InputError(issues, `the reference data is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'})`);
  return new ReferenceData(trusts, counties, municipalities.map((m) => ({ ...m, catchmentTrust: catchment.get(m.number) as string })));
}

function isRhf(text: string): text is Rhf {
  return (RHFS as readonly string[]).includes(text);
}
