/**
 * The canonical optimum (`solver/canonical.ts`): on seeded small integer programs full of ties, every solver alone,
 * solvers mixed from phase to phase, and a first solver that is starved, all return the one solution an enumeration
 * of every integer point names: the lexicographically smallest (or largest) among the optima.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalSolve, type RawSolve } from '../../src/solver/canonical.js';
import { closeSolvers, solve } from '../../src/solver/index.js';
import type { CanonicalTies, LinearModel, ObjectiveLevel, SolverName } from '../../src/solver/types.js';
import { feasible, prng, randInt } from './helpers.js';

afterAll(async () => {
  await closeSolvers();
});

/**
 * A random bounded integer program with many equal optima: 4–6 variables in [0, 1..2], 1–3 rows, and an objective
 * of two levels with coefficients in {0, 1} (the lower level's weight exceeds its range, as a stage's would).
 */
function tiedMip(seed: number): { model: LinearModel; levels: ObjectiveLevel[] } {
  const rnd = prng(seed);
  const n = randInt(rnd, 4, 6);
  const ub = Array.from({ length: n }, () => randInt(rnd, 1, 2));
  const high = Array.from({ length: n }, () => randInt(rnd, 0, 1));
  const low = Array.from({ length: n }, () => randInt(rnd, 0, 1));
  const weight = 1 + low.reduce((a, c, i) => a + c * (ub[i] as number), 0);
  const variables = ub.map((u, i) => ({ name: `x${i}`, cost: weight * (high[i] as number) + (low[i] as number), ub: u, integer: true }));
  const constraints = Array.from({ length: randInt(rnd, 1, 3) }, (_, k) => {
    const terms: Array<[number, number]> = [];
    for (let j = 0; j < n; j++) if (rnd() < 0.7) terms.push([j, randInt(rnd, 1, 2)]);
    return { name: `r${k}`, terms, lo: randInt(rnd, 1, 3), hi: randInt(rnd, 3, 6) };
  });
  const level = (coef: number[], w: number): ObjectiveLevel => ({ terms: coef.flatMap((c, i) => (c !== 0 ? [[i, c] as const] : [])), weight: w, step: 1 });
  return { model: { label: `tied-${seed}`, variables, constraints }, levels: [level(high, weight), level(low, 1)] };
}

/** Every integer point, feasible ones only. */
function points(model: LinearModel): number[][] {
  const out: number[][] = [];
  const x: number[] = [];
  const rec = (i: number): void => {
    if (i === model.variables.length) {
      if (feasible(model, x)) out.push([...x]);
      return;
    }
    for (let k = 0; k <= (model.variables[i]?.ub ?? 0); k++) {
      x[i] = k;
      rec(i + 1);
    }
  };
  rec(0);
  return out;
}

/** Lexicographically optimal over the levels in order, then the smallest (largest) vector; null when infeasible. */
function enumerate(model: LinearModel, levels: readonly ObjectiveLevel[], prefer: 'min' | 'max'): number[] | null {
  let best = points(model);
  for (const level of levels) {
    const value = (x: number[]) => level.terms.reduce((s, [j, a]) => s + a * (x[j] as number), 0);
    const m = Math.min(...best.map(value));
    best = best.filter((x) => value(x) === m);
  }
  const sign = prefer === 'min' ? 1 : -1;
  best.sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return sign * ((a[i] as number) - (b[i] as number));
    return 0;
  });
  return best[0] ?? null;
}

const SEEDS = Array.from({ length: 16 }, (_, i) => 500 + i);
const SOLVERS: SolverName[] = ['jslp', 'highs', 'yalps'];

describe('enumeration', () => {
  it('the seeds have ties: most feasible models have several optima', () => {
    let tied = 0;
    for (const seed of SEEDS) {
      const { model, levels } = tiedMip(seed);
      const all = points(model);
      if (all.length === 0) continue;
      const cost = (x: number[]) => model.variables.reduce((s, v, i) => s + v.cost * (x[i] as number), 0);
      const best = Math.min(...all.map(cost));
      if (all.filter((x) => cost(x) === best).length > 1) tied++;
      expect(levels).toHaveLength(2);
    }
    expect(tied).toBeGreaterThanOrEqual(SEEDS.length / 4);
  });
});

