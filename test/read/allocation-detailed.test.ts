import { describe, expect, it } from 'vitest';
import { cellKeyOf, comparableInput, readAllocation, readAllocationDetailed } from '../../src/read/allocation.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readAllocationDetailed', () => {
  const csv = [
    'id;status;cell;reserve_rank;workshop_group;project_team;reasons;warnings;input_id;name;Fødselsdato;gender;E-post;source_file;source_line',
    'A-1;selected;spesialist/Helse Vest;;2;3;selected: priority 1 in Helse Vest;;A-1;Kari Nordmann;01.02.1980;Kvinne;kari@example.no;vest.csv;2',
    "B-2;reserve;kommune;1;;;reserve: number 1 in kommune (unranked);w;B-2;'=Ola;1975-05-05;;ola@example.no;kommune.csv;7",
  ].join('\r\n');

  it('keeps the cell, reasons, gender and every input column by canonical name or header; not the run columns', () => {
    const f = readAllocationDetailed(bytes(csv), 'allocation.csv');
    expect(f.issues).toEqual([]);
    expect(f.rows.map((r) => r.details)).toEqual([
      { cell: 'spesialist/Helse Vest', reasons: 'selected: priority 1 in Helse Vest', gender: 'female', input: { id: 'A-1', name: 'Kari Nordmann', birth_date: '01.02.1980', gender: 'Kvinne', 'E-post': 'kari@example.no' } },
      { cell: 'kommune', reasons: 'reserve: number 1 in kommune (unranked)', gender: 'unknown', input: { id: 'B-2', name: '=Ola', birth_date: '1975-05-05', gender: '', 'E-post': 'ola@example.no' } },
    ]);
  });

  it('readAllocation keeps only the decisions', () => {
    const f = readAllocation(bytes(csv), 'allocation.csv');
    expect(f.rows[0]).toEqual({ id: 'A-1', line: 2, status: 'selected', workshopGroup: 2, projectTeam: 3, reserveRank: null });
  });

  it('reads Norwegian headers for the allocation\'s own columns', () => {
    const nb = 'ID;Status;Kvotecelle;Reserveplass;Verkstedgruppe;Prosjektteam;Begrunnelse\r\nA-1;valgt;Helse Nord;;1;1;x: y\r\n';
    const f = readAllocationDetailed(bytes(nb), 'fordeling.csv');
    expect(f.issues).toEqual([]);
    expect(f.rows[0]).toMatchObject({ status: 'selected', workshopGroup: 1, projectTeam: 1, details: { cell: 'spesialist/Helse Nord', reasons: 'x: y', input: {} } });
  });

  it.each([
    ['kommune', 'kommune'],
    ['Kommune', 'kommune'],
    ['municipal', 'kommune'],
    ['spesialist/Helse Sør-Øst', 'spesialist/Helse Sør-Øst'],
    ['Helse Sor-Ost', 'spesialist/Helse Sør-Øst'],
    ['specialist/Helse Midt-Norge', 'spesialist/Helse Midt-Norge'],
    ['Spesialisthelsetjenesten', 'spesialist'],
    ['', null],
    ['region-x', 'region-x'],
  ])('cell %j → %j', (text, key) => {
    expect(cellKeyOf(text)).toBe(key);
  });

  it.each([
    ['birth_date', '01.02.1980', '1980-02-01'],
    ['birth_date', '1980-02-01', '1980-02-01'],
    ['gender', 'Kvinne', 'female'],
    ['gender', 'F', 'female'],
    ['gender', 'annet', 'annet'],
    ['experience_years', '4,5', '4.5'],
    ['endorsed', 'Ja', 'true'],
    ['education', 'Mastergrad', 'master'],
    ['name', ' Kari ', 'Kari'],
    ['E-post', 'A@x.no', 'A@x.no'],
  ])('%s %j compares as %j', (column, text, key) => {
    expect(comparableInput(column, text)).toBe(key);
  });
});
