/**
 * Backend: javascript-lp-solver 1.0.3. Runs inside the solver worker (it blocks its thread).
 *
 * Quirks handled here (measured on 1.0.3):
 * - the default import is typed, under `module: nodenext`, as the whole CommonJS module, while at run
 *   time it is the solver object: `resolveJslp` accepts either shape once and fails loudly otherwise;
 * - `feasible: false` comes with nonsense values: they are never read;
 * - its `timeout` is only checked between branch-and-bound nodes, and after a timeout it may return
 *   `feasible: true` with the last (fractional) node and no flag, or an integral incumbent that is not
 *   proven optimal: any answer that took at least 90 % of its own time limit is reported `timed_out`,
 *   and integrality is re-checked by the adapter anyway;
 * - `tolerance` is relative to the root LP and unreliable: always 0;
 * - with cycle detection on (its default) a simplex that cycles marks its node infeasible, which can
 *   prune the optimum or fake infeasibility: a solve whose model logged a cycle is never trusted.
 */
import jslpImport from 'javascript-lp-solver';
import { toNonNegativeForm, fromColumns, type BackendAnswer, type BackendOptions } from './backend.js';
import type { LinearModel } from './types.js';

/** The JSON model format of javascript-lp-solver (the subset used here). */
export interface JslpModel {
  optimize: string;
  opType: 'min' | 'max';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  ints: Record<string, 1>;
  options: { tolerance: number; timeout: number; exitOnCycles: boolean };
}

/** What `Solve` returns without `full`. */
export interface JslpAnswer {
  feasible: boolean;
  result: number;
  bounded?: boolean;
  isIntegral?: boolean;
  [variable: string]: number | boolean | undefined;
}

/** The one function of the library used here. */
export interface JslpApi {
  Solve(model: JslpModel, precision?: number, full?: boolean, validate?: boolean): unknown;
  /** Set by `Solve`; its `messages` record detected simplex cycles. */
  lastSolvedModel?: { messages?: unknown[] } | null;
}

function hasSolve(x: unknown): x is JslpApi {
  return (typeof x === 'object' || typeof x === 'function') && x !== null && typeof (x as { Solve?: unknown }).Solve === 'function';
}

/**
 * The solver object from whatever the module system handed us: the object itself (Node ESM, the `.mjs`
 * build) or a namespace/CommonJS wrapper with it under `default`.
 */
export function resolveJslp(imported: unknown): JslpApi {
  if (hasSolve(imported)) return imported;
  const inner = typeof imported === 'object' && imported !== null ? (imported as { default?: unknown }).default : undefined;
  if (hasSolve(inner)) return inner;
  throw new TypeError('javascript-lp-solver: the import has no Solve function (neither the default export nor its .default)');
}

/** Resolved once per process; throws at first use if the package shape ever changes. */
let api: JslpApi | undefined;
export function jslp(): JslpApi {
  api ??= resolveJslp(jslpImport as unknown);
  return api;
}

const OBJ = '__cost';

/** Translate a model; variable `i` becomes column keys `y<col>`, rows `r<k>`. */
export function toJslpModel(model: LinearModel, timeLimitMs: number): { json: JslpModel; form: ReturnType<typeof toNonNegativeForm> } {
  const form = toNonNegativeForm(model);
  const variables: JslpModel['variables'] = {};
  const ints: JslpModel['ints'] = {};
  form.costs.forEach((c, col) => {
    variables[`y${col}`] = { [OBJ]: c };
    if (form.integer[col] === true) ints[`y${col}`] = 1;
  });
  const constraints: JslpModel['constraints'] = {};
  form.rows.forEach((row, k) => {
    const key = `r${k}`;
    if (row.lo === row.hi) constraints[key] = { equal: row.lo };
    else {
      const b: { min?: number; max?: number } = {};
      if (Number.isFinite(row.lo)) b.min = row.lo;
      if (Number.isFinite(row.hi)) b.max = row.hi;
      constraints[key] = b;
    }
    for (const [col, a] of row.terms) {
      const v = variables[`y${col}`];
      if (v !== undefined) v[key] = a;
    }
  });
  return {
    json: {
      optimize: OBJ,
      opType: 'min',
      constraints,
      variables,
      ints,
      options: { tolerance: 0, timeout: Math.max(1, Math.floor(timeLimitMs)), exitOnCycles: true },
    },
    form,
  };
}

/** Solve with javascript-lp-solver (blocking). */
export function solveJslp(model: LinearModel, opts: BackendOptions): BackendAnswer {
  const { json, form } = toJslpModel(model, opts.timeLimitMs);
  if (form.triviallyInfeasible !== null) return { status: 'infeasible', values: null, bound: null, note: form.triviallyInfeasible };
  const hasIntegers = form.integer.some((b) => b);
  const t0 = Date.now();
  const raw = jslp().Solve(json) as JslpAnswer;
  const elapsed = Date.now() - t0;
  const ranOutOfTime = hasIntegers && elapsed >= 0.9 * json.options.timeout;
  const cycled = (jslp().lastSolvedModel?.messages ?? []).some((m) => typeof m === 'string' && m.startsWith('Cycle'));
  if (raw.feasible !== true) {
    if (cycled) return { status: 'error', values: null, bound: null, note: 'simplex cycle detected: answer not trusted' };
    if (ranOutOfTime) return { status: 'timed_out', values: null, bound: null, note: `own time limit ${json.options.timeout} ms, no solution` };
    // An LP's infeasibility is the simplex's verdict; a MIP's is a full search's, which the adapter
    // does not take as proof on its own (see index.ts).
    return { status: 'infeasible', values: null, bound: null, note: hasIntegers ? 'reported infeasible after branch and bound' : 'reported infeasible' };
  }
  if (raw.bounded === false) return { status: 'unbounded', values: null, bound: null };
  const values = fromColumns(form, (col) => {
    const v = raw[`y${col}`];
    return typeof v === 'number' ? v : 0;
  });
  if (cycled) return { status: 'error', values, bound: null, note: 'simplex cycle detected: optimality not trusted' };
  if (ranOutOfTime) {
    return { status: 'timed_out', values, bound: null, note: `own time limit ${json.options.timeout} ms: best solution so far, not proven${raw.isIntegral === true ? '' : ' (no integral solution flagged)'}` };
  }
  if (hasIntegers && raw.isIntegral !== true) {
    return { status: 'timed_out', values, bound: null, note: 'no integral solution flagged (isIntegral missing)' };
  }
  return { status: 'optimal', values, bound: null };
}
