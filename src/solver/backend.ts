/**
 * What every backend (jslp, highs, yalps) shares: the raw answer it hands back to the adapter, and the
 * translation of a `LinearModel` into the "non-negative variables, bounds as rows" form that the two
 * JavaScript solvers need (neither has variable bounds, both assume x ≥ 0).
 *
 * A backend's answer is a claim, not a result: the adapter (`index.ts`) re-checks every value it
 * returns before anything downstream sees it.
 */
import type { LinearModel, SolveStatus } from './types.js';

/** What a backend claims. Values are in model order (original variables), unvalidated. */
export interface BackendAnswer {
  status: SolveStatus;
  /** Claimed values, or null when the solver gave none worth reading. */
  values: number[] | null;
  /** A proven lower bound on the objective (incl. offset) when the solver reports one, else null. */
  bound: number | null;
  /** Why the answer is not optimal, or a quirk that was detected. */
  note?: string;
  /**
   * An optimal answer to a model without integer variables may carry its row duals (shadow prices), one per model
   * row in order. A claim like the rest: only ever used as Lagrangian multipliers, whose bound the user computes.
   */
  rowDuals?: number[];
}

/** Part of the remaining time the backend's own limit may use, so it can stop gracefully before the hard deadline. */
export const OWN_LIMIT_SHARE = 0.85;

/** Options a backend gets from the worker. */
export interface BackendOptions {
  /**
   * Milliseconds the backend may use for its own, graceful time limit (the worker is killed at the
   * hard deadline regardless). Always > 0.
   */
  timeLimitMs: number;
}

/** One row of the non-negative form: sparse terms over the transformed columns. */
export interface NnRow {
  terms: Array<[number, number]>;
  lo: number;
  hi: number;
}

/**
 * A model over columns y ≥ 0. Original variable i is `shift[i] + Σ_k sign_k · y[col_k]` over its
 * columns (one column, or two for a free variable).
 */
export interface NonNegativeForm {
  /** Cost of each column. */
  costs: number[];
  /** Whether each column is integer. */
  integer: boolean[];
  /** Constraint rows (the model's own rows, then one `y ≤ u` row per finite upper bound). */
  rows: NnRow[];
  /** How many of `rows` are the model's own constraints (the rest are bound rows). */
  modelRows: number;
  /** Per original variable: constant shift and the columns (with sign) that make it up. */
  map: Array<{ shift: number; cols: Array<[number, number]> }>;
  /** Constant added to the objective by the shifts (not incl. the model's offset). */
  shiftCost: number;
  /** A row with no terms whose bounds exclude 0, or a variable whose bounds cross: no solution at all. */
  triviallyInfeasible: string | null;
}

/** Merge duplicate variable indices in a row and drop zero coefficients. Order: by variable index. */
export function mergeTerms(terms: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const acc = new Map<number, number>();
  for (const [j, a] of terms) acc.set(j, (acc.get(j) ?? 0) + a);
  return [...acc.entries()].filter(([, a]) => a !== 0).sort((x, y) => x[0] - y[0]);
}

/** Effective bounds of a variable; integer bounds are tightened to integers. */
export function effectiveBounds(v: LinearModel['variables'][number]): [number, number] {
  let lb = v.lb ?? 0;
  let ub = v.ub ?? Number.POSITIVE_INFINITY;
  if (v.integer === true) {
    lb = Number.isFinite(lb) ? Math.ceil(lb - 1e-9) : lb;
    ub = Number.isFinite(ub) ? Math.floor(ub + 1e-9) : ub;
  }
  return [lb, ub];
}

/** Translate to columns y ≥ 0 (see `NonNegativeForm`). */
export function toNonNegativeForm(model: LinearModel): NonNegativeForm {
  const costs: number[] = [];
  const integer: boolean[] = [];
  const map: NonNegativeForm['map'] = [];
  const boundRows: NnRow[] = [];
  let shiftCost = 0;
  let triviallyInfeasible: string | null = null;

  model.variables.forEach((v, i) => {
    const [lb, ub] = effectiveBounds(v);
    const isInt = v.integer === true;
    if (lb > ub) triviallyInfeasible ??= `variable ${v.name} (index ${i}) has bounds [${lb}, ${ub}]`;
    if (Number.isFinite(lb)) {
      // x = lb + y, 0 ≤ y ≤ ub − lb
      const col = costs.length;
      costs.push(v.cost);
      integer.push(isInt);
      map.push({ shift: lb, cols: [[col, 1]] });
      shiftCost += v.cost * lb;
      if (Number.isFinite(ub)) boundRows.push({ terms: [[col, 1]], lo: Number.NEGATIVE_INFINITY, hi: ub - lb });
    } else if (Number.isFinite(ub)) {
      // x = ub − y, y ≥ 0
      const col = costs.length;
      costs.push(-v.cost);
      integer.push(isInt);
      map.push({ shift: ub, cols: [[col, -1]] });
      shiftCost += v.cost * ub;
    } else {
      // free: x = y⁺ − y⁻
      const colP = costs.length;
      costs.push(v.cost, -v.cost);
      integer.push(isInt, isInt);
      map.push({ shift: 0, cols: [[colP, 1], [colP + 1, -1]] });
    }
  });

  const rows: NnRow[] = [];
  for (const c of model.constraints) {
    const lo = c.lo ?? Number.NEGATIVE_INFINITY;
    const hi = c.hi ?? Number.POSITIVE_INFINITY;
    let constant = 0;
    const acc = new Map<number, number>();
    for (const [j, a] of mergeTerms(c.terms)) {
      const m = map[j];
      if (m === undefined) throw new RangeError(`constraint ${c.name} refers to variable ${j}, the model has ${model.variables.length}`);
      constant += a * m.shift;
      for (const [col, sign] of m.cols) acc.set(col, (acc.get(col) ?? 0) + a * sign);
    }
    const terms = [...acc.entries()].filter(([, a]) => a !== 0).sort((x, y) => x[0] - y[0]);
    const rlo = lo - constant;
    const rhi = hi - constant;
    if (lo > hi) triviallyInfeasible ??= `constraint ${c.name} has bounds [${lo}, ${hi}]`;
    if (terms.length === 0) {
      if (rlo > 1e-9 || rhi < -1e-9) triviallyInfeasible ??= `constraint ${c.name} has no terms and bounds [${lo}, ${hi}] exclude its value ${constant}`;
      continue;
    }
    rows.push({ terms, lo: rlo, hi: rhi });
  }
  const modelRows = rows.length;
  rows.push(...boundRows);
  return { costs, integer, rows, modelRows, map, shiftCost, triviallyInfeasible };
}

