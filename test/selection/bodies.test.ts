/**
 * The committee's rules (issue 13): each nominating body's own list keeps its own gender balance, and no body's
 * better-ranked candidate is passed over because of another body's list unless the bodies have agreed to it.
 *
 * The property test compares every body's selection with an oracle written here from the rule, not from the model:
 * the best-ranked set of that body's own eligible candidates that meets its own gender minimum — the first k women
 * and the first f − k men in the body's call-in order (rank, then the seeded draw), k the women the top f hold,
 * clamped to what the body's minimum and its pool allow. Cohorts: balanced, men-skewed, women-skewed and short
 * pools, ranked, partly and wholly unranked.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { selectChecked } from '../../src/app/pipeline.js';
import { lotteryDraw } from '../../src/domain/lottery.js';
import { parseProgramme, quotaCells, type Programme } from '../../src/domain/programme.js';
import { cellGenderMinimum, compareCallIn, seatsToFill } from '../../src/domain/rules.js';
import type { Rhf, ScreenedCandidate } from '../../src/domain/types.js';
import { closeSolvers, createSolve } from '../../src/solver/index.js';
import { builtinProgramme, cand, shuffled } from './helpers.js';

afterAll(closeSolvers);
const solve = createSolve();

const CELLS: ReadonlyArray<'kommune' | Rhf> = ['kommune', 'Helse Sør-Øst', 'Helse Vest', 'Helse Midt-Norge', 'Helse Nord'];
const SEATS: Readonly<Record<string, number>> = { kommune: 20, 'Helse Sør-Øst': 8, 'Helse Vest': 4, 'Helse Midt-Norge': 4, 'Helse Nord': 4 };

/** One body's pool: its size against its seats, its share of women, how it ranks. */
const poolArb = fc.record({
  size: fc.constantFrom(0.5, 1, 1.5, 2, 3),
  women: fc.constantFrom(0.5, 0.5, 0.2, 0.8, 0, 1),
  ranking: fc.constantFrom('ranked', 'ranked', 'partly', 'unranked', 'ties'),
  ineligible: fc.constantFrom(0, 0.1, 0.3),
});

const cohortArb = fc.record({
  pools: fc.tuple(poolArb, poolArb, poolArb, poolArb, poolArb),
  seed: fc.string({ minLength: 1, maxLength: 6 }),
  shuffle: fc.nat(),
  coin: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })),
});

interface Pool {
  size: number;
  women: number;
  ranking: string;
  ineligible: number;
}

function makeCohort(p: Programme, pools: readonly Pool[], coin: IterableIterator<number>): ScreenedCandidate[] {
  const out: ScreenedCandidate[] = [];
  pools.forEach((pool, b) => {
    const cell = CELLS[b] ?? 'kommune';
    const n = Math.round((SEATS[cell] ?? 4) * pool.size);
    for (let i = 0; i < n; i++) {
      const next = () => coin.next().value as number;
      const priority =
        pool.ranking === 'unranked' ? null : pool.ranking === 'partly' && next() < 0.4 ? null : pool.ranking === 'ties' ? 1 + Math.floor(next() * 4) : i + 1;
      out.push(
        cand(p, {
          id: `B${b}-${String(i).padStart(3, '0')}`,
          cell,
          gender: next() < pool.women ? 'female' : 'male',
          priority,
          ineligible: next() < pool.ineligible ? ['too_young'] : [],
        }),
      );
    }
  });
  return out;
}

/** The oracle: per cell, the best-ranked set of its own eligible candidates that meets its own gender minimum. */
function oracle(p: Programme, screened: readonly ScreenedCandidate[], seed: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const cell of quotaCells(p)) {
    const pool = screened
      .filter((s) => s.cell === cell.key && s.status === 'eligible')
      .map((s) => ({ id: s.candidate.id, gender: s.candidate.gender, priority: s.candidate.priority, draw: lotteryDraw(seed, s.candidate.id) }))
      .sort(compareCallIn);
    const f = seatsToFill(cell.seats, pool.length);
    const women = pool.filter((c) => c.gender === 'female');
    const men = pool.filter((c) => c.gender === 'male');
    const m = cellGenderMinimum(cell.gender, f);
    const top = pool.slice(0, f).filter((c) => c.gender === 'female').length;
    // At least min(m, women available) women and min(m, men available) men; otherwise as the ranking has it.
    const lo = Math.min(m, women.length);
    const hi = f - Math.min(m, men.length);
    const k = Math.max(lo, Math.min(hi, top));
    out.set(cell.key, new Set([...women.slice(0, k), ...men.slice(0, f - k)].map((c) => c.id)));
  }
  return out;
}

