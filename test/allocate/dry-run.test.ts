/**
 * `allocate --dry-run` and `allocate --previous`, in-process: the run computes and prints, writes nothing, and
 * compares with an earlier allocation exactly as `cohort diff` would.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, appendFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAllocate } from '../../src/app/allocate.js';
import { AllocateSummarySchema } from '../../src/app/summary-schema.js';
import { InputError } from '../../src/domain/errors.js';
import { run } from '../../src/cli/main.js';
import { GOLDEN, ROOT, allocationFolder, tempDir } from '../diff/helpers.js';
import { answeredOnce } from './answered-once.js';

const SAMPLE = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => `fixtures/sample/nb/${f}.csv`);
// The runs below repeat the sample's models (with and without --json, the plain groups a --previous run compares
// with): each is solved once (answeredOnce), the allocation the same.
const base = { cwd: process.cwd(), encoding: 'auto' as const, include: [], exclude: [], deadlineMs: 20_000, json: false, force: false, solve: answeredOnce() };

/** The sample year with a late nomination added to Helse Nord's file (ASCII, so the file's cp1252 stays valid). */
function sampleWithLateNomination(): string[] {
  const dir = tempDir('cohort-late-');
  const files = SAMPLE.map((f) => {
    const to = join(dir, f.split('/').pop() ?? f);
    copyFileSync(join(ROOT, f), to);
    return to;
  });
  appendFileSync(files[4] ?? '', 'TLP-9001;Sen Nominasjon;01.01.1975;Kvinne;Spesialisthelsetjenesten;Helse Nord;Nordlandssykehuset HF;Klinikksjef;Master;12;;Ja\r\n');
  return files.map((f) => relative(ROOT, f));
}

describe('allocate --dry-run', () => {
  it('prints exactly the summary a real run writes, and writes nothing (no files, no temp files)', async () => {
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    // The golden summary is an English run's: the warnings' messages follow --lang (their codes and params do not).
    const r = await runAllocate({ ...base, files: SAMPLE, out, dryRun: true, json: true, lang: 'en' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(GOLDEN, 'summary.json'), 'utf8'));
    expect(AllocateSummarySchema.parse(JSON.parse(r.stdout)).previous).toBeUndefined();
    expect(readdirSync(out)).toEqual([]);
    const text = await runAllocate({ ...base, files: SAMPLE, dryRun: true, lang: 'en' });
    expect(text.stdout).toContain('Every programme rule is met.\nDry run (--dry-run): nothing was written.\n');
    expect(text.stdout).not.toContain('Wrote');
  });

  it('with --previous: prints the changes since, records them in the summary, writes nothing', async () => {
    const files = sampleWithLateNomination();
    const prev = allocationFolder('draft');
    const out = join(tempDir(), 'never');
    const r = await runAllocate({ ...base, files, out, dryRun: true, previous: prev, lang: 'en' });
    expect(existsSync(out)).toBe(false);
    expect(r.stdout).toContain(`Changes from ${prev} to this run:`);
    expect(r.stdout).toMatch(/TLP-9001 +Helse Nord +new candidate/);
    expect(r.stdout).not.toContain('Sen Nominasjon');
    const j = await runAllocate({ ...base, files, dryRun: true, previous: prev, json: true });
    const summary = AllocateSummarySchema.parse(JSON.parse(j.stdout));
    expect(summary.previous?.file).toBe(prev);
    expect(summary.previous?.idsNotInInput).toEqual([]);
    const late = summary.previous?.changes.find((c) => c.id === 'TLP-9001');
    expect(late?.old).toBeNull();
    expect(late?.new?.cell).toBe('spesialist/Helse Nord');
    // Everyone else is in both; the changes are the same whether asked with --json or not.
    expect(summary.previous?.changes.filter((c) => c.old === null).map((c) => c.id)).toEqual(['TLP-9001']);
  });

  it('--previous of another programme stops the run before it computes (InputError, nothing written)', async () => {
    const prev = allocationFolder('other', undefined, {
      summary: (s) => {
        (s.programme as { name: string }).name = 'Et annet program 2025–2026';
      },
    });
    const out = join(tempDir(), 'out');
    await expect(runAllocate({ ...base, files: SAMPLE, out, previous: prev })).rejects.toBeInstanceOf(InputError);
    expect(existsSync(out)).toBe(false);
  });

  it('--previous with ids that are not candidates any more: a warning that names the ids', async () => {
    const prev = allocationFolder('renamed', (rows) => rows.map((r) => (r.id === 'TLP-0001' ? { ...r, id: 'TLP-0001X' } : r)), { summary: false });
    const r = await runAllocate({ ...base, files: SAMPLE, dryRun: true, previous: prev, lang: 'en' });
    expect(r.stderr).toContain(`1 candidate of ${prev} is not among the candidates now (TLP-0001X)`);
  });

  it('--previous whose ids now name other people: a warning naming them (not kept in place); most of them: refused', async () => {
    // Two participants' ids swapped in the previous file (a re-export that renumbered): both name someone else now.
    const a = 'TLP-0001';
    const b = 'TLP-0002';
    const swapped = allocationFolder('swapped', (rows) => rows.map((r) => (r.id === a ? { ...r, id: b } : r.id === b ? { ...r, id: a } : r)));
    const r = await runAllocate({ ...base, files: SAMPLE, dryRun: true, previous: swapped, lang: 'en', json: true });
    expect(r.stderr).toContain(`2 ids of ${swapped} now name another person (both name and birth date changed: ${a}, ${b})`);
    expect(AllocateSummarySchema.parse(JSON.parse(r.stdout)).previous?.idsNamingAnotherPerson).toEqual([a, b]);
    // A corrected birth date alone (or a corrected name alone) is a correction, not another person.
    const corrected = allocationFolder('corrected', (rows) => rows.map((r) => (r.id === a ? { ...r, birth_date: '01.01.1950' } : r.id === b ? { ...r, name: 'Et Annet Navn' } : r)));
    const c = await runAllocate({ ...base, files: SAMPLE, dryRun: true, previous: corrected, lang: 'en', json: true });
    expect(c.stderr).not.toContain('another person');
    expect(AllocateSummarySchema.parse(JSON.parse(c.stdout)).previous?.idsNamingAnotherPerson).toEqual([]);
    // Every id shifted by one row: the file is of other people; refused before anything is computed or written.
    const shifted = allocationFolder('shifted', (rows) => {
      const ids = rows.map((r) => r.id);
      return rows.map((r, i) => ({ ...r, id: ids[(i + 1) % ids.length] ?? r.id ?? '' }));
    });
    const out = join(tempDir(), 'out');
    const err = await runAllocate({ ...base, files: SAMPLE, out, previous: shifted, lang: 'en' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]).toMatchObject({ code: 'previous_other_people', file: shifted });
    expect(existsSync(out)).toBe(false);
  });

  it('the CLI: --out is required unless --dry-run; --dry-run with --report is a usage error', async () => {
    const cli = async (argv: string[]) => {
      let err = '';
      const code = await run(argv, { stdout: { write: () => undefined }, stderr: { write: (t: string) => (err += t) }, env: {}, cwd: process.cwd() });
      return { code, err };
    };
    expect((await cli(['allocate', ...SAMPLE])).code).toBe(2);
    const both = await cli(['allocate', ...SAMPLE, '--dry-run', '--report', join(tempDir(), 'r.html')]);
    expect(both.code).toBe(2);
    expect(both.err).toContain("'--dry-run' cannot be used with option '--report");
  });
});
