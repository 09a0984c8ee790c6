/**
 * The exact team model for a cohort of one team shape: one binary per possible team (a COLUMN), every participant
 * in exactly one chosen team. Each column carries its team's full cost (catchment match, region match, pairs
 * sharing a workshop group, gender mix, a seeded lottery), so the optimum is the best set of teams outright,
 * including the terms the pattern model cannot see. Its LP relaxation is tight (a set partition), where an
 * assignment model with catchment rows is not (measured on the bundled sample: 6 s per solve with HiGHS, no
 * answer from the JavaScript solvers within their deadline).
 *
 * Which teams are columns: every team of one RHF's members, and every team not region-matched drawn from the RHFs
 * with participants to spare in its sectors, where every RHF already has as many RHF-matched teams as its members
 * allow (`spare`): then every set of teams with that many RHF matches has that many in each RHF, so its teams are
 * all columns. A set with fewer RHF matches may still have more catchment matches (colleagues can keep an RHF's
 * members left over from forming a team of their own), so the model proves a best set only with the catchment bound
 * and the most RHF matches held together (the teams stage's targets), or where every possible team is a column.
 * Teams with colleagues or a kept-apart pair are not columns (those rules come first). Pure; no solver calls.
 */
import { compareCodeUnits } from '../../domain/compare.js';
import { bothGenders, catchmentMatch, regionMatch } from '../../domain/rules.js';
import type { Sector } from '../../domain/types.js';
import type { Constraint, LinearModel, ObjectiveLevel, Variable } from '../../solver/types.js';
import { lexWeights, lotteryKey, type Person } from '../common.js';
import type { ShapePlan } from './model.js';

/**
 * Beyond this many columns the model is not built. The largest of the bench's 40-seat cohorts have about 12,000
 * (10 seeds each of 60, 150, 500 and 2,000 candidates); 14,058 of a generated 150-candidate cohort took 1.2 s and
 * 189 MB peak RSS for the whole run, its relaxation proving the teams (it was 10,000, and 15,000 while the teams
 * missed the catchment bound, when the relaxation was solved with the optimising compiler and without the duals'
 * fixing: 10.5 s and 370 MB for a run with 14,175 columns).
 */
const MAX_COLUMNS = 20_000;
/** Every possible team as a column only up to this many. */
const MAX_COMPLETE = 1_000;

export interface ColumnModel {
  model: LinearModel;
  levels: ObjectiveLevel[];
  /** Member ids of each column (in person order). */
  columns: string[][];
}

/**
 * Participants of each RHF beyond the RHF-matched teams it can have, per sector, or null when some RHF could have
 * more RHF-matched teams than `matched` allows in total (then a best set of teams is not pinned down per RHF); with
 * `matched` null, as if they all could.
 */
function spare(persons: readonly Person[], shape: readonly [number, number], matched: number | null): Map<string, Record<Sector, number>> | null {
  const [k, s] = shape;
  const out = new Map<string, Record<Sector, number>>();
  let most = 0;
  const regions = [...new Set(persons.map((p) => p.region))];
  for (const r of regions) {
    const inR = persons.filter((p) => p.region === r);
    const K = inR.filter((p) => p.sector === 'kommune').length;
    const S = inR.length - K;
    const n = r === 'unknown' ? 0 : Math.min(Math.floor(K / k), Math.floor(S / s));
    most += n;
    out.set(r, { kommune: K - n * k, spesialist: S - n * s });
  }
  return matched === null || most === matched ? out : null;
}

/** Every way to take `k` of `items`, in order. */
export function* combinations<T>(items: readonly T[], k: number, start = 0, acc: T[] = []): Generator<T[]> {
  if (k === 0) {
    yield [...acc];
    return;
  }
  for (let i = start; i <= items.length - k; i++) {
    acc.push(items[i] as T);
    yield* combinations(items, k - 1, i + 1, acc);
    acc.pop();
  }
}

/** Number of ways to choose k of n. */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/**
 * At most how many columns `buildColumnModel` makes for these participants (before colleagues are left out), or
 * null when it would build none: for `Solve.prepare`, before the pattern model has said how many teams can be
 * RHF-matched (taken here as the most the RHFs allow, the case the model needs).
 */
export function columnCount(persons: readonly Person[], plan: ShapePlan): number | null {
  const K = persons.filter((p) => p.sector === 'kommune').length;
  const S = persons.length - K;
  const every = plan.counts.reduce((a, c) => a + choose(K, c.shape[0]) * choose(S, c.shape[1]), 0);
  if (every <= MAX_COMPLETE) return every;
  const only = plan.counts.length === 1 ? (plan.counts[0] as { shape: readonly [number, number] }).shape : null;
  if (only === null || only[0] === 0 || only[1] === 0) return null;
  const extra = spare(persons, only, null);
  if (extra === null) return null;
  const count = (ps: readonly Person[]) => choose(ps.filter((p) => p.sector === 'kommune').length, only[0]) * choose(ps.filter((p) => p.sector === 'spesialist').length, only[1]);
  let n = count(persons.filter((p) => (extra.get(p.region) as Record<Sector, number>)[p.sector] > 0));
  for (const r of extra.keys()) if (r !== 'unknown') n += count(persons.filter((p) => p.region === r));
  return n <= MAX_COLUMNS ? n : null;
}

