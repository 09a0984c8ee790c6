/**
 * The solver worker: one thread that runs one blocking solve at a time, so the main thread can kill it
 * at the hard deadline. Backends are imported on first use, so a worker that only runs
 * javascript-lp-solver never loads the HiGHS WebAssembly module.
 *
 * Protocol (structured clone): in `SolveRequest` or `WarmRequest`; out `SolveReply`.
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { OWN_LIMIT_SHARE, unpackModel, type BackendAnswer, type PackedModel } from './backend.js';
import type { LinearModel, SolverName } from './types.js';

export interface SolveRequest {
  kind: 'solve';
  id: number;
  solver: SolverName;
  model: PackedModel;
  /** Epoch milliseconds at which the main thread terminates this worker. */
  deadlineAt: number;
  /** HiGHS: compile its WebAssembly with V8's baseline compiler only (policy's `wasmTier`). */
  liftoffOnly?: boolean;
}

/** Load a backend ahead of the first solve (HiGHS's WebAssembly start-up). */
export interface WarmRequest {
  kind: 'warm';
  solver: SolverName;
  /** HiGHS: as `SolveRequest.liftoffOnly`. */
  liftoffOnly?: boolean;
}

export interface SolveReply {
  id: number;
  answer: BackendAnswer;
}


async function solveOne(req: SolveRequest): Promise<BackendAnswer> {
  const budget = () => Math.max(1, (req.deadlineAt - Date.now()) * OWN_LIMIT_SHARE);
  switch (req.solver) {
    case 'jslp': {
      const { solveJslp } = await import('./jslp.js');
      return solveJslp(unpackModel(req.model), { timeLimitMs: budget() });
    }
    case 'yalps': {
      const { solveYalps } = await import('./yalps.js');
      return solveYalps(unpackModel(req.model), { timeLimitMs: budget() });
    }
    case 'highs': {
      const { solvePacked, highsRuntime } = await import('./highs.js');
      // V8's flags are the process's: set before this worker's WebAssembly is compiled, and again by each HiGHS
      // worker for its own. Which compiler runs changes the time and memory taken, never an answer.
      setFlagsFromString(req.liftoffOnly === true ? '--liftoff-only' : '--no-liftoff-only');
      await highsRuntime();
      // HiGHS reads the packed arrays as they came: no model of objects built in between.
      return solvePacked(req.model, { timeLimitMs: budget() });
    }
  }
}

/**
 * A two-row set partition: solved once by a warming HiGHS worker, so that the code its first real solve runs
 * (presolve, simplex) is compiled already. Measured with Liftoff on the bundled sample's column model (3,876 × 42):
 * 131–135 ms as the worker's first solve, 92–97 ms after this one.
 */
const WARM_MODEL: LinearModel = {
  label: 'warm-up',
  variables: [
    { name: 'a', cost: 1, ub: 1 },
    { name: 'b', cost: 2, ub: 1 },
    { name: 'c', cost: 1, ub: 1 },
  ],
  constraints: [
    { name: 'r', terms: [[0, 1], [1, 1]], lo: 1, hi: 1 },
    { name: 's', terms: [[1, 1], [2, 1]], lo: 1, hi: 1 },
  ],
};

async function warm(solver: SolverName, liftoffOnly: boolean): Promise<void> {
  if (solver === 'highs') {
    const { highsRuntime, solveHighs } = await import('./highs.js');
    setFlagsFromString(liftoffOnly ? '--liftoff-only' : '--no-liftoff-only');
    await highsRuntime();
    await solveHighs(WARM_MODEL, { timeLimitMs: 1_000 });
  } else if (solver === 'jslp') await import('./jslp.js');
  else await import('./yalps.js');
}

const port = parentPort;
if (port !== null) {
  port.on('message', (msg: SolveRequest | WarmRequest) => {
    if (msg.kind === 'warm') {
      warm(msg.solver, msg.liftoffOnly === true).catch(() => undefined);
      return;
    }
    solveOne(msg).then(
      (answer) => port.postMessage({ id: msg.id, answer } satisfies SolveReply),
      (err: unknown) =>
        port.postMessage({
          id: msg.id,
          answer: { status: 'error', values: null, bound: null, note: `solver threw: ${err instanceof Error ? err.message : String(err)}` },
        } satisfies SolveReply),
    );
  });
}
