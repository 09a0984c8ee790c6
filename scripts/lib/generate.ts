/**
 * Seeded synthetic candidate sets: for the bundled sample year, tests and the benchmark.
 *
 * Pure (no fs, no clock, no Math.random): the same options always give the same rows. The names are
 * made up from lists of common Norwegian first and last names; organisations are real (hospital trusts and
 * municipalities as in `data/`), since the reader validates them against the reference data.
 */
import { NB_LABELS } from '../../src/read/columns.js';
import { encodeCp1252 } from '../../src/domain/cp1252.js';
import { stringify } from 'csv-stringify/sync';
import type { Programme } from '../../src/domain/programme.js';
import { nominationCap, RULE_DEFAULTS } from '../../src/domain/rules.js';
import { CANONICAL_COLUMNS, EDUCATION_LEVELS, RHFS, type CanonicalColumn, type Education, type Gender, type Rhf, type ScreeningReasonCode, type Sector } from '../../src/domain/types.js';

/** One generated candidate: canonical column → value in the canonical (English) form. */
export type GeneratedRow = Record<CanonicalColumn, string>;

/** The parts of a programme the generator needs: the start date (for ages), the eligibility rules and the cap. */
export type GeneratorProgramme = Pick<Programme, 'startDate' | 'eligibility' | 'nominationCapPerTrust'>;

/** The built-in programme's rules (data/programme.json), used when no programme is given. */
export const DEFAULT_GENERATOR_PROGRAMME: GeneratorProgramme = {
  startDate: '2026-08-17',
  eligibility: { minAge: 25, minEducation: 'bachelor', minExperienceYears: 4, minExperienceYearsWithMaster: 3, requireEndorsement: false },
  nominationCapPerTrust: RULE_DEFAULTS.nominationCapPerTrust,
};

export interface GeneratorOptions {
  /** Seed of the generator's own PRNG; numbers and strings are hashed alike (`1` and `"1"` give the same set). */
  seed: number | string;
  /** Number of candidates (rows). */
  count: number;
  /** Rules the ineligible rows break and the eligible rows meet. Default: the built-in programme. */
  programme?: GeneratorProgramme;
  /**
   * Share of rows made ineligible on purpose, each by exactly one of too_young / no_bachelor /
   * too_little_experience (and not_endorsed when the programme makes endorsement a hard rule), in turn.
   * Nomination-cap ineligibility comes on top. Default 0.1.
   */
  ineligibleShare?: number;
  /** Share of municipal candidates; the rest are specialist. Default 0.5. */
  municipalShare?: number;
  /** Share of women within each sector and RHF (rounded per group, so the share is near exact). Default 0.6. */
  femaleShare?: number;
}

/** What screening should find for a generated row, as the generator meant it. */
export interface IntendedScreening {
  id: string;
  sector: Sector;
  /** The candidate's true RHF: from the trust (even when the row's RHF cell is blank) or from the municipality's county. */
  rhf: Rhf;
  /** Matched canonical organisation name: the trust's `hf_name` or the municipality's `kommunenavn` as in `data/`. */
  organisation: string;
  gender: 'female' | 'male';
  /**
   * Hard reasons, in this order: the planted reason (if any), then `nomination_cap` for nominations beyond a
   * trust's top `nominationCapPerTrust` by priority. The cap counts every nomination of the trust, eligible or not.
   */
  reasons: ScreeningReasonCode[];
  /** Soft findings: `not_endorsed` when the programme does not require endorsement. */
  warnings: ScreeningReasonCode[];
}

export interface GeneratedCandidateSet {
  rows: GeneratedRow[];
  /** Parallel to `rows`. */
  intended: IntendedScreening[];
}

/**
 * Generate `count` synthetic candidate rows.
 *
 * Composition: about `municipalShare` municipal; specialist split Helse Sør-Øst 50 %, Vest 20 %, Midt-Norge
 * 15 %, Nord 15 % (largest remainder, so exact); about `femaleShare` women per group. Specialist candidates come
 * from the RHF's hospital trusts (mostly `sykehus`, some private non-profit hospitals, a few pharmacy/IT trusts),
 * at most `nominationCapPerTrust` per trust, except that about one trust per 100 specialist candidates (at least
 * one) nominates one more so that the cap fires; those rows are otherwise eligible. When an RHF has more
 * candidates than its trusts may nominate, the surplus is spread over its trusts regardless of the cap (and
 * becomes `nomination_cap` ineligible). About 2 % of specialist rows (at least one) leave the RHF blank.
 * Priority ranks 1..n per RHF for specialist rows; municipal rows are partially ranked (20–50 %) by KS.
 */
