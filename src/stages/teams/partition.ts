/**
 * A lower bound on the project teams' objective over EVERY valid set of teams, workshop-group term included: the
 * linear relaxation of the set partition whose columns are all possible teams of the plan's shapes (one binary per
 * team, every participant in exactly one, as many teams of each shape as the plan has), each column costing its
 * team's levels in the weights of the stage's report. Too many columns to hand a solver at once (35,156 for a
 * generated 40-seat cohort of 20 + 20), so it is solved by column generation: a restricted model starts from the
 * stage's own teams (a feasible partition), the optimum of its dual (a price per participant) prices every possible
 * team here, in JavaScript, and the teams that price below zero join it, until none does.
 *
 * The bound is never the solver's number. For any row prices π and any valid set of teams x with n_s teams of
 * shape s,
 *
 *     cost(x) = Σ_i π_i + Σ_{t ∈ x} (cost_t − Σ_{i ∈ t} π_i)  ≥  Σ_i π_i + Σ_s (the n_s least reduced costs of shape s),
 *
 * so the right-hand side, computed here over every column, bounds every set of teams whatever π the solver returned
 * (Lagrangian relaxation with the shape counts kept); at the column generation's end it equals the relaxation's
 * optimum. Set partitions' relaxations are usually tight: where it exceeds the teams' objective less one unit of the
 * lowest level, no set of teams is better (the objective is integral).
 *
 * With `caps` (the most catchment-matched teams any set can have, the catchment model's bound; the most RHF-matched
 * teams, the pattern model's), each cap's row "at most that many such teams" joins the restricted model, its price
 * σ ≤ 0, and each such team's reduced cost is cost_t − Σ π_i − σ: every set of teams meets the rows, so cost(x) ≥
 * Σ π_i + Σ σ · most + the least reduced costs, and `within` holds as before. Without them a relaxation can count
 * fractions of teams as matched (on a generated 40-seat cohort it lay 3,684 below the best set; with the catchment
 * row, on it).
 *
 * Teams with colleagues or a kept-apart pair are not columns: the caller asks only for teams without either, and every
 * set of teams with one costs more than all the levels below (`lexWeights`). Kept-together wishes are not columns'
 * business either: leaving a rule out widens the sets bounded, so the bound stays valid.
 */
import type { Solve, LinearModel } from '../../solver/types.js';
import type { Person } from '../common.js';
import { choose, combinations } from './columns.js';
import { scoreTeam, type ShapePlan, type TeamContext, type TeamScore } from './model.js';

/** Beyond this many possible teams no bound is computed (a 40-seat cohort of 20 + 20 has about 36,000; 200 seats, 24 million). */
const PARTITION_MAX_COLUMNS = 250_000;
/** Rounds of column generation at most: a count, never a time, so that the proof does not depend on the machine. */
const MAX_ROUNDS = 60;
/** Columns that join the restricted model per round at most (the least reduced costs). */
const JOIN_PER_ROUND = 100;
/** Relative rounding allowed in sums of row prices (floating point), where a team is kept for `within`. */
const BOUND_SLACK = 1e-9;
/** Reduced costs below −PRICE_TOLERANCE × (1 + |cost|) join; the bound itself needs no tolerance. */
const PRICE_TOLERANCE = 1e-9;

interface ShapeColumns {
  teams: number;
  kommune: number[][];
  spesialist: number[][];
  /** Cost of column (a, b) at a · spesialist.length + b: the team of kommune[a] and spesialist[b]; Infinity when not a column. */
  cost: Float64Array;
  /** Per cap (`Caps`, in `CAPPED` order): 1 where the column's team counts towards it. */
  counts: Uint8Array[];
}

/** The most teams of a kind any set of teams can have, where the caller has a bound: each is a row of the relaxation. */
export interface Caps {
  /** Catchment-matched teams (the catchment model's bound). */
  catchment?: number | null;
  /** RHF-matched teams (the pattern model's). */
  region?: number | null;
}
/** Which teams each cap counts. */
const CAPPED: ReadonlyArray<{ cap: keyof Caps; counts: (s: TeamScore) => boolean }> = [
  { cap: 'catchment', counts: (s) => s.notCatchment === 0 },
  { cap: 'region', counts: (s) => s.unmatched === 0 },
];

