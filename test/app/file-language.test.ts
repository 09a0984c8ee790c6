/**
 * The language of the files a person opens (issue 14): `--lang` when given, else the candidate files' headers.
 * Bokmål files have the catalogue's Norwegian headers and values; English files the tool's names. Every reader
 * (`check`, `report`, `replace`, `diff`, `allocate --previous`) reads a file of either language to the same
 * decisions: written in bokmål and read back, written in English and read back, the same allocation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipParts } from '../io/zip-parts.js';
import { outputLang } from '../../src/app/outputs.js';
import { CATALOGUE } from '../../src/domain/i18n/index.js';
import { comparableInput, readAllocationDetailed } from '../../src/read/allocation.js';
import { SAMPLE_EN, SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';

const NB_HEADERS = ['Søknadsnummer', 'Navn', 'Fødselsdato'];
const EN_HEADERS = ['id', 'name', 'birth_date'];

describe('outputLang: the one rule for the files\' language', () => {
  it.each([
    // --lang, the candidate files' headers, the run's language → the files' language
    ['nb', [EN_HEADERS], 'en', 'nb'],
    ['en', [NB_HEADERS], 'nb', 'en'],
    [undefined, [NB_HEADERS], 'en', 'nb'],
    [undefined, [EN_HEADERS], 'nb', 'en'],
    [undefined, [EN_HEADERS, NB_HEADERS], 'en', 'nb'],
    [undefined, [['ID', 'RHF']], 'nb', 'nb'],
    [undefined, [['ID', 'RHF']], 'en', 'en'],
    [undefined, [], 'en', 'en'],
  ] as const)('--lang %s, headers %j, run in %s → %s', (asked, headers, fallback, lang) => {
    expect(outputLang(asked, headers, fallback)).toBe(lang);
  });
});


/** A CSV output's header and rows. */
function table(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const [header = [], ...rows] = parse(text, { delimiter: text.split('\n')[0]?.includes(';') ? ';' : ',' }) as string[][];
  return { header, rows };
}

const column = (t: { header: string[]; rows: string[][] }, name: string): string[] => {
  const i = t.header.indexOf(name);
  expect(i, `column ${name} in ${t.header.join(', ')}`).toBeGreaterThanOrEqual(0);
  return t.rows.map((r) => r[i] ?? '');
};

