/** Locks (include/exclude) and ties decided by the seeded lottery, never by row order. */
import { afterAll, describe, expect, it } from 'vitest';
import type { SelectionResult } from '../../src/stages/select/select.js';
import { selectChecked } from '../../src/app/pipeline.js';
import { lotteryDraw } from '../../src/domain/lottery.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { balanced, cand, programme, shuffled } from './helpers.js';
import type { ScreenedCandidate } from '../../src/domain/types.js';

afterAll(closeSolvers);
const solve = createSolve();

const p = programme();
const byId = (r: SelectionResult) => new Map(r.candidates.map((c) => [c.id, c]));
const codes = (r: SelectionResult, id: string) => byId(r).get(id)?.reasons.map((x) => x.code);

describe('locks', () => {
  it('include forces a low-ranked candidate in; the worst-ranked of the same gender drops to reserve 1', async () => {
    const r = await selectChecked(balanced(p), p, { solve, seed: 's', include: ['V-07'] });
    const m = byId(r);
    expect(m.get('V-07')).toMatchObject({ status: 'selected', lock: 'include', reserveRank: null });
    expect(codes(r, 'V-07')).toEqual(['included']);
    // The worst-ranked selected (V-04, a man) makes room: the sector keeps 9 men, above its minimum of 8.
    expect(r.candidates.filter((c) => c.cell === 'spesialist/Helse Vest' && c.status === 'selected').map((c) => c.id)).toEqual(['V-01', 'V-02', 'V-03', 'V-07']);
    expect(m.get('V-04')).toMatchObject({ status: 'reserve', reserveRank: 1 });
    expect(r.warnings).toEqual([]);
    expect(r.allRulesMet).toBe(true);
  });

  it('exclude forces a candidate out; the next in line takes the seat', async () => {
    const r = await selectChecked(balanced(p), p, { solve, seed: 's', exclude: ['N-01'] });
    const m = byId(r);
    expect(m.get('N-01')).toMatchObject({ status: 'excluded', lock: 'exclude', reserveRank: null, reasons: [{ code: 'excluded', text: 'excluded: by the committee (exclude lock)' }] });
    expect(m.get('N-05')).toMatchObject({ status: 'selected' });
    expect(m.get('N-06')).toMatchObject({ status: 'reserve', reserveRank: 1 });
    expect(r.cells.find((c) => c.rhf === 'Helse Nord')).toMatchObject({ excluded: 1, selected: 4, shortfall: 0 });
  });

  it('a lock that cannot be obeyed is reported, never silently applied', async () => {
    const cands: ScreenedCandidate[] = [...balanced(p), cand(p, { id: 'N-X', cell: 'Helse Nord', priority: 1, gender: 'male', ineligible: ['no_bachelor'] })];
    const r = await selectChecked(cands, p, {
      solve,
      seed: 's',
      include: ['N-X', 'GHOST', 'K-05', 'V-05', 'V-06', 'V-07', 'V-08', 'V-03'],
      exclude: ['K-05'],
    });
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['include_ineligible', 'include_over_quota', 'lock_conflict', 'lock_unknown_id']);
    const m = byId(r);
    expect(m.get('N-X')).toMatchObject({ status: 'ineligible', lock: 'include' });
    expect(codes(r, 'N-X')).toEqual(['no_bachelor', 'lock_not_obeyed']);
    // Both ways: neither lock applies, K-05 competes as usual (and is selected on its rank).
    expect(m.get('K-05')).toMatchObject({ status: 'selected', lock: null });
    expect(codes(r, 'K-05')).toEqual(['lock_not_obeyed', 'selected']);
    // Five includes for four seats in Helse Vest: the best-placed four keep their lock, V-08 competes.
    expect(r.candidates.filter((c) => c.cell === 'spesialist/Helse Vest' && c.status === 'selected').map((c) => c.id)).toEqual(['V-03', 'V-05', 'V-06', 'V-07']);
    expect(m.get('V-08')).toMatchObject({ status: 'reserve', lock: 'include' });
    expect(codes(r, 'V-08')).toContain('lock_not_obeyed');
  });

  it('includes that break a gender rule leave it unmet and say so', async () => {
    // All four Helse Nord seats to men, with table minimums per cell.
    const pc = programme({ gender: { cells: 'table' } });
    const r = await selectChecked(balanced(pc), pc, { solve, seed: 's', include: ['N-02', 'N-04', 'N-06', 'N-08'] });
    const rule = r.rules.find((x) => x.id === 'gender.cell.spesialist/Helse Nord.female');
    expect(rule).toMatchObject({ met: false, actual: 0, required: 2 });
    expect(rule?.explanation).toBe("Helse Nord: at least 2 women required, 0 selected — at most 0 possible (4 eligible women, given the committee's locks)");
  });
});

