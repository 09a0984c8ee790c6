/**
 * Property tests on random cohorts (fast-check, fixed seed): `select` never throws (its own call to the
 * independent checker passed), every input row is accounted for once, quotas hold, and the checker run
 * again from the outside finds no error — in particular no justified envy.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { selectChecked } from '../../src/app/pipeline.js';
import { checkSelection } from '../../src/check/selection.js';
import { quotaCells } from '../../src/domain/programme.js';
import type { Gender, Rhf } from '../../src/domain/types.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { cand, programme, shuffled } from './helpers.js';

afterAll(closeSolvers);
const solve = createSolve();

const CELLS: Array<'kommune' | Rhf> = ['kommune', 'Helse Sør-Øst', 'Helse Vest', 'Helse Midt-Norge', 'Helse Nord'];

const rowArb = fc.record({
  cell: fc.constantFrom(...CELLS),
  gender: fc.constantFrom<Gender>('female', 'female', 'female', 'male', 'male', 'unknown'),
  priority: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null, freq: 3 }),
  ineligible: fc.boolean().map((b) => (b ? ['too_young'] : [])),
});

const caseArb = fc.record({
  rows: fc.array(rowArb, { minLength: 0, maxLength: 90, size: 'max' }),
  cellMinimums: fc.boolean(),
  acrossBodies: fc.boolean(),
  share: fc.constantFrom(0.4, 0.4, 0.3, 0.5),
  include: fc.array(fc.nat({ max: 89 }), { maxLength: 6, size: 'max' }),
  exclude: fc.array(fc.nat({ max: 89 }), { maxLength: 6, size: 'max' }),
  seed: fc.string({ minLength: 1, maxLength: 8 }),
  shuffle: fc.nat(),
});

describe('random cohorts', () => {
  it('select meets every rule it can, with no justified envy, and accounts for every row', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const p = programme({ gender: { cells: c.cellMinimums ? 'table' : 'none', acrossBodies: c.acrossBodies, minShareCohort: c.share, minShareSector: c.share } });
        const screened = c.rows.map((r, i) => cand(p, { id: `C${String(i).padStart(3, '0')}`, line: i + 2, ...r }));
        const id = (n: number) => `C${String(n).padStart(3, '0')}`;
        const include = c.include.map(id);
        const exclude = c.exclude.map(id);
        const input = shuffled(screened, c.shuffle);
        const r = await selectChecked(input, p, { solve, seed: c.seed, include, exclude });

        expect(r.candidates.map((x) => x.id)).toEqual(input.map((s) => s.candidate.id));
        expect(r.stage.status).toBe('optimal');
        for (const cell of quotaCells(p)) {
          const available = r.candidates.filter((x) => x.cell === cell.key && x.status !== 'ineligible' && x.status !== 'excluded').length;
          const selected = r.candidates.filter((x) => x.cell === cell.key && x.status === 'selected').length;
          expect(selected).toBe(Math.min(cell.seats, available));
          const reserves = r.candidates.filter((x) => x.cell === cell.key && x.status === 'reserve').map((x) => x.reserveRank).sort((a, b) => (a ?? 0) - (b ?? 0));
          expect(reserves).toEqual(reserves.map((_, i) => i + 1));
        }
        const ranks = new Map(r.candidates.filter((x) => x.reserveRank !== null).map((x) => [x.id, x.reserveRank ?? 0]));
        const violations = checkSelection(input, p, { selected: r.candidates.filter((x) => x.status === 'selected').map((x) => x.id), reserveRanks: ranks, include, exclude });
        expect(violations.filter((v) => v.severity === 'error')).toEqual([]);
        expect(r.allRulesMet).toBe(violations.every((v) => v.code !== 'gender_rule_not_met' && v.code !== 'shortfall'));

        // Every departure: the passed-over one is out, the one taken instead is in, both of the same cell; a departure
        // by agreement only with the agreement; a proposal is applied exactly when the bodies agreed.
        const status = new Map(r.candidates.map((x) => [x.id, x]));
        for (const d of r.departures) {
          expect(status.get(d.passedOver.id)?.status).not.toBe('selected');
          expect(status.get(d.takenInstead.id)).toMatchObject({ status: 'selected', cell: d.cell });
          if (d.cause === 'gender_agreement') expect(c.acrossBodies).toBe(true);
        }
        if (r.balance.proposal !== null) expect(r.balance.proposal.applied).toBe(c.acrossBodies);
        for (const l of r.lottery) for (const id of l.selected) expect(status.get(id)?.status).toBe('selected');

        // Permuting the rows changes nothing but the order of the output.
        const again = await selectChecked(shuffled(screened, c.shuffle + 1), p, { solve, seed: c.seed, include, exclude });
        const key = (x: typeof r) => [...x.candidates].sort((a, b) => (a.id < b.id ? -1 : 1)).map((y) => `${y.id}:${y.status}:${y.reserveRank}`).join();
        expect(key(again)).toBe(key(r));
      }),
      { seed: 20260817, numRuns: 80 },
    );
  });
});
