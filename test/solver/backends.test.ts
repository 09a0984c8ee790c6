/**
 * Each backend in-process (no worker): translation of the model and of the answer back, on models with
 * known optima, plus the import wrappers that work around `module: nodenext` typing.
 */
import { describe, expect, it } from 'vitest';
import jslpImport from 'javascript-lp-solver';
import highsImport from 'highs';
import { jslp, resolveJslp, solveJslp, toJslpModel } from '../../src/solver/jslp.js';
import { resolveHighsLoader, solveHighs } from '../../src/solver/highs.js';
import { solveYalps } from '../../src/solver/yalps.js';
import { fromColumns, packModel, toNonNegativeForm, unpackModel, type BackendAnswer } from '../../src/solver/backend.js';
import type { LinearModel } from '../../src/solver/types.js';
import { infeasibleMip, knapsack, objective, smallLp } from './helpers.js';

const backends: Array<[string, (m: LinearModel) => BackendAnswer | Promise<BackendAnswer>]> = [
  ['jslp', (m) => solveJslp(m, { timeLimitMs: 5000 })],
  ['yalps', (m) => solveYalps(m, { timeLimitMs: 5000 })],
  ['highs', (m) => solveHighs(m, { timeLimitMs: 5000 })],
];

describe('import wrappers', () => {
  it('javascript-lp-solver: the default import resolves to an object with a working Solve', () => {
    const api = resolveJslp(jslpImport as unknown);
    expect(typeof api.Solve).toBe('function');
    const r = api.Solve({ optimize: 'c', opType: 'min', constraints: { r: { min: 2 } }, variables: { x: { c: 1, r: 1 } }, ints: {}, options: { tolerance: 0, timeout: 1000, exitOnCycles: true } }) as Record<string, unknown>;
    expect(r.feasible).toBe(true);
    expect(r.x).toBe(2);
    expect(jslp()).toBe(api);
  });

  it('javascript-lp-solver: accepts the solver object itself or a wrapper with it under default, rejects anything else', () => {
    const solver = { Solve: () => 42 };
    expect(resolveJslp(solver)).toBe(solver);
    expect(resolveJslp({ default: solver })).toBe(solver);
    expect(() => resolveJslp({ default: {} })).toThrow(/no Solve function/);
    expect(() => resolveJslp(undefined)).toThrow(/no Solve function/);
  });

  it('highs: the default import resolves to the loader function', async () => {
    const loader = resolveHighsLoader(highsImport as unknown);
    const rt = await loader();
    expect(typeof rt.createModel).toBe('function');
    const fn = async () => rt;
    expect(resolveHighsLoader({ default: fn })).toBe(fn);
    expect(() => resolveHighsLoader({})).toThrow(/not a loader function/);
  });
});

describe.each(backends)('%s backend', (_name, run) => {
  it('solves a knapsack to its known optimum', async () => {
    const a = await run(knapsack);
    expect(a.status).toBe('optimal');
    expect(a.values).not.toBeNull();
    expect(objective(knapsack, a.values ?? [])).toBeCloseTo(-23, 9);
  });

  it('solves an LP with an offset to its known optimum', async () => {
    const a = await run(smallLp);
    expect(a.status).toBe('optimal');
    expect(a.values?.[0]).toBeCloseTo(1.6, 6);
    expect(a.values?.[1]).toBeCloseTo(1.2, 6);
    expect(objective(smallLp, a.values ?? [])).toBeCloseTo(-1.8, 6);
  });

  it('handles shifted, negative and free variables', async () => {
    // min x + y − z, x ∈ [2, 5] integer, y ∈ (−∞, −1], z free, z ≤ 3 + y  →  x = 2, y = −1, z = 2: 2 − 1 − 2 = −1
    const m: LinearModel = {
      label: 'bounds',
      variables: [
        { name: 'x', cost: 1, lb: 2, ub: 5, integer: true },
        { name: 'y', cost: 1, lb: Number.NEGATIVE_INFINITY, ub: -1 },
        { name: 'z', cost: -1, lb: Number.NEGATIVE_INFINITY },
      ],
      constraints: [
        { name: 'zy', terms: [[2, 1], [1, -1]], hi: 3 },
        { name: 'ylo', terms: [[1, 1]], lo: -10 },
      ],
    };
    const a = await run(m);
    expect(a.status).toBe('optimal');
    expect(objective(m, a.values ?? [])).toBeCloseTo(-1, 6);
    expect(a.values?.[0]).toBeCloseTo(2, 6);
  });
});

describe('infeasible and unbounded', () => {
  it('HiGHS and YALPS prove the parity model infeasible', async () => {
    expect((await solveHighs(infeasibleMip, { timeLimitMs: 5000 })).status).toBe('infeasible');
    expect(solveYalps(infeasibleMip, { timeLimitMs: 5000 }).status).toBe('infeasible');
  });

  it('javascript-lp-solver says infeasible without values on an infeasible LP', () => {
    const lp: LinearModel = { label: 'inf', variables: [{ name: 'x', cost: 1, ub: 1 }], constraints: [{ name: 'c', terms: [[0, 1]], lo: 2 }] };
    const a = solveJslp(lp, { timeLimitMs: 1000 });
    expect(a.status).toBe('infeasible');
    expect(a.values).toBeNull();
  });

  it('a row without terms that excludes 0 is infeasible before any solver runs', () => {
    const m: LinearModel = { label: 'empty-row', variables: [{ name: 'x', cost: 1 }], constraints: [{ name: 'c', terms: [], lo: 1 }] };
    expect(toNonNegativeForm(m).triviallyInfeasible).toMatch(/no terms/);
    expect(solveJslp(m, { timeLimitMs: 100 }).status).toBe('infeasible');
  });

  it.each(backends)('%s reports an unbounded LP as unbounded', async (_n, run) => {
    const m: LinearModel = { label: 'unb', variables: [{ name: 'x', cost: -1 }], constraints: [{ name: 'c', terms: [[0, 1]], lo: 1 }] };
    expect((await run(m)).status).toBe('unbounded');
  });
});

describe('translation', () => {
  it('merges duplicate terms and maps bounds to rows for javascript-lp-solver', () => {
    const m: LinearModel = {
      label: 't',
      variables: [{ name: 'x', cost: 2, lb: 1, ub: 4, integer: true }],
      constraints: [{ name: 'c', terms: [[0, 1], [0, 2]], lo: 3, hi: 3 + 6 }],
    };
    const { json, form } = toJslpModel(m, 1000);
    // x = 1 + y: 3y + 3 ∈ [3, 9] → 3y ∈ [0, 6]; bound row y ≤ 3
    expect(json.constraints.r0).toEqual({ min: 0, max: 6 });
    expect(json.variables.y0).toEqual({ __cost: 2, r0: 3, r1: 1 });
    expect(json.constraints.r1).toEqual({ max: 3 });
    expect(json.ints).toEqual({ y0: 1 });
    expect(form.shiftCost).toBe(2);
    expect(fromColumns(form, () => 2)).toEqual([3]);
  });

  it('packs and unpacks a model for the worker without loss', () => {
    const m: LinearModel = {
      label: 'p',
      variables: [
        { name: 'a', cost: 1.5, lb: -2, ub: 3, integer: true },
        { name: 'b', cost: -1 },
      ],
      constraints: [
        { name: 'r', terms: [[0, 1], [1, -2]], lo: 0 },
        { name: 's', terms: [[1, 4]], hi: 7 },
      ],
      offset: 3,
    };
    expect(unpackModel(packModel(m).packed)).toEqual(m);
  });
});
