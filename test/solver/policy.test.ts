/** The solver policy, declared once in `solver/policy.ts`: which solvers try a model, in which order, with which deadline. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_MS, IN_THREAD_ROWS, IN_THREAD_TERMS, IN_THREAD_VARIABLES, JSLP_FIRST_DEADLINE_MS, MAX_DEADLINE_MS, deadlineFromSeconds, suggestedTimeLimit, SMALL_MODEL_ROWS, SMALL_MODEL_VARIABLES, solverSteps, wasmTier } from '../../src/solver/policy.js';
import type { LinearModel } from '../../src/solver/types.js';
import { denseLp, knapsack } from './helpers.js';

/** A model of the given size (the policy looks at the size only). */
function sized(variables: number, rows: number): LinearModel {
  return {
    label: 'sized',
    variables: Array.from({ length: variables }, (_, i) => ({ name: `v${i}`, cost: 1 })),
    constraints: Array.from({ length: rows }, (_, i) => ({ name: `r${i}`, terms: [[0, 1]] as Array<[number, number]>, hi: 1 })),
  };
}

describe('wasmTier', () => {
  const integerModel = (variables: number, rows: number): LinearModel => {
    const m = sized(variables, rows);
    return { ...m, variables: m.variables.map((v) => ({ ...v, integer: true })) };
  };
  it.each([
    { what: 'an integer model of 5,000 × 3,000', model: integerModel(5_000, 3_000), tier: 'liftoff' },
    { what: 'an integer model of 3,001 rows', model: integerModel(100, 3_001), tier: 'optimising' },
    { what: 'an integer model of 5,001 variables', model: integerModel(5_001, 42), tier: 'optimising' },
    { what: 'a linear program of 40,000 × 42', model: sized(40_000, 42), tier: 'liftoff' },
    { what: 'a linear program of 40,001 variables', model: sized(40_001, 42), tier: 'optimising' },
    { what: 'a linear program of 3,001 rows', model: sized(100, 3_001), tier: 'optimising' },
  ])('$what: $tier', ({ model, tier }) => {
    expect(wasmTier(model)).toBe(tier);
  });
  it('a size to prepare for is an integer model unless it says it is a linear program', () => {
    expect(wasmTier({ variables: 12_000, constraints: 42 })).toBe('optimising');
    expect(wasmTier({ variables: 12_000, constraints: 42, integer: false })).toBe('liftoff');
  });
});

