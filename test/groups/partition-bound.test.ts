/**
 * The bound over every possible team (stages/teams/partition.ts): column generation over the set partition of all
 * teams, its bound computed from the row prices. Checked against a plain enumeration of every set of teams on small
 * seeded cohorts: the bound never exceeds the best set's cost (whatever teams it starts from), it is usually that
 * cost, and `within` keeps every team of every best set.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { teamRule } from '../../src/domain/rules.js';
import type { Gender, Rhf } from '../../src/domain/types.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { lexWeights, personsById, type Person } from '../../src/stages/common.js';
import { planShapes, scoreTeam, type TeamContext, type TeamScore } from '../../src/stages/teams/model.js';
import { partitionBound } from '../../src/stages/teams/partition.js';
import { candidate, programme } from './cohort.js';

afterAll(async () => {
  await closeSolvers();
});
const solve = createSolve();

const TRUSTS = ['HF-A', 'HF-B', 'HF-C'];
const rhfs: Rhf[] = ['Helse Nord', 'Helse Vest'];
const personArb = fc.record({ rhf: fc.integer({ min: 0, max: 1 }), gender: fc.boolean(), org: fc.integer({ min: 0, max: 3 }), group: fc.integer({ min: 1, max: 2 }), trust: fc.integer({ min: 0, max: 2 }) });
/** 6 municipal + 6 specialist participants: three teams of 2 + 2, 225 possible teams, 1,350 sets of teams. */
const cohortArb = fc.tuple(fc.array(personArb, { minLength: 6, maxLength: 6 }), fc.array(personArb, { minLength: 6, maxLength: 6 }));

interface Spec {
  rhf: number;
  gender: boolean;
  org: number;
  group: number;
  trust: number;
}

function setup([kommune, spesialist]: [Spec[], Spec[]]) {
  const specs = [
    ...kommune.map((p, i) => ({ group: p.group, c: candidate({ id: `K${i}`, sector: 'kommune', rhf: rhfs[p.rhf] as Rhf, gender: (p.gender ? 'female' : 'male') as Gender, org: `K-${p.org}`, catchment: TRUSTS[p.trust] as string }) })),
    ...spesialist.map((p, i) => ({ group: p.group, c: candidate({ id: `S${i}`, sector: 'spesialist', rhf: rhfs[p.rhf] as Rhf, gender: (p.gender ? 'female' : 'male') as Gender, org: TRUSTS[p.trust] as string }) })),
  ];
  const persons = personsById(specs.map((s) => s.c));
  const group = new Map(specs.map((s) => [s.c.id, s.group]));
  const byId = new Map(persons.map((p) => [p.id, p]));
  const ctx: TeamContext = { byId, groupOf: (id) => group.get(id), conflict: (a, b) => a.org === b.org, apart: () => false };
  const plan = planShapes(6, 6, teamRule(programme()));
  const [wGender, wPairs, wRegion, wCatchment, wConflict, wApart] = lexWeights([3, 18, 3, 3, 18, 18]) as [number, number, number, number, number, number];
  const cost = (x: TeamScore): number => x.apart * wApart + x.conflicts * wConflict + x.notCatchment * wCatchment + x.unmatched * wRegion + x.sameGroupPairs * wPairs + x.missingGender * wGender;
  return { persons, ctx, plan, cost };
}

/** Every set of three 2 + 2 teams without colleagues, with its cost. */
function everySet(persons: readonly Person[], ctx: TeamContext, cost: (x: TeamScore) => number): Array<{ teams: string[][]; cost: number; catchment: number; region: number }> {
  const out: Array<{ teams: string[][]; cost: number; catchment: number; region: number }> = [];
  const walk = (left: readonly Person[], teams: string[][], sum: number): void => {
    const first = left.find((p) => p.sector === 'kommune');
    if (first === undefined) {
      out.push({ teams, cost: sum, catchment: teams.filter((t) => scoreTeam(t, ctx).notCatchment === 0).length, region: teams.filter((t) => scoreTeam(t, ctx).unmatched === 0).length });
      return;
    }
    const rest = left.filter((p) => p !== first);
    const ks = rest.filter((p) => p.sector === 'kommune');
    const ss = rest.filter((p) => p.sector === 'spesialist');
    for (const k of ks) {
      for (let a = 0; a < ss.length; a++) {
        for (let b = a + 1; b < ss.length; b++) {
          const team = [first, k, ss[a] as Person, ss[b] as Person];
          if (team.some((x, i) => team.slice(i + 1).some((y) => ctx.conflict(x, y)))) continue;
          const ids = team.map((p) => p.id);
          walk(rest.filter((p) => !team.includes(p)), [...teams, ids], sum + cost(scoreTeam(ids, ctx)));
        }
      }
    }
  };
  walk(persons, [], 0);
  return out;
}

const key = (ids: readonly string[]): string => [...ids].sort().join('+');

