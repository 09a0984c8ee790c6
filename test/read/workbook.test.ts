/**
 * Reading workbooks: files saved by LibreOffice Calc (fixtures/workbooks/, remade by
 * scripts/make-workbook-fixtures.mjs) read to the same candidates as the CSV they came from, and every trap
 * a spreadsheet sets is a located issue naming the sheet and the cell.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/domain/errors.js';
import type { Candidate } from '../../src/domain/types.js';
import { sheetLib } from '../../src/io/workbook-lib.js';
import { readCandidates, type ReadResult } from '../../src/read/candidates.js';
import { columnLetters, hiddenOdsTables, readSheet, workbookKind } from '../../src/read/sheet.js';
import { cohort } from '../e2e/helpers.js';
import { checkZip } from '../../src/read/zip-bounds.js';
import { ref } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const WB = join(ROOT, 'fixtures', 'workbooks');
const FILES = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'];

function readPaths(paths: readonly string[], options: { sheet?: string } = {}): ReadResult {
  return readCandidates(
    paths.map((p) => ({ name: p.slice(ROOT.length + 1), bytes: readFileSync(p) })),
    { sheet: options.sheet, sheetLib: sheetLib() },
    ref(),
  );
}

/** What the rules see of a candidate: everything but where it came from and the cells as typed. */
const decisive = (c: Candidate) => {
  const { ref: _ref, raw: _raw, ...rest } = c;
  return rest;
};