describe.each(['min', 'max'] as const)('canonical optimum, prefer %s', (prefer) => {
  it.each(SEEDS)('seed %i: each solver alone gives the enumerated solution', async (seed) => {
    const { model, levels } = tiedMip(seed);
    const expected = enumerate(model, levels, prefer);
    // With the relaxation first too (phase 0, and its duals for the later phases): the same answer.
    for (const solver of SOLVERS) {
      for (const relaxation of [undefined, 'first'] as const) {
        const r = await solve(model, { solvers: [solver], canonical: { levels, prefer, ...(relaxation !== undefined ? { relaxation } : {}) } });
        if (expected === null) {
          expect(r.values, solver).toBeNull();
          continue;
        }
        expect(r, `${solver}, relaxation ${relaxation ?? 'not'} first: ${JSON.stringify(r.attempts)}`).toMatchObject({ status: 'optimal', canonical: true });
        expect(r.values, `${solver}, relaxation ${relaxation ?? 'not'} first`).toEqual(expected);
      }
    }
  });
});

describe('canonical optimum, whichever solver answers each phase', () => {
  /** A phase solver that takes the next solver of a seeded shuffle on every call. */
  function mixed(seed: number): RawSolve {
    const rnd = prng(seed);
    return (model, hints) => solve(model, { ...hints, solvers: [SOLVERS[randInt(rnd, 0, 2)] as SolverName, 'highs'] });
  }
  /** javascript-lp-solver starved: its attempt ends at the deadline without an answer, then HiGHS answers. */
  const starved: RawSolve = async (model, hints) => {
    const r = await solve(model, { ...hints, solvers: ['highs'] });
    return { ...r, attempts: [{ solver: 'jslp', status: 'timed_out', ms: 1000, note: 'deadline 1000 ms: worker terminated' }, ...r.attempts] };
  };

  it.each(SEEDS)('seed %i: mixed and starved solvers give the enumerated solution', async (seed) => {
    const { model, levels } = tiedMip(seed);
    const expected = enumerate(model, levels, 'min');
    for (const raw of [mixed(seed), starved]) {
      const r = await canonicalSolve(model, { levels }, raw);
      if (expected === null) expect(r.values).toBeNull();
      else expect(r).toMatchObject({ status: 'optimal', canonical: true, values: expected });
    }
  });
});

describe('levels left out of the objective, and continuous variables', () => {
  /**
   * Three items, two seats (x0 + x1 + x2 = 2); a shortfall s ≥ 1 − x2 (continuous, at its best an integer) costs
   * most; the objective has no tie-break, which `then` supplies: x0 costs 1, x1 costs 2 there.
   */
  const model: LinearModel = {
    label: 'seats',
    variables: [
      { name: 'x0', cost: 0, ub: 1, integer: true },
      { name: 'x1', cost: 0, ub: 1, integer: true },
      { name: 'x2', cost: 0, ub: 1, integer: true },
      { name: 's', cost: 10, ub: 1 },
    ],
    constraints: [
      { name: 'seats', terms: [[0, 1], [1, 1], [2, 1]], lo: 2, hi: 2 },
      { name: 'short', terms: [[2, 1], [3, 1]], lo: 1 },
    ],
  };
  const ties: CanonicalTies = { levels: [{ terms: [[3, 1]], weight: 10, step: 1 }], then: [{ terms: [[0, 1], [1, 2]], weight: 0, step: 1 }] };

  it.each(SOLVERS)('%s: the objective, then the later level, then the order; the shortfall at its best', async (solver) => {
    const r = await solve(model, { solvers: [solver], canonical: ties });
    expect(r).toMatchObject({ status: 'optimal', canonical: true, objective: 0, values: [1, 0, 1, 0] });
    // The relaxation first: it proves nothing here (several optima), and the later phases give the same answer.
    const first = await solve(model, { solvers: [solver], canonical: { ...ties, relaxation: 'first' } });
    expect(first).toMatchObject({ status: 'optimal', canonical: true, objective: 0, values: [1, 0, 1, 0] });
  });

  it('levels that do not add up to the costs are a bug, reported before any solve', async () => {
    await expect(solve(model, { canonical: { levels: [{ terms: [[3, 1]], weight: 9, step: 1 }] } })).rejects.toThrow(/cost 9, the model 10/);
  });

  it('a phase without a proof leaves the first optimum, marked not canonical', async () => {
    let calls = 0;
    const raw: RawSolve = async (m, hints) => {
      calls++;
      if (calls === 1) return solve(m, { ...hints, solvers: ['highs'] });
      return { status: 'timed_out', solver: 'highs', values: null, objective: null, bound: null, gap: null, attempts: [{ solver: 'highs', status: 'timed_out', ms: 5 }] };
    };
    const r = await canonicalSolve(model, ties, raw);
    expect(r).toMatchObject({ status: 'optimal', canonical: false, objective: 0 });
    expect(r.attempts.at(-1)).toMatchObject({ status: 'timed_out' });
  });
});

