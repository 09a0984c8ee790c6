/**
 * Seeded random integer programs: all three solvers must agree with an enumeration of every integer
 * point, on status and optimal objective; each returned assignment must be feasible and reach that
 * objective (the assignment itself may differ between solvers: ties are allowed).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeSolvers, solve } from '../../src/solver/index.js';
import type { SolverName } from '../../src/solver/types.js';
import { bruteForce, feasible, objective, randomMip } from './helpers.js';

afterAll(async () => {
  await closeSolvers();
});

const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);
const SOLVERS: SolverName[] = ['jslp', 'yalps', 'highs'];

describe('random small MIPs', () => {
  it('the seeds cover both feasible and infeasible models', () => {
    const optima = SEEDS.map((s) => bruteForce(randomMip(s)));
    expect(optima.filter((o) => o === null).length).toBeGreaterThan(3);
    expect(optima.filter((o) => o !== null).length).toBeGreaterThan(30);
  });

  it.each(SEEDS)('seed %i: every solver matches enumeration', async (seed) => {
    const model = randomMip(seed);
    const expected = bruteForce(model);
    for (const solver of SOLVERS) {
      // javascript-lp-solver alone cannot prove an integer model infeasible: HiGHS confirms it.
      const chain: SolverName[] = solver === 'jslp' && expected === null ? ['jslp', 'highs'] : [solver];
      const r = await solve(model, { solvers: chain });
      if (expected === null) {
        expect(r.status, `${solver} on seed ${seed}`).toBe('infeasible');
        expect(r.values).toBeNull();
      } else {
        expect(r.status, `${solver} on seed ${seed}`).toBe('optimal');
        expect(r.solver).toBe(solver);
        expect(r.objective).toBe(expected);
        expect(feasible(model, r.values ?? [])).toBe(true);
        expect(objective(model, r.values ?? [])).toBe(expected);
      }
    }
  });
});

describe('random small LPs (continuous)', () => {
  it.each(SEEDS.slice(0, 30))('seed %i: the three solvers agree on status and objective', async (seed) => {
    const mip = randomMip(seed);
    const model = { ...mip, variables: mip.variables.map((v) => ({ ...v, integer: false })) };
    const results = [];
    for (const solver of SOLVERS) results.push(await solve(model, { solvers: [solver] }));
    const statuses = new Set(results.map((r) => r.status));
    expect(statuses.size, JSON.stringify(results.map((r) => r.attempts))).toBe(1);
    const first = results[0];
    if (first?.status === 'optimal') {
      for (const r of results) {
        expect(feasible(model, r.values ?? [])).toBe(true);
        expect(r.objective).toBeCloseTo(first.objective ?? Number.NaN, 6);
      }
      // The integer optimum can only be worse than (or equal to) the LP relaxation's.
      const intOpt = bruteForce(mip);
      if (intOpt !== null) expect(intOpt).toBeGreaterThanOrEqual((first.objective ?? 0) - 1e-6);
    } else expect(first?.status).toBe('infeasible');
  });
});
