/**
 * Test cohorts for the group and team stages: `Candidate` objects made directly (no CSV), seeded.
 * Realistic defaults: Helse Sør-Øst largest, about 60 % women, municipalities and hospital trusts drawn from
 * small pools so that colleagues (same organisation) occur.
 */
import fc from 'fast-check';
import type { Programme } from '../../src/domain/programme.js';
import { RHFS, type Candidate, type Gender, type Rhf, type Sector } from '../../src/domain/types.js';

/** mulberry32 over a string seed. */
function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** County numbers per RHF (from data/fylker.csv). */
const COUNTIES: Readonly<Record<Rhf, readonly string[]>> = {
  'Helse Sør-Øst': ['03', '31', '32', '33', '34', '39', '40', '42'],
  'Helse Vest': ['11', '46'],
  'Helse Midt-Norge': ['15', '50'],
  'Helse Nord': ['18', '55', '56'],
};

export interface PersonSpec {
  id: string;
  sector: Sector;
  rhf: Rhf | null;
  gender: Gender;
  org: string;
  county?: string;
  /** A municipal participant's catchment trust (default one no specialist in a test works for). */
  catchment?: string;
}

/** A Candidate from the few fields the group stages read. */
export function candidate(s: PersonSpec): Candidate {
  const county = s.county ?? (s.rhf !== null ? (COUNTIES[s.rhf][0] as string) : '99');
  return {
    id: s.id,
    ref: { file: 'test.csv', line: 2 },
    name: `Person ${s.id}`,
    birthDate: '1975-01-01',
    gender: s.gender,
    sector: s.sector,
    rhf: s.rhf,
    organisation: s.org,
    organisationKey: s.org.toLowerCase(),
    municipality: s.sector === 'kommune' ? { number: `${county}01`, name: s.org, countyNumber: county, countyName: `County ${county}`, catchmentTrust: s.catchment ?? `Catchment ${county}` } : null,
    trust: s.sector === 'spesialist' ? s.org : null,
    position: 'leader',
    education: 'master',
    experienceYears: 10,
    priority: null,
    endorsed: true,
    raw: {},
  };
}

export interface CohortOptions {
  seed: string;
  /** Municipal participants. Default 20. */
  kommune?: number;
  /** Specialist participants per RHF (RHFS order). Default 8/4/4/4. */
  spesialist?: readonly number[];
  /** Municipal participants' RHF weights (RHFS order). Default 0.55/0.2/0.13/0.12. */
  kommuneWeights?: readonly number[];
  /** Probability of a woman. Default 0.6. */
  femaleShare?: number;
  /** Organisations per RHF and sector to draw from (fewer → more colleagues). Default 6. */
  orgPool?: number;
  /** Prefix of ids. Default `P`. */
  idPrefix?: string;
}

