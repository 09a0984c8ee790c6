/**
 * The .xlsx writer: typed cells, never a formula, frozen header and autofilter, the same bytes for the same
 * sheets; and `allocate --format xlsx` read back by `check` (in-process).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipParts } from './zip-parts.js';
import { runAllocate } from '../../src/app/allocate.js';
import { runCheck } from '../../src/app/check.js';
import { sheetLib } from '../../src/io/workbook-lib.js';
import { dateSerial, sheetName, workbookBytes, type XSheet } from '../../src/io/xlsx-write.js';
import { readSheet } from '../../src/read/sheet.js';
import { checkZip } from '../../src/read/zip-bounds.js';

const SHEET: XSheet = {
  name: 'Ark 1',
  columns: [
    { header: 'id', kind: 'text' },
    { header: 'født', kind: 'date' },
    { header: 'år', kind: 'number' },
    { header: 'merknad', kind: 'text' },
  ],
  rows: [
    ['000123', { date: '1980-12-31' }, 3.5, '=HYPERLINK("http://x","klikk")'],
    ['2026000000000000001', { date: '2000-02-29' }, 12, '+47 912 34 567'],
    ['X', null, null, 'æøå <&> "\u0007'],
  ],
};

/** The text of one part of a zip written by workbookBytes. */
function part(bytes: Uint8Array, name: string): string {
  const text = zipParts(bytes).get(name);
  if (text === undefined) throw new Error(`no part ${name}`);
  return text;
}

describe('workbookBytes', () => {
  it('writes the same bytes for the same sheets (no dates or authors in the file)', () => {
    expect(Buffer.from(workbookBytes([SHEET])).equals(Buffer.from(workbookBytes([SHEET])))).toBe(true);
    expect(checkZip(workbookBytes([SHEET]), { maxEntries: 10, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20 })).toMatchObject({ ok: true });
  });

  it('cells read back as what they are: text stays text (zeros, long ids, formula-like text), dates are dates, numbers numbers', () => {
    const t = readSheet(sheetLib(), workbookBytes([SHEET]), 'w.xlsx');
    expect(t.issues).toEqual([]);
    expect(t.headers).toEqual(['id', 'født', 'år', 'merknad']);
    expect(t.records.map((r) => r.cells)).toEqual([
      ['000123', '1980-12-31', '3.5', '=HYPERLINK("http://x","klikk")'],
      ['2026000000000000001', '2000-02-29', '12', '+47 912 34 567'],
      ['X', '', '', 'æøå <&> "'],
    ]);
    expect(t.records.map((r) => r.kinds)).toEqual([
      ['text', 'date', 'number', 'text'],
      ['text', 'date', 'number', 'text'],
      ['text', 'blank', 'blank', 'text'],
    ]);
  });

  it('freezes the header row, filters the table, shows dates dd.mm.yyyy and writes no formula', () => {
    const bytes = workbookBytes([SHEET]);
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A1:D4"/>');
    expect(sheet).not.toContain('<f>');
    expect(part(bytes, 'xl/styles.xml')).toContain('formatCode="dd.mm.yyyy"');
    expect(part(bytes, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Ark 1'!$A$1:$D$4</definedName>`);
  });

  it('date serials in the 1900 system', () => {
    expect([dateSerial('1899-12-31'), dateSerial('1900-03-01'), dateSerial('1980-12-31'), dateSerial('31.12.1980')]).toEqual([1, 61, 29586, null]);
  });

  it('sheet names are made valid and unique', () => {
    expect(sheetName('Helse Sør-Øst', new Set())).toBe('Helse Sør-Øst');
    expect(sheetName('a/b?c', new Set())).toBe('a-b-c');
    expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName('Reserver', new Set(['reserver']))).toBe('Reserver 2');
  });
});

describe('allocate --format xlsx, read back by check', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  const files = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`));

  it('writes one workbook with every sheet; check finds every rule met in it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cohort-xlsx-'));
    const run = await runAllocate({ files, cwd: ROOT, out, encoding: 'auto', json: false, force: false, include: [], exclude: [], deadlineMs: 20_000, format: 'xlsx' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Skrev ${out}/allocation.xlsx og ${out}/summary.json.`);
    const bytes = readFileSync(join(out, 'allocation.xlsx'));
    const names = [...part(bytes, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Oversikt', 'Tildeling', 'Tatt opp', 'Reserver', 'Ikke kvalifisert', 'Over nominasjonstaket', 'Verkstedgrupper', 'Prosjektgrupper', 'KS (kommune)', 'Helse Sør-Øst', 'Helse Vest', 'Helse Midt-Norge', 'Helse Nord']);
    const admitted = readSheet(sheetLib(), bytes, 'a.xlsx', { sheet: 'Tatt opp' });
    expect(admitted.records).toHaveLength(40);
    expect(readSheet(sheetLib(), bytes, 'a.xlsx', { sheet: 'Over nominasjonstaket' }).records.map((r) => r.cells[0])).toEqual(['TLP-0108']);

    const check = runCheck({ files, cwd: ROOT, allocation: join(out, 'allocation.xlsx'), encoding: 'auto', strict: false, json: true, include: [], exclude: [] });
    expect(check.exitCode).toBe(0);
    const report = JSON.parse(check.stdout) as { allocation: { encoding: string; rows: number }; counts: { selected: number } };
    expect(report.allocation).toMatchObject({ encoding: 'xlsx', rows: 130 });
    expect(report.counts.selected).toBe(40);
  });
});
