/**
 * Deadlines degrade, never crash (issue 16): a stage whose solvers found no solution within the time limit ends
 * the run with "no result within the time limit; try --time-limit N" (exit 5), whichever stage it is; a solver
 * that fails without running out of time is a bug (exit 4); an optimum whose canonical choice was cut short is
 * used and labelled. In-process, with handed-in solves that time out where told to.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/app/allocate.js';
import { computeAllocation, type AllocateOptions } from '../../src/app/pipeline.js';
import { EXIT, InternalError, TimeLimitError } from '../../src/domain/errors.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import type { Solve, SolveStatus } from '../../src/solver/types.js';
import { NOT_CANONICAL_NOTE } from '../../src/stages/common.js';
import { ROOT, SAMPLE_NB } from '../e2e/helpers.js';

afterAll(async () => {
  await closeSolvers();
});

const real = createSolve();

/** Models whose label starts with `prefix` get no answer: every attempt ends with `status`. */
function failing(prefix: string, status: SolveStatus = 'timed_out'): Solve {
  return async (model, hints) => {
    if (!model.label.startsWith(prefix)) return real(model, hints);
    return { status, solver: 'highs', values: null, objective: null, bound: null, gap: null, attempts: [{ solver: 'highs', status, ms: 50, note: status === 'timed_out' ? 'deadline 50 ms: worker terminated' : 'worker exited with code 1' }] };
  };
}

const options = (solve: Solve): AllocateOptions => ({ files: SAMPLE_NB, cwd: ROOT, out: '', encoding: 'auto', json: false, force: false, include: [], exclude: [], deadlineMs: 50, solve });

async function rejection(solve: Solve): Promise<unknown> {
  try {
    await computeAllocation(options(solve));
  } catch (err) {
    return err;
  }
  return null;
}

describe('a stage without a solution within the time limit', () => {
  it.each([
    ['selection', 'a selection'],
    ['groups', 'workshop groups'],
    ['teams', 'project teams'],
  ] as const)('%s: TimeLimitError, exit 5, naming the limit and a longer one to try', async (stage, what) => {
    const err = await rejection(failing(stage));
    expect(err).toBeInstanceOf(TimeLimitError);
    expect(err).toMatchObject({ stage, code: 'E_TIME_LIMIT', exitCode: EXIT.timeLimit });
    expect((err as Error).message).toBe(`no result within the time limit: no solver found ${what} in 0.05 s per attempt; try --time-limit 20`);
  });

  it('a solver that fails without running out of time is a bug (exit 4), not a fallback', async () => {
    const err = await rejection(failing('groups', 'error'));
    expect(err).toBeInstanceOf(InternalError);
    expect(err).toMatchObject({ code: 'E_GROUPS_UNSOLVED', exitCode: EXIT.internal });
  });
});

describe('an optimum whose canonical choice the time limit cut short', () => {
  it('is used, and every stage says so in summary.json', async () => {
    const cutShort: Solve = async (model, hints) => ({ ...(await real(model, hints)), canonical: false });
    const a = await computeAllocation(options(cutShort));
    const stages = buildSummary(a).stages;
    // Each stage's answer is still an optimum. The teams stage uses the column model's answer only when it is the
    // canonical optimum: here its teams are the search's, proven as good as any by the column model's bound.
    expect(stages.map((s) => s.status)).toEqual(['optimal', 'optimal', 'optimal']);
    for (const s of stages) expect(s.model.endsWith(NOT_CANONICAL_NOTE), s.stage).toBe(true);
  });
});