export interface PartitionBound {
  /** A lower bound on the cost of every valid set of teams without colleagues or kept-apart pairs; −Infinity when no solve gave row prices. */
  bound: number;
  /** Possible teams priced. */
  columns: number;
  /** Rounds of column generation, and the size of the restricted model's dual at the end. */
  rounds: number;
  variables: number;
  constraints: number;
  attempts: Awaited<ReturnType<Solve>>['attempts'];
  /**
   * Every possible team that can be in a set of teams costing at most `bound + slack` (in shape, then combination
   * order), or null when there are more than `max` or no prices: a team whose reduced cost at the last row prices exceeds
   * slack plus the largest of its shape's least reduced costs in the bound cannot (see `partitionBound`).
   */
  within: (slack: number, max: number) => Array<{ members: Person[]; shape: number; cost: number }> | null;
}

/** Every possible team of each shape with its cost, or null when there are more than `maxColumns`. */
function shapeColumns(persons: readonly Person[], plan: ShapePlan, ctx: TeamContext, cost: (s: TeamScore) => number, maxColumns: number): { kommune: number[]; spesialist: number[]; shapes: ShapeColumns[] } | null {
  const kommune = persons.flatMap((p, i) => (p.sector === 'kommune' ? [i] : []));
  const spesialist = persons.flatMap((p, i) => (p.sector === 'spesialist' ? [i] : []));
  const total = plan.counts.reduce((a, c) => a + choose(kommune.length, c.shape[0]) * choose(spesialist.length, c.shape[1]), 0);
  if (total > maxColumns) return null;
  const clash = (ids: readonly number[]): boolean => ids.some((a, i) => ids.slice(i + 1).some((b) => ctx.conflict(persons[a] as Person, persons[b] as Person)));
  const shapes = plan.counts.map(({ shape: [k, s], teams }) => {
    const kk = [...combinations(kommune, k)].filter((c) => !clash(c));
    const ss = [...combinations(spesialist, s)].filter((c) => !clash(c));
    const costs = new Float64Array(kk.length * ss.length);
    const counts = CAPPED.map(() => new Uint8Array(kk.length * ss.length));
    kk.forEach((a, x) => {
      ss.forEach((b, y) => {
        const members = [...a, ...b];
        if (clash(members)) {
          costs[x * ss.length + y] = Infinity;
          return;
        }
        const score = scoreTeam(members.map((i) => (persons[i] as Person).id), ctx);
        costs[x * ss.length + y] = cost(score);
        CAPPED.forEach((c, k) => {
          (counts[k] as Uint8Array)[x * ss.length + y] = c.counts(score) ? 1 : 0;
        });
      });
    });
    return { teams, kommune: kk, spesialist: ss, cost: costs, counts };
  });
  return { kommune, spesialist, shapes };
}

/**
 * The bound (see the module comment), or null when the cohort has too many possible teams or `start` is not a set of
 * columns covering everyone once (then nothing is solved). `start`: the stage's teams (member ids). Stops early
 * once the bound exceeds `enough`.
 */
