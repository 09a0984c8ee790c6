/**
 * How the group and team stages call the solver adapter: a chain of steps, each with its own solvers and
 * deadline (e.g. javascript-lp-solver with a short deadline, then HiGHS and YALPS with the full one).
 * Every stage model has a unique optimum (seeded lottery tie-break costs), so which step answers changes
 * the time taken, never the result — as long as a step proves optimality.
 */
import { solve } from './index.js';
import type { LinearModel, SolveAttempt, SolveResult, SolverName } from './types.js';

export interface SolveStep {
  solvers: readonly SolverName[];
  deadlineMs: number;
}

/**
 * Models up to this many variables and rows go to javascript-lp-solver first. Measured (issue 4): 40-seat group
 * models (60–80 variables, ~190 rows) 3–120 ms; 40-seat team models (190–430 variables, 50–70 rows) 3–450 ms;
 * 200-seat group models (400 × 916) 0.8–1.8 s, where HiGHS needs 20–130 ms.
 */
export const SMALL_STAGE_VARIABLES = 1_000;
export const SMALL_STAGE_ROWS = 400;

/** Default hard deadline per attempt for the group and team stages, in milliseconds. */
export const DEFAULT_STAGE_DEADLINE_MS = 10_000;

/**
 * javascript-lp-solver's deadline when it goes first: it either solves a small model fast or hangs. Measured on
 * the 40-seat models it proved: groups ≤ 140 ms, teams ≤ 450 ms, team assignment ≤ 720 ms.
 */
export const JSLP_FIRST_DEADLINE_MS = 1_000;

/**
 * The measured chain: small models try javascript-lp-solver briefly (no WebAssembly start-up), then HiGHS and
 * YALPS; larger models go to HiGHS, then YALPS. `jslpSuits: false` skips javascript-lp-solver (models with
 * absolute-value deviation variables make it cycle: measured 1.7 s timeouts where HiGHS needs 20–100 ms).
 * `solvers` overrides the chain (one step, full deadline).
 */
export function stageSteps(model: LinearModel, deadlineMs: number, solvers?: readonly SolverName[], jslpSuits = true): SolveStep[] {
  if (solvers !== undefined && solvers.length > 0) return [{ solvers, deadlineMs }];
  const small = jslpSuits && model.variables.length <= SMALL_STAGE_VARIABLES && model.constraints.length <= SMALL_STAGE_ROWS;
  if (small) {
    return [
      { solvers: ['jslp'], deadlineMs: Math.min(deadlineMs, JSLP_FIRST_DEADLINE_MS) },
      { solvers: ['highs', 'yalps'], deadlineMs },
    ];
  }
  return [{ solvers: ['highs', 'yalps'], deadlineMs }];
}

/** Run the steps until one proves optimality or infeasibility; keep the best answer, the best bound and every attempt. */
export async function solveSteps(model: LinearModel, steps: readonly SolveStep[]): Promise<SolveResult> {
  const attempts: SolveAttempt[] = [];
  let best: SolveResult | null = null;
  let last: SolveResult | null = null;
  let bound: number | null = null;
  for (const step of steps) {
    const r = await solve(model, { solvers: step.solvers, deadlineMs: step.deadlineMs });
    attempts.push(...r.attempts);
    last = r;
    if (r.status === 'optimal' || r.status === 'infeasible' || r.status === 'unbounded') return { ...r, attempts };
    if (r.bound !== null && Number.isFinite(r.bound)) bound = bound === null ? r.bound : Math.max(bound, r.bound);
    if (r.values !== null && r.objective !== null && (best === null || r.objective < (best.objective ?? Infinity))) best = r;
  }
  if (last === null) throw new Error('solveSteps: no steps');
  if (best === null || best.objective === null) return { ...last, bound, attempts };
  const b = bound === null ? null : Math.min(bound, best.objective);
  const gap = b === null ? null : Math.max(0, best.objective - b) / Math.max(1, Math.abs(best.objective));
  return { ...best, bound: b, gap, attempts };
}
