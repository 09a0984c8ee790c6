/** The solver policy, declared once in `solver/policy.ts`: which solvers try a model, in which order, with which deadline. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_MS, JSLP_FIRST_DEADLINE_MS, SMALL_MODEL_ROWS, SMALL_MODEL_VARIABLES, solverSteps } from '../../src/solver/policy.js';
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

describe('solverSteps', () => {
  it('small models: javascript-lp-solver for at most JSLP_FIRST_DEADLINE_MS, then HiGHS and YALPS with the full default deadline', () => {
    expect(solverSteps(knapsack)).toEqual([
      { solvers: ['jslp'], deadlineMs: JSLP_FIRST_DEADLINE_MS },
      { solvers: ['highs', 'yalps'], deadlineMs: DEFAULT_DEADLINE_MS },
    ]);
    expect(solverSteps(sized(SMALL_MODEL_VARIABLES, SMALL_MODEL_ROWS))[0]?.solvers).toEqual(['jslp']);
  });

  it('the caller\'s deadline applies to every step; javascript-lp-solver never gets more than it', () => {
    expect(solverSteps(knapsack, { deadlineMs: 5_000 })).toEqual([
      { solvers: ['jslp'], deadlineMs: JSLP_FIRST_DEADLINE_MS },
      { solvers: ['highs', 'yalps'], deadlineMs: 5_000 },
    ]);
    expect(solverSteps(knapsack, { deadlineMs: 300 })).toEqual([
      { solvers: ['jslp'], deadlineMs: 300 },
      { solvers: ['highs', 'yalps'], deadlineMs: 300 },
    ]);
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
});
