/**
 * The project-team model: pure builders, fill and local search; no solver calls.
 *
 * Why patterns (measured, see issue 4): a binary per person and team hangs every JavaScript solver and times
 * out on HiGHS. A team is instead described by its PATTERN: the multiset of municipal types and the multiset
 * of specialist types (type = region × gender) in its slots. One integer per pattern counts the teams with that
 * pattern; region match and gender mix are exact per pattern. Individuals are filled into the slots afterwards,
 * and swaps between teams improve what the patterns cannot see (members from different workshop groups) and
 * repair organisation clashes. The pattern optimum is a lower bound on every valid set of teams, so a result
 * whose full objective equals it is proven optimal.
 */
import { compareCodeUnits } from '../../domain/compare.js';
import { lexWeights, lotteryKey, REGIONS, type Person, type Region } from '../common.js';
import { bothGenders, catchmentMatch, regionMatch, teamShapeTiers, type TeamRule, type TeamShape } from '../../domain/rules.js';
import { GENDERS, type Gender, type Sector } from '../../domain/types.js';
import type { Constraint, LinearModel, ObjectiveLevel, Variable } from '../../solver/types.js';

// ---------------------------------------------------------------------------------------------------------
// Team shapes

export interface ShapePlan {
  /** Shapes used and how many teams of each, standard shape first. */
  counts: Array<{ shape: TeamShape; teams: number; tier: number }>;
  /** 0: all standard; 1: some teams one smaller with both sectors; 2: other shapes with both sectors; 3: anything. */
  worstTier: number;
}

/**
 * How many teams of each shape: fewest teams outside the standard shape, by tier (one tier-2 team costs more
 * than any number of tier-1 teams), then the fewest teams. Dynamic program over (municipal, specialist) used.
 */
export function planShapes(K: number, S: number, rule: TeamRule): ShapePlan {
  const shapes = teamShapeTiers(rule);
  const tierCost = [0, 1, 1_000, 1_000_000];
  const W = S + 1;
  const cost = new Float64Array((K + 1) * W).fill(Infinity);
  const choice = new Int32Array((K + 1) * W).fill(-1);
  cost[0] = 0;
  for (let k = 0; k <= K; k++) {
    for (let s = 0; s <= S; s++) {
      const i = k * W + s;
      if (k + s === 0) continue;
      let best = Infinity;
      let bestJ = -1;
      shapes.forEach(({ shape, tier }, j) => {
        const [a, b] = shape;
        if (a > k || b > s) return;
        const c = (cost[(k - a) * W + (s - b)] as number) + (tierCost[tier] as number) * 1_000 + 1;
        if (c < best) {
          best = c;
          bestJ = j;
        }
      });
      cost[i] = best;
      choice[i] = bestJ;
    }
  }
  const tally = new Map<number, number>();
  for (let k = K, s = S; k + s > 0; ) {
    const j = choice[k * W + s] as number;
    const sh = shapes[j];
    if (sh === undefined) throw new Error(`no team shapes cover ${K} + ${S}`);
    tally.set(j, (tally.get(j) ?? 0) + 1);
    k -= sh.shape[0];
    s -= sh.shape[1];
  }
  const counts = [...tally.entries()].sort((a, b) => a[0] - b[0]).map(([j, teams]) => ({ shape: (shapes[j] as { shape: TeamShape }).shape, teams, tier: (shapes[j] as { tier: number }).tier }));
  return { counts, worstTier: Math.max(0, ...counts.map((c) => c.tier)) };
}

// ---------------------------------------------------------------------------------------------------------
// Types and part patterns

/**
 * A slot type within a sector: region × gender × organisation. The organisation is kept only for organisations
 * with several participants (else `*`), so that a part pattern can never hold two colleagues.
 */
export interface SlotType {
  sector: Sector;
  region: Region;
  gender: Gender;
  org: string;
  key: string;
}

/** Slot type of a participant; `shared` tells whether the organisation has several participants. */
function slotTypeOf(p: Person, shared: (org: string) => boolean): SlotType {
  const org = shared(p.org) ? p.org : '*';
  return { sector: p.sector, region: p.region, gender: p.gender, org, key: `${p.sector}|${p.region}|${p.gender}|${org}` };
}

function compareSlotTypes(a: SlotType, b: SlotType): number {
  return (
    (a.sector === b.sector ? 0 : a.sector === 'kommune' ? -1 : 1) ||
    REGIONS.indexOf(a.region) - REGIONS.indexOf(b.region) ||
    GENDERS.indexOf(a.gender) - GENDERS.indexOf(b.gender) ||
    compareCodeUnits(a.org, b.org)
  );
}

/** The attributes that make a team's region and gender costs. */
export interface Member {
  sector: Sector;
  region: Region;
  gender: Gender;
}

/**
 * Multisets of size `k` over the types (indices, non-decreasing): each type at most its supply, and no shared
 * organisation twice (nor one in `exclude`).
 */
function partMultisets(types: readonly (SlotType & { supply: number })[], k: number, exclude: ReadonlySet<string> = new Set()): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (start: number, left: number): void => {
    if (left === 0) {
      out.push([...cur]);
      return;
    }
    for (let i = start; i < types.length; i++) {
      const t = types[i] as SlotType & { supply: number };
      const used = cur.filter((x) => x === i).length;
      if (used >= t.supply) continue;
      if (t.org !== '*' && (exclude.has(t.org) || cur.some((x) => (types[x] as SlotType).org === t.org))) continue;
      cur.push(i);
      rec(i, left - 1);
      cur.pop();
    }
  };
  rec(0, k);
  return out;
}

/** The class of a part (one sector's members of a team): its region (one RHF, `mixed`, `unknown`, `none`) and genders. */
function partClass(members: readonly Member[]): string {
  let region: string;
  if (members.length === 0) region = 'none';
  else {
    const r = (members[0] as Member).region;
    region = members.every((m) => m.region === r) ? r : 'mixed';
  }
  const f = members.some((m) => m.gender === 'female') ? 'f' : '-';
  const m = members.some((x) => x.gender === 'male') ? 'm' : '-';
  return `${region}|${f}${m}`;
}

/** Region match and gender mix of a team made of two parts of these classes. */
function joinCost(kClass: string, sClass: string): { matched: boolean; genders: boolean } {
  const [kr, kg] = kClass.split('|') as [string, string];
  const [sr, sg] = sClass.split('|') as [string, string];
  const matched = kr === sr && kr !== 'mixed' && kr !== 'unknown' && kr !== 'none';
  const genders = (kg[0] === 'f' || sg[0] === 'f') && (kg[1] === 'm' || sg[1] === 'm');
  return { matched, genders };
}

