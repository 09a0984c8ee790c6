/**
 * The solver adapter's contract. Model builders (selection, groups, teams) build a `LinearModel`, hand it to the
 * `Solve` function their caller gave them and get a `SolveResult` back; they never see a solver's own API. The outcome is a value with a status, never an
 * exception (YALPS style).
 */

/** Names of the solvers behind the adapter. */
export type SolverName = 'jslp' | 'highs' | 'yalps';

export interface Variable {
  /** Unique, stable name (used for debugging and by solvers that key by name). */
  name: string;
  /** Objective coefficient (the model is always minimised). */
  cost: number;
  /** Lower bound, default 0. */
  lb?: number;
  /** Upper bound, default +Infinity. */
  ub?: number;
  /** Integer variable (binary when lb 0, ub 1). */
  integer?: boolean;
}

export interface Constraint {
  name: string;
  /** Sparse row: [variable index, coefficient]. */
  terms: ReadonlyArray<readonly [number, number]>;
  /** Row lower bound (omit for -Infinity). */
  lo?: number;
  /** Row upper bound (omit for +Infinity). Equal lo and hi make an equality. */
  hi?: number;
}

/** A mixed-integer linear program, always minimised. */
export interface LinearModel {
  /** Short label for reports and timings, e.g. `selection`, `groups`. */
  label: string;
  variables: Variable[];
  constraints: Constraint[];
  /** Objective constant added to the reported objective and bound. */
  offset?: number;
}

export type SolveStatus = 'optimal' | 'infeasible' | 'timed_out' | 'unbounded' | 'error';

/** One solver's try at the model (the adapter may try several in a fallback chain). */
export interface SolveAttempt {
  solver: SolverName;
  status: SolveStatus;
  /** Wall time of the attempt, in milliseconds (volatile: never part of golden output). */
  ms: number;
  /** Why the attempt ended, when not optimal (e.g. "deadline 1000 ms: worker terminated", "fractional integer values"). */
  note?: string;
}

export interface SolveResult {
  status: SolveStatus;
  /** The solver whose answer this is (the last attempt that produced values, or the last attempt). */
  solver: SolverName;
  /** Variable values in model order, rounded for integer variables; null when no solution is known. */
  values: number[] | null;
  /** Objective of `values` (incl. offset), or null. */
  objective: number | null;
  /** Best proven lower bound (incl. offset); equals `objective` when optimal; null when unknown. */
  bound: number | null;
  /** Relative gap |objective − bound| / max(1, |objective|), 0 when optimal, null when unknown. */
  gap: number | null;
  attempts: SolveAttempt[];
  /**
   * Set when the caller asked for the canonical optimum (`ModelHints.canonical`): true when `values` are it
   * (every phase proven), false when a phase ended without a proof (then `values` are an optimum, or the best
   * solution found, and which one may depend on the solver).
   */
  canonical?: boolean;
  /**
   * An optimal answer to a model without integer variables, from a solver that gives them: the row duals, one per
   * row in order (unvalidated; see `BackendAnswer.rowDuals`).
   */
  rowDuals?: number[];
}

/** What the caller of a solve chooses; the defaults are the solver policy's (`solver/policy.ts`). */
export interface SolveOptions {
  /**
   * Solvers to try in order, in one step with the full deadline; the next runs when the previous did not prove
   * optimality or infeasibility. Default: the policy's steps for the model (`solverSteps`).
   */
  solvers?: readonly SolverName[] | undefined;
  /**
   * Hard wall-clock deadline per attempt in milliseconds; the worker is terminated at the deadline. Default
   * `DEFAULT_DEADLINE_MS` (solver/policy.ts).
   */
  deadlineMs?: number | undefined;
}

/**
 * One lexicographic level of a model's objective: its value is Σ coefficient · variable over `terms` (plus a
 * constant that does not matter here), and it enters the objective with `weight`.
 */
export interface ObjectiveLevel {
  terms: ReadonlyArray<readonly [number, number]>;
  weight: number;
  /**
   * For any values of the integer variables, the level's best value over the continuous variables is a multiple of
   * this (up to its constant): 1 for integer coefficients on integer variables, or on continuous ones that end on
   * integers at their best (shortfall and deviation counts).
   */
  step: number;
}

/**
 * How to choose among equal optima (see `solver/canonical.ts`): the canonical optimum is the lexicographically
 * smallest (or largest) vector of the integer variables, in model order, among all optimal solutions.
 */
export interface CanonicalTies {
  /**
   * The objective as lexicographic levels: every variable's cost is Σ weight · coefficient over the levels, and
   * each weight exceeds the largest change all lower levels together can make (so every optimum has the same value
   * at every level). Every continuous variable takes part in one level at most, and reaches its best for the
   * integer values on its own.
   */
  levels: readonly ObjectiveLevel[];
  /**
   * Lower levels left out of the objective (their exact weights would be too large for the solvers' precision):
   * minimised after it, one after the other, highest first (their `weight` is not used). Default none.
   */
  then?: readonly ObjectiveLevel[];
  /** `min` (default): the smallest vector; `max`: the largest. */
  prefer?: 'min' | 'max';
  /**
   * Try two linear programs before the integer solves (see `solver/canonical.ts`, phase 0): for a model whose linear
   * relaxation is usually integral (a set partition), or a larger one, whose integer phases the relaxation's duals
   * shrink. `only`:
   * no integer solves after them — when they prove nothing the result is an `error` without values (its `bound` the
   * relaxation's optimum, when a solver proved one), for a model that only proves or improves what the caller has,
   * and whose integer search can take minutes.
   */
  relaxation?: 'first' | 'only';
}

/** What a model builder may tell the solver about its model. */
export interface ModelHints {
  /**
   * False for models javascript-lp-solver is known to cycle on (absolute-value deviation variables): the policy
   * then skips it. Default true.
   */
  jslpSuits?: boolean;
  /**
   * Return the canonical optimum, the same whichever solver answers (see `solver/canonical.ts`). Default: the
   * first optimum a solver proves.
   */
  canonical?: CanonicalTies;
  /**
   * Optional work (a proof the caller can do without): each attempt at most this many milliseconds, never longer
   * than the run's deadline, and by HiGHS alone unless the caller chose the solvers (`solver/policy.ts`).
   */
  budgetMs?: number;
}

/**
 * The solver as a stage sees it: handed in by the caller, who chose the deadline and the solvers (`createSolve`
 * in `solver/index.ts` builds one from `SolveOptions`; a test may hand in a fake). Resolves with a status, never
 * rejects for a solver's failure.
 */
export type Solve = ((model: LinearModel, hints?: ModelHints) => Promise<SolveResult>) & {
  /**
   * Start in the background what a later solve of a model of this size will need (a solver worker and its
   * WebAssembly), so that the solve does not wait for it. Optional (a test's fake has none); never blocks; changes
   * no answer.
   */
  prepare?: (size: ModelSize, hints?: ModelHints) => void;
};

/** The size of a model a stage expects to solve later (`Solve.prepare`). */
export interface ModelSize {
  variables: number;
  constraints: number;
  /** False when the first solve will be of the model's linear relaxation (no integer variables). Default true. */
  integer?: boolean;
}
