import { describe, expect, it } from 'vitest';
import { compareCells, diffAllocations, reasonCodes, type DiffRow } from '../../src/diff/diff.js';
import type { Gender } from '../../src/domain/types.js';

interface RowSpec {
  cell?: string | null;
  group?: number | null;
  team?: number | null;
  rank?: number | null;
  gender?: Gender;
  reasons?: string;
  input?: Record<string, string>;
}

function row(id: string, status: DiffRow['status'], s: RowSpec = {}): DiffRow {
  const selected = status === 'selected';
  return {
    id,
    status,
    workshopGroup: s.group !== undefined ? s.group : selected ? 1 : null,
    projectTeam: s.team !== undefined ? s.team : selected ? 1 : null,
    reserveRank: s.rank !== undefined ? s.rank : status === 'reserve' ? 1 : null,
    details: { cell: s.cell !== undefined ? s.cell : 'kommune', reasons: s.reasons ?? '', gender: s.gender ?? 'female', input: s.input ?? {} },
  };
}

describe('diffAllocations: one person, every kind of change', () => {
  const X = 'X-1';
  it.each<[string, DiffRow | null, DiffRow | null, string | null, string[]]>([
    ['unchanged participant', row(X, 'selected'), row(X, 'selected'), null, []],
    ['unchanged reserve', row(X, 'reserve', { rank: 3 }), row(X, 'reserve', { rank: 3 }), null, []],
    ['unchanged excluded', row(X, 'excluded'), row(X, 'excluded'), null, []],
    ['reserve called in', row(X, 'reserve'), row(X, 'selected', { reasons: 'selected: priority 1 in kommune' }), 'in', ['selected']],
    ['late nomination selected', null, row(X, 'selected', { reasons: 'selected: priority 1 in kommune' }), 'in', ['selected']],
    ['participant to reserve', row(X, 'selected'), row(X, 'reserve', { reasons: 'reserve: number 1 in kommune (priority 2); passed_over_for_gender_rule: Y selected instead' }), 'out', ['reserve', 'passed_over_for_gender_rule']],
    ['participant gone from the input', row(X, 'selected'), null, 'out', []],
    ['participant withdrawn', row(X, 'selected'), row(X, 'withdrawn'), 'out', []],
    ['participant now ineligible', row(X, 'selected'), row(X, 'ineligible', { reasons: 'too_young: 24 years on 2026-08-17, minimum 25' }), 'out', ['too_young']],
    ['another workshop group', row(X, 'selected', { group: 1 }), row(X, 'selected', { group: 2 }), 'moved', []],
    ['another project team', row(X, 'selected', { team: 1 }), row(X, 'selected', { team: 4 }), 'moved', []],
    ['another quota cell', row(X, 'selected', { cell: 'spesialist/Helse Vest' }), row(X, 'selected', { cell: 'spesialist/Helse Nord' }), 'moved', []],
    ['reserve now ineligible', row(X, 'reserve'), row(X, 'ineligible', { reasons: 'too_young: 24 years' }), 'status', ['too_young']],
    ['late nomination on the reserve list', null, row(X, 'reserve', { rank: 4, reasons: 'reserve: number 4 in kommune (unranked)' }), 'status', ['reserve']],
    ['reserve gone from the input', row(X, 'reserve'), null, 'status', []],
    ['reserve in another cell', row(X, 'reserve', { cell: 'spesialist/Helse Vest' }), row(X, 'reserve', { cell: 'spesialist/Helse Nord' }), 'status', []],
    ['reserve moved down the list', row(X, 'reserve', { rank: 1 }), row(X, 'reserve', { rank: 2 }), 'reserve_rank', []],
    ['only an input column changed', row(X, 'reserve', { input: { birth_date: '1980-01-01' } }), row(X, 'reserve', { input: { birth_date: '1980-01-02' } }), 'data', []],
  ])('%s', (_, before, after, kind, reasons) => {
    const d = diffAllocations(before === null ? [] : [before], after === null ? [] : [after]);
    expect(d.equal).toBe(kind === null);
    expect(d.changes.map((c) => c.kind)).toEqual(kind === null ? [] : [kind]);
    if (kind !== null) {
      const c = d.changes[0];
      expect(c?.reasons).toEqual(reasons);
      expect(c?.old === null).toBe(before === null);
      expect(c?.new === null).toBe(after === null);
      expect(d.counts[kind as keyof typeof d.counts]).toBe(1);
    }
  });

  it('names the input columns that changed on a decision change too, values never', () => {
    const d = diffAllocations([row('A', 'selected', { input: { name: 'Kari', birth_date: '1980-01-01', 'E-post': 'a@x.no' } })], [row('A', 'reserve', { input: { name: 'Kari', birth_date: '1981-01-01', 'E-post': 'b@x.no' } })]);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]?.kind).toBe('out');
    expect(d.changes[0]?.columnsChanged).toEqual(['E-post', 'birth_date']);
    expect(JSON.stringify(d.changes[0]?.columnsChanged)).not.toContain('1981');
  });

  it('a column only one file has counts as blank in the other', () => {
    const d = diffAllocations([row('A', 'reserve')], [row('A', 'reserve', { input: { 'E-post': 'a@x.no' } })]);
    expect(d.changes[0]?.columnsChanged).toEqual(['E-post']);
    expect(diffAllocations([row('A', 'reserve')], [row('A', 'reserve', { input: { 'E-post': '' } })]).equal).toBe(true);
  });
});

