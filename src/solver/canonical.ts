/**
 * The canonical optimum: one answer per model, whichever solver proves it and however fast the machine is.
 *
 * A model may have several optimal solutions (equal-cost groupings, swaps whose tie-break costs sum to the same
 * total). javascript-lp-solver, HiGHS and YALPS each return one of them, and not the same one, so the answer
 * would depend on which solver answered. Here the answer is, by definition,
 *
 *     x* = among the optimal solutions (the objective, then each of `CanonicalTies.then` in turn), the one whose
 *          INTEGER variables, read in model order, form the lexicographically smallest vector (largest with
 *          `prefer: 'max'`),
 *
 * which is a single vector, as a lexicographic order is total. It is computed by solves that each prove an
 * optimum, and any solver may answer any of them:
 *
 * 1. Solve the model. The stage describes its objective as lexicographic levels (`CanonicalTies.levels`): every
 *    optimum has the same value at every level, so the optima are exactly the solutions that meet the **level
 *    rows** "level ≤ its value in this optimum + step/2". A level's best value over the continuous variables is a
 *    multiple of its step, so half a step to spare admits no worse integer values, and no rounding error keeps out
 *    an optimum. The rows carry the levels' small coefficients; a single row over the weighted objective, with
 *    coefficients up to 10^7 and a bound tight to half a unit, makes javascript-lp-solver and YALPS fail (YALPS
 *    then calls a model infeasible that HiGHS solves).
 * 2. Each level of `then`, in turn: minimise it under the rows so far, then add its own row.
 * 3. **Uniqueness check** (one solve): the best solution that differs from the answer so far in some integer
 *    variable (a no-good cut), by the objective — by the last level of `then`, the others as rows, when there are
 *    such. It ties the answer at every level exactly when the answer is not the only optimum; if it is worse, or
 *    there is none (proven infeasible), the answer is x*. The usual case: the stages' objectives end in a seeded
 *    tie-break.
 * 4. Otherwise **lexicographic descent**: walk the integer variables in model order, keeping an incumbent (an
 *    optimum that agrees with every variable fixed so far). A variable whose incumbent value is already its bound
 *    in the preferred direction has that bound as its value in x*: fix it, no solve. Else minimise a block of the
 *    following variables at once, Σ w_k·x_k with w_k = Π_{l > k} (range_l + 1) over the block, which orders the
 *    block's box lexicographically and gives every box point its own sum (below 2^16, see `BLOCK_SPAN`), under
 *    the rows and the fixings: the optimum is x*'s block; fix it; the answer is the new incumbent.
 * 5. With every integer variable fixed, the continuous variables at their best for the objective (one LP).
 *
 * 0. **Relaxation first** (`CanonicalTies.relaxation`, for models whose relaxation is usually integral, such as
 *    set partitions, and for larger models, whose searches the relaxation's duals shrink; see below): solve the
 *    linear relaxation. An answer x̂ integral in the integer variables is an optimum (the relaxation's optimum is
 *    a bound on every integer point). Then one more linear program: the most any point of the relaxation can move
 *    away from x̂ (Σ|x − x̂| over the variables, each at a bound in x̂) with every level at most its value at x̂.
 *    Every optimum meets those rows and lies at least 1 away from x̂ if it differs from it in an integer variable,
 *    so a most below 1/2 proves x̂ the only optimum: it is x* (whatever `then` and `prefer` say, which only choose
 *    among optima). An infeasible relaxation proves the model infeasible. Otherwise, or
 *    when a program ends without a proof, phases 1–5 as usual. Two linear programs instead of a branch-and-bound
 *    search and its uniqueness check (measured on the bundled sample's column model of project teams, 3,876 × 42:
 *    0.2 s against 3.2 s with HiGHS).
 *    With the relaxation's row duals (HiGHS gives them), reduced-cost fixing (`forcedValues`) holds most variables
 *    at their value before the second program, and, when phases 1–5 follow, before phases 2–5: every optimum costs
 *    what phase 1's answer costs, and a variable whose other values would cost more is fixed by its bounds there.
 * Phases 2, 4 and 5 add the levels' plain sum to their objective (`guide`), which changes no answer, and go to
 * HiGHS first in the default chain. If a phase ends without a proof (time limit, error), the answer of 1 is returned,
 * marked `canonical: false`: still optimal, but which optimum may depend on the solver.
 */
