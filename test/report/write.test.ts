import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputsWithReport } from '../../src/app/report-view.js';
import { tempDir } from '../e2e/helpers.js';

const FILES = [
  { name: 'allocation.csv', content: 'a\r\n' },
  { name: 'summary.json', content: '{}\n' },
];
const REPORT = '<!DOCTYPE html><title>r</title>\n';

function codeOf(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('writeOutputsWithReport', () => {
  it('writes a report inside --out together with the other files', () => {
    const out = tempDir();
    writeOutputsWithReport(out, FILES, { path: join(out, 'report.html'), content: REPORT }, { force: false });
    expect(readdirSync(out).sort()).toEqual(['allocation.csv', 'report.html', 'summary.json']);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(REPORT);
  });

  it('inside --out: an existing report refuses the whole set without --force, and is replaced with it', () => {
    const out = tempDir();
    writeFileSync(join(out, 'report.html'), 'old');
    expect(codeOf(() => writeOutputsWithReport(out, FILES, { path: join(out, 'report.html'), content: REPORT }, { force: false }))).toBe('E_EXISTS');
    expect(readdirSync(out)).toEqual(['report.html']);
    writeOutputsWithReport(out, FILES, { path: join(out, 'report.html'), content: REPORT }, { force: true });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(REPORT);
  });

  it('outside --out: checks both places before writing anything', () => {
    const root = tempDir();
    const out = join(root, 'out');
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'report.html'), 'old');
    expect(codeOf(() => writeOutputsWithReport(out, FILES, { path: join(elsewhere, 'report.html'), content: REPORT }, { force: false }))).toBe('E_EXISTS');
    expect(existsSync(out)).toBe(false);

    // The other way round: an existing run file keeps the report from being written.
    const out2 = join(root, 'out2');
    mkdirSync(out2);
    writeFileSync(join(out2, 'summary.json'), 'old');
    expect(codeOf(() => writeOutputsWithReport(out2, FILES, { path: join(root, 'new', 'r.html'), content: REPORT }, { force: false }))).toBe('E_EXISTS');
    expect(existsSync(join(root, 'new'))).toBe(false);

    writeOutputsWithReport(out, FILES, { path: join(elsewhere, 'report.html'), content: REPORT }, { force: true });
    expect(readdirSync(out).sort()).toEqual(['allocation.csv', 'summary.json']);
    expect(readFileSync(join(elsewhere, 'report.html'), 'utf8')).toBe(REPORT);
  });

  it('refuses a report path that is no file name or would overwrite a file of the run', () => {
    const out = tempDir();
    expect(codeOf(() => writeOutputsWithReport(out, FILES, { path: join(out, 'summary.json'), content: REPORT }, { force: true }))).toBe('E_REPORT_PATH');
    expect(codeOf(() => writeOutputsWithReport(out, FILES, { path: `${out}/`, content: REPORT }, { force: true }))).toBe('E_REPORT_PATH');
    mkdirSync(join(out, 'dir.html'));
    const other = tempDir();
    expect(codeOf(() => writeOutputsWithReport(other, FILES, { path: join(out, 'dir.html'), content: REPORT }, { force: true }))).toBe('E_NOT_FILE');
    expect(readdirSync(out)).toEqual(['dir.html']);
    expect(readdirSync(other)).toEqual([]);
  });
});
