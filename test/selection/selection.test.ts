/** Hand-made selection cases with known answers. */
import { afterAll, describe, expect, it } from 'vitest';
import type { SelectionResult } from '../../src/stages/select/select.js';
import { selectChecked } from '../../src/app/pipeline.js';
import { checkSelection } from '../../src/check/selection.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { balanced, cand, programme, ranked } from './helpers.js';

afterAll(closeSolvers);
const solve = createSolve();

const byId = (r: SelectionResult) => new Map(r.candidates.map((c) => [c.id, c]));
const selectedIds = (r: SelectionResult, cell?: string) => r.candidates.filter((c) => c.status === 'selected' && (cell === undefined || c.cell === cell)).map((c) => c.id).sort();

describe('exact quotas', () => {
  it('fills 20/8/4/4/4 with the best-ranked when the gender rules hold anyway, reserves in rank order', async () => {
    const p = programme();
    const r = await selectChecked(balanced(p), p, { solve, seed: 's' });
    expect(r.cells.map((c) => [c.key, c.selected, c.shortfall])).toEqual([
      ['kommune', 20, 0],
      ['spesialist/Helse Sør-Øst', 8, 0],
      ['spesialist/Helse Vest', 4, 0],
      ['spesialist/Helse Midt-Norge', 4, 0],
      ['spesialist/Helse Nord', 4, 0],
    ]);
    for (const c of r.candidates) {
      const n = Number(c.id.split('-')[1]);
      const seats = c.cell === 'kommune' ? 20 : c.cell === 'spesialist/Helse Sør-Øst' ? 8 : 4;
      expect(c.status).toBe(n <= seats ? 'selected' : 'reserve');
      expect(c.reserveRank).toBe(n <= seats ? null : n - seats);
    }
    expect(r.gender.cohort).toEqual({ female: 20, male: 20, unknown: 0 });
    expect(r.allRulesMet).toBe(true);
    expect(r.rules.every((x) => x.met && x.explanation === null)).toBe(true);
    expect(r.stage.status).toBe('optimal');
    expect(r.stage.terms?.genderShortfall).toBe(0);
    expect(byId(r).get('V-05')?.reasons).toEqual([
      { code: 'reserve', text: 'reserve: number 1 in Helse Vest (priority 5)', facts: { code: 'reserve', rank: 1, priority: 5, cell: 'Helse Vest' } },
    ]);
    expect(byId(r).get('N-01')?.reasons).toEqual([{ code: 'selected', text: 'selected: priority 1 in Helse Nord', facts: { code: 'selected', priority: 1, cell: 'Helse Nord' } }]);
  });

  it('lists the rules: one quota rule per cell, then each gender for cohort and sectors', async () => {
    const p = programme();
    const r = await selectChecked(balanced(p), p, { solve, seed: 's' });
    expect(r.rules.map((x) => `${x.id} ${x.actual}/${x.required}`)).toEqual([
      'quota.kommune 20/20',
      'quota.spesialist/Helse Sør-Øst 8/8',
      'quota.spesialist/Helse Vest 4/4',
      'quota.spesialist/Helse Midt-Norge 4/4',
      'quota.spesialist/Helse Nord 4/4',
      'gender.cohort.female 20/16',
      'gender.cohort.male 20/16',
      'gender.sector.kommune.female 10/8',
      'gender.sector.kommune.male 10/8',
      'gender.sector.spesialist.female 10/8',
      'gender.sector.spesialist.male 10/8',
    ]);
  });
});

