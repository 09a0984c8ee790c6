/**
 * File-level input problems in the chosen language (issue 14, item 4): a file that cannot be read as it is (missing,
 * a folder, too large, binary, empty, a workbook where a CSV file is read, a password, a hidden sheet …). Every
 * problem kind has its bokmål words from the catalogue (`FileProblem`), checked for English words left; English
 * keeps the reader's own message. A few real files run in-process through `cohort screen` and `cohort check`.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueFormatter, type InputIssue } from '../../src/domain/errors.js';
import type { FileProblem } from '../../src/domain/i18n/catalogue.js';
import { CATALOGUE } from '../../src/domain/i18n/index.js';
import { cohort, ROOT, SAMPLE_NB, tempDir } from './helpers.js';

/** One example of every file problem: a problem added to `FileProblem` without an example fails to compile. */
const EXAMPLES: { [K in FileProblem['problem']]: Extract<FileProblem, { problem: K }> } = {
  missing: { problem: 'missing' },
  permission: { problem: 'permission' },
  unreadable: { problem: 'unreadable', reason: 'EIO' },
  not_regular: { problem: 'not_regular', got: 'fifo', expected: 'config' },
  too_large: { problem: 'too_large', expected: 'table', maxBytes: 10 * 1024 * 1024, bytes: 12 * 1024 * 1024 },
  duplicate_file: { problem: 'duplicate_file' },
  workbook_not_csv: { problem: 'workbook_not_csv' },
  binary: { problem: 'binary' },
  not_utf8: { problem: 'not_utf8', byte: 'F8', because: 'bom' },
  empty: { problem: 'empty' },
  invalid_delimiter: { problem: 'invalid_delimiter', delimiter: '"' },
  unclosed_quote: { problem: 'unclosed_quote' },
  row_too_large: { problem: 'row_too_large', maxBytes: 1024 * 1024 },
  csv_syntax: { problem: 'csv_syntax', reason: 'CSV_INVALID' },
  too_many_rows: { problem: 'too_many_rows', max: 100_000, blank: false },
  too_many_columns: { problem: 'too_many_columns', max: 1000, got: 1200 },
  cell_too_long: { problem: 'cell_too_long', max: 10_000, got: 12_000 },
  empty_header: { problem: 'empty_header', column: 4, firstRow: 2 },
  formula: { problem: 'formula', formula: 'SUM(A1:A3)' },
  error_cell: { problem: 'error_cell', value: '#REF!' },
  merged: { problem: 'merged', range: 'B2:B4', header: false },
  no_header_above: { problem: 'no_header_above', headerRow: 1 },
  too_many_issues: { problem: 'too_many_issues', max: 1000, scope: 'file' },
  password: { problem: 'password' },
  xls: { problem: 'xls' },
  not_workbook: { problem: 'not_workbook' },
  corrupt_workbook: { problem: 'corrupt_workbook', reason: null },
  workbook_too_large: { problem: 'workbook_too_large', maxMiB: 64, partMiB: 32, parts: 1000 },
  no_sheet: { problem: 'no_sheet' },
  unknown_sheet: { problem: 'unknown_sheet', sheet: 'Ark9', sheets: ['Ark1', 'Ark2'] },
  hidden_sheet: { problem: 'hidden_sheet', visible: 'Merknad', hidden: 'Søkere' },
  empty_sheet: { problem: 'empty_sheet' },
};

