/**
 * Every located problem in a candidate file gives the row as the spreadsheet numbers it (header row 1 → first
 * data row 2, title and blank rows above the header counted, a quoted cell with line breaks one row) and the
 * column as its header reads in the file (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/domain/errors.js';
import { readAllocation } from '../../src/read/allocation.js';
import { readCandidates } from '../../src/read/candidates.js';
import { HEADER_NB, ref, utf8 } from './helpers.js';

/** A valid Norwegian row; `over` replaces cells by header. Cells are written as given (a quoted one keeps its quotes). */
function nb(over: Partial<Record<(typeof HEADER_NB)[number], string>> = {}): string {
  const base: Record<string, string> = {
    Søknadsnummer: 'S1',
    Navn: 'Kari Nordmann',
    Fødselsdato: '31.12.1980',
    Kjønn: 'Kvinne',
    Sektor: 'Spesialist',
    RHF: 'Helse Vest',
    Virksomhet: 'Helse Bergen HF',
    Stilling: 'Klinikkdirektør',
    'Høyeste fullførte utdanning': 'Master',
    'Arbeidserfaring (år)': '10,5',
    Prioritet: '1',
    Forankret: 'Ja',
    ...over,
  };
  return HEADER_NB.map((h) => base[h] ?? '').join(';');
}

const HEADER = HEADER_NB.join(';');
const TITLE = 'Kandidater Helse Vest 2026;;;;;;;;;;;';
/** A cell spanning two lines, as a spreadsheet writes it (one row on screen). */
const TWO_LINES = '"Klinikkdirektør\nog fagsjef"';

function read(lines: readonly string[], eol = '\n') {
  const r = readCandidates([{ name: 'k.csv', bytes: utf8(lines.join(eol) + eol) }], {}, ref());
  return { issues: r.issues.map(formatIssue), rows: r.candidates.map((c) => [c.id, c.ref.line]), warnings: r.warnings.map((w) => w.message) };
}

describe('positions are the rows the spreadsheet shows, columns the headers as written', () => {
  it.each([
    {
      what: 'header on row 1, a two-line cell on row 2, a bad date on row 3',
      lines: [HEADER, nb({ Søknadsnummer: 'A', Stilling: TWO_LINES }), nb({ Søknadsnummer: 'B', Fødselsdato: '31/13/1980' }), nb({ Søknadsnummer: 'C' })],
      issues: ['k.csv:3 column "Fødselsdato": expected a date like 31.12.1980, got "31/13/1980"'],
      rows: [['A', 2], ['C', 4]],
    },
    {
      what: 'a title and a blank row above the header (header on row 3), a two-line cell, two bad cells',
      lines: [TITLE, '', HEADER, nb({ Søknadsnummer: 'A', Stilling: TWO_LINES }), nb({ Søknadsnummer: 'B', Fødselsdato: '31/13/1980' }), nb({ Søknadsnummer: 'C', 'Arbeidserfaring (år)': 'tre' })],
      issues: [
        'k.csv:5 column "Fødselsdato": expected a date like 31.12.1980, got "31/13/1980"',
        'k.csv:6 column "Arbeidserfaring (år)": expected a number of years like 4 or 4,5, got "tre"',
      ],
      rows: [['A', 4]],
    },
    {
      what: 'CRLF rows and a CRLF inside a quoted cell, below a title',
      eol: '\r\n',
      lines: [TITLE, HEADER, nb({ Søknadsnummer: 'A', Stilling: '"Klinikkdirektør\r\nog fagsjef"' }), nb({ Søknadsnummer: 'B', 'Høyeste fullførte utdanning': 'Annet' })],
      issues: ['k.csv:4 column "Høyeste fullførte utdanning": expected one of Ingen, Fagskole, Bachelor, Master, Ph.d., got "Annet"'],
      rows: [['A', 3]],
    },
    {
      what: 'a cell over three lines, then a duplicate id: both rows named as the spreadsheet shows them',
      lines: [TITLE, HEADER, nb({ Søknadsnummer: 'A', Stilling: '"a\nb\nc"' }), nb({ Søknadsnummer: 'B' }), nb({ Søknadsnummer: 'A' })],
      issues: ['k.csv:5 column "Søknadsnummer": expected each id once across all files, "A" is also at k.csv:3'],
      rows: [['A', 3], ['B', 4]],
    },
    {
      what: 'a row with a cell too few after a two-line cell',
      lines: [TITLE, HEADER, nb({ Søknadsnummer: 'A', Stilling: TWO_LINES }), nb({ Søknadsnummer: 'B' }).replace(/;Ja$/, '')],
      issues: ['k.csv:4: expected 12 cells like the header, got 11 (is a delimiter missing?)'],
      rows: [['A', 3]],
    },
    {
      what: 'a quote never closed, below a title and a two-line cell: the row it opens on',
      lines: [TITLE, HEADER, nb({ Søknadsnummer: 'A', Stilling: TWO_LINES }), nb({ Søknadsnummer: 'B', Stilling: '"Klinikkdirektør' }), nb({ Søknadsnummer: 'C' })],
      issues: ['k.csv:4: expected a closing quote (") for a quoted cell in the row starting here, reached the end of the file'],
      rows: [['A', 3]],
    },
  ])('$what', ({ lines, eol, issues, rows }) => {
    const r = read(lines, eol);
    expect(r.issues).toEqual(issues);
    expect(r.rows).toEqual(rows);
  });

  it('the header found below a title is named by its row in a warning', () => {
    const r = read([TITLE, '', HEADER, nb()]);
    expect(r.warnings).toEqual(['k.csv: the header is on row 3; row 1 above it (a title or a note) is not read']);
    expect(r.rows).toEqual([['S1', 4]]);
  });
});

describe('an allocation file (check, report, replace) is numbered the same way', () => {
  it.each([
    ['\n', 'a two-line reasons cell'],
    ['\r\n', 'a two-line reasons cell, CRLF'],
  ])('%j: %s, then a bad status on row 3', (eol, _what) => {
    const text = ['id,status,cell,reserve_rank,workshop_group,project_team,reasons', `A,selected,kommune,,1,1,"two${eol}lines"`, 'B,chosen,kommune,,1,1,'].join(eol) + eol;
    const r = readAllocation(utf8(text), 'a.csv');
    expect(r.issues.map(formatIssue)).toEqual(['a.csv:3 column "status": expected one of selected, reserve, excluded, ineligible, over_cap, withdrawn, got "chosen"']);
    expect(r.rows.map((x) => [x.id, x.line])).toEqual([['A', 2]]);
  });
});
