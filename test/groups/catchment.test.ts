/**
 * Catchment-area teams: a team is catchment-matched when it is RHF-matched and every municipal member's
 * municipality lies in the catchment area (data/opptaksomrader.csv) of one of the team's specialist members'
 * trusts. The stage prefers that above RHF match, and proves its count against a bound.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formGroupsAndTeams } from '../../src/app/pipeline.js';
import { catchmentMatch } from '../../src/domain/rules.js';
import type { Candidate, Gender, Rhf } from '../../src/domain/types.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { personsById } from '../../src/stages/common.js';
import { regroupTeams, scoreTeam, type Team, type TeamContext } from '../../src/stages/teams/model.js';
import { ref } from '../read/helpers.js';
import { bestTeamTerms, candidate, catchmentCohortArb, programme } from './cohort.js';

afterAll(async () => {
  await closeSolvers();
});
const solve = createSolve();

/** A municipal participant of a real municipality, with its county and catchment trust from the reference data. */
function municipal(id: string, name: string, gender: Gender): Candidate {
  const m = ref().municipality(name);
  if (m.status !== 'found') throw new Error(`no municipality ${name}`);
  return candidate({ id, sector: 'kommune', rhf: m.value.rhf, gender, org: m.value.name, county: m.value.countyNumber, catchment: m.value.catchmentTrust });
}

/** A specialist participant of a real trust. */
function specialist(id: string, trust: string, gender: Gender): Candidate {
  const t = ref().trust(trust);
  if (t.status !== 'found' || t.value.rhf === 'Felles') throw new Error(`no trust ${trust}`);
  return candidate({ id, sector: 'spesialist', rhf: t.value.rhf, gender, org: t.value.name });
}

describe('catchmentMatch', () => {
  const k = (trust: string | null, region: Rhf = 'Helse Nord') => ({ sector: 'kommune' as const, region, trust });
  const s = (trust: string | null, region: Rhf = 'Helse Nord') => ({ sector: 'spesialist' as const, region, trust });
  it.each([
    ['both municipalities in the one trust’s area', [k('A'), k('A'), s('A'), s('B')], true],
    ['each municipality in one of the two trusts’ areas', [k('A'), k('B'), s('A'), s('B')], true],
    ['one municipality outside both areas', [k('A'), k('C'), s('A'), s('B')], false],
    ['a municipality not known', [k('A'), k(null), s('A'), s('B')], false],
    ['a specialist trust not known covers nothing', [k('A'), s(null), s('B')], false],
    ['no specialist member', [k('A'), k('A')], false],
    ['no municipal member', [s('A'), s('B')], false],
    ['covered, but a specialist of another RHF', [k('A'), k('A'), s('A'), s('B', 'Helse Vest')], false],
    ['covered, but a municipal member of another RHF', [k('A'), k('A', 'Helse Vest'), s('A'), s('B')], false],
  ])('%s → %s', (_what, members, want) => {
    expect(catchmentMatch(members)).toBe(want);
  });
});

describe('teams by catchment area', () => {
  // All of Helse Nord, so every team is RHF-matched whichever way they are formed: only the catchment tells them apart.
  it.each([
    {
      what: 'Alta and Hammerfest with Finnmarkssykehuset, Tromsø and Balsfjord with UNN',
      kommune: ['Alta', 'Hammerfest', 'Tromsø', 'Balsfjord'],
      spesialist: ['Finnmarkssykehuset HF', 'Universitetssykehuset Nord-Norge HF', 'Nordlandssykehuset HF', 'Helgelandssykehuset HF'],
      together: [['Alta', 'Hammerfest', 'Finnmarkssykehuset HF'], ['Tromsø', 'Balsfjord', 'Universitetssykehuset Nord-Norge HF']],
      matched: 2,
    },
    {
      what: 'each municipality with the trust of its catchment area',
      kommune: ['Alta', 'Tromsø', 'Bodø', 'Vefsn'],
      spesialist: ['Finnmarkssykehuset HF', 'Universitetssykehuset Nord-Norge HF', 'Nordlandssykehuset HF', 'Helgelandssykehuset HF'],
      together: [['Alta', 'Finnmarkssykehuset HF'], ['Tromsø', 'Universitetssykehuset Nord-Norge HF'], ['Bodø', 'Nordlandssykehuset HF'], ['Vefsn', 'Helgelandssykehuset HF']],
      matched: 2,
    },
    {
      what: 'no Finnmarkssykehuset specialist: Alta and Hammerfest cannot be catchment-matched',
      kommune: ['Alta', 'Hammerfest', 'Tromsø', 'Balsfjord'],
      spesialist: ['Nordlandssykehuset HF', 'Universitetssykehuset Nord-Norge HF', 'Helgelandssykehuset HF', 'Helse Nord IKT HF'],
      together: [['Tromsø', 'Balsfjord', 'Universitetssykehuset Nord-Norge HF']],
      matched: 1,
    },
  ])('$what', async ({ kommune, spesialist, together, matched }) => {
    const genders: Gender[] = ['female', 'male'];
    const cohort = [...kommune.map((n, i) => municipal(`K${i}`, n, genders[i % 2] as Gender)), ...spesialist.map((t, i) => specialist(`S${i}`, t, genders[(i + 1) % 2] as Gender))];
    const { teams } = await formGroupsAndTeams(cohort, programme(), { solve, seed: 'catchment' });
    const idOf = (name: string) => cohort.find((c) => c.organisation.startsWith(name))?.id as string;
    for (const names of together) {
      const ids = names.map(idOf);
      expect(new Set(ids.map((id) => teams.teamOf[id])).size, names.join(' + ')).toBe(1);
    }
    expect(teams.match.catchmentMatched).toEqual({ count: matched, best: matched });
    expect(teams.report.status).toBe('optimal');
    expect(teams.quality.filter((q) => q.catchmentMatch).length).toBe(matched);
    expect(teams.match.regionMatched.count).toBe(teams.teams.length);
  });
});

