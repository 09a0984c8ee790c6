/**
 * `provenByBound` (stages/teams/columns.ts): a lower bound on the column model's objective proves a set of teams as
 * good as any only when no set of teams is better in any level above the lottery. Checked against an enumeration
 * of every set of teams on small seeded cohorts: sound for every bound that is a bound (no set of teams of worse
 * quality is ever proven), and the optimum's teams are proven by the optimum's own value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { teamRule } from '../../src/domain/rules.js';
import type { Gender, Rhf } from '../../src/domain/types.js';
import { personsById, type Person } from '../../src/stages/common.js';
import { buildColumnModel, provenByBound } from '../../src/stages/teams/columns.js';
import { planShapes } from '../../src/stages/teams/model.js';
import { candidate, programme } from './cohort.js';

/** Every set of columns that covers each person exactly once, with its objective and its quality (all but the lottery). */
function partitions(columns: readonly string[][], cost: (v: number) => number, quality: (v: number) => number, ids: readonly string[]): Array<{ cols: number[]; cost: number; quality: number }> {
  const out: Array<{ cols: number[]; cost: number; quality: number }> = [];
  const walk = (left: Set<string>, chosen: number[]): void => {
    const first = ids.find((id) => left.has(id));
    if (first === undefined) {
      out.push({ cols: [...chosen], cost: chosen.reduce((s, v) => s + cost(v), 0), quality: chosen.reduce((s, v) => s + quality(v), 0) });
      return;
    }
    columns.forEach((col, v) => {
      if (!col.includes(first) || !col.every((id) => left.has(id))) return;
      const rest = new Set(left);
      for (const id of col) rest.delete(id);
      walk(rest, [...chosen, v]);
    });
  };
  walk(new Set(ids), []);
  return out;
}

describe('provenByBound', () => {
  const rhfs: Rhf[] = ['Helse Nord', 'Helse Vest'];
  const personArb = fc.record({ rhf: fc.integer({ min: 0, max: 1 }), gender: fc.boolean(), org: fc.integer({ min: 0, max: 4 }), group: fc.integer({ min: 1, max: 2 }) });
  const cohortArb = fc.tuple(fc.array(personArb, { minLength: 4, maxLength: 4 }), fc.array(personArb, { minLength: 4, maxLength: 4 }));

  it('proves no set of teams worse than the best, whatever the bound; proves the best by the optimum', () => {
    let provenBest = 0;
    fc.assert(
      fc.property(cohortArb, ([kommune, spesialist]) => {
        const specs = [
          ...kommune.map((p, i) => ({ ...p, c: candidate({ id: `K${i}`, sector: 'kommune', rhf: rhfs[p.rhf] as Rhf, gender: (p.gender ? 'female' : 'male') as Gender, org: `K-${p.org}` }) })),
          ...spesialist.map((p, i) => ({ ...p, c: candidate({ id: `S${i}`, sector: 'spesialist', rhf: rhfs[p.rhf] as Rhf, gender: (p.gender ? 'female' : 'male') as Gender, org: `HF-${p.org}` }) })),
        ];
        const persons = personsById(specs.map((s) => s.c));
        const group = new Map(specs.map((s) => [s.c.id, s.group]));
        const plan = planShapes(4, 4, teamRule(programme()));
        const cm = buildColumnModel(persons, plan, 0, null, (id) => group.get(id), (a: Person, b: Person) => a.org === b.org, 'prop');
        if (cm === null) return;
        const { model, levels } = cm;
        const lottery = levels[levels.length - 1];
        const quality = (v: number): number => levels.slice(0, -1).reduce((s, l) => s + l.weight * l.terms.filter(([j]) => j === v).reduce((a, [, c]) => a + c, 0), 0);
        const all = partitions(cm.columns, (v) => (model.variables[v] as { cost: number }).cost, quality, persons.map((p) => p.id));
        if (all.length === 0 || lottery === undefined) return;
        const best = Math.min(...all.map((p) => p.cost));
        const bestQuality = Math.min(...all.map((p) => p.quality));
        const optimum = all.find((p) => p.cost === best) as { cols: number[] };
        const teamsOf = (cols: readonly number[]) => cols.map((v) => cm.columns[v] as string[]);
        if (provenByBound(cm, best, teamsOf(optimum.cols))) provenBest++;
        for (const bound of [best, best - 1, best - lottery.weight * 1000, 0]) {
          for (const p of all) {
            if (provenByBound(cm, bound, teamsOf(p.cols))) expect(p.quality, `bound ${bound}`).toBe(bestQuality);
          }
        }
      }),
      { numRuns: 60, seed: 20261203 },
    );
    // The optimum's teams are proven by the optimum's value on every cohort (its lottery total is within range).
    expect(provenBest).toBeGreaterThan(30);
  });

  it('proves nothing for teams that are not columns', () => {
    const cohort = [
      candidate({ id: 'K0', sector: 'kommune', rhf: 'Helse Nord', gender: 'female', org: 'K-0' }),
      candidate({ id: 'K1', sector: 'kommune', rhf: 'Helse Nord', gender: 'male', org: 'K-1' }),
      candidate({ id: 'S0', sector: 'spesialist', rhf: 'Helse Nord', gender: 'female', org: 'HF-0' }),
      candidate({ id: 'S1', sector: 'spesialist', rhf: 'Helse Nord', gender: 'male', org: 'HF-1' }),
    ];
    const persons = personsById(cohort);
    const plan = planShapes(2, 2, teamRule(programme()));
    const cm = buildColumnModel(persons, plan, 1, null, () => 1, (a: Person, b: Person) => a.org === b.org, 'x');
    expect(cm).not.toBeNull();
    if (cm === null) return;
    expect(provenByBound(cm, Number.NEGATIVE_INFINITY, [['K0', 'K1', 'S0', 'S1']])).toBe(false);
    expect(provenByBound(cm, 1e12, [['K0', 'K1', 'S0', 'S1']])).toBe(true);
    expect(provenByBound(cm, 1e12, [['K0', 'K1', 'S0']])).toBe(false);
    expect(provenByBound(cm, 1e12, [['K0', 'K1', 'S0', 'S1'], ['K0', 'K1', 'S0', 'S1']])).toBe(false);
  });
});
