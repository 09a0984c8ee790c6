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
import { effectiveBounds, packModel, type BackendAnswer, type BackendOptions, type PackedModel } from './backend.js';
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

/**
 * Translate a packed model (`packModel`) into HiGHS's column/row arrays (CSR matrix), typed arrays throughout:
 * a worker's first solve runs this code cold, where building arrays of objects cost 47 ms on the bundled sample's
 * column model (3,876 × 42). A row's repeated variable indices are merged and zero coefficients dropped (HiGHS
 * refuses duplicates).
 */
function toHighsModel(p: PackedModel, inf: number): ModelData {
  const n = p.varNames.length;
  const m = p.rowNames.length;
  const colCost = new Float64Array(n);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  const integrality = new Int32Array(n);
  let anyInteger = false;
  for (let j = 0; j < n; j++) {
    const integer = p.varInteger[j] === 1;
    const [lb, ub] = effectiveBounds({ name: '', cost: 0, lb: p.varData[3 * j + 1] as number, ub: p.varData[3 * j + 2] as number, integer });
    colCost[j] = p.varData[3 * j] as number;
    colLower[j] = Number.isFinite(lb) ? lb : -inf;
    colUpper[j] = Number.isFinite(ub) ? ub : inf;
    if (integer) {
      integrality[j] = 1;
      anyInteger = true;
    }
  }
  const nnz = p.termIndex.length;
  const starts = new Int32Array(m + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  /** Where variable j's term went in the current row (offset + 1), 0 when not yet: merges duplicates in one pass. */
  const at = new Int32Array(n);
  const seenIn = new Int32Array(n).fill(-1);
  let k = 0;
  for (let r = 0; r < m; r++) {
    const rowStart = k;
    for (let t = p.rowStarts[r] as number; t < (p.rowStarts[r + 1] as number); t++) {
      const j = p.termIndex[t] as number;
      if (j < 0 || j >= n) throw new RangeError(`constraint ${p.rowNames[r]} refers to variable ${j}, the model has ${n}`);
      if (seenIn[j] === r) values[(at[j] as number) - 1] = (values[(at[j] as number) - 1] as number) + (p.termValue[t] as number);
      else {
        seenIn[j] = r;
        indices[k] = j;
        values[k] = p.termValue[t] as number;
        at[j] = ++k;
      }
    }
    // Drop what merged to zero, keeping the order.
    let w = rowStart;
    for (let q = rowStart; q < k; q++) {
      if (values[q] === 0) continue;
      indices[w] = indices[q] as number;
      values[w] = values[q] as number;
      w++;
    }
    k = w;
    starts[r + 1] = k;
    const lo = p.rowBounds[2 * r] as number;
    const hi = p.rowBounds[2 * r + 1] as number;
    rowLower[r] = Number.isFinite(lo) ? lo : -inf;
    rowUpper[r] = Number.isFinite(hi) ? hi : inf;
  }
  return {
    numCols: n,
    numRows: m,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: m, numCols: n, starts, indices: indices.subarray(0, k), values: values.subarray(0, k) },
    ...(anyInteger ? { integrality } : {}),
  };
}

const MS = { optimal: 7, infeasible: 8, unboundedOrInfeasible: 9, unbounded: 10, timeLimit: 13, iterationLimit: 14, solutionLimit: 16, interrupted: 17 } as const;

/** Solve with HiGHS (blocking once the runtime is loaded). */
export async function solveHighs(model: LinearModel, opts: BackendOptions): Promise<BackendAnswer> {
  return solvePacked(packModel(model).packed, opts);
}

/** Solve a packed model (`packModel`, as the worker receives it) with HiGHS, without unpacking it first. */
export async function solvePacked(model: PackedModel, opts: BackendOptions): Promise<BackendAnswer> {
  const highs = await highsRuntime();
  const data = toHighsModel(model, highs.infinity);
  const isMip = data.integrality !== undefined;
  const offset = model.offset;

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
      const solution = hasPrimal ? m.getSolution() : null;
      const values = solution !== null ? Array.from(solution.colValue) : null;
      const dualBound = isMip ? Number(m.info.get('mip_dual_bound')) : Number.NaN;
      const bound = Number.isFinite(dualBound) ? dualBound + offset : null;
      switch (status) {
        case MS.optimal: {
          const duals = !isMip && solution !== null && solution.rowDual.length === data.numRows ? Array.from(solution.rowDual) : null;
          return { status: 'optimal', values, bound, ...(duals !== null ? { rowDuals: duals } : {}) };
        }
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
