#!/usr/bin/env node
/**
 * Remakes fixtures/workbooks/ with LibreOffice Calc (headless `soffice --convert-to`), the program and the save
 * dialogs a coordinator uses. Needs `soffice` on the PATH (Debian: apt-get install libreoffice-calc-nogui);
 * the tests read the committed files and never need LibreOffice.
 *
 *   node scripts/make-workbook-fixtures.mjs
 *
 * - sample-nb/*.xlsx, sample-nb/*.ods: the Norwegian sample CSVs (`;`, Windows-1252) opened with Norwegian
 *   (bokmål) locale settings, so that 31.12.1980 becomes a date cell and 13,5 a number, then saved.
 * - sample-en/*.xlsx: the English sample CSVs (`,`, UTF-8) opened with English (US) settings, then saved.
 * - traps.xlsx / traps.ods: saved from traps.fods, a flat ODS written below, one sheet per trap.
 * - sample-nb-csv/: the Norwegian sample re-saved from LibreOffice as CSV in the dialects its save dialog offers.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'fixtures', 'workbooks');
const FILES = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'];
// Filter options of LibreOffice's CSV filter: separator, quote, charset (1 = Windows-1252, 76 = UTF-8,
// 4 = IBM 850), first line, column formats, language (1044 Norwegian bokmål, 1033 English US).
const NB_IN = 'CSV:59,34,1,1,,1044';
const EN_IN = 'CSV:44,34,76,1,,1033';

/**
 * One soffice run over several files. A private profile keeps a coordinator's own settings out of the fixtures;
 * LANG is the locale of a Norwegian or an English LibreOffice, which decides how dates and decimals are saved.
 */
