/**
 * The independent checker on hand-made proposals: each broken rule is found (a checker that accepts
 * everything would make the property test worthless), and a correct proposal passes.
 */
import { describe, expect, it } from 'vitest';
import { checkSelection, type SelectionProposal } from '../../src/check/selection.js';
import type { ScreenedCandidate } from '../../src/domain/types.js';
import { cand, programme, ranked } from './helpers.js';

const p = programme();
// Every cell with exactly its seats + 2, ranked, alternating F/M: a valid selection is the top of each list.
const base: ScreenedCandidate[] = [
  ...ranked(p, 'kommune', 'K', 'FM'.repeat(11)),
  ...ranked(p, 'Helse Sør-Øst', 'SO', 'FMFMFMFMFM'),
  ...ranked(p, 'Helse Vest', 'V', 'FMFMFM'),
  ...ranked(p, 'Helse Midt-Norge', 'MN', 'FMFMFM'),
  ...ranked(p, 'Helse Nord', 'N', 'FMFMFM'),
  cand(p, { id: 'X-1', cell: 'Helse Nord', priority: 1, gender: 'male', ineligible: ['too_young'] }),
];
const top = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
const good: SelectionProposal = {
  selected: [...top('K', 20), ...top('SO', 8), ...top('V', 4), ...top('MN', 4), ...top('N', 4)],
  reserveRanks: new Map([
    ['K-21', 1],
    ['K-22', 2],
    ['SO-09', 1],
    ['SO-10', 2],
    ['V-05', 1],
    ['V-06', 2],
    ['MN-05', 1],
    ['MN-06', 2],
    ['N-05', 1],
    ['N-06', 2],
  ]),
};
const errors = (prop: SelectionProposal, cands = base) =>
  checkSelection(cands, p, prop)
    .filter((v) => v.severity === 'error')
    .map((v) => v.code);
const swap = (xs: readonly string[], out: string, inn: string) => xs.filter((x) => x !== out).concat([inn]);
const ranks = (entries: Array<[string, number]>, drop: string[] = []) => {
  const m = new Map(good.reserveRanks);
  for (const d of drop) m.delete(d);
  for (const [k, v] of entries) m.set(k, v);
  return m;
};