/**
 * The column model, or null when it would exceed `maxColumns`, or when a cohort too large for every possible team
 * has several team shapes or RHFs whose matched teams are not pinned down (see `spare`). `matched`: the pattern
 * model's optimum of RHF-matched teams; `catchmentTarget`: hold the catchment level at this many matched teams by a
 * row (a smaller search; infeasible when no teams of the columns have that many), or null for it in the objective;
 * `groupOf`: workshop groups; `conflict`: colleagues or a kept-apart pair. `complete`: every possible team is a
 * column (a small cohort), so the optimum is the best set of teams without the argument of `spare`.
 */
export function buildColumnModel(
  persons: readonly Person[],
  plan: ShapePlan,
  matched: number,
  catchmentTarget: number | null,
  groupOf: (id: string) => number | undefined,
  conflict: (a: Person, b: Person) => boolean,
  seed: string,
  previousTeamOf?: ReadonlyMap<string, number>,
  maxColumns = MAX_COLUMNS,
): (ColumnModel & { complete: boolean }) | null {
  const K = persons.filter((p) => p.sector === 'kommune').length;
  const S = persons.length - K;
  const every = plan.counts.reduce((a, c) => a + choose(K, c.shape[0]) * choose(S, c.shape[1]), 0);
  const only = plan.counts.length === 1 ? (plan.counts[0] as { shape: readonly [number, number] }).shape : null;
  const extra = only === null || only[0] === 0 || only[1] === 0 ? null : spare(persons, only, matched);
  // Every possible team for the smallest cohorts (then no argument about the RHFs is needed).
  const complete = every <= MAX_COMPLETE;
  if (!complete && extra === null) return null;
  const teams: Array<{ members: Person[]; shape: number }> = [];
  const add = (shape: number, kPool: readonly Person[], sPool: readonly Person[], keep: (team: Person[]) => boolean): boolean => {
    const [k, s] = (plan.counts[shape] as { shape: readonly [number, number] }).shape;
    for (const kk of combinations(kPool, k)) {
      if (kk.some((a, i) => kk.slice(i + 1).some((b) => conflict(a, b)))) continue;
      for (const ss of combinations(sPool, s)) {
        const team = [...kk, ...ss];
        if (team.some((a, i) => team.slice(i + 1).some((b) => conflict(a, b))) || !keep(team)) continue;
        teams.push({ members: team, shape });
        if (teams.length > maxColumns) return false;
      }
    }
    return true;
  };
  const sector = (ps: readonly Person[], x: Sector) => ps.filter((p) => p.sector === x);
  if (complete || extra === null) {
    for (let si = 0; si < plan.counts.length; si++) if (!add(si, sector(persons, 'kommune'), sector(persons, 'spesialist'), () => true)) return null;
  } else {
    for (const r of [...extra.keys()].sort()) {
      if (r === 'unknown') continue;
      const inR = persons.filter((p) => p.region === r);
      if (!add(0, sector(inR, 'kommune'), sector(inR, 'spesialist'), () => true)) return null;
    }
    const pool = persons.filter((p) => (extra.get(p.region) as Record<Sector, number>)[p.sector] > 0);
    if (!add(0, sector(pool, 'kommune'), sector(pool, 'spesialist'), (team) => regionMatch(team) === null)) return null;
  }

  const cm = columnModelOf(persons, plan, teams, complete ? null : matched, catchmentTarget, groupOf, seed, previousTeamOf);
  return cm === null ? null : { ...cm, complete };
}

/**
 * The column model over the given teams (each with its shape's index in `plan`): every participant in exactly one
 * chosen team, as many teams of each shape as the plan has. `matched`: hold the RHF-matched teams at this many by a
 * row (the columns rest on `spare`), or null for the region level in the objective; `catchmentTarget` as in
 * `buildColumnModel`.
 */
