/**
 * What the workshop-group and project-team stages share: participant attributes as the models see them,
 * locks, relaxations, stage reports, the seeded lottery, and lexicographic weights.
 *
 * Pure: no files, no clock, no randomness beyond the seeded hash.
 */
import { createHash } from 'node:crypto';
import { compareCodeUnits } from '../domain/compare.js';
import { listText } from '../domain/text.js';
import { RHFS, type Candidate, type Gender, type GroupLocks, type Relaxation, type Rhf, type Sector } from '../domain/types.js';
import type { SolveAttempt, SolverName, SolveStatus } from '../solver/types.js';

/** A participant's region: the RHF (for `kommune`, the RHF whose area the municipality's county lies in). */
export type Region = Rhf | 'unknown';
export const REGIONS: readonly Region[] = [...RHFS, 'unknown'];

/**
 * Wishes and locks from the coordinator. Every lock is hard: honoured, or reported as impossible in the
 * result's `relaxations` (code `lock_*`) and then dropped.
 */
/** One term of a stage's lexicographic objective. */
export interface ObjectiveTerm {
  /** Stable name, e.g. `gender_deviation`, `teams_not_region_matched`. */
  name: string;
  /** What the term measures, in plain words. */
  description: string;
  /** Value of the term in the result. */
  value: number;
  /** Weight of the term in the stage's objective (higher terms dominate every lower term together). */
  weight: number;
}

/** How a stage was solved, and how good the answer is shown to be. */
export interface StageReport {
  stage: 'groups' | 'teams';
  /** Which model produced the answer (e.g. `type-aggregated, even-share bands`), and any fallback taken. */
  model: string;
  /**
   * `optimal`: the full objective of the result equals a bound a solver proved. `feasible`: a valid result
   * whose optimality is not proven (see `bound` and `gap`). `infeasible`/`error`: no solver answer was usable
   * (the result then comes from a fallback and says so in `relaxations`).
   */
  status: 'optimal' | 'feasible' | 'infeasible' | 'error';
  /** The status of the last solve, as the adapter reported it. */
  solverStatus: SolveStatus;
  /** Solver that gave the last answer used. */
  solver: SolverName | null;
  /** Full objective of the result (Σ weight · value over `terms`). */
  objective: number;
  /** Best proven lower bound on `objective`, or null when none is known. */
  bound: number | null;
  /** Relative gap (objective − bound) / max(1, |objective|); 0 when proven optimal, null when no bound. */
  gap: number | null;
  terms: ObjectiveTerm[];
  /** Every solver attempt of the stage, in order (all solves: fallbacks included). */
  attempts: SolveAttempt[];
  /** Model sizes of the solves, for the record: variables × constraints. */
  modelSizes: Array<{ label: string; variables: number; constraints: number }>;
}

/** The attributes the group and team models use, derived once per participant. */
export interface Person {
  id: string;
  sector: Sector;
  region: Region;
  gender: Gender;
  /** Organisation key ("same employer" comparison). */
  org: string;
  /** County number of a municipal participant, when known. */
  county: string | null;
  /**
   * The hospital trust that places the participant on the map of catchment areas: for `spesialist`, the trust
   * they work for; for `kommune`, the trust whose catchment area their municipality lies in. Null when unknown
   * (an employer not in the reference data): such a participant never makes a team catchment-matched.
   */
  trust: string | null;
}

export function toPerson(c: Candidate): Person {
  return {
    id: c.id,
    sector: c.sector,
    region: c.rhf ?? 'unknown',
    gender: c.gender,
    org: c.organisationKey,
    county: c.municipality?.countyNumber ?? null,
    trust: c.sector === 'kommune' ? (c.municipality?.catchmentTrust ?? null) : c.trust,
  };
}

/** Participants as persons, sorted by id, with duplicate ids rejected (the caller turns that into an error). */
export function personsById(participants: readonly Candidate[]): Person[] {
  return participants.map(toPerson).sort((a, b) => compareCodeUnits(a.id, b.id));
}

/**
 * The seeded lottery: a key per participant that orders ties. Depends on the seed, a stage label and the
 * id only, never on input order.
 */
export function lotteryKey(seed: string, stage: string, id: string): string {
  return createHash('sha256').update(`${seed}\u0000${stage}\u0000${id}`).digest('hex');
}

