/**
 * The dialect of the CSV outputs (issue 15): `;` for Norwegian output unless --delimiter says otherwise, numbers
 * with the decimal separator the delimiter's spreadsheet reads (`3,5` in a `;` file, `3.5` in a `,` file), and
 * unknown input columns in their input order. Run in-process through the CLI, so --lang is wired as a user types it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputDialect, withDecimal } from '../../src/app/outputs.js';
import { CATALOGUE } from '../../src/domain/i18n/index.js';
import { cohort, ROOT, SAMPLE_EN, SAMPLE_NB, tempDir } from '../e2e/helpers.js';

const NAMES = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'];

describe('outputDialect: the rule', () => {
  it.each([
    // asked, Norwegian output, the input's delimiter → delimiter, decimal
    [undefined, true, ',', ';', ','],
    [undefined, true, '\t', ';', ','],
    [undefined, true, undefined, ';', ','],
    [undefined, false, ',', ',', '.'],
    [undefined, false, ';', ';', ','],
    [undefined, false, '\t', '\t', '.'],
    [undefined, false, undefined, ',', '.'],
    [',', true, ';', ',', '.'],
    ['\t', true, ';', '\t', ','],
    ['\t', false, ';', '\t', '.'],
    [';', false, ',', ';', ','],
  ] as const)('asked %j, Norwegian %s, input %j → %j with decimal %j', (asked, norwegian, input, delimiter, decimal) => {
    expect(outputDialect(asked, norwegian, input)).toEqual({ delimiter, decimal });
  });

  it.each([
    ['3.5', ',', '3,5'],
    ['3,5', '.', '3.5'],
    ['3,5', ',', '3,5'],
    [',5', '.', '.5'],
    ['12', ',', '12'],
    ['', ',', ''],
    ['tre', ',', 'tre'],
    ['1.2.3', ',', '1.2.3'],
    ['03.05', ',', '03,05'],
  ] as const)('withDecimal(%j, %j) → %j', (text, decimal, out) => {
    expect(withDecimal(text, decimal)).toBe(out);
  });
});

/** A CSV output as records, read with the delimiter it is expected to have. */
function records(path: string, delimiter: string): string[][] {
  return parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { delimiter, relax_column_count: false }) as string[][];
}

/** The English sample with a decimal experience (`3.5`) in helse-vest and unknown columns, in `delimiter`. */
function englishSample(dir: string, delimiter: string): string[] {
  return NAMES.map((name, i) => {
    const lines = readFileSync(SAMPLE_EN[i] as string, 'utf8').split('\n').filter((l) => l !== '');
    const out = lines.map((l, k) => {
      const cells = l.split(',');
      if (name === 'helse-vest' && k === 1) cells[9] = '3.5';
      const extra = name === 'helse-vest' ? (k === 0 ? ['Zeta', 'Alpha'] : [`z${k}`, `a${k}`]) : name === 'kommune' ? (k === 0 ? ['Alpha', 'Mobil'] : [`a${k}`, `m${k}`]) : [];
      return [...cells, ...extra].join(delimiter);
    });
    const path = join(dir, `${delimiter === '\t' ? 'tab' : 'comma'}-${name}.csv`);
    writeFileSync(path, out.join('\n') + '\n');
    return path;
  });
}