import { effectiveBounds, mergeTerms } from './backend.js';
import { checkValues } from './validate.js';
import type { CanonicalTies, Constraint, LinearModel, ModelHints, ObjectiveLevel, SolveAttempt, SolveResult, Variable } from './types.js';

/** How a phase is solved: the adapter's policy solve (or a test's fake), without canonicalisation. */
export type RawSolve = (model: LinearModel, hints?: ModelHints) => Promise<SolveResult>;

/**
 * Largest weighted sum of one block in the lexicographic descent. A solver accepts integer values within 1e-6
 * (HiGHS's and the adapter's integrality tolerance), so a block's computed objective may be off by at most
 * 1e-6 · Σ w_k < 1e-6 · BLOCK_SPAN ≈ 0.07: less than half the unit by which two box points differ.
 */
const BLOCK_SPAN = 2 ** 16;

/** Passes of bound propagation in `variableBounds`. */
const PROPAGATION_PASSES = 3;

/**
 * Bounds of each variable: its own (integer-rounded), tightened by a few passes of bound propagation over the
 * rows (the least and most each row's other terms can add up to). Valid for every feasible point; tighter ranges
 * make larger blocks in the lexicographic descent.
 */
function variableBounds(model: LinearModel): { lo: number[]; hi: number[] } {
  const lo: number[] = [];
  const hi: number[] = [];
  for (const v of model.variables) {
    const [l, u] = effectiveBounds(v);
    lo.push(l);
    hi.push(u);
  }
  const rows = model.constraints.map((c) => ({ terms: mergeTerms(c.terms), lo: c.lo ?? Number.NEGATIVE_INFINITY, hi: c.hi ?? Number.POSITIVE_INFINITY }));
  const tighten = (j: number, l: number, u: number): void => {
    // Rounding in the division must never cut off a feasible value: integers round outwards of a small margin,
    // continuous bounds get a margin.
    const integer = model.variables[j]?.integer === true;
    if (Number.isFinite(l)) l = integer ? Math.ceil(l - 1e-9) : l - 1e-9 * (1 + Math.abs(l));
    if (Number.isFinite(u)) u = integer ? Math.floor(u + 1e-9) : u + 1e-9 * (1 + Math.abs(u));
    if (l > (lo[j] as number)) lo[j] = l;
    if (u < (hi[j] as number)) hi[j] = u;
  };
  for (let pass = 0; pass < PROPAGATION_PASSES; pass++) {
    for (const row of rows) {
      // Least and most of Σ a·x over the row; each term's share, to take it out again.
      let least = 0;
      let most = 0;
      const share = row.terms.map(([j, a]) => {
        const min = a > 0 ? a * (lo[j] as number) : a * (hi[j] as number);
        const max = a > 0 ? a * (hi[j] as number) : a * (lo[j] as number);
        least += min;
        most += max;
        return { min, max };
      });
      row.terms.forEach(([j, a], k) => {
        const { min, max } = share[k] as { min: number; max: number };
        const othersLeast = least - min;
        const othersMost = most - max;
        // Infinite sums of the others tell nothing (and ∞ − ∞ must not be read).
        const up = Number.isFinite(row.hi) && Number.isFinite(othersLeast) ? (row.hi - othersLeast) / a : a > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
        const down = Number.isFinite(row.lo) && Number.isFinite(othersMost) ? (row.lo - othersMost) / a : a > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        if (a > 0) tighten(j, down, up);
        else tighten(j, up, down);
      });
    }
  }
  return { lo, hi };
}

/** Value of a level at `x` (without its constant). */
function levelValue(level: ObjectiveLevel, x: readonly number[]): number {
  return level.terms.reduce((sum, [j, a]) => sum + a * (x[j] as number), 0);
}

/** The levels must add up to the model's costs; anything else is a bug in the model builder. */
function checkLevels(model: LinearModel, levels: readonly ObjectiveLevel[]): void {
  const cost = model.variables.map(() => 0);
  for (const level of levels) for (const [j, a] of level.terms) cost[j] = (cost[j] ?? 0) + level.weight * a;
  model.variables.forEach((v, j) => {
    const c = cost[j] as number;
    if (Math.abs(c - v.cost) > 1e-9 * Math.max(1, Math.abs(v.cost))) {
      throw new Error(`canonical solve of ${model.label}: the objective levels give variable ${v.name} the cost ${c}, the model ${v.cost}`);
    }
  });
}

