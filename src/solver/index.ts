/**
 * The solver adapter: the one door between model builders (selection, groups, teams) and the solvers.
 *
 * - Every solve runs in a worker thread with a hard wall-clock deadline; at the deadline the worker is
 *   terminated (a javascript-lp-solver LP can loop for minutes between its own timeout checks).
 * - Workers are pooled, at most one idle worker per solver for the life of the process (HiGHS pays
 *   its WebAssembly start-up once). An idle worker is `unref()`ed so it never keeps the process alive;
 *   a worker killed at a deadline is replaced on the next solve. `closeSolvers()` ends them all.
 * - Which solvers try a model, in which order and with which deadline, is the policy's (`policy.ts`); within a
 *   step solvers are tried in a chain: the next runs when the previous did not prove optimality or
 *   infeasibility. The result is the best validated solution found, with the best bound any solver proved.
 * - With `canonical` (`ModelHints`), the answer is the canonical optimum, the same whichever solver proves it
 *   (`canonical.ts`).
 * - No claim is taken on trust: values are re-checked against every row and bound, integers must be
 *   integral (within 1e-6), the objective is recomputed. `optimal` means a solver proved it and the
 *   values passed the check; `infeasible` means HiGHS or YALPS proved it (javascript-lp-solver only for
 *   a model without integer variables).
 *
 * Stages never import this module: their caller builds a `Solve` with `createSolve` and closes the workers
 * with `closeSolvers` when it is done.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OWN_LIMIT_SHARE, packModel, type BackendAnswer } from './backend.js';
import { canonicalSolve, type RawSolve } from './canonical.js';
import { firstWorkerSolver, solverSteps, wasmTier, type SolveStep } from './policy.js';
import { checkValues } from './validate.js';
import type { SolveReply, SolveRequest, WarmRequest } from './worker.js';
import type { LinearModel, ModelHints, Solve, SolveAttempt, SolveOptions, SolveResult, SolveStatus, SolverName } from './types.js';

export type { BackendAnswer } from './backend.js';
export type { LinearModel, SolveOptions, SolveResult, SolverName } from './types.js';

/**
 * Where the worker script is, given this module's URL. The built module (`dist/solver/index.js`) has
 * `worker.js` beside it. Run from TypeScript source (`src/solver/index.ts`, e.g. under vitest), a
 * worker thread cannot load TypeScript, so the built `dist/solver/worker.js` of the same checkout is
 * used (`npm test` builds first).
 */
export function workerScriptUrl(moduleUrl: string): URL {
  const path = fileURLToPath(moduleUrl);
  if (/\.[cm]?ts$/.test(path)) return new URL('../../dist/solver/worker.js', moduleUrl);
  return new URL('./worker.js', moduleUrl);
}

const WORKER_URL = workerScriptUrl(import.meta.url);

interface Slot {
  worker: Worker;
  busy: boolean;
}
/** Pooled workers by solver, and for HiGHS by the compiler tier of its WebAssembly (`highs:liftoff`). */
const pool = new Map<string, Slot>();
let nextId = 1;

function spawn(): Worker {
  // No inherited Node flags: some (e.g. `--input-type`) make a worker fail at start, none is needed.
  const w = new Worker(WORKER_URL, { execArgv: [] });
  w.unref();
  return w;
}

/** The pooled idle worker for a solver, or a fresh one (pooled when the pool has none). */
function acquire(solver: string): { worker: Worker; pooled: boolean } {
  const slot = pool.get(solver);
  if (slot !== undefined && !slot.busy) {
    slot.busy = true;
    return { worker: slot.worker, pooled: true };
  }
  const worker = spawn();
  if (slot === undefined) {
    const fresh: Slot = { worker, busy: true };
    pool.set(solver, fresh);
    worker.once('exit', () => {
      if (pool.get(solver) === fresh) pool.delete(solver);
    });
    return { worker, pooled: true };
  }
  return { worker, pooled: false };
}

function release(solver: string, worker: Worker, pooled: boolean, healthy: boolean): void {
  if (pooled && healthy) {
    worker.unref();
    const slot = pool.get(solver);
    if (slot !== undefined && slot.worker === worker) slot.busy = false;
    return;
  }
  if (pooled) {
    const slot = pool.get(solver);
    if (slot !== undefined && slot.worker === worker) pool.delete(solver);
  }
  void worker.terminate();
}

