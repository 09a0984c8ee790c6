/** Test helpers for the solver adapter: a seeded PRNG, model builders, an independent feasibility check. */
import type { LinearModel } from '../../src/solver/types.js';

/** mulberry32: a small seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randInt(rnd: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

/**
 * A random bounded integer program: 3–6 variables in [0, 1..3], 2–5 rows with integer coefficients in
 * [−3, 3], each row ≤, ≥ or a range (sometimes an empty one). Small enough to enumerate.
 */
export function randomMip(seed: number): LinearModel {
  const rnd = prng(seed);
  const n = randInt(rnd, 3, 6);
  const m = randInt(rnd, 2, 5);
  const variables = Array.from({ length: n }, (_, i) => ({ name: `x${i}`, cost: randInt(rnd, -5, 5), ub: randInt(rnd, 1, 3), integer: true }));
  const constraints = Array.from({ length: m }, (_, k) => {
    const terms: Array<[number, number]> = [];
    for (let j = 0; j < n; j++) {
      if (rnd() < 0.7) {
        const a = randInt(rnd, -3, 3);
        if (a !== 0) terms.push([j, a]);
      }
    }
    const kind = randInt(rnd, 0, 9);
    const bounds =
      kind <= 3 ? { hi: randInt(rnd, 0, 8) } : kind <= 6 ? { lo: randInt(rnd, -3, 2) } : kind <= 8 ? { lo: randInt(rnd, -1, 2), hi: randInt(rnd, 2, 6) } : { lo: randInt(rnd, -1, 3), hi: randInt(rnd, -1, 3) };
    return { name: `r${k}`, terms, ...bounds };
  });
  return { label: `random-${seed}`, variables, constraints };
}

/** Rows and bounds hold for these values (tolerance 1e-6)? Independent of the adapter's own check. */
export function feasible(model: LinearModel, x: readonly number[]): boolean {
  const tol = 1e-6;
  const okVars = model.variables.every((v, i) => {
    const xi = x[i] ?? Number.NaN;
    return xi >= (v.lb ?? 0) - tol && xi <= (v.ub ?? Number.POSITIVE_INFINITY) + tol && (v.integer !== true || Math.abs(xi - Math.round(xi)) < tol);
  });
  return (
    okVars &&
    model.constraints.every((c) => {
      const act = c.terms.reduce((s, [j, a]) => s + a * (x[j] ?? Number.NaN), 0);
      return act >= (c.lo ?? Number.NEGATIVE_INFINITY) - tol && act <= (c.hi ?? Number.POSITIVE_INFINITY) + tol;
    })
  );
}

export function objective(model: LinearModel, x: readonly number[]): number {
  return model.variables.reduce((s, v, i) => s + v.cost * (x[i] ?? 0), model.offset ?? 0);
}

/** Optimum of an all-integer bounded model by enumeration, or null when infeasible. */
export function bruteForce(model: LinearModel): number | null {
  const n = model.variables.length;
  const x = new Array<number>(n).fill(0);
  let best: number | null = null;
  const rec = (i: number): void => {
    if (i === n) {
      if (feasible(model, x)) {
        const o = objective(model, x);
        if (best === null || o < best) best = o;
      }
      return;
    }
    const v = model.variables[i];
    if (v === undefined) return;
    for (let k = v.lb ?? 0; k <= (v.ub ?? 0); k++) {
      x[i] = k;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

/** A dense random LP that javascript-lp-solver needs far longer than any test deadline for. */
export function denseLp(n: number, seed = 1): LinearModel {
  const rnd = prng(seed);
  const variables = Array.from({ length: n }, (_, i) => ({ name: `x${i}`, cost: -1 - rnd(), ub: 10 }));
  const constraints = Array.from({ length: n }, (_, k) => ({
    name: `c${k}`,
    terms: Array.from({ length: n }, (_, j) => [j, rnd()] as const),
    hi: n / 4,
  }));
  return { label: 'dense', variables, constraints };
}

/** A small knapsack with a known optimum: max 10a + 13b + 7c + 8d s.t. 4a + 6b + 3c + 5d ≤ 10 (binary) → 23 (a, b). */
export const knapsack: LinearModel = {
  label: 'knapsack',
  variables: [
    { name: 'a', cost: -10, ub: 1, integer: true },
    { name: 'b', cost: -13, ub: 1, integer: true },
    { name: 'c', cost: -7, ub: 1, integer: true },
    { name: 'd', cost: -8, ub: 1, integer: true },
  ],
  constraints: [{ name: 'weight', terms: [[0, 4], [1, 6], [2, 3], [3, 5]], hi: 10 }],
};

/** An LP with a known optimum: min −x − y s.t. x + 2y ≤ 4, 3x + y ≤ 6 → x = 1.6, y = 1.2, objective −2.8 (+ offset 1). */
export const smallLp: LinearModel = {
  label: 'lp',
  variables: [
    { name: 'x', cost: -1 },
    { name: 'y', cost: -1 },
  ],
  constraints: [
    { name: 'a', terms: [[0, 1], [1, 2]], hi: 4 },
    { name: 'b', terms: [[0, 3], [1, 1]], hi: 6 },
  ],
  offset: 1,
};

/** Infeasible: an integer x in [0, 1] with x ≥ 2 — and an odd sum of even terms (LP-feasible, integer-infeasible). */
export const infeasibleMip: LinearModel = {
  label: 'parity',
  variables: Array.from({ length: 12 }, (_, i) => ({ name: `x${i}`, cost: (i % 3) - 1, ub: 1, integer: true })),
  constraints: [{ name: 'odd', terms: Array.from({ length: 12 }, (_, i) => [i, 2] as const), lo: 11, hi: 11 }],
};