/** A locked-together cluster: its members stay in one team. */
export interface Cluster {
  ids: string[];
  members: Person[];
}

/** A variable of the team model. */
export type TeamVar =
  | { kind: 'part'; shape: number; sector: Sector; slots: string[]; cls: string; key: string }
  | { kind: 'join'; shape: number; kClass: string; sClass: string; matched: boolean; genders: boolean; key: string }
  | { kind: 'cluster'; shape: number; cluster: number; slots: string[]; matched: boolean; genders: boolean; key: string };

export interface TeamModel {
  model: LinearModel;
  /** The objective's levels (region mismatch, missing gender, lottery), for the canonical optimum. */
  levels: ObjectiveLevel[];
  vars: TeamVar[];
  /** Slot types with their supply (participants not in a cluster), canonical order. */
  types: Array<SlotType & { supply: number }>;
  /** Whether an organisation has several participants (and so its own slot types). */
  shared: (org: string) => boolean;
  /** Weights of the model's levels. */
  weights: { region: number; gender: number; tiebreak: number };
  /** Largest tie-break total the model can have (for bounds from a time-limited solve). */
  tiebreakMax: number;
}

/** Lottery tie-break span per variable. */
const PATTERN_TIEBREAK_SPAN = 10_000;

/**
 * The split pattern model. For each team shape: one integer per municipal part pattern (multiset of municipal
 * slot types) and per specialist part pattern, and one integer per JOIN of a municipal part class with a
 * specialist part class (class = region × genders present), which carries the team's exact region and gender
 * cost. Rows: part patterns of a class = joins of that class; joins of a shape = its team count; every slot
 * type's supply used exactly. Locked-together clusters get one binary per completion of their team (full cost).
 * Cost: lexicographic (region mismatch, missing gender, a seeded lottery that makes ties rare; the canonical solve
 * settles any that remain).
 */
export function buildTeamModel(persons: readonly Person[], plan: ShapePlan, clusters: readonly Cluster[], seed: string, separateColleagues = true): TeamModel {
  // Colleagues get their own slot types (so that no part holds two of them) when there are enough parts of their
  // sector to keep them apart; a larger organisation is modelled like anyone else and its clashes are reported.
  const partsOf = { kommune: 0, spesialist: 0 };
  for (const c of plan.counts) {
    if (c.shape[0] > 0) partsOf.kommune += c.teams;
    if (c.shape[1] > 0) partsOf.spesialist += c.teams;
  }
  const orgCount = new Map<string, number>();
  const orgFits = new Map<string, boolean>();
  for (const p of persons) orgCount.set(`${p.sector}|${p.org}`, (orgCount.get(`${p.sector}|${p.org}`) ?? 0) + 1);
  for (const p of persons) {
    const n = orgCount.get(`${p.sector}|${p.org}`) ?? 0;
    orgFits.set(p.org, (orgFits.get(p.org) ?? true) && n <= partsOf[p.sector]);
  }
  const total = new Map<string, number>();
  for (const p of persons) total.set(p.org, (total.get(p.org) ?? 0) + 1);
  const shared = (org: string): boolean => separateColleagues && (total.get(org) ?? 0) >= 2 && orgFits.get(org) === true;
  const inCluster = new Set(clusters.flatMap((c) => c.ids));
  const typeMap = new Map<string, SlotType & { supply: number }>();
  for (const p of persons) {
    if (inCluster.has(p.id)) continue;
    const t = slotTypeOf(p, shared);
    const e = typeMap.get(t.key) ?? { ...t, supply: 0 };
    e.supply++;
    typeMap.set(t.key, e);
  }
  const types = [...typeMap.values()].sort(compareSlotTypes);
  const bySector = { kommune: types.filter((t) => t.sector === 'kommune'), spesialist: types.filter((t) => t.sector === 'spesialist') };

  const vars: TeamVar[] = [];
  const T = plan.counts.reduce((a, c) => a + c.teams, 0);
  plan.counts.forEach(({ shape }, si) => {
    const classes = { kommune: new Set<string>(), spesialist: new Set<string>() };
    (['kommune', 'spesialist'] as const).forEach((sector, side) => {
      const size = shape[side] as number;
      const ts = bySector[sector];
      for (const idx of partMultisets(ts, size)) {
        const slots = idx.map((i) => (ts[i] as SlotType).key);
        const cls = partClass(idx.map((i) => ts[i] as SlotType));
        classes[sector].add(cls);
        vars.push({ kind: 'part', shape: si, sector, slots, cls, key: `${si}/${sector}/${slots.join(',')}` });
      }
    });
    for (const kClass of [...classes.kommune].sort(compareCodeUnits)) {
      for (const sClass of [...classes.spesialist].sort(compareCodeUnits)) {
        vars.push({ kind: 'join', shape: si, kClass, sClass, ...joinCost(kClass, sClass), key: `${si}/join/${kClass}/${sClass}` });
      }
    }
    clusters.forEach((c, ci) => {
      const ck = c.members.filter((m) => m.sector === 'kommune').length;
      const cs = c.members.length - ck;
      if (ck > shape[0] || cs > shape[1]) return;
      const orgs = new Set(c.members.map((m) => m.org));
      for (const kIdx of partMultisets(bySector.kommune, shape[0] - ck, orgs)) {
        for (const sIdx of partMultisets(bySector.spesialist, shape[1] - cs, orgs)) {
          const slotTypes = [...kIdx.map((i) => bySector.kommune[i] as SlotType), ...sIdx.map((i) => bySector.spesialist[i] as SlotType)];
          const members: Member[] = [...slotTypes, ...c.members];
          const slots = slotTypes.map((t) => t.key);
          vars.push({ kind: 'cluster', shape: si, cluster: ci, slots, matched: regionMatch(members) !== null, genders: bothGenders(members), key: `${si}/cluster${ci}/${slots.join(',')}` });
        }
      }
    });
  });

  const tiebreakMax = 3 * PATTERN_TIEBREAK_SPAN * T;
  const [wTie, wGender, wRegion] = lexWeights([tiebreakMax, T, T]) as [number, number, number];
  const levels: Array<{ terms: Array<[number, number]>; weight: number; step: number }> = [wRegion, wGender, wTie].map((weight) => ({ terms: [], weight, step: 1 }));
  const variables: Variable[] = vars.map((v, i) => {
    const tb = 1 + (parseInt(lotteryKey(seed, 'teams-pattern', v.key).slice(0, 8), 16) % PATTERN_TIEBREAK_SPAN);
    let cost = wTie * tb;
    levels[2]?.terms.push([i, tb]);
    if (v.kind !== 'part') {
      cost += (v.matched ? 0 : wRegion) + (v.genders ? 0 : wGender);
      if (!v.matched) levels[0]?.terms.push([i, 1]);
      if (!v.genders) levels[1]?.terms.push([i, 1]);
    }
    const teams = (plan.counts[v.shape] as { teams: number }).teams;
    return { name: `${v.kind[0]}_${i}`, cost, lb: 0, ub: v.kind === 'cluster' ? 1 : teams, integer: true };
  });
  const constraints: Constraint[] = [];
  types.forEach((t, ti) => {
    const terms: Array<[number, number]> = [];
    vars.forEach((v, vi) => {
      if (v.kind === 'join') return;
      const m = v.slots.filter((s) => s === t.key).length;
      if (m > 0) terms.push([vi, m]);
    });
    constraints.push({ name: `supply_${ti}`, terms, lo: t.supply, hi: t.supply });
  });
  plan.counts.forEach((c, si) => {
    const terms = vars.flatMap((v, vi) => ((v.kind === 'join' || v.kind === 'cluster') && v.shape === si ? [[vi, 1] as [number, number]] : []));
    constraints.push({ name: `shape_${si}`, terms, lo: c.teams, hi: c.teams });
    for (const sector of ['kommune', 'spesialist'] as const) {
      const classes = new Set(vars.flatMap((v) => (v.kind === 'part' && v.shape === si && v.sector === sector ? [v.cls] : [])));
      for (const cls of [...classes].sort(compareCodeUnits)) {
        const terms2: Array<[number, number]> = [];
        vars.forEach((v, vi) => {
          if (v.kind === 'part' && v.shape === si && v.sector === sector && v.cls === cls) terms2.push([vi, 1]);
          if (v.kind === 'join' && v.shape === si && (sector === 'kommune' ? v.kClass : v.sClass) === cls) terms2.push([vi, -1]);
        });
        constraints.push({ name: `class_${si}_${sector}_${cls}`, terms: terms2, lo: 0, hi: 0 });
      }
    }
  });
  clusters.forEach((_, ci) => {
    const terms = vars.flatMap((v, vi) => (v.kind === 'cluster' && v.cluster === ci ? [[vi, 1] as [number, number]] : []));
    constraints.push({ name: `cluster_${ci}`, terms, lo: 1, hi: 1 });
  });
  // Valid cuts that close the parity gap of the LP relaxation (it would form 1.5 pairs from 3 people): parts of
  // size m lying wholly in one region r number at most ⌊n_r / m⌋, and pairs at most n_r minus the region's
  // largest organisation (every pair holds someone from outside it).
  for (const sector of ['kommune', 'spesialist'] as const) {
    for (const r of REGIONS) {
      const inR = types.filter((t) => t.sector === sector && t.region === r);
      const nr = inR.reduce((a, t) => a + t.supply, 0);
      if (nr === 0) continue;
      const orgSizes = new Map<string, number>();
      for (const t of inR) if (t.org !== '*') orgSizes.set(t.org, (orgSizes.get(t.org) ?? 0) + t.supply);
      const largestOrg = Math.max(1, ...orgSizes.values());
      const sizes = new Set(vars.flatMap((v) => (v.kind === 'part' && v.sector === sector ? [v.slots.length] : [])));
      for (const m of [...sizes].sort((a, b) => a - b)) {
        if (m < 2) continue;
        const terms = vars.flatMap((v, vi) => (v.kind === 'part' && v.sector === sector && v.slots.length === m && v.cls.startsWith(`${r}|`) ? [[vi, 1] as [number, number]] : []));
        if (terms.length === 0) continue;
        const cap = Math.min(Math.floor(nr / m), m === 2 ? nr - Math.min(largestOrg, nr) : Number.POSITIVE_INFINITY);
        constraints.push({ name: `cut_${sector}_${r}_${m}`, terms, hi: cap });
      }
    }
  }
  return { model: { label: 'teams-split-patterns', variables, constraints }, levels, vars, types, shared, weights: { region: wRegion, gender: wGender, tiebreak: wTie }, tiebreakMax };
}

