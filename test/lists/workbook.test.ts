/** Workbooks: `diff` and `lists` read an allocation workbook; `lists` writes one workbook from it. */
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type * as XLSX from '@e965/xlsx';
import { runDiff } from '../../src/app/diff.js';
import { runLists } from '../../src/app/lists.js';
import { workbookBytes } from '../../src/io/xlsx-write.js';
import { GOLDEN, goldenRows, tempDir } from '../diff/helpers.js';

const xlsx = createRequire(import.meta.url)('@e965/xlsx') as typeof XLSX;

/** The golden allocation as a workbook (an overview sheet first, the decisions on the second), with its summary.json. */
function goldenWorkbook(): string {
  const dir = join(tempDir(), 'run');
  mkdirSync(dir);
  const { header, rows } = goldenRows();
  const bytes = workbookBytes([
    { name: 'Oversikt', columns: [{ header: 'Hva', kind: 'text' }], rows: [['sample']] },
    { name: 'Tildeling', columns: header.map((h) => ({ header: h, kind: 'text' as const })), rows: rows.map((r) => header.map((h) => r[h] ?? '')) },
  ]);
  writeFileSync(join(dir, 'allocation.xlsx'), bytes);
  copyFileSync(join(GOLDEN, 'summary.json'), join(dir, 'summary.json'));
  return join(dir, 'allocation.xlsx');
}

describe('allocation workbooks', () => {
  it('diff reads a workbook: the golden CSV and the same decisions as a workbook are equal', () => {
    const out = runDiff({ cwd: process.cwd(), old: join(GOLDEN, 'allocation.csv'), new: goldenWorkbook(), json: true, force: false });
    expect(out.exitCode, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ equal: true, new: { encoding: 'xlsx' } });
  });

  it('lists from a workbook writes lists.xlsx: a sheet per body and one for BI, every participant once per body and once for BI', () => {
    const out = join(tempDir(), 'lists');
    const r = runLists({ cwd: process.cwd(), allocation: goldenWorkbook(), out, force: false, date: '2026-04-20', langAsked: 'nb' });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('lists.xlsx med 6 ark');
    const wb = xlsx.read(readFileSync(join(out, 'lists.xlsx')), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['KS', 'Helse Sør-Øst', 'Helse Vest', 'Helse Midt-Norge', 'Helse Nord', 'BI']);
    const sheet = (name: string) => xlsx.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[name] as XLSX.WorkSheet, { raw: false });
    const selected = goldenRows().rows.filter((x) => x.status === 'selected');
    const admitted = wb.SheetNames.filter((n) => n !== 'BI').flatMap((n) => sheet(n).filter((x) => x.Status === 'tatt opp').map((x) => `${n}:${String(x['Søknadsnummer'])}`));
    expect(admitted.sort()).toEqual(selected.map((x) => `${x.cell === 'kommune' ? 'KS' : (x.cell ?? '').replace('spesialist/', '')}:${x.id}`).sort());
    const bi = sheet('BI');
    expect(bi.map((x) => String(x['Søknadsnummer'])).sort()).toEqual(selected.map((x) => x.id).sort());
    // The run date is a date cell (serial 46132 is 2026-04-20).
    const runDate = (wb.Sheets.BI as XLSX.WorkSheet).I2 as XLSX.CellObject;
    expect([runDate.t, runDate.v]).toEqual(['n', 46132]);
  });
});
