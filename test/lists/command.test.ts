import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runLists } from '../../src/app/lists.js';
import { InputError, OutputError } from '../../src/domain/errors.js';
import { allocationFolder, goldenRows, setRow, tempDir, type Record_ } from '../diff/helpers.js';

const withEmail = (rows: Record_[]) => rows.map((r) => ({ ...r, 'E-post': `${(r.id ?? '').toLowerCase()}@example.no` }));
const lists = (allocation: string, more: Partial<Parameters<typeof runLists>[0]> = {}) => {
  const out = join(tempDir(), 'lists');
  // In bokmål (`--lang nb`) unless a test says otherwise, whatever the language of the allocation's headers.
  const r = runLists({ cwd: process.cwd(), allocation, out, force: false, date: '2026-04-20', langAsked: 'nb', ...more });
  return { r, out };
};

/** A written list as records, checking the coordinator's dialect: BOM, CRLF, the given delimiter. */
function readList(path: string, delimiter = ';'): Record_[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  return parse(text.slice(1), { columns: true, delimiter }) as Record_[];
}

const BODY_FILES: Record<string, string> = {
  kommune: 'ks.csv',
  'spesialist/Helse Sør-Øst': 'helse-sor-ost.csv',
  'spesialist/Helse Vest': 'helse-vest.csv',
  'spesialist/Helse Midt-Norge': 'helse-midt-norge.csv',
  'spesialist/Helse Nord': 'helse-nord.csv',
};