/** The model with the rows "level ≤ its value at x + step/2" added. */
function withLevelRows(model: LinearModel, levels: readonly ObjectiveLevel[], x: readonly number[], tag: string): LinearModel {
  const rows: Constraint[] = levels.flatMap((level, l) =>
    level.terms.length === 0 ? [] : [{ name: `canonical:${tag}${l}`, terms: level.terms, hi: levelValue(level, x) + level.step / 2 }],
  );
  return { ...model, constraints: [...model.constraints, ...rows] };
}

/**
 * The levels' plain sum, Σ_levels Σ coefficient·variable. It is constant on the optima (every level at its
 * optimal value), so adding it to a phase's objective changes no answer, while it steers the relaxations towards
 * the optima. Without it javascript-lp-solver and YALPS search blindly for integer points of the level rows:
 * measured on a 39-participant group model, 20 s timeouts against 0.1–2 s with it.
 */
function guide(model: LinearModel, levels: readonly ObjectiveLevel[]): number[] {
  const cost = model.variables.map(() => 0);
  for (const level of levels) for (const [j, a] of level.terms) cost[j] = (cost[j] ?? 0) + a;
  return cost;
}

/** The same rows with other costs and bounds, no offset. */
function reshaped(face: LinearModel, label: string, cost: (i: number) => number, lo: readonly number[], hi: readonly number[]): LinearModel {
  const variables: Variable[] = face.variables.map((v, i) => ({
    name: v.name,
    cost: cost(i),
    lb: lo[i] as number,
    ub: hi[i] as number,
    ...(v.integer === true ? { integer: true } : {}),
  }));
  return { label: `${face.label}:${label}`, variables, constraints: face.constraints };
}

/**
 * The face with a no-good cut: at least one integer variable differs from `x`. A variable at a bound differs by
 * x − lo (or hi − x), linear; one strictly inside its bounds gets two binaries (above by at least 1, below by at
 * least 1). Null when a variable strictly inside has an infinite bound (no cut without a big number).
 */
function withoutSolution(face: LinearModel, cost: readonly number[], x: readonly number[], ints: readonly number[], lo: readonly number[], hi: readonly number[]): LinearModel | null {
  const model = reshaped(face, 'unique', (i) => cost[i] as number, lo, hi);
  const variables = [...model.variables];
  const constraints = [...model.constraints];
  const cut: Array<[number, number]> = [];
  let rhs = 1;
  for (const i of ints) {
    const l = lo[i] as number;
    const u = hi[i] as number;
    const xi = x[i] as number;
    if (l === u) continue;
    if (xi === l) {
      cut.push([i, 1]);
      rhs += l;
    } else if (xi === u) {
      cut.push([i, -1]);
      rhs -= u;
    } else {
      if (!Number.isFinite(l) || !Number.isFinite(u)) return null;
      const up = variables.push({ name: `canonical:up${i}`, cost: 0, ub: 1, integer: true }) - 1;
      const down = variables.push({ name: `canonical:down${i}`, cost: 0, ub: 1, integer: true }) - 1;
      // up = 1 → x ≥ x̂ + 1;  down = 1 → x ≤ x̂ − 1.
      constraints.push({ name: `canonical:up${i}`, terms: [[i, 1], [up, -(xi + 1 - l)]], lo: l });
      constraints.push({ name: `canonical:down${i}`, terms: [[i, 1], [down, u - xi + 1]], hi: u });
      cut.push([up, 1], [down, 1]);
    }
  }
  constraints.push({ name: 'canonical:differs', terms: cut, lo: rhs });
  return { ...model, variables, constraints };
}

/** `a` comes before `b` in the preferred lexicographic order of the integer variables. */
function lexBefore(a: readonly number[], b: readonly number[], ints: readonly number[], sign: 1 | -1): boolean {
  for (const i of ints) {
    const d = ((a[i] as number) - (b[i] as number)) * sign;
    if (d !== 0) return d < 0;
  }
  return false;
}

/** How far below 1 the relaxation's largest move away from x̂ must stay (an integer optimum other than x̂ moves ≥ 1). */
const UNIQUE_BELOW = 0.5;