function convert(inputs, format, outDir, { infilter, lang }) {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', format, '--outdir', outDir, ...inputs];
    execFileSync('soffice', args, { stdio: 'pipe', env: { ...process.env, LANG: lang, LC_ALL: lang } });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// `--bad-input` remakes only the bad-input workbooks (hidden sheets, password) and leaves the others as they are.
const ONLY_BAD_INPUT = process.argv.includes('--bad-input');
// The encrypted workbook needs a package the project does not depend on (below): kept when it cannot be remade.
let previousPassword = null;
try {
  previousPassword = readFileSync(join(OUT, 'password.xlsx'));
} catch {
  // Not made yet.
}
if (!ONLY_BAD_INPUT) {
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const NB = { infilter: NB_IN, lang: 'nb_NO.UTF-8' };
const EN = { infilter: EN_IN, lang: 'en_US.UTF-8' };
const nbFiles = FILES.map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`));
const enFiles = FILES.map((f) => join(ROOT, 'fixtures', 'sample', 'en', `${f}.csv`));
convert(nbFiles, 'xlsx', join(OUT, 'sample-nb'), NB);
convert(nbFiles, 'ods', join(OUT, 'sample-nb'), NB);
convert(enFiles, 'xlsx', join(OUT, 'sample-en'), EN);
// CSV as LibreOffice saves it: `,` UTF-8, tab, and "MS-DOS" (IBM 850) with `;`, each opened first as a
// coordinator would (written to a temporary folder first: the output name equals the input name).
for (const [name, filter] of [
  ['comma-utf8', 'csv:Text - txt - csv (StarCalc):44,34,76,1'],
  ['tab-utf8', 'csv:Text - txt - csv (StarCalc):9,34,76,1'],
  ['semicolon-cp850', 'csv:Text - txt - csv (StarCalc):59,34,4,1'],
]) {
  const tmp = mkdtempSync(join(tmpdir(), 'lo-csv-'));
  convert(nbFiles, filter, tmp, NB);
  mkdirSync(join(OUT, 'sample-nb-csv', name), { recursive: true });
  for (const f of FILES) renameSync(join(tmp, `${f}.csv`), join(OUT, 'sample-nb-csv', name, `${f}.csv`));
  rmSync(tmp, { recursive: true, force: true });
}

}

// ---------------------------------------------------------------------------------------------------------
// traps.fods: one sheet per trap, written as LibreOffice's flat XML and saved by LibreOffice as .xlsx and .ods.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A cell: a string, { date: 'YYYY-MM-DD' }, { number, style? }, { formula, number }, or { span, text }. */
function cell(c) {
  if (c === null || c === undefined || c === '') return '<table:table-cell/>';
  if (typeof c === 'string') return `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`;
  if (c.date) return `<table:table-cell table:style-name="cdate" office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`;
  if (c.formula) return `<table:table-cell table:formula="of:${esc(c.formula)}" office:value-type="float" office:value="${c.number}"><text:p>${c.number}</text:p></table:table-cell>`;
  if (c.span) return `<table:table-cell table:number-columns-spanned="${c.span}" office:value-type="string"><text:p>${esc(c.text)}</text:p></table:table-cell>${'<table:covered-table-cell/>'.repeat(c.span - 1)}`;
  const style = c.style ? ` table:style-name="${c.style}"` : '';
  return `<table:table-cell${style} office:value-type="float" office:value="${c.number}"><text:p>${c.number}</text:p></table:table-cell>`;
}
function sheet(name, rows) {
  return `<table:table table:name="${esc(name)}">${rows.map((r) => `<table:table-row>${r.map(cell).join('')}</table:table-row>`).join('')}</table:table>`;
}

const HEADER = ['Søknadsnummer', 'Navn', 'Fødselsdato', 'Kjønn', 'Sektor', 'RHF', 'Virksomhet', 'Stilling', 'Høyeste fullførte utdanning', 'Arbeidserfaring (år)', 'Prioritet', 'Forankret'];
const person = (id, over = {}) => {
  const base = { id, name: 'Kari Nordmann', birth: { date: '1980-12-31' }, gender: 'Kvinne', sector: 'Spesialisthelsetjenesten', rhf: 'Helse Vest', org: 'Helse Bergen HF', pos: 'Klinikkdirektør', edu: 'Master', exp: { number: 10.5 }, prio: { number: 1 }, ok: 'Ja', ...over };
  return [base.id, base.name, base.birth, base.gender, base.sector, base.rhf, base.org, base.pos, base.edu, base.exp, base.prio, base.ok];
};

const sheets = [
  // A merged title row and a blank row above the header; text ids with leading zeros; a numeric id shown as
  // 000004 by its format; dates as date cells shown dd.mm.yyyy.
  [
    'Kandidater',
    [
      [{ span: 12, text: 'Kandidater Helse Vest 2026' }],
      [],
      HEADER,
      person('000123'),
      person('000124', { name: 'Ola Nordmann', gender: 'Mann', org: 'Helse Stavanger HF', prio: { number: 2 }, exp: { number: 4 } }),
      person({ number: 4, style: 'czeros' }, { name: 'Per Hansen', gender: 'Mann', org: 'Helse Fonna HF', prio: { number: 3 } }),
    ],
  ],
  // Every trap a re-save can set, one per row.
  [
    'Feil',
    [
      HEADER,
      person({ number: '20260000000000001' }),
      person('F2', { birth: { formula: 'DATE(1980;12;31)', number: 29586 } }),
      person('F3', { exp: { date: '2026-05-03' } }),
      person('F4', { edu: 'Bachelor pågår' }),
      person('F5', { edu: 'Master?' }),
    ],
  ],
  ['Flettet', [[{ span: 2, text: 'Søknadsnummer' }, 'Fødselsdato', 'Sektor', 'Virksomhet', 'Høyeste fullførte utdanning', 'Arbeidserfaring (år)'], ['X1', '', { date: '1980-12-31' }, 'kommune', 'Bergen', 'Master', { number: 5 }]]],
  ['Tom', []],
];

const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="ndate"><number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/></number:date-style>
<number:number-style style:name="nzeros"><number:number number:decimal-places="0" number:min-integer-digits="6"/></number:number-style>
<style:style style:name="cdate" style:family="table-cell" style:data-style-name="ndate"/>
<style:style style:name="czeros" style:family="table-cell" style:data-style-name="nzeros"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${sheets.map(([n, r]) => sheet(n, r)).join('')}</office:spreadsheet></office:body>
</office:document>
`;
if (!ONLY_BAD_INPUT) {
  const tmp = mkdtempSync(join(tmpdir(), 'lo-traps-'));
  writeFileSync(join(tmp, 'traps.fods'), fods);
  convert([join(tmp, 'traps.fods')], 'xlsx', OUT, { lang: 'nb_NO.UTF-8' });
  convert([join(tmp, 'traps.fods')], 'ods', OUT, { lang: 'nb_NO.UTF-8' });
  copyFileSync(join(tmp, 'traps.fods'), join(OUT, 'traps.fods'));
  rmSync(tmp, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------------
// Bad input: a hidden first sheet, and a password.
// hidden-first.fods: a hidden first sheet (old lookup lists) before the visible candidates, which are read.
// hidden-candidates.fods: the candidates on a hidden sheet, only a note visible: refused, naming the hidden sheet.
const HIDDEN_STYLE = '<style:style style:name="tahidden" style:family="table"><style:table-properties table:display="false"/></style:style>';
const hiddenFods = (tables) => fods.replace('</office:automatic-styles>', `${HIDDEN_STYLE}</office:automatic-styles>`).replace(/<office:spreadsheet>.*<\/office:spreadsheet>/s, `<office:spreadsheet>${tables}</office:spreadsheet>`);
const hide = (xml) => xml.replace('<table:table ', '<table:table table:style-name="tahidden" ');
const candidates = [HEADER, person('H1'), person('H2', { name: 'Ola Nordmann', gender: 'Mann', org: 'Helse Stavanger HF', prio: { number: 2 } })];
const tmpHidden = mkdtempSync(join(tmpdir(), 'lo-hidden-'));
writeFileSync(join(tmpHidden, 'hidden-first.fods'), hiddenFods(hide(sheet('Oppslag', [['Sektor'], ['Kommune'], ['Spesialist']])) + sheet('Kandidater', candidates)));
writeFileSync(join(tmpHidden, 'hidden-candidates.fods'), hiddenFods(hide(sheet('Kandidater', candidates)) + sheet('Veiledning', [['Fyll inn kandidatene i arket Kandidater.']])));
const hiddenFiles = [join(tmpHidden, 'hidden-first.fods'), join(tmpHidden, 'hidden-candidates.fods')];
convert(hiddenFiles, 'ods', OUT, { lang: 'nb_NO.UTF-8' });
// LibreOffice 7.4 run headless saves every sheet of an .xlsx as visible (an .ods keeps the hidden one): the .xlsx
// is LibreOffice's, its first sheet then marked hidden as Excel marks it (state="hidden"), by the reader's library.
convert(hiddenFiles, 'xlsx', OUT, { lang: 'nb_NO.UTF-8' });
{
  const { createRequire } = await import('node:module');
  const XLSX = createRequire(import.meta.url)('@e965/xlsx');
  for (const name of ['hidden-first.xlsx', 'hidden-candidates.xlsx']) {
    const wb = XLSX.read(readFileSync(join(OUT, name)), { cellStyles: true, cellNF: true, cellDates: false });
    wb.Workbook ??= {};
    wb.Workbook.Sheets = wb.SheetNames.map((n, i) => ({ name: n, Hidden: i === 0 ? 1 : 0 }));
    writeFileSync(join(OUT, name), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }));
  }
}
rmSync(tmpHidden, { recursive: true, force: true });

// password.xlsx: sample-nb/helse-vest.xlsx encrypted with the password "hemmelig" (ECMA-376 agile encryption, as
// Excel's File → Info → Protect Workbook → Encrypt with Password writes it) by the npm package officecrypto-tool,
// which is no dependency of the project: run with it on NODE_PATH to remake this file, else the previous one is kept.
try {
  const { createRequire } = await import('node:module');
  const officeCrypto = createRequire(import.meta.url)('officecrypto-tool');
  const plain = readFileSync(join(OUT, 'sample-nb', 'helse-vest.xlsx'));
  writeFileSync(join(OUT, 'password.xlsx'), await officeCrypto.encrypt(plain, { password: 'hemmelig' }));
} catch (err) {
  if (previousPassword !== null) writeFileSync(join(OUT, 'password.xlsx'), previousPassword);
  console.warn(`password.xlsx not remade (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
}

for (const d of readdirSync(OUT)) console.log(basename(d));