describe('checkSelection', () => {
  it('accepts a correct selection without findings', () => {
    expect(checkSelection(base, p, good)).toEqual([]);
  });

  it.each<[string, SelectionProposal, string[]]>([
    ['an ineligible candidate selected', { ...good, selected: swap(good.selected, 'N-04', 'X-1') }, ['selected_ineligible', 'seats_unfilled', 'reserve_rank_missing']],
    ['an unknown id', { ...good, selected: [...good.selected, 'NOPE'] }, ['unknown_id']],
    ['one seat too many', { ...good, selected: [...good.selected, 'V-05'], reserveRanks: ranks([['V-06', 1]], ['V-05']) }, ['over_quota']],
    ['a seat left empty', { ...good, selected: good.selected.filter((x) => x !== 'V-04'), reserveRanks: ranks([['V-04', 3]]) }, ['seats_unfilled', 'reserve_order']],
    [
      'a worse-ranked man selected over better-ranked candidates no binding rule protects',
      { ...good, selected: swap(good.selected, 'V-02', 'V-06'), reserveRanks: ranks([['V-02', 2]], ['V-06']) },
      // V-02 over V-06 (same gender); V-05 (woman) over V-06 and V-02 over V-03: neither gender is at its minimum
      ['justified_envy', 'justified_envy', 'justified_envy', 'reserve_order'],
    ],
    ['a reserve missing its rank', { ...good, reserveRanks: ranks([], ['K-22']) }, ['reserve_rank_missing']],
    [
      'reserve ranks against the ranking',
      { ...good, reserveRanks: ranks([['K-21', 2], ['K-22', 1]]) },
      ['reserve_order'],
    ],
    ['a selected candidate with a reserve rank', { ...good, reserveRanks: ranks([['K-01', 3]]) }, ['reserve_rank_not_reserve']],
    ['an excluded candidate selected', { ...good, exclude: ['K-01'] }, ['excluded_selected']],
    ['an included candidate left out', { ...good, include: ['K-22'] }, ['include_not_selected']],
  ])('finds %s', (_what, proposal, expected) => {
    expect(errors(proposal).sort()).toEqual([...expected].sort());
  });

  it('a swap that keeps a binding gender minimum is not envy, one that does not is', () => {
    // Helse Vest: men, then one woman at rank 6; Helse Nord's top four hold one woman. The spesialist
    // sector then has exactly 8 women with V-06: swapping her for V-04 would break the minimum.
    const keep = base.filter((c) => c.candidate.rhf !== 'Helse Vest' && c.candidate.rhf !== 'Helse Nord');
    const cands = [...keep, ...ranked(p, 'Helse Vest', 'V', 'MMMMMF'), ...ranked(p, 'Helse Nord', 'N', 'MMMFMM')];
    const sel = [...good.selected.filter((x) => !x.startsWith('V-')), 'V-01', 'V-02', 'V-03', 'V-06'];
    const rr = new Map([...good.reserveRanks].filter(([k]) => !k.startsWith('V-')).concat([['V-04', 1], ['V-05', 2]]));
    expect(checkSelection(cands, p, { selected: sel, reserveRanks: rr })).toEqual([]);
    // A second woman in Helse Nord's top four: V-06 is no longer needed, and V-04 has justified envy.
    const more = [...keep, ...ranked(p, 'Helse Vest', 'V', 'MMMMMF'), ...ranked(p, 'Helse Nord', 'N', 'MMFFMM')];
    const found = checkSelection(more, p, { selected: sel, reserveRanks: rr });
    expect(found.map((v) => v.code)).toEqual(['justified_envy']);
    const line = (id: string) => String(more.find((c) => c.candidate.id === id)?.candidate.ref.line);
    expect(found[0]?.message).toBe(`Helse Vest: V-04 (Helse Vest.csv line ${line('V-04')}, priority 4) is not selected while V-06 (Helse Vest.csv line ${line('V-06')}, priority 6) is, and swapping them breaks no gender rule`);
  });

  it('reports a shortfall and an unmeetable gender rule as warnings, not errors', () => {
    const cands = [...base.filter((c) => c.candidate.rhf !== 'Helse Nord'), ...ranked(p, 'Helse Nord', 'N', 'FF')];
    const sel = [...good.selected.filter((x) => !x.startsWith('N-')), 'N-01', 'N-02'];
    const rr = new Map([...good.reserveRanks].filter(([k]) => !k.startsWith('N-')));
    const found = checkSelection(cands, p, { selected: sel, reserveRanks: rr });
    expect(found.map((v) => `${v.severity}:${v.code}:${v.rule ?? ''}`)).toEqual(['warning:shortfall:quota.spesialist/Helse Nord']);
    expect(found[0]?.message).toBe('Helse Nord: 4 seats, 2 available — 2 seats cannot be filled');
  });

  it('computes the least total gender shortfall exactly (min-cost flow), not rule by rule', () => {
    // kommune: 20 seats but only 4 men → its men rule (8) is short by 4 whatever happens. The cohort
    // rule (30 % here: 12 men) is met by the spesialist men.
    const p30 = programme({ gender: { minShareCohort: 0.3 } });
    const cands = [...base.filter((c) => c.candidate.sector !== 'kommune'), ...ranked(p30, 'kommune', 'K', 'MMMM' + 'F'.repeat(10) + 'U'.repeat(10))];
    const best = [...good.selected.filter((x) => !x.startsWith('K-')), ...top('K', 20)];
    const rr = new Map([...good.reserveRanks].filter(([k]) => !k.startsWith('K-')).concat([['K-21', 1], ['K-22', 2], ['K-23', 3], ['K-24', 4]]));
    const found = checkSelection(cands, p30, { selected: best, reserveRanks: rr });
    expect(found.map((v) => `${v.severity}:${v.code}:${v.rule ?? ''}`)).toEqual(['warning:gender_rule_not_met:gender.sector.kommune.male']);
    // Under the 40 % cohort rule (16 men) the same selection is short by 2 more, which the spesialist
    // cells could make up (they have men to spare above their own women minimum): an error.
    expect(checkSelection(cands, p, { selected: best, reserveRanks: rr }).map((v) => `${v.severity}:${v.code}`)).toContain('error:gender_rules_below_achievable');
    // Leaving out a man (K-04 for K-21) raises the shortfall by one.
    const worse = [...best.filter((x) => x !== 'K-04'), 'K-21'];
    const rr2 = new Map([...rr].filter(([k]) => k !== 'K-21').map(([k, v]): [string, number] => [k, v - 1]).concat([['K-04', 1]]));
    const codes = checkSelection(cands, p30, { selected: worse, reserveRanks: rr2 }).map((v) => `${v.severity}:${v.code}`);
    expect(codes).toContain('error:gender_rules_below_achievable');
  });

  it('lock problems are warnings and the lock is not enforced', () => {
    const found = checkSelection(base, p, { ...good, include: ['X-1', 'GHOST', 'K-01'], exclude: ['K-01'] });
    expect(found.map((v) => v.code).sort()).toEqual(['include_ineligible', 'lock_conflict', 'lock_unknown_id']);
  });
});
