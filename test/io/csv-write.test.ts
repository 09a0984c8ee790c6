import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/io/csv-write.js';
import { neutraliseCell } from '../../src/domain/cells.js';

describe('neutraliseCell: formula injection', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+47 912 34 567', "'+47 912 34 567"],
    ['-3', "'-3"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['\nLF', "'\nLF"],
    ['\uFF1D1+1', "'\uFF1D1+1"], // full-width =
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20x', "'\uFF20x"],
  ])('%j → %j', (cell, out) => {
    expect(neutraliseCell(cell)).toBe(out);
  });

  it.each([['Kari Nordmann'], ['Sør-Øst'], [''], ['4,5'], ["'=already"], [' =1+1'], ['a=b']])('%j is left alone', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });

  it.each(['=', '+', '-', '@', '\t', '\r', '\n'])('a cell starting with %j reads back with the quote prefix, in header and rows', (ch) => {
    const cell = `${ch}HYPERLINK("http://x")`;
    const text = toCsv([cell, 'b'], [['a', cell]], { delimiter: ';' });
    const back = parse(text, { delimiter: ';', relax_column_count: false }) as string[][];
    expect(back).toEqual([
      [`'${cell}`, 'b'],
      ['a', `'${cell}`],
    ]);
  });
});

describe('toCsv', () => {
  it('quotes as needed and ends every record with CRLF', () => {
    const text = toCsv(['id', 'note'], [['1', 'a;b'], ['2', 'say "hi"'], ['3', 'two\nlines'], ['4', '']], { delimiter: ';' });
    expect(text).toBe('id;note\r\n1;"a;b"\r\n2;"say ""hi"""\r\n3;"two\nlines"\r\n4;\r\n');
  });

  it('quotes a comma only for the comma delimiter', () => {
    expect(toCsv(['x'], [['4,5']], { delimiter: ';' })).toBe('x\r\n4,5\r\n');
    expect(toCsv(['x'], [['4,5']], { delimiter: ',' })).toBe('x\r\n"4,5"\r\n');
  });

  it('adds no BOM (writeOutputs does)', () => {
    expect(toCsv(['a'], [], { delimiter: ',' }).charCodeAt(0)).not.toBe(0xfeff);
  });

  const safeCell = fc.string({ unit: fc.constantFrom('a', 'Ø', 'æ', ' ', ';', ',', '\t', '"', '\n', '\r', "'", '1', '–', '😀') }).filter((s) => neutraliseCell(s) === s);

  it.each([[','], [';'], ['\t']])('round trip with csv-parse (delimiter %j): same cells', (delimiter) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((w) => fc.tuple(fc.array(safeCell, { minLength: w, maxLength: w }), fc.array(fc.array(safeCell, { minLength: w, maxLength: w }), { maxLength: 8 }))), ([header, rows]) => {
        const text = toCsv(header, rows, { delimiter });
        // No record_delimiter given: csv-parse must not meet a bare CR or LF outside quotes.
        const back = parse(text, { delimiter }) as string[][];
        expect(back).toEqual([header, ...rows]);
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('round trip of any cell: what comes back is the neutralised cell', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const text = toCsv(['h'], cells.map((c) => [c]), { delimiter: ';' });
        const back = parse(text, { delimiter: ';' }) as string[][];
        expect(back).toEqual([['h'], ...cells.map((c) => [neutraliseCell(c)])]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