export function generateCandidates(options: GeneratorOptions): GeneratedRow[] {
  return generateCandidateSet(options).rows;
}

/** As `generateCandidates`, plus what screening should find for each row (see `IntendedScreening`). */
export function generateCandidateSet(options: GeneratorOptions): GeneratedCandidateSet {
  const programme = options.programme ?? DEFAULT_GENERATOR_PROGRAMME;
  const count = options.count;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count: expected a whole number ≥ 0, got ${count}`);
  const ineligibleShare = checkShare('ineligibleShare', options.ineligibleShare ?? 0.1);
  const municipalShare = checkShare('municipalShare', options.municipalShare ?? 0.5);
  const femaleShare = checkShare('femaleShare', options.femaleShare ?? 0.6);
  const rng = createRng(options.seed);
  const cap = nominationCap(programme);
  const el = programme.eligibility;

  const nKommune = Math.round(count * municipalShare);
  const nSpesialist = count - nKommune;
  const perRhf = largestRemainder(nSpesialist, RHF_SHARES);

  // 1. Slots: sector, RHF and organisation of every row.
  const slots: Slot[] = [];
  for (let i = 0; i < nKommune; i++) {
    const m = pickWeighted(rng, MUNICIPALITIES, (x) => x.weight);
    const rhf = FYLKE_RHF[m.number.slice(0, 2)];
    if (rhf === undefined) throw new Error(`no RHF for municipality ${m.number}`);
    slots.push({ sector: 'kommune', rhf, body: null, typed: rng() < 0.8 ? `${m.name} kommune` : m.name, canonical: m.canonical, forced: false });
  }
  const forcedBodies = chooseOverCapBodies(rng, perRhf, cap, nSpesialist);
  RHFS.forEach((rhf, r) => {
    const n = perRhf[r] ?? 0;
    const bodies = TRUSTS.filter((t) => t.rhf === rhf);
    const taken = new Map<Trust, number>();
    let left = n;
    for (const b of bodies) {
      if (!forcedBodies.has(b) || cap === null) continue;
      for (let k = 0; k <= cap; k++) slots.push({ sector: 'spesialist', rhf, body: b, typed: b.name, canonical: b.name, forced: true });
      taken.set(b, cap + 1);
      left -= cap + 1;
    }
    for (; left > 0; left--) {
      let open = bodies.filter((b) => !forcedBodies.has(b) && (cap === null || (taken.get(b) ?? 0) < cap));
      if (open.length === 0) open = bodies; // more candidates than the cap allows: the surplus goes over the cap
      const b = pickWeighted(rng, open, (x) => x.weight);
      taken.set(b, (taken.get(b) ?? 0) + 1);
      slots.push({ sector: 'spesialist', rhf, body: b, typed: b.name, canonical: b.name, forced: false });
    }
  });

  // 2. Gender: exact share per group (kommune, each RHF), shuffled within the group.
  const gender: ('female' | 'male')[] = new Array<'female' | 'male'>(slots.length).fill('male');
  for (const group of groupIndices(slots)) {
    const women = Math.round(group.length * femaleShare);
    shuffle(rng, group).slice(0, women).forEach((i) => (gender[i] = 'female'));
  }

  // 3. Planted ineligibility: spread over the groups in proportion to their size (so every cell keeps its
  // eligible share), random rows within a group but never the forced over-cap trusts; reasons in turn.
  const plantable = PLANTABLE.filter((code) => reasonPossible(code, programme));
  const fate: (ScreeningReasonCode | null)[] = new Array<ScreeningReasonCode | null>(slots.length).fill(null);
  if (plantable.length > 0) {
    const pools = groupIndices(slots).map((g) => g.filter((i) => !slots[i]!.forced));
    const total = pools.reduce((a, p) => a + p.length, 0);
    const m = Math.min(total, Math.round(count * ineligibleShare));
    const perGroup = total === 0 ? pools.map(() => 0) : largestRemainder(m, pools.map((p) => p.length / total));
    const chosen = pools.flatMap((p, g) => shuffle(rng, p).slice(0, perGroup[g] ?? 0));
    const offset = Math.floor(rng() * plantable.length);
    shuffle(rng, chosen).forEach((i, k) => (fate[i] = plantable[(k + offset) % plantable.length]!));
  }

  // 4. Values.
  const rows: GeneratedRow[] = [];
  const intended: IntendedScreening[] = [];
  slots.forEach((s, i) => {
    const g = gender[i]!;
    const f = fate[i] ?? null;
    const person = makePerson(rng, programme, f);
    const endorsedNo = el.requireEndorsement ? f === 'not_endorsed' : rng() < 0.1;
    rows.push({
      id: '',
      name: makeName(rng, g),
      birth_date: person.birthDate,
      gender: g,
      sector: s.sector,
      rhf: s.sector === 'spesialist' ? s.rhf : '',
      organisation: s.typed,
      position: pick(rng, s.sector === 'kommune' ? MUNICIPAL_POSITIONS : SPECIALIST_POSITIONS),
      education: person.education,
      experience_years: person.experience,
      priority: '',
      endorsed: endorsedNo ? 'no' : 'yes',
    });
    const reasons: ScreeningReasonCode[] = f === null ? [] : [f];
    const warnings: ScreeningReasonCode[] = endorsedNo && !el.requireEndorsement ? ['not_endorsed'] : [];
    intended.push({ id: '', sector: s.sector, rhf: s.rhf, organisation: s.canonical, gender: g, reasons, warnings });
  });

  // 5. Blank RHF cells: the reader must derive the RHF from the trust.
  const specialist = slots.map((_, i) => i).filter((i) => slots[i]!.sector === 'spesialist');
  if (specialist.length > 0) {
    const blanks = Math.max(1, Math.round(specialist.length * 0.02));
    for (const i of shuffle(rng, specialist).slice(0, blanks)) rows[i]!.rhf = '';
  }

  // 6. Priority: per RHF 1..n for specialist rows; KS ranks 20–50 % of the municipal rows.
  for (const group of groupIndices(slots)) {
    const first = slots[group[0]!]!;
    const order = shuffle(rng, group);
    const ranked = first.sector === 'spesialist' ? order.length : Math.round(order.length * (0.2 + 0.3 * rng()));
    order.slice(0, ranked).forEach((i, k) => (rows[i]!.priority = String(k + 1)));
  }

  // 7. Nomination cap: each trust's nominations beyond its top `cap` by priority.
  if (cap !== null) {
    const byBody = new Map<Trust, number[]>();
    slots.forEach((s, i) => {
      if (s.body !== null) byBody.set(s.body, [...(byBody.get(s.body) ?? []), i]);
    });
    for (const list of byBody.values()) {
      if (list.length <= cap) continue;
      list.sort((a, b) => Number(rows[a]!.priority) - Number(rows[b]!.priority));
      for (const i of list.slice(cap)) intended[i]!.reasons.push('nomination_cap');
    }
  }

  // 8. Final order (as applications arrive) and ids.
  const order = shuffle(rng, rows.map((_, i) => i));
  const width = Math.max(4, String(count).length);
  const outRows: GeneratedRow[] = [];
  const outIntended: IntendedScreening[] = [];
  order.forEach((i, k) => {
    const id = `TLP-${String(k + 1).padStart(width, '0')}`;
    outRows.push({ ...rows[i]!, id });
    outIntended.push({ ...intended[i]!, id });
  });
  return { rows: outRows, intended: outIntended };
}

// ---------------------------------------------------------------------------------------------------------
// CSV dialects

/** `nb`: Norwegian Excel (`;`, Norwegian headers and values, CRLF). `en`: canonical English (`,`, ISO dates, LF). */
export type CsvDialect = 'nb' | 'en';

/** Norwegian header labels of the canonical columns, as Norwegian Excel sheets have them (the reader's own labels). */
export const NB_HEADERS: Readonly<Record<CanonicalColumn, string>> = NB_LABELS;

const NB_VALUES: Partial<Record<CanonicalColumn, Record<string, string>>> = {
  gender: { female: 'Kvinne', male: 'Mann' },
  sector: { kommune: 'Kommunehelsetjenesten', spesialist: 'Spesialisthelsetjenesten' },
  education: { none: 'Ingen', fagskole: 'Fagskole', bachelor: 'Bachelor', master: 'Master', phd: 'Ph.d.' },
  endorsed: { yes: 'Ja', no: 'Nei' },
};

/** One cell in the given dialect (values that are not in canonical form pass through unchanged). */
export function toDialectValue(column: CanonicalColumn, value: string, dialect: CsvDialect): string {
  if (dialect === 'en') return value;
  if (column === 'birth_date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m === null ? value : `${m[3]}.${m[2]}.${m[1]}`;
  }
  if (column === 'experience_years') return value.replace('.', ',');
  return NB_VALUES[column]?.[value] ?? value;
}

/**
 * Write rows as a CSV text in a dialect, header first, every record terminated (Excel ends the last line too).
 * Returns a string: the caller encodes it (`encodeCp1252` for `nb` as Excel's plain "CSV" does, UTF-8 for `en`).
 * Cells are quoted only when they hold the delimiter, a quote or a line break; nothing is neutralised.
 */
export function toCsv(rows: readonly GeneratedRow[], dialect: CsvDialect): string {
  const header = CANONICAL_COLUMNS.map((c) => (dialect === 'nb' ? NB_HEADERS[c] : c));
  const records = rows.map((r) => CANONICAL_COLUMNS.map((c) => toDialectValue(c, r[c], dialect)));
  return stringify([header, ...records], {
    delimiter: dialect === 'nb' ? ';' : ',',
    record_delimiter: dialect === 'nb' ? 'windows' : 'unix',
  });
}

/** The sample files' encoding for the `nb` dialect (Excel's plain "CSV"): the reader's own table. */
export { encodeCp1252 };

// ---------------------------------------------------------------------------------------------------------
// PRNG

/** A deterministic random source: each call returns a float in [0, 1). */
export type Rng = () => number;

/** mulberry32 seeded by a 32-bit FNV-1a hash of `String(seed)`. */
export function createRng(seed: number | string): Rng {
  let a = hashSeed(String(seed));
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche so that seeds differing in one character start far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  const x = list[Math.floor(rng() * list.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
}

function pickWeighted<T>(rng: Rng, list: readonly T[], weight: (x: T) => number): T {
  const total = list.reduce((a, x) => a + weight(x), 0);
  let u = rng() * total;
  for (const x of list) {
    u -= weight(x);
    if (u < 0) return x;
  }
  const last = list[list.length - 1];
  if (last === undefined) throw new Error('pick from an empty list');
  return last;
}

/** Fisher–Yates on a copy. */
function shuffle<T>(rng: Rng, list: readonly T[]): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// ---------------------------------------------------------------------------------------------------------
// Internals

interface Trust {
  name: string;
  rhf: Rhf;
  weight: number;
}

interface Slot {
  sector: Sector;
  rhf: Rhf;
  body: Trust | null;
  /** Organisation as written in the row. */
  typed: string;
  canonical: string;
  /** Row of a trust that nominates one more than the cap on purpose. */
  forced: boolean;
}

const RHF_SHARES = [0.5, 0.2, 0.15, 0.15];
const PLANTABLE: ScreeningReasonCode[] = ['too_young', 'no_bachelor', 'too_little_experience', 'not_endorsed'];

function checkShare(name: string, x: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`${name}: expected a share between 0 and 1, got ${x}`);
  return x;
}

function largestRemainder(n: number, shares: readonly number[]): number[] {
  const exact = shares.map((s) => n * s);
  const out = exact.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left--;
  }
  return out;
}

/** Indices of the rows of each group (kommune, then each RHF's specialist rows), each group in row order. */
function groupIndices(slots: readonly Slot[]): number[][] {
  const groups = new Map<string, number[]>();
  slots.forEach((s, i) => {
    const key = s.sector === 'kommune' ? 'kommune' : s.rhf;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}

function chooseOverCapBodies(rng: Rng, perRhf: readonly number[], cap: number | null, nSpesialist: number): Set<Trust> {
  const chosen = new Set<Trust>();
  if (cap === null || nSpesialist === 0) return chosen;
  const want = Math.max(1, Math.round(nSpesialist / 100));
  const room = RHFS.map((_, r) => perRhf[r] ?? 0);
  let pool = TRUSTS.filter((t) => t.kind === 'sykehus');
  while (chosen.size < want && pool.length > 0) {
    const t = pickWeighted(rng, pool, (x) => x.weight * (perRhf[RHFS.indexOf(x.rhf)] ?? 0) + 1e-9);
    pool = pool.filter((x) => x !== t);
    const r = RHFS.indexOf(t.rhf);
    if ((room[r] ?? 0) >= cap + 1) {
      chosen.add(t);
      room[r] = (room[r] ?? 0) - (cap + 1);
    }
  }
  return chosen;
}

function reasonPossible(code: ScreeningReasonCode, p: GeneratorProgramme): boolean {
  const el = p.eligibility;
  switch (code) {
    case 'too_young':
      return el.minAge >= 19;
    case 'no_bachelor':
      return EDUCATION_LEVELS.indexOf(el.minEducation) > 0;
    case 'too_little_experience':
      return el.minExperienceYears > 0 || el.minExperienceYearsWithMaster > 0;
    case 'not_endorsed':
      return el.requireEndorsement;
    default:
      return false;
  }
}

/** Birth date, education and experience for one row, meeting every rule except the planted one. */
function makePerson(rng: Rng, p: GeneratorProgramme, fate: ScreeningReasonCode | null): { birthDate: string; education: Education; experience: string } {
  const el = p.eligibility;
  const minEdu = EDUCATION_LEVELS.indexOf(el.minEducation);
  const need = (e: Education): number => (EDUCATION_LEVELS.indexOf(e) >= EDUCATION_LEVELS.indexOf('master') ? el.minExperienceYearsWithMaster : el.minExperienceYears);

  let age: number;
  if (fate === 'too_young') age = Math.max(18, el.minAge - 3) + Math.floor(rng() * Math.min(3, el.minAge - 18));
  else age = Math.max(el.minAge, 27 + Math.round(39 * ((rng() + rng()) / 2)));

  let education: Education;
  if (fate === 'no_bachelor') {
    const below = EDUCATION_LEVELS.slice(0, minEdu);
    education = below.includes('fagskole') && rng() < 0.7 ? 'fagskole' : pick(rng, below);
  } else {
    const u = rng();
    const wanted: Education = u < 0.07 ? 'phd' : u < 0.62 ? 'master' : 'bachelor';
    education = EDUCATION_LEVELS.indexOf(wanted) >= minEdu ? wanted : el.minEducation;
  }
  if (fate === 'too_little_experience') {
    // The rule must bite for the chosen education: take a level whose threshold is above zero.
    const options = EDUCATION_LEVELS.filter((e, i) => i >= minEdu && need(e) > 0);
    const preferred: Education = rng() < 0.6 ? 'bachelor' : 'master';
    education = options.includes(preferred) ? preferred : pick(rng, options);
  }

  let years: number;
  const min = need(education);
  if (fate === 'too_little_experience') {
    // Half-year steps below the threshold, at most two years below it.
    const steps: number[] = [];
    for (let x = Math.max(0, Math.ceil((min - 2) * 2) / 2); x < min; x += 0.5) steps.push(x);
    if (steps.length === 0) steps.push(0);
    years = pick(rng, steps);
  } else if (fate === 'too_young') {
    years = Math.ceil(min) + pick(rng, [0, 0, 0.5, 1]);
  } else {
    const top = Math.max(min + 1, Math.min(30, age - 22));
    const x = min + (top - min) * ((rng() + rng()) / 2);
    const u = rng();
    years = u < 0.7 ? Math.round(x) : u < 0.9 ? Math.round(x * 2) / 2 : Math.round(x * 10) / 10;
    if (years < min) years = Math.ceil(min * 10) / 10;
  }
  return { birthDate: birthDateFor(rng, p.startDate, age), education, experience: String(years) };
}

/** A birth date that makes the person exactly `age` whole years old on `startDate` (never 29 February). */
function birthDateFor(rng: Rng, startDate: string, age: number): string {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const anniversary = Date.UTC(y - age, m - 1, d);
  for (;;) {
    const back = 1 + Math.floor(rng() * 364);
    const iso = new Date(anniversary - back * 86_400_000).toISOString().slice(0, 10);
    if (!iso.endsWith('-02-29')) return iso;
  }
}

function makeName(rng: Rng, g: Gender): string {
  const firsts = g === 'female' ? FEMALE_FIRST : MALE_FIRST;
  let first: string = pick(rng, firsts);
  if (rng() < 0.12) {
    const second = pick(rng, firsts);
    if (second !== first) first = `${first} ${second}`;
  }
  let last: string = pick(rng, LAST_NAMES);
  if (rng() < 0.08) {
    const other = pick(rng, LAST_NAMES);
    if (other !== last) last = `${other} ${last}`;
  }
  return `${first} ${last}`;
}

// ---------------------------------------------------------------------------------------------------------
// Lists. Organisation names must match data/helseforetak.csv and data/kommuner.csv (a test checks this).

/** County number → RHF (data/fylker.csv). */
const FYLKE_RHF: Record<string, Rhf> = {
  '03': 'Helse Sør-Øst', '11': 'Helse Vest', '15': 'Helse Midt-Norge', '18': 'Helse Nord', '31': 'Helse Sør-Øst',
  '32': 'Helse Sør-Øst', '33': 'Helse Sør-Øst', '34': 'Helse Sør-Øst', '39': 'Helse Sør-Øst', '40': 'Helse Sør-Øst',
  '42': 'Helse Sør-Øst', '46': 'Helse Vest', '50': 'Helse Midt-Norge', '55': 'Helse Nord', '56': 'Helse Nord',
};

type TrustKind = 'sykehus' | 'privat_ideell' | 'apotek' | 'ikt';
// Weights: bigger trusts nominate more often. Pharmacy and IT trusts rarely, private non-profit hospitals now and then.
const TRUSTS: (Trust & { kind: TrustKind })[] = (
  [
    ['Akershus universitetssykehus HF', 'Helse Sør-Øst', 'sykehus', 5],
    ['Oslo universitetssykehus HF', 'Helse Sør-Øst', 'sykehus', 6],
    ['Sunnaas sykehus HF', 'Helse Sør-Øst', 'sykehus', 1.5],
    ['Sykehuset i Vestfold HF', 'Helse Sør-Øst', 'sykehus', 3],
    ['Sykehuset Innlandet HF', 'Helse Sør-Øst', 'sykehus', 4],
    ['Sykehuset Telemark HF', 'Helse Sør-Øst', 'sykehus', 3],
    ['Sykehuset Østfold HF', 'Helse Sør-Øst', 'sykehus', 3],
    ['Sørlandet sykehus HF', 'Helse Sør-Øst', 'sykehus', 3],
    ['Vestre Viken HF', 'Helse Sør-Øst', 'sykehus', 4],
    ['Sykehusapotekene HF', 'Helse Sør-Øst', 'apotek', 0.4],
    ['Sykehuspartner HF', 'Helse Sør-Øst', 'ikt', 0.4],
    ['Lovisenberg Diakonale Sykehus AS', 'Helse Sør-Øst', 'privat_ideell', 1.5],
    ['Diakonhjemmet Sykehus AS', 'Helse Sør-Øst', 'privat_ideell', 1.5],
    ['Betanien Hospital', 'Helse Sør-Øst', 'privat_ideell', 0.6],
    ['Revmatismesykehuset AS', 'Helse Sør-Øst', 'privat_ideell', 0.6],
    ['Martina Hansens Hospital AS', 'Helse Sør-Øst', 'privat_ideell', 0.6],
    ['Helse Stavanger HF', 'Helse Vest', 'sykehus', 4],
    ['Helse Fonna HF', 'Helse Vest', 'sykehus', 3],
    ['Helse Bergen HF', 'Helse Vest', 'sykehus', 5],
    ['Helse Førde HF', 'Helse Vest', 'sykehus', 2.5],
    ['Sjukehusapoteka Vest HF', 'Helse Vest', 'apotek', 0.4],
    ['Helse Vest IKT AS', 'Helse Vest', 'ikt', 0.4],
    ['Haraldsplass Diakonale Sykehus AS', 'Helse Vest', 'privat_ideell', 1.2],
    ['St. Olavs hospital HF', 'Helse Midt-Norge', 'sykehus', 5],
    ['Helse Møre og Romsdal HF', 'Helse Midt-Norge', 'sykehus', 4],
    ['Helse Nord-Trøndelag HF', 'Helse Midt-Norge', 'sykehus', 3],
    ['Sykehusapotekene i Midt-Norge HF', 'Helse Midt-Norge', 'apotek', 0.4],
    ['Hemit HF', 'Helse Midt-Norge', 'ikt', 0.4],
    ['Universitetssykehuset Nord-Norge HF', 'Helse Nord', 'sykehus', 5],
    ['Nordlandssykehuset HF', 'Helse Nord', 'sykehus', 4],
    ['Helgelandssykehuset HF', 'Helse Nord', 'sykehus', 3],
    ['Finnmarkssykehuset HF', 'Helse Nord', 'sykehus', 3],
    ['Sykehusapotek Nord HF', 'Helse Nord', 'apotek', 0.4],
    ['Helse Nord IKT HF', 'Helse Nord', 'ikt', 0.4],
  ] as const
).map(([name, rhf, kind, weight]) => ({ name, rhf, kind, weight }));

interface Municipality {
  number: string;
  /** As people write it (the Norwegian part of a bilingual name). */
  name: string;
  /** `kommunenavn` as in data/kommuner.csv. */
  canonical: string;
  weight: number;
}

// [number, name as written, approximate population in thousands, kommunenavn when it differs]. Bindal (a Nordland
// municipality served by Helse Midt-Norge) is left out so the county → RHF rule holds for every entry. Weighted by the square root of the
// population: big municipalities send several candidates, and small ones still appear.
const MUNICIPALITY_LIST: readonly (readonly [string, string, number, string?])[] = [
  ['0301', 'Oslo', 717, 'Oslo - Oslove'], ['4601', 'Bergen', 291], ['5001', 'Trondheim', 214, 'Trondheim - Tråante'],
  ['1103', 'Stavanger', 149], ['3201', 'Bærum', 130], ['4204', 'Kristiansand', 116], ['3301', 'Drammen', 103],
  ['3203', 'Asker', 98], ['3205', 'Lillestrøm', 91], ['3107', 'Fredrikstad', 85], ['1108', 'Sandnes', 83],
  ['5501', 'Tromsø', 78], ['3907', 'Sandefjord', 66], ['3207', 'Nordre Follo', 64], ['1508', 'Ålesund', 60],
  ['3105', 'Sarpsborg', 58], ['3905', 'Tønsberg', 58], ['4003', 'Skien', 55], ['1804', 'Bodø', 53],
  ['3103', 'Moss', 50], ['3909', 'Larvik', 48], ['3222', 'Lørenskog', 47], ['4203', 'Arendal', 46],
  ['1149', 'Karmøy', 43], ['3209', 'Ullensaker', 42], ['4626', 'Øygarden', 39], ['1106', 'Haugesund', 38],
  ['4001', 'Porsgrunn', 37], ['3411', 'Ringsaker', 35], ['3403', 'Hamar', 32], ['1506', 'Molde', 32],
  ['3101', 'Halden', 31], ['3305', 'Ringerike', 31], ['4627', 'Askøy', 30], ['3407', 'Gjøvik', 30],
  ['3405', 'Lillehammer', 29], ['1124', 'Sola', 28], ['3303', 'Kongsberg', 28], ['3240', 'Eidsvoll', 27],
  ['3901', 'Horten', 27], ['1833', 'Rana', 26, 'Rana - Raane'], ['3232', 'Nittedal', 25], ['5035', 'Stjørdal', 25],
  ['5503', 'Harstad', 25, 'Harstad - Hárstták'], ['5006', 'Steinkjer', 24, 'Steinkjer - Stïentje'],
  ['1505', 'Kristiansund', 24], ['4202', 'Grimstad', 24], ['4205', 'Lindesnes', 23], ['4647', 'Sunnfjord', 22],
  ['3420', 'Elverum', 21], ['1806', 'Narvik', 21], ['5601', 'Alta', 21], ['3218', 'Ås', 21],
  ['5037', 'Levanger', 20, 'Levanger - Levangke'], ['1120', 'Klepp', 20], ['3212', 'Nesodden', 20],
  ['4614', 'Stord', 19], ['1121', 'Time', 19], ['3224', 'Rælingen', 19], ['5059', 'Orkland', 18],
  ['3401', 'Kongsvinger', 18], ['3216', 'Vestby', 18], ['4602', 'Kinn', 17], ['5028', 'Melhus', 17],
  ['4621', 'Voss', 16], ['3214', 'Frogn', 16], ['5007', 'Namsos', 15, 'Namsos - Nåavmesjenjaelmie'],
  ['1101', 'Eigersund', 15], ['4223', 'Vennesla', 15], ['5530', 'Senja', 15], ['5031', 'Malvik', 14],
  ['1824', 'Vefsn', 13], ['4005', 'Notodden', 13], ['4640', 'Sogndal', 12], ['1860', 'Vestvågøy', 11.5],
  ['1577', 'Volda', 11], ['1520', 'Ørsta', 11], ['5603', 'Hammerfest', 11, 'Hammerfest - Hámmerfeasta'],
  ['1870', 'Sortland', 10.7, 'Sortland - Suortá'], ['5605', 'Sør-Varanger', 10], ['1841', 'Fauske', 10, 'Fauske - Fuossko'],
  ['1865', 'Vågan', 9.7], ['4207', 'Flekkefjord', 9], ['5021', 'Oppdal', 7], ['5524', 'Målselv', 6.7],
  ['5607', 'Vadsø', 6], ['3427', 'Tynset', 5.6], ['5025', 'Røros', 5.6, 'Røros - Rosse'], ['3435', 'Vågå', 3.5],
  ['5612', 'Kautokeino', 2.9, 'Guovdageaidnu - Kautokeino'], ['5610', 'Karasjok', 2.6, 'Kárášjohka - Karasjok'],
  ['4028', 'Kviteseid', 2.4], ['3434', 'Lom', 2.3], ['5041', 'Snåsa', 2, 'Snåase - Snåsa'], ['1144', 'Kvitsøy', 0.5],
];
const MUNICIPALITIES: Municipality[] = MUNICIPALITY_LIST.map(([number, name, pop, canonical]) => ({
  number,
  name,
  canonical: canonical ?? name,
  weight: Math.sqrt(pop),
}));

const FEMALE_FIRST = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Nina', 'Ragnhild',
  'Solveig', 'Marianne', 'Silje', 'Ida', 'Ingeborg', 'Kristin', 'Camilla', 'Tone', 'Turid', 'Åse', 'Synnøve', 'Sigrid',
  'Guro', 'Therese', 'Hanne', 'Sølvi', 'Grete', 'Mari', 'Elisabeth', 'Randi', 'Tove', 'Maria', 'Fatima', 'Linn', 'Kjersti',
  'Siv', 'Bodil', 'Gunn', 'Mette', 'Heidi', 'Frøydis', 'Torild', 'Aud',
] as const;
const MALE_FIRST = [
  'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Hans', 'Geir', 'Tor', 'Terje', 'Thomas',
  'Morten', 'Øystein', 'Espen', 'Håkon', 'Anders', 'Jørgen', 'Ståle', 'Rune', 'Trond', 'Eirik', 'Magnus', 'Sindre',
  'Ørjan', 'Pål', 'Stein', 'Frode', 'Odd', 'Helge', 'Kåre', 'Asbjørn', 'Tormod', 'Mohammad', 'Ahmed', 'Vegard', 'Audun',
  'Sverre', 'Gunnar', 'Leif', 'Nils', 'Erlend',
] as const;
const LAST_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde', 'Solheim', 'Berntsen', 'Moe', 'Kleven', 'Sæther', 'Bråthen',
  'Løken', 'Østby', 'Ødegård', 'Nærland', 'Aasen', 'Bøe', 'Fjæra', 'Grønli', 'Røed', 'Åsheim', 'Khan', 'Tveit',
  'Myklebust', 'Vik', 'Hovland', 'Brekke', 'Håland', 'Sandvik', 'Nygård',
] as const;

const MUNICIPAL_POSITIONS = [
  'Kommunalsjef helse og omsorg',
  'Kommunaldirektør helse og velferd',
  'Helse- og omsorgssjef',
  'Kommuneoverlege',
  'Virksomhetsleder – hjemmetjenester',
  'Enhetsleder – sykehjem',
  'Tjenesteleder rus og psykisk helse',
  'Kommunedirektør',
  'Leder for helse og mestring',
  'Kommunalsjef – oppvekst og helse',
  'Avdelingsleder legevakt',
  'Virksomhetsleder helsestasjon og skolehelsetjeneste',
] as const;
const SPECIALIST_POSITIONS = [
  'Administrerende direktør',
  'Viseadministrerende direktør',
  'Klinikksjef – medisinsk klinikk',
  'Klinikkleder psykisk helsevern og rus',
  'Divisjonsdirektør',
  'Avdelingssjef – kirurgisk avdeling',
  'Fagdirektør',
  'Seksjonsleder akuttmottak',
  'Klinikkdirektør',
  'Avdelingsleder barne- og ungdomspsykiatri',
  'Direktør for samhandling',
  'Enhetsleder intensiv',
] as const;