/**
 * Phase 0 (see the module comment): the canonical optimum (or infeasibility) from two linear programs, or the
 * attempts spent when they prove nothing.
 */
async function relaxationFirst(
  model: LinearModel,
  levels: readonly ObjectiveLevel[],
  raw: RawSolve,
  hints: Omit<ModelHints, 'canonical'>,
): Promise<{ result: SolveResult } | { attempts: SolveAttempt[]; bound: number | null; duals?: readonly number[] }> {
  const relax = (label: string, cost: (i: number) => number, extra: readonly Constraint[]): LinearModel => ({
    ...model,
    label: `${model.label}:${label}`,
    variables: model.variables.map((v, i) => ({ name: v.name, cost: cost(i), ...(v.lb !== undefined ? { lb: v.lb } : {}), ...(v.ub !== undefined ? { ub: v.ub } : {}) })),
    constraints: [...model.constraints, ...extra],
  });
  const lp = await raw(relax('relaxation', (i) => (model.variables[i] as Variable).cost, []), hints);
  const attempts = [...lp.attempts];
  // No point of the relaxation, so no integer point either.
  if (lp.status === 'infeasible') return { result: { ...lp, attempts, canonical: false } };
  if (lp.status !== 'optimal' || lp.values === null || lp.objective === null) return { attempts, bound: null };
  // Without a proof from here on, the relaxation's optimum is still a lower bound on every integer point, and its duals
  // still fix variables for the integer phases (`forcedValues`).
  const unproven = { attempts, bound: lp.objective, ...(lp.rowDuals !== undefined ? { duals: lp.rowDuals } : {}) };
  const checked = checkValues(model, lp.values);
  if (!checked.ok || checked.objective > lp.objective + 1e-6 * Math.max(1, Math.abs(lp.objective))) return unproven;
  const x = checked.values;
  // Σ|x − x̂|: +1 per unit above a lower bound, −1 per unit below an upper bound (a variable strictly inside its
  // bounds has no linear distance: no proof here).
  const sign: number[] = [];
  for (const [i, v] of model.variables.entries()) {
    const [lo, hi] = effectiveBounds(v);
    const xi = x[i] as number;
    if (lo === hi) sign.push(0);
    else if (xi === lo) sign.push(-1);
    else if (xi === hi) sign.push(1);
    else return unproven;
  }
  const rows: Constraint[] = levels.flatMap((level, l) => (level.terms.length === 0 ? [] : [{ name: `canonical:unique${l}`, terms: level.terms, hi: levelValue(level, x) }]));
  const proven: { result: SolveResult } = { result: { status: 'optimal', solver: lp.solver, values: x, objective: checked.objective, bound: checked.objective, gap: 0, attempts, canonical: true } };
  // Variables the relaxation's duals fix at x̂ in every optimum leave the second program: on a set partition of
  // thousands of columns, all but a few dozen.
  const fixed = lp.rowDuals !== undefined ? fixedAt(forcedValues(model, lp.rowDuals, checked.objective - (model.offset ?? 0)), x) : null;
  const away = fixed === null ? relax('unique', (i) => sign[i] as number, rows) : withFixed(model, `${model.label}:unique`, sign, rows, fixed, x);
  if (away.variables.length === 0) return proven;
  const far = await raw(away, hints);
  attempts.push(...far.attempts);
  if (far.status !== 'optimal' || far.values === null) return unproven;
  const at = fixed === null ? x : x.filter((_, i) => fixed[i] !== true);
  const moved = far.values.reduce((sum, v, i) => sum + Math.abs(v - (at[i] as number)), 0);
  if (moved >= UNIQUE_BELOW) return unproven;
  return proven;
}

/**
 * Reduced-cost fixing. Any row multipliers y give, for every point x' of the model (bounds and rows held),
 *
 *     c·x' ≥ L + Σ_j g_j(x'_j),   L = Σ_i y_i·(lo_i if y_i > 0, hi_i if y_i < 0) + Σ_j min(d_j·lb_j, d_j·ub_j),
 *     d = c − Aᵀy,   g_j(v) = d_j·v − min(d_j·lb_j, d_j·ub_j) ≥ 0,
 *
 * so in every point with c·x' ≤ `target` (without the offset) an integer variable j takes a value v with
 * L + g_j(v) ≤ target; where only its cheaper bound does (beyond rounding), it is forced to that bound. The duals a
 * solver returns with a relaxation's optimum are only the guess for y (a multiplier of the wrong sign for its row
 * counts as 0): L and d are computed here, from the model. Per variable its forced value or null; null when y gives
 * no finite bound or the bound exceeds the target (rounding: nothing is fixed then).
 */
