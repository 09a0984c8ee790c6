/**
 * The catchment construction (stages/teams/catchment.ts): an integer program over team templates (catchment-matched
 * ones by cover and need, RHF-matched ones, the rest) whose canonical optimum the fill turns into teams. Checked
 * against a plain enumeration of every set of teams on small seeded cohorts: its rows never cut off a set of teams
 * without colleagues (its optimum has at least their most catchment matches, and then at least their most RHF
 * matches), it never promises more than the bound, and the fill keeps every participant once, the plan's team
 * shapes and every template's catchment match, and brings a kept-together pair into one team; teams that
 * `provenByConstruction` proves are the enumeration's best.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { catchmentMatch, teamRule } from '../../src/domain/rules.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { personsById, type Person } from '../../src/stages/common.js';
import { buildCatchmentBound, buildCatchmentTeams, catchmentTeams, provenByConstruction } from '../../src/stages/teams/catchment.js';
import { addScores, improveTeams, planShapes, scoreTeam, type TeamContext, type TeamScore } from '../../src/stages/teams/model.js';
import { bestTeamTerms, catchmentCohortArb, programme } from './cohort.js';

afterAll(async () => {
  await closeSolvers();
});
const solve = createSolve();

describe('catchment construction on small generated cohorts', () => {
  const cohortArb = catchmentCohortArb({ minLength: 8, maxLength: 10, orgs: 4, unknownTrust: true });


  it('has at least the most catchment and then RHF matches of any teams without colleagues, at most the bound; the fill keeps its templates; what it proves is the best', async () => {
    let compared = 0;
    let proven = 0;
    await fc.assert(
      fc.asyncProperty(cohortArb, async (cohort) => {
        const persons = personsById(cohort);
        const K = persons.filter((p) => p.sector === 'kommune').length;
        const plan = planShapes(K, persons.length - K, teamRule(programme()));
        const ctm = buildCatchmentTeams(persons, plan, 'prop-construction');
        if (ctm === null) return;
        const r = await solve(ctm.model, { canonical: { levels: ctm.levels } });
        expect(r.status).toBe('optimal');
        const values = r.values as number[];
        const level = (l: number) => -(ctm.levels[l] as { terms: ReadonlyArray<readonly [number, number]> }).terms.reduce((s, [v, a]) => s + a * (values[v] as number), 0);
        const [catchment, region] = [level(0), level(1)];
        const bound = buildCatchmentBound(persons, plan);
        const b = bound === null ? null : await solve(bound.model);
        if (b !== null) expect(catchment).toBeLessThanOrEqual(-(b.objective as number) + 1e-9);

        const shapes = plan.counts.flatMap((c) => Array.from({ length: c.teams }, () => c.shape));
        const T = shapes.length;
        const best = bestTeamTerms(cohort, shapes, {});
        if (best !== null && best[1] === 0) {
          compared++;
          expect(catchment).toBeGreaterThanOrEqual(T - best[2]);
          if (catchment === T - best[2]) expect(region).toBeGreaterThanOrEqual(T - best[3]);
        }

        const byId = new Map(persons.map((p) => [p.id, p]));
        const ctx: TeamContext = { byId, groupOf: () => undefined, conflict: (a, b2) => a.org === b2.org, apart: () => false };
        const teams = catchmentTeams(ctm, values, persons, ctx, plan, 'prop-construction');
        expect(teams.flatMap((t) => t.ids).sort()).toEqual(persons.map((p) => p.id));
        const shapeOf = (ids: readonly string[]) => {
          const k = ids.filter((id) => (byId.get(id) as Person).sector === 'kommune').length;
          return `${k}+${ids.length - k}`;
        };
        expect(teams.map((t) => shapeOf(t.ids)).sort()).toEqual(shapes.map(([k, s]) => `${k}+${s}`).sort());

        // A kept-together pair (a municipal member and a specialist) is brought into one team, every member still in
        // exactly one team of the plan's shapes, the pair fixed there.
        const k0 = persons.find((p) => p.sector === 'kommune');
        const s0 = persons.find((p) => p.sector === 'spesialist');
        if (k0 !== undefined && s0 !== undefined && shapes.every(([k, s]) => k > 0 && s > 0)) {
          const pair = catchmentTeams(ctm, values, persons, ctx, plan, 'prop-construction', [{ ids: [k0.id, s0.id], members: [k0, s0] }]);
          expect(pair.flatMap((t) => t.ids).sort()).toEqual(persons.map((p) => p.id));
          expect(pair.map((t) => shapeOf(t.ids)).sort()).toEqual(shapes.map(([k, s]) => `${k}+${s}`).sort());
          const home = pair.find((t) => t.ids.includes(k0.id));
          expect(home?.ids).toContain(s0.id);
          expect([...(home?.fixed ?? [])].sort()).toEqual([k0.id, s0.id].sort());
        }
        expect(teams.filter((t) => catchmentMatch(t.ids.map((id) => byId.get(id) as Person))).length).toBeGreaterThanOrEqual(catchment);

        // Teams the construction's optimum proves (no pattern bound given) are the enumeration's best: the fill's, the
        // swaps', and worse ones made by exchanging two members of one sector between two teams.
        const variants = [teams.map((t) => [...t.ids])];
        improveTeams(teams, ctx);
        variants.push(teams.map((t) => [...t.ids]));
        let state = cohort.length * 7919 + T;
        const next = (n: number) => (state = (state * 1103515245 + 12345) % 2147483648) % n;
        for (let k = 0; k < 6 && T > 1; k++) {
          const v = variants[1]?.map((ids) => [...ids]) as string[][];
          const a = next(T);
          const b = (a + 1 + next(T - 1)) % T;
          const i = next((v[a] as string[]).length);
          const j = (v[b] as string[]).findIndex((id) => (byId.get(id) as Person).sector === (byId.get((v[a] as string[])[i] as string) as Person).sector);
          if (j < 0) continue;
          [(v[a] as string[])[i], (v[b] as string[])[j]] = [(v[b] as string[])[j] as string, (v[a] as string[])[i] as string];
          variants.push(v);
        }
        for (const v of variants) {
          const score = v.reduce<TeamScore>((acc, ids) => addScores(acc, scoreTeam(ids, ctx)), { apart: 0, conflicts: 0, notCatchment: 0, unmatched: 0, sameGroupPairs: 0, missingGender: 0 });
          if (!provenByConstruction(score, { catchment, region }, T, { unmatched: -1, missingGender: -1 })) continue;
          proven++;
          expect(best).not.toBeNull();
          expect([score.apart, score.conflicts, score.notCatchment, score.unmatched, score.sameGroupPairs, score.missingGender]).toEqual(best);
        }
      }),
      { numRuns: 150, seed: 20261203 },
    );
    expect(compared).toBeGreaterThan(30);
    expect(proven).toBeGreaterThan(10);
  });
});

describe('the catchment templates split by gender', () => {
  const cohortArb = catchmentCohortArb({ minLength: 8, maxLength: 16, orgs: 4, unknownTrust: true });

  it("keep the answer's templates and matches, seat each team by its split, and have no more teams of one gender than the fill without", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(cohortArb, async (cohort) => {
        const persons = personsById(cohort);
        const K = persons.filter((p) => p.sector === 'kommune').length;
        const plan = planShapes(K, persons.length - K, teamRule(programme()));
        const ctm = buildCatchmentTeams(persons, plan, 'prop-split');
        if (ctm === null) return;
        const r = await solve(ctm.model, { canonical: { levels: ctm.levels } });
        const values = r.values as number[];
        const byId = new Map(persons.map((p) => [p.id, p]));
        const ctx: TeamContext = { byId, groupOf: () => undefined, conflict: (a, b2) => a.org === b2.org, apart: () => false };
        const blind = catchmentTeams(ctm, values, persons, ctx, plan, 'prop-split');
        const blindScore = blind.map((t) => scoreTeam(t.ids, ctx)).reduce((a, x) => addScores(a, x));

        const split = buildCatchmentTeams(persons, plan, 'prop-split', { slots: ctm.slots, values });
        expect(split).not.toBeNull();
        const rs = await solve((split as NonNullable<typeof split>).model, { canonical: { levels: (split as NonNullable<typeof split>).levels } });
        expect(rs.status).toBe('optimal');
        const sv = rs.values as number[];
        const sm = split as NonNullable<typeof split>;
        const level = (m: typeof sm, x: readonly number[], l: number) => (m.levels[l] as { terms: ReadonlyArray<readonly [number, number]> }).terms.reduce((sum, [v, a]) => sum + a * (x[v] as number), 0);
        // The same catchment and RHF matches as the answer without genders.
        expect(level(sm, sv, 0)).toBe(level(ctm, values, 0));
        expect(level(sm, sv, 1)).toBe(level(ctm, values, 1));
        const teams = catchmentTeams(sm, sv, persons, ctx, plan, 'prop-split');
        expect(teams.flatMap((t) => t.ids).sort()).toEqual(persons.map((p) => p.id));
        const score = teams.map((t) => scoreTeam(t.ids, ctx)).reduce((a, x) => addScores(a, x));
        const T = teams.length;
        expect(T - score.notCatchment).toBeGreaterThanOrEqual(-level(ctm, values, 0));
        // Each team seated by its split: its teams of one gender are the model's; the fill without genders is one split.
        expect(score.missingGender).toBe(level(sm, sv, 2));
        expect(score.missingGender).toBeLessThanOrEqual(blindScore.missingGender);
        if (blindScore.missingGender > score.missingGender) compared++;
      }),
      { numRuns: 60, seed: 23 },
    );
    expect(compared).toBeGreaterThan(0);
  }, 60_000);
});

