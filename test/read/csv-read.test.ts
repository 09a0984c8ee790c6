import { describe, expect, it } from 'vitest';
import { detectDelimiter, INPUT_LIMITS, readCsv } from '../../src/read/csv.js';

const lines = (t: ReturnType<typeof readCsv>) => t.records.map((r) => r.line);
const cells = (t: ReturnType<typeof readCsv>) => t.records.map((r) => r.cells);

describe('detectDelimiter', () => {
  it.each([
    ['id;navn;alder\n1;a;2\n', ';'],
    ['id,navn,alder\n1,a,2\n', ','],
    ['id\tnavn\talder\n1\ta\t2\n', '\t'],
    // Delimiters inside quotes do not count.
    ['"a,b,c";d\n', ';'],
    ['"Navn; fullt",Kjønn,Alder\n', ','],
    // A comma inside an unquoted Norwegian header loses to the real delimiter.
    ['Navn, fullt;Kjønn;Alder\n', ';'],
    // Blank and delimiter-only lines before the header are skipped.
    ['\n;;;;\n  \na,b\n', ','],
    // Data rows after the header are not looked at.
    ['a;b\n1,2,3,4,5\n', ';'],
    // A tie goes to ; then tab then ,.
    ['a;b,c\n', ';'],
    ['a\tb,c\n', '\t'],
    ['onecolumn\n', ','],
    ['', ','],
  ])('%j → %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });
});

describe('readCsv', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line ends with physical line numbers', (_name, eol) => {
    const t = readCsv(['id;x', '1;a', '2;b', ''].join(eol), 'f.csv');
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['id', 'x']);
    expect(t.headerLine).toBe(1);
    expect(cells(t)).toEqual([['1', 'a'], ['2', 'b']]);
    expect(lines(t)).toEqual([2, 3]);
    expect(t.issues).toEqual([]);
  });

  it('reads mixed line ends in one file', () => {
    const t = readCsv('id,x\r\n1,a\n2,b\r3,c', 'f.csv');
    expect(cells(t)).toEqual([['1', 'a'], ['2', 'b'], ['3', 'c']]);
    expect(lines(t)).toEqual([2, 3, 4]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('gives the spreadsheet row of a record when a quoted cell spans lines (%s): one record, one row', (_name, eol) => {
    const text = ['id,note', '1,"two', 'lines"', '2,"three', '', 'lines"', '3,plain', ''].join(eol);
    const t = readCsv(text, 'f.csv');
    expect(cells(t).map((c) => c[0])).toEqual(['1', '2', '3']);
    expect(t.records[0]?.cells[1]).toBe(`two${eol}lines`);
    // File lines 2, 4 and 7; a spreadsheet shows them as rows 2, 3 and 4.
    expect(lines(t)).toEqual([2, 3, 4]);
  });

  it("skips blank rows and Excel's all-empty ;;;; rows but keeps the line numbers true", () => {
    const t = readCsv('\n;;;\nid;a;b\n;;\n1;x;y\n\n   \n;;;;;;\n2;z;w\n;  ;\n', 'f.csv');
    expect(t.headerLine).toBe(3);
    expect(cells(t)).toEqual([['1', 'x', 'y'], ['2', 'z', 'w']]);
    expect(lines(t)).toEqual([5, 9]);
    expect(t.issues).toEqual([]);
  });

  it.each([
    ['sep=;\nid;x\n1;a\n', ';'],
    ['SEP=,\r\nid,x\r\n1,a\r\n', ','],
    ['sep=\t\nid\tx\n1\ta\n', '\t'],
  ])("honours Excel's sep= line %j", (text, d) => {
    const t = readCsv(text, 'f.csv');
    expect(t.delimiter).toBe(d);
    expect(t.headers).toEqual(['id', 'x']);
    expect(t.headerLine).toBe(2);
    expect(lines(t)).toEqual([3]);
  });

  it('honours a delimiter override', () => {
    const t = readCsv('a;b,c\n1;2,3\n', 'f.csv', { delimiter: ',' });
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['a;b', 'c']);
  });

  it('reads quotes the way Excel writes them, and a stray quote in an unquoted cell as text', () => {
    const t = readCsv('a;b\n"x;""y""";Sykehuset "Nord"\n', 'f.csv');
    expect(cells(t)).toEqual([['x;"y"', 'Sykehuset "Nord"']]);
  });

  it('trims headers and drops trailing empty header cells', () => {
    const t = readCsv(' id ; navn ;;\n1;a;;\n', 'f.csv');
    expect(t.headers).toEqual(['id', 'navn']);
    expect(cells(t)).toEqual([['1', 'a']]);
  });

  it('reports rows with too few or too many cells, with their lines, and keeps going', () => {
    const t = readCsv('a,b,c\n1,2\n1,2,3\n1,2,3,4\n1,2,3,,\n', 'f.csv');
    expect(t.issues).toEqual([
      {
        code: 'too_few_cells',
        file: 'f.csv',
        line: 2,
        message: 'expected 3 cells like the header, got 2 (is a delimiter missing?)',
        params: { kind: 'cell_count', problem: 'few', header: 3, found: 2 },
      },
      {
        code: 'too_many_cells',
        file: 'f.csv',
        line: 4,
        message: 'expected 3 cells like the header, got a value in cell 4 (is there a stray delimiter?)',
        params: { kind: 'cell_count', problem: 'many', header: 3, at: 4 },
      },
    ]);
    expect(lines(t)).toEqual([3, 5]);
  });

  it('reports an empty header over a column with values', () => {
    const t = readCsv('a,,c\n1,,3\n1,x,3\n', 'f.csv');
    expect(t.issues).toEqual([
      { code: 'empty_header', file: 'f.csv', line: 1, column: '(column 2)', message: 'expected a header for column 2, which has values (first on row 3)', params: { kind: 'file', problem: 'empty_header', column: 2, firstRow: 3 } },
    ]);
  });

  it('reports an empty file', () => {
    expect(readCsv('', 'f.csv').issues).toEqual([{ code: 'empty_file', file: 'f.csv', message: 'expected a header row, the file has no content', params: { kind: 'file', problem: 'empty' } }]);
    expect(readCsv('\n;;;\n\n', 'f.csv').issues.map((i) => i.code)).toEqual(['empty_file']);
  });

  describe('a title or note above the header', () => {
    const isHeader = (cells: readonly string[]) => cells.includes('id') && cells.includes('x');

    it.each([
      ['a title without delimiters', 'Kandidater Helse Vest 2026\nid;x\n1;a\n', ';', 2, [1]],
      ['a title padded by the spreadsheet', 'Kandidater Helse Vest 2026;;\n;;\nid;x;y\n1;a;b\n', ';', 3, [1]],
      ['a title with a comma in a ; file', 'Kandidater, Helse Vest\nid;x\n1;a\n', ';', 2, [1]],
      ['a title and a note', 'Kandidater 2026\nFrist 15. mars\n\nid,x\n1,a\n', ',', 4, [1, 2]],
      ['no title', 'id\tx\n1\ta\n', '\t', 1, []],
    ])('%s: the header is found and the rows above it are named', (_what, text, delimiter, headerLine, skipped) => {
      const t = readCsv(text, 'f.csv', { isHeader });
      expect(t.delimiter).toBe(delimiter);
      expect(t.headerLine).toBe(headerLine);
      expect(t.skippedRows).toEqual(skipped);
      expect(cells(t)[0]?.slice(0, 2)).toEqual(['1', 'a']);
      expect(t.issues).toEqual([]);
    });

    it('without an accepted row the first row with content is the header, as before', () => {
      const t = readCsv('Tittel;\nid2;x2\n1;a\n', 'f.csv', { isHeader });
      expect(t.headerLine).toBe(1);
      expect(t.headers).toEqual(['Tittel']);
      expect(t.skippedRows).toEqual([]);
      expect(t.issues.map((i) => [i.code, i.line])).toEqual([['too_many_cells', 2], ['too_many_cells', 3]]);
    });

    it('the search stops after the first rows with content', () => {
      const rows = Array.from({ length: 12 }, (_, i) => `note ${i}`);
      const t = readCsv([...rows, 'id,x', '1,a', ''].join('\n'), 'f.csv', { isHeader });
      expect(t.headerLine).toBe(1);
    });
  });

  it('refuses a delimiter that cannot work', () => {
    expect(readCsv('a\n', 'f.csv', { delimiter: '"' }).issues.map((i) => i.code)).toEqual(['invalid_delimiter']);
  });
});

