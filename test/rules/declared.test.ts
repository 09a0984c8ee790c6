/**
 * Each rule is declared once (src/domain/rules.ts) and both sides read it: the models that form the groups, teams
 * and selection, and the independent checker that judges them. Table-driven: for programmes whose rules differ from
 * the built-in one, the models' result keeps the declared rule, the checker accepts it, and the checker judges the
 * same result against another declaration differently (so it reads the declaration, not a number of its own).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGroupsAndTeams, unexplainedViolations } from '../../src/check/groups.js';
import { checkSelection } from '../../src/check/selection.js';
import { quotaCells, type Programme } from '../../src/domain/programme.js';
import { fewestSmallerTeams, genderRules, genderTableMinimum, groupCount, RULE_DEFAULTS, seatsToFill, smallerTeamShapes } from '../../src/domain/rules.js';
import { formGroupsAndTeams, selectChecked } from '../../src/app/pipeline.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { makeCohort, programme as groupProgramme } from '../groups/cohort.js';
import { programme as selectionProgramme, ranked } from '../selection/helpers.js';

afterAll(closeSolvers);

describe('the built-in programme', () => {
  it('holds the declared defaults', () => {
    const builtIn = JSON.parse(readFileSync(new URL('../../data/programme.json', import.meta.url), 'utf8')) as Programme;
    const { nominationCapPerTrust, gender, workshopGroups, projectTeams } = builtIn;
    expect({ nominationCapPerTrust, gender, workshopGroups, projectTeams }).toEqual(RULE_DEFAULTS);
  });
});

const shapeOf = (ids: readonly string[], sectorOf: ReadonlyMap<string, string>): [number, number] => {
  const k = ids.filter((id) => sectorOf.get(id) === 'kommune').length;
  return [k, ids.length - k];
};

describe.each([
  { name: 'groups 6–8, teams 2 + 2 (built-in)', kommune: 20, spesialist: [8, 4, 4, 4], workshopGroups: { minSize: 6, maxSize: 8, count: null }, projectTeams: { kommune: 2, spesialist: 2 } },
  { name: 'groups 5–7', kommune: 20, spesialist: [8, 4, 4, 4], workshopGroups: { minSize: 5, maxSize: 7, count: null }, projectTeams: { kommune: 2, spesialist: 2 } },
  { name: '4 groups of 9–11', kommune: 20, spesialist: [8, 4, 4, 4], workshopGroups: { minSize: 9, maxSize: 11, count: 4 }, projectTeams: { kommune: 2, spesialist: 2 } },
  { name: 'teams 3 + 1', kommune: 30, spesialist: [4, 2, 2, 2], workshopGroups: { minSize: 6, maxSize: 8, count: null }, projectTeams: { kommune: 3, spesialist: 1 } },
  { name: 'teams 1 + 2 with smaller teams', kommune: 14, spesialist: [10, 6, 5, 5], workshopGroups: { minSize: 6, maxSize: 8, count: null }, projectTeams: { kommune: 1, spesialist: 2 } },
])('declared workshop groups and project teams: $name', (c) => {
  const cohort = makeCohort({ seed: `declared:${c.name}`, kommune: c.kommune, spesialist: c.spesialist });
  const n = cohort.length;
  const prog = groupProgramme(1, { workshopGroups: c.workshopGroups, projectTeams: c.projectTeams });
  const sectorOf = new Map(cohort.map((p) => [p.id, p.sector]));
  const K = cohort.filter((p) => p.sector === 'kommune').length;
  let formed: ReturnType<typeof formGroupsAndTeams> | undefined;
  const form = () => (formed ??= formGroupsAndTeams(cohort, prog, { seed: 'declared', solve: createSolve() }));

  it('the models keep the declared group sizes and team shapes, and the checker accepts the result', async () => {
    const { groups, teams } = await form();
    expect(groups.groups).toHaveLength(groupCount(n, c.workshopGroups));
    for (const g of groups.groups) {
      expect(g.memberIds.length).toBeGreaterThanOrEqual(c.workshopGroups.minSize);
      expect(g.memberIds.length).toBeLessThanOrEqual(c.workshopGroups.maxSize);
    }
    const standard = teams.teams.filter((t) => shapeOf(t.memberIds, sectorOf).join() === [c.projectTeams.kommune, c.projectTeams.spesialist].join());
    const smaller = teams.teams.filter((t) => smallerTeamShapes(c.projectTeams).some((s) => s.join() === shapeOf(t.memberIds, sectorOf).join()));
    expect(standard.length + smaller.length).toBe(teams.teams.length);
    expect(smaller).toHaveLength(fewestSmallerTeams(K, n - K, c.projectTeams) ?? -1);
    const violations = checkGroupsAndTeams({ participants: cohort, programme: prog, groups: groups.groups, teams: teams.teams });
    expect(unexplainedViolations(violations, [...groups.relaxations, ...teams.relaxations])).toEqual([]);
  });

  it('the checker judges the same groups and teams by another declaration', async () => {
    const { groups, teams } = await form();
    const largest = Math.max(...groups.groups.map((g) => g.memberIds.length));
    // Every group is now too small, and every team two municipal members short (beyond the smaller shapes).
    const other = { ...prog, workshopGroups: { minSize: largest + 1, maxSize: largest + 3, count: groups.groups.length }, projectTeams: { ...c.projectTeams, kommune: c.projectTeams.kommune + 2 } };
    const codes = checkGroupsAndTeams({ participants: cohort, programme: other, groups: groups.groups, teams: teams.teams }).map((v) => v.code);
    expect(codes.filter((x) => x === 'group_size')).toHaveLength(groups.groups.length);
    expect(codes.filter((x) => x === 'team_composition')).toHaveLength(teams.teams.length);
  });
});

describe.each([
  { table: false, vestWomen: 0 },
  { table: true, vestWomen: genderTableMinimum(4) },
])('declared gender table for each quota cell: table $table', ({ table, vestWomen }) => {
  // Helse Vest (4 seats) ranks five men first; every other cell alternates women and men from rank 1, so the
  // cohort and sector shares hold whoever Helse Vest sends.
  const p = selectionProgramme({ gender: { cells: table ? 'table' : 'none' } });
  const screened = [
    ...ranked(p, 'kommune', 'K', 'FM'.repeat(20)),
    ...ranked(p, 'Helse Sør-Øst', 'SO', 'FM'.repeat(8)),
    ...ranked(p, 'Helse Vest', 'V', 'MMMMMFFF'),
    ...ranked(p, 'Helse Midt-Norge', 'MN', 'FM'.repeat(4)),
    ...ranked(p, 'Helse Nord', 'N', 'FM'.repeat(4)),
  ];
  let chosen: ReturnType<typeof selectChecked> | undefined;
  const choose = () => (chosen ??= selectChecked(screened, p, { seed: 's', solve: createSolve() }));
  const vest = 'spesialist/Helse Vest';

  it('the selection model meets the declared rules, which are the ones it reports', async () => {
    const r = await choose();
    expect(r.cells.find((x) => x.key === vest)?.gender.selected.female).toBe(vestWomen);
    const cells = quotaCells(p);
    const fill = new Map(cells.map((cell) => [cell.key, seatsToFill(cell.seats, screened.filter((s) => s.cell === cell.key).length)]));
    const declared = genderRules(p, cells, fill).map((x) => [x.id, x.required]);
    expect(r.rules.filter((x) => x.kind === 'gender').map((x) => [x.id, x.required])).toEqual(declared);
    expect(declared.some(([id]) => id === `gender.cell.${vest}.female`)).toBe(table);
  });

  it('the checker accepts it under its own declaration and not under the other one', async () => {
    const r = await choose();
    const proposal = { selected: r.candidates.filter((x) => x.status === 'selected').map((x) => x.id), reserveRanks: new Map(r.candidates.flatMap((x) => (x.reserveRank === null ? [] : [[x.id, x.reserveRank] as const]))) };
    const errors = (q: Programme) => checkSelection(screened, q, proposal).filter((v) => v.severity === 'error').map((v) => v.code);
    expect(errors(p)).toEqual([]);
    const other: Programme = { ...p, gender: { ...p.gender, cells: table ? 'none' : 'table' } };
    // Without the table the two women are passed-over men's justified envy; with it, the four men fall short of it.
    expect(errors(other)).toEqual(table ? ['justified_envy'] : ['gender_rules_below_achievable']);
  });
});
