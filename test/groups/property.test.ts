/**
 * Property tests: random cohorts (any mix of sectors, RHFs — unknown included — genders and organisations, 1 to
 * 60 participants) through both stages. `formGroupsAndTeams` itself throws when the independent checker finds a
 * violation the result does not account for; these properties add what the checker cannot see.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGroupsAndTeams } from '../../src/check/groups.js';
import { formGroupsAndTeams } from '../../src/app/pipeline.js';
import { RHFS, type Candidate, type Gender, type Rhf } from '../../src/domain/types.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { candidate, programme, shuffled } from './cohort.js';

afterAll(async () => {
  await closeSolvers();
});
const solve = createSolve();

const personArb = fc.record({
  kommune: fc.boolean(),
  rhf: fc.constantFrom<Rhf | null>(...RHFS, ...RHFS, null),
  gender: fc.constantFrom<Gender>('female', 'female', 'female', 'male', 'male', 'unknown'),
  org: fc.integer({ min: 0, max: 11 }),
});

const cohortArb = fc.array(personArb, { minLength: 1, maxLength: 60 }).map((rows): Candidate[] =>
  rows.map((r, i) =>
    candidate({
      id: `R${String(i).padStart(2, '0')}`,
      sector: r.kommune ? 'kommune' : 'spesialist',
      rhf: r.rhf,
      gender: r.gender,
      org: `${r.kommune ? 'K' : 'HF'}-${r.rhf ?? 'x'}-${r.org % 4}`,
    }),
  ),
);

describe('groups and teams on random cohorts', () => {
  it('place everyone once, in sizes and shapes the rules allow, with no unexplained violation', async () => {
    await fc.assert(
      fc.asyncProperty(cohortArb, async (cohort) => {
        const prog = programme();
        const { groups, teams } = await formGroupsAndTeams(cohort, prog, { solve, seed: 'prop' });
        const ids = cohort.map((c) => c.id).sort();
        expect(groups.groups.flatMap((g) => g.memberIds).sort()).toEqual(ids);
        expect(teams.teams.flatMap((t) => t.memberIds).sort()).toEqual(ids);
        const n = cohort.length;
        const G = groups.groups.length;
        if (G * 6 <= n && n <= G * 8) {
          expect(groups.groups.every((g) => g.memberIds.length >= 6 && g.memberIds.length <= 8)).toBe(true);
          // As even as possible unless the sector rule needed odd sizes.
          const sizes = groups.groups.map((g) => g.memberIds.length);
          if (!groups.relaxations.some((r) => r.code === 'group_sector_mix')) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
        }
        const K = cohort.filter((c) => c.sector === 'kommune').length;
        const shapes = teams.teams.map((t) => {
          const k = t.memberIds.filter((id) => cohort.find((c) => c.id === id)?.sector === 'kommune').length;
          return [k, t.memberIds.length - k] as const;
        });
        if (K === n - K && K % 2 === 0) expect(shapes.every(([k, s]) => k === 2 && s === 2)).toBe(true);
        else if (!teams.relaxations.some((r) => r.code === 'team_composition')) expect(shapes.every(([k, s]) => k === 2 && s === 2)).toBe(true);
        // Every check violation is a warning the stages reported (errors would have thrown already).
        const violations = checkGroupsAndTeams({ participants: cohort, programme: prog, groups: groups.groups, teams: teams.teams });
        expect(violations.filter((v) => v.severity === 'error')).toEqual([]);
        for (const v of violations) expect([...groups.relaxations, ...teams.relaxations].some((r) => r.code === v.code)).toBe(true);
        // Reports are consistent: optimal means objective = bound.
        for (const rep of [groups.report, teams.report]) {
          if (rep.status === 'optimal') expect(rep.objective).toBe(rep.bound);
          if (rep.bound !== null) expect(rep.bound).toBeLessThanOrEqual(rep.objective + 1e-6);
        }
      }),
      { numRuns: 40, seed: 20260817 },
    );
  });

  it('do not depend on the order of the input rows', async () => {
    await fc.assert(
      fc.asyncProperty(cohortArb, fc.string(), async (cohort, shuffleSeed) => {
        const a = await formGroupsAndTeams(cohort, programme(), { solve, seed: 'prop' });
        const b = await formGroupsAndTeams(shuffled(cohort, shuffleSeed), programme(), { solve, seed: 'prop' });
        expect(b.groups.groups).toEqual(a.groups.groups);
        expect(b.teams.teams).toEqual(a.teams.teams);
        expect(b.groups.relaxations).toEqual(a.groups.relaxations);
        expect(b.teams.relaxations).toEqual(a.teams.relaxations);
      }),
      { numRuns: 15, seed: 4 },
    );
  });
});
