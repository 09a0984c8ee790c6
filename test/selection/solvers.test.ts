/**
 * The selection model on every solver behind the adapter: on random cohorts (some with binding gender
 * rules, ties and unknown genders) all three prove the same optimal objective, and each answer passes
 * the independent checker (select would throw otherwise).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { selectChecked } from '../../src/app/pipeline.js';
import type { Gender, Rhf, ScreenedCandidate } from '../../src/domain/types.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import type { SolverName } from '../../src/solver/types.js';
import { prng, randInt } from '../solver/helpers.js';
import { cand, programme } from './helpers.js';

afterAll(closeSolvers);

const CELLS: Array<'kommune' | Rhf> = ['kommune', 'Helse Sør-Øst', 'Helse Vest', 'Helse Midt-Norge', 'Helse Nord'];

function cohort(seed: number, n: number, women: number): ScreenedCandidate[] {
  const p = programme();
  const rnd = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const r = rnd();
    const gender: Gender = r < women ? 'female' : r < 0.97 ? 'male' : 'unknown';
    const cell = CELLS[randInt(rnd, 0, 9) < 4 ? 0 : randInt(rnd, 1, 4)] ?? 'kommune';
    const priority = rnd() < 0.25 ? null : randInt(rnd, 1, 15);
    return cand(p, { id: `R${seed}-${i}`, line: i + 2, cell, gender, priority, ineligible: rnd() < 0.1 ? ['no_bachelor'] : [] });
  });
}

describe('selection on each solver', () => {
  it.each([
    [1, 150, 0.6],
    [2, 150, 0.85],
    [3, 90, 0.3],
    [4, 400, 0.9],
    [5, 60, 0.5],
    [6, 250, 0.15],
  ])('seed %i (%i candidates, %f women): jslp, YALPS and HiGHS prove the same optimum', async (seed, n, women) => {
    const p = programme({ gender: { cells: seed % 2 === 0 ? 'table' : 'none' } });
    const rows = cohort(seed, n, women);
    const results = [];
    for (const s of ['jslp', 'yalps', 'highs'] as SolverName[]) results.push(await selectChecked(rows, p, { seed: 'x', solve: createSolve({ solvers: [s] }) }));
    for (const r of results) {
      expect(r.stage.status).toBe('optimal');
      expect(r.stage.objective).toBe(results[0]?.stage.objective);
      expect(r.stage.terms).toEqual(results[0]?.stage.terms);
    }
  });
});