/** Run one backend in a worker with a hard deadline. Never rejects. */
function attempt(solver: SolverName, model: LinearModel, deadlineMs: number): Promise<BackendAnswer> {
  if (!existsSync(WORKER_URL)) {
    return Promise.resolve({
      status: 'error',
      values: null,
      bound: null,
      note: `solver worker script not found at ${fileURLToPath(WORKER_URL)} (run \`npm run build\`)`,
    });
  }
  const liftoffOnly = solver === 'highs' && wasmTier(model) === 'liftoff';
  const key = liftoffOnly ? 'highs:liftoff' : solver;
  const { worker, pooled } = acquire(key);
  worker.ref(); // a running solve keeps the process alive
  const id = nextId++;
  return new Promise<BackendAnswer>((resolve) => {
    let settled = false;
    const finish = (answer: BackendAnswer, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      release(key, worker, pooled, healthy);
      resolve(answer);
    };
    const onMessage = (reply: SolveReply) => {
      if (reply.id === id) finish(reply.answer, true);
    };
    const onError = (err: Error) => finish({ status: 'error', values: null, bound: null, note: `worker failed: ${err.message}` }, false);
    const onExit = (code: number) => finish({ status: 'error', values: null, bound: null, note: `worker exited with code ${code}` }, false);
    const timer = setTimeout(
      () => finish({ status: 'timed_out', values: null, bound: null, note: `deadline ${deadlineMs} ms: worker terminated` }, false),
      deadlineMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const { packed, transfer } = packModel(model);
    const req: SolveRequest = { kind: 'solve', id, solver, model: packed, deadlineAt: Date.now() + deadlineMs, ...(liftoffOnly ? { liftoffOnly } : {}) };
    worker.postMessage(req, transfer);
  });
}

/**
 * Run one backend on this thread (the policy's step for a small model, `solvesInThread`): no worker. The deadline
 * is the backend's own time limit, checked between branch-and-bound nodes; HiGHS is never run here (its
 * WebAssembly start-up is what a worker hides). Never rejects.
 */
async function attemptHere(solver: SolverName, model: LinearModel, deadlineMs: number): Promise<BackendAnswer> {
  const timeLimitMs = Math.max(1, deadlineMs * OWN_LIMIT_SHARE);
  try {
    if (solver === 'jslp') return (await import('./jslp.js')).solveJslp(model, { timeLimitMs });
    if (solver === 'yalps') return (await import('./yalps.js')).solveYalps(model, { timeLimitMs });
    return attempt(solver, model, deadlineMs);
  } catch (err) {
    return { status: 'error', values: null, bound: null, note: `solver threw: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Start the pooled worker of each solver and load its backend in the background (HiGHS's
 * WebAssembly, compiled as a model of `wasmTier` 'liftoff' will want it when `liftoffOnly`), so the first real
 * solve does not pay for it. Optional; never blocks.
 */
export function warmUp(solvers: readonly SolverName[] = ['jslp', 'highs'], liftoffOnly = false): void {
  if (!existsSync(WORKER_URL)) return;
  for (const solver of solvers) {
    const key = solver === 'highs' && liftoffOnly ? 'highs:liftoff' : solver;
    if (pool.has(key)) continue;
    const worker = spawn();
    const slot: Slot = { worker, busy: false };
    pool.set(key, slot);
    worker.once('exit', () => {
      if (pool.get(key) === slot) pool.delete(key);
    });
    worker.postMessage({ kind: 'warm', solver, ...(liftoffOnly ? { liftoffOnly } : {}) } satisfies WarmRequest);
  }
}

/** Terminate every pooled worker (end of a CLI run, end of a test file). Safe to call repeatedly. */
export async function closeSolvers(): Promise<void> {
  const slots = [...pool.values()];
  pool.clear();
  await Promise.all(slots.map((s) => s.worker.terminate()));
}

function gapOf(objective: number, bound: number): number {
  return Math.max(0, objective - bound) / Math.max(1, Math.abs(objective));
}

/** The adapter's verdict on one backend answer (pure; exported for tests). */
export interface Verdict {
  attempt: Omit<SolveAttempt, 'ms'>;
  /** Values that passed the check, with their recomputed objective; null when none did. */
  checked: { values: number[]; objective: number } | null;
  /** The answer settles the model: optimal (and checked), or infeasible/unbounded proven. */
  final: boolean;
  /** javascript-lp-solver said infeasible on an integer model (not a proof). */
  unconfirmedInfeasible: boolean;
}

export function judge(model: LinearModel, solver: SolverName, answer: BackendAnswer, inThread = false): Verdict {
  let status: SolveStatus = answer.status;
  const notes: string[] = answer.note !== undefined ? [answer.note] : [];
  let checked: Verdict['checked'] = null;
  if (answer.values !== null && (status === 'optimal' || status === 'timed_out' || status === 'error')) {
    const c = checkValues(model, answer.values);
    if (c.ok) checked = { values: c.values, objective: c.objective };
    else {
      notes.push(`answer rejected: ${c.problem}`);
      if (status === 'optimal') status = 'error';
    }
  } else if (status === 'optimal') {
    status = 'error';
    notes.push('claimed optimal without values');
  }
  let final = status === 'optimal' || status === 'infeasible' || status === 'unbounded';
  let unconfirmedInfeasible = false;
  if (status === 'infeasible' && (solver === 'jslp' || inThread) && model.variables.some((v) => v.integer === true)) {
    // javascript-lp-solver's branch and bound drops nodes whose LP it fails on: not a proof. An attempt on the
    // calling thread is a quick first try: a worker's solver confirms it.
    unconfirmedInfeasible = true;
    final = false;
    notes.push('unconfirmed: not taken as proof for an integer model');
  }
  return { attempt: { solver, status, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) }, checked, final, unconfirmedInfeasible };
}

/**
 * Solve a model by the policy's steps (`solverSteps`): see the module comment for the guarantees. Never rejects
 * for a solver's failure.
 */
export async function solve(model: LinearModel, options: SolveOptions & ModelHints = {}): Promise<SolveResult> {
  const { canonical, ...rest } = options;
  const raw: RawSolve = (m, hints) => solveSteps(m, solverSteps(m, { ...rest, ...hints }));
  if (canonical === undefined) return raw(model);
  return canonicalSolve(model, canonical, raw);
}

/** The `Solve` a caller hands to the stages: every model solved with these options (default: the policy's). */
export function createSolve(options: SolveOptions = {}): Solve {
  const s: Solve = (model, hints) => solve(model, { ...options, ...hints });
  s.prepare = (size, hints) => {
    const solver = firstWorkerSolver(size, { ...options, ...hints });
    if (solver !== null) warmUp([solver], solver === 'highs' && wasmTier(size) === 'liftoff');
  };
  return s;
}

/** Run the steps until one proves optimality or infeasibility; keep the best answer, the best bound and every attempt. */
async function solveSteps(model: LinearModel, steps: readonly SolveStep[]): Promise<SolveResult> {
  const attempts: SolveAttempt[] = [];
  let best: SolveResult | null = null;
  let last: SolveResult | null = null;
  let bound: number | null = null;
  for (const step of steps) {
    const r = await solveChain(model, step.solvers, step.deadlineMs, step.inThread === true);
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

/** One step: the solvers in turn, each attempt with the same hard deadline. */
async function solveChain(model: LinearModel, chain: readonly SolverName[], deadlineMs: number, inThread: boolean): Promise<SolveResult> {
  const attempts: SolveAttempt[] = [];
  let best: { values: number[]; objective: number; solver: SolverName } | null = null;
  let bestBound: number | null = null;

  for (const solver of chain) {
    const t0 = performance.now();
    const answer = model.variables.length === 0 ? trivialAnswer(model) : inThread ? await attemptHere(solver, model, deadlineMs) : await attempt(solver, model, deadlineMs);
    const ms = Math.round((performance.now() - t0) * 10) / 10;
    const v = judge(model, solver, answer, inThread);
    attempts.push({ ...v.attempt, ms });
    if (v.checked !== null && (best === null || v.checked.objective < best.objective)) best = { ...v.checked, solver };
    if (answer.bound !== null && Number.isFinite(answer.bound)) bestBound = bestBound === null ? answer.bound : Math.max(bestBound, answer.bound);
    if (v.final) {
      if (v.attempt.status === 'optimal' && v.checked !== null) {
        const duals = answer.rowDuals !== undefined && answer.rowDuals.length === model.constraints.length ? { rowDuals: answer.rowDuals } : {};
        return { status: 'optimal', solver, values: v.checked.values, objective: v.checked.objective, bound: v.checked.objective, gap: 0, attempts, ...duals };
      }
      return { status: v.attempt.status, solver, values: null, objective: null, bound: null, gap: null, attempts };
    }
  }

  const lastSolver = attempts[attempts.length - 1]?.solver ?? chain[0] ?? 'jslp';
  if (best !== null) {
    const bound = bestBound !== null ? Math.min(bestBound, best.objective) : null;
    return {
      status: 'timed_out',
      solver: best.solver,
      values: best.values,
      objective: best.objective,
      bound,
      gap: bound !== null ? gapOf(best.objective, bound) : null,
      attempts,
    };
  }
  // Nothing proven and no solution: `timed_out` when a limit cut a solver short, else `error`.
  const anyTimedOut = attempts.some((a) => a.status === 'timed_out');
  return {
    status: anyTimedOut ? 'timed_out' : 'error',
    solver: lastSolver,
    values: null,
    objective: null,
    bound: bestBound,
    gap: null,
    attempts,
  };
}

/** A model without variables: every row must hold at 0. */
function trivialAnswer(model: LinearModel): BackendAnswer {
  const ok = model.constraints.every((c) => (c.lo ?? Number.NEGATIVE_INFINITY) <= 1e-9 && (c.hi ?? Number.POSITIVE_INFINITY) >= -1e-9);
  return ok ? { status: 'optimal', values: [], bound: model.offset ?? 0 } : { status: 'infeasible', values: null, bound: null, note: 'a row without variables excludes 0' };
}