describe('workbooks saved by LibreOffice Calc read as the CSV files they were made from', () => {
  const csv = readPaths(FILES.map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`)));
  it.each([
    ['Norwegian .xlsx', 'sample-nb', 'xlsx'],
    ['Norwegian .ods', 'sample-nb', 'ods'],
    ['English .xlsx', 'sample-en', 'xlsx'],
  ])('%s', (_what, dir, ext) => {
    const r = readPaths(FILES.map((f) => join(WB, dir, `${f}.${ext}`)));
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.files.map((f) => [f.encoding, f.sheet])).toEqual(FILES.map((f) => [ext, f]));
    expect(r.candidates.map(decisive)).toEqual(csv.candidates.map(decisive));
    // Rows are the spreadsheet's rows, as in the CSV file.
    expect(r.candidates.map((c) => c.ref.line)).toEqual(csv.candidates.map((c) => c.ref.line));
  });

  it.each([
    ['comma-utf8', 'utf8', ','],
    ['tab-utf8', 'utf8', '\t'],
    ['semicolon-cp850', 'cp850', ';'],
  ])('as CSV re-saved by LibreOffice: %s', (dir, encoding, delimiter) => {
    const r = readPaths(FILES.map((f) => join(WB, 'sample-nb-csv', dir, `${f}.csv`)));
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.files.map((f) => [f.encoding, f.delimiter])).toEqual(FILES.map(() => [encoding, delimiter]));
    // IBM 850 has no en dash: LibreOffice saved "Enhetsleder – sykehjem" with a hyphen.
    const dash = (c: Candidate) => ({ ...decisive(c), position: c.position.replace(/–/g, '-') });
    expect(r.candidates.map(dash)).toEqual(csv.candidates.map(dash));
  });
});

describe('traps in a workbook (traps.xlsx and traps.ods, saved by LibreOffice)', () => {
  it.each(['xlsx', 'ods'])('%s: a merged title row above the header, text ids with zeros, a numeric id shown with zeros', (ext) => {
    const r = readPaths([join(WB, `traps.${ext}`)], { sheet: 'Kandidater' });
    expect(r.issues).toEqual([]);
    expect(r.candidates.map((c) => [c.id, c.ref.line, c.birthDate, c.experienceYears])).toEqual([
      ['000123', 4, '1980-12-31', 10.5],
      ['000124', 5, '1980-12-31', 4],
      ['000004', 6, '1980-12-31', 10.5],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['header_not_first', 'ids_as_numbers']);
    expect(r.warnings[0]?.message).toBe(`fixtures/workbooks/traps.${ext}, sheet "Kandidater": the header is on row 3; row 1 above it (a title or a note) is not read`);
  });

  it.each(['xlsx', 'ods'])('%s: every problem located by sheet, cell and header', (ext) => {
    const r = readPaths([join(WB, `traps.${ext}`)], { sheet: 'Feil' });
    const f = `fixtures/workbooks/traps.${ext}`;
    expect(r.issues.map(formatIssue)).toEqual([
      `${f}, sheet "Feil", cell C3: expected a value, got a formula (=DATE(1980,12,31)): copy the column and paste it back as values only`,
      `${f}, sheet "Feil", cell A2 column "Søknadsnummer": expected an application id, got the number 20260000000000000: a spreadsheet keeps only 15 digits of a number, so the id's last digits are lost; format the id column as text (Format Cells → Text) before typing or pasting the ids, and save again`,
      `${f}, sheet "Feil", cell J4 column "Arbeidserfaring (år)": expected a number of years like 4 or 4,5, got a date cell (2026-05-03): the spreadsheet read the number as a date; format the column as a number and type the value again`,
      `${f}, sheet "Feil", cell I5 column "Høyeste fullførte utdanning": expected one of Ingen, Fagskole, Bachelor, Master, Ph.d.: the highest completed degree ("pagar" says it is not completed), got "Bachelor pågår"`,
      `${f}, sheet "Feil", cell I6 column "Høyeste fullførte utdanning": expected one of Ingen, Fagskole, Bachelor, Master, Ph.d.: the highest completed degree (a "?" says it is not certain), got "Master?"`,
    ]);
  });

  it.each(['xlsx', 'ods'])('%s: merged header cells, an empty sheet, a sheet that does not exist', (ext) => {
    const f = `fixtures/workbooks/traps.${ext}`;
    expect(readPaths([join(WB, `traps.${ext}`)], { sheet: 'Flettet' }).issues.map(formatIssue)).toContain(
      `${f}, sheet "Flettet", cell A1: expected one header per column, got merged cells A1:B1: unmerge them and give each column its own header`,
    );
    expect(readPaths([join(WB, `traps.${ext}`)], { sheet: 'tom ' }).issues.map(formatIssue)).toEqual([`${f}, sheet "Tom": expected a header row, the sheet is empty`]);
    expect(readPaths([join(WB, `traps.${ext}`)], { sheet: 'Ark9' }).issues.map(formatIssue)).toEqual([
      `${f}: expected a sheet named "Ark9" (--sheet), the workbook has "Kandidater", "Feil", "Flettet", "Tom"`,
    ]);
  });
});

