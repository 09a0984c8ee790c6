/**
 * Fault injection, the shape of a CSV file within the 10 MiB limit: millions of blank lines, millions of rows of
 * blank rows of spaces, a line of millions of delimiters. Each is read (or refused) at once, with located issues and the rows
 * numbered as a spreadsheet shows them. Pure (`readCsv`); before, each of these took minutes.
 */
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS, readCsv } from '../../src/read/csv.js';

const TEN_MIB = 10 * 1024 * 1024;
const HEADER = 'id,name,x\n';

describe('a 10 MiB CSV file of one hostile shape', () => {
  it.each([
    ['line feeds after the header: read, nothing in them', HEADER + '\n'.repeat(TEN_MIB - 20) + '1,a,b\n', { header: 1, lines: [TEN_MIB - 20 + 2], issues: [] }],
    ['CRLF blank lines after the header', HEADER + '\r\n'.repeat(500_000) + '1,a,b\r\n', { header: 1, lines: [500_002], issues: [] }],
    ['rows of a space: refused after the limit, where it is reached', HEADER + ' \n'.repeat(2 * INPUT_LIMITS.maxRaggedBlankRows), { header: 1, lines: [], issues: [['too_many_rows', INPUT_LIMITS.maxRaggedBlankRows + 2]] }],
    ['Excel\'s trailing delimiter-only rows (the header\'s width) are not counted', HEADER + '1,a,b\n' + ',,\n'.repeat(2 * INPUT_LIMITS.maxRaggedBlankRows), { header: 1, lines: [2], issues: [] }],
    ['one line of commas: no header, one issue', ','.repeat(TEN_MIB - 10), { header: null, lines: [], issues: [['too_many_columns', 1]] }],
    ['a data row of 200 000 delimiters: refused at its row', HEADER + '1,a,b\n' + ';,'.repeat(200_000) + '\n2,c,d\n', { header: null, lines: [], issues: [['too_many_columns', 3]] }],
  ])('%s', (_name, text, want) => {
    const t = readCsv(text, 'f.csv');
    expect({ header: t.headerLine, lines: t.records.map((r) => r.line), issues: t.issues.map((i) => [i.code, i.line]) }).toEqual(want);
  });

  it('commas inside quoted cells are not counted as delimiters', () => {
    const t = readCsv(`${HEADER}1,"${','.repeat(9_000)}",b\n2,"x""${','.repeat(5)}",c\n`, 'f.csv');
    expect([t.issues, t.records.map((r) => r.line)]).toEqual([[], [2, 3]]);
  });

  it('rows are numbered as a spreadsheet shows them: blank rows counted, a quoted line break one row', () => {
    const t = readCsv('\n\nid,x\n\n1,"a\nb"\r\n \n\r\n2,c\n,\n3,d', 'f.csv');
    expect([t.headerLine, t.records.map((r) => [r.line, r.cells])]).toEqual([3, [[5, ['1', 'a\nb']], [8, ['2', 'c']], [10, ['3', 'd']]]]);
  });

  it('an unclosed quote after blank lines is located at its row', () => {
    const t = readCsv('id,x\n1,a\n\n\n2,"open\nmore\n', 'f.csv');
    expect(t.issues.map((i) => [i.code, i.line])).toEqual([['unclosed_quote', 5]]);
  });
});