/** Teams without region match and without both genders in a solution of the model. */
export function modelCounts(tm: TeamModel, values: readonly number[]): { unmatched: number; missingGender: number } {
  let unmatched = 0;
  let missingGender = 0;
  tm.vars.forEach((v, i) => {
    const c = Math.round(values[i] ?? 0);
    if (c === 0 || v.kind === 'part') return;
    if (!v.matched) unmatched += c;
    if (!v.genders) missingGender += c;
  });
  return { unmatched, missingGender };
}

// ---------------------------------------------------------------------------------------------------------
// Fill and improve

export interface Team {
  /** Members' ids (unordered while working). */
  ids: string[];
  /** Ids that must stay in this team (a locked-together cluster). */
  fixed: Set<string>;
}

/** Per-team quality vector used by the local search; lower is better, compared lexicographically. */
export interface TeamScore {
  /** Kept-apart pairs in the team (a lock: above everything). */
  apart: number;
  /** Pairs from one organisation. */
  conflicts: number;
  /** Not catchment-matched (`catchmentMatch`): above region match. */
  notCatchment: number;
  unmatched: number;
  sameGroupPairs: number;
  missingGender: number;
}

export interface TeamContext {
  byId: ReadonlyMap<string, Person>;
  groupOf: (id: string) => number | undefined;
  /** Same organisation or kept apart: never in one team where avoidable. */
  conflict: (a: Person, b: Person) => boolean;
  /** Kept apart (a lock): weighs above an organisation clash. */
  apart: (a: Person, b: Person) => boolean;
}

export function scoreTeam(ids: readonly string[], ctx: TeamContext): TeamScore {
  const m = ids.map((id) => ctx.byId.get(id) as Person);
  const g = ids.map((id) => ctx.groupOf(id));
  let apart = 0;
  let conflicts = 0;
  let same = 0;
  for (let i = 0; i < m.length; i++) {
    for (let j = i + 1; j < m.length; j++) {
      const a = m[i] as Person;
      const b = m[j] as Person;
      if (ctx.apart(a, b)) apart++;
      if (a.org === b.org) conflicts++;
      if (g[i] !== undefined && g[i] === g[j]) same++;
    }
  }
  return { apart, conflicts, notCatchment: catchmentMatch(m) ? 0 : 1, unmatched: regionMatch(m) === null ? 1 : 0, sameGroupPairs: same, missingGender: bothGenders(m) ? 0 : 1 };
}