describe('catchment match on small generated cohorts', () => {
  const cohortArb = catchmentCohortArb({ minLength: 4, maxLength: 10, orgs: 6 });


  it('reach the bound they report, and the best any set of teams has', async () => {
    let enumerated = 0;
    await fc.assert(
      fc.asyncProperty(cohortArb, async (cohort) => {
        const { groups, teams } = await formGroupsAndTeams(cohort, programme(), { solve, seed: 'prop-catchment' });
        const m = teams.match.catchmentMatched;
        expect(m.count).toBe(teams.quality.filter((q) => q.catchmentMatch).length);
        expect(m.best).not.toBeNull();
        expect(m.count).toBeLessThanOrEqual(m.best as number);
        // A count short of the best possible is never labelled optimal.
        if (m.count < (m.best as number)) expect(teams.report.status).toBe('feasible');
        const clashes = teams.report.terms.find((t) => t.name === 'organisation_clashes')?.value;
        if (clashes !== 0) return;
        // Small cohorts: the column model holds every possible team, so the teams are the best outright.
        expect(teams.report.status).toBe('optimal');
        const shapes = teams.teams.map((t) => {
          const k = t.memberIds.filter((id) => cohort.find((c) => c.id === id)?.sector === 'kommune').length;
          return [k, t.memberIds.length - k] as const;
        });
        const best = bestTeamTerms(cohort, shapes, groups.groupOf);
        if (best !== null) {
          enumerated++;
          // The enumeration's best catchment term (no colleagues together there either).
          expect(best[1]).toBe(0);
          expect(teams.teams.length - m.count).toBe(best[2]);
        }
      }),
      { numRuns: 40, seed: 20261203 },
    );
    expect(enumerated).toBeGreaterThan(10);
  });
});

describe('regroupTeams', () => {
  // Three Helse Nord teams (2 + 2 each): team i holds the specialists of trust i and both municipal members of
  // trust i + 1's area, so no team is catchment-matched until both municipal members of a team move at once.
  const trusts = ['HF-A', 'HF-B', 'HF-C'];
  const cohort: Candidate[] = trusts.flatMap((t, i) => [
    candidate({ id: `S${i}a`, sector: 'spesialist', rhf: 'Helse Nord', gender: 'female', org: t }),
    candidate({ id: `S${i}b`, sector: 'spesialist', rhf: 'Helse Nord', gender: 'male', org: `${t}-2` }),
    candidate({ id: `K${i}a`, sector: 'kommune', rhf: 'Helse Nord', gender: 'male', org: `K-${i}a`, catchment: trusts[(i + 1) % 3] }),
    candidate({ id: `K${i}b`, sector: 'kommune', rhf: 'Helse Nord', gender: 'female', org: `K-${i}b`, catchment: trusts[(i + 1) % 3] }),
  ]);
  // The second specialist of each trust as a colleague in name only (another organisation key, the same trust), so
  // that the two may share a team.
  const persons = personsById(cohort).map((p) => (p.sector === 'spesialist' ? { ...p, trust: p.trust?.replace(/-2$/, '') ?? null } : p));
  const byId = new Map(persons.map((p) => [p.id, p]));
  const ctx: TeamContext = { byId, groupOf: () => undefined, conflict: (a, b) => a.org === b.org, apart: () => false };
  const start = (): Team[] => trusts.map((_, i) => ({ ids: [`K${i}a`, `K${i}b`, `S${i}a`, `S${i}b`], fixed: new Set<string>() }));
  const matched = (teams: readonly Team[]) => teams.filter((t) => scoreTeam(t.ids, ctx).notCatchment === 0).length;

  it('re-forms them into three catchment matches, keeping every member and each team 2 + 2', () => {
    const teams = start();
    expect(matched(teams)).toBe(0);
    expect(regroupTeams(teams, ctx)).toBeGreaterThan(0);
    expect(matched(teams)).toBe(3);
    expect(teams.flatMap((t) => t.ids).sort()).toEqual(persons.map((p) => p.id).sort());
    for (const t of teams) expect(t.ids.filter((id) => id.startsWith('K'))).toHaveLength(2);
  });

  it('leaves teams with kept-together members alone, and is deterministic', () => {
    const locked = start();
    (locked[0] as Team).fixed.add('K0a');
    regroupTeams(locked, ctx);
    expect((locked[0] as Team).ids).toEqual(['K0a', 'K0b', 'S0a', 'S0b']);
    const a = start();
    const b = start();
    regroupTeams(a, ctx);
    regroupTeams(b, ctx);
    expect(a).toEqual(b);
  });
});
