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
import type { SolverName } from './types.js';

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
  const model = unpackModel(req.model);
  const budget = () => Math.max(1, (req.deadlineAt - Date.now()) * OWN_LIMIT_SHARE);
  switch (req.solver) {
    case 'jslp': {
      const { solveJslp } = await import('./jslp.js');
      return solveJslp(model, { timeLimitMs: budget() });
    }
    case 'yalps': {
      const { solveYalps } = await import('./yalps.js');
      return solveYalps(model, { timeLimitMs: budget() });
    }
    case 'highs': {
      const { solveHighs, highsRuntime } = await import('./highs.js');
      // V8's flags are the process's: set before this worker's WebAssembly is compiled, and again by each HiGHS
      // worker for its own. Which compiler runs changes the time and memory taken, never an answer.
      setFlagsFromString(req.liftoffOnly === true ? '--liftoff-only' : '--no-liftoff-only');
      await highsRuntime();
      return solveHighs(model, { timeLimitMs: budget() });
    }
  }
}

async function warm(solver: SolverName, liftoffOnly: boolean): Promise<void> {
  if (solver === 'highs') {
    const { highsRuntime } = await import('./highs.js');
    setFlagsFromString(liftoffOnly ? '--liftoff-only' : '--no-liftoff-only');
    await highsRuntime();
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