export function columnModelOf(
  persons: readonly Person[],
  plan: ShapePlan,
  teams: ReadonlyArray<{ members: readonly Person[]; shape: number }>,
  matched: number | null,
  catchmentTarget: number | null,
  groupOf: (id: string) => number | undefined,
  seed: string,
  previousTeamOf?: ReadonlyMap<string, number>,
): ColumnModel | null {
  const T = plan.counts.reduce((a, c) => a + c.teams, 0);
  const n = Math.max(...plan.counts.map((c) => c.shape[0] + c.shape[1]));
  const maxPairs = (n * (n - 1)) / 2;
  const span = 1000;
  // With `allocate --previous`, below every quality term: pairs of members who were not team-mates before.
  const keep = previousTeamOf === undefined ? 0 : maxPairs * T;
  // Levels held by rows leave the objective, which keeps its coefficients small (measured: the solver's proof then
  // takes a fraction of the time). The catchment level at `catchmentTarget`; the region level at `matched` where the
  // columns rest on `spare` (every best set of teams has that many RHF-matched teams), while with every possible team
  // a column it stays in the objective (a small cohort's most catchment matches may cost an RHF match).
  const catchmentRow = catchmentTarget !== null;
  const regionRow = matched !== null;
  const inObjective = [!catchmentRow, !regionRow, true, true, true, true];
  const [wTie, wKeep, wGender, wPairs, wRegion, wCatchment] = lexWeights([span * T, keep, T, maxPairs * T, regionRow ? 0 : T, catchmentRow ? 0 : T]) as [number, number, number, number, number, number];
  const levels = [wCatchment, wRegion, wPairs, wGender, wKeep, wTie].map((weight) => ({ terms: [] as Array<[number, number]>, weight, step: 1 }));
  const index = new Map(persons.map((p, i) => [p.id, i]));
  const rows: Array<Array<[number, number]>> = persons.map(() => []);
  const variables: Variable[] = teams.map(({ members: team }, v) => {
    let same = 0;
    let apartBefore = 0;
    for (let i = 0; i < team.length; i++) {
      for (let j = i + 1; j < team.length; j++) {
        const a = (team[i] as Person).id;
        const b = (team[j] as Person).id;
        const g = groupOf(a);
        if (g !== undefined && g === groupOf(b)) same++;
        const t = previousTeamOf?.get(a);
        if (previousTeamOf !== undefined && (t === undefined || t !== previousTeamOf.get(b))) apartBefore++;
      }
    }
    const ids = team.map((p) => p.id);
    const tb = 1 + (parseInt(lotteryKey(seed, 'teams-columns', ids.join('+')).slice(0, 8), 16) % span);
    const values = [catchmentMatch(team) ? 0 : 1, regionMatch(team) === null ? 1 : 0, same, bothGenders(team) ? 0 : 1, apartBefore, tb];
    values.forEach((x, l) => {
      if (x !== 0) levels[l]?.terms.push([v, x]);
    });
    for (const p of team) rows[index.get(p.id) as number]?.push([v, 1]);
    const weighted = values.reduce((a, x, l) => a + (inObjective[l] === true ? x * (levels[l] as { weight: number }).weight : 0), 0);
    return { name: `t_${v}`, cost: weighted, lb: 0, ub: 1, integer: true };
  });
  if (rows.some((r) => r.length === 0)) return null;
  const constraints: Constraint[] = rows.map((terms, i) => ({ name: `once_${i}`, terms, lo: 1, hi: 1 }));
  plan.counts.forEach((c, si) => {
    if (plan.counts.length > 1) constraints.push({ name: `shape_${si}`, terms: teams.flatMap((t, v) => (t.shape === si ? [[v, 1] as [number, number]] : [])), lo: c.teams, hi: c.teams });
  });
  if (catchmentRow) constraints.push({ name: 'catchment_target', terms: levels[0]?.terms ?? [], hi: T - catchmentTarget });
  if (matched !== null) constraints.push({ name: 'region_optimum', terms: levels[1]?.terms ?? [], hi: T - matched });
  return { model: { label: 'teams-columns', variables, constraints }, levels: levels.filter((_, l) => inObjective[l] === true), columns: teams.map((t) => t.members.map((p) => p.id)) };
}

/**
 * Whether `teams` are proven a best set of teams by `bound`, a lower bound on the column model's objective (its
 * relaxation's optimum, where that proved no optimum itself). They must all be columns and meet every row (the
 * catchment target, the RHF optimum); then their cost in the levels above the lottery, plus the most the lottery can
 * add, must lie within one step of the lowest of those levels above the bound. Every such level's weight is a
 * multiple of the lowest one (`lexWeights`) and the lottery's total stays below it, so no set of teams can be better
 * in any level above the lottery: the teams are as good as any, whichever of the equals the canonical optimum is.
 */
export function provenByBound(cm: ColumnModel, bound: number, teams: ReadonlyArray<readonly string[]>): boolean {
  const { levels, model } = cm;
  const lottery = levels[levels.length - 1];
  const lowest = levels[levels.length - 2];
  if (lottery === undefined || lowest === undefined || !Number.isFinite(bound)) return false;
  const key = (ids: readonly string[]): string => [...ids].sort(compareCodeUnits).join('\u0000');
  const index = new Map(cm.columns.map((ids, v) => [key(ids), v]));
  const x = new Array<number>(model.variables.length).fill(0);
  for (const team of teams) {
    const v = index.get(key(team));
    if (v === undefined || x[v] === 1) return false;
    x[v] = 1;
  }
  const value = (terms: ReadonlyArray<readonly [number, number]>): number => terms.reduce((sum, [v, a]) => sum + a * (x[v] as number), 0);
  for (const row of model.constraints) {
    const at = value(row.terms);
    if ((row.lo !== undefined && at < row.lo) || (row.hi !== undefined && at > row.hi)) return false;
  }
  const quality = levels.slice(0, -1).reduce((sum, level) => sum + level.weight * value(level.terms), 0);
  let most = 0;
  for (const [, a] of lottery.terms) most = Math.max(most, a);
  const lotteryMost = lottery.weight * teams.length * most;
  return quality + lotteryMost - bound < lowest.weight * (1 - 1e-9);
}
