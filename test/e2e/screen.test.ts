import { readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_EN, SAMPLE_NB, cohort, tempDir, toolNames } from './helpers.js';

function readScreening(dir: string): Array<Record<string, string>> {
  const text = readFileSync(join(dir, 'screening.csv'), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const delimiter = text.split('\n')[0]!.includes(';') ? ';' : ',';
  return parse(text.slice(1), { columns: true, delimiter }) as Array<Record<string, string>>;
}

/** Every name and birth date of the sample, to prove none reaches stderr. */
function personalData(): string[] {
  const rows = SAMPLE_EN.flatMap((f) => parse(readFileSync(f, 'utf8'), { columns: true }) as Array<Record<string, string>>);
  return rows.flatMap((r) => [r.name!, r.birth_date!]).filter((s) => s !== '');
}

describe('cohort screen', () => {
  it('gives identical statuses and reasons on both sample dialects, in the language asked or the headers\'', async () => {
    const nb = tempDir();
    const nbEn = tempDir();
    const en = tempDir();
    const a = await cohort(['screen', ...SAMPLE_NB, '--out', nb]);
    const b = await cohort(['screen', ...SAMPLE_EN, '--out', en]);
    const c = await cohort(['screen', ...SAMPLE_NB, '--out', nbEn, '--lang', 'en']);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    const pick = (rows: Array<Record<string, string | undefined>>) => rows.map((r) => [r.id, r.status, r.cell, r.reasons, r.warnings]);
    // Norwegian headers, no --lang: a bokmål file; the same decisions as the English one.
    const ra = readScreening(nb);
    expect(ra).toHaveLength(130);
    expect(Object.keys(ra[0]!).slice(0, 5)).toEqual(['ID', 'Status', 'Kvotecelle', 'Begrunnelse', 'Advarsler']);
    const decided = (rows: Array<Record<string, string | undefined>>) => rows.map((r) => [r.id, r.status, r.cell]);
    expect(decided(toolNames(ra))).toEqual(decided(readScreening(en)));
    // --lang en: the same file as from the English sample, word for word.
    expect(pick(readScreening(nbEn))).toEqual(pick(readScreening(en)));
    // The nb run writes `;` (the input's delimiter), the en run `,`.
    expect(readFileSync(join(nb, 'screening.csv'), 'utf8').split('\n')[0]).toContain(';');
  });

  it('matches the expected screening of the sample year', async () => {
    const out = tempDir();
    expect((await cohort(['screen', ...SAMPLE_NB, '--out', out])).code).toBe(0);
    const expected = parse(readFileSync(join(ROOT, 'fixtures', 'sample', 'expected.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const got = new Map(toolNames(readScreening(out)).map((r) => [r.id, r]));
    expect(got.size).toBe(expected.length);
    for (const e of expected) {
      const g = got.get(e.id!);
      expect(g?.status, e.id).toBe(e.status);
    }
  });

  it('decodes Windows-1252 æøå and the en dash', async () => {
    const out = tempDir();
    expect((await cohort(['screen', ...SAMPLE_NB, '--out', out])).code).toBe(0);
    const text = readFileSync(join(out, 'screening.csv'), 'utf8');
    expect(text).toContain('Helse Sør-Øst');
    expect(text).toContain(' – ');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('keeps personal data out of stdout and stderr', async () => {
    const out = tempDir();
    const r = await cohort(['screen', ...SAMPLE_NB, '--out', out]);
    for (const p of personalData()) {
      expect(r.stdout).not.toContain(p);
      expect(r.stderr).not.toContain(p);
    }
  });

  it('refuses to overwrite without --force and writes nothing', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'screening.csv'), 'keep me');
    const r = await cohort(['screen', ...SAMPLE_NB, '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(join(out, 'screening.csv'), 'utf8')).toBe('keep me');
    // In bokmål too, with the same code.
    const nb = await cohort(['screen', ...SAMPLE_NB, '--out', out, '--lang', 'nb']);
    expect(nb.code).toBe(3);
    expect(nb.stderr).toBe(`cohort: ${join(out, 'screening.csv')} finnes allerede; ingenting er skrevet (bruk --force for å skrive over) (E_EXISTS)\n`);
    expect((await cohort(['screen', ...SAMPLE_NB, '--out', out, '--force'])).code).toBe(0);
    expect(statSync(join(out, 'screening.csv')).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['bad-date.csv', /bad-date\.csv:4 column "Fødselsdato": expected a date like 31\.12\.1980, got "31\/13\/1980"/],
    ['missing-column.csv', /missing-column\.csv:1 column "birth_date": expected a column/],
    ['duplicate-header.csv', /duplicate-header\.csv:1 column "Kjønn"/],
    ['duplicate-id.csv', /duplicate-id\.csv:5 column "id".*TLP-0001.*duplicate-id\.csv:2/],
    ['unknown-rhf.csv', /unknown-rhf\.csv:4 column "RHF".*Helse Sor-Ost.*did you mean "Helse Sør-Øst"/],
    ['unknown-education.csv', /unknown-education\.csv:4 column "Høyeste fullførte utdanning": expected one of/],
    ['unclosed-quote.csv', /unclosed-quote\.csv:4: expected a closing quote/],
    ['too-many-cells.csv', /too-many-cells\.csv:4: expected 12 cells/],
    ['random-bytes.csv', /random-bytes\.csv/],
  ])('%s: exit 3 with a located message and nothing written', async (file, message) => {
    const out = join(tempDir(), 'out');
    const r = await cohort(['screen', join('fixtures', 'broken', file), '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('nothing was written');
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('reports duplicate ids across files naming both places', async () => {
    const r = await cohort(['screen', 'fixtures/broken/duplicate-id-across-a.csv', 'fixtures/broken/duplicate-id-across-b.csv', '--out', tempDir()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/duplicate-id-across-b\.csv:3 column "id".*duplicate-id-across-a\.csv:2/);
  });

  it('neutralises formula injection in the output', async () => {
    const out = tempDir();
    const r = await cohort(['screen', 'fixtures/broken/formula-injection.csv', '--out', out]);
    expect(r.code).toBe(0);
    const rows = readScreening(out);
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells.some((c) => c.startsWith("'="))).toBe(true);
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r\n]/);
  });
});

describe('cohort screen in the committee\'s words', () => {
  it.each([
    ['nb', ['nominert av', 'kvalifiserte', 'ikke kvalifisert etter årsak'], 'Kommunene (KS)', 'Under 25 år 3', 'sum', 'screening.csv (130 rader).'],
    ['en', ['nominated by', 'eligible', 'ineligible by reason'], 'Municipalities (KS)', 'Under 25 years 3', 'total', 'screening.csv (130 rows).'],
  ] as const)('%s: the table by nominating body, the reasons in words, the file written', async (lang, headers, body, reason, total, wrote) => {
    const run = await cohort(['screen', ...SAMPLE_NB, '--out', join(tempDir(), 'o'), '--lang', lang]);
    expect(run.code, run.stderr).toBe(0);
    for (const h of headers) expect(run.stdout).toContain(h);
    expect(run.stdout).toMatch(new RegExp(`^${body.replace(/[()]/g, '\\$&')}\\s+60\\s+54\\s+6\\s+.*${reason}`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^${total}\\s+130\\s+116\\s+14\\s*$`, 'm'));
    expect(run.stdout).toContain(wrote);
    if (lang === 'nb') expect(run.stdout).not.toMatch(/\b(candidates|eligible|ineligible|Wrote|rows|too_young|no_bachelor)\b/);
  });
});

describe('exit-code contract', () => {
  it('prints the exit-code table in --help', async () => {
    const r = await cohort(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*0 {2}success[\s\S]*1 {2}the run worked[\s\S]*2 {2}usage error[\s\S]*3 {2}invalid input[\s\S]*4 {2}internal error/);
  });
  it.each([
    [['screen', '--bogus']],
    [['screen']],
    [['nonsense-command']],
    [[]],
  ])('usage error %j exits 2', async (args) => {
    expect((await cohort(args)).code).toBe(2);
  });
  it('a missing file is invalid input (3)', async () => {
    const r = await cohort(['screen', 'no/such/file.csv', '--out', tempDir()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no/such/file.csv: no such file');
  });
  it('a broken config is invalid input (3) with its path', async () => {
    const dir = tempDir();
    const cfg = JSON.parse(readFileSync(join(ROOT, 'data', 'programme.json'), 'utf8')) as { quotas: { spesialist: { cells: Array<{ seats: number }> } } };
    cfg.quotas.spesialist.cells[2]!.seats = -1;
    writeFileSync(join(dir, 'p.json'), JSON.stringify(cfg, null, 2));
    const r = await cohort(['screen', ...SAMPLE_EN, '--config', join(dir, 'p.json'), '--out', join(dir, 'o')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('quotas.spesialist.cells[2].seats: expected a positive integer');
  });
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await cohort(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
