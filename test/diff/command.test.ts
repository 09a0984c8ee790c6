import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiff } from '../../src/app/diff.js';
import { DiffDocumentSchema } from '../../src/app/summary-schema.js';
import { allocationFolder, findRow, goldenRows, setRow, tempDir, type Record_ } from './helpers.js';

const diff = (a: string, b: string, more: Partial<Parameters<typeof runDiff>[0]> = {}) => runDiff({ cwd: process.cwd(), old: a, new: b, json: false, force: false, ...more });
const json = (a: string, b: string) => {
  const out = diff(a, b, { json: true });
  return { out, doc: DiffDocumentSchema.parse(JSON.parse(out.stdout)) };
};

// The meeting's edits, picked from whatever the golden allocation is (each finder throws if the case is gone).
const vestReserve = findRow((r) => r.cell === 'spesialist/Helse Vest' && r.status === 'reserve' && r.reserve_rank === '1', 'Helse Vest reserve ranked 1');
const vestParticipant = findRow((r) => r.cell === 'spesialist/Helse Vest' && r.status === 'selected', 'Helse Vest participant');
const kommuneReserve = findRow((r) => r.cell === 'kommune' && r.status === 'reserve' && r.reserve_rank === '5', 'kommune reserve ranked 5');
const nordTemplate = findRow((r) => r.cell === 'spesialist/Helse Nord' && r.status === 'reserve', 'Helse Nord reserve');
const LATE = 'TLP-9001';

/** The committee swaps a Helse Vest reserve in; a late nomination joins Helse Nord's reserves; a birth date is corrected. */
function meetingEdits(rows: Record_[]): Record_[] {
  setRow(rows, vestReserve.id ?? '', { status: 'selected', reserve_rank: '', workshop_group: vestParticipant.workshop_group ?? '', project_team: vestParticipant.project_team ?? '' });
  setRow(rows, vestParticipant.id ?? '', { status: 'reserve', reserve_rank: '1', workshop_group: '', project_team: '', reasons: 'reserve: number 1 in Helse Vest (priority 4); passed_over_for_gender_rule: someone selected instead' });
  setRow(rows, kommuneReserve.id ?? '', { birth_date: '01.01.1970' });
  rows.push({ ...nordTemplate, id: LATE, input_id: LATE, name: 'Sen Nominasjon', reserve_rank: '9', reasons: 'reserve: number 9 in Helse Nord (unranked)' });
  return rows;
}
const candidates131 = (s: Record<string, unknown>) => {
  (s.counts as { candidates: number }).candidates += 1;
};

