import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';
import { sectionOf } from './fixture.js';

/** `id`s of the rows an allocation.csv marks selected. */
function selectedIn(csv: string): string[] {
  const [header = '', ...lines] = csv.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  const sep = header.includes(';') ? ';' : ',';
  const cols = header.split(sep);
  // The sample's Norwegian headers make allocation.csv bokmål.
  const [id, status] = [cols.indexOf('ID'), cols.indexOf('Status')];
  return lines.map((l) => l.split(sep)).filter((c) => c[status] === 'tatt opp').map((c) => c[id] ?? '');
}

describe('cohort report', () => {
  let allocation = '';
  beforeAll(async () => {
    const out = join(tempDir(), 'out');
    expect((await cohort(['allocate', ...SAMPLE_NB, '--out', out])).code).toBe(0);
    allocation = join(out, 'allocation.csv');
  });

  it("draws the sample's allocation: exit 0, every selected participant once in the groups section", async () => {
    const report = join(tempDir(), 'report.html');
    const run = await cohort(['report', '--candidates', ...SAMPLE_NB, '--allocation', allocation, '--output', report, '--lang', 'nb']);
    expect(run.code, run.stderr).toBe(0);
    // The terminal speaks the run's language too (it was English under --lang nb).
    expect(run.stdout).toContain('Alle programreglene er oppfylt.');
    expect(run.stdout.endsWith(`Skrev rapporten ${report}.\n`)).toBe(true);
    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nb">')).toBe(true);
    const selected = selectedIn(readFileSync(allocation, 'utf8'));
    expect(selected).toHaveLength(40);
    const ids = [...sectionOf(html, 'groups').matchAll(/data-id="([^"]*)"/g)].map((m) => m[1]);
    expect([...ids].sort()).toEqual([...selected].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('class="verdict ok"');
  });

  it('a hand-edited allocation with a group of 9: exit 1, the report is written and shows the broken rule', async () => {
    const report = join(tempDir(), 'report.html');
    const run = await cohort(['report', '--candidates', ...SAMPLE_NB, '--allocation', join('fixtures', 'hand-edited', 'group-of-9.csv'), '-o', report, '--lang', 'en']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('A programme rule is not met (exit code 1)');
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('class="verdict bad"');
    expect(sectionOf(html, 'rules')).toMatch(/group 1 has 9 members, expected 6–8/);
  });

  it('refuses an existing report without --force (exit 3), overwrites with it; bad input is exit 3', async () => {
    const report = join(tempDir(), 'report.html');
    writeFileSync(report, 'old');
    const args = ['report', '--candidates', ...SAMPLE_NB, '--allocation', allocation, '--output', report];
    const refused = await cohort(args);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('already exists');
    expect(readFileSync(report, 'utf8')).toBe('old');
    expect((await cohort([...args, '--force'])).code).toBe(0);
    expect(readFileSync(report, 'utf8')).not.toBe('old');

    const other = join(tempDir(), 'r.html');
    const unknown = await cohort(['report', '--candidates', ...SAMPLE_NB, '--allocation', join('fixtures', 'hand-edited', 'unknown-id.csv'), '--output', other]);
    expect(unknown.code).toBe(3);
    expect(existsSync(other)).toBe(false);
  });
});
