/**
 * Property tests: random cohorts (any mix of sectors, RHFs — unknown included — genders and organisations, 1 to
 * 60 participants; fast-check's default size makes most of them a dozen or fewer) through both stages.
 * `formGroupsAndTeams` itself throws when the independent checker finds a violation the result does not account
 * for; these properties add what the checker cannot see, and hold the stage reports to exact statements.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGroupsAndTeams } from '../../src/check/groups.js';
import { formGroupsAndTeams } from '../../src/app/pipeline.js';
import { RHFS, type Candidate, type Gender, type Rhf } from '../../src/domain/types.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { bestTeamTerms, candidate, programme, shuffled, type TeamTerms } from './cohort.js';

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
  it('place everyone once, in sizes and shapes the rules allow, with no unexplained violation, and the best teams', async () => {
    let enumerated = 0;
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
        // The reports say exactly what is proven: a bound below or at the objective, `optimal` exactly when they
        // meet, and the gap between them.
        for (const rep of [groups.report, teams.report]) {
          expect(rep.bound).not.toBeNull();
          const bound = rep.bound as number;
          expect(bound).toBeLessThanOrEqual(rep.objective);
          expect(rep.status).toBe(bound === rep.objective ? 'optimal' : 'feasible');
          expect(rep.gap).toBe(bound === rep.objective ? 0 : (rep.objective - bound) / Math.max(1, Math.abs(rep.objective)));
        }
        // Groups of these sizes are proven optimal.
        expect(groups.report.status).toBe('optimal');
        // The pattern model's bound prices unmatched regions and missing genders only, the catchment bound the most
        // catchment matches. Pairs from one workshop group and colleagues in one team (both unavoidable when, say,
        // everyone is in one workshop group) are proven optimal only by the column model, where it applies.
        const term = (name: string) => teams.report.terms.find((t) => t.name === name)?.value;
        const got = ['kept_apart_pairs', 'organisation_clashes', 'teams_not_catchment_matched', 'teams_not_region_matched', 'same_group_pairs', 'teams_missing_a_gender'].map(term) as TeamTerms;
        expect(teams.report.solverStatus).toBe('optimal');
        // Proven when every term meets its bound, or when the column model found the best set of teams outright.
        const m = teams.match;
        if (got[0] + got[1] + got[4] === 0 && m.catchmentMatched.count === m.catchmentMatched.best) expect(teams.report.status).toBe('optimal');
        else if (teams.report.status === 'optimal') expect(teams.report.model).toContain('column model');
        // Unproven is not worse: an enumeration of every way to fill teams of these shapes finds nothing better.
        const best = bestTeamTerms(cohort, shapes.map(([k, s]) => [k, s] as const), groups.groupOf);
        if (best !== null) {
          enumerated++;
          expect(got).toEqual(best);
        }
      }),
      { numRuns: 40, seed: 20260817 },
    );
    // The enumeration is not allowed to go quiet: every cohort of this seed is small enough for it.
    expect(enumerated).toBe(40);
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