/** Ids ordered by their lottery key (ties, practically impossible, by id). */
export function lotteryOrder(seed: string, stage: string, ids: readonly string[]): string[] {
  const keyed = ids.map((id) => ({ id, key: lotteryKey(seed, stage, id) }));
  keyed.sort((a, b) => compareCodeUnits(a.key, b.key) || compareCodeUnits(a.id, b.id));
  return keyed.map((k) => k.id);
}

/**
 * Weights for lexicographic levels, lowest first: each level's weight exceeds the largest possible total
 * of all lower levels (`range` is an upper bound on how much a level's weighted-by-1 value can vary).
 */
export function lexWeights(ranges: readonly number[]): number[] {
  const w: number[] = [];
  let below = 0;
  for (const r of ranges) {
    const weight = below + 1;
    w.push(weight);
    below += weight * Math.max(0, r);
  }
  return w;
}

export function sortedIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareCodeUnits);
}

/**
 * Added to a stage's model text when the time limit cut short the canonical choice among equal optima
 * (`SolveResult.canonical` false): the result is still optimal, but another machine may pick another optimum.
 */
export const NOT_CANONICAL_NOTE = '; the time limit cut short the choice among equal optima (another run may pick another)';

/** Relative gap as the solver contract defines it. */
export function relativeGap(objective: number, bound: number | null): number | null {
  if (bound === null) return null;
  const g = Math.abs(objective - bound) / Math.max(1, Math.abs(objective));
  return g < 1e-12 ? 0 : g;
}

/** Counts by region in REGIONS order, only regions present. */
export function regionCounts(persons: readonly Person[]): Array<{ region: Region; count: number }> {
  return REGIONS.map((region) => ({ region, count: persons.filter((p) => p.region === region).length })).filter((r) => r.count > 0);
}

// ---------------------------------------------------------------------------------------------------------
// Locks

/** Locks as honoured: invalid or contradictory ones removed (and reported). Pairs sorted within and across. */
export interface EffectiveLocks {
  inGroup: Array<{ id: string; group: number }>;
  apart: Array<[string, string]>;
  togetherInTeam: Array<[string, string]>;
}

function sortedPair(a: string, b: string): [string, string] {
  return compareCodeUnits(a, b) <= 0 ? [a, b] : [b, a];
}

function uniquePairs(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
  const seen = new Map<string, [string, string]>();
  for (const [a, b] of pairs) {
    const p = sortedPair(a, b);
    seen.set(`${p[0]}\u0000${p[1]}`, p);
  }
  return [...seen.values()].sort((x, y) => compareCodeUnits(x[0], y[0]) || compareCodeUnits(x[1], y[1]));
}

/**
 * The workshop-group part of the locks (`inGroup`, `apart`), checked against the participants and the group
 * count. Dropped: unknown ids, group numbers outside 1..count, a participant locked into two groups, a pair
 * kept apart that is locked into the same group, a pair kept apart with itself.
 */
export function normaliseGroupLocks(locks: GroupLocks | undefined, persons: readonly Person[], count: number): { locks: EffectiveLocks; relaxations: Relaxation[] } {
  const known = new Set(persons.map((p) => p.id));
  const relaxations: Relaxation[] = [];
  const byId = new Map<string, Set<number>>();
  for (const { id, group } of locks?.inGroup ?? []) {
    if (!known.has(id)) {
      relaxations.push({ code: 'lock_unknown_participant', reason: `lock of ${id} into group ${group} dropped: ${id} is not a selected participant`, ids: [id] });
      continue;
    }
    if (!Number.isInteger(group) || group < 1 || group > count) {
      relaxations.push({ code: 'lock_group_out_of_range', reason: `lock of ${id} into group ${group} dropped: there are ${count} groups (1..${count})`, ids: [id] });
      continue;
    }
    const s = byId.get(id) ?? new Set<number>();
    s.add(group);
    byId.set(id, s);
  }
  const inGroup: EffectiveLocks['inGroup'] = [];
  for (const id of sortedIds(byId.keys())) {
    const groups = [...(byId.get(id) as Set<number>)].sort((a, b) => a - b);
    if (groups.length > 1) {
      relaxations.push({ code: 'lock_conflict', reason: `locks of ${id} into groups ${listText(groups.map(String))} dropped: a participant can be in one group only`, ids: [id] });
    } else inGroup.push({ id, group: groups[0] as number });
  }
  const lockedGroup = new Map(inGroup.map((l) => [l.id, l.group]));
  const apart: Array<[string, string]> = [];
  for (const [a, b] of uniquePairs(locks?.apart ?? [])) {
    const unknown = [a, b].filter((x) => !known.has(x));
    if (unknown.length > 0) {
      relaxations.push({ code: 'lock_unknown_participant', reason: `keep-apart of ${a} and ${b} dropped: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a selected participant`, ids: [a, b] });
    } else if (a === b) {
      relaxations.push({ code: 'lock_conflict', reason: `keep-apart of ${a} with itself dropped`, ids: [a] });
    } else if (lockedGroup.get(a) !== undefined && lockedGroup.get(a) === lockedGroup.get(b)) {
      relaxations.push({ code: 'lock_conflict', reason: `keep-apart of ${a} and ${b} dropped: both are locked into group ${lockedGroup.get(a)}`, ids: [a, b] });
    } else apart.push([a, b]);
  }
  return { locks: { inGroup, apart, togetherInTeam: [] }, relaxations };
}