function forcedValues(model: LinearModel, duals: readonly number[], target: number): Array<number | null> | null {
  const { variables, constraints } = model;
  if (duals.length !== constraints.length || !Number.isFinite(target)) return null;
  // Plain index loops throughout: this runs on thousands of columns, as cold code.
  const n = variables.length;
  const d = new Float64Array(n);
  const lb = new Float64Array(n);
  const ub = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = variables[j] as Variable;
    d[j] = v.cost;
    [lb[j], ub[j]] = effectiveBounds(v);
  }
  let bound = 0;
  let scale = Math.abs(target);
  for (let i = 0; i < constraints.length; i++) {
    const row = constraints[i] as Constraint;
    const y = duals[i] as number;
    const side = y > 0 ? (row.lo ?? Number.NEGATIVE_INFINITY) : y < 0 ? (row.hi ?? Number.POSITIVE_INFINITY) : 0;
    if (!Number.isFinite(y) || !Number.isFinite(side) || y === 0) continue;
    bound += y * side;
    scale += Math.abs(y * side);
    const terms = row.terms;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t] as readonly [number, number];
      d[term[0]] = (d[term[0]] as number) - y * term[1];
    }
  }
  for (let j = 0; j < n; j++) {
    const dj = d[j] as number;
    const low = dj > 0 ? dj * (lb[j] as number) : dj < 0 ? dj * (ub[j] as number) : 0;
    if (!Number.isFinite(low)) return null;
    bound += low;
    scale += Math.abs(low);
  }
  // How much any variable may cost above its cheaper bound in a point within the target.
  const room = target + 1e-9 * (1 + scale) - bound;
  if (room < 0) return null;
  const forced = new Array<number | null>(n);
  for (let j = 0; j < n; j++) {
    const dj = d[j] as number;
    const l = lb[j] as number;
    const u = ub[j] as number;
    if (l === u) forced[j] = l;
    else if ((variables[j] as Variable).integer !== true) forced[j] = null;
    else if (dj > 0 && dj > room) forced[j] = l;
    else if (dj < 0 && -dj > room) forced[j] = u;
    else forced[j] = null;
  }
  return forced;
}

/** Which variables `forced` holds at their value in `x` (x is within the target); null when it holds one elsewhere (rounding). */
function fixedAt(forced: ReadonlyArray<number | null> | null, x: readonly number[]): boolean[] | null {
  if (forced === null) return null;
  const fixed: boolean[] = [];
  for (let j = 0; j < forced.length; j++) {
    const f = forced[j];
    if (f !== null && f !== undefined && f !== x[j]) return null;
    fixed.push(f !== null && f !== undefined);
  }
  return fixed;
}

/** The model with the variables `forced` holds fixed at that value (bounds only: the same variables and rows). */
function withForced(model: LinearModel, forced: ReadonlyArray<number | null>): LinearModel {
  return { ...model, variables: model.variables.map((v, j) => (forced[j] === null || forced[j] === undefined ? v : { ...v, lb: forced[j] as number, ub: forced[j] as number })) };
}

/**
 * The second program of phase 0 with the variables marked in `fixed` held at their value in `x`: left out, their
 * terms moved into the row bounds. Costs `cost`, rows: the model's and `extra`; no integer variables.
 */