/** Words of the readers' English messages that must not appear in a bokmål one. */
const ENGLISH = ['expected', 'got', 'file', 'files', 'column', 'row', 'rows', 'cell', 'cells', 'sheet', 'workbook', 'save', 'the', 'with', 'not', 'such', 'permission', 'denied', 'empty', 'header', 'bytes', 'most', 'password', 'hidden', 'value', 'seed'];
const englishIn = (text: string): string[] => ENGLISH.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'iu').test(text.replace(/«[^»]*»|"[^"]*"|\([A-Z_0-9]+\)|--[a-z]+/g, '')));

describe('every file problem has bokmål words', () => {
  it.each(Object.values(EXAMPLES))('$problem', (p) => {
    const issue: InputIssue = { code: 'x', file: 'kandidater.csv', message: 'the English message', params: { kind: 'file', ...p } };
    const nb = issueFormatter('nb')(issue);
    expect(nb).toMatch(/^Fil kandidater\.csv: \S/);
    expect(englishIn(nb), nb).toEqual([]);
    expect(issueFormatter('en')(issue)).toBe('kandidater.csv: the English message');
  });
});

const HEADER = 'Søknadsnummer;Navn;Fødselsdato;Kjønn;Sektor;RHF;Virksomhet;Stilling;Høyeste fullførte utdanning;Arbeidserfaring (år);Prioritet;Forankret';

interface Case {
  name: string;
  /** Writes the input into `dir` and returns the arguments of the command. */
  setup: (dir: string) => string[];
  nb: string;
  en: string;
}

const screen = (file: string) => ['screen', file, '--out', 'ut'];

const CASES: readonly Case[] = [
  { name: 'a missing file', setup: () => screen('finnes-ikke.csv'), nb: 'Fil finnes-ikke.csv: filen finnes ikke; sjekk navnet og mappen', en: 'finnes-ikke.csv: no such file' },
  {
    name: 'a folder',
    setup: (dir) => (mkdirSync(join(dir, 'mappe')), screen('mappe')),
    nb: 'Fil mappe: dette er en mappe, ikke en CSV-fil eller et regneark; oppgi en fil',
    en: 'mappe: expected a CSV file or a workbook, got a directory',
  },
  {
    name: 'an empty file',
    setup: (dir) => (writeFileSync(join(dir, 'tom.csv'), ''), screen('tom.csv')),
    nb: 'Fil tom.csv: filen er tom; den skal begynne med en overskriftsrad',
    en: 'tom.csv: expected a header row, the file has no content',
  },
  {
    name: 'a binary file',
    setup: (dir) => (writeFileSync(join(dir, 'binær.csv'), Buffer.from([0x41, 0x00, 0x42])), screen('binær.csv')),
    nb: 'Fil binær.csv, rad 1: filen er ingen tekstfil (den har en NUL-byte); er det et Excel-regneark (.xlsx)? I så fall lagre den som «CSV UTF-8»',
    en: 'binær.csv:1: expected a text file (CSV), got a NUL byte: is this an Excel workbook (.xlsx)? Save it as "CSV UTF-8"',
  },
  {
    name: 'a file over 10 MiB',
    setup: (dir) => (writeFileSync(join(dir, 'stor.csv'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)), screen('stor.csv')),
    nb: 'Fil stor.csv: filen er på 10485761 byte, men en CSV-fil eller et regneark kan være på høyst 10 MiB (10485760 byte); er det riktig fil?',
    en: 'stor.csv: expected a CSV file or a workbook of at most 10 MiB (10485760 bytes), got 10485761 bytes',
  },
  {
    name: 'a password-protected workbook',
    setup: (dir) => (copyFileSync(join(ROOT, 'fixtures', 'workbooks', 'password.xlsx'), join(dir, 'passord.xlsx')), screen('passord.xlsx')),
    nb: 'Fil passord.xlsx: regnearket er beskyttet med passord; lagre en kopi uten passord (Fil → Info → Beskytt arbeidsbok)',
    en: 'passord.xlsx: expected a workbook without a password, got one protected by a password: remove it (File → Info → Protect Workbook) or save a copy without it',
  },
  {
    name: 'a UTF-8 file with a byte that is not',
    setup: (dir) => (writeFileSync(join(dir, 'bom.csv'), Buffer.concat([Buffer.from('\uFEFF' + HEADER + '\n', 'utf8'), Buffer.from([0x42, 0xf8, 0x0a])])), screen('bom.csv')),
    nb: 'Fil bom.csv, rad 2: byten 0xF8 er ikke UTF-8 (filen begynner med et UTF-8-merke (BOM)); lagre den som «CSV UTF-8» eller bruk --encoding cp1252',
    en: 'bom.csv:2: expected UTF-8 (the file starts with a UTF-8 byte-order mark), got the byte 0xF8, which is not UTF-8; save the file as "CSV UTF-8" or use --encoding cp1252',
  },
  {
    name: 'the same file twice',
    setup: () => ['screen', SAMPLE_NB[0] ?? '', SAMPLE_NB[0] ?? '', '--out', 'ut'],
    nb: `Fil ${SAMPLE_NB[0] ?? ''}: filen er oppgitt to ganger på kommandolinjen; ta den med bare én gang`,
    en: `${SAMPLE_NB[0] ?? ''}: the same file is named twice on the command line`,
  },
  {
    name: 'a quote never closed',
    setup: (dir) => (writeFileSync(join(dir, 'sitat.csv'), `${HEADER}\nTLP-0001;"Mari\n`), screen('sitat.csv')),
    nb: 'Fil sitat.csv, rad 2: et anførselstegn (") i raden som begynner her, lukkes aldri før filen slutter; sett inn det avsluttende anførselstegnet',
    en: 'sitat.csv:2: expected a closing quote (") for a quoted cell in the row starting here, reached the end of the file',
  },
  {
    name: 'a workbook where a CSV file is read (--locks)',
    setup: (dir) => (copyFileSync(join(ROOT, 'fixtures', 'workbooks', 'password.xlsx'), join(dir, 'laaser.xlsx')), ['allocate', ...SAMPLE_NB, '--locks', 'laaser.xlsx', '--dry-run']),
    nb: 'Fil laaser.xlsx, rad 1: filen er ingen tekstfil (den har en NUL-byte); er det et Excel-regneark (.xlsx)? I så fall lagre den som «CSV UTF-8»',
    en: 'laaser.xlsx:1: expected a text file (CSV), got a NUL byte: is this an Excel workbook (.xlsx)? Save it as "CSV UTF-8"',
  },
];

describe('file problems of real inputs in the chosen language', () => {
  it.each(CASES)('$name', async (c) => {
    const dir = tempDir('cohort-filewords-');
    const args = c.setup(dir);
    const nb = await cohort([...args, '--lang', 'nb'], dir);
    expect(nb.code).toBe(3);
    expect(nb.stderr.trimEnd().split('\n').slice(1)).toContain(`  ${c.nb}`);
    expect(englishIn(nb.stderr.split('\n').slice(1).join('\n')), nb.stderr).toEqual([]);
    const en = await cohort([...args, '--lang', 'en'], dir);
    expect(en.code).toBe(3);
    expect(en.stderr.trimEnd().split('\n').slice(1)).toContain(`  ${c.en}`);
  });
});

/** A report path the run cannot write, named by the option that gave it, in each language. */
const REPORT_CASES: ReadonlyArray<{ name: string; args: (dir: string) => string[]; nb: string; en: string; code?: number }> = [
  {
    name: 'allocate --report naming a folder path',
    args: () => ['allocate', ...SAMPLE_NB, '--out', 'ut', '--report', 'rapporter/'],
    nb: 'cohort: --report: «rapporter/» er ikke et filnavn; skriv for eksempel report.html (E_REPORT_PATH)',
    en: 'cohort: --report: expected a file name like report.html, got "rapporter/" (E_REPORT_PATH)',
  },
  {
    name: 'allocate --report naming one of the run\'s own files',
    args: () => ['allocate', ...SAMPLE_NB, '--out', 'ut', '--report', 'ut/summary.json'],
    nb: 'cohort: --report: ut/summary.json ville skrive over kjøringens egen summary.json; velg et annet navn (E_REPORT_PATH)',
    en: "cohort: --report: ut/summary.json would overwrite the run's own summary.json; choose another name (E_REPORT_PATH)",
  },
  {
    name: 'allocate --report in the --out folder, taken by a folder',
    args: (dir) => (mkdirSync(join(dir, 'ut', 'rapport.html'), { recursive: true }), ['allocate', ...SAMPLE_NB, '--out', 'ut', '--report', 'ut/rapport.html']),
    nb: 'cohort: ut/rapport.html finnes og er ingen vanlig fil; velg en annen sti for --report (E_NOT_FILE)',
    en: 'cohort: ut/rapport.html exists and is not a regular file; choose another --report path (E_NOT_FILE)',
  },
  {
    name: 'an --out file taken by a folder',
    args: (dir) => (mkdirSync(join(dir, 'ut', 'summary.json'), { recursive: true }), ['allocate', ...SAMPLE_NB, '--out', 'ut']),
    nb: 'cohort: ut/summary.json finnes og er ingen vanlig fil; velg en annen mappe for --out (E_NOT_FILE)',
    en: 'cohort: ut/summary.json exists and is not a regular file; choose another --out directory (E_NOT_FILE)',
  },
  {
    name: 'diff --report naming no file',
    args: () => ['diff', join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv'), join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv'), '--report', '.'],
    nb: 'cohort diff: --report: «.» er ikke et filnavn; skriv for eksempel diff.html (E_REPORT_PATH)',
    en: 'cohort diff: --report: expected a file name like diff.html, got "." (E_REPORT_PATH)',
    code: 2,
  },
];