/**
 * The project-team part of the locks (`apart`, `togetherInTeam`). Dropped: unknown ids, a pair both kept apart
 * and together, a pair from the same organisation (the organisation rule is hard), and every pair of a
 * together-cluster that would need more municipal or specialist members than a team has.
 */
export function normaliseTeamLocks(
  locks: GroupLocks | undefined,
  persons: readonly Person[],
  shape: { kommune: number; spesialist: number },
): { locks: EffectiveLocks; relaxations: Relaxation[] } {
  const byId = new Map(persons.map((p) => [p.id, p]));
  const relaxations: Relaxation[] = [];
  const apartIn = uniquePairs(locks?.apart ?? []);
  const apartKey = new Set(apartIn.map(([a, b]) => `${a}\u0000${b}`));
  const apart: Array<[string, string]> = [];
  for (const [a, b] of apartIn) {
    if (!byId.has(a) || !byId.has(b) || a === b) continue; // reported by the group stage
    apart.push([a, b]);
  }
  const candidates: Array<[string, string]> = [];
  for (const [a, b] of uniquePairs(locks?.togetherInTeam ?? [])) {
    const unknown = [a, b].filter((x) => !byId.has(x));
    const pa = byId.get(a);
    const pb = byId.get(b);
    if (unknown.length > 0 || pa === undefined || pb === undefined) {
      relaxations.push({ code: 'lock_unknown_participant', reason: `keep-together of ${a} and ${b} dropped: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a selected participant`, ids: [a, b] });
    } else if (a === b) {
      relaxations.push({ code: 'lock_conflict', reason: `keep-together of ${a} with itself dropped`, ids: [a] });
    } else if (apartKey.has(`${a}\u0000${b}`)) {
      relaxations.push({ code: 'lock_conflict', reason: `keep-together of ${a} and ${b} dropped: the same pair is also to be kept apart`, ids: [a, b] });
    } else if (pa.org === pb.org) {
      relaxations.push({ code: 'lock_conflict', reason: `keep-together of ${a} and ${b} dropped: both are from the same organisation, and a team may not hold two from one organisation`, ids: [a, b] });
    } else candidates.push([a, b]);
  }
  // Clusters (connected components) must fit one team and must not contain a kept-apart pair or colleagues.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  for (const [a, b] of candidates) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(compareCodeUnits(ra, rb) < 0 ? rb : ra, compareCodeUnits(ra, rb) < 0 ? ra : rb);
  }
  const clusters = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    clusters.set(r, [...(clusters.get(r) ?? []), id]);
  }
  const bad = new Set<string>();
  for (const [root, ids] of clusters) {
    const members = ids.map((id) => byId.get(id) as Person);
    const k = members.filter((p) => p.sector === 'kommune').length;
    const s = members.length - k;
    const orgs = new Set(members.map((p) => p.org));
    const hasApart = apart.some(([a, b]) => ids.includes(a) && ids.includes(b));
    let why: string | null = null;
    if (k > shape.kommune || s > shape.spesialist) why = `together they would need ${k} municipal and ${s} specialist places in one team (a team has ${shape.kommune} + ${shape.spesialist})`;
    else if (orgs.size < members.length) why = 'the chain of keep-together wishes puts two from one organisation in one team';
    else if (hasApart) why = 'the chain of keep-together wishes puts a kept-apart pair in one team';
    if (why !== null) {
      bad.add(root);
      relaxations.push({ code: 'lock_conflict', reason: `keep-together wishes among ${sortedIds(ids).join(', ')} dropped: ${why}`, ids: sortedIds(ids) });
    }
  }
  const togetherInTeam = candidates.filter(([a]) => !bad.has(find(a)));
  return { locks: { inGroup: [], apart, togetherInTeam }, relaxations };
}