describe('each body keeps its own gender balance, never made up for in another body', () => {
  it('on balanced, men-skewed, women-skewed and short pools, every body gets the best-ranked set that meets its own rule', async () => {
    const p = builtinProgramme();
    await fc.assert(
      fc.asyncProperty(cohortArb, async (c) => {
        const screened = makeCohort(p, c.pools, c.coin[Symbol.iterator]());
        const r = await selectChecked(shuffled(screened, c.shuffle), p, { seed: c.seed, solve });
        const want = oracle(p, screened, c.seed);
        for (const cell of quotaCells(p)) {
          const got = new Set(r.candidates.filter((x) => x.cell === cell.key && x.status === 'selected').map((x) => x.id));
          expect([...got].sort(), cell.key).toEqual([...(want.get(cell.key) ?? [])].sort());
        }
        // The cohort's and sectors' shares are targets, not rules: none of them is among the rules.
        expect(r.rules.filter((x) => x.scope !== 'cell')).toEqual([]);
        expect(r.balance.acrossBodies).toBe(false);
        expect(r.balance.proposal?.applied ?? false).toBe(false);
        // Every departure is the body's own gender rule, and each passed-over candidate precedes the one taken.
        for (const d of r.departures) {
          expect(d.cause).toBe('gender_body');
          const a = r.candidates.find((x) => x.id === d.passedOver.id);
          const b = r.candidates.find((x) => x.id === d.takenInstead.id);
          expect(a?.status).toBe('reserve');
          expect(b?.status).toBe('selected');
          expect(compareCallIn({ ...d.passedOver, draw: a?.draw ?? 0 }, { ...d.takenInstead, draw: b?.draw ?? 0 })).toBeLessThan(0);
        }
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});

/** Kommune has only 5 eligible women; every RHF ranks its men first, with women further down. */
function womenShort(p: Programme): ScreenedCandidate[] {
  const list = (cell: 'kommune' | Rhf, prefix: string, pattern: string) =>
    [...pattern].map((ch, i) => cand(p, { id: `${prefix}-${String(i + 1).padStart(2, '0')}`, cell, priority: i + 1, gender: ch === 'F' ? 'female' : 'male' }));
  return [
    ...list('kommune', 'K', `${'M'.repeat(20)}FFFFF`),
    ...list('Helse Sør-Øst', 'SO', 'MMMMMMMMFFFFFF'),
    ...list('Helse Vest', 'V', 'MMMMFFFF'),
    ...list('Helse Midt-Norge', 'MN', 'MMMMFFFF'),
    ...list('Helse Nord', 'N', 'MMMMFFFF'),
  ];
}

describe('the cohort and sector shares: shown and proposed, applied only by agreement', () => {
  it('without agreement: each body keeps its ranking under its own rule; the proposal names who would take whose seat', async () => {
    const p = builtinProgramme();
    const r = await selectChecked(womenShort(p), p, { seed: 's', solve });
    // Each body's own minimum: kommune 8 women (only 5 eligible), Sør-Øst 3, the others 2 each.
    expect(r.cells.map((c) => [c.label, c.gender.selected.female])).toEqual([
      ['kommune', 5],
      ['Helse Sør-Øst', 3],
      ['Helse Vest', 2],
      ['Helse Midt-Norge', 2],
      ['Helse Nord', 2],
    ]);
    expect(r.rules.find((x) => x.id === 'gender.cell.kommune.female')).toMatchObject({ required: 8, actual: 5, met: false });
    expect(r.allRulesMet).toBe(false);
    // The cohort has 14 women of 16; the municipal sector 5 of 8.
    expect(r.balance.targets.filter((t) => !t.met).map((t) => [t.id, t.actual, t.required])).toEqual([
      ['gender.cohort.female', 14, 16],
      ['gender.sector.kommune.female', 5, 8],
    ]);
    const proposal = r.balance.proposal;
    expect(proposal).toMatchObject({ applied: false, shortfallBefore: 5, shortfallAfter: 3, proven: true });
    // Two specialist men make way for two women: each change within one body, the man the body ranked lowest.
    expect(proposal?.changes).toHaveLength(2);
    for (const ch of proposal?.changes ?? []) {
      expect(ch.cell).not.toBe('kommune');
      expect([ch.out.gender, ch.in.gender]).toEqual(['male', 'female']);
    }
    expect(r.departures.every((d) => d.cause === 'gender_body')).toBe(true);
    // Nothing in a body's list moved for another body's: the proposal is not applied.
    for (const ch of proposal?.changes ?? []) expect(r.candidates.find((x) => x.id === ch.out.id)?.status).toBe('selected');
  });

  it('with the bodies\' agreement (gender.acrossBodies): the proposal is applied and each change is a listed departure by agreement', async () => {
    const base = builtinProgramme();
    const p: Programme = { ...base, gender: { ...base.gender, acrossBodies: true } };
    const own = await selectChecked(womenShort(base), base, { seed: 's', solve });
    const r = await selectChecked(womenShort(p), p, { seed: 's', solve });
    expect(r.balance.proposal).toMatchObject({ applied: true, shortfallAfter: 3 });
    expect(r.balance.targets.find((t) => t.id === 'gender.cohort.female')).toMatchObject({ actual: 16, met: true });
    const changes = own.balance.proposal?.changes ?? [];
    expect(r.balance.proposal?.changes).toEqual(changes);
    const byAgreement = r.departures.filter((d) => d.cause === 'gender_agreement');
    expect(byAgreement.map((d) => d.takenInstead.id).sort()).toEqual(changes.map((c) => c.in.id).sort());
    for (const c of changes) {
      expect(r.candidates.find((x) => x.id === c.in.id)?.status).toBe('selected');
      expect(r.candidates.find((x) => x.id === c.out.id)?.status).toBe('reserve');
    }
    // The body's own departures stay the body's own: as many in each body as without the agreement.
    const perCell = (ds: typeof r.departures) => ds.reduce((m, d) => m.set(d.cell, (m.get(d.cell) ?? 0) + 1), new Map<string, number>());
    expect(perCell(r.departures.filter((d) => d.cause === 'gender_body'))).toEqual(perCell(own.departures));
  });
});

describe('the lottery in the open', () => {
  it('lists a body\'s unranked tie split by the seats, and nothing for a fully ranked list', async () => {
    const p = builtinProgramme();
    const screened = [
      ...Array.from({ length: 30 }, (_, i) => cand(p, { id: `K-${String(i).padStart(2, '0')}`, cell: 'kommune', gender: i % 2 === 0 ? 'female' : 'male', priority: i < 15 ? i + 1 : null })),
      ...(['Helse Sør-Øst', 'Helse Vest', 'Helse Midt-Norge', 'Helse Nord'] as const).flatMap((rhf, b) =>
        Array.from({ length: 10 }, (_, i) => cand(p, { id: `S${b}-${i}`, cell: rhf, gender: i % 2 === 0 ? 'female' : 'male', priority: i + 1 })),
      ),
    ];
    const r = await selectChecked(screened, p, { seed: 'x', solve });
    expect(r.lottery).toHaveLength(1);
    const l = r.lottery[0];
    expect(l).toMatchObject({ cell: 'kommune', priority: null, seats: 5 });
    expect(l?.among).toHaveLength(15);
    expect(l?.selected.every((id) => l.among.includes(id))).toBe(true);
    expect(r.candidates.filter((x) => l?.selected.includes(x.id)).every((x) => x.status === 'selected' && x.priority === null)).toBe(true);
  });
});

describe('the lottery, when the draw happens to follow gender', () => {
  it('a tie split women / men by the draw alone, with no gender rule binding, is still the lottery\'s', async () => {
    const p = builtinProgramme();
    // Kommune: 18 ranked (9 women, 9 men: the body's minimum of 8 is met either way), then 2 women and 2 men unranked.
    const kommune = [
      ...Array.from({ length: 18 }, (_, i) => cand(p, { id: `K-${String(i).padStart(2, '0')}`, cell: 'kommune', gender: i % 2 === 0 ? 'female' : 'male', priority: i + 1 })),
      ...['female', 'female', 'male', 'male'].map((g, i) => cand(p, { id: `U-${i}`, cell: 'kommune', gender: g as 'female' | 'male', priority: null })),
    ];
    const others = (['Helse Sør-Øst', 'Helse Vest', 'Helse Midt-Norge', 'Helse Nord'] as const).flatMap((rhf, b) =>
      Array.from({ length: 8 }, (_, i) => cand(p, { id: `S${b}-${i}`, cell: rhf, gender: i % 2 === 0 ? 'female' : 'male', priority: i + 1 })),
    );
    // A seed whose draw admits the two unranked women (one in six seeds or so).
    let found = false;
    for (let k = 0; k < 60 && !found; k++) {
      const r = await selectChecked([...kommune, ...others], p, { seed: `seed-${k}`, solve });
      const won = r.candidates.filter((x) => x.id.startsWith('U-') && x.status === 'selected');
      if (won.length !== 2 || !won.every((x) => x.gender === 'female')) continue;
      found = true;
      expect(r.lottery).toEqual([{ cell: 'kommune', label: 'kommune', priority: null, seats: 2, among: expect.arrayContaining(['U-0', 'U-1', 'U-2', 'U-3']) as unknown as string[], selected: ['U-0', 'U-1'] }]);
    }
    expect(found).toBe(true);
  });
});

describe('the programme file chooses each body\'s rule', () => {
  const raw = () => JSON.parse(JSON.stringify(builtinProgramme())) as Record<string, unknown> & { quotas: { spesialist: { cells: Array<Record<string, unknown>> } }; gender: Record<string, unknown> };

  it('a cell\'s own rule, a share or none, is read per cell', () => {
    const r = raw();
    r.quotas.spesialist.cells[0] = { ...r.quotas.spesialist.cells[0], gender: { share: 0.5 } };
    r.quotas.spesialist.cells[3] = { ...r.quotas.spesialist.cells[3], gender: 'none' };
    const parsed = parseProgramme(r, z);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(quotaCells(parsed.programme).map((c) => [c.label, c.gender])).toEqual([
      ['kommune', 'table'],
      ['Helse Sør-Øst', { share: 0.5 }],
      ['Helse Vest', 'table'],
      ['Helse Midt-Norge', 'table'],
      ['Helse Nord', 'none'],
    ]);
  });

  it.each([
    ['a 1-seat cell asking for both genders', (r: ReturnType<typeof raw>) => {
      r.quotas.spesialist.cells[1] = { rhf: 'Helse Vest', seats: 1, gender: { minimum: 1 } };
      r.quotas.spesialist.cells[0] = { rhf: 'Helse Sør-Øst', seats: 11 };
    }, 'quotas.spesialist.cells[1].gender'],
    ['a share of 0.4 for every cell, with a 3-seat cell', (r: ReturnType<typeof raw>) => {
      r.gender.cells = { share: 0.4 };
      r.quotas.spesialist.cells[1] = { rhf: 'Helse Vest', seats: 3 };
      r.quotas.spesialist.cells[0] = { rhf: 'Helse Sør-Øst', seats: 9 };
    }, 'gender.cells'],
  ])('%s is refused at the rule\'s place in the file', (_, edit, path) => {
    const r = raw();
    edit(r);
    const parsed = parseProgramme(r, z);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.path).toBe(path);
    expect(parsed.problems[0]?.message).toMatch(/^expected a gender rule that Helse Vest's \d seats? can hold; .* asks for at least \d of each gender/);
  });
});