describe('cohort diff (in-process)', () => {
  it('two copies of one allocation are equal: exit 0, nothing on stderr', () => {
    const base = tempDir();
    const a = allocationFolder('a', undefined, { base });
    const b = allocationFolder('b', undefined, { base });
    const out = diff(a, b);
    expect(out.exitCode, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('Ingen endringer: de to fordelingene er like.');
    expect(json(a, b).doc.equal).toBe(true);
  });

  it('lists exactly the meeting\'s changes, by id, with the new run\'s reasons; exit 1', () => {
    const base = tempDir();
    const a = allocationFolder('draft', undefined, { base });
    const b = allocationFolder('final', meetingEdits, { base, summary: candidates131 });
    const { out, doc } = json(a, b);
    expect(out.exitCode).toBe(1);
    expect(doc.equal).toBe(false);
    expect(doc.changes.map((c) => [c.kind, c.id])).toEqual([
      ['in', vestReserve.id],
      ['out', vestParticipant.id],
      ['status', LATE],
      ['data', kommuneReserve.id],
    ]);
    const outChange = doc.changes[1];
    expect(outChange?.new).toEqual({ status: 'reserve', cell: 'spesialist/Helse Vest', reserveRank: 1, workshopGroup: null, projectTeam: null });
    expect(outChange?.reasons).toEqual(['reserve', 'passed_over_for_gender_rule']);
    expect(doc.changes[2]?.old).toBeNull();
    expect(doc.changes[3]?.columnsChanged).toEqual(['birth_date']);
    const vest = doc.bodies.find((x) => x.cell === 'spesialist/Helse Vest');
    expect(vest?.old.selected).toBe(4);
    expect(vest?.new.selected).toBe(4);
    const nord = doc.bodies.find((x) => x.cell === 'spesialist/Helse Nord');
    expect((nord?.new.reserves ?? 0) - (nord?.old.reserves ?? 0)).toBe(1);
    expect(doc.old.seed).toBe('topplederprogram');
    expect(doc.warnings).toEqual([]);
  });

  it('prints ids, never names or birth dates, in either language', () => {
    const base = tempDir();
    const a = allocationFolder('draft', undefined, { base });
    const b = allocationFolder('final', meetingEdits, { base, summary: candidates131 });
    for (const lang of ['nb', 'en'] as const) {
      const out = diff(a, b, { lang });
      expect(out.exitCode).toBe(1);
      expect(out.stdout).toContain(vestReserve.id);
      for (const r of [vestReserve, vestParticipant, kommuneReserve]) {
        expect(out.stdout).not.toContain(r.name);
        expect(out.stdout).not.toContain(r.birth_date);
      }
      expect(out.stdout).not.toContain('Sen Nominasjon');
      expect(out.stdout).not.toContain('01.01.1970');
      expect(json(a, b).out.stdout).not.toContain('Sen Nominasjon');
    }
    expect(diff(a, b, { lang: 'nb' }).stdout).toContain('Ut av kullet (1)');
    expect(diff(a, b, { lang: 'en' }).stdout).toContain('Out of the cohort (1)');
  });

  it('reads Norwegian headers, statuses and cells, and a re-saved dialect, as the same allocation', () => {
    const base = tempDir();
    const a = allocationFolder('en', undefined, { base });
    const nbHeader: Record<string, string> = { cell: 'Kvotecelle', reserve_rank: 'Reserveplass', workshop_group: 'Verkstedgruppe', project_team: 'Prosjektteam', reasons: 'Begrunnelse', status: 'Status' };
    const nbStatus: Record<string, string> = { selected: 'valgt', ineligible: 'ikke kvalifisert', excluded: 'ekskludert' };
    const b = allocationFolder(
      'nb',
      (rows) => rows.map((r) => ({ ...r, status: nbStatus[r.status ?? ''] ?? r.status ?? '', cell: (r.cell ?? '').replace('spesialist/', '').replace('kommune', 'Kommune'), gender: r.gender === 'Kvinne' ? 'K' : 'M', birth_date: (r.birth_date ?? '').split('.').reverse().join('-') })),
      { base, header: (h) => nbHeader[h] ?? h, delimiter: ',' },
    );
    const out = diff(a, b);
    expect(out.stdout + out.stderr).toContain('Ingen endringer');
    expect(out.exitCode).toBe(0);
  });

  it('refuses two allocations of different programmes: exit 2, both named, nothing written', () => {
    const base = tempDir();
    const a = allocationFolder('2026', undefined, { base });
    const b = allocationFolder('2027', undefined, {
      base,
      summary: (s) => {
        (s.programme as { name: string; startDate: string }).name = 'Felles topplederprogram 2027–2028';
        (s.programme as { name: string; startDate: string }).startDate = '2027-08-16';
      },
    });
    const report = join(base, 'diff.html');
    const out = diff(a, b, { report });
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('kan ikke sammenligne');
    expect(out.stderr).toContain(a);
    expect(out.stderr).toContain(b);
    expect(out.stderr).toContain('2027–2028');
    expect(existsSync(report)).toBe(false);
  });

  it('without summaries, two allocations with no candidate in common are refused (exit 2); a missing file too', () => {
    const base = tempDir();
    const a = allocationFolder('a', undefined, { base, summary: false });
    const b = allocationFolder('b', (rows) => rows.map((r) => ({ ...r, id: `X${r.id}` })), { base, summary: false });
    const out = diff(a, b, { lang: 'en' });
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('no candidate in common');
    const missing = diff(a, join(base, 'nope.csv'), { lang: 'en' });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('no such file');
    // Without summaries and with candidates in common the diff runs and says it could not check the year.
    const c = allocationFolder('c', undefined, { base, summary: false });
    const ok = diff(a, c, { lang: 'en' });
    expect(ok.exitCode).toBe(0);
    expect(ok.stderr).toContain('no summary.json beside');
  });

  it('a bad row in either file is bad input: exit 2, located by file and line', () => {
    const base = tempDir();
    const a = allocationFolder('a', undefined, { base });
    const b = allocationFolder('b', (rows) => setRow(rows, vestParticipant.id ?? '', { status: 'maybe' }), { base });
    const out = diff(a, b, { lang: 'en' });
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/allocation\.csv:\d+ column "status": expected one of selected, reserve/);
  });

  it('--report writes the HTML page (names there, not on the terminal); an existing one needs --force', () => {
    const base = tempDir();
    const a = allocationFolder('draft', undefined, { base });
    const b = allocationFolder('final', meetingEdits, { base, summary: candidates131 });
    const report = join(base, 'out', 'diff.html');
    const out = diff(a, b, { report, lang: 'en' });
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain(`Wrote ${report}.`);
    const page = readFileSync(report, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain(vestReserve.name);
    expect(page).toContain('Sen Nominasjon');
    expect(page).toMatch(/<tr data-id="TLP-9001">/);
    expect(page).toContain('Felles topplederprogram for kommune- og spesialisthelsetjenesten 2026–2027');
    writeFileSync(report, 'old');
    const refused = diff(a, b, { report });
    expect(refused.exitCode).toBe(2);
    expect(readFileSync(report, 'utf8')).toBe('old');
    expect(diff(a, b, { report, force: true }).exitCode).toBe(1);
    expect(readFileSync(report, 'utf8')).toContain('<html lang="nb">');
  });

  it('the golden allocation has the rows the tests edit', () => {
    expect(goldenRows().rows.length).toBeGreaterThan(100);
  });
});