describe('cohort lists (in-process)', () => {
  const golden = goldenRows().rows;
  const selected = golden.filter((r) => r.status === 'selected');
  const reserves = golden.filter((r) => r.status === 'reserve');

  it('names every admitted candidate exactly once, under the right body, and once on BI\'s list', () => {
    const { r, out } = lists(allocationFolder('run', withEmail, { addColumns: ['E-post'] }));
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['bi.csv', ...Object.values(BODY_FILES)].sort());
    const admittedSeen: string[] = [];
    for (const [cell, file] of Object.entries(BODY_FILES)) {
      const rows = readList(join(out, file));
      const admitted = rows.filter((x) => x.Status === 'tatt opp').map((x) => x['Søknadsnummer'] ?? '');
      admittedSeen.push(...admitted);
      expect(admitted.sort()).toEqual(selected.filter((x) => x.cell === cell).map((x) => x.id).sort());
      // Reserves in call-in order with their rank.
      expect(rows.filter((x) => x.Status === 'reserve').map((x) => [x['Søknadsnummer'], x['Reservenr.']])).toEqual(
        reserves
          .filter((x) => x.cell === cell)
          .sort((a, b) => Number(a.reserve_rank) - Number(b.reserve_rank))
          .map((x) => [x.id, x.reserve_rank]),
      );
      for (const x of rows) {
        expect(x.Kjøringsdato).toBe('20.04.2026');
        expect(x['Loddtrekningsnøkkel']).toBe('topplederprogram');
        expect(x['E-post']).toBe(`${(x['Søknadsnummer'] ?? '').toLowerCase()}@example.no`);
        const g = golden.find((y) => y.id === x['Søknadsnummer']);
        expect([x.Navn, x.Stilling, x.Virksomhet]).toEqual([g?.name, g?.position, g?.organisation]);
      }
    }
    expect(admittedSeen.length).toBe(selected.length);
    expect(new Set(admittedSeen).size).toBe(selected.length);

    const bi = readList(join(out, 'bi.csv'));
    expect(bi.map((x) => x['Søknadsnummer']).sort()).toEqual(selected.map((x) => x.id).sort());
    for (const x of bi) {
      const g = golden.find((y) => y.id === x['Søknadsnummer']);
      expect(x.Navn).toBe(g?.name);
      expect(x.Fødselsdato).toBe(g?.birth_date);
      expect(x.Arbeidsgiver).toBe(g?.organisation);
      expect(x.Sektor).toBe(g?.cell === 'kommune' ? 'Kommunehelsetjenesten' : 'Spesialisthelsetjenesten');
      expect(x['Nominert av']).toBe(g?.cell === 'kommune' ? 'KS' : g?.cell?.replace('spesialist/', ''));
    }
  });

  it('prints file names and counts, never a name or an e-mail', () => {
    const { r } = lists(allocationFolder('run', withEmail, { addColumns: ['E-post'] }), { lang: 'en' });
    expect(r.stdout).toContain('ks.csv: KS, 20 admitted, 34 reserves');
    expect(r.stdout).toContain('bi.csv: BI, admission list of 40 participants');
    expect(r.stdout).toContain('Run: 2026-04-20, seed topplederprogram.');
    for (const g of selected) expect(r.stdout + r.stderr).not.toContain(g.name);
    expect(r.stdout + r.stderr).not.toContain('@example.no');
    expect(r.stderr).toBe('');
  });

  it('English headers with --lang en, the allocation\'s delimiter', () => {
    const { out } = lists(allocationFolder('run', undefined, { delimiter: ',' }), { lang: 'en', langAsked: 'en' });
    const rows = readList(join(out, 'helse-nord.csv'), ',');
    expect(Object.keys(rows[0] ?? {})).toEqual(['status', 'reserve_rank', 'id', 'name', 'position', 'email', 'organisation', 'gender', 'priority', 'body', 'run_date', 'seed']);
    expect(rows[0]?.run_date).toBe('2026-04-20');
  });

  it('without the run\'s summary.json the seed reads "ukjent" with a warning; --seed states it', () => {
    const allocation = allocationFolder('bare', undefined, { summary: false });
    const { r, out } = lists(allocation);
    expect(r.stderr).toContain('fant ingen summary.json');
    expect(r.stderr).toContain('ingen e-postkolonne');
    expect(readList(join(out, 'ks.csv'))[0]?.['Loddtrekningsnøkkel']).toBe('ukjent');
    const stated = lists(allocation, { seed: 'møtet-2026' });
    expect(stated.r.stderr).not.toContain('summary.json');
    expect(readList(join(stated.out, 'ks.csv'))[0]?.['Loddtrekningsnøkkel']).toBe('møtet-2026');
  });

  it('the date defaults to the allocation file\'s modification date', () => {
    const allocation = allocationFolder('run');
    const { r } = lists(allocation, { date: undefined });
    const today = statSync(allocation).mtime;
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(r.stdout).toContain(`Kjøring: ${iso.split('-').reverse().join('.')} (fordelingsfilens endringsdato)`);
  });

  it('refuses, writing nothing: a participant without a body, a bad --date, existing lists without --force', () => {
    const first = selected[0]?.id ?? '';
    const noBody = allocationFolder('nobody', (rows) => setRow(rows, first, { cell: '', sector: '', rhf: '' }));
    const out = join(tempDir(), 'lists');
    expect(() => runLists({ cwd: process.cwd(), allocation: noBody, out, force: false })).toThrow(InputError);
    try {
      runLists({ cwd: process.cwd(), allocation: noBody, out, force: false });
    } catch (e) {
      expect((e as InputError).issues[0]?.message).toContain(first);
      expect((e as InputError).issues[0]?.line).toBeGreaterThan(1);
    }
    expect(existsSync(out)).toBe(false);
    expect(() => runLists({ cwd: process.cwd(), allocation: allocationFolder('ok'), out, force: false, date: '20.04.26' })).toThrow(InputError);
    expect(existsSync(out)).toBe(false);
    const ok = allocationFolder('ok2');
    runLists({ cwd: process.cwd(), allocation: ok, out, force: false, date: '2026-04-20' });
    expect(() => runLists({ cwd: process.cwd(), allocation: ok, out, force: false, date: '2026-04-20' })).toThrow(OutputError);
    expect(runLists({ cwd: process.cwd(), allocation: ok, out, force: true, date: '2026-04-20' }).exitCode).toBe(0);
  });

  it('without --lang, writes the lists in the language of the allocation\'s headers; the terminal keeps its own', () => {
    const english = lists(allocationFolder('en-run', withEmail, { addColumns: ['E-post'] }), { langAsked: undefined, lang: 'nb' });
    expect(english.r.exitCode, english.r.stderr).toBe(0);
    // English lists keep the allocation's delimiter (`;` here).
    expect(Object.keys(readList(join(english.out, 'ks.csv'))[0] ?? {})).toContain('run_date');
    expect(english.r.stdout).toContain('tatt opp');
    const bokmal = lists(join(import.meta.dirname, '..', '..', 'fixtures', 'golden', 'sample-nb', 'allocation.csv'), { langAsked: undefined, lang: 'en' });
    expect(bokmal.r.exitCode, bokmal.r.stderr).toBe(0);
    expect(Object.keys(readList(join(bokmal.out, 'ks.csv'))[0] ?? {})).toContain('Kjøringsdato');
    expect(bokmal.r.stdout).toContain('admitted');
  });
});
