/**
 * The teams' swaps (`improveTeams` in stages/teams/model.ts) on hand-made teams whose only improvement is a move of
 * three participants among three teams.
 */
import { describe, expect, it } from 'vitest';
import type { Gender, Sector } from '../../src/domain/types.js';
import type { Person } from '../../src/stages/common.js';
import { addScores, improveTeams, scoreTeam, type Team, type TeamContext, type TeamScore } from '../../src/stages/teams/model.js';

function person(id: string, sector: Sector, gender: Gender): Person {
  return { id, sector, gender, region: 'unknown', org: `org-${id}`, county: null, trust: null };
}

function context(persons: readonly Person[], groupOf: Readonly<Record<string, number>>): TeamContext {
  return { byId: new Map(persons.map((p) => [p.id, p])), groupOf: (id) => groupOf[id], conflict: (a, b) => a.org === b.org, apart: () => false };
}

function total(teams: readonly Team[], ctx: TeamContext): TeamScore {
  return teams.map((t) => scoreTeam(t.ids, ctx)).reduce((a, s) => addScores(a, s), { apart: 0, conflicts: 0, notCatchment: 0, unmatched: 0, sameGroupPairs: 0, missingGender: 0 });
}

describe('the teams swaps', () => {
  it('mend a team without both genders by a 3-cycle where every swap of two teams would cost a shared workshop group or another gender mix', () => {
    // Teams of two municipal members and a specialist. A has three men; B one woman, C two. A municipal woman of C
    // for a man of A shares a workshop group with A's specialist, C's specialist woman one with A's other man, and B
    // without its woman would have none. The cycle a1 → C, c1 → B, b1 → A gives every team both genders.
    const persons = [
      person('a1', 'kommune', 'male'),
      person('a3', 'kommune', 'male'),
      person('a2', 'spesialist', 'male'),
      person('b1', 'kommune', 'female'),
      person('b3', 'kommune', 'male'),
      person('b2', 'spesialist', 'male'),
      person('c1', 'kommune', 'female'),
      person('c3', 'kommune', 'male'),
      person('c2', 'spesialist', 'female'),
    ];
    const ctx = context(persons, { a1: 7, a3: 3, a2: 1, b1: 4, b3: 5, b2: 6, c1: 1, c3: 8, c2: 3 });
    const teams: Team[] = [
      { ids: ['a1', 'a3', 'a2'], fixed: new Set() },
      { ids: ['b1', 'b3', 'b2'], fixed: new Set() },
      { ids: ['c1', 'c3', 'c2'], fixed: new Set() },
    ];
    expect(total(teams, ctx)).toMatchObject({ sameGroupPairs: 0, missingGender: 1 });
    expect(improveTeams(teams, ctx)).toBeGreaterThan(0);
    expect(total(teams, ctx)).toMatchObject({ sameGroupPairs: 0, missingGender: 0 });
    expect(teams.flatMap((t) => t.ids).sort()).toEqual(persons.map((p) => p.id).sort());
  });
});
