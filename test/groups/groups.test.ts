import { afterAll, describe, expect, it } from 'vitest';
import { checkGroupsAndTeams, unexplainedViolations } from '../../src/check/groups.js';
import { groupCount } from '../../src/domain/rules.js';
import { planSizes } from '../../src/stages/groups/model.js';
import { formGroups, formGroupsAndTeams } from '../../src/app/pipeline.js';
import type { Candidate } from '../../src/domain/types.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { candidate, makeAllTypesCohort, makeCohort, programme, shuffled } from './cohort.js';

afterAll(async () => {
  await closeSolvers();
});
const solve = createSolve();

const sectorSplit = (ids: readonly string[], cohort: readonly Candidate[]): [number, number] => {
  const k = ids.filter((id) => cohort.find((c) => c.id === id)?.sector === 'kommune').length;
  return [k, ids.length - k];
};

describe('group count and sizes', () => {
  it.each([
    [40, 6, 8, null, 5],
    [41, 6, 8, null, 6],
    [48, 6, 8, null, 6],
    [200, 6, 8, null, 25],
    [40, 6, 8, 4, 4],
    [0, 6, 8, null, 0],
  ])('%i participants, sizes %i–%i, configured %s → %i groups', (n, min, max, configured, expected) => {
    expect(groupCount(n, { minSize: min, maxSize: max, count: configured })).toBe(expected);
  });

  it.each([
    // n, municipal, groups, sizes, sector rule can hold
    [40, 20, 5, [8, 8, 8, 8, 8], true],
    [40, 22, 5, [8, 8, 8, 8, 8], false],
    [38, 19, 5, [8, 8, 8, 7, 7], true],
    [38, 20, 5, [8, 8, 8, 7, 7], true],
    [39, 22, 5, [8, 8, 8, 8, 7], false],
    [42, 22, 6, [7, 7, 7, 7, 7, 7], true],
  ])('%i participants (%i municipal) in %i groups → %j, rule %s', (n, k, g, sizes, holds) => {
    const plan = planSizes(n, k, g, 6, 8, [], []);
    expect(plan.sizes).toEqual(sizes);
    expect(plan.sectorRuleHolds).toBe(holds);
    expect(plan.sizesInRange).toBe(true);
  });

  it('prefers odd sizes when the sector rule needs them, still within the range', () => {
    // 21 + 17 in 5 groups: a surplus of 4 needs four odd sizes, 38 allows at most two. 22 + 18 in 6 groups: 7,7,7,7,6,6.
    const plan = planSizes(38, 21, 5, 6, 8, [], []);
    expect(plan.sectorRuleHolds).toBe(false);
    const six = planSizes(40, 22, 6, 6, 8, [], []);
    expect(six.sectorRuleHolds).toBe(true);
    expect(six.sizes).toEqual([7, 7, 7, 7, 6, 6]);
  });
});