describe('solverSteps', () => {
  it('small models: YALPS on the calling thread (javascript-lp-solver in a worker beyond IN_THREAD_*) for at most JSLP_FIRST_DEADLINE_MS, then HiGHS and YALPS with the full default deadline', () => {
    expect(solverSteps(knapsack)).toEqual([
      { solvers: ['yalps'], deadlineMs: JSLP_FIRST_DEADLINE_MS, inThread: true },
      { solvers: ['highs', 'yalps'], deadlineMs: DEFAULT_DEADLINE_MS },
    ]);
    expect(solverSteps(sized(SMALL_MODEL_VARIABLES, SMALL_MODEL_ROWS))[0]?.solvers).toEqual(['jslp']);
  });

  it('the caller\'s deadline applies to every step; javascript-lp-solver never gets more than it', () => {
    expect(solverSteps(knapsack, { deadlineMs: 5_000 })).toEqual([
      { solvers: ['yalps'], deadlineMs: JSLP_FIRST_DEADLINE_MS, inThread: true },
      { solvers: ['highs', 'yalps'], deadlineMs: 5_000 },
    ]);
    expect(solverSteps(knapsack, { deadlineMs: 300 })).toEqual([
      { solvers: ['yalps'], deadlineMs: 300, inThread: true },
      { solvers: ['highs', 'yalps'], deadlineMs: 300 },
    ]);
  });

  it.each([
    { what: 'a budget below the deadline: HiGHS alone, within the budget', options: { budgetMs: 3_000 }, steps: [{ solvers: ['highs'], deadlineMs: 3_000 }] },
    { what: 'a budget above the deadline: the deadline', options: { budgetMs: 60_000, deadlineMs: 5_000 }, steps: [{ solvers: ['highs'], deadlineMs: 5_000 }] },
    { what: 'the caller\'s solvers, within the budget', options: { budgetMs: 2_000, solvers: ['yalps'] as const }, steps: [{ solvers: ['yalps'], deadlineMs: 2_000 }] },
  ])('optional work ($what)', ({ options, steps }) => {
    for (const model of [knapsack, sized(5_000, 50)]) expect(solverSteps(model, options)).toEqual(steps);
  });

  it('only models within IN_THREAD_VARIABLES × IN_THREAD_ROWS and IN_THREAD_TERMS are solved on the calling thread', () => {
    expect(solverSteps(sized(IN_THREAD_VARIABLES, IN_THREAD_ROWS))[0]).toMatchObject({ solvers: ['yalps'], inThread: true });
    expect(solverSteps(sized(IN_THREAD_VARIABLES + 1, 10))[0]?.inThread).toBeUndefined();
    expect(solverSteps(sized(10, IN_THREAD_ROWS + 1))[0]?.inThread).toBeUndefined();
    const dense = sized(IN_THREAD_VARIABLES, 20);
    const terms = Array.from({ length: IN_THREAD_VARIABLES }, (_, j) => [j, 1] as [number, number]);
    const wide = { ...dense, constraints: dense.constraints.map((c) => ({ ...c, terms })) };
    expect(20 * IN_THREAD_VARIABLES).toBeGreaterThan(IN_THREAD_TERMS);
    expect(solverSteps(wide)[0]?.inThread).toBeUndefined();
    // Every step after the first, and an explicit chain, runs in a worker that the deadline terminates.
    expect(solverSteps(knapsack).slice(1).every((s) => s.inThread === undefined)).toBe(true);
    expect(solverSteps(knapsack, { solvers: ['jslp'] })[0]?.inThread).toBeUndefined();
  });

  it('large models, or models javascript-lp-solver cycles on, go to HiGHS first', () => {
    const highsFirst = [{ solvers: ['highs', 'yalps'], deadlineMs: DEFAULT_DEADLINE_MS }];
    expect(solverSteps(sized(SMALL_MODEL_VARIABLES + 1, 10))).toEqual(highsFirst);
    expect(solverSteps(sized(10, SMALL_MODEL_ROWS + 1))).toEqual(highsFirst);
    expect(solverSteps(denseLp(450))).toEqual(highsFirst);
    expect(solverSteps(knapsack, { jslpSuits: false })).toEqual(highsFirst);
  });

  it('an explicit chain is one step with the full deadline; an empty one means the policy', () => {
    expect(solverSteps(knapsack, { solvers: ['yalps', 'jslp'], deadlineMs: 700 })).toEqual([{ solvers: ['yalps', 'jslp'], deadlineMs: 700 }]);
    expect(solverSteps(denseLp(450), { solvers: ['jslp'] })).toEqual([{ solvers: ['jslp'], deadlineMs: DEFAULT_DEADLINE_MS }]);
    expect(solverSteps(knapsack, { solvers: [] })).toEqual(solverSteps(knapsack));
  });

  it('holds any deadline within the timer\'s range (Node fires a longer delay at once)', () => {
    expect(solverSteps(knapsack, { deadlineMs: 1e12 }).at(-1)?.deadlineMs).toBe(MAX_DEADLINE_MS);
    expect(solverSteps(knapsack, { deadlineMs: 0 }).at(-1)?.deadlineMs).toBe(1);
  });
});

describe('--time-limit: the accepted range, declared once', () => {
  it.each([
    [0.001, 1],
    [0.05, 50],
    [20, 20_000],
    [2147483.647, 2 ** 31 - 1],
  ])('%s s is a deadline of %s ms', (seconds, ms) => {
    expect(deadlineFromSeconds(seconds)).toEqual({ ms });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.0004, 2147483.648, 2147484])('%s s is refused, with the reason', (seconds) => {
    expect(deadlineFromSeconds(seconds)).toMatchObject({ problem: expect.stringMatching(/^expected /) as unknown });
  });

  it('after a run without a result: ten times as long, at least the default, never beyond the range', () => {
    expect(suggestedTimeLimit(50)).toBe(20);
    expect(suggestedTimeLimit(20_000)).toBe(200);
    expect(suggestedTimeLimit(MAX_DEADLINE_MS)).toBe(2147483);
    expect(deadlineFromSeconds(suggestedTimeLimit(MAX_DEADLINE_MS))).toEqual({ ms: 2147483000 });
  });
});
