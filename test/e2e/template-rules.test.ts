import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { templateHeaders } from '../../src/read/columns.js';
import { ROOT, cohort, tempDir, toolNames } from './helpers.js';

const BOM = '\uFEFF';

function screeningRows(dir: string): Array<Record<string, string>> {
  const text = readFileSync(join(dir, 'screening.csv'), 'utf8');
  const header = text.split('\n')[0]!;
  const delimiter = [';', '\t'].find((d) => header.includes(d)) ?? ',';
  return toolNames(parse(text.slice(1), { columns: true, delimiter }) as Array<Record<string, string>>);
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('cohort template', () => {
  it.each([
    [[], 'nb', ';'],
    [['--lang', 'nb'], 'nb', ';'],
    [['--lang', 'en'], 'en', ','],
    [['--lang', 'en', '--delimiter', ';'], 'en', ';'],
    [['--delimiter', 'tab'], 'nb', '\t'],
  ] as const)('%j prints the header row only, in the dialect, without a BOM', async (args, lang, delimiter) => {
    const r = await cohort(['template', '--lang', 'nb', ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${templateHeaders(lang).join(delimiter)}\r\n`);
  });

  it('--example adds one fake row per sector in the dialect\'s value forms', async () => {
    const nb = await cohort(['template', '--lang', 'nb', '--example']);
    expect(nb.code).toBe(0);
    const nbLines = nb.stdout.split('\r\n');
    expect(nbLines).toHaveLength(4);
    expect(nbLines[1]).toBe('EKSEMPEL-1;Kari Nordmann;31.12.1980;Kvinne;Kommune;;Bergen kommune;Avdelingsleder;Master;4,5;;Ja');
    expect(nbLines[2]).toMatch(/^EKSEMPEL-2;.*;Spesialist;Helse Vest;Helse Bergen HF;/);
    const en = await cohort(['template', '--lang', 'en', '--example']);
    expect(en.stdout.split('\r\n')[1]).toBe('EXAMPLE-1,Kari Nordmann,1980-12-31,female,kommune,,Bergen kommune,Head of department,master,4.5,,yes');
    // A decimal comma under a comma delimiter is quoted, not split.
    expect((await cohort(['template', '--lang', 'nb', '--example', '--delimiter', ','])).stdout).toContain(',"4,5",');
  });

  it('--out writes UTF-8 with a BOM, mode 0600, and refuses to overwrite without --force', async () => {
    const file = join(tempDir(), 'sub', 'skjema.csv');
    const r = await cohort(['template', '--lang', 'nb', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Skrev ${file} (12 kolonner, ingen eksempelrader).\n`);
    expect(readFileSync(file, 'utf8')).toBe(`${BOM}${templateHeaders('nb').join(';')}\r\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    writeFileSync(file, 'keep me');
    const again = await cohort(['template', '--example', '--out', file]);
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(again.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('keep me');

    const forced = await cohort(['template', '--lang', 'nb', '--example', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('2 eksempelrader');
    expect(readFileSync(file, 'utf8').startsWith(`${BOM}Søknadsnummer;`)).toBe(true);
  });

  it('--out naming a directory is refused with exit 3 and nothing written', async () => {
    const dir = tempDir();
    for (const out of [dir, `${join(dir, 'new')}/`, '.']) {
      const r = await cohort(['template', '--out', out]);
      expect(r.code, out).toBe(3);
      expect(r.stderr, out).toContain('expected a file name for --out');
    }
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });

  it.each([
    [['--lang', 'en'], 'EXAMPLE'],
    [['--lang', 'nb'], 'EKSEMPEL'],
    [['--lang', 'nb', '--delimiter', ','], 'EKSEMPEL'],
    [['--lang', 'en', '--delimiter', 'tab'], 'EXAMPLE'],
  ])('template --example %j screens as 2 eligible candidates', async (args, prefix) => {
    const dir = tempDir();
    const file = join(dir, 'candidates.csv');
    expect((await cohort(['template', '--example', ...args, '--out', file])).code).toBe(0);
    const r = await cohort(['screen', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = screeningRows(join(dir, 'out'));
    expect(rows.map((row) => [row.id, row.status, row.cell, row.warnings])).toEqual([
      [`${prefix}-1`, 'eligible', 'kommune', ''],
      [`${prefix}-2`, 'eligible', 'spesialist/Helse Vest', ''],
    ]);
  });

  // Decision: a header-only file is a valid candidates file with no candidates (a region with no applicants
  // sends exactly that), so screening the plain template succeeds with 0 rows rather than failing.
  it.each(['nb', 'en'])('the plain %s template screens as 0 candidates with exit 0', async (lang) => {
    const dir = tempDir();
    const file = join(dir, 'candidates.csv');
    expect((await cohort(['template', '--lang', lang, '--out', file])).code).toBe(0);
    const r = await cohort(['screen', file, '--out', join(dir, 'out'), '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { candidates: number }).candidates).toBe(0);
    expect(screeningRows(join(dir, 'out'))).toEqual([]);
  });

  it.each([[['--lang', 'de']], [['--delimiter', '|']], [['--bogus']], [['extra-argument']]])('usage error %j exits 2', async (args) => {
    const r = await cohort(['template', '--lang', 'nb', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('cohort rules', () => {
  const builtin = join(ROOT, 'data', 'programme.json');
  const p200 = join('fixtures', 'programme-200.json');

  it('prints the built-in rules in English by default, naming the source and SHA-256', async () => {
    const r = await cohort(['rules']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe((JSON.parse(readFileSync(builtin, 'utf8')) as { name: string }).name);
    expect(lines[1]).toBe(`Config: built-in (SHA-256 ${sha256(builtin)})`);
    expect(r.stdout).toContain('Eligibility\n- Age: at least 25 years on the start date 2026-08-17');
  });

  it('--lang nb prints Norwegian; --config names the file as given', async () => {
    const r = await cohort(['rules', '--lang', 'nb', '--config', p200]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe(`Konfigurasjon: ${p200} (SHA-256 ${sha256(join(ROOT, p200))})`);
    expect(r.stdout).toContain('Opptakskrav\n- Alder: minst 25 år på oppstartsdagen 17.08.2026');
    expect(r.stdout).toMatch(/^sum\s+200$/m);
  });

  it.each([[[]], [['--config', p200]], [['--lang', 'nb']]])('--json %j prints exactly one JSON document and nothing else', async (args) => {
    const r = await cohort(['rules', '--json', ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const file = args.includes('--config') ? join(ROOT, p200) : builtin;
    // JSON.parse refuses trailing text, so a parse is proof of one document.
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(doc).toEqual({
      schemaVersion: 1,
      command: 'rules',
      source: args.includes('--config') ? p200 : 'built-in',
      sha256: sha256(file),
      programme: JSON.parse(readFileSync(file, 'utf8')),
    });
  });

  it.each([
    ['a schema problem', (cfg: Record<string, unknown>) => JSON.stringify({ ...cfg, seats: -1 }, null, 2), 'seats: expected a positive integer'],
    ['a JSON syntax error', () => '{ "name": "x",\n  "seats": }', 'JSON syntax error'],
  ])('a broken config (%s) exits 3 naming its path, with nothing on stdout', async (_label, make, message) => {
    const dir = tempDir();
    const file = join(dir, 'broken.json');
    writeFileSync(file, make(JSON.parse(readFileSync(builtin, 'utf8')) as Record<string, unknown>));
    for (const json of [[], ['--json']]) {
      const r = await cohort(['rules', '--config', file, ...json]);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(message);
    }
  });

  it('a missing config exits 3 naming its path', async () => {
    const r = await cohort(['rules', '--config', 'no/such/programme.json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no/such/programme.json: no such file');
  });

  it('a config that is a directory exits 3', async () => {
    const dir = join(tempDir(), 'cfg');
    mkdirSync(dir);
    expect((await cohort(['rules', '--config', dir])).code).toBe(3);
  });

  it.each([[['--lang', 'de']], [['--bogus']]])('usage error %j exits 2', async (args) => {
    expect((await cohort(['rules', ...args])).code).toBe(2);
  });

  it('both commands appear in the top-level help', async () => {
    const r = await cohort(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+template \[options\]/m);
    expect(r.stdout).toMatch(/^\s+rules \[options\]/m);
  });
});
