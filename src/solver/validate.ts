/**
 * The adapter's own check of a solver's answer: whatever a solver claims, its values must satisfy every
 * bound and row of the model (within tolerance), integer variables must be integral within 1e-6 (then
 * they are rounded), and the objective is recomputed from the values, never taken from the solver.
 */
import { effectiveBounds } from './backend.js';
import type { LinearModel } from './types.js';

/** Integrality tolerance: a value within this of an integer is rounded to it. */
const INTEGRALITY_TOL = 1e-6;
/** Feasibility tolerance, scaled by 1 + |bound| (and by the row's largest |coefficient·value|). */
const FEASIBILITY_TOL = 1e-6;

export type Checked =
  | { ok: true; values: number[]; objective: number }
  | { ok: false; problem: string };

/** Re-check values against the model. */
export function checkValues(model: LinearModel, raw: readonly number[]): Checked {
  const n = model.variables.length;
  if (raw.length !== n) return { ok: false, problem: `expected ${n} values, got ${raw.length}` };
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = model.variables[i];
    const x = raw[i];
    if (v === undefined || x === undefined || !Number.isFinite(x)) return { ok: false, problem: `variable ${v?.name ?? i} has no finite value` };
    let val = x;
    if (v.integer === true) {
      const r = Math.round(x);
      if (Math.abs(x - r) > INTEGRALITY_TOL) return { ok: false, problem: `integer variable ${v.name} = ${x} is fractional` };
      val = r === 0 ? 0 : r; // no -0
    }
    const [lb, ub] = effectiveBounds(v);
    const tol = (b: number) => FEASIBILITY_TOL * (1 + Math.abs(b));
    if (val < lb - tol(lb) || val > ub + tol(ub)) return { ok: false, problem: `variable ${v.name} = ${val} outside [${lb}, ${ub}]` };
    // Clamp the tolerated excess so downstream never sees a value outside its bounds.
    values.push(Math.min(Math.max(val, lb), ub));
  }
  for (const c of model.constraints) {
    let act = 0;
    let scale = 0;
    for (const [j, a] of c.terms) {
      const t = a * (values[j] ?? Number.NaN);
      act += t;
      scale = Math.max(scale, Math.abs(t));
    }
    if (Number.isNaN(act)) return { ok: false, problem: `constraint ${c.name} refers to a missing variable` };
    const lo = c.lo ?? Number.NEGATIVE_INFINITY;
    const hi = c.hi ?? Number.POSITIVE_INFINITY;
    const tol = (b: number) => FEASIBILITY_TOL * (1 + Math.max(Math.abs(b), scale));
    if (act < lo - tol(lo)) return { ok: false, problem: `constraint ${c.name}: ${act} < ${lo}` };
    if (act > hi + tol(hi)) return { ok: false, problem: `constraint ${c.name}: ${act} > ${hi}` };
  }
  return { ok: true, values, objective: objectiveOf(model, values) };
}

/** Objective (incl. offset) of values in model order. */
function objectiveOf(model: LinearModel, values: readonly number[]): number {
  let s = model.offset ?? 0;
  model.variables.forEach((v, i) => {
    s += v.cost * (values[i] ?? 0);
  });
  return s;
}
