/**
 * The workbook `allocate --format xlsx` writes is an allocation every other command reads: check, report and
 * replace take it as `--allocation` (issue 15, item 2), through the CLI as a coordinator runs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheetLib } from '../../src/io/workbook-lib.js';
import { readSheet } from '../../src/read/sheet.js';
import { cohort, SAMPLE_NB, tempDir } from '../e2e/helpers.js';

describe('check, report and replace read allocation.xlsx', () => {
  let dir: string;
  let workbook: string;
  /** A participant to withdraw: the first selected row of the allocation sheet. */
  let selected: string;
  beforeAll(async () => {
    dir = tempDir('cohort-alloc-xlsx-');
    const r = await cohort(['allocate', ...SAMPLE_NB, '-o', join(dir, 'run'), '--format', 'xlsx', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    workbook = join(dir, 'run', 'allocation.xlsx');
    const sheet = readSheet(sheetLib(), readFileSync(workbook), 'allocation.xlsx', { sheet: 'Allocation' });
    const status = sheet.headers.indexOf('status');
    selected = sheet.records.find((rec) => rec.cells[status] === 'selected')?.cells[0] ?? '';
    expect(selected).not.toBe('');
  }, 120_000);

  it.each([
    {
      command: 'check',
      args: () => ['check', '--candidates', ...SAMPLE_NB, '-a', workbook, '--json'],
      writes: [],
      out: (stdout: string) => (JSON.parse(stdout) as { allocation: { encoding: string; rows: number }; allRulesMet: boolean }).allocation,
      expected: { encoding: 'xlsx', rows: 130 },
    },
    {
      command: 'report',
      args: () => ['report', '--candidates', ...SAMPLE_NB, '-a', workbook, '-o', join(dir, 'report.html'), '--lang', 'en'],
      writes: ['report.html'],
      out: () => ({ ok: /<html/.test(readFileSync(join(dir, 'report.html'), 'utf8')) }),
      expected: { ok: true },
    },
    {
      command: 'replace',
      args: () => ['replace', '--candidates', ...SAMPLE_NB, '-a', workbook, '--withdraw', selected, '-o', join(dir, 'replaced'), '--lang', 'en'],
      writes: ['replaced/allocation.csv', 'replaced/groups.csv', 'replaced/summary.json'],
      out: (stdout: string) => ({ ok: stdout.includes('Every programme rule is met.') }),
      expected: { ok: true },
    },
  ])('$command', async ({ args, writes, out, expected }) => {
    const r = await cohort(args());
    expect(r.code, r.stderr).toBe(0);
    expect(out(r.stdout)).toMatchObject(expected as object);
    for (const w of writes) expect(existsSync(join(dir, w)), w).toBe(true);
  });

  it('replace from the workbook gives an allocation check accepts, with the withdrawn participant withdrawn', async () => {
    const replaced = join(dir, 'replaced', 'allocation.csv');
    if (!existsSync(replaced)) {
      const r = await cohort(['replace', '--candidates', ...SAMPLE_NB, '-a', workbook, '--withdraw', selected, '-o', join(dir, 'replaced'), '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
    }
    const check = await cohort(['check', '--candidates', ...SAMPLE_NB, '-a', replaced, '--json']);
    expect(check.code, check.stderr).toBe(0);
    const row = readFileSync(replaced, 'utf8').split('\r\n').find((l) => l.startsWith(`${selected};`));
    expect(row?.split(';')[1]).toBe('withdrawn');
  });
});
