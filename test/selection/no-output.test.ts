/**
 * A selection is returned only when a solver found one and the independent checker accepts it:
 * otherwise `select` throws an InternalError and produces nothing. The solver is mocked here to play
 * the failures a real solver could produce.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinearModel, SolveOptions, SolveResult } from '../../src/solver/types.js';
import { InternalError } from '../../src/domain/errors.js';
import type * as SolverModule from '../../src/solver/index.js';
import { programme, ranked } from './helpers.js';

type SolveFn = (m: LinearModel, o?: SolveOptions) => Promise<SolveResult>;
const behaviour: { next: SolveFn | null } = { next: null };

vi.mock('../../src/solver/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof SolverModule>();
  return { ...actual, solve: (m: LinearModel, o?: SolveOptions) => (behaviour.next ?? actual.solve)(m, o) };
});

const { select } = await import('../../src/stages/select/select.js');
const { closeSolvers, solve: realSolve } = await vi.importActual<typeof SolverModule>('../../src/solver/index.js');

afterAll(closeSolvers);
beforeEach(() => {
  behaviour.next = null;
});

const p = programme();
// The gender-swap case: the plain top-ranked selection leaves the spesialist sector two women short.
const cands = [
  ...ranked(p, 'kommune', 'K', 'FM'.repeat(15)),
  ...ranked(p, 'Helse Sør-Øst', 'SO', 'MMMMFFFFFM'),
  ...ranked(p, 'Helse Vest', 'V', 'MMMFF'),
  ...ranked(p, 'Helse Midt-Norge', 'MN', 'MMMFMF'),
  ...ranked(p, 'Helse Nord', 'N', 'MMMMF'),
];
const failed = (status: SolveResult['status']): SolveFn => async () => ({ status, solver: 'highs', values: null, objective: null, bound: null, gap: null, attempts: [{ solver: 'highs', status, ms: 1 }] });

async function rejection(): Promise<unknown> {
  try {
    await select(cands, p, { seed: 's' });
  } catch (e) {
    return e;
  }
  return null;
}

describe('no output without a checked solution', () => {
  it('sanity: the real solver gives a result for this case', async () => {
    await expect(select(cands, p, { seed: 's' })).resolves.toMatchObject({ allRulesMet: true });
  });

  it.each(['infeasible', 'timed_out', 'error', 'unbounded'] as const)('a solver outcome %s without values throws E_SELECTION_UNSOLVED', async (status) => {
    behaviour.next = failed(status);
    const e = await rejection();
    expect(e).toBeInstanceOf(InternalError);
    expect(e).toMatchObject({ code: 'E_SELECTION_UNSOLVED', exitCode: 4 });
    expect((e as Error).message).toContain(status);
  });

  it('a claimed optimum that ignores the gender rules is caught by the checker (E_SELECTION_CHECK)', async () => {
    // Solve the model without its gender rows: the top-ranked of each cell, "optimal" for the wrong model.
    behaviour.next = (m, o) => realSolve({ ...m, constraints: m.constraints.filter((c) => !c.name.startsWith('gender:')) }, o);
    const e = await rejection();
    expect(e).toBeInstanceOf(InternalError);
    expect(e).toMatchObject({ code: 'E_SELECTION_CHECK' });
    expect((e as Error).message).toContain('gender_rules_below_achievable');
  });

  it('a claimed optimum that breaks the ranking is caught by the checker', async () => {
    // Reverse the ranking costs: the worst-ranked are picked.
    behaviour.next = (m, o) => realSolve({ ...m, variables: m.variables.map((v) => (v.name.startsWith('x') ? { ...v, cost: -v.cost } : v)) }, o);
    const e = await rejection();
    expect(e).toMatchObject({ code: 'E_SELECTION_CHECK' });
    expect((e as Error).message).toContain('justified_envy');
  });
});
