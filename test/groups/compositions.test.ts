/**
 * The group model by compositions (`src/stages/groups/patterns.ts`) against the type-aggregated model it is derived
 * from, on random cohorts (12 to 70 participants, any mix of sectors, regions and genders, some locked into a group):
 * both solved to their canonical optimum by the same solver, every level above the lottery has the same value, and
 * the compositions' answer, read back as counts per type and group, meets every row and bound of the type-aggregated
 * model. Composition models that miss a composition, or weigh a level wrongly, give a worse level here.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { RHFS, type Gender, type Rhf } from '../../src/domain/types.js';
import { buildGroupModel, planSizes, type GroupModel, type GroupModelVariant } from '../../src/stages/groups/model.js';
import { compositionModel } from '../../src/stages/groups/patterns.js';
import { toPerson, type Person } from '../../src/stages/common.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import type { LinearModel } from '../../src/solver/types.js';
import { candidate } from './cohort.js';

afterAll(async () => {
  await closeSolvers();
});
const solve = createSolve();

const cohortArb = fc
  .record({
    rows: fc.array(
      fc.record({
        kommune: fc.boolean(),
        rhf: fc.constantFrom<Rhf | null>(...RHFS, ...RHFS, null),
        gender: fc.constantFrom<Gender>('female', 'female', 'male', 'male', 'unknown'),
      }),
      { minLength: 12, maxLength: 70 },
    ),
    locks: fc.array(fc.nat(), { maxLength: 3 }),
    variant: fc.constantFrom<GroupModelVariant>('bands', 'bands', 'coarse'),
  })
  .map(({ rows, locks, variant }) => {
    const persons: Person[] = rows
      .map((r, i) => toPerson(candidate({ id: `R${String(i).padStart(2, '0')}`, sector: r.kommune ? 'kommune' : 'spesialist', rhf: r.rhf, gender: r.gender, org: `org-${i}` })))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const n = persons.length;
    const G = Math.ceil(n / 8);
    const fixed = new Map<string, number>();
    for (const l of locks) fixed.set((persons[l % n] as Person).id, l % G);
    const k = persons.filter((p) => p.sector === 'kommune').length;
    const lockedK = Array.from({ length: G }, (_, g) => [...fixed].filter(([id, c]) => c === g && persons.find((p) => p.id === id)?.sector === 'kommune').length);
    const lockedS = Array.from({ length: G }, (_, g) => [...fixed].filter(([id, c]) => c === g && persons.find((p) => p.id === id)?.sector !== 'kommune').length);
    const plan = planSizes(n, k, G, 6, 8, lockedK, lockedS);
    return { persons, fixed, plan, variant };
  });

/** Every level's value (without constants) at `values`, lowest first, the lottery left out. */
function levelsAbove(gm: GroupModel, values: readonly number[]): number[] {
  return gm.allLevels.filter((l) => l.level !== 'tiebreak').map((l) => l.terms.reduce((s, [j, a]) => s + a * (values[j] as number), 0));
}

function meetsRows(model: LinearModel, values: readonly number[]): boolean {
  const boundsHold = model.variables.every((v, j) => (values[j] as number) >= (v.lb ?? 0) && (values[j] as number) <= (v.ub ?? Number.POSITIVE_INFINITY) && Number.isInteger(values[j]));
  return (
    boundsHold &&
    model.constraints.every((c) => {
      const s = c.terms.reduce((sum, [j, a]) => sum + a * (values[j] as number), 0);
      return s >= (c.lo ?? Number.NEGATIVE_INFINITY) - 1e-9 && s <= (c.hi ?? Number.POSITIVE_INFINITY) + 1e-9;
    })
  );
}

describe('the group model by compositions', () => {
  it('has the type-aggregated model optimum at every level above the lottery, as counts that meet its rows', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(cohortArb, async ({ persons, fixed, plan, variant }) => {
        const gm = buildGroupModel({
          persons,
          sizes: plan.sizes,
          sectorRule: plan.sectorRuleHolds ? 'hard' : 'relaxed',
          variant,
          fixed,
          individuals: new Set(),
          orgSets: [],
          apartPairs: [],
          tieBreakSeed: 'compositions',
        });
        const cm = compositionModel(gm, 'compositions', 1_000);
        const full = await solve(gm.model, { canonical: { levels: gm.objectiveLevels, then: gm.laterLevels } });
        if (cm === null) return;
        const byCompositions = await solve(cm.model, { canonical: { levels: cm.objectiveLevels, then: cm.laterLevels } });
        expect(byCompositions.status).toBe(full.status);
        if (full.values === null || byCompositions.values === null) return;
        const values = cm.expand(byCompositions.values);
        expect(meetsRows(gm.model, values)).toBe(true);
        // Lexicographic levels, highest first: equal at every one.
        expect(levelsAbove(gm, values).reverse()).toEqual(levelsAbove(gm, full.values).reverse());
        expect(cm.lottery(byCompositions.values)).toBeGreaterThan(0);
        compared++;
      }),
      { numRuns: 40, seed: 17 },
    );
    expect(compared).toBeGreaterThan(20);
  }, 60_000);

  it('does not apply where participants are modelled individually', () => {
    const persons = Array.from({ length: 16 }, (_, i) => toPerson(candidate({ id: `P${String(i).padStart(2, '0')}`, sector: i % 2 === 0 ? 'kommune' : 'spesialist', rhf: 'Helse Vest', gender: 'female', org: i < 2 ? 'same' : `org-${i}` })));
    const gm = buildGroupModel({
      persons,
      sizes: [8, 8],
      sectorRule: 'hard',
      variant: 'bands',
      fixed: new Map(),
      individuals: new Set(['P00', 'P01']),
      orgSets: [{ org: 'same', ids: ['P00', 'P01'], cap: 1 }],
      apartPairs: [],
      tieBreakSeed: 'x',
    });
    expect(compositionModel(gm, 'x')).toBeNull();
  });
});
