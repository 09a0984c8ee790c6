/**
 * The solver policy, declared once: the default deadline and which solvers try a model, in which order, with
 * which deadline. Pure (no solver is loaded here); `solve` in `index.ts` runs the steps this returns, and the
 * stages only ever see the `Solve` function their caller built from it.
 *
 * Which step answers changes the time taken, never the result, as long as a step proves optimality: the stages ask
 * for the canonical optimum (`solver/canonical.ts`), which is one solution whichever solver finds it.
 */
import type { LinearModel, ModelHints, ModelSize, SolveOptions, SolverName } from './types.js';

/**
 * Default hard deadline per solver attempt, in milliseconds: `cohort allocate --time-limit` and `cohort replace
 * --time-limit` (in seconds there), and any `solve`/`createSolve` given no `deadlineMs`.
 */
export const DEFAULT_DEADLINE_MS = 20_000;

/**
 * Longest deadline, in milliseconds: Node's timers hold at most 2^31 − 1 ms (about 24.8 days); a longer delay
 * fires at once, with a warning, and would end every solve after 1 ms.
 */
export const MAX_DEADLINE_MS = 2 ** 31 - 1;

/** Shortest deadline, in milliseconds (`--time-limit 0.001`). */
export const MIN_DEADLINE_MS = 1;

/**
 * `--time-limit` (seconds) as a deadline in milliseconds, rounded to the millisecond, or why it is refused: not a
 * positive number, shorter than `MIN_DEADLINE_MS` or longer than `MAX_DEADLINE_MS`. The one place that sets the
 * accepted range (the CLI refuses the rest as a usage error).
 */
export function deadlineFromSeconds(seconds: number): { ms: number } | { problem: string } {
  if (!Number.isFinite(seconds) || seconds <= 0) return { problem: 'expected a positive number of seconds' };
  const ms = Math.round(seconds * 1000);
  if (ms < MIN_DEADLINE_MS) return { problem: `expected at least ${MIN_DEADLINE_MS / 1000} seconds` };
  if (ms > MAX_DEADLINE_MS) return { problem: `expected at most ${MAX_DEADLINE_MS / 1000} seconds (about 24.8 days: the longest delay Node's timers hold)` };
  return { ms };
}

/**
 * The `--time-limit` (seconds) to suggest after a run whose solvers found no solution within `deadlineMs`: ten
 * times as long, at least the default, never beyond the longest accepted.
 */
export function suggestedTimeLimit(deadlineMs: number): number {
  const ms = Math.min(MAX_DEADLINE_MS, Math.max(DEFAULT_DEADLINE_MS, 10 * deadlineMs));
  return Math.min(Math.ceil(ms / 1000), Math.floor(MAX_DEADLINE_MS / 1000));
}

/**
 * javascript-lp-solver's deadline when it goes first: it either solves a small model fast or hangs. Measured on
 * the 40-seat models it proved: groups ≤ 140 ms, teams ≤ 450 ms, team assignment ≤ 720 ms; the selection
 * model (totally unimodular, proved at the root) in a few ms.
 */
export const JSLP_FIRST_DEADLINE_MS = 1_000;

/**
 * Models up to this many variables and rows go to javascript-lp-solver first. Measured (issue 4): 40-seat group
 * models (60–80 variables, ~190 rows) 3–120 ms; 40-seat team models (190–430 variables, 50–70 rows) 3–450 ms;
 * 200-seat group models (400 × 916) 0.8–1.8 s, where HiGHS needs 20–130 ms.
 */
export const SMALL_MODEL_VARIABLES = 1_000;
export const SMALL_MODEL_ROWS = 400;

/**
 * Models up to this many variables, rows and terms are first solved by YALPS on the calling thread, with no worker
 * to start and close (about 85 ms and 30 ms of a 40-seat run). The deadline holds without a worker: YALPS checks
 * its own time limit between branch-and-bound nodes, and one node's LP of a model this small takes well under a
 * millisecond (the 40-seat models have at most 265 variables × 74 rows, the 200-seat selection 406 × 12). YALPS rather than javascript-lp-solver:
 * cold, in a fresh process, it solved the six models of a 40-seat run (stages and uniqueness checks) in 0.5–0.7×
 * javascript-lp-solver's time on each of 7 generated cohorts (60–500 candidates). Its "infeasible" is not taken
 * as proof here (`judge`): the next step's worker confirms it. Larger models go to a worker that is terminated at
 * the deadline.
 */
export const IN_THREAD_VARIABLES = 1_000;
export const IN_THREAD_ROWS = 250;
export const IN_THREAD_TERMS = 6_000;

/**
 * HiGHS's WebAssembly in a worker for a model up to this many variables and rows is compiled by V8's baseline
 * compiler only (Liftoff, `--liftoff-only`), never by its optimising compiler, whose work on the WebAssembly was the
 * peak memory of a 200-seat run. Measured on the six HiGHS models of a 2,000-candidate / 200-seat run (at most
 * 2,825 variables × 218 rows): 2.49 s / 197 MB peak RSS optimised, 2.12 s / 121 MB Liftoff only. Larger models
 * (1,000 seats: groups 2,000 × 4,516, teams 15,212 × 267) run long enough for optimised code to pay: there the
 * flag made the teams stage time out. Rows up to 3,000 (1,000 before): the exact fill of a 200-seat cohort's catchment
 * templates (4,384 × 2,948) and the dual of the bound over every possible 40-seat team (42 × 1,110) then share the
 * Liftoff worker instead of starting an optimising one. Measured in paired whole runs: 2,000 / 200 seed 6 3.07-3.15 s /
 * 233-235 MiB -> 2.85-2.91 s / 207-209 MiB, 5,000 / 200 seed 9 3.13-3.18 s / 240 MiB -> 2.96-3.00 s / 212-217 MiB,
 * 150 / 40 seeds 4 and 5 3.25-3.35 s -> 3.06-3.11 s and 1.82-1.90 s -> 1.61-1.63 s (the same bytes); 1,000 seats
 * unchanged (its models have more rows).
 */