describe('report paths in the chosen language, naming the option that gave them', () => {
  it.each(REPORT_CASES)('$name', async (c) => {
    for (const [lang, want] of [['nb', c.nb], ['en', c.en]] as const) {
      const dir = tempDir('cohort-reportpath-');
      const r = await cohort([...c.args(dir), '--lang', lang], dir);
      expect(r.code, r.stderr).toBe(c.code ?? 3);
      expect(r.stderr).toBe(`${want}\n`);
    }
  });
});

/** Problems of the other inputs (locks, programme file, options) and the commands' own lines, in bokmål from the catalogue. */
const OTHER_CASES: ReadonlyArray<{ name: string; setup: (dir: string) => string[]; nb: readonly string[]; code: number }> = [
  {
    name: 'a locks file with an unknown rule, a group that is no number and no other id',
    setup: (dir) => (writeFileSync(join(dir, 'laaser.csv'), 'regel;id;annen\nforby;TLP-0001;\ngruppe;TLP-0003;x\nadskilt;TLP-0004;\n'), ['allocate', ...SAMPLE_NB, '--locks', 'laaser.csv', '--dry-run']),
    nb: [
      'Fil laaser.csv, rad 2, kolonne «regel»: «forby» er ingen kjent regel; skriv inkluder, ekskluder, gruppe, adskilt eller sammen (eller det samme på engelsk)',
      'Fil laaser.csv, rad 3, kolonne «annen»: «x» er ikke et nummer på en verkstedgruppe; skriv et helt tall fra 1',
      'Fil laaser.csv, rad 4, kolonne «annen»: regelen «adskilt» trenger søknadsnummeret til en annen deltaker i denne kolonnen',
    ],
    code: 3,
  },
  {
    name: 'a locks file without its columns',
    setup: (dir) => (writeFileSync(join(dir, 'laaser.csv'), 'hva;hvem\ninkluder;TLP-0001\n'), ['allocate', ...SAMPLE_NB, '--locks', 'laaser.csv', '--dry-run']),
    nb: ['Fil laaser.csv, rad 1: kolonnen «regel» mangler i overskriftsraden; vedtaksfilen har kolonnene regel, id og annen'],
    code: 3,
  },
  {
    name: 'an --include id that is no candidate',
    setup: () => ['allocate', ...SAMPLE_NB, '--include', 'TLP-7777', '--dry-run'],
    nb: ['Valget --include: søknadsnummeret «TLP-7777» finnes ikke i kandidatfilene; rett det, eller ta med filen kandidaten står i'],
    code: 3,
  },
  {
    name: 'a programme file that is no JSON',
    setup: (dir) => (writeFileSync(join(dir, 'program.json'), '{ "seats": 40, '), ['rules', '--config', 'program.json']),
    nb: ['Fil program.json, linje 1: filen er ikke gyldig JSON (ved tegn 16 i linjen); sjekk komma, klammeparenteser og anførselstegn rundt navnene'],
    code: 3,
  },
  {
    name: 'a programme file with a bad value, an unknown key and a key twice',
    setup: (dir) => {
      const p = JSON.parse(readFileSync(join(ROOT, 'data', 'programme.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'program.json'), JSON.stringify({ ...p, seats: -3, ukjent: 1 }, null, 2).replace('{', '{\n  "startDate": "2026-02-30",'));
      return ['rules', '--config', 'program.json'];
    },
    nb: ['startDate: nøkkelen står to ganger (JSON ville i det stille beholde bare den siste); slett den ene', 'seats: skriv et positivt heltall, for eksempel 4', 'øverste nivå: ukjent nøkkel «ukjent»; slett den eller rett skrivemåten'],
    code: 3,
  },
  {
    name: 'replace: a withdrawal of an id not in the allocation',
    setup: () => ['replace', '--candidates', ...SAMPLE_NB, '--allocation', join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv'), '--withdraw', 'TLP-7777', '--out', 'ny'],
    nb: ['cohort: 1 feil i endringen du ba om (E_INPUT); ingenting er skrevet:', 'Valget --withdraw: søknadsnummeret «TLP-7777» finnes ikke i fordelingen; rett det'],
    code: 3,
  },
  {
    name: 'a time limit out of range',
    setup: () => ['allocate', ...SAMPLE_NB, '--time-limit', '0', '--dry-run'],
    nb: ['Skriv et antall sekunder fra 0,001 til 2147483,647.'],
    code: 2,
  },
  {
    name: 'cohort rules: the lottery key in words (was "Seed for loddtrekning")',
    setup: () => ['rules'],
    nb: ['Loddtrekningsnøkkel ved likt rangerte: "topplederprogram" (cohort allocate --seed overstyrer den).'],
    code: 0,
  },
  {
    name: 'template --out naming a folder',
    setup: (dir) => (mkdirSync(join(dir, 'mappe')), ['template', '--out', 'mappe']),
    nb: ['cohort: --out: «mappe» er en mappe; skriv et filnavn, for eksempel kandidater.csv (E_OUT_FILE)'],
    code: 3,
  },
  {
    name: 'lists --date that is no ISO date',
    setup: () => ['lists', '--allocation', join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv'), '--out', 'lister', '--date', '20.04.2026'],
    nb: ['Valget --date: «20.04.2026» er ikke en dato på formen åååå-mm-dd; skriv for eksempel 2026-04-20'],
    code: 3,
  },
  {
    name: 'cohort report: its lines',
    setup: () => ['report', '--candidates', ...SAMPLE_NB, '--allocation', join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv'), '--output', 'rapport.html'],
    nb: ['Laget rapporten fra ', '(40 tatt opp, ', 'Alle programreglene er oppfylt.', 'Skrev rapporten rapport.html.'],
    code: 0,
  },
];

describe('locks, programme files, options and the commands\' own lines in bokmål', () => {
  it.each(OTHER_CASES)('$name', async (c) => {
    const dir = tempDir('cohort-otherwords-');
    const r = await cohort([...c.setup(dir), '--lang', 'nb'], dir);
    expect(r.code, r.stderr).toBe(c.code);
    for (const line of c.nb) expect(r.stdout + r.stderr).toContain(line);
    const said = (r.stdout + r.stderr).replace(/--[a-z-]+( <[a-z]+>)?/g, '');
    expect(englishIn(said), said).toEqual([]);
  });
});

describe("the checker's group and team findings have bokmål words (cohort check keeps the English detail for English only)", () => {
  it.each(['group_size', 'group_count', 'group_numbering', 'group_sector_mix', 'group_org_clash', 'team_org_clash'])('%s', (code) => {
    const text = CATALOGUE.nb.check.finding(code, ['TLP-0001'], 'group 1 has 12 members, expected 6–8', null);
    expect(text).not.toContain('group 1');
    expect(text).toMatch(/ \(TLP-0001\)$/);
    expect(englishIn(text)).toEqual([]);
    expect(CATALOGUE.en.check.finding(code, ['TLP-0001'], 'group 1 has 12 members, expected 6–8', null)).toContain('group 1 has 12 members');
  });
});