describe('relaxation first (set partitions)', () => {
  /**
   * A random set partition: 4–6 elements, every singleton (so that a partition exists) and 3–6 random subsets as
   * columns, each in exactly one chosen column; two levels, the number of columns and a low one mostly 0, so that
   * some seeds have a unique optimum and some several.
   */
  function partition(seed: number): { model: LinearModel; levels: ObjectiveLevel[] } {
    const rnd = prng(seed);
    const m = randInt(rnd, 4, 6);
    const columns: number[][] = Array.from({ length: m }, (_, e) => [e]);
    for (let k = randInt(rnd, 3, 6); k > 0; k--) {
      const set = Array.from({ length: m }, (_, e) => e).filter(() => rnd() < 0.5);
      if (set.length > 1) columns.push(set);
    }
    const high = columns.map(() => 1);
    const low = columns.map(() => (rnd() < 0.3 ? 1 : 0));
    const weight = 1 + columns.length;
    const variables = columns.map((_, j) => ({ name: `c${j}`, cost: weight * (high[j] as number) + (low[j] as number), ub: 1, integer: true }));
    const constraints = Array.from({ length: m }, (_, e) => ({ name: `e${e}`, terms: columns.flatMap((c, j) => (c.includes(e) ? [[j, 1] as [number, number]] : [])), lo: 1, hi: 1 }));
    const level = (coef: number[], w: number): ObjectiveLevel => ({ terms: coef.flatMap((c, i) => (c !== 0 ? [[i, c] as const] : [])), weight: w, step: 1 });
    return { model: { label: `partition-${seed}`, variables, constraints }, levels: [level(high, weight), level(low, 1)] };
  }

  it.each(SOLVERS)('%s alone: the enumerated solution on every seed, proven by two linear programs where it is the only optimum', async (solver) => {
    let byRelaxation = 0;
    let fellBack = 0;
    for (const seed of SEEDS) {
      const { model, levels } = partition(seed);
      const expected = enumerate(model, levels, 'min');
      const unique = points(model).filter((x) => levels.every((l) => l.terms.reduce((s, [j, a]) => s + a * (x[j] as number), 0) === l.terms.reduce((s, [j, a]) => s + a * ((expected as number[])[j] as number), 0))).length === 1;
      let calls = 0;
      const raw: RawSolve = (mm, hints) => {
        calls++;
        return solve(mm, { ...hints, solvers: [solver] });
      };
      const r = await canonicalSolve(model, { levels, relaxation: 'first' }, raw);
      expect(r, `seed ${seed}`).toMatchObject({ status: 'optimal', canonical: true, values: expected });
      if (calls <= 2) {
        // Two linear programs proved it (one, when the first one's duals fix every variable): only right when it is
        // the only optimum.
        expect(unique, `seed ${seed}`).toBe(true);
        byRelaxation++;
      } else fellBack++;
    }
    // The seeds exercise both paths.
    expect(byRelaxation).toBeGreaterThan(0);
    expect(fellBack).toBeGreaterThan(0);
  });

  it('row duals of the relaxation, right or wrong, leave every answer as enumerated; right ones shrink the second program', async () => {
    // The duals only ever serve as Lagrangian multipliers whose bound is computed from the model (reduced-cost
    // fixing): a solver's wrong ones may cost the shortcut, never the answer.
    const distortions: Array<[string, (y: number[], rnd: () => number) => number[]]> = [
      ['as HiGHS gives them', (y) => y],
      ['negated', (y) => y.map((v) => -v)],
      ['scaled by 3', (y) => y.map((v) => 3 * v)],
      ['random', (y, rnd) => y.map(() => (rnd() - 0.5) * 20)],
      ['one too few', (y) => y.slice(1)],
    ];
    let shrunk = 0;
    for (const [name, distort] of distortions) {
      for (const seed of SEEDS) {
        const { model, levels } = partition(seed);
        const expected = enumerate(model, levels, 'min');
        const rnd = prng(seed + 1);
        const sizes: number[] = [];
        const raw: RawSolve = async (mm, hints) => {
          sizes.push(mm.variables.length);
          const r = await solve(mm, { ...hints, solvers: ['highs'] });
          return r.rowDuals === undefined ? r : { ...r, rowDuals: distort(r.rowDuals, rnd) };
        };
        const r = await canonicalSolve(model, { levels, relaxation: 'first' }, raw);
        expect(r, `${name}, seed ${seed}`).toMatchObject({ status: 'optimal', canonical: true, values: expected });
        if (name === 'as HiGHS gives them' && sizes.length <= 2 && (sizes[1] ?? 0) < model.variables.length) shrunk++;
      }
    }
    expect(shrunk).toBeGreaterThan(0);
  });

  it('an integral relaxation optimum that is not the only one is never taken for it, whatever duals come with it', async () => {
    // Elements {0, 1}; columns {0}, {1}, {0, 1} at costs 1, 1, 2: {0}+{1} and {0, 1} tie. The first program's
    // answer is {0}+{1} (a true optimum) with the duals below; the canonical optimum is the smaller vector [0, 0, 1].
    const model: LinearModel = {
      label: 'tie',
      variables: [1, 1, 2].map((cost, j) => ({ name: `c${j}`, cost, ub: 1, integer: true })),
      constraints: [
        { name: 'e0', terms: [[0, 1], [2, 1]], lo: 1, hi: 1 },
        { name: 'e1', terms: [[1, 1], [2, 1]], lo: 1, hi: 1 },
      ],
    };
    const levels: ObjectiveLevel[] = [{ terms: [[0, 1], [1, 1], [2, 2]], weight: 1, step: 1 }];
    for (const duals of [[1, 1], [0.5, 0.5], [0, 0], [5, -5], [100, 100], [-100, 3]]) {
      // The relaxation and then the first integer solve both answer {0}+{1}; every later phase is HiGHS's. With the
      // duals [0.5, 0.5] column {0, 1} costs exactly the answer's cost at their bound: it may not be fixed at 0.
      const raw: RawSolve = async (mm, hints) => {
        if (mm.label === 'tie:relaxation' || mm.label === 'tie') {
          return { status: 'optimal', solver: 'highs', values: [1, 1, 0], objective: 2, bound: 2, gap: 0, attempts: [{ solver: 'highs', status: 'optimal', ms: 0 }], ...(mm.label === 'tie:relaxation' ? { rowDuals: duals } : {}) };
        }
        return solve(mm, { ...hints, solvers: ['highs'] });
      };
      const r = await canonicalSolve(model, { levels, relaxation: 'first' }, raw);
      expect(r, `duals ${duals.join(', ')}`).toMatchObject({ status: 'optimal', canonical: true, values: [0, 0, 1] });
    }
  });

  it('a fractional relaxation (three pairs of three elements) falls back to the integer solves', async () => {
    // Pairs {0,1}, {1,2}, {0,2} cost 1, singletons cost 1: the relaxation takes each pair at ½ (cost 1.5), the
    // integer optimum is a pair and a singleton (cost 2), three ways; the smallest vector is pair {0,2} and {1}.
    const cols = [[0, 1], [1, 2], [0, 2], [0], [1], [2]];
    const model: LinearModel = {
      label: 'odd-cycle',
      variables: cols.map((_, j) => ({ name: `c${j}`, cost: 1, ub: 1, integer: true })),
      constraints: [0, 1, 2].map((e) => ({ name: `e${e}`, terms: cols.flatMap((c, j) => (c.includes(e) ? [[j, 1] as [number, number]] : [])), lo: 1, hi: 1 })),
    };
    const levels: ObjectiveLevel[] = [{ terms: cols.map((_, j) => [j, 1] as const), weight: 1, step: 1 }];
    for (const solver of SOLVERS) {
      const r = await solve(model, { solvers: [solver], canonical: { levels, relaxation: 'first' } });
      expect(r, solver).toMatchObject({ status: 'optimal', canonical: true, objective: 2, values: [0, 0, 1, 0, 1, 0] });
      // `only`: no integer search after the two linear programs, and no values.
      const only = await solve(model, { solvers: [solver], canonical: { levels, relaxation: 'only' } });
      expect(only, solver).toMatchObject({ status: 'error', values: null, canonical: false });
      expect(only.attempts.at(-1)?.note).toMatch(/not integral/);
    }
  });

  it('an infeasible relaxation is an infeasible model, without integer solves', async () => {
    // Two elements, one column covering both twice over: no partition, not even a fractional one.
    const model: LinearModel = {
      label: 'none',
      variables: [{ name: 'c0', cost: 1, ub: 1, integer: true }],
      constraints: [{ name: 'e0', terms: [[0, 1]], lo: 1, hi: 1 }, { name: 'e1', terms: [[0, 2]], lo: 1, hi: 1 }],
    };
    let calls = 0;
    const raw: RawSolve = (m, hints) => {
      calls++;
      return solve(m, { ...hints, solvers: ['highs'] });
    };
    const r = await canonicalSolve(model, { levels: [{ terms: [[0, 1]], weight: 1, step: 1 }], relaxation: 'first' }, raw);
    expect(r).toMatchObject({ status: 'infeasible', values: null });
    expect(calls).toBe(1);
  });
});