export function addScores(a: TeamScore, b: TeamScore, sign = 1): TeamScore {
  return {
    apart: a.apart + sign * b.apart,
    conflicts: a.conflicts + sign * b.conflicts,
    notCatchment: a.notCatchment + sign * b.notCatchment,
    unmatched: a.unmatched + sign * b.unmatched,
    sameGroupPairs: a.sameGroupPairs + sign * b.sameGroupPairs,
    missingGender: a.missingGender + sign * b.missingGender,
  };
}

function lexLess(a: TeamScore, b: TeamScore): boolean {
  if (a.apart !== b.apart) return a.apart < b.apart;
  if (a.conflicts !== b.conflicts) return a.conflicts < b.conflicts;
  if (a.notCatchment !== b.notCatchment) return a.notCatchment < b.notCatchment;
  if (a.unmatched !== b.unmatched) return a.unmatched < b.unmatched;
  if (a.sameGroupPairs !== b.sameGroupPairs) return a.sameGroupPairs < b.sameGroupPairs;
  return a.missingGender < b.missingGender;
}

/**
 * Teams from the model's counts: locked-together clusters with their completions first; then, shape by shape,
 * each join (municipal class, specialist class) takes the next part patterns of those classes. Each slot gets
 * the first participant of its type (in lottery order) that adds no conflict, preferring one who brings the team
 * closer to a catchment match (a specialist of a trust a municipal member needs, a municipal member of a catchment
 * area already there), then one who adds no shared workshop group; else the first.
 */
export function fillTeams(tm: TeamModel, counts: readonly number[], clusters: readonly Cluster[], persons: readonly Person[], ctx: TeamContext, seed: string): Team[] {
  const inCluster = new Set(clusters.flatMap((c) => c.ids));
  const byType = new Map<string, string[]>();
  for (const p of persons) {
    if (inCluster.has(p.id)) continue;
    const key = slotTypeOf(p, tm.shared).key;
    byType.set(key, [...(byType.get(key) ?? []), p.id]);
  }
  const queues = new Map<string, string[]>();
  for (const [key, ids] of byType) {
    const keyed = ids.map((id) => ({ id, k: lotteryKey(seed, 'teams-fill', id) })).sort((a, b) => compareCodeUnits(a.k, b.k) || compareCodeUnits(a.id, b.id));
    queues.set(key, keyed.map((x) => x.id));
  }
  const skeletons: Array<{ fixed: string[]; slots: string[] }> = [];
  tm.vars.forEach((v, i) => {
    if (v.kind !== 'cluster' || Math.round(counts[i] ?? 0) === 0) return;
    skeletons.push({ fixed: [...(clusters[v.cluster] as Cluster).ids], slots: [...v.slots] });
  });
  const shapes = [...new Set(tm.vars.map((v) => v.shape))].sort((a, b) => a - b);
  for (const si of shapes) {
    const parts = { kommune: new Map<string, string[][]>(), spesialist: new Map<string, string[][]>() };
    tm.vars.forEach((v, i) => {
      if (v.kind !== 'part' || v.shape !== si) return;
      const list = parts[v.sector].get(v.cls) ?? [];
      for (let c = 0; c < Math.round(counts[i] ?? 0); c++) list.push([...v.slots]);
      parts[v.sector].set(v.cls, list);
    });
    tm.vars.forEach((v, i) => {
      if (v.kind !== 'join' || v.shape !== si) return;
      for (let c = 0; c < Math.round(counts[i] ?? 0); c++) {
        const k = parts.kommune.get(v.kClass)?.shift();
        const s = parts.spesialist.get(v.sClass)?.shift();
        if (k === undefined || s === undefined) throw new Error(`fill: join ${v.key} has no part left`);
        skeletons.push({ fixed: [], slots: [...k, ...s] });
      }
    });
  }
  const teams: Team[] = [];
  for (const sk of skeletons) {
    const team: Team = { ids: [...sk.fixed], fixed: new Set(sk.fixed) };
    for (const slot of sk.slots) {
      const q = queues.get(slot) ?? [];
      const members = team.ids.map((id) => ctx.byId.get(id) as Person);
      const ok = (id: string, strict: boolean): boolean => {
        const x = ctx.byId.get(id) as Person;
        return members.every((m) => !ctx.conflict(m, x) && (!strict || ctx.groupOf(m.id) === undefined || ctx.groupOf(m.id) !== ctx.groupOf(x.id)));
      };
      // Catchment: a specialist of a trust that a municipal member already in the team needs; a municipal member
      // whose catchment area is that of a specialist or of the municipal member already in the team.
      const needed = new Set(members.flatMap((m) => (m.sector === 'kommune' && m.trust !== null ? [m.trust] : [])));
      const there = new Set(members.flatMap((m) => (m.sector === 'spesialist' && m.trust !== null ? [m.trust] : [])));
      const covers = (id: string): boolean => {
        const x = ctx.byId.get(id) as Person;
        if (x.trust === null) return false;
        return x.sector === 'spesialist' ? needed.has(x.trust) && !there.has(x.trust) : there.has(x.trust) || needed.has(x.trust);
      };
      let pick = needed.size + there.size > 0 ? q.findIndex((id) => covers(id) && ok(id, true)) : -1;
      if (pick < 0 && needed.size + there.size > 0) pick = q.findIndex((id) => covers(id) && ok(id, false));
      if (pick < 0) pick = q.findIndex((id) => ok(id, true));
      if (pick < 0) pick = q.findIndex((id) => ok(id, false));
      if (pick < 0) pick = 0;
      const [id] = q.splice(pick, 1);
      if (id === undefined) throw new Error(`fill: no participant of type ${slot} left`);
      team.ids.push(id);
    }
    teams.push(team);
  }
  return teams;
}

/** Teams `regroupTeams` may score in one call. */
const REGROUP_BUDGET = 100_000;

/** The ways to split `ids` into groups of these sizes; `labelled` false: groups of one size are interchangeable. */
function splits(ids: readonly string[], sizes: readonly number[], labelled: boolean): string[][][] {
  const out: string[][][] = [];
  const groups: string[][] = sizes.map(() => []);
  const rec = (i: number): void => {
    if (i === ids.length) {
      out.push(groups.map((g) => [...g]));
      return;
    }
    let emptyTried = false;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g] as string[];
      if (group.length >= (sizes[g] as number)) continue;
      if (!labelled && group.length === 0) {
        // Unlabelled: the first empty group of each size stands for all of them.
        if (emptyTried) continue;
        emptyTried = true;
      }
      group.push(ids[i] as string);
      rec(i + 1);
      group.pop();
    }
  };
  rec(0);
  return out;
}