/** Original-variable values from column values (missing columns read as 0). */
export function fromColumns(form: NonNegativeForm, colValue: (col: number) => number): number[] {
  return form.map.map(({ shift, cols }) => cols.reduce((s, [col, sign]) => s + sign * colValue(col), shift));
}

/**
 * A `LinearModel` packed into flat typed arrays for `postMessage`: cloning millions of small
 * `[index, coefficient]` arrays blocks the main thread for a noticeable time (0.6 s at 2 million terms),
 * typed arrays are transferred instead.
 */
export interface PackedModel {
  label: string;
  offset: number;
  varNames: string[];
  /** cost, lb, ub per variable (lb/ub as given, ±Infinity for absent). */
  varData: Float64Array;
  varInteger: Uint8Array;
  rowNames: string[];
  /** lo, hi per row (±Infinity for absent). */
  rowBounds: Float64Array;
  rowStarts: Int32Array;
  termIndex: Int32Array;
  termValue: Float64Array;
}

export function packModel(model: LinearModel): { packed: PackedModel; transfer: ArrayBuffer[] } {
  const n = model.variables.length;
  const m = model.constraints.length;
  const varData = new Float64Array(3 * n);
  const varInteger = new Uint8Array(n);
  model.variables.forEach((v, i) => {
    varData[3 * i] = v.cost;
    varData[3 * i + 1] = v.lb ?? 0;
    varData[3 * i + 2] = v.ub ?? Number.POSITIVE_INFINITY;
    varInteger[i] = v.integer === true ? 1 : 0;
  });
  let nnz = 0;
  for (const c of model.constraints) nnz += c.terms.length;
  const rowBounds = new Float64Array(2 * m);
  const rowStarts = new Int32Array(m + 1);
  const termIndex = new Int32Array(nnz);
  const termValue = new Float64Array(nnz);
  let k = 0;
  model.constraints.forEach((c, r) => {
    rowBounds[2 * r] = c.lo ?? Number.NEGATIVE_INFINITY;
    rowBounds[2 * r + 1] = c.hi ?? Number.POSITIVE_INFINITY;
    for (const [j, a] of c.terms) {
      termIndex[k] = j;
      termValue[k] = a;
      k++;
    }
    rowStarts[r + 1] = k;
  });
  const packed: PackedModel = {
    label: model.label,
    offset: model.offset ?? 0,
    varNames: model.variables.map((v) => v.name),
    varData,
    varInteger,
    rowNames: model.constraints.map((c) => c.name),
    rowBounds,
    rowStarts,
    termIndex,
    termValue,
  };
  return { packed, transfer: [varData.buffer, varInteger.buffer, rowBounds.buffer, rowStarts.buffer, termIndex.buffer, termValue.buffer] as ArrayBuffer[] };
}

export function unpackModel(p: PackedModel): LinearModel {
  const variables: LinearModel['variables'] = p.varNames.map((name, i) => {
    const lb = p.varData[3 * i + 1] ?? 0;
    const ub = p.varData[3 * i + 2] ?? Number.POSITIVE_INFINITY;
    return {
      name,
      cost: p.varData[3 * i] ?? 0,
      ...(lb !== 0 ? { lb } : {}),
      ...(ub !== Number.POSITIVE_INFINITY ? { ub } : {}),
      ...(p.varInteger[i] === 1 ? { integer: true } : {}),
    };
  });
  const constraints: LinearModel['constraints'] = p.rowNames.map((name, r) => {
    const from = p.rowStarts[r] ?? 0;
    const to = p.rowStarts[r + 1] ?? from;
    const terms: Array<readonly [number, number]> = [];
    for (let k = from; k < to; k++) terms.push([p.termIndex[k] ?? 0, p.termValue[k] ?? 0]);
    const lo = p.rowBounds[2 * r] ?? Number.NEGATIVE_INFINITY;
    const hi = p.rowBounds[2 * r + 1] ?? Number.POSITIVE_INFINITY;
    return { name, terms, ...(lo !== Number.NEGATIVE_INFINITY ? { lo } : {}), ...(hi !== Number.POSITIVE_INFINITY ? { hi } : {}) };
  });
  return { label: p.label, variables, constraints, ...(p.offset !== 0 ? { offset: p.offset } : {}) };
}