describe('shortfall', () => {
  it('fills what can be filled and says why in plain words', async () => {
    const p = programme();
    const cands = [
      ...balanced(p).filter((c) => c.candidate.rhf !== 'Helse Nord'),
      cand(p, { id: 'N-1', cell: 'Helse Nord', priority: 1, gender: 'female' }),
      cand(p, { id: 'N-2', cell: 'Helse Nord', priority: 2, gender: 'male', ineligible: ['too_young'] }),
      cand(p, { id: 'N-3', cell: 'Helse Nord', priority: 3, gender: 'male' }),
      cand(p, { id: 'N-4', cell: 'Helse Nord', priority: 4, gender: 'female', ineligible: ['too_young'] }),
      cand(p, { id: 'N-5', cell: 'Helse Nord', priority: 5, gender: 'male' }),
    ];
    const r = await selectChecked(cands, p, { solve, seed: 's' });
    const nord = r.cells.find((c) => c.rhf === 'Helse Nord');
    expect(nord).toMatchObject({ seats: 4, nominated: 5, eligible: 3, selected: 3, shortfall: 1, ineligibleByReason: { too_young: 2 } });
    expect(nord?.explanation).toBe('Helse Nord: 4 seats, 3 eligible of 5 nominated (2 under 25 years) — 1 seat unfilled');
    expect(selectedIds(r, 'spesialist/Helse Nord')).toEqual(['N-1', 'N-3', 'N-5']);
    expect(byId(r).get('N-2')).toMatchObject({ status: 'ineligible', reserveRank: null, reasons: [{ code: 'too_young', text: 'too_young: test' }] });
    const quota = r.rules.find((x) => x.id === 'quota.spesialist/Helse Nord');
    expect(quota).toMatchObject({ met: false, required: 4, actual: 3, explanation: nord?.explanation });
    expect(r.allRulesMet).toBe(false);
    // The cohort is 39: 40 % of 39 is 15.6 → 16 of each gender; the spesialist sector 19 → 8.
    expect(r.rules.find((x) => x.id === 'gender.cohort.female')?.required).toBe(16);
    expect(r.rules.find((x) => x.id === 'gender.sector.spesialist.male')?.required).toBe(8);
  });

  it('a gender rule the candidates cannot meet is explained, and the rest of the selection is still best', async () => {
    const p = programme({ gender: { cells: 'table' } });
    const cands = [
      ...balanced(p).filter((c) => c.candidate.rhf !== 'Helse Vest'),
      ...ranked(p, 'Helse Vest', 'V', 'MMMMMM'),
    ];
    const r = await selectChecked(cands, p, { solve, seed: 's' });
    const rule = r.rules.find((x) => x.id === 'gender.cell.spesialist/Helse Vest.female');
    expect(rule).toMatchObject({ met: false, required: 2, actual: 0 });
    expect(rule?.explanation).toBe('Helse Vest: at least 2 women required, 0 selected — at most 0 possible (0 eligible women): Helse Vest nominated no women');
    expect(r.allRulesMet).toBe(false);
    expect(selectedIds(r, 'spesialist/Helse Vest')).toEqual(['V-01', 'V-02', 'V-03', 'V-04']);
    // Every other rule holds; the sector still gets its 8 women from the other cells.
    expect(r.rules.filter((x) => !x.met).map((x) => x.id)).toEqual(['gender.cell.spesialist/Helse Vest.female']);
    expect(r.gender.sectors.spesialist.female).toBeGreaterThanOrEqual(8);
  });
});