describe('allocate on the Norwegian sample: bokmål files without --lang, English with --lang en', () => {
  let dir = '';
  beforeAll(async () => {
    dir = tempDir('cohort-files-lang-');
    for (const [name, args] of [
      ['nb', []],
      ['en', ['--lang', 'en']],
      ['en-input', []],
    ] as const) {
      const files = name === 'en-input' ? SAMPLE_EN : SAMPLE_NB;
      const r = await cohort(['allocate', ...files, '--out', join(dir, name), ...args]);
      if (r.code !== 0) throw new Error(`allocate exited ${r.code}: ${r.stderr}`);
    }
    const s = await cohort(['screen', ...SAMPLE_NB, '--out', join(dir, 'nb-screen')]);
    if (s.code !== 0) throw new Error(`screen exited ${s.code}: ${s.stderr}`);
  }, 120_000);

  it('allocation.csv: the catalogue\'s Norwegian headers, statuses, genders, yes/no and dates', () => {
    const nb = table(join(dir, 'nb', 'allocation.csv'));
    const w = CATALOGUE.nb.files;
    expect(nb.header.slice(0, 10)).toEqual(['ID', 'Status', 'Kvotecelle', 'Reserveplass', 'Verkstedgruppe', 'Prosjektgruppe', 'Begrunnelse', 'Advarsler', 'Søknadsnummer', 'Navn']);
    expect(nb.header.slice(-2)).toEqual(['Kildefil', 'Kildelinje']);
    expect(new Set(column(nb, 'Status'))).toEqual(new Set([w.status.selected, w.status.reserve, w.status.ineligible, w.status.over_cap]));
    expect(new Set(column(nb, 'Kjønn'))).toEqual(new Set(['Kvinne', 'Mann']));
    expect(new Set(column(nb, 'Forankret'))).toEqual(new Set(['Ja', 'Nei']));
    for (const d of column(nb, 'Fødselsdato')) expect(d).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    const en = table(join(dir, 'en', 'allocation.csv'));
    expect(en.header.slice(0, 10)).toEqual(['id', 'status', 'cell', 'reserve_rank', 'workshop_group', 'project_team', 'reasons', 'warnings', 'input_id', 'name']);
    expect(new Set(column(en, 'status'))).toEqual(new Set(['selected', 'reserve', 'ineligible', 'over_cap']));
    expect(new Set(column(en, 'gender'))).toEqual(new Set(['female', 'male']));
    expect(new Set(column(en, 'endorsed'))).toEqual(new Set(['yes', 'no']));
    for (const d of column(en, 'birth_date')) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The input's Norwegian words for a sector and an education level in English (`Kommunehelsetjenesten`, `Ph.d.`).
    expect(new Set(column(nb, 'Sektor'))).toEqual(new Set(['Kommunehelsetjenesten', 'Spesialisthelsetjenesten']));
    expect(new Set(column(en, 'sector'))).toEqual(new Set(['municipal', 'specialist']));
    expect(new Set(column(en, 'education'))).toEqual(new Set(['fagskole', 'bachelor', 'master', 'phd']));
    // The same rows in the same order, whichever language.
    expect(column(nb, 'ID')).toEqual(column(en, 'id'));
  });

  it('groups.csv and screening.csv likewise', () => {
    const nb = table(join(dir, 'nb', 'groups.csv'));
    expect(nb.header).toEqual(['Gruppetype', 'Nummer', 'ID', 'Navn', 'Sektor', 'RHF', 'Virksomhet', 'Fylke', 'Kjønn']);
    expect(new Set(column(nb, 'Gruppetype'))).toEqual(new Set(['verkstedgruppe', 'prosjektgruppe']));
    expect(new Set(column(nb, 'Kjønn'))).toEqual(new Set(['Kvinne', 'Mann']));
    const en = table(join(dir, 'en', 'groups.csv'));
    expect(en.header).toEqual(['kind', 'number', 'id', 'name', 'sector', 'rhf', 'organisation', 'county', 'gender']);
    expect(new Set(column(en, 'kind'))).toEqual(new Set(['workshop_group', 'project_team']));
    const screening = table(join(dir, 'nb-screen', 'screening.csv'));
    expect(screening.header.slice(0, 5)).toEqual(['ID', 'Status', 'Kvotecelle', 'Begrunnelse', 'Advarsler']);
    expect(new Set(column(screening, 'Status'))).toEqual(new Set(['kvalifisert', 'ikke kvalifisert']));
  });

  it('read back, a bokmål and an English file are the same allocation (and the same as from the English sample)', () => {
    const read = (name: string) => {
      const file = readAllocationDetailed(readFileSync(join(dir, name, 'allocation.csv')), 'allocation.csv');
      expect(file.issues).toEqual([]);
      return file.rows.map((r) => [r.id, r.status, r.workshopGroup, r.projectTeam, r.reserveRank, r.details.cell, r.details.gender, comparableInput('birth_date', r.details.input.birth_date ?? '')]);
    };
    const nb = read('nb');
    expect(nb).toHaveLength(130);
    expect(read('en')).toEqual(nb);
    expect(read('en-input')).toEqual(nb);
  });

  it('check passes on both; diff finds them equal, either way round', async () => {
    for (const name of ['nb', 'en']) {
      const r = await cohort(['check', '--candidates', ...SAMPLE_NB, '--allocation', join(dir, name, 'allocation.csv')]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    const ab = await cohort(['diff', join(dir, 'nb', 'allocation.csv'), join(dir, 'en', 'allocation.csv')]);
    const ba = await cohort(['diff', join(dir, 'en', 'allocation.csv'), join(dir, 'nb', 'allocation.csv')]);
    expect([ab.code, ba.code], ab.stdout + ba.stdout).toEqual([0, 0]);
  });

  it('the workbook likewise: bokmål sheets and headers, read back by check', async () => {
    const out = join(dir, 'workbook');
    const a = await cohort(['allocate', ...SAMPLE_NB, '--out', out, '--format', 'xlsx']);
    expect(a.code, a.stderr).toBe(0);
    const zip = zipParts(new Uint8Array(readFileSync(join(out, 'allocation.xlsx'))));
    expect(zip.get('xl/workbook.xml')).toContain('name="Tildeling"');
    expect(zip.get('xl/workbook.xml')).toContain('name="Verkstedgrupper"');
    const sheets = [...zip.entries()].filter(([k]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).map(([, v]) => v).join('');
    for (const text of ['Verkstedgruppe', 'Begrunnelse', 'tatt opp', 'Gruppetype', 'verkstedgruppe']) expect(sheets).toContain(`>${text}<`);
    expect(ENGLISH_WORDS.filter((x) => words(sheets.replace(/<[^>]*>/g, ' ')).has(x))).toEqual([]);
    const c = await cohort(['check', '--candidates', ...SAMPLE_NB, '--allocation', join(out, 'allocation.xlsx')]);
    expect(c.code, c.stdout + c.stderr).toBe(0);
    expect(c.stdout).toContain('allocation.xlsx');
  });

  it('allocate --previous keeps everyone in place from a bokmål or an English previous run', async () => {
    for (const name of ['nb', 'en']) {
      const out = join(dir, `again-${name}`);
      const r = await cohort(['allocate', ...SAMPLE_NB, '--out', out, '--previous', join(dir, name, 'allocation.csv'), '--json']);
      expect(r.code, r.stderr).toBe(0);
      const previous = (JSON.parse(r.stdout) as { previous: { changes: unknown[] } }).previous;
      expect(previous.changes).toEqual([]);
      expect(readFileSync(join(out, 'allocation.csv'))).toEqual(readFileSync(join(dir, 'nb', 'allocation.csv')));
    }
  });

  it('replace reads a bokmål allocation and writes one; check passes on it', async () => {
    const nb = table(join(dir, 'nb', 'allocation.csv'));
    const leaving = nb.rows.find((r) => r[1] === 'tatt opp' && r[2] === 'kommune')?.[0] ?? '';
    const out = join(dir, 'replaced');
    const r = await cohort(['replace', '--candidates', ...SAMPLE_NB, '--allocation', join(dir, 'nb', 'allocation.csv'), '--withdraw', leaving, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const replaced = table(join(out, 'allocation.csv'));
    expect(replaced.header.slice(0, 3)).toEqual(['ID', 'Status', 'Kvotecelle']);
    expect(replaced.rows.find((row) => row[0] === leaving)?.[1]).toBe('trukket');
    // The reasons of the change in bokmål too: the withdrawn one's, the newcomer's.
    expect(replaced.rows.find((row) => row[0] === leaving)?.[6]).toMatch(/^trukket seg fra kullet \(var i verkstedgruppe \d+, prosjektgruppe \d+\); plassen går til TLP-\d{4}$/);
    expect(replaced.rows.map((row) => row[6]).join('\n')).toMatch(/tatt opp fra reservelisten: reserve nummer 1 i kommune/);
    const found = words(readFileSync(join(out, 'allocation.csv'), 'utf8') + readFileSync(join(out, 'groups.csv'), 'utf8'));
    expect(ENGLISH_WORDS.filter((x) => found.has(x))).toEqual([]);
    const c = await cohort(['check', '--candidates', ...SAMPLE_NB, '--allocation', join(out, 'allocation.csv')]);
    expect(c.code, c.stdout + c.stderr).toBe(0);
  });
});

/** The words of a text, lower case (letters only: `reserve_rank` is `reserve` and `rank`). */
function words(text: string): Set<string> {
  return new Set([...text.matchAll(/\p{L}+/gu)].map((m) => m[0].toLowerCase()));
}

/**
 * English words the English CSV outputs use (headers, statuses, group kinds, genders, yes/no, the reasons and
 * warnings): the scan proves each is there, and none may be in the bokmål files. Not `status` (bokmål too, the
 * header `Status`), `reserve` (bokmål: `reserve nummer 3`), `over` (`over nominasjonstaket`), `men` (bokmål for
 * "but"), `master` and `bachelor` (the input's education as typed).
 */
const ENGLISH_WORDS = [
  'cell', 'rank', 'workshop', 'group', 'project', 'team', 'reasons', 'warnings', 'input', 'source', 'file', 'line',
  'name', 'birth', 'date', 'gender', 'sector', 'organisation', 'position', 'education', 'experience', 'years',
  'priority', 'endorsed', 'selected', 'eligible', 'ineligible', 'cap', 'female', 'male', 'yes', 'no', 'kind',
  'number', 'county', 'lottery', 'tied', 'unranked', 'candidates', 'drawn', 'order', 'seed', 'minimum', 'highest',
  'nominated', 'most', 'top', 'chosen', 'before', 'better', 'ranked', 'meet', 'least', 'women', 'not', 'instead',
  'passed', 'superior', 'warning', 'programme', 'require', 'the', 'with', 'and',
] as const;

/** Bokmål words of the bokmål files that the English ones must not have (the input's data aside). */
const NORWEGIAN_WORDS = [
  'tatt', 'opp', 'kvalifisert', 'verkstedgruppe', 'prosjektgruppe', 'kvotecelle', 'reserveplass', 'begrunnelse',
  'advarsler', 'kildefil', 'kildelinje', 'gruppetype', 'nummer', 'fylke', 'søknadsnummer', 'navn', 'fødselsdato',
  'kjønn', 'sektor', 'virksomhet', 'stilling', 'prioritet', 'forankret', 'kvinne', 'mann', 'ja', 'nei',
  'loddtrekning', 'likt', 'rangert', 'uten', 'kandidater', 'forbigått', 'minst', 'menn', 'kvinner', 'oppfylle',
  'nominasjonstaket', 'nominerte', 'taket', 'ung', 'oppstart', 'kravet', 'arbeidserfaring', 'forankret', 'loddtrekningsnøkkel',
] as const;

describe('the bokmål files have no English words, the English files no bokmål ones', () => {
  const text: Record<'nb' | 'en', string[]> = { nb: [], en: [] };
  beforeAll(async () => {
    const dir = tempDir('cohort-files-words-');
    for (const lang of ['nb', 'en'] as const) {
      const a = await cohort(['allocate', ...SAMPLE_NB, '--out', join(dir, lang), '--lang', lang]);
      const s = await cohort(['screen', ...SAMPLE_NB, '--out', join(dir, `${lang}-screen`), '--lang', lang]);
      if (a.code !== 0 || s.code !== 0) throw new Error(`allocate or screen failed: ${a.stderr}${s.stderr}`);
      text[lang] = [join(dir, lang, 'allocation.csv'), join(dir, lang, 'groups.csv'), join(dir, `${lang}-screen`, 'screening.csv')].map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
    }
  }, 120_000);

  /** The words of the files that are the tool's, not the candidates' data: every column but the input's and the file names. */
  const toolWords = (lang: 'nb' | 'en'): Set<string> => {
    const w = CATALOGUE[lang].files;
    const input = new Set<string>([...Object.values(w.candidateColumns), w.columns.source_file]);
    const out = new Set<string>();
    for (const csv of text[lang]) {
      const [header = [], ...rows] = parse(csv, { delimiter: csv.split('\n')[0]?.includes(';') ? ';' : ',' }) as string[][];
      for (const h of header) for (const x of words(h)) out.add(x);
      const kept = header.map((h, i) => (input.has(h) && h !== w.candidateColumns.gender && h !== w.candidateColumns.endorsed ? -1 : i)).filter((i) => i >= 0);
      for (const r of rows) for (const i of kept) for (const x of words(r[i] ?? '')) out.add(x);
    }
    return out;
  };

  it('the English files use every listed English word (so the scan reads what a reader reads)', () => {
    const found = toolWords('en');
    expect(ENGLISH_WORDS.filter((x) => !found.has(x))).toEqual([]);
  });

  it('the bokmål files use none of them, anywhere (headers, values, reasons, warnings, and the input\'s data)', () => {
    const found = words(text.nb.join('\n'));
    expect(ENGLISH_WORDS.filter((x) => found.has(x))).toEqual([]);
    const nb = toolWords('nb');
    expect(NORWEGIAN_WORDS.filter((x) => !nb.has(x))).toEqual([]);
  });

  it('from English candidate files with --lang nb too: the English words of the input become bokmål (female, yes, phd)', async () => {
    const out = join(tempDir('cohort-files-en-nb-'), 'out');
    const r = await cohort(['allocate', ...SAMPLE_EN, '--out', out, '--lang', 'nb']);
    expect(r.code, r.stderr).toBe(0);
    const found = words(readFileSync(join(out, 'allocation.csv'), 'utf8') + readFileSync(join(out, 'groups.csv'), 'utf8'));
    expect([...ENGLISH_WORDS, 'phd', 'municipal', 'specialist'].filter((x) => found.has(x))).toEqual([]);
  });

  it('the English files use none of the bokmål words outside the input\'s data', () => {
    const found = toolWords('en');
    expect(NORWEGIAN_WORDS.filter((x) => found.has(x))).toEqual([]);
  });
});