export async function partitionBound(
  persons: readonly Person[],
  plan: ShapePlan,
  ctx: TeamContext,
  cost: (s: TeamScore) => number,
  start: ReadonlyArray<readonly string[]>,
  enough: number,
  solve: Solve,
  maxColumns = PARTITION_MAX_COLUMNS,
  caps: Caps = {},
): Promise<PartitionBound | null> {
  const all = shapeColumns(persons, plan, ctx, cost, maxColumns);
  if (all === null) return null;
  const index = new Map(persons.map((p, i) => [p.id, i]));
  /** A column as [shape, kommune combination, spesialist combination]; keyed `shape:a:b`. */
  const key = (s: number, a: number, b: number): string => `${s}:${a}:${b}`;
  const chosen = new Map<string, [number, number, number]>();
  const combinationIndex = all.shapes.map((sh) => ({
    kommune: new Map(sh.kommune.map((c, a) => [c.join(','), a])),
    spesialist: new Map(sh.spesialist.map((c, b) => [c.join(','), b])),
  }));
  for (const team of start) {
    const members = team.map((id) => index.get(id));
    if (members.some((i) => i === undefined)) return null;
    const k = (members as number[]).filter((i) => (persons[i] as Person).sector === 'kommune').sort((x, y) => x - y);
    const s = (members as number[]).filter((i) => (persons[i] as Person).sector === 'spesialist').sort((x, y) => x - y);
    const si = plan.counts.findIndex((c) => c.shape[0] === k.length && c.shape[1] === s.length);
    const a = combinationIndex[si]?.kommune.get(k.join(','));
    const b = combinationIndex[si]?.spesialist.get(s.join(','));
    if (a === undefined || b === undefined || !Number.isFinite((all.shapes[si] as ShapeColumns).cost[a * (all.shapes[si] as ShapeColumns).spesialist.length + b])) return null;
    chosen.set(key(si, a, b), [si, a, b]);
  }
  const covered = new Array<number>(persons.length).fill(0);
  for (const [si, a, b] of chosen.values()) {
    const sh = all.shapes[si] as ShapeColumns;
    for (const i of [...(sh.kommune[a] as number[]), ...(sh.spesialist[b] as number[])]) covered[i] = (covered[i] as number) + 1;
  }
  if (covered.some((c) => c !== 1)) return null;

  const attempts: PartitionBound['attempts'] = [];
  let bound = -Infinity;
  /** The row prices of the best bound, and the largest reduced cost each shape adds to it. */
  /** The caps the caller gave, with their column flags' index in `ShapeColumns.counts`. */
  const rows = CAPPED.flatMap((c, k) => {
    const most = caps[c.cap];
    return most === null || most === undefined ? [] : [{ k, most }];
  });
  /** A column's reduced cost at prices π (summed over its members already) and the caps' prices. */
  const reduced = (sh: ShapeColumns, at: number, members: number, sigma: readonly number[]): number => {
    let rc = (sh.cost[at] as number) - members;
    rows.forEach((row, r) => {
      rc -= (sigma[r] as number) * ((sh.counts[row.k] as Uint8Array)[at] as number);
    });
    return rc;
  };
  let best: { pi: number[]; sigma: number[]; largest: number[] } | null = null;
  let rounds = 0;
  let last: LinearModel | null = null;
  const columnCount = all.shapes.reduce((n, sh) => n + sh.cost.length, 0);
  while (rounds < MAX_ROUNDS) {
    rounds++;
    const list = [...chosen.values()];
    // The restricted model's dual, solved as a linear program of its own: a price per participant (and per shape),
    // at most each team's cost over its members. Its optimum is the restricted model's, and any solver's answer is a
    // set of prices (a solver's own row duals would tie the bound to the one solver that returns them).
    const shapes = plan.counts.length > 1;
    const capAt = persons.length + (shapes ? plan.counts.length : 0);
    const model: LinearModel = {
      label: 'teams-partition-bound',
      variables: [
        ...persons.map((_, i) => ({ name: `price_${i}`, cost: -1, lb: Number.NEGATIVE_INFINITY })),
        ...(shapes ? plan.counts.map((c, si) => ({ name: `shape_${si}`, cost: -c.teams, lb: Number.NEGATIVE_INFINITY })) : []),
        ...rows.map((row) => ({ name: `${(CAPPED[row.k] as { cap: string }).cap}_most`, cost: -row.most, lb: Number.NEGATIVE_INFINITY, ub: 0 })),
      ],
      constraints: list.map(([si, a, b], v) => {
        const sh = all.shapes[si] as ShapeColumns;
        const at = a * sh.spesialist.length + b;
        const terms: Array<[number, number]> = [...(sh.kommune[a] as number[]), ...(sh.spesialist[b] as number[])].map((i) => [i, 1]);
        if (shapes) terms.push([persons.length + si, 1]);
        rows.forEach((row, r) => {
          if ((sh.counts[row.k] as Uint8Array)[at] === 1) terms.push([capAt + r, 1]);
        });
        return { name: `t_${v}`, terms, hi: sh.cost[at] as number };
      }),
    };
    last = model;
    const r = await solve(model, { jslpSuits: false });
    attempts.push(...r.attempts);
    if (r.status !== 'optimal' || r.values === null) break;
    const pi = r.values.slice(0, persons.length);
    // The caps' prices (at most so many teams of a kind): never above 0.
    const sigma = rows.map((_, k) => Math.min(0, r.values?.[capAt + k] ?? 0));
    // The bound at these prices, and the columns that price below zero.
    let value = pi.reduce((x, y) => x + y, 0) + rows.reduce((x, row, k) => x + (sigma[k] as number) * row.most, 0);
    const largest: number[] = [];
    const joining: Array<[number, string, [number, number, number]]> = [];
    all.shapes.forEach((sh, si) => {
      const piK = sh.kommune.map((c) => c.reduce((x, i) => x + (pi[i] as number), 0));
      const piS = sh.spesialist.map((c) => c.reduce((x, i) => x + (pi[i] as number), 0));
      const least: number[] = [];
      for (let a = 0; a < sh.kommune.length; a++) {
        for (let b = 0; b < sh.spesialist.length; b++) {
          const c = sh.cost[a * sh.spesialist.length + b] as number;
          if (c === Infinity) continue;
          const rc = reduced(sh, a * sh.spesialist.length + b, (piK[a] as number) + (piS[b] as number), sigma);
          if (least.length < sh.teams || rc < (least[least.length - 1] as number)) {
            let at = least.length < sh.teams ? least.length : least.length - 1;
            if (least.length < sh.teams) least.push(rc);
            while (at > 0 && (least[at - 1] as number) > rc) {
              least[at] = least[at - 1] as number;
              at--;
            }
            least[at] = rc;
          }
          if (rc < -PRICE_TOLERANCE * (1 + Math.abs(c)) && !chosen.has(key(si, a, b))) joining.push([rc, key(si, a, b), [si, a, b]]);
        }
      }
      value += least.length < sh.teams ? Infinity : least.reduce((x, y) => x + y, 0);
      largest.push(least[least.length - 1] ?? 0);
    });
    if (value > bound) {
      bound = value;
      best = { pi, sigma, largest };
    }
    if (bound > enough || joining.length === 0) break;
    joining.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1));
    for (const [, k, col] of joining.slice(0, JOIN_PER_ROUND)) chosen.set(k, col);
  }
  if (last === null) return null;
  const prices = best;
  // A set x with n_s teams of shape s costs Σπ + Σ_{t ∈ x} rc_t; the teams of x other than j add at least the
  // n_s − 1 least reduced costs of j's shape and the n_s' least of every other shape, so rc_j ≤ cost(x) − bound +
  // (the n_s-th least of j's shape).
  const within = (slack: number, max: number): Array<{ members: Person[]; shape: number; cost: number }> | null => {
    if (prices === null) return null;
    const { pi, sigma, largest } = prices;
    const out: Array<{ members: Person[]; shape: number; cost: number }> = [];
    for (const [si, sh] of all.shapes.entries()) {
      const limit = slack + (largest[si] as number) + BOUND_SLACK * (1 + Math.abs(bound));
      const piK = sh.kommune.map((c) => c.reduce((x, i) => x + (pi[i] as number), 0));
      const piS = sh.spesialist.map((c) => c.reduce((x, i) => x + (pi[i] as number), 0));
      for (let a = 0; a < sh.kommune.length; a++) {
        for (let b = 0; b < sh.spesialist.length; b++) {
          const c = sh.cost[a * sh.spesialist.length + b] as number;
          if (c === Infinity || reduced(sh, a * sh.spesialist.length + b, (piK[a] as number) + (piS[b] as number), sigma) > limit) continue;
          if (out.length === max) return null;
          out.push({ members: [...(sh.kommune[a] as number[]), ...(sh.spesialist[b] as number[])].map((i) => persons[i] as Person), shape: si, cost: c });
        }
      }
    }
    return out;
  };
  return { bound, columns: columnCount, rounds, variables: last.variables.length, constraints: last.constraints.length, attempts, within };
}
