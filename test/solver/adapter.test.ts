/**
 * The adapter end to end: workers, deadlines, the fallback chain, validation of every answer, and the
 * pool's effect on process exit. Needs the built worker (`npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { closeSolvers, createSolve, judge, solve, warmUp, workerScriptUrl } from '../../src/solver/index.js';
import type { LinearModel, SolverName } from '../../src/solver/types.js';
import { feasible, infeasibleMip, knapsack, objective, smallLp } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

afterAll(async () => {
  await closeSolvers();
});

describe('worker script location', () => {
  it('from TypeScript source points at the built dist/solver/worker.js of the same checkout', () => {
    expect(workerScriptUrl('file:///repo/src/solver/index.ts').href).toBe('file:///repo/dist/solver/worker.js');
    expect(workerScriptUrl('file:///repo/src/solver/index.mts').href).toBe('file:///repo/dist/solver/worker.js');
  });

  it('from the built module points beside it', () => {
    expect(workerScriptUrl('file:///repo/dist/solver/index.js').href).toBe('file:///repo/dist/solver/worker.js');
    expect(workerScriptUrl('file:///opt/x/node_modules/cohort/dist/solver/index.js').href).toBe('file:///opt/x/node_modules/cohort/dist/solver/worker.js');
  });

  it('the resolved script exists for this checkout (built by npm test)', () => {
    const url = workerScriptUrl(new URL('../../src/solver/index.ts', import.meta.url).href);
    expect(existsSync(url)).toBe(true);
  });
});

const ALL: SolverName[] = ['jslp', 'yalps', 'highs'];

describe.each(ALL)('through a worker: %s', (solver) => {
  it('proves the knapsack optimum', async () => {
    const r = await solve(knapsack, { solvers: [solver] });
    expect(r.status).toBe('optimal');
    expect(r.solver).toBe(solver);
    expect(r.objective).toBe(-23);
    expect(r.bound).toBe(-23);
    expect(r.gap).toBe(0);
    expect(r.values).toEqual([1, 1, 0, 0]);
    expect(r.attempts).toHaveLength(1);
  });

  it('solves an LP and reports the objective with its offset', async () => {
    const r = await solve(smallLp, { solvers: [solver] });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(-1.8, 6);
    expect(feasible(smallLp, r.values ?? [])).toBe(true);
  });
});

describe('infeasible models', () => {
  it('the default chain confirms an integer infeasibility with HiGHS, never on the first try on the calling thread alone', async () => {
    const r = await solve(infeasibleMip);
    expect(r.status).toBe('infeasible');
    expect(r.solver).toBe('highs');
    expect(r.values).toBeNull();
    expect(r.attempts.map((a) => a.solver)).toEqual(['yalps', 'highs']);
    // YALPS's own claim on the calling thread is not a proof (unless it ran out of its time on a loaded machine).
    const firstTry = r.attempts[0];
    expect(firstTry?.status === 'timed_out' || (firstTry?.status === 'infeasible' && firstTry.note?.includes('unconfirmed') === true)).toBe(true);
  });

  it('javascript-lp-solver alone cannot make an integer model infeasible', async () => {
    const r = await solve(infeasibleMip, { solvers: ['jslp'], deadlineMs: 5000 });
    expect(r.status).not.toBe('infeasible');
    expect(r.status).not.toBe('optimal');
    expect(r.values).toBeNull();
  });

  it('YALPS proves it too', async () => {
    const r = await solve(infeasibleMip, { solvers: ['yalps'] });
    expect(r.status).toBe('infeasible');
  });
});

describe('deadlines', () => {
  // The deadline is a timer in this thread. Faking only setTimeout/clearTimeout makes "the deadline passes
  // before the solver answers" an order of events instead of a race against the machine's speed: the workers
  // still run on real time, and the timer fires exactly when the test advances it.
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends an attempt at its deadline without waiting for the answer, reports timed_out, and the pool recovers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // The worker's answer can only arrive on a later turn of the event loop, after the timer fired: had the
    // adapter waited for it instead, the status would be optimal (javascript-lp-solver proves this knapsack).
    const pending = solve(knapsack, { solvers: ['jslp'], deadlineMs: 150 });
    vi.advanceTimersByTime(150);
    const r = await pending;
    expect(r.status).toBe('timed_out');
    expect(r.values).toBeNull();
    expect(r.bound).toBeNull();
    expect(r.attempts).toHaveLength(1);
    expect(r.attempts[0]).toMatchObject({ solver: 'jslp', status: 'timed_out', note: 'deadline 150 ms: worker terminated' });
    vi.useRealTimers();
    const again = await solve(knapsack, { solvers: ['jslp'] });
    expect(again.status).toBe('optimal');
  });

  it('falls back to the next solver after a timeout, which then proves the optimum', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // The first attempt's deadline passes at once; HiGHS's attempt starts after that, and its timer is never
    // advanced, so it ends when HiGHS answers.
    const pending = solve(knapsack, { solvers: ['jslp', 'highs'], deadlineMs: 60_000 });
    vi.advanceTimersByTime(60_000);
    const r = await pending;
    expect(r.attempts.map((a) => [a.solver, a.status])).toEqual([
      ['jslp', 'timed_out'],
      ['highs', 'optimal'],
    ]);
    expect(r).toMatchObject({ status: 'optimal', solver: 'highs', objective: -23, bound: -23, gap: 0, values: [1, 1, 0, 0] });
  });

  it('a process with a hanging solve and no closeSolvers() still exits by itself after the deadline', async () => {
    const script = `
      import { solve } from ${JSON.stringify(new URL('dist/solver/index.js', `file://${ROOT}`).href)};
      const n = 700; let s = 1; const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
      const variables = Array.from({ length: n }, (_, i) => ({ name: 'x' + i, cost: -1 - rnd(), ub: 10 }));
      const constraints = Array.from({ length: n }, (_, k) => ({ name: 'c' + k, terms: Array.from({ length: n }, (_, j) => [j, rnd()]), hi: n / 4 }));
      const r = await solve({ label: 'dense', variables, constraints }, { solvers: ['jslp'], deadlineMs: 200 });
      const k = await solve({ label: 'k', variables: [{ name: 'x', cost: 1, integer: true, ub: 3 }], constraints: [{ name: 'c', terms: [[0, 1]], lo: 2 }] }, { solvers: ['highs'] });
      process.stdout.write(r.status + ' ' + k.status + ' ' + k.objective);
    `;
    // No timeout of our own: a process kept alive by a worker never exits, and the test's timeout reports that.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    expect(stderr).toBe('');
    expect(stdout).toBe('timed_out optimal 2');
    expect(exit).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('every answer is checked, none is trusted', () => {
  const mip: LinearModel = {
    label: 'm',
    variables: [
      { name: 'x', cost: 1, ub: 5, integer: true },
      { name: 'y', cost: 2, ub: 5, integer: true },
    ],
    constraints: [{ name: 'c', terms: [[0, 1], [1, 1]], lo: 3, hi: 3 }],
  };

  it('a claimed optimum with fractional integer values (the javascript-lp-solver timeout quirk) is not optimal', () => {
    const v = judge(mip, 'jslp', { status: 'optimal', values: [1.5, 1.5], bound: null });
    expect(v.attempt.status).toBe('error');
    expect(v.attempt.note).toMatch(/fractional/);
    expect(v.checked).toBeNull();
    expect(v.final).toBe(false);
  });

  it('values within 1e-6 of integers are rounded and the objective is recomputed', () => {
    const v = judge(mip, 'highs', { status: 'optimal', values: [3 - 4e-7, 2e-7], bound: 2.9 });
    expect(v.final).toBe(true);
    expect(v.checked).toEqual({ values: [3, 0], objective: 3 });
  });

  it('a claimed optimum that breaks a row is rejected', () => {
    const v = judge(mip, 'yalps', { status: 'optimal', values: [1, 1], bound: null });
    expect(v.attempt.status).toBe('error');
    expect(v.attempt.note).toMatch(/constraint c/);
  });

  it('a claimed optimum without values is rejected', () => {
    expect(judge(mip, 'highs', { status: 'optimal', values: null, bound: null }).final).toBe(false);
  });

  it('infeasibility from javascript-lp-solver counts only for a model without integer variables', () => {
    const claim = { status: 'infeasible' as const, values: null, bound: null };
    expect(judge(mip, 'jslp', claim)).toMatchObject({ final: false, unconfirmedInfeasible: true });
    const lp = { ...mip, variables: mip.variables.map((v) => ({ ...v, integer: false })) };
    expect(judge(lp, 'jslp', claim)).toMatchObject({ final: true, unconfirmedInfeasible: false });
    expect(judge(mip, 'highs', claim)).toMatchObject({ final: true });
    // A quick first try on the calling thread is confirmed by a worker's solver.
    expect(judge(mip, 'yalps', claim, true)).toMatchObject({ final: false, unconfirmedInfeasible: true });
    expect(judge(mip, 'yalps', claim)).toMatchObject({ final: true });
  });

  it('a timed-out incumbent that passes the check is kept as a solution, not as optimal', () => {
    const v = judge(mip, 'highs', { status: 'timed_out', values: [3, 0], bound: 2 });
    expect(v).toMatchObject({ final: false, checked: { objective: 3 } });
  });
});

describe('chain and pool', () => {
  it('solve follows the policy: YALPS answers a small model on this thread; a hint that javascript-lp-solver does not suit sends it to HiGHS', async () => {
    // The order is the policy's; whether YALPS beats its 1 s on a loaded machine is not.
    const first = await solve(knapsack);
    expect(first.attempts[0]?.solver).toBe('yalps');
    expect(first.status).toBe('optimal');
    if (first.attempts[0]?.status !== 'optimal') expect(first.attempts[1]?.solver).toBe('highs');
    expect((await solve(knapsack, { jslpSuits: false })).attempts.map((a) => [a.solver, a.status])).toEqual([['highs', 'optimal']]);
  });

  it('createSolve binds the caller\'s options; the stage\'s hints still apply', async () => {
    const yalpsOnly = createSolve({ solvers: ['yalps'] });
    expect(await yalpsOnly(knapsack)).toMatchObject({ status: 'optimal', solver: 'yalps', objective: -23 });
    const byPolicy = createSolve({ deadlineMs: 5_000 });
    expect((await byPolicy(knapsack, { jslpSuits: false })).attempts.map((a) => a.solver)).toEqual(['highs']);
  });

  it('a model without variables is settled without a solver', async () => {
    expect((await solve({ label: 'e', variables: [], constraints: [], offset: 4 })).objective).toBe(4);
    expect((await solve({ label: 'e', variables: [], constraints: [{ name: 'c', terms: [], lo: 1 }] })).status).toBe('infeasible');
  });

  it('concurrent solves on one solver each get a worker and the right answer', async () => {
    warmUp(['highs']);
    const models = [knapsack, smallLp, knapsack, smallLp];
    const rs = await Promise.all(models.map((m) => solve(m, { solvers: ['highs'] })));
    rs.forEach((r, i) => {
      const m = models[i];
      if (m === undefined) throw new Error('unreachable');
      expect(r.status).toBe('optimal');
      expect(r.objective).toBeCloseTo(objective(m, r.values ?? []), 9);
    });
  });

  it('closeSolvers ends the pool and a later solve starts a fresh worker', async () => {
    await closeSolvers();
    await closeSolvers();
    expect((await solve(knapsack, { solvers: ['yalps'] })).status).toBe('optimal');
  });
});
