import { describe, expect, it } from 'vitest';
import { bodyOf, buildLists, emailColumn, slugOf, type ListRow } from '../../src/lists/lists.js';

function row(id: string, status: ListRow['status'], cell: string | null, input: Record<string, string> = {}, reserveRank: number | null = null, line = 2): ListRow {
  return { id, line, status, reserveRank, details: { cell, input } };
}

describe('bodyOf: whose list a row is on', () => {
  it.each<[string, string | null, Record<string, string>, string | null]>([
    ['the municipal cell', 'kommune', {}, 'KS'],
    ['an RHF\'s cell', 'spesialist/Helse Vest', {}, 'Helse Vest'],
    ['an unsplit specialist cell, RHF column', 'spesialist', { rhf: 'Helse Nord' }, 'Helse Nord'],
    ['an unsplit specialist cell, short RHF', 'spesialist', { rhf: 'Vest' }, 'Helse Vest'],
    ['an unsplit specialist cell, no RHF', 'spesialist', {}, null],
    ['no cell, municipal sector', null, { sector: 'Kommunehelsetjenesten' }, 'KS'],
    ['no cell, specialist sector and RHF', null, { sector: 'Spesialisthelsetjenesten', rhf: 'Helse Sør-Øst' }, 'Helse Sør-Øst'],
    ['no cell, nothing to tell', null, {}, null],
    ["a programme's own cell", 'region-x', {}, 'region-x'],
  ])('%s', (_, cell, input, body) => {
    expect(bodyOf(row('A', 'selected', cell, input))).toBe(body);
  });
});

describe('emailColumn and slugOf', () => {
  it.each<[Record<string, string>, string | null]>([
    [{ 'E-post': 'x' }, 'E-post'],
    [{ 'e-postadresse': 'x' }, 'e-postadresse'],
    [{ Email: 'x' }, 'Email'],
    [{ 'E-mail address': 'x' }, 'E-mail address'],
    [{ name: 'x', position: 'y' }, null],
  ])('%j → %j', (input, col) => {
    expect(emailColumn(input)).toBe(col);
  });

  it.each([
    ['KS', 'ks'],
    ['Helse Sør-Øst', 'helse-sor-ost'],
    ['Helse Midt-Norge', 'helse-midt-norge'],
    ['???', 'liste'],
  ])('%s → %s', (body, slug) => {
    expect(slugOf(body)).toBe(slug);
  });
});

describe('buildLists', () => {
  const rows: ListRow[] = [
    row('K3', 'selected', 'kommune', { name: 'Åse', priority: '', sector: 'kommune' }),
    row('K1', 'selected', 'kommune', { name: 'Bjørn', priority: '2', sector: 'kommune' }),
    row('K2', 'selected', 'kommune', { name: 'Anne', priority: '1', sector: 'kommune' }),
    row('K9', 'reserve', 'kommune', { name: 'Per' }, 2),
    row('K8', 'reserve', 'kommune', { name: 'Pål' }, 1),
    row('V1', 'selected', 'spesialist/Helse Vest', { name: 'Aud', sector: 'spesialist', 'E-post': 'aud@example.no', birth_date: '01.02.1980' }),
    row('V2', 'ineligible', 'spesialist/Helse Vest', { name: 'Eli' }),
    row('N1', 'excluded', 'spesialist/Helse Nord', { name: 'Ola' }),
    row('X1', 'ineligible', null, { name: 'Ukjent' }),
  ];

  it('puts every participant on exactly one body list and on BI\'s list; reserves in call-in order', () => {
    const { lists, problems } = buildLists(rows);
    expect(problems).toEqual([]);
    expect(lists.bodies.map((b) => [b.body, b.admitted.map((e) => e.id), b.reserves.map((e) => e.id)])).toEqual([
      ['KS', ['K2', 'K1', 'K3'], ['K8', 'K9']],
      ['Helse Vest', ['V1'], []],
      ['Helse Nord', [], []],
    ]);
    expect(lists.admission.map((e) => e.id)).toEqual(['K2', 'K1', 'K3', 'V1']);
    const v1 = lists.admission.find((e) => e.id === 'V1');
    expect(v1).toMatchObject({ body: 'Helse Vest', email: 'aud@example.no', birthDate: '1980-02-01', sector: 'spesialist' });
  });

  it('BI\'s list is in Norwegian name order (Å after Ø), by sector first', () => {
    const { lists } = buildLists([row('A', 'selected', 'kommune', { name: 'Åse' }), row('B', 'selected', 'kommune', { name: 'Øystein' }), row('C', 'selected', 'kommune', { name: 'Zara' })]);
    expect(lists.admission.map((e) => e.name)).toEqual(['Zara', 'Øystein', 'Åse']);
  });

  it('does not depend on row order', () => {
    expect(buildLists([...rows].reverse())).toEqual(buildLists(rows));
  });

  it('a participant or reserve without a body is a problem; another status without one is not listed', () => {
    const { problems } = buildLists([...rows, row('Z1', 'selected', null, {}, null, 40), row('Z2', 'reserve', 'spesialist', {}, 1, 41)]);
    expect(problems).toEqual([
      { id: 'Z1', line: 40, code: 'no_body' },
      { id: 'Z2', line: 41, code: 'no_body' },
    ]);
  });
});
