/**
 * Backend: HiGHS (npm `highs`, WebAssembly). Runs inside the solver worker; the WebAssembly module is
 * loaded once per worker (0.5–0.8 s on a cold machine), which is why the adapter keeps a warm worker.
 *
 * Uses the persistent model API with the model passed as arrays (no LP-format text round trip).
 * Options: relative MIP gap 0 (its default 1e-4 would stop short of optimal), absolute gap at its
 * default 1e-6 (model builders keep objectives integral or well above that scale), a fixed random
 * seed, no output, and a time limit a little inside the worker's hard deadline.
 */
import highsImport, { type Highs, type ModelData } from 'highs';
import { effectiveBounds, mergeTerms, type BackendAnswer, type BackendOptions } from './backend.js';
import type { LinearModel } from './types.js';

type Loader = () => Promise<Highs>;

/**
 * The loader function from whatever the module system handed us. `highs` is a CommonJS package whose
 * types declare an ES default export: under `module: nodenext` TypeScript types the default import as
 * the whole module, while Node's ESM entry (`highs.mjs`) gives the function itself.
 */
export function resolveHighsLoader(imported: unknown): Loader {
  if (typeof imported === 'function') return imported as Loader;
  const inner = typeof imported === 'object' && imported !== null ? (imported as { default?: unknown }).default : undefined;
  if (typeof inner === 'function') return inner as Loader;
  throw new TypeError('highs: the import is not a loader function (neither the default export nor its .default)');
}

let runtime: Promise<Highs> | undefined;
/** The loaded WebAssembly runtime (loaded on first use, then shared by every solve in this thread). */
export function highsRuntime(): Promise<Highs> {
  runtime ??= resolveHighsLoader(highsImport as unknown)();
  return runtime;
}

/** Translate a model into HiGHS's column/row arrays (CSR matrix). */
function toHighsModel(model: LinearModel, inf: number): ModelData {
  const n = model.variables.length;
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const integrality: Array<0 | 1> = [];
  for (const v of model.variables) {
    const [lb, ub] = effectiveBounds(v);
    colLower.push(Number.isFinite(lb) ? lb : -inf);
    colUpper.push(Number.isFinite(ub) ? ub : inf);
    integrality.push(v.integer === true ? 1 : 0);
  }
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const c of model.constraints) {
    for (const [j, a] of mergeTerms(c.terms)) {
      if (j < 0 || j >= n) throw new RangeError(`constraint ${c.name} refers to variable ${j}, the model has ${n}`);
      indices.push(j);
      values.push(a);
    }
    starts.push(indices.length);
    rowLower.push(c.lo === undefined || !Number.isFinite(c.lo) ? -inf : c.lo);
    rowUpper.push(c.hi === undefined || !Number.isFinite(c.hi) ? inf : c.hi);
  }
  const m = model.constraints.length;
  return {
    numCols: n,
    numRows: m,
    colCost: model.variables.map((v) => v.cost),
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values },
    ...(integrality.some((x) => x === 1) ? { integrality } : {}),
  };
}

const MS = { optimal: 7, infeasible: 8, unboundedOrInfeasible: 9, unbounded: 10, timeLimit: 13, iterationLimit: 14, solutionLimit: 16, interrupted: 17 } as const;

/** Solve with HiGHS (blocking once the runtime is loaded). */
export async function solveHighs(model: LinearModel, opts: BackendOptions): Promise<BackendAnswer> {
  const highs = await highsRuntime();
  const data = toHighsModel(model, highs.infinity);
  const isMip = data.integrality !== undefined;
  const offset = model.offset ?? 0;

  const run = (presolve: 'choose' | 'off'): BackendAnswer => {
    const m = highs.createModel(data);
    try {
      m.options.set({
        output_flag: false,
        mip_rel_gap: 0,
        random_seed: 0,
        presolve,
        time_limit: Math.max(0.001, opts.timeLimitMs / 1000),
      });
      const status = m.run().modelStatus;
      const hasPrimal = Number(m.info.get('primal_solution_status')) === 2;
      const values = hasPrimal ? Array.from(m.getSolution().colValue) : null;
      const dualBound = isMip ? Number(m.info.get('mip_dual_bound')) : Number.NaN;
      const bound = Number.isFinite(dualBound) ? dualBound + offset : null;
      switch (status) {
        case MS.optimal:
          return { status: 'optimal', values, bound };
        case MS.infeasible:
          return { status: 'infeasible', values: null, bound: null };
        case MS.unbounded:
          return { status: 'unbounded', values: null, bound: null };
        case MS.unboundedOrInfeasible:
          return { status: 'error', values: null, bound: null, note: 'HiGHS: infeasible or unbounded' };
        case MS.timeLimit:
        case MS.iterationLimit:
        case MS.solutionLimit:
        case MS.interrupted:
          return { status: 'timed_out', values, bound, note: `HiGHS stopped at a limit (model status ${status})` };
        default:
          return { status: 'error', values: null, bound: null, note: `HiGHS model status ${status}` };
      }
    } finally {
      m.dispose();
    }
  };

  const first = run('choose');
  // Presolve may not tell infeasible from unbounded; without it the simplex does.
  if (first.status === 'error' && first.note === 'HiGHS: infeasible or unbounded') return run('off');
  return first;
}
