/**
 * The group and team stages solve with the `Solve` their caller hands in, and nothing else: every model they build
 * goes through it, the report records what it answered, and a timeout is reported as one (never as `optimal`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { computeGroups } from '../../src/stages/groups/groups.js';
import { computeTeams } from '../../src/stages/teams/teams.js';
import { formGroups, formTeams } from '../../src/app/pipeline.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import type { LinearModel, ModelHints, Solve, SolveResult } from '../../src/solver/types.js';
import { makeCohort, programme } from './cohort.js';

const realSolve = createSolve();
afterAll(async () => {
  await closeSolvers();
});

interface Call {
  model: LinearModel;
  hints: ModelHints | undefined;
}

/** A solve that records what the stage handed it, then answers with `answer`. */
function recording(answer: Solve): { solve: Solve; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    solve: (model, hints) => {
      calls.push({ model, hints });
      return answer(model, hints);
    },
  };
}

/** Every attempt ran out of time before any solution was found. */
const timedOut: Solve = async () => ({ status: 'timed_out', solver: 'highs', values: null, objective: null, bound: null, gap: null, attempts: [{ solver: 'highs', status: 'timed_out', ms: 5, note: 'deadline 5 ms: worker terminated' }] });

/** The real answer, but as if the deadline had cut the proof short: same values, no proven bound. */
const unproven: Solve = async (model, hints) => {
  const r: SolveResult = await realSolve(model, hints);
  return { ...r, status: 'timed_out', bound: null, gap: null, attempts: [...r.attempts, { solver: 'highs', status: 'timed_out', ms: 5 }] };
};

const cohort = makeCohort({ seed: 'typical-1' });

describe('workshop groups with a handed-in solve', () => {
  it('every model goes through the solve it is handed, with the hint the model needs; the report lists them', async () => {
    const rec = recording(realSolve);
    const r = await computeGroups(cohort, programme(), { seed: 'lottery', solve: rec.solve });
    expect(rec.calls.length).toBeGreaterThan(0);
    expect(rec.calls.map((c) => ({ variables: c.model.variables.length, constraints: c.model.constraints.length }))).toEqual(
      r.report.modelSizes.map((s) => ({ variables: s.variables, constraints: s.constraints })),
    );
    for (const c of rec.calls) {
      const variant = c.model.label.replace(/^groups-/, '');
      // Only the band variants suit javascript-lp-solver; the others have absolute-value deviation variables. Equal-cost
      // groupings can exist, so the stage asks for the canonical optimum.
      expect(c.hints?.jslpSuits, c.model.label).toBe(variant === 'bands' || variant === 'coarse');
      expect(c.hints?.canonical?.levels.length, c.model.label).toBeGreaterThan(0);
    }
    expect(r.report.status).toBe('optimal');
  });

  it('an unproven (timed-out) answer gives valid groups labelled feasible, never optimal', async () => {
    const r = await formGroups(cohort, programme(), { seed: 'lottery', solve: unproven });
    const proven = await formGroups(cohort, programme(), { seed: 'lottery', solve: realSolve });
    expect(r.groups).toEqual(proven.groups);
    expect(r.report).toMatchObject({ status: 'feasible', solverStatus: 'timed_out', bound: null, gap: null });
    expect(r.report.attempts.at(-1)).toMatchObject({ solver: 'highs', status: 'timed_out' });
  });

  it('no answer at all: the greedy fallback, reported as an error with the timed-out attempts', async () => {
    const rec = recording(timedOut);
    const r = await computeGroups(cohort, programme(), { seed: 'lottery', solve: rec.solve });
    expect(rec.calls.length).toBeGreaterThan(0);
    expect(r.report).toMatchObject({ status: 'error', solverStatus: 'timed_out', solver: null, bound: null, gap: null });
    expect(r.report.model).toContain('greedy fallback');
    expect(r.report.attempts).toHaveLength(rec.calls.length);
    expect(r.report.attempts.every((a) => a.status === 'timed_out' && a.note === 'deadline 5 ms: worker terminated')).toBe(true);
    expect(Object.keys(r.groupOf).sort()).toEqual(cohort.map((c) => c.id).sort());
  });
});

describe('project teams with a handed-in solve', () => {
  it('every model goes through the solve it is handed; the report lists them', async () => {
    const groups = await computeGroups(cohort, programme(), { seed: 'lottery', solve: realSolve });
    const rec = recording(realSolve);
    const r = await computeTeams(cohort, groups, programme(), { seed: 'lottery', solve: rec.solve });
    // The bound over every possible team is listed once, with its rounds (one solve each) and its last model's size.
    const listed: Array<{ variables: number; constraints: number }> = [];
    for (const c of rec.calls) {
      const size = { variables: c.model.variables.length, constraints: c.model.constraints.length };
      const previous = rec.calls[rec.calls.indexOf(c) - 1];
      if (c.model.label === 'teams-partition-bound' && previous?.model.label === 'teams-partition-bound') listed[listed.length - 1] = size;
      else listed.push(size);
    }
    expect(listed).toEqual(r.report.modelSizes.map((s) => ({ variables: s.variables, constraints: s.constraints })));
    const rounds = rec.calls.filter((c) => c.model.label === 'teams-partition-bound').length;
    const entry = r.report.modelSizes.find((s) => s.label.startsWith('teams-partition-bound'));
    if (rounds > 0) expect(entry?.label).toContain(`, ${rounds} round`);
    expect(rec.calls[0]?.model.label).toBe('teams-split-patterns');
    expect(r.report.attempts.length).toBeGreaterThanOrEqual(rec.calls.length);
  });

  it('no answer at all: valid teams from the fallback, reported as an error with the timed-out attempts, never optimal', async () => {
    const groups = await computeGroups(cohort, programme(), { seed: 'lottery', solve: realSolve });
    const rec = recording(timedOut);
    const r = await formTeams(cohort, groups, programme(), { seed: 'lottery', solve: rec.solve });
    expect(r.report).toMatchObject({ status: 'error', solverStatus: 'timed_out', bound: null, gap: null });
    expect(r.report.model).toContain('greedy fallback');
    expect(r.report.attempts).toHaveLength(rec.calls.length);
    expect(r.report.attempts.every((a) => a.status === 'timed_out')).toBe(true);
    expect(r.teams.flatMap((t) => t.memberIds).sort()).toEqual(cohort.map((c) => c.id).sort());
  });
});
