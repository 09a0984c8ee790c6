/**
 * A hand-made allocation of the built-in programme (20 municipal + 8/4/4/4 specialist seats, 5 workshop groups of
 * 8, 10 project teams of 2 + 2) with its reserves, for in-process tests of `computeReplacement`: every id, gender,
 * organisation and place is chosen by the test, so each test states exactly what it relies on.
 *
 * Layout: municipal participants K01–K20, specialist S01–S08 (Helse Sør-Øst), V01–V04 (Vest), M01–M04 (Midt-Norge),
 * N01–N04 (Nord). Group g holds K(4g−3..4g) and the specialists number 4g−3..4g of the list S01…N04; team t holds
 * K(2t−1, 2t) and specialists 2t−1, 2t of that list. Everyone has an organisation of their own unless `orgs` says
 * otherwise. Men: K01–K10, S01–S04, V01–V02, M01, N01 (8 specialist men: the sector's minimum).
 */
import { checkGroupsAndTeams, type Violation } from '../../src/check/groups.js';
import { cellFor, type Programme } from '../../src/domain/programme.js';
import type { CurrentRow, ReplaceInput } from '../../src/replace/replace.js';
import type { Candidate, Gender, Rhf, ScreenedCandidate } from '../../src/domain/types.js';
import { programme as builtIn } from '../selection/helpers.js';

const PROGRAMME: Programme = builtIn();

const RHF: Record<string, Rhf> = { S: 'Helse Sør-Øst', V: 'Helse Vest', M: 'Helse Midt-Norge', N: 'Helse Nord' };
const MEN = new Set(['K01', 'K02', 'K03', 'K04', 'K05', 'K06', 'K07', 'K08', 'K09', 'K10', 'S01', 'S02', 'S03', 'S04', 'V01', 'V02', 'M01', 'N01']);
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);
const SPECIALISTS = [...range('S', 1, 8), ...range('V', 1, 4), ...range('M', 1, 4), ...range('N', 1, 4)];

export interface WorldOptions {
  /** Reserves per cell prefix in call-in order, with their gender (default: K21–K23 f/m/f, S09 f, S10 m, V05 f, M05 m; Nord none). */
  reserves?: Record<string, ReadonlyArray<[string, Gender]>>;
  /** Organisation overrides by id (same string = same organisation). */
  orgs?: Record<string, string>;
  /** Status overrides by id (e.g. a participant excluded to leave a seat vacant). */
  status?: Record<string, CurrentRow['status']>;
}

const DEFAULT_RESERVES: Record<string, ReadonlyArray<[string, Gender]>> = {
  K: [['K21', 'female'], ['K22', 'male'], ['K23', 'female']],
  S: [['S09', 'female'], ['S10', 'male']],
  V: [['V05', 'female']],
  M: [['M05', 'male']],
  N: [],
};

function screened(id: string, gender: Gender, org: string, line: number): ScreenedCandidate {
  const prefix = id[0] as string;
  const sector = prefix === 'K' ? 'kommune' : 'spesialist';
  const rhf: Rhf = prefix === 'K' ? 'Helse Sør-Øst' : (RHF[prefix] as Rhf);
  const c: Candidate = {
    id,
    ref: { file: 'world.csv', line },
    name: `Name ${id}`,
    birthDate: '1980-01-01',
    gender,
    sector,
    rhf,
    organisation: org,
    organisationKey: org.toLowerCase(),
    municipality: sector === 'kommune' ? { number: '0301', name: org, countyNumber: '03', countyName: 'Oslo', catchmentTrust: 'Oslo universitetssykehus HF' } : null,
    trust: sector === 'spesialist' ? org : null,
    position: 'leder',
    education: 'master',
    experienceYears: 10,
    priority: line,
    endorsed: true,
    raw: {},
  };
  return { candidate: c, status: 'eligible', reasons: [], warnings: [], cell: cellFor(PROGRAMME, sector, sector === 'kommune' ? null : rhf)?.key ?? null };
}

/** The world as `computeReplacement` input, without the request. */
export function world(o: WorldOptions = {}): Omit<ReplaceInput, 'withdraw' | 'add'> {
  const reserves = { ...DEFAULT_RESERVES, ...o.reserves };
  const org = (id: string) => o.orgs?.[id] ?? `Org ${id}`;
  const kommune = range('K', 1, 20);
  const people: ScreenedCandidate[] = [];
  const rows: CurrentRow[] = [];
  let line = 1;
  kommune.forEach((id, i) => {
    people.push(screened(id, MEN.has(id) ? 'male' : 'female', org(id), ++line));
    rows.push({ id, status: 'selected', workshopGroup: Math.floor(i / 4) + 1, projectTeam: Math.floor(i / 2) + 1, reserveRank: null });
  });
  SPECIALISTS.forEach((id, i) => {
    people.push(screened(id, MEN.has(id) ? 'male' : 'female', org(id), ++line));
    rows.push({ id, status: 'selected', workshopGroup: Math.floor(i / 4) + 1, projectTeam: Math.floor(i / 2) + 1, reserveRank: null });
  });
  for (const list of Object.values(reserves)) {
    list.forEach(([id, gender], i) => {
      people.push(screened(id, gender, org(id), ++line));
      rows.push({ id, status: 'reserve', workshopGroup: null, projectTeam: null, reserveRank: i + 1 });
    });
  }
  for (const [id, status] of Object.entries(o.status ?? {})) {
    const r = rows.find((x) => x.id === id);
    if (r !== undefined) Object.assign(r, { status, workshopGroup: null, projectTeam: null, reserveRank: null });
  }
  return { programme: PROGRAMME, screened: people, rows, seed: 'test' };
}

/** The independent checker's errors on a placement (warnings are rules the cohort cannot meet). */
export function placementErrors(input: Omit<ReplaceInput, 'withdraw' | 'add'>, participants: readonly string[], groupOf: ReadonlyMap<string, number>, teamOf: ReadonlyMap<string, number>): Violation[] {
  const ids = new Set(participants);
  // Locks on people who are no longer participants have nothing to hold (the checker warns about them).
  const locks = input.locks === undefined ? undefined : {
    inGroup: (input.locks.inGroup ?? []).filter((l) => ids.has(l.id)),
    apart: (input.locks.apart ?? []).filter(([a, b]) => ids.has(a) && ids.has(b)),
    togetherInTeam: (input.locks.togetherInTeam ?? []).filter(([a, b]) => ids.has(a) && ids.has(b)),
  };
  const byId = new Map(input.screened.map((s) => [s.candidate.id, s.candidate]));
  const parts = (of: ReadonlyMap<string, number>) => {
    const m = new Map<number, string[]>();
    for (const [id, n] of of) m.set(n, [...(m.get(n) ?? []), id]);
    return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([number, memberIds]) => ({ number, memberIds }));
  };
  return checkGroupsAndTeams({ participants: participants.map((id) => byId.get(id) as Candidate), programme: input.programme, groups: parts(groupOf), teams: parts(teamOf), locks }).filter(
    (v) => v.severity === 'error' || v.code.startsWith('lock_'),
  );
}