describe('formGroups', () => {
  it('forms 5 mixed groups of 8 for a typical 40-seat cohort, proven optimal', async () => {
    const cohort = makeCohort({ seed: 'typical-1' });
    const r = await formGroups(cohort, programme(), { solve, seed: 'lottery' });
    expect(r.groups.map((g) => g.number)).toEqual([1, 2, 3, 4, 5]);
    expect(r.groups.map((g) => g.memberIds.length)).toEqual([8, 8, 8, 8, 8]);
    for (const g of r.groups) expect(sectorSplit(g.memberIds, cohort)).toEqual([4, 4]);
    expect(r.quality.every((q) => q.organisationClashes.length === 0)).toBe(true);
    expect(r.relaxations).toEqual([]);
    expect(r.report.status).toBe('optimal');
    expect(r.report.gap).toBe(0);
    expect(r.report.objective).toBe(r.report.bound);
    expect(Object.keys(r.groupOf).sort()).toEqual(cohort.map((c) => c.id).sort());
    // Canonical numbering: groups ordered by their smallest member id.
    const firsts = r.groups.map((g) => g.memberIds[0] as string);
    expect([...firsts].sort()).toEqual(firsts);
  });

  it('spreads gender and regions within floor/ceil of the even share', async () => {
    const cohort = makeAllTypesCohort('spread');
    const r = await formGroups(cohort, programme(), { solve, seed: 'lottery' });
    const women = cohort.filter((c) => c.gender === 'female').length;
    for (const q of r.quality) {
      expect(q.female).toBeGreaterThanOrEqual(Math.floor((women * q.size) / cohort.length));
      expect(q.female).toBeLessThanOrEqual(Math.ceil((women * q.size) / cohort.length));
      for (const { region, count } of q.regions) {
        const total = cohort.filter((c) => (c.rhf ?? 'unknown') === region).length;
        expect(count).toBeLessThanOrEqual(Math.ceil((total * q.size) / cohort.length));
      }
    }
  });

  it('relaxes the sector rule for a 22/18 cohort and says why', async () => {
    const cohort = makeCohort({ seed: 'shortfall', kommune: 22, spesialist: [6, 4, 4, 4] });
    const r = await formGroups(cohort, programme(), { solve, seed: 'lottery' });
    const relax = r.relaxations.find((x) => x.code === 'group_sector_mix');
    expect(relax?.reason).toMatch(/22 municipal and 18 specialist/);
    expect(relax?.reason).toMatch(/6 groups it could hold/);
    const splits = r.groups.map((g) => sectorSplit(g.memberIds, cohort));
    // Each group holds its even share: 22·8/40 = 4.4 → 4 or 5 municipal.
    expect(splits.every(([k]) => k === 4 || k === 5)).toBe(true);
    expect(splits.filter(([k]) => k === 5)).toHaveLength(2);
    const violations = checkGroupsAndTeams({ participants: cohort, programme: programme(), groups: r.groups, teams: null });
    expect(violations.every((v) => v.severity === 'warning' && v.code === 'group_sector_mix')).toBe(true);
    expect(violations).toHaveLength(2);
  });

  it('keeps colleagues apart where the cohort allows it', async () => {
    // Five from one trust and four from one municipality: 5 groups hold them apart.
    const cohort = makeCohort({ seed: 'colleagues' }).map((c, i) => {
      if (c.sector === 'spesialist' && i % 5 === 0) return { ...c, organisation: 'OUS', organisationKey: 'ous' };
      if (c.sector === 'kommune' && i % 4 === 1) return { ...c, organisation: 'Oslo', organisationKey: 'oslo' };
      return c;
    });
    const ous = cohort.filter((c) => c.organisationKey === 'ous').length;
    expect(ous).toBe(4);
    expect(cohort.filter((c) => c.organisationKey === 'oslo')).toHaveLength(5);
    const r = await formGroups(cohort, programme(), { solve, seed: 'lottery' });
    expect(r.quality.flatMap((q) => q.organisationClashes)).toEqual([]);
    expect(r.relaxations).toEqual([]);
  });

  it('reports colleagues it cannot keep apart (more of them than groups) and spreads them', async () => {
    const base = makeCohort({ seed: 'big-org' });
    const spes = base.filter((c) => c.sector === 'spesialist').slice(0, 7).map((c) => c.id);
    const cohort = base.map((c) => (spes.includes(c.id) ? { ...c, organisation: 'OUS', organisationKey: 'ous' } : c));
    const r = await formGroups(cohort, programme(), { solve, seed: 'lottery' });
    const relax = r.relaxations.find((x) => x.code === 'group_org_clash');
    expect(relax?.reason).toMatch(/more participants than there are groups/);
    // At most ⌈7 / 5⌉ = 2 in a group (the model's cap); every pair of colleagues sharing a group is reported.
    const perGroup = r.groups.map((g) => g.memberIds.filter((id) => spes.includes(id)).length);
    expect(Math.max(...perGroup)).toBe(2);
    expect(perGroup.reduce((a, b) => a + b, 0)).toBe(7);
    expect(relax?.ids).toEqual([...spes].filter((id) => r.groups.some((g) => g.memberIds.includes(id) && g.memberIds.filter((x) => spes.includes(x)).length > 1)).sort());
  });

  it('honours group locks and keep-apart wishes', async () => {
    const cohort = makeCohort({ seed: 'locks' });
    const ids = cohort.map((c) => c.id).sort();
    const locks = {
      inGroup: [
        { id: ids[0] as string, group: 3 },
        { id: ids[1] as string, group: 3 },
        { id: ids[2] as string, group: 5 },
      ],
      apart: [[ids[3] as string, ids[4] as string] as const, [ids[5] as string, ids[6] as string] as const],
    };
    const r = await formGroups(cohort, programme(), { solve, seed: 'lottery', locks });
    expect(r.groupOf[ids[0] as string]).toBe(3);
    expect(r.groupOf[ids[1] as string]).toBe(3);
    expect(r.groupOf[ids[2] as string]).toBe(5);
    expect(r.groupOf[ids[3] as string]).not.toBe(r.groupOf[ids[4] as string]);
    expect(r.groupOf[ids[5] as string]).not.toBe(r.groupOf[ids[6] as string]);
    expect(r.relaxations).toEqual([]);
    for (const g of r.groups) expect(sectorSplit(g.memberIds, cohort)).toEqual([4, 4]);
  });

  it('reports locks it cannot honour', async () => {
    const cohort = makeCohort({ seed: 'bad-locks' });
    const ids = cohort.map((c) => c.id).sort();
    const a = ids[0] as string;
    const b = ids[1] as string;
    const r = await formGroups(cohort, programme(), {
      solve,
      seed: 'lottery',
      locks: {
        inGroup: [
          { id: 'NOPE', group: 1 },
          { id: a, group: 9 },
          { id: b, group: 1 },
          { id: ids[2] as string, group: 1 },
        ],
        apart: [[b, ids[2] as string]],
      },
    });
    expect(r.relaxations.map((x) => x.code).sort()).toEqual(['lock_conflict', 'lock_group_out_of_range', 'lock_unknown_participant']);
    expect(r.groupOf[b]).toBe(1);
    expect(r.groupOf[ids[2] as string]).toBe(1);
  });

  it('gives the same groups and teams for shuffled input rows', async () => {
    const cohort = makeCohort({ seed: 'shuffle' });
    const a = await formGroupsAndTeams(cohort, programme(), { solve, seed: 'lottery' });
    const b = await formGroupsAndTeams(shuffled(cohort, 'one'), programme(), { solve, seed: 'lottery' });
    expect(b.groups.groups).toEqual(a.groups.groups);
    expect(b.teams.teams).toEqual(a.teams.teams);
    expect(b.groups.report.terms).toEqual(a.groups.report.terms);
    expect(b.teams.report.terms).toEqual(a.teams.report.terms);
  });

  it('gives the same groups and teams whichever solver answers (unique optimum)', async () => {
    const cohort = makeAllTypesCohort('solvers');
    const results = [];
    for (const solver of ['jslp', 'highs', 'yalps'] as const) {
      const r = await formGroupsAndTeams(cohort, programme(), { seed: 'lottery', solve: createSolve({ solvers: [solver] }) });
      expect(r.groups.report.solver).toBe(solver);
      expect(r.groups.report.solverStatus).toBe('optimal');
      results.push({ groups: r.groups.groups, teams: r.teams.teams });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('a different seed changes only the lottery, not the quality', async () => {
    const cohort = makeCohort({ seed: 'seeds' });
    const a = await formGroups(cohort, programme(), { solve, seed: 'one' });
    const b = await formGroups(cohort, programme(), { solve, seed: 'two' });
    const quality = (r: typeof a) => r.report.terms.filter((t) => t.name !== 'lottery_tiebreak').map((t) => t.value);
    expect(quality(b)).toEqual(quality(a));
    expect(b.groups).not.toEqual(a.groups);
  });
});

describe('independent checker', () => {
  // 8 participants, groups of exactly 4, teams 2 + 2.
  const small = (): Candidate[] => [
    candidate({ id: 'k1', sector: 'kommune', rhf: 'Helse Vest', gender: 'female', org: 'Bergen' }),
    candidate({ id: 'k2', sector: 'kommune', rhf: 'Helse Vest', gender: 'male', org: 'Bergen' }),
    candidate({ id: 'k3', sector: 'kommune', rhf: 'Helse Nord', gender: 'female', org: 'Tromsø' }),
    candidate({ id: 'k4', sector: 'kommune', rhf: 'Helse Nord', gender: 'male', org: 'Bodø' }),
    candidate({ id: 's1', sector: 'spesialist', rhf: 'Helse Vest', gender: 'female', org: 'Haukeland' }),
    candidate({ id: 's2', sector: 'spesialist', rhf: 'Helse Vest', gender: 'male', org: 'Stavanger' }),
    candidate({ id: 's3', sector: 'spesialist', rhf: 'Helse Nord', gender: 'female', org: 'UNN' }),
    candidate({ id: 's4', sector: 'spesialist', rhf: 'Helse Nord', gender: 'male', org: 'UNN' }),
  ];
  const prog = programme(1, { workshopGroups: { minSize: 4, maxSize: 4, count: null } });
  const good = {
    groups: [
      { number: 1, memberIds: ['k1', 'k3', 's1', 's3'] },
      { number: 2, memberIds: ['k2', 'k4', 's2', 's4'] },
    ],
    teams: [
      { number: 1, memberIds: ['k1', 'k4', 's1', 's4'] },
      { number: 2, memberIds: ['k2', 'k3', 's2', 's3'] },
    ],
  };
  const check = (parts: { groups: typeof good.groups; teams: typeof good.teams | null }, locks?: Parameters<typeof checkGroupsAndTeams>[0]['locks']) =>
    checkGroupsAndTeams({ participants: small(), programme: prog, ...parts, locks }).map((v) => `${v.severity}:${v.code}`);

  it('accepts a valid result', () => {
    expect(check(good)).toEqual([]);
  });

  it.each([
    ['a participant in no group', { groups: [{ number: 1, memberIds: ['k1', 'k3', 's1', 's3'] }, { number: 2, memberIds: ['k2', 'k4', 's2'] }], teams: null }, ['error:group_missing', 'error:group_size']],
    ['a participant twice', { groups: [{ number: 1, memberIds: ['k1', 'k3', 's1', 's3', 's4'] }, { number: 2, memberIds: ['k2', 'k4', 's2', 's4'] }], teams: null }, ['error:group_duplicate', 'error:group_size', 'error:group_org_clash']],
    ['an avoidable sector imbalance', { groups: [{ number: 1, memberIds: ['k1', 'k3', 'k4', 's3'] }, { number: 2, memberIds: ['k2', 's1', 's2', 's4'] }], teams: null }, ['error:group_sector_mix', 'error:group_sector_mix']],
    ['avoidable colleagues in a group', { groups: [{ number: 1, memberIds: ['k1', 'k2', 's1', 's3'] }, { number: 2, memberIds: ['k3', 'k4', 's2', 's4'] }], teams: null }, ['error:group_org_clash']],
    ['a 3 + 1 team where 2 + 2 is possible', { groups: good.groups, teams: [{ number: 1, memberIds: ['k1', 'k4', 'k3', 's4'] }, { number: 2, memberIds: ['k2', 's1', 's2', 's3'] }] }, ['error:team_composition', 'error:team_composition']],
    ['avoidable colleagues in a team', { groups: good.groups, teams: [{ number: 1, memberIds: ['k1', 'k4', 's3', 's4'] }, { number: 2, memberIds: ['k2', 'k3', 's1', 's2'] }] }, ['error:team_org_clash']],
  ])('flags %s', (_, parts, expected) => {
    expect(check(parts)).toEqual(expected);
  });

  it('flags a broken lock as an error and an impossible lock as a warning', () => {
    expect(check(good, { inGroup: [{ id: 'k1', group: 2 }] })).toEqual(['error:lock_group']);
    expect(check(good, { apart: [['k1', 'k3']] })).toEqual(['error:lock_apart']);
    expect(check(good, { togetherInTeam: [['k1', 's2']] })).toEqual(['error:lock_together']);
    expect(check(good, { togetherInTeam: [['s3', 's4']] })).toEqual(['warning:lock_conflict']);
    expect(check(good, { inGroup: [{ id: 'k1', group: 7 }] })).toEqual(['warning:lock_group_out_of_range']);
    expect(check(good, { togetherInTeam: [['k1', 'k3'], ['k3', 'k4']] })).toEqual(['warning:lock_conflict']);
  });

  it('calls a sector imbalance the cohort forces a warning', () => {
    const cohort = small().map((c) => (c.id === 's1' ? { ...c, sector: 'kommune' as const, municipality: null } : c));
    const v = checkGroupsAndTeams({ participants: cohort, programme: prog, groups: [{ number: 1, memberIds: ['k1', 'k3', 's1', 's3'] }, { number: 2, memberIds: ['k2', 'k4', 's2', 's4'] }], teams: null });
    expect(v.map((x) => `${x.severity}:${x.code}`)).toEqual(['warning:group_sector_mix']);
  });

  it('accepts a warning only with a relaxation of the same code that names its ids', () => {
    const warning = { code: 'group_sector_mix', severity: 'warning' as const, message: '', ids: ['k1', 'k2'] };
    const error = { ...warning, severity: 'error' as const };
    expect(unexplainedViolations([warning], [{ code: 'group_sector_mix', reason: '', ids: [] }])).toEqual([]);
    expect(unexplainedViolations([warning], [{ code: 'group_sector_mix', reason: '', ids: ['k1'] }])).toEqual([warning]);
    expect(unexplainedViolations([warning], [{ code: 'group_size', reason: '', ids: [] }])).toEqual([warning]);
    expect(unexplainedViolations([error], [{ code: 'group_sector_mix', reason: '', ids: [] }])).toEqual([error]);
  });
});