function pick(r: () => number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] as number;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** A seeded cohort. Ids are `P001`…, in a shuffled order so that input order carries no meaning. */
export function makeCohort(o: CohortOptions): Candidate[] {
  const r = rng(o.seed);
  const kommune = o.kommune ?? 20;
  const spes = o.spesialist ?? [8, 4, 4, 4];
  const kw = o.kommuneWeights ?? [0.55, 0.2, 0.13, 0.12];
  const fem = o.femaleShare ?? 0.6;
  const pool = o.orgPool ?? 6;
  const prefix = o.idPrefix ?? 'P';
  const specs: Omit<PersonSpec, 'id'>[] = [];
  for (let i = 0; i < kommune; i++) {
    const ri = pick(r, kw);
    const rhf = RHFS[ri] as Rhf;
    const counties = COUNTIES[rhf];
    const county = counties[Math.floor(r() * counties.length)] as string;
    specs.push({ sector: 'kommune', rhf, gender: r() < fem ? 'female' : 'male', org: `K-${rhf}-${Math.floor(r() * pool * 2)}`, county });
  }
  spes.forEach((count, ri) => {
    const rhf = RHFS[ri] as Rhf;
    for (let i = 0; i < count; i++) specs.push({ sector: 'spesialist', rhf, gender: r() < fem ? 'female' : 'male', org: `HF-${rhf}-${Math.floor(r() * pool)}` });
  });
  const ids = specs.map((_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
  // Shuffle the id assignment so that ids do not follow sector/RHF.
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  return specs.map((s, i) => candidate({ ...s, id: ids[i] as string }));
}

/**
 * A 40-seat cohort holding all 16 sector × region × gender types (the stress case of issue 4): each RHF has
 * municipal and specialist participants of both genders.
 */
export function makeAllTypesCohort(seed: string): Candidate[] {
  const r = rng(`all16:${seed}`);
  const kommunePerRhf = [8, 4, 4, 4];
  const specs: Omit<PersonSpec, 'id'>[] = [];
  for (const sector of ['kommune', 'spesialist'] as const) {
    RHFS.forEach((rhf, ri) => {
      const n = sector === 'kommune' ? (kommunePerRhf[ri] as number) : ([8, 4, 4, 4][ri] as number);
      const women = Math.max(1, Math.min(n - 1, Math.round(n * (0.45 + r() * 0.3))));
      for (let i = 0; i < n; i++) {
        const org = sector === 'kommune' ? `K-${rhf}-${Math.floor(r() * 10)}` : `HF-${rhf}-${Math.floor(r() * 5)}`;
        specs.push({ sector, rhf, gender: i < women ? 'female' : 'male', org, county: COUNTIES[rhf][Math.floor(r() * COUNTIES[rhf].length)] as string });
      }
    });
  }
  const ids = specs.map((_, i) => `A${String(i + 1).padStart(3, '0')}`);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  return specs.map((s, i) => candidate({ ...s, id: ids[i] as string }));
}

/** The 40-seat programme (data/programme.json), optionally scaled (×5: 200 seats, 25 groups, 50 teams). */
export function programme(scale = 1, overrides: Partial<Programme> = {}): Programme {
  return {
    name: 'Test programme',
    startDate: '2026-08-17',
    seats: 40 * scale,
    quotas: {
      kommune: { seats: 20 * scale },
      spesialist: {
        seats: 20 * scale,
        cells: [
          { rhf: 'Helse Sør-Øst', seats: 8 * scale },
          { rhf: 'Helse Vest', seats: 4 * scale },
          { rhf: 'Helse Midt-Norge', seats: 4 * scale },
          { rhf: 'Helse Nord', seats: 4 * scale },
        ],
      },
    },
    eligibility: { minAge: 25, minEducation: 'bachelor', minExperienceYears: 4, minExperienceYearsWithMaster: 3, requireEndorsement: false },
    nominationCapPerTrust: 3,
    gender: { cells: 'table', minShareCohort: 0.4, minShareSector: 0.4, acrossBodies: false },
    workshopGroups: { minSize: 6, maxSize: 8, count: null },
    projectTeams: { kommune: 2, spesialist: 2 },
    seed: 'topplederprogram',
    ...overrides,
  };
}

/** Fisher–Yates with a seeded PRNG (a copy). */
export function shuffled<T>(xs: readonly T[], seed: string): T[] {
  const r = rng(`shuffle:${seed}`);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The team objective's terms in the stage's priority order: kept-apart pairs, colleagues, not catchment-matched,
 * not region-matched, same-group pairs, missing gender.
 */
export type TeamTerms = [apart: number, clashes: number, notCatchment: number, unmatched: number, sameGroupPairs: number, missingGender: number];

/**
 * The lexicographically best team terms over every way of filling teams of the given shapes ([municipal,
 * specialist] per team) with the cohort, by plain enumeration: independent of the stage's models. No locks.
 * Region match: every member has one and the same known RHF, and both sectors are present. Returns null when
 * there are more than `limit` ways to try.
 */
export function bestTeamTerms(cohort: readonly Candidate[], shapes: ReadonlyArray<readonly [number, number]>, groupOf: Readonly<Record<string, number>>, limit = 1_000_000): TeamTerms | null {
  const bySector = (s: Sector) => cohort.filter((c) => c.sector === s);
  const order = [...bySector('kommune'), ...bySector('spesialist')];
  const room = (t: number, c: Candidate) => (shapes[t] as readonly [number, number])[c.sector === 'kommune' ? 0 : 1];
  const teams: Candidate[][] = shapes.map(() => []);
  let tried = 0;
  let best: TeamTerms | null = null;
  const terms = (): TeamTerms => {
    const t: TeamTerms = [0, 0, 0, 0, 0, 0];
    for (const m of teams) {
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          const a = m[i] as Candidate;
          const b = m[j] as Candidate;
          if (a.organisationKey === b.organisationKey) t[1]++;
          if (groupOf[a.id] !== undefined && groupOf[a.id] === groupOf[b.id]) t[4]++;
        }
      }
      const rhf = m[0]?.rhf ?? null;
      const matched = rhf !== null && m.some((c) => c.sector === 'kommune') && m.some((c) => c.sector === 'spesialist') && m.every((c) => c.rhf === rhf);
      // Catchment: region-matched, and each municipal member's catchment trust is the trust of a specialist member.
      const specialistTrusts = m.filter((c) => c.sector === 'spesialist' && c.trust !== null).map((c) => c.trust);
      const municipal = m.filter((c) => c.sector === 'kommune');
      const inCatchment = matched && municipal.every((c) => c.municipality !== null && specialistTrusts.includes(c.municipality.catchmentTrust));
      if (!inCatchment) t[2]++;
      if (!matched) t[3]++;
      if (!(m.some((c) => c.gender === 'female') && m.some((c) => c.gender === 'male'))) t[5]++;
    }
    return t;
  };
  const better = (a: TeamTerms, b: TeamTerms) => {
    const i = a.findIndex((x, k) => x !== b[k]);
    return i >= 0 && (a[i] as number) < (b[i] as number);
  };
  const place = (i: number): boolean => {
    if (i === order.length) {
      const t = terms();
      if (best === null || better(t, best)) best = t;
      return ++tried <= limit;
    }
    const c = order[i] as Candidate;
    for (let t = 0; t < teams.length; t++) {
      const team = teams[t] as Candidate[];
      if (team.filter((x) => x.sector === c.sector).length >= room(t, c)) continue;
      team.push(c);
      const more = place(i + 1);
      team.pop();
      if (!more) return false;
    }
    return true;
  };
  return place(0) ? best : null;
}

/**
 * Small cohorts for the catchment properties: two RHFs, trusts HF-A to HF-C, and an index past them (a municipality of
 * an area no specialist covers; a specialist of trust HF-none, or with `unknownTrust` of no known trust at all, as an
 * employer outside the reference data), organisations from a pool of `orgs`.
 */
export function catchmentCohortArb(o: { minLength: number; maxLength: number; orgs: number; unknownTrust?: boolean }): fc.Arbitrary<Candidate[]> {
  const TRUSTS = ['HF-A', 'HF-B', 'HF-C'];
  const personArb = fc.record({
    kommune: fc.boolean(),
    rhf: fc.constantFrom<Rhf>('Helse Nord', 'Helse Vest'),
    gender: fc.constantFrom<Gender>('female', 'male'),
    trust: fc.integer({ min: 0, max: TRUSTS.length }),
    org: fc.integer({ min: 0, max: o.orgs - 1 }),
  });
  return fc.array(personArb, { minLength: o.minLength, maxLength: o.maxLength }).map((rows): Candidate[] =>
    rows.map((r, i) => {
      const trust = TRUSTS[r.trust] ?? 'HF-none';
      const id = `R${String(i).padStart(2, '0')}`;
      if (r.kommune) return candidate({ id, sector: 'kommune', rhf: r.rhf, gender: r.gender, org: `K-${r.org}`, catchment: trust });
      if (o.unknownTrust === true && r.trust === TRUSTS.length) return { ...candidate({ id, sector: 'spesialist', rhf: r.rhf, gender: r.gender, org: `Klinikk-${r.org}` }), trust: null };
      return candidate({ id, sector: 'spesialist', rhf: r.rhf, gender: r.gender, org: trust });
    }),
  );
}