describe('the bound over every possible team', () => {
  it('never exceeds the best set of teams, is usually its cost, and keeps every team of every best set within the gap', async () => {
    let compared = 0;
    let tight = 0;
    let bound = 0;
    await fc.assert(
      fc.asyncProperty(cohortArb, fc.nat(), async (cohort, pick) => {
        const { persons, ctx, plan, cost } = setup(cohort);
        const sets = everySet(persons, ctx, cost);
        if (sets.length === 0) return;
        compared++;
        const best = Math.min(...sets.map((s) => s.cost));
        // Any set of teams will do as the start: the bound must not depend on how good it is.
        const start = sets[pick % sets.length] as { teams: string[][] };
        const pb = await partitionBound(persons, plan, ctx, cost, start.teams, Infinity, solve);
        expect(pb).not.toBeNull();
        if (pb === null) return;
        expect(pb.columns).toBeLessThanOrEqual(225);
        expect(pb.bound).toBeLessThanOrEqual(best + 1e-6);
        if (Math.ceil(pb.bound - 1e-6) === best) tight++;
        // Every team of every best set is kept: at the prices where the generation ended, and at the first round's
        // (the start's own prices, far from the relaxation's), and at a round between (where the shapes' least reduced costs
        // matter).
        const first = await partitionBound(persons, plan, ctx, cost, start.teams, -Infinity, solve);
        const between = first === null ? null : await partitionBound(persons, plan, ctx, cost, start.teams, first.bound + (best - first.bound) * 0.9, solve);
        // With the rows that no set of teams has more than the most catchment- and RHF-matched teams (bounds the teams
        // stage has from its catchment and pattern models; here the enumeration's most): never weaker, and as sound.
        const most = { catchment: Math.max(...sets.map((s) => s.catchment)), region: Math.max(...sets.map((s) => s.region)) };
        const capped = await partitionBound(persons, plan, ctx, cost, start.teams, Infinity, solve, undefined, most);
        if (capped !== null) {
          expect(capped.bound).toBeGreaterThanOrEqual(pb.bound - 1e-6);
        }
        // A cap one below the most binds its row (its price below zero): the bound then holds for the sets within the
        // cap, and keeps every team of their best.
        for (const kind of ['catchment', 'region'] as const) {
          const within = sets.filter((s) => s[kind] < most[kind]);
          if (within.length === 0) continue;
          const bestWithin = Math.min(...within.map((s) => s.cost));
          const binding = await partitionBound(persons, plan, ctx, cost, (within[0] as { teams: string[][] }).teams, Infinity, solve, undefined, { ...most, [kind]: most[kind] - 1 });
          expect(binding).not.toBeNull();
          if (binding !== null) {
            if (Math.ceil(binding.bound - 1e-6) > Math.ceil(pb.bound - 1e-6)) bound++;
            expect(binding.bound, kind).toBeLessThanOrEqual(bestWithin + 1e-6);
            const keys = new Set((binding.within(bestWithin - binding.bound, 1_000) ?? []).map((t) => key(t.members.map((p) => p.id))));
            for (const s of within) if (s.cost === bestWithin) for (const t of s.teams) expect(keys.has(key(t)), key(t)).toBe(true);
          }
        }
        for (const b of [pb, first, between, capped]) {
          if (b === null) continue;
          expect(b.bound).toBeLessThanOrEqual(best + 1e-6);
          const kept = b.within(best - b.bound, 1_000);
          expect(kept).not.toBeNull();
          const keys = new Set((kept ?? []).map((t) => key(t.members.map((p) => p.id))));
          for (const s of sets) if (s.cost === best) for (const t of s.teams) expect(keys.has(key(t)), key(t)).toBe(true);
        }
      }),
      { numRuns: 40, seed: 20261203 },
    );
    expect(compared).toBeGreaterThan(20);
    // A set partition's relaxation: tight on most cohorts (the proof the teams stage needs).
    expect(tight).toBeGreaterThan(compared * 0.6);
    // The binding cap raises the bound on some cohorts (so its price is exercised).
    expect(bound).toBeGreaterThan(0);
  });

  it('stops once the bound is enough, and gives no bound where the start is not a set of teams or there are too many', async () => {
    // The first of some seeded cohorts with a set of teams without colleagues.
    const found = fc
      .sample(cohortArb, { numRuns: 20, seed: 7 })
      .map((cohort) => ({ ...setup(cohort) }))
      .map((c) => ({ ...c, sets: everySet(c.persons, c.ctx, c.cost) }))
      .find((c) => c.sets.length > 0);
    expect(found).toBeDefined();
    if (found === undefined) return;
    const { persons, ctx, plan, cost, sets } = found;
    const start = (sets[0] as { teams: string[][] }).teams;
    const full = await partitionBound(persons, plan, ctx, cost, start, Infinity, solve);
    const early = await partitionBound(persons, plan, ctx, cost, start, -Infinity, solve);
    expect(full).not.toBeNull();
    expect(early?.rounds).toBe(1);
    expect(early?.bound ?? Infinity).toBeLessThanOrEqual(full?.bound ?? -Infinity);
    // The prices come from the restricted model's dual, which any solver answers: the bound is the relaxation's
    // optimum whichever solver gave them.
    const yalps = await partitionBound(persons, plan, ctx, cost, start, Infinity, createSolve({ solvers: ['yalps'] }));
    expect(Math.ceil((yalps?.bound ?? NaN) - 1e-6)).toBe(Math.ceil((full?.bound ?? NaN) - 1e-6));
    expect(await partitionBound(persons, plan, ctx, cost, start.slice(1), Infinity, solve)).toBeNull();
    expect(await partitionBound(persons, plan, ctx, cost, [...start.slice(1), start[1] as string[]], Infinity, solve)).toBeNull();
    expect(await partitionBound(persons, plan, ctx, cost, start, Infinity, solve, 224)).toBeNull();
  });
});