describe('ties and the lottery', () => {
  const rows: ScreenedCandidate[] = [
    ...Array.from({ length: 30 }, (_, i) => cand(p, { id: `K-${String(i + 1).padStart(3, '0')}`, cell: 'kommune', priority: null, gender: i % 3 === 0 ? 'male' : 'female', line: i + 2 })),
    ...balanced(p).filter((c) => c.candidate.sector === 'spesialist'),
  ];
  const unranked = (): ScreenedCandidate[] => structuredClone(rows);

  it('the draw is a fixed function of seed and id', () => {
    expect(lotteryDraw('topplederprogram', 'TLP-0001')).toBe(lotteryDraw('topplederprogram', 'TLP-0001'));
    expect(lotteryDraw('topplederprogram', 'TLP-0001')).toBe(345193846926942);
    expect(lotteryDraw('other', 'TLP-0001')).not.toBe(lotteryDraw('topplederprogram', 'TLP-0001'));
    expect(Number.isSafeInteger(lotteryDraw('', ''))).toBe(true);
  });

  it('an unranked list is filled in draw order within each gender, ties reported as lottery', async () => {
    const r = await selectChecked(unranked(), p, { solve, seed: 'seed-1' });
    const kom = r.candidates.filter((c) => c.cell === 'kommune');
    for (const g of ['female', 'male'] as const) {
      const ofG = kom.filter((c) => c.gender === g).sort((a, b) => a.draw - b.draw);
      const firstReserve = ofG.findIndex((c) => c.status !== 'selected');
      // a prefix of the draw order is selected
      expect(ofG.slice(firstReserve).every((c) => c.status === 'reserve')).toBe(true);
    }
    const reserves = kom.filter((c) => c.status === 'reserve').sort((a, b) => (a.reserveRank ?? 0) - (b.reserveRank ?? 0));
    expect(reserves.map((c) => c.draw)).toEqual([...reserves.map((c) => c.draw)].sort((a, b) => a - b));
    expect(kom.find((c) => c.status === 'selected')?.reasons.map((x) => x.code)).toContain('lottery');
    expect(reserves[0]?.reasons.find((x) => x.code === 'lottery')?.text).toBe('lottery: tied at unranked in kommune with 20 selected candidates; order drawn by lottery (seed "seed-1")');
  });

  it('shuffled input rows give the same status and reserve rank for every candidate', async () => {
    const base = unranked();
    const a = await selectChecked(base, p, { solve, seed: 'seed-1' });
    const pick = (r: SelectionResult) => Object.fromEntries([...r.candidates].sort((x, y) => (x.id < y.id ? -1 : 1)).map((c) => [c.id, [c.status, c.reserveRank, c.reasons]]));
    for (const s of [1, 2, 3]) {
      const b = await selectChecked(shuffled(base, s), p, { solve, seed: 'seed-1' });
      expect(pick(b)).toEqual(pick(a));
      expect(b.cells).toEqual(a.cells);
      expect(b.rules).toEqual(a.rules);
    }
  });

  it('the same input twice gives an identical result (apart from timings), another seed another draw', async () => {
    const strip = (r: SelectionResult) => ({ ...r, stage: { ...r.stage, attempts: r.stage.attempts.map((x) => ({ ...x, ms: 0 })) } });
    const a = await selectChecked(unranked(), p, { solve, seed: 'seed-1' });
    const b = await selectChecked(unranked(), p, { solve, seed: 'seed-1' });
    expect(JSON.stringify(strip(b))).toBe(JSON.stringify(strip(a)));
    const c = await selectChecked(unranked(), p, { solve, seed: 'seed-2' });
    const sel = (r: SelectionResult) => r.candidates.filter((x) => x.status === 'selected').map((x) => x.id).join();
    expect(sel(c)).not.toBe(sel(a));
  });

  it('a tie between a woman and a man is decided by their own draws', async () => {
    // Helse Nord: two ranked candidates, then an unranked woman and man for the last two seats... with
    // one more of each unranked: the two best draws among the four take the seats whatever their gender,
    // as long as the gender rules hold (they do: the sector has plenty of both).
    const nord = ['a', 'b', 'c', 'd'].map((x, i) => cand(p, { id: `N-${x}`, cell: 'Helse Nord', priority: null, gender: i % 2 === 0 ? 'female' : 'male' }));
    const cands = [...balanced(p).filter((c) => c.candidate.rhf !== 'Helse Nord'), cand(p, { id: 'N-1', cell: 'Helse Nord', priority: 1, gender: 'female' }), cand(p, { id: 'N-2', cell: 'Helse Nord', priority: 2, gender: 'male' }), ...nord];
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const r = await selectChecked(cands, p, { solve, seed });
      const best2 = nord.map((c) => ({ id: c.candidate.id, draw: lotteryDraw(seed, c.candidate.id) })).sort((x, y) => x.draw - y.draw).slice(0, 2).map((x) => x.id).sort();
      const chosen = r.candidates.filter((c) => c.cell === 'spesialist/Helse Nord' && c.status === 'selected' && c.priority === null).map((c) => c.id).sort();
      expect(chosen).toEqual(best2);
    }
  });
});