describe('gender swap', () => {
  // Spesialist top ranks hold only 6 women; the sector needs 8. The cheapest two swaps in rank terms:
  // Helse Nord (rank-4 man out, rank-5 woman in: one rank class) and Helse Vest (rank-3 man out,
  // rank-5 woman in: two). Helse Midt-Norge would cost three, Helse Sør-Øst five.
  const p = programme();
  const cands = [
    ...ranked(p, 'kommune', 'K', 'FM'.repeat(15)),
    ...ranked(p, 'Helse Sør-Øst', 'SO', 'MMMMFFFFFM'),
    ...ranked(p, 'Helse Vest', 'V', 'MMMFF'),
    ...ranked(p, 'Helse Midt-Norge', 'MN', 'MMMFMF'),
    ...ranked(p, 'Helse Nord', 'N', 'MMMMF'),
  ];

  it('picks the best-ranked woman over the worst-ranked selected man where it costs the least rank', async () => {
    const r = await selectChecked(cands, p, { solve, seed: 's' });
    expect(selectedIds(r, 'spesialist/Helse Nord')).toEqual(['N-01', 'N-02', 'N-03', 'N-05']);
    expect(selectedIds(r, 'spesialist/Helse Vest')).toEqual(['V-01', 'V-02', 'V-04', 'V-05']);
    expect(selectedIds(r, 'spesialist/Helse Midt-Norge')).toEqual(['MN-01', 'MN-02', 'MN-03', 'MN-04']);
    expect(selectedIds(r, 'spesialist/Helse Sør-Øst')).toEqual(['SO-01', 'SO-02', 'SO-03', 'SO-04', 'SO-05', 'SO-06', 'SO-07', 'SO-08']);
    expect(r.gender.sectors.spesialist).toEqual({ female: 8, male: 12, unknown: 0 });
    expect(r.allRulesMet).toBe(true);
  });

  it('says which gender rule made it so, on both sides of the swap', async () => {
    const r = await selectChecked(cands, p, { solve, seed: 's' });
    const m = byId(r);
    expect(m.get('N-05')?.reasons).toContainEqual({
      code: 'selected_for_gender_rule',
      text: 'selected_for_gender_rule: chosen before better-ranked N-04 (priority 4) to meet: at least 8 women in spesialist (8 selected)',
      facts: {
        code: 'selected_for_gender_rule',
        first: { id: 'N-04', priority: 4 },
        sameRank: false,
        others: 0,
        rules: [{ scope: 'sector', where: 'spesialist', gender: 'female', required: 8, actual: 8 }],
      },
    });
    expect(m.get('N-04')).toMatchObject({ status: 'reserve', reserveRank: 1 });
    expect(m.get('N-04')?.reasons).toContainEqual({
      code: 'passed_over_for_gender_rule',
      text: 'passed_over_for_gender_rule: N-05 (priority 5) selected instead to meet: at least 8 women in spesialist (8 selected)',
      facts: {
        code: 'passed_over_for_gender_rule',
        first: { id: 'N-05', priority: 5 },
        sameRank: false,
        others: 0,
        rules: [{ scope: 'sector', where: 'spesialist', gender: 'female', required: 8, actual: 8 }],
      },
    });
    expect(m.get('V-05')?.reasons.map((x) => x.code)).toEqual(['selected', 'selected_for_gender_rule']);
    expect(m.get('V-05')?.reasons[1]?.text).toMatch(/^selected_for_gender_rule: chosen before better-ranked V-03 \(priority 3\) to meet/);
    // V-04 too is kept before the better-ranked V-03, for the same rule: both statements are true.
    expect(m.get('V-04')?.reasons.map((x) => x.code)).toEqual(['selected', 'selected_for_gender_rule']);
    expect(m.get('V-02')?.reasons.map((x) => x.code)).toEqual(['selected']);
  });

  it('the checker accepts it, and rejects the plain top-ranked selection as breaking an achievable gender rule', async () => {
    const r = await selectChecked(cands, p, { solve, seed: 's' });
    const ranks = new Map(r.candidates.filter((c) => c.reserveRank !== null).map((c) => [c.id, c.reserveRank ?? 0]));
    expect(checkSelection(cands, p, { selected: selectedIds(r), reserveRanks: ranks }).filter((v) => v.severity === 'error')).toEqual([]);
    const naive = selectedIds(r).filter((id) => id !== 'N-05' && id !== 'V-05').concat(['N-04', 'V-03']);
    const naiveRanks = new Map(ranks);
    naiveRanks.delete('N-04');
    naiveRanks.delete('V-03');
    naiveRanks.set('N-05', 1);
    naiveRanks.set('V-05', 1);
    const codes = checkSelection(cands, p, { selected: naive, reserveRanks: naiveRanks }).map((v) => `${v.severity}:${v.code}`);
    expect(codes).toContain('error:gender_rules_below_achievable');
    expect(codes).toContain('warning:gender_rule_not_met');
  });
});

describe('unknown gender', () => {
  it('counts for neither side: a sector of unknowns and men gets its women elsewhere or reports the rule', async () => {
    const p = programme();
    const cands = [...ranked(p, 'kommune', 'K', 'UUUUUUUUUUUUMMMMMMMMFFFFF'), ...balanced(p).filter((c) => c.candidate.sector === 'spesialist')];
    const r = await selectChecked(cands, p, { solve, seed: 's' });
    // kommune: 20 seats, 5 women, 8 men, 12 unknown: women rule (8) cannot be met; men rule (8) is.
    expect(r.gender.sectors.kommune).toEqual({ female: 5, male: 8, unknown: 7 });
    const f = r.rules.find((x) => x.id === 'gender.sector.kommune.female');
    expect(f).toMatchObject({ met: false, actual: 5, required: 8 });
    expect(f?.explanation).toMatch(/at most 5 possible \(5 eligible women\)/);
    expect(r.rules.find((x) => x.id === 'gender.sector.kommune.male')?.met).toBe(true);
  });
});