describe('readCsv on hostile input: a located issue, never a crash or a hang', () => {
  it('a never-closed quote, located on the row where it starts', () => {
    const t = readCsv('id,x\n1,a\n2,"never closed\n3,c\n4,d\n', 'f.csv');
    expect(lines(t)).toEqual([2]);
    expect(t.issues).toEqual([
      expect.objectContaining({ code: 'unclosed_quote', file: 'f.csv', line: 3 }),
    ]);
  });

  it('a never-closed quote in front of a large file stops at the row size limit', () => {
    const text = 'id,x\n1,"open\n' + 'a,b\n'.repeat(INPUT_LIMITS.maxRecordBytes / 4 + 10);
    const t = readCsv(text, 'f.csv');
    expect(t.issues).toEqual([expect.objectContaining({ code: 'row_too_large', line: 2 })]);
  });

  it('a 100,000-column data line', () => {
    const t = readCsv('id,x\n' + 'v,'.repeat(100_000) + '\n2,b\n', 'f.csv');
    expect(t.issues).toEqual([expect.objectContaining({ code: 'too_many_columns', line: 2, message: 'expected at most 1000 cells in a row, got 100001' })]);
    expect(lines(t)).toEqual([3]);
  });

  it('a 100,000-column header stops the file', () => {
    const t = readCsv('h,'.repeat(100_000) + '\n1,2\n', 'f.csv');
    expect(t.headerLine).toBeNull();
    expect(t.issues.map((i) => [i.code, i.line])).toEqual([['too_many_columns', 1]]);
  });

  it('an overlong cell', () => {
    const t = readCsv(`id,x\n1,${'y'.repeat(INPUT_LIMITS.maxCellChars + 1)}\n2,ok\n`, 'f.csv');
    expect(t.issues).toEqual([expect.objectContaining({ code: 'cell_too_long', line: 2, column: 'x' })]);
    expect(lines(t)).toEqual([3]);
  });

  it('a file wrong on every line stops after the issue limit', () => {
    const t = readCsv('a,b,c\n' + '1\n'.repeat(10_000), 'f.csv');
    expect(t.issues).toHaveLength(INPUT_LIMITS.maxIssues + 1);
    expect(t.issues.at(-1)).toMatchObject({ code: 'too_many_issues', line: INPUT_LIMITS.maxIssues + 1 });
  });

  it('more rows than the limit', () => {
    const t = readCsv('a\n' + 'x\n'.repeat(INPUT_LIMITS.maxRows + 1), 'f.csv');
    expect(t.records).toHaveLength(INPUT_LIMITS.maxRows);
    expect(t.issues).toEqual([expect.objectContaining({ code: 'too_many_rows', line: INPUT_LIMITS.maxRows + 2 })]);
  });

  it('random text (seeded)', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const chars = Array.from({ length: 5000 }, () => String.fromCharCode(1 + Math.floor(rnd() * 255)));
      const t = readCsv(chars.join(''), 'f.csv');
      for (const i of t.issues) expect(i.file).toBe('f.csv');
      for (const r of t.records) expect(r.line).toBeGreaterThan(t.headerLine ?? 0);
    }
  });
});
