import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';

describe('cohort allocate --report', () => {
  it('writes the report with the other files, byte-identical on a second run', async () => {
    const root = tempDir();
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', a, '--report', join(a, 'report.html'), '--lang', 'nb']);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith(`Skrev rapporten ${join(a, 'report.html')}.\n`)).toBe(true);
    expect(readdirSync(a).sort()).toEqual(['allocation.csv', 'groups.csv', 'report.html', 'summary.json']);
    const html = readFileSync(join(a, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nb">')).toBe(true);
    expect((await cohort(['allocate', ...SAMPLE_NB, '--out', b, '--report', join(b, 'report.html'), '--lang', 'nb'])).code).toBe(0);
    expect(readFileSync(join(b, 'report.html'), 'utf8')).toBe(html);
  });

  it('--json keeps stdout the summary alone; --lang en writes English', async () => {
    const out = tempDir();
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', out, '--report', join(out, 'r.html'), '--lang', 'en', '--json']);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(readFileSync(join(out, 'r.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('refuses an existing report without --force and writes nothing (exit 3)', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'report.html'), 'old');
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', out, '--report', join(out, 'report.html')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('already exists');
    expect(readdirSync(out)).toEqual(['report.html']);
    expect((await cohort(['allocate', ...SAMPLE_NB, '--out', out, '--report', join(out, 'report.html'), '--force'])).code).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toBe('old');
  });

  it('a report outside --out: checked before anything is written', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'committee'));
    writeFileSync(join(root, 'committee', 'report.html'), 'old');
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', join(root, 'out'), '--report', join(root, 'committee', 'report.html')]);
    expect(run.code).toBe(3);
    expect(existsSync(join(root, 'out'))).toBe(false);
    const ok = await cohort(['allocate', ...SAMPLE_NB, '--out', join(root, 'out2'), '--report', join(root, 'committee', 'new.html')]);
    expect(ok.code).toBe(0);
    expect(readdirSync(join(root, 'committee')).sort()).toEqual(['new.html', 'report.html']);
  });

  it('usage and path errors', async () => {
    const out = tempDir();
    const lang = await cohort(['allocate', ...SAMPLE_NB, '--out', out, '--report', join(out, 'r.html'), '--lang', 'de']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain("Allowed choices are nb, en");
    const clash = await cohort(['allocate', ...SAMPLE_NB, '--out', out, '--report', join(out, 'summary.json')]);
    expect(clash.code).toBe(3);
    expect(clash.stderr).toContain('E_REPORT_PATH');
    expect(readdirSync(out)).toEqual([]);
    const help = await cohort(['allocate', '--help']);
    expect(help.stdout).toContain('--report <file>');
    expect(help.stdout).toContain('--lang <lang>');
  });
});