const LIFTOFF_MAX_VARIABLES = 5_000;
const LIFTOFF_MAX_ROWS = 3_000;
/**
 * A linear program (no integer variables) up to this many variables, with at most `LIFTOFF_MAX_ROWS` rows, is solved
 * with Liftoff only too: a simplex on few rows is over before optimised code would pay. Measured on two generated
 * 40-seat cohorts whose teams' column models have 12,127 and 14,058 columns × 42 rows (whole run, relaxation and
 * uniqueness programs): 1.46 s / 267 MB and 1.43 s / 251 MB peak RSS optimised, 1.04 s / 182 MB and 1.22 s /
 * 189 MB Liftoff only. Their integer searches keep the optimising compiler (on an 11,983-column model, 5.2 s
 * against 6.8 s with Liftoff only).
 */
const LIFTOFF_MAX_LP_VARIABLES = 40_000;

/** How a HiGHS worker has V8 compile its WebAssembly for this model (see `LIFTOFF_MAX_VARIABLES`). */
export function wasmTier(model: LinearModel | ModelSize): 'liftoff' | 'optimising' {
  const { variables, constraints, integer } =
    'label' in model ? { variables: model.variables.length, constraints: model.constraints.length, integer: model.variables.some((v) => v.integer === true) } : { ...model, integer: model.integer ?? true };
  const most = integer ? LIFTOFF_MAX_VARIABLES : LIFTOFF_MAX_LP_VARIABLES;
  return variables <= most && constraints <= LIFTOFF_MAX_ROWS ? 'liftoff' : 'optimising';
}

/**
 * One step of a solve: these solvers in turn, each with this hard deadline. `inThread`: on the calling thread
 * (see `IN_THREAD_VARIABLES`), else each attempt in a worker.
 */
export interface SolveStep {
  solvers: readonly SolverName[];
  deadlineMs: number;
  inThread?: true;
}

/** Small enough to solve on the calling thread (see `IN_THREAD_VARIABLES`). */
function solvesInThread(model: LinearModel): boolean {
  if (model.variables.length > IN_THREAD_VARIABLES || model.constraints.length > IN_THREAD_ROWS) return false;
  let terms = 0;
  for (const c of model.constraints) terms += c.terms.length;
  return terms <= IN_THREAD_TERMS;
}

/**
 * The steps for a model. Small models try javascript-lp-solver for at most `JSLP_FIRST_DEADLINE_MS` (no
 * WebAssembly start-up; YALPS on the calling thread instead when `solvesInThread`), then HiGHS and YALPS with the
 * full deadline;
 * larger models go to HiGHS, then YALPS.
 * `jslpSuits: false` skips javascript-lp-solver (models with absolute-value deviation variables make it cycle:
 * measured 1.7 s timeouts where HiGHS needs 20–100 ms). `solvers` overrides the chain: one step, full deadline. `budgetMs`
 * (optional work): one step, HiGHS alone (or the `solvers` given), each attempt within the budget.
 */
export function solverSteps(model: LinearModel, options: SolveOptions & ModelHints = {}): SolveStep[] {
  // Held within the timer's range here too, for callers that bypass `deadlineFromSeconds`.
  const runDeadlineMs = Math.min(MAX_DEADLINE_MS, Math.max(MIN_DEADLINE_MS, Math.round(options.deadlineMs ?? DEFAULT_DEADLINE_MS)));
  const budgeted = options.budgetMs !== undefined && Number.isFinite(options.budgetMs);
  const deadlineMs = budgeted ? Math.min(runDeadlineMs, Math.max(MIN_DEADLINE_MS, Math.round(options.budgetMs as number))) : runDeadlineMs;
  if (options.solvers !== undefined && options.solvers.length > 0) return [{ solvers: options.solvers, deadlineMs }];
  // Optional work: the solver that proves large models, once, within the budget.
  if (budgeted) return [{ solvers: ['highs'], deadlineMs }];
  const small = (options.jslpSuits ?? true) && model.variables.length <= SMALL_MODEL_VARIABLES && model.constraints.length <= SMALL_MODEL_ROWS;
  if (small) {
    return [
      solvesInThread(model)
        ? { solvers: ['yalps'], deadlineMs: Math.min(deadlineMs, JSLP_FIRST_DEADLINE_MS), inThread: true }
        : { solvers: ['jslp'], deadlineMs: Math.min(deadlineMs, JSLP_FIRST_DEADLINE_MS) },
      { solvers: ['highs', 'yalps'], deadlineMs },
    ];
  }
  return [{ solvers: ['highs', 'yalps'], deadlineMs }];
}

/**
 * The solver whose worker the first attempt at a model of this size starts (`Solve.prepare` warms it), or null when
 * the first attempt runs on the calling thread or in javascript-lp-solver's short first try (nothing worth warming).
 */
export function firstWorkerSolver(size: ModelSize, options: SolveOptions & ModelHints = {}): SolverName | null {
  if (options.solvers !== undefined && options.solvers.length > 0) return options.solvers[0] ?? null;
  const small = (options.jslpSuits ?? true) && size.variables <= SMALL_MODEL_VARIABLES && size.constraints <= SMALL_MODEL_ROWS;
  return small ? null : 'highs';
}