describe('diffAllocations: the bodies and the order', () => {
  const before = [
    row('K1', 'selected', { gender: 'female' }),
    row('K2', 'selected', { gender: 'male' }),
    row('K3', 'reserve', { rank: 1, gender: 'male' }),
    row('V1', 'selected', { cell: 'spesialist/Helse Vest', gender: 'female' }),
    row('V2', 'reserve', { cell: 'spesialist/Helse Vest', gender: 'male' }),
    row('N1', 'ineligible', { cell: 'spesialist/Helse Nord', gender: 'male' }),
  ];
  const after = [
    row('K1', 'reserve', { rank: 1, gender: 'female' }),
    row('K2', 'selected', { gender: 'male' }),
    row('K3', 'selected', { gender: 'male' }),
    row('V1', 'selected', { cell: 'spesialist/Helse Vest', gender: 'female', group: 2 }),
    row('V2', 'reserve', { cell: 'spesialist/Helse Vest', gender: 'male' }),
    row('N1', 'ineligible', { cell: 'spesialist/Helse Nord', gender: 'male' }),
    row('N2', 'selected', { cell: 'spesialist/Helse Nord', gender: 'unknown' }),
  ];

  it('counts each cell\'s participants, reserves and genders on both sides, cells in programme order', () => {
    const d = diffAllocations(before, after);
    expect(d.bodies).toEqual([
      { cell: 'kommune', old: { selected: 2, reserves: 1, female: 1, male: 1, unknown: 0 }, new: { selected: 2, reserves: 1, female: 0, male: 2, unknown: 0 } },
      { cell: 'spesialist/Helse Vest', old: { selected: 1, reserves: 1, female: 1, male: 0, unknown: 0 }, new: { selected: 1, reserves: 1, female: 1, male: 0, unknown: 0 } },
      { cell: 'spesialist/Helse Nord', old: { selected: 0, reserves: 0, female: 0, male: 0, unknown: 0 }, new: { selected: 1, reserves: 0, female: 0, male: 0, unknown: 1 } },
    ]);
  });

  it('lists changes by kind, then cell, then id', () => {
    const d = diffAllocations(before, after);
    expect(d.changes.map((c) => `${c.kind} ${c.id}`)).toEqual(['in K3', 'in N2', 'out K1', 'moved V1']);
    expect(d.counts).toEqual({ in: 2, out: 1, moved: 1, status: 0, reserve_rank: 0, data: 0 });
  });

  it('does not depend on the rows\' order', () => {
    const d = diffAllocations(before, after);
    expect(diffAllocations([...before].reverse(), [...after].reverse())).toEqual(d);
  });

  it('an allocation against itself is equal', () => {
    const d = diffAllocations(after, after);
    expect(d.equal).toBe(true);
    expect(d.changes).toEqual([]);
  });
});

describe('reason codes and cell order', () => {
  it.each([
    ['', []],
    ['selected: priority 3 in kommune', ['selected']],
    ['reserve: number 1 in kommune (unranked); lottery: tied at unranked in kommune; order drawn by lottery (seed "a; b: c")', ['reserve', 'lottery']],
    ['too_young: 22 years on 2026-08-17, minimum 25; no_bachelor: Fagskole', ['too_young', 'no_bachelor']],
    ['Tatt inn etter møtet', []],
  ])('%j → %j', (text, codes) => {
    expect(reasonCodes(text)).toEqual(codes);
  });

  it('orders kommune, spesialist, the RHFs as the programme lists them, other cells, blank', () => {
    const cells = [null, 'spesialist/Helse Nord', 'x-custom', 'spesialist/Helse Sør-Øst', 'kommune', 'spesialist'];
    expect([...cells].sort(compareCells)).toEqual(['kommune', 'spesialist', 'spesialist/Helse Sør-Øst', 'spesialist/Helse Nord', 'x-custom', null]);
  });
});