describe('screening.csv in the output dialect', () => {
  let dir: string;
  let en: { comma: string[]; tab: string[] };
  const nbComma = NAMES.map((f) => join(ROOT, 'fixtures', 'workbooks', 'sample-nb-csv', 'comma-utf8', `${f}.csv`));
  const enXlsx = NAMES.map((f) => join(ROOT, 'fixtures', 'workbooks', 'sample-en', `${f}.xlsx`));
  beforeAll(() => {
    dir = tempDir('cohort-dialect-');
    en = { comma: englishSample(dir, ','), tab: englishSample(dir, '\t') };
  });

  it.each([
    // what, delimiter, decimal, the files' language ← inputs, options
    ['English `,` file, English', ',', '.', 'en', () => en.comma, []],
    ['English `,` file, --lang nb', ';', ',', 'nb', () => en.comma, ['--lang', 'nb']],
    ['English `,` file, --lang nb --delimiter ,', ',', '.', 'nb', () => en.comma, ['--lang', 'nb', '--delimiter', ',']],
    ['English tab file, English', '\t', '.', 'en', () => en.tab, []],
    ['English tab file, --lang nb', ';', ',', 'nb', () => en.tab, ['--lang', 'nb']],
    ['English tab file, --lang nb --delimiter tab', '\t', ',', 'nb', () => en.tab, ['--lang', 'nb', '--delimiter', 'tab']],
    ['Norwegian headers saved with `,` (LibreOffice), English: the headers make it Norwegian', ';', ',', 'nb', () => nbComma, []],
    ['Norwegian headers saved with `,`, --delimiter , (input and output)', ',', '.', 'nb', () => nbComma, ['--delimiter', ',']],
    ['Norwegian headers saved with `,`, --lang en: English, the input\'s delimiter', ',', '.', 'en', () => nbComma, ['--lang', 'en']],
    ['Norwegian `;` file (Windows-1252), English', ';', ',', 'nb', () => SAMPLE_NB, []],
    ['English workbook, English', ',', '.', 'en', () => enXlsx, []],
    ['English workbook, --lang nb', ';', ',', 'nb', () => enXlsx, ['--lang', 'nb']],
  ] as const)('%s → %j, decimal %j, %s', async (what, delimiter, decimal, lang, files, options) => {
    const out = join(dir, what.replace(/\W+/g, '-'));
    const r = await cohort(['screen', ...files(), '-o', out, ...options]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = records(join(out, 'screening.csv'), delimiter) as [string[], ...string[][]];
    // The files' language, the one the dialect follows: --lang, else the candidate files' headers.
    expect(header.slice(0, 3)).toEqual(lang === 'nb' ? ['ID', 'Status', 'Kvotecelle'] : ['id', 'status', 'cell']);
    const experience = rows.map((row) => row[header.indexOf(lang === 'nb' ? 'Arbeidserfaring (år)' : 'experience_years')] ?? '').filter((v) => v !== '');
    expect(experience.length).toBe(rows.length);
    // Every decimal is written with the dialect's separator (some are: 3.5, 22,5, 10.5 …), whole numbers as they are.
    expect(experience.filter((v) => !/^\d+$/.test(v)).length).toBeGreaterThan(0);
    for (const v of experience) expect(v).toMatch(decimal === ',' ? /^\d+(,\d+)?$/ : /^\d+(\.\d+)?$/);
  });

  it('unknown columns keep their input order (files by name, each left to right), whatever the order on the command line', async () => {
    const a = await cohort(['screen', ...en.comma, '-o', join(dir, 'order-a')]);
    const b = await cohort(['screen', ...[...en.comma].reverse(), '-o', join(dir, 'order-b')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const [header] = records(join(dir, 'order-a', 'screening.csv'), ',') as [string[]];
    // comma-helse-vest.csv has Zeta, Alpha; comma-kommune.csv has Alpha, Mobil.
    expect(header.slice(-5)).toEqual(['Zeta', 'Alpha', 'Mobil', 'source_file', 'source_line']);
    expect(readFileSync(join(dir, 'order-b', 'screening.csv'))).toEqual(readFileSync(join(dir, 'order-a', 'screening.csv')));
  });
});

describe('allocation.csv and the lists in the output dialect', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('cohort-dialect-alloc-');
    const files = englishSample(dir, ',');
    const nb = await cohort(['allocate', ...files, '-o', join(dir, 'nb'), '--lang', 'nb']);
    const en = await cohort(['allocate', ...files, '-o', join(dir, 'en'), '--lang', 'en']);
    expect([nb.code, en.code]).toEqual([0, 0]);
  }, 120_000);

  it.each([
    ['nb', ';', '3,5'],
    ['en', ',', '3.5'],
  ] as const)('--lang %s: allocation.csv split by %j, the English 3.5 written %j, unknown columns in input order', (lang, delimiter, value) => {
    const [header, ...rows] = records(join(dir, lang, 'allocation.csv'), delimiter) as [string[], ...string[][]];
    // The headers in the language of the files (--lang), unknown columns as typed.
    const w = CATALOGUE[lang].files;
    const row = rows.find((r) => r[header.indexOf(w.columns.source_file)]?.endsWith('comma-helse-vest.csv') && r[header.indexOf(w.columns.source_line)] === '2');
    expect(row?.[header.indexOf(w.candidateColumns.experience_years)]).toBe(value);
    expect(header.slice(-5)).toEqual(['Zeta', 'Alpha', 'Mobil', w.columns.source_file, w.columns.source_line]);
    expect(header.slice(-5)).toEqual(lang === 'nb' ? ['Zeta', 'Alpha', 'Mobil', 'Kildefil', 'Kildelinje'] : ['Zeta', 'Alpha', 'Mobil', 'source_file', 'source_line']);
    // groups.csv in the same dialect and language.
    expect((records(join(dir, lang, 'groups.csv'), delimiter)[0] ?? []).slice(0, 3)).toEqual(lang === 'nb' ? ['Gruppetype', 'Nummer', 'ID'] : ['kind', 'number', 'id']);
  });

  it.each([
    ['en allocation (`,`), lists in bokmål', ';', 'en', ['--lang', 'nb']],
    ['en allocation (`,`), lists in English', ',', 'en', ['--lang', 'en']],
    ['nb allocation (`;`), lists in English', ';', 'nb', ['--lang', 'en']],
    ['en allocation, lists in bokmål, --delimiter ,', ',', 'en', ['--lang', 'nb', '--delimiter', ',']],
  ] as const)('%s → %j', async (what, delimiter, from, options) => {
    const out = join(dir, what.replace(/\W+/g, '-'));
    const r = await cohort(['lists', '-a', join(dir, from, 'allocation.csv'), '-o', out, ...options]);
    expect(r.code, r.stderr).toBe(0);
    const [header] = records(join(out, 'bi.csv'), delimiter) as [string[]];
    expect(header.length).toBe(10);
  });
});