/** A zip container of stored or deflated entries, for hostile cases no spreadsheet program writes. */
function zip(entries: ReadonlyArray<{ name: string; data: Uint8Array; deflate?: boolean }>): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflate === false ? Buffer.from(e.data) : deflateRawSync(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.deflate === false ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(e.deflate === false ? 0 : 8, 10);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

describe('hostile workbooks: a clear error, within bounded time and memory', () => {
  const issuesOf = (bytes: Uint8Array) => readSheet(sheetLib(), bytes, 'k.xlsx').issues.map((i) => i.code);

  it('a zip bomb (a few kilobytes that inflate to 80 MiB) is refused before the library sees it', () => {
    const bomb = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(checkZip(bomb, { maxEntries: 10, maxEntryBytes: 1024, maxTotalBytes: 2048 })).toMatchObject({ ok: false, reason: 'entry_too_large' });
    expect(issuesOf(bomb)).toEqual(['workbook_too_large']);
  });

  it('a damaged workbook (cut short) and a zip that is no workbook', () => {
    const good = readFileSync(join(WB, 'sample-nb', 'helse-vest.xlsx'));
    expect(issuesOf(good.subarray(0, good.length - 200))).toEqual(['corrupt_workbook']);
    expect(issuesOf(zip([{ name: 'a.txt', data: Buffer.from('hei') }]))).toEqual(['unsupported_workbook']);
  });

  it('a password-protected workbook and an old .xls are named as such', () => {
    const ole = (extra: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(extra, 'utf16le')]);
    expect(workbookKind(ole('EncryptedPackage'))).toBe('ole');
    expect(issuesOf(ole('EncryptedPackage'))).toEqual(['password_protected']);
    expect(issuesOf(ole('Workbook'))).toEqual(['unsupported_workbook']);
  });

  it('a sheet with more rows than the limit is refused after reading only the rows the limit allows', () => {
    const rows = Array.from({ length: 100_020 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x${i}</t></is></c></row>`).join('');
    const bytes = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
      { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`) },
    ]);
    const t = readSheet(sheetLib(), bytes, 'k.xlsx');
    expect(t.issues.map((i) => i.code)).toEqual(['too_many_rows']);
    expect(t.records.length).toBeLessThanOrEqual(100_000);
  });

  it('column letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('bad-input workbooks (fixtures/workbooks, made by scripts/make-workbook-fixtures.mjs): a clear error, nothing written', () => {
  const f = (name: string) => `fixtures/workbooks/${name}`;
  it.each([
    ['password.xlsx', [`${f('password.xlsx')}: expected a workbook without a password, got one protected by a password: remove it (File → Info → Protect Workbook) or save a copy without it`], []],
    ['hidden-first.xlsx', [], [['H1', 2], ['H2', 3]]],
    ['hidden-first.ods', [], [['H1', 2], ['H2', 3]]],
    ...['xlsx', 'ods'].map((ext) => [
      `hidden-candidates.${ext}`,
      [`${f(`hidden-candidates.${ext}`)}: expected the header on the first visible sheet "Veiledning", it is on the hidden sheet "Kandidater": show that sheet (right-click a sheet tab → Show/Unhide) and save, or name it with --sheet "Kandidater"`],
      [],
    ]),
  ] as Array<[string, string[], Array<[string, number]>]>)('%s', (name, issues, rows) => {
    const r = readPaths([join(WB, name)]);
    expect(r.issues.map(formatIssue)).toEqual(issues);
    expect(r.candidates.map((c) => [c.id, c.ref.line])).toEqual(rows);
    // The first sheet is hidden: the visible one is read (hidden-first), or named in the error (hidden-candidates).
    if (rows.length > 0) expect(r.files[0]?.sheet).toBe('Kandidater');
  });

  it.each(['xlsx', 'ods'])('hidden-candidates.%s with --sheet Kandidater reads the hidden sheet as asked', (ext) => {
    const r = readPaths([join(WB, `hidden-candidates.${ext}`)], { sheet: 'Kandidater' });
    expect(r.issues).toEqual([]);
    expect(r.candidates.map((c) => c.id)).toEqual(['H1', 'H2']);
  });

  it.each([
    ['screen', ['-o']],
    ['allocate', ['-o']],
  ])('%s stops with exit 3 and writes nothing', async (command, out) => {
    for (const name of ['password.xlsx', 'hidden-candidates.xlsx', 'hidden-candidates.ods']) {
      const dir = join(mkdtempSync(join(tmpdir(), 'cohort-badwb-')), 'out');
      const r = await cohort([command, join(WB, name), ...out, dir]);
      expect([name, r.code]).toEqual([name, 3]);
      expect(r.stderr).toContain('nothing was written');
      expect(existsSync(dir)).toBe(false);
    }
  });

  it('hidden .ods sheets are read from content.xml, names unescaped', () => {
    const xml = (tables: string) =>
      new TextEncoder().encode(
        `<office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style></office:automatic-styles>${tables}`,
      );
    expect([...hiddenOdsTables(xml('<table:table table:name="A &amp; B" table:style-name="ta2"><table:table table:name="C" table:style-name="ta1"><table:table table:style-name="ta2" table:name="D">'))]).toEqual(['A & B', 'D']);
    expect([...hiddenOdsTables(undefined)]).toEqual([]);
  });
});