function withFixed(model: LinearModel, label: string, cost: readonly number[], extra: readonly Constraint[], fixed: readonly boolean[], x: readonly number[]): LinearModel {
  const n = model.variables.length;
  const index = new Int32Array(n);
  const variables: Variable[] = [];
  for (let j = 0; j < n; j++) {
    if (fixed[j] === true) {
      index[j] = -1;
      continue;
    }
    index[j] = variables.length;
    const v = model.variables[j] as Variable;
    variables.push({ name: v.name, cost: cost[j] as number, ...(v.lb !== undefined ? { lb: v.lb } : {}), ...(v.ub !== undefined ? { ub: v.ub } : {}) });
  }
  const constraints: Constraint[] = [];
  const rows = [...model.constraints, ...extra];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Constraint;
    let constant = 0;
    const terms: Array<[number, number]> = [];
    for (let t = 0; t < row.terms.length; t++) {
      const term = row.terms[t] as readonly [number, number];
      const k = index[term[0]] as number;
      if (k < 0) constant += term[1] * (x[term[0]] as number);
      else terms.push([k, term[1]]);
    }
    // x̂ meets every row, so a row of fixed variables only holds.
    if (terms.length === 0) continue;
    constraints.push({ name: row.name, terms, ...(row.lo !== undefined ? { lo: row.lo - constant } : {}), ...(row.hi !== undefined ? { hi: row.hi - constant } : {}) });
  }
  return { label, variables, constraints };
}

/**
 * Solve `model` to its canonical optimum (see the module comment), every phase by `raw`. The result is `raw`'s
 * first answer when that is not optimal; else the canonical optimum with `canonical: true`, or the first answer
 * with `canonical: false` when a later phase ended without a proof. The attempts of every phase are listed.
 */
