/**
 * Backend: YALPS 0.6 (a rewrite of javascript-lp-solver with a real status). Runs inside the solver
 * worker. Like javascript-lp-solver it has no variable bounds and assumes x ≥ 0, so the model goes
 * through the non-negative form. Its iteration and pivot caps are lifted (they would report
 * `timedout`/`cycled` on larger models); the worker's hard deadline bounds the time instead.
 */
import { solve as yalpsSolve, type Model, type Constraint, type Options } from 'yalps';
import { toNonNegativeForm, fromColumns, type BackendAnswer, type BackendOptions, type NonNegativeForm } from './backend.js';
import type { LinearModel } from './types.js';

const OBJ = '__cost';

/** Translate a model into YALPS's format (columns `y<col>`, rows `r<k>`). */
export function toYalpsModel(model: LinearModel): { yalps: Model<string, string>; form: NonNegativeForm } {
  const form = toNonNegativeForm(model);
  const coefficients: Array<Array<[string, number]>> = form.costs.map((c) => [[OBJ, c]]);
  const constraints = new Map<string, Constraint>();
  form.rows.forEach((row, k) => {
    const key = `r${k}`;
    if (row.lo === row.hi) constraints.set(key, { equal: row.lo });
    else {
      const b: { min?: number; max?: number } = {};
      if (Number.isFinite(row.lo)) b.min = row.lo;
      if (Number.isFinite(row.hi)) b.max = row.hi;
      constraints.set(key, b);
    }
    for (const [col, a] of row.terms) coefficients[col]?.push([key, a]);
  });
  const variables = new Map<string, Array<[string, number]>>();
  coefficients.forEach((co, col) => variables.set(`y${col}`, co));
  const integers = new Set<string>();
  form.integer.forEach((isInt, col) => {
    if (isInt) integers.add(`y${col}`);
  });
  return { yalps: { direction: 'minimize', objective: OBJ, constraints, variables, integers }, form };
}

/** Solve with YALPS (blocking). */
export function solveYalps(model: LinearModel, opts: BackendOptions): BackendAnswer {
  const { yalps, form } = toYalpsModel(model);
  if (form.triviallyInfeasible !== null) return { status: 'infeasible', values: null, bound: null, note: form.triviallyInfeasible };
  const options: Options = {
    tolerance: 0,
    timeout: Math.max(1, Math.floor(opts.timeLimitMs)),
    maxIterations: Number.POSITIVE_INFINITY,
    maxPivots: Number.POSITIVE_INFINITY,
    checkCycles: true,
    includeZeroVariables: false,
  };
  const sol = yalpsSolve(yalps, options);
  const read = (): number[] => {
    const byKey = new Map(sol.variables);
    return fromColumns(form, (col) => byKey.get(`y${col}`) ?? 0);
  };
  switch (sol.status) {
    case 'optimal':
      return { status: 'optimal', values: read(), bound: null };
    case 'infeasible':
      return { status: 'infeasible', values: null, bound: null };
    case 'unbounded':
      return { status: 'unbounded', values: null, bound: null };
    case 'timedout':
      return Number.isNaN(sol.result)
        ? { status: 'timed_out', values: null, bound: null, note: `own time limit ${options.timeout} ms, no solution` }
        : { status: 'timed_out', values: read(), bound: null, note: `own time limit ${options.timeout} ms: best solution so far, not proven` };
    case 'cycled':
      return { status: 'error', values: null, bound: null, note: 'simplex cycled' };
  }
}
