/**
 * The selection stage solves with the `Solve` its caller hands in, and nothing else: fakes play the outcomes a
 * real solver could produce. A selection is used only when a solver found one and the independent checker (run
 * by the app layer, `selectChecked`) accepts it; otherwise an InternalError (a TimeLimitError when every attempt ran
 * out of time), and nothing is produced.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LinearModel, ModelHints, Solve, SolveResult } from '../../src/solver/types.js';
import { InternalError, TimeLimitError } from '../../src/domain/errors.js';
import { select } from '../../src/stages/select/select.js';
import { selectChecked } from '../../src/app/pipeline.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { programme, ranked } from './helpers.js';

const realSolve = createSolve();
afterAll(closeSolvers);

const p = programme();
// The gender-swap case: the plain top-ranked selection leaves the spesialist sector two women short.
const cands = [
  ...ranked(p, 'kommune', 'K', 'FM'.repeat(15)),
  ...ranked(p, 'Helse Sør-Øst', 'SO', 'MMMMFFFFFM'),
  ...ranked(p, 'Helse Vest', 'V', 'MMMFF'),
  ...ranked(p, 'Helse Midt-Norge', 'MN', 'MMMFMF'),
  ...ranked(p, 'Helse Nord', 'N', 'MMMMF'),
];
const failed = (status: SolveResult['status']): Solve => async () => ({ status, solver: 'highs', values: null, objective: null, bound: null, gap: null, attempts: [{ solver: 'highs', status, ms: 1 }] });

/** A solve that records what the stage handed it, then answers with `answer`. */
function recording(answer: Solve): { solve: Solve; calls: Array<{ model: LinearModel; hints: ModelHints | undefined }> } {
  const calls: Array<{ model: LinearModel; hints: ModelHints | undefined }> = [];
  return {
    calls,
    solve: (model, hints) => {
      calls.push({ model, hints });
      return answer(model, hints);
    },
  };
}

async function rejection(solve: Solve): Promise<unknown> {
  try {
    await selectChecked(cands, p, { seed: 's', solve });
  } catch (e) {
    return e;
  }
  return null;
}

describe('the stage uses the solve it is handed', () => {
  it('sanity: the real solver gives a checked result for this case', async () => {
    await expect(selectChecked(cands, p, { seed: 's', solve: realSolve })).resolves.toMatchObject({ allRulesMet: true });
  });

  it('hands its one model to that solve and reports its answer, attempts included', async () => {
    const rec = recording(realSolve);
    const r = await select(cands, p, { seed: 's', solve: rec.solve });
    // The bodies' own lists first; short of the shares the bodies agreed on (acrossBodies), the balanced model,
    // which is the one applied and reported.
    const calls = rec.calls as Array<{ model: LinearModel; hints: ModelHints | undefined }>;
    expect(calls.map((c) => c.model.label)).toEqual(r.balance.proposal === null ? ['selection'] : ['selection', 'selection:balanced']);
    const { model, hints } = calls[calls.length - 1] as { model: LinearModel; hints: ModelHints | undefined };
    // Equal-cost selections can exist: the stage asks for the canonical one (the most seats to the earliest types).
    expect(hints?.canonical?.prefer).toBe('max');
    expect(hints?.canonical?.levels.map((l) => l.weight)).toEqual([r.stage.weights.genderShortfall, r.stage.weights.rank, r.stage.weights.lottery]);
    expect(r.stage).toMatchObject({ status: 'optimal', variables: model.variables.length, constraints: model.constraints.length });
    expect(r.stage.attempts.length).toBeGreaterThan(0);
  });

  it('a timed-out answer with values is used but reported as timed out, with the gap the solve gave', async () => {
    const rec = recording(async (m) => {
      const real = await realSolve(m);
      const bound = (real.objective ?? 0) - 10;
      return { ...real, status: 'timed_out', solver: 'highs', bound, gap: 0.25, attempts: [{ solver: 'highs', status: 'timed_out', ms: 1, note: 'deadline 5 ms: worker terminated' }] };
    });
    const r = await select(cands, p, { seed: 's', solve: rec.solve });
    expect(rec.calls.length).toBeGreaterThanOrEqual(1);
    expect(r.stage).toMatchObject({ status: 'timed_out', solver: 'highs', gap: 0.25, attempts: [{ solver: 'highs', status: 'timed_out', note: 'deadline 5 ms: worker terminated' }] });
    expect(r.stage.bound).toBe((r.stage.objective ?? 0) - 10);
    expect(r.candidates.filter((c) => c.status === 'selected')).toHaveLength(40);
  });

  it.each(['infeasible', 'error', 'unbounded'] as const)('a solver outcome %s without values throws E_SELECTION_UNSOLVED', async (status) => {
    const e = await rejection(failed(status));
    expect(e).toBeInstanceOf(InternalError);
    expect(e).toMatchObject({ code: 'E_SELECTION_UNSOLVED', exitCode: 4 });
    expect((e as Error).message).toContain(status);
  });

  it('timed out without values: the time limit, not a bug (E_TIME_LIMIT, exit 5)', async () => {
    const e = await rejection(failed('timed_out'));
    expect(e).toBeInstanceOf(TimeLimitError);
    expect(e).toMatchObject({ stage: 'selection', code: 'E_TIME_LIMIT', exitCode: 5 });
  });

  it('a claimed optimum that ignores the gender rules is caught by the checker (E_SELECTION_CHECK)', async () => {
    // Solve the model without its gender rows: the top-ranked of each cell, "optimal" for the wrong model.
    const e = await rejection((m, h) => realSolve({ ...m, constraints: m.constraints.filter((c) => !c.name.startsWith('gender:')) }, h));
    expect(e).toBeInstanceOf(InternalError);
    expect(e).toMatchObject({ code: 'E_SELECTION_CHECK' });
    expect((e as Error).message).toContain('gender_rules_below_achievable');
  });

  it('a claimed optimum that breaks the ranking is caught by the checker', async () => {
    // Reverse the ranking costs: the worst-ranked are picked (a broken solver; no canonical choice, whose levels would
    // no longer match the costs).
    const e = await rejection((m, h) => realSolve({ ...m, variables: m.variables.map((v) => (v.name.startsWith('x') ? { ...v, cost: -v.cost } : v)) }, { ...h, canonical: undefined }));
    expect(e).toMatchObject({ code: 'E_SELECTION_CHECK' });
    expect((e as Error).message).toContain('justified_envy');
  });
});