export async function canonicalSolve(model: LinearModel, ties: CanonicalTies, raw: RawSolve, hints: Omit<ModelHints, 'canonical'> = {}): Promise<SolveResult> {
  checkLevels(model, ties.levels);
  const before: SolveAttempt[] = [];
  /** The relaxation's row duals, when phase 0 ran and proved nothing: they fix variables for the integer phases. */
  let duals: readonly number[] | undefined;
  if (ties.relaxation !== undefined) {
    const fast = await relaxationFirst(model, ties.levels, raw, hints);
    if ('result' in fast) return fast.result;
    if (ties.relaxation === 'only') {
      const attempts = fast.attempts.length > 0 ? fast.attempts : [{ solver: 'highs' as const, status: 'error' as const, ms: 0 }];
      const last = attempts[attempts.length - 1] as SolveAttempt;
      // No values, but the relaxation's optimum as a bound when there is one.
      return { status: 'error', solver: last.solver, values: null, objective: null, bound: fast.bound, gap: null, attempts: [...attempts.slice(0, -1), { ...last, note: 'the relaxation is not integral, or not its only optimum: no integer search asked for' }], canonical: false };
    }
    before.push(...fast.attempts);
    duals = fast.duals;
  }
  const answered = await raw(model, hints);
  const first = { ...answered, attempts: [...before, ...answered.attempts] };
  if (first.status !== 'optimal' || first.values === null) return { ...first, canonical: false };
  const attempts: SolveAttempt[] = [...first.attempts];
  const notCanonical = (): SolveResult => ({ ...first, attempts, canonical: false });
  const later = ties.then ?? [];
  const ints = model.variables.flatMap((v, i) => (v.integer === true ? [i] : []));
  if (ints.length === 0 && later.length === 0) return { ...first, canonical: true };
  // The later levels and the descent search the optima with little guidance, where javascript-lp-solver often
  // needs more than its short first deadline: HiGHS first in the default chain for them (an explicit chain is
  // kept). The uniqueness check is an ordinary search by the objective: the model's own chain.
  const phase = { ...hints, jslpSuits: false };
  const n = model.variables.length;
  const sign: 1 | -1 = ties.prefer === 'max' ? -1 : 1;
  // Every optimum costs what the first answer costs: variables the relaxation's duals force within that cost are fixed
  // for the phases below (bounds only), which changes no optimum and shrinks their searches.
  const forced = duals !== undefined && first.objective !== null ? forcedValues(model, duals, first.objective - (model.offset ?? 0)) : null;
  const work = forced !== null && fixedAt(forced, first.values) !== null ? withForced(model, forced) : model;
  let face = withLevelRows(work, ties.levels, first.values, 'level');
  let incumbent = first.values;
  /** Every level with its optimal value, as fixed so far. */
  const fixed = ties.levels.map((level) => ({ level, value: levelValue(level, incumbent) }));

  const finish = (values: readonly number[]): SolveResult => {
    const checked = checkValues(model, values);
    if (!checked.ok || fixed.some(({ level, value }) => Math.abs(levelValue(level, checked.values) - value) > level.step / 2)) return notCanonical();
    return { ...first, values: checked.values, objective: checked.objective, bound: checked.objective, gap: 0, attempts, canonical: true };
  };

  // 2. The levels left out of the objective, in turn; the fixed ones steer (they are constant on the face).
  for (const [l, level] of later.entries()) {
    const bounds = variableBounds(face);
    const cost = guide(model, [...fixed.map((f) => f.level), level]);
    const r = await raw(reshaped(face, `then${l}`, (j) => cost[j] as number, bounds.lo, bounds.hi), phase);
    attempts.push(...r.attempts);
    if (r.status !== 'optimal' || r.values === null) return notCanonical();
    incumbent = r.values;
    fixed.push({ level, value: levelValue(level, incumbent) });
    face = withLevelRows(face, [level], incumbent, `then${l}:`);
  }
  const steer = guide(model, fixed.map((f) => f.level));
  if (ints.length === 0) return finish(incumbent);
  const { lo, hi } = variableBounds(face);

  // 3. Is the answer so far the only optimum? The best solution that differs from it, by the last level with the
  // others as rows (by the objective itself when there is no later level), ties at every level exactly when it is
  // not. A search guided by the objective: every solver proves it quickly, where proving the level rows plus the
  // cut infeasible takes YALPS seconds and javascript-lp-solver's proof of integer infeasibility is no proof.
  const lastLater = later.length > 0 ? (fixed[fixed.length - 1] as { level: ObjectiveLevel }).level : null;
  const base = lastLater !== null ? withLevelRows(work, fixed.slice(0, -1).map((f) => f.level), incumbent, 'probe') : work;
  const probeCost = lastLater !== null ? guide(model, [lastLater]) : model.variables.map((v) => v.cost);
  const probeBounds = variableBounds(base);
  const probe = withoutSolution(base, probeCost, incumbent, ints, probeBounds.lo, probeBounds.hi);
  if (probe !== null) {
    const other = await raw(probe, hints);
    attempts.push(...other.attempts);
    if (other.status === 'infeasible') return finish(incumbent);
    const x = other.values?.slice(0, n);
    const ties = x !== undefined && fixed.every(({ level, value }) => Math.abs(levelValue(level, x) - value) <= level.step / 2);
    if (other.status === 'optimal' && x !== undefined && !ties) return finish(incumbent);
    if (x !== undefined && ties && lexBefore(x, incumbent, ints, sign)) incumbent = x;
  }

  // 4. Lexicographic descent over the integer variables.
  const fixLo = [...lo];
  const fixHi = [...hi];
  const fix = (i: number, value: number): void => {
    fixLo[i] = value;
    fixHi[i] = value;
  };
  let k = 0;
  while (k < ints.length) {
    const i = ints[k] as number;
    const best = sign === 1 ? (fixLo[i] as number) : (fixHi[i] as number);
    if (incumbent[i] === best) {
      fix(i, best);
      k++;
      continue;
    }
    const block: number[] = [];
    let span = 1;
    while (k + block.length < ints.length) {
      const j = ints[k + block.length] as number;
      const range = (fixHi[j] as number) - (fixLo[j] as number);
      if (!Number.isFinite(range)) {
        if (block.length === 0) block.push(j);
        break;
      }
      if (block.length > 0 && span * (range + 1) > BLOCK_SPAN) break;
      block.push(j);
      span *= range + 1;
    }
    const weight = new Map<number, number>();
    let w = 1;
    for (let b = block.length - 1; b >= 0; b--) {
      const j = block[b] as number;
      weight.set(j, sign * w);
      w *= (fixHi[j] as number) - (fixLo[j] as number) + 1;
    }
    const r = await raw(reshaped(face, 'lex', (j) => (steer[j] as number) + (weight.get(j) ?? 0), fixLo, fixHi), phase);
    attempts.push(...r.attempts);
    if (r.status !== 'optimal' || r.values === null) return notCanonical();
    incumbent = r.values;
    for (const j of block) fix(j, incumbent[j] as number);
    k += block.length;
  }

  // 5. The continuous variables at their best for the objective.
  if (ints.length === n) return finish(incumbent);
  const r = await raw(reshaped(work, 'continuous', (j) => (model.variables[j] as Variable).cost, fixLo, fixHi), phase);
  attempts.push(...r.attempts);
  if (r.status !== 'optimal' || r.values === null) return notCanonical();
  return finish(r.values);
}