/**
 * Re-form two teams, or three region-matched teams of one RHF, in every way that keeps each team's sector counts,
 * and take the best when it is lexicographically better (apart, clashes, catchment, region, shared workshop
 * groups, gender); deterministic (fixed scan order, until a pass finds none or the budget of teams scored is
 * spent). A larger neighbourhood than the
 * swaps of `improveTeams`: a catchment match that needs three teams' members moved at once is found here. Teams
 * with kept-together members are left alone. Returns the number of moves made.
 */
export function regroupTeams(teams: Team[], ctx: TeamContext, maxPasses = 10): number {
  const scores = teams.map((t) => scoreTeam(t.ids, ctx));
  // A budget of re-formed teams scored, the same on every machine: at 200 seats (50 teams) the triples alone would
  // be 1.5 million ways, a minute of work; at 40 seats the whole search stays well inside it.
  let budget = REGROUP_BUDGET;
  const person = (id: string): Person => ctx.byId.get(id) as Person;
  const free = teams.map((t) => t.fixed.size === 0);
  let moves = 0;
  const tryGroup = (idx: readonly number[]): boolean => {
    const members = idx.map((i) => (teams[i] as Team).ids);
    const kSizes = members.map((ids) => ids.filter((id) => person(id).sector === 'kommune').length);
    const sSizes = members.map((ids, j) => ids.length - (kSizes[j] as number));
    const allK = members.flatMap((ids) => ids.filter((id) => person(id).sector === 'kommune'));
    const allS = members.flatMap((ids) => ids.filter((id) => person(id).sector === 'spesialist'));
    // Teams of one shape only (then the municipal groups are interchangeable and the specialists' labelled).
    if (kSizes.some((k) => k !== kSizes[0]) || sSizes.some((x) => x !== sSizes[0])) return false;
    let best = idx.reduce((a, i) => addScores(a, scores[i] as TeamScore), { apart: 0, conflicts: 0, notCatchment: 0, unmatched: 0, sameGroupPairs: 0, missingGender: 0 });
    let bestTeams: string[][] | null = null;
    let bestScores: TeamScore[] = [];
    const kWays = splits(allK, kSizes, false);
    const sWays = splits(allS, sSizes, true);
    if (kWays.length * sWays.length * idx.length > budget) return false;
    budget -= kWays.length * sWays.length * idx.length;
    for (const ks of kWays) {
      for (const ss of sWays) {
        const formed = ks.map((k, j) => [...k, ...(ss[j] as string[])]);
        const sc = formed.map((ids) => scoreTeam(ids, ctx));
        const total = sc.reduce((a, x) => addScores(a, x));
        if (lexLess(total, best)) {
          best = total;
          bestTeams = formed;
          bestScores = sc;
        }
      }
    }
    if (bestTeams === null) return false;
    idx.forEach((i, j) => {
      (teams[i] as Team).ids = bestTeams[j] as string[];
      scores[i] = bestScores[j] as TeamScore;
    });
    moves++;
    return true;
  };
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let a = 0; a < teams.length; a++) {
      for (let b = a + 1; b < teams.length; b++) {
        if (free[a] === true && free[b] === true && tryGroup([a, b])) improved = true;
      }
    }
    // Triples of region-matched teams of one RHF (a catchment match lies within one RHF; triples of any teams
    // sharing an RHF cost 5-10 times the scoring and reached no further bound on 28 generated cohorts).
    const region = (i: number): string | null => regionMatch((teams[i] as Team).ids.map(person));
    for (let a = 0; a < teams.length; a++) {
      for (let b = a + 1; b < teams.length; b++) {
        for (let c = b + 1; c < teams.length; c++) {
          if (free[a] !== true || free[b] !== true || free[c] !== true) continue;
          const r = region(a);
          if (r === null || region(b) !== r || region(c) !== r) continue;
          if (tryGroup([a, b, c])) improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return moves;
}

/**
 * Improve the teams by moving participants between them, deterministically (fixed scan order, every improving
 * move taken, until a pass finds none). Members of a kept-together cluster never move; moves keep each team's
 * sector counts.
 *
 * - Phase 1 (repair, catchment and group terms without loss): swaps of two participants, exchanges of a
 *   municipal and a specialist member each between two teams, and 3-cycles among three teams, that make neither
 *   region match nor gender mix worse and lower (kept-apart pairs, clashes, catchment mismatches, shared workshop
 *   groups) lexicographically.
 * - Phase 2 (the full lexicographic order): swaps (single and paired) that lower (kept-apart pairs, clashes,
 *   catchment mismatches, region mismatches, shared workshop groups, missing gender) — here a gender mix may be
 *   given up for fewer shared workshop groups; where none does, 3-cycles that bring a team without both genders
 *   the gender it lacks.
 *
 * Returns the number of moves made.
 */
export function improveTeams(teams: Team[], ctx: TeamContext, phases: { lossless: boolean; trade: boolean } = { lossless: true, trade: true }, maxPasses = 50): number {
  const scores = teams.map((t) => scoreTeam(t.ids, ctx));
  const sectorOf = (id: string): Sector => (ctx.byId.get(id) as Person).sector;
  const movable = (t: Team, i: number): boolean => !t.fixed.has(t.ids[i] as string);
  const noLoss = (after: TeamScore, before: TeamScore): boolean => {
    if (after.unmatched > before.unmatched || after.missingGender > before.missingGender) return false;
    const x = [after.apart, after.conflicts, after.notCatchment, after.sameGroupPairs];
    const y = [before.apart, before.conflicts, before.notCatchment, before.sameGroupPairs];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number);
    return false;
  };
  let moves = 0;

  /** Teams a and b become `na` and `nb` when `accept` takes the change of their summed score. */
  const tryMove = (a: number, b: number, na: string[], nb: string[], accept: (after: TeamScore, before: TeamScore) => boolean): boolean => {
    const sa = scoreTeam(na, ctx);
    const sb = scoreTeam(nb, ctx);
    if (!accept(addScores(sa, sb), addScores(scores[a] as TeamScore, scores[b] as TeamScore))) return false;
    (teams[a] as Team).ids = na;
    (teams[b] as Team).ids = nb;
    scores[a] = sa;
    scores[b] = sb;
    moves++;
    return true;
  };

  const trySwaps = (accept: (after: TeamScore, before: TeamScore) => boolean): boolean => {
    let improved = false;
    for (let a = 0; a < teams.length; a++) {
      for (let b = a + 1; b < teams.length; b++) {
        const ta = teams[a] as Team;
        const tb = teams[b] as Team;
        for (let i = 0; i < ta.ids.length; i++) {
          for (let j = 0; j < tb.ids.length; j++) {
            if (!movable(ta, i) || !movable(tb, j) || sectorOf(ta.ids[i] as string) !== sectorOf(tb.ids[j] as string)) continue;
            const na = [...ta.ids];
            const nb = [...tb.ids];
            na[i] = tb.ids[j] as string;
            nb[j] = ta.ids[i] as string;
            if (tryMove(a, b, na, nb, accept)) improved = true;
          }
        }
      }
    }
    return improved;
  };

  /**
   * Two teams exchange a municipal and a specialist member each at once (a catchment match often needs both: the
   * municipal member of a trust's catchment area and a specialist of that trust).
   */
  const tryPairSwaps = (accept: (after: TeamScore, before: TeamScore) => boolean): boolean => {
    let improved = false;
    const of = (t: Team, sector: Sector): number[] => t.ids.flatMap((id, i) => (movable(t, i) && sectorOf(id) === sector ? [i] : []));
    for (let a = 0; a < teams.length; a++) {
      for (let b = a + 1; b < teams.length; b++) {
        const ta = teams[a] as Team;
        const tb = teams[b] as Team;
        for (const i1 of of(ta, 'kommune')) {
          for (const i2 of of(ta, 'spesialist')) {
            for (const j1 of of(tb, 'kommune')) {
              for (const j2 of of(tb, 'spesialist')) {
                const na = [...ta.ids];
                const nb = [...tb.ids];
                na[i1] = tb.ids[j1] as string;
                na[i2] = tb.ids[j2] as string;
                nb[j1] = ta.ids[i1] as string;
                nb[j2] = ta.ids[i2] as string;
                if (tryMove(a, b, na, nb, accept)) improved = true;
              }
            }
          }
        }
      }
    }
    return improved;
  };

  /** Teams a, b and c become `na`, `nb` and `nc`, scored `sa`, `sb` and `sc`. */
  const takeCycle = (a: number, b: number, c: number, na: string[], nb: string[], nc: string[], sa: TeamScore, sb: TeamScore, sc: TeamScore): void => {
    (teams[a] as Team).ids = na;
    (teams[b] as Team).ids = nb;
    (teams[c] as Team).ids = nc;
    scores[a] = sa;
    scores[b] = sb;
    scores[c] = sc;
    moves++;
  };

  /** p (team a) → team b, q (team b) → team c, r (team c) → team a; all of one sector. */
  const tryCycles = (): boolean => {
    let improved = false;
    for (let a = 0; a < teams.length; a++) {
      const sa0 = scores[a] as TeamScore;
      if (sa0.sameGroupPairs === 0 && sa0.conflicts === 0 && sa0.apart === 0) continue;
      for (let b = 0; b < teams.length; b++) {
        if (b === a) continue;
        for (let c = 0; c < teams.length; c++) {
          if (c === a || c === b) continue;
          const ta = teams[a] as Team;
          const tb = teams[b] as Team;
          const tc = teams[c] as Team;
          for (let i = 0; i < ta.ids.length; i++) {
            for (let j = 0; j < tb.ids.length; j++) {
              for (let k = 0; k < tc.ids.length; k++) {
                if (!movable(ta, i) || !movable(tb, j) || !movable(tc, k)) continue;
                const sector = sectorOf(ta.ids[i] as string);
                if (sectorOf(tb.ids[j] as string) !== sector || sectorOf(tc.ids[k] as string) !== sector) continue;
                const na = [...ta.ids];
                const nb = [...tb.ids];
                const nc = [...tc.ids];
                nb[j] = ta.ids[i] as string;
                nc[k] = tb.ids[j] as string;
                na[i] = tc.ids[k] as string;
                const sa = scoreTeam(na, ctx);
                const sb = scoreTeam(nb, ctx);
                const sc = scoreTeam(nc, ctx);
                const before = addScores(addScores(scores[a] as TeamScore, scores[b] as TeamScore), scores[c] as TeamScore);
                if (noLoss(addScores(addScores(sa, sb), sc), before)) {
                  takeCycle(a, b, c, na, nb, nc, sa, sb, sc);
                  improved = true;
                }
              }
            }
          }
        }
      }
    }
    return improved;
  };

  /**
   * 3-cycles in the full lexicographic order that bring a team without both genders one of the gender it lacks: r
   * (team c, of that gender) → team a, p (team a) → team b, q (team b) → team c; all of one sector. Searched from r
   * and p first (the new team a), so that a team the cycle cannot mend costs few scores.
   */
  const tryGenderCycles = (): boolean => {
    let improved = false;
    for (let a = 0; a < teams.length; a++) {
      if ((scores[a] as TeamScore).missingGender === 0) continue;
      const ta = teams[a] as Team;
      const genders = ta.ids.map((id) => (ctx.byId.get(id) as Person).gender);
      const lacking = genders.includes('female') ? 'male' : genders.includes('male') ? 'female' : null;
      if (lacking === null) continue;
      for (let c = 0; c < teams.length && (scores[a] as TeamScore).missingGender > 0; c++) {
        const tc = teams[c] as Team;
        if (c === a) continue;
        for (let k = 0; k < tc.ids.length; k++) {
          const r = ctx.byId.get(tc.ids[k] as string) as Person;
          if (!movable(tc, k) || r.gender !== lacking) continue;
          for (let i = 0; i < ta.ids.length; i++) {
            if (!movable(ta, i) || sectorOf(ta.ids[i] as string) !== r.sector) continue;
            const na = [...ta.ids];
            na[i] = r.id;
            const sa = scoreTeam(na, ctx);
            if (sa.missingGender > 0) continue;
            for (let b = 0; b < teams.length; b++) {
              if (b === a || b === c) continue;
              const tb = teams[b] as Team;
              for (let j = 0; j < tb.ids.length; j++) {
                if (!movable(tb, j) || sectorOf(tb.ids[j] as string) !== r.sector) continue;
                const nb = [...tb.ids];
                nb[j] = ta.ids[i] as string;
                const nc = [...tc.ids];
                nc[k] = tb.ids[j] as string;
                const sb = scoreTeam(nb, ctx);
                const sc = scoreTeam(nc, ctx);
                const before = addScores(addScores(scores[a] as TeamScore, scores[b] as TeamScore), scores[c] as TeamScore);
                if (!lexLess(addScores(addScores(sa, sb), sc), before)) continue;
                takeCycle(a, b, c, na, nb, nc, sa, sb, sc);
                improved = true;
                break;
              }
              if ((scores[a] as TeamScore).missingGender === 0) break;
            }
            if ((scores[a] as TeamScore).missingGender === 0) break;
          }
          if ((scores[a] as TeamScore).missingGender === 0) break;
        }
      }
    }
    return improved;
  };

  const total = (): TeamScore => scores.reduce((acc, s2) => addScores(acc, s2), { apart: 0, conflicts: 0, notCatchment: 0, unmatched: 0, sameGroupPairs: 0, missingGender: 0 });
  for (let pass = 0; phases.lossless && pass < maxPasses; pass++) {
    if (trySwaps(noLoss)) continue;
    if (tryPairSwaps(noLoss)) continue;
    const t = total();
    if (t.apart === 0 && t.conflicts === 0 && t.sameGroupPairs === 0) break;
    // 3-cycles are cubic in the number of teams: only where a team still has a shared group or a clash.
    if (teams.length <= 60 && tryCycles()) continue;
    break;
  }
  for (let pass = 0; phases.trade && pass < maxPasses; pass++) {
    if (trySwaps(lexImproves) || tryPairSwaps(lexImproves)) continue;
    // A team without both genders that no swap of two teams mends: 3-cycles that bring it the gender it lacks.
    if (tryGenderCycles()) continue;
    break;
  }
  return moves;
}

function lexImproves(after: TeamScore, before: TeamScore): boolean {
  return lexLess(after, before);
}

// ---------------------------------------------------------------------------------------------------------
// Exact fill for the workshop-group term

/** A team's requirement from the model's optimum: per sector, part size and class (region × genders present). */
export interface TeamSpec {
  /** Members that stay (a kept-together cluster). */
  fixed: string[];
  parts: Record<Sector, { size: number; cls: string }>;
  /**
   * With `hold: 'seats'`: the team's seats by kind (a template's, `catchment.ts`), each member fitting exactly one kind
   * of the team; each kind's seats are filled by members that fit it.
   */
  seats?: ReadonlyArray<{ fits: (p: Person) => boolean; seats: number }>;
}

/** The team specs (classes of the model's optimum) of a skeleton fill: one per team, in the fill's order. */
export function teamSpecs(teams: readonly Team[], ctx: TeamContext): TeamSpec[] {
  return teams.map((t) => {
    const members = t.ids.map((id) => ctx.byId.get(id) as Person);
    const part = (sector: Sector) => {
      const m = members.filter((p) => p.sector === sector);
      return { size: m.filter((p) => !t.fixed.has(p.id)).length, cls: partClass(m) };
    };
    return { fixed: [...t.fixed], parts: { kommune: part('kommune'), spesialist: part('spesialist') } };
  });
}

/** The RHF of a team spec whose parts are both of one RHF (a region-matched team of the model's optimum), else null. */
function regionOf(spec: TeamSpec): string | null {
  const kr = spec.parts.kommune.cls.split('|')[0] as string;
  const sr = spec.parts.spesialist.cls.split('|')[0] as string;
  return kr === sr && kr !== 'mixed' && kr !== 'unknown' && kr !== 'none' ? kr : null;
}

export interface AssignmentModel {
  model: LinearModel;
  /**
   * The objective's levels (colleagues, shared workshop groups, missing gender, lottery), for the canonical
   * optimum; the pair and gender variables are continuous and end on integers at their best.
   */
  levels: ObjectiveLevel[];
  /** Variable index → [participant ids of the unit, team index] for the assignment binaries, else null. */
  assign: Array<[string[], number] | null>;
}

/**
 * Who goes into which team, exactly: one binary per unit (a participant, or a kept-together cluster when
 * `movableClusters` are given) and compatible team. `hold`:
 * - `regions`: each region-matched team of the model's optimum takes only participants of its RHF, so region
 *   match stays optimal; clusters stay where the specs fix them;
 * - `seats`: each team's seats by kind (`TeamSpec.seats`; no fixed members, no clusters): a template's kinds keep its
 *   catchment and RHF match, whoever fills them;
 * - `sectors`: only each team's sector counts hold (the last resort when kept-apart pairs or colleagues could not
 *   be separated otherwise; clusters then move too).
 * Kept-apart pairs never share a team (hard). Cost, lexicographic: pairs of colleagues, pairs sharing a workshop
 * group (both convex in the count per team, so exact), teams without both genders, with `keep` (allocate
 * --previous) participants not in the team whose label was their previous team's number, a seeded lottery that
 * makes ties rare (the canonical solve settles any that remain).
 */
export function buildAssignmentModel(
  specs: readonly TeamSpec[],
  persons: readonly Person[],
  ctx: TeamContext,
  apart: ReadonlyArray<readonly [string, string]>,
  seed: string,
  hold: 'regions' | 'sectors' | 'seats',
  movableClusters: readonly Cluster[] = [],
  keep?: { previous: ReadonlyMap<string, number>; labels: readonly number[] },
): AssignmentModel {
  const fixedIds = new Set(specs.flatMap((s) => s.fixed));
  const clusterIds = new Set(movableClusters.flatMap((c) => c.ids));
  const units: Person[][] = [
    ...movableClusters.map((c) => c.members),
    ...persons.filter((p) => !fixedIds.has(p.id) && !clusterIds.has(p.id)).map((p) => [p]),
  ];
  const variables: Variable[] = [];
  const constraints: Constraint[] = [];
  const assign: Array<[string[], number] | null> = [];
  const add = (v: Variable, a: [string[], number] | null): number => {
    assign.push(a);
    return variables.push(v) - 1;
  };
  const compatible = (unit: readonly Person[], spec: TeamSpec): boolean => {
    for (const sector of ['kommune', 'spesialist'] as const) {
      if (unit.filter((p) => p.sector === sector).length > spec.parts[sector].size) return false;
    }
    if (unit.some((p) => spec.fixed.some((id) => ctx.apart(ctx.byId.get(id) as Person, p)))) return false;
    if (hold === 'sectors') return true;
    if (hold === 'seats') return unit.every((p) => (spec.seats ?? []).some((k) => k.fits(p)));
    // Only a region-matched team (both parts of one RHF) keeps its region; an unmatched one may take anyone.
    const region = regionOf(spec);
    return region === null || unit.every((p) => p.region === region);
  };
  // With `keep`, a smaller lottery span keeps the extra level's weights small.
  const span = keep === undefined ? 1000 : 100;
  /** Members of the unit with a previous team whose number is not team t's label (keep only). */
  const away = (unit: readonly Person[], t: number): number =>
    keep === undefined ? 0 : unit.filter((p) => keep.previous.has(p.id) && keep.previous.get(p.id) !== keep.labels[t]).length;
  const keepWeight = units.length * span + 1;
  const keepMax = keep === undefined ? 0 : units.reduce((a, u) => a + u.filter((p) => keep.previous.has(p.id)).length, 0);
  /** Per team: [variable, unit] for every unit that may go there. */
  const byTeam: Array<Array<[number, Person[]]>> = specs.map(() => []);
  /** The lottery's and the moves' coefficients of the assignment variables (for the objective's levels). */
  const lottery: Array<readonly [number, number]> = [];
  const moved: Array<readonly [number, number]> = [];
  units.forEach((unit, ui) => {
    const vars: number[] = [];
    const key = unit.map((p) => p.id).join('+');
    specs.forEach((spec, t) => {
      if (!compatible(unit, spec)) return;
      const tb = 1 + (parseInt(lotteryKey(seed, `teams-assign:${t}`, key).slice(0, 8), 16) % span);
      const moves = away(unit, t);
      const v = add({ name: `y_${ui}_${t}`, cost: tb + keepWeight * moves, lb: 0, ub: 1, integer: true }, [unit.map((p) => p.id), t]);
      lottery.push([v, tb]);
      if (moves > 0) moved.push([v, moves]);
      vars.push(v);
      byTeam[t]?.push([v, unit]);
    });
    constraints.push({ name: `one_${ui}`, terms: vars.map((v) => [v, 1] as const), lo: 1, hi: 1 });
  });
  const genderWeight = keep === undefined ? units.length * span + 1 : keepWeight * (keepMax + 1);
  const pairWeight = genderWeight * (specs.length + 1);
  const maxPairs = specs.reduce((a, spec) => {
    const n = spec.fixed.length + spec.parts.kommune.size + spec.parts.spesialist.size;
    return a + (n * (n - 1)) / 2;
  }, 0);
  // Colleagues in a team weigh above every shared workshop group (the organisation rule comes first).
  const orgWeight = pairWeight * (maxPairs + 1);
  /** Σ coefficient·variable over the units in team t, counting the members that match. */
  const inTeam = (t: number, pred: (p: Person) => boolean): Array<[number, number]> =>
    (byTeam[t] ?? []).flatMap(([v, unit]) => {
      const n = unit.filter(pred).length;
      return n > 0 ? [[v, n] as [number, number]] : [];
    });
  /**
   * pairs ≥ C(n, 2) for the integer n = Σ terms + fixed: the tangent lines through (k−1, C(k−1,2)) and (k, C(k,2)), up
   * to the team's size (n is never more).
   */
  const convexPairs = (name: string, terms: ReadonlyArray<[number, number]>, fixed: number, cost: number, size: number): void => {
    const most = Math.min(size, terms.reduce((a, [, n]) => a + n, 0) + fixed);
    if (most < 2) return;
    const v = add({ name, cost, lb: 0 }, null);
    for (let k = 2; k <= most; k++) {
      constraints.push({ name: `${name}_${k}`, terms: [...terms.map(([vi, n]) => [vi, -(k - 1) * n] as [number, number]), [v, 1]], lo: (k - 1) * fixed - (k * (k - 1)) / 2 });
    }
  };
  const groups = [...new Set(persons.map((p) => ctx.groupOf(p.id)).filter((g): g is number => g !== undefined))].sort((a, b) => a - b);
  const orgs = [...new Set(persons.map((p) => p.org))].sort(compareCodeUnits);
  specs.forEach((spec, t) => {
    const fixedMembers = spec.fixed.map((id) => ctx.byId.get(id) as Person);
    const size = spec.fixed.length + spec.parts.kommune.size + spec.parts.spesialist.size;
    if (hold === 'seats') {
      (spec.seats ?? []).forEach((k, i) => constraints.push({ name: `seats_${t}_${i}`, terms: inTeam(t, k.fits), lo: k.seats, hi: k.seats }));
    } else {
      for (const sector of ['kommune', 'spesialist'] as const) {
        const part = spec.parts[sector];
        constraints.push({ name: `size_${t}_${sector}`, terms: inTeam(t, (p) => p.sector === sector), lo: part.size, hi: part.size });
      }
    }
    // missing ≥ 1 − (women in the team), missing ≥ 1 − (men in the team): 1 exactly when a gender is absent.
    const missing = add({ name: `nogender_${t}`, cost: genderWeight, lb: 0, ub: 1 }, null);
    for (const g of ['female', 'male'] as const) {
      const fixedG = fixedMembers.filter((p) => p.gender === g).length;
      constraints.push({ name: `gender_${t}_${g}`, terms: [...inTeam(t, (p) => p.gender === g), [missing, 1]], lo: 1 - fixedG });
    }
    for (const org of orgs) convexPairs(`org_${t}_${org}`, inTeam(t, (p) => p.org === org), fixedMembers.filter((p) => p.org === org).length, orgWeight, size);
    apart.forEach(([a, b], i) => {
      const terms = inTeam(t, (p) => p.id === a || p.id === b);
      if (terms.length > 1) constraints.push({ name: `apart_${t}_${i}`, terms: terms.map(([v]) => [v, 1] as [number, number]), hi: 1 });
    });
    for (const g of groups) convexPairs(`pairs_${t}_${g}`, inTeam(t, (p) => ctx.groupOf(p.id) === g), fixedMembers.filter((p) => ctx.groupOf(p.id) === g).length, pairWeight, size);
  });
  // Levels, highest first: colleagues, shared groups and missing gender on their own variables (cost = weight),
  // then the moves from the previous teams and the lottery on the assignment variables.
  const levels: ObjectiveLevel[] = [
    ...[orgWeight, pairWeight, genderWeight].map((weight) => ({ terms: variables.flatMap((v, i) => (assign[i] === null && v.cost === weight ? [[i, 1] as const] : [])), weight, step: 1 })),
    ...(moved.length > 0 ? [{ terms: moved, weight: keepWeight, step: 1 }] : []),
    { terms: lottery, weight: 1, step: 1 },
  ];
  return { model: { label: 'teams-assignment', variables, constraints }, levels, assign };
}
