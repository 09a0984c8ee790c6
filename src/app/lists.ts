/**
 * `cohort lists --allocation allocation.csv --out DIR`: read an allocation (as allocate or replace wrote it, or
 * edited by hand) → build each nominating body's list and BI's admission list (src/lists, pure) → write them as
 * CSV in the coordinator's dialect. Each row carries the run's date and seed, so a later question can be traced
 * to the run. Names, e-mails and birth dates go into the files only; the terminal gets file names and counts.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, type InputIssue } from '../domain/errors.js';
import { EXIT } from '../domain/errors.js';
import { toCsv, writeOutputs, type OutputFile } from '../io/csv-write.js';
import { sheetName, workbookBytes, type XCell, type XColumn, type XSheet } from '../io/xlsx-write.js';
import type { EncodingChoice } from '../read/decode.js';
import { parseDate } from '../read/values.js';
import { buildLists, emailColumn, type ListEntry, type Lists } from '../lists/lists.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { ListsWords } from '../domain/i18n/catalogue.js';
import type { Lang } from '../domain/text.js';
import { readAllocationWithRun, type Warning } from './diff.js';
import { warningLines, type CommandOutcome } from './outcome.js';
import { outputDialect, outputLang } from './outputs.js';

export interface ListsOptions {
  /** Absolute working directory: relative paths are taken from it. */
  cwd: string;
  /** The allocation.csv to list (its dialect is detected). */
  allocation: string;
  out: string;
  encoding?: EncodingChoice | undefined;
  /** Delimiter of the lists; default `;` in bokmål (`lang`), else the allocation's own (`,` for a workbook). */
  delimiter?: string | undefined;
  /** The run's seed; default the one in the summary.json beside the allocation. */
  seed?: string | undefined;
  /** The run's date, `YYYY-MM-DD`; default the allocation file's modification date (local time). */
  date?: string | undefined;
  force: boolean;
  /** Language of the terminal, and of the files when neither `langAsked` nor the allocation's headers say. Default `nb`. */
  lang?: Lang | undefined;
  /** The files' language: `--lang` as given, else the allocation's headers' (app/outputs.ts `outputLang`). */
  langAsked?: Lang | undefined;
  /**
   * `csv`: one file per body and `bi.csv`; `xlsx`: one workbook `lists.xlsx` with a sheet per body and one for BI.
   * Default: `xlsx` when the allocation is a workbook, else `csv`.
   */
  format?: 'csv' | 'xlsx' | undefined;
}

/** The name of the workbook `--format xlsx` writes. */
export const LISTS_WORKBOOK = 'lists.xlsx';

/** The name of BI's admission list. */
export const ADMISSION_FILE = 'bi.csv';

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The files of the lists: one per body (`ks.csv`, `helse-vest.csv`, …) and BI's `bi.csv`. */
export function listFiles(lists: Lists, m: ListsWords, run: { date: string; seed: string }, delimiter: string): OutputFile[] {
  const date = m.date(run.date);
  const used = new Set([ADMISSION_FILE]);
  const files: OutputFile[] = [];
  const birth = (e: ListEntry) => (/^\d{4}-\d{2}-\d{2}$/.test(e.birthDate) ? m.date(e.birthDate) : e.birthDate);
  for (const l of lists.bodies) {
    let name = `${l.slug}.csv`;
    for (let i = 2; used.has(name); i++) name = `${l.slug}-${i}.csv`;
    used.add(name);
    const row = (e: ListEntry, status: string) => [status, e.reserveRank === null ? '' : String(e.reserveRank), e.id, e.name, e.position, e.email, e.organisation, e.gender, e.priority, l.body, date, run.seed];
    const rows = [...l.admitted.map((e) => row(e, m.admitted)), ...l.reserves.map((e) => row(e, m.reserve))];
    files.push({ name, content: toCsv(m.bodyHeader, rows, { delimiter }) });
  }
  const admission = lists.admission.map((e) => [e.id, e.name, birth(e), e.email, e.organisation, m.sector(e.sector), e.position, e.body, date, run.seed]);
  files.push({ name: ADMISSION_FILE, content: toCsv(m.admissionHeader, admission, { delimiter }) });
  return files;
}

/** The lists as one workbook: a sheet per body (named after it) and BI's admission list, typed cells. */
export function listWorkbook(lists: Lists, m: ListsWords, run: { date: string; seed: string }): Uint8Array {
  const taken = new Set<string>();
  const name = (wanted: string): string => {
    const n = sheetName(wanted, taken);
    taken.add(n.toLowerCase());
    return n;
  };
  const kinds = (header: readonly string[], numbers: readonly number[], dates: readonly number[]): XColumn[] =>
    header.map((h, i) => ({ header: h, kind: numbers.includes(i) ? 'number' : dates.includes(i) ? 'date' : 'text' }));
  const num = (text: string): XCell => (text === '' ? null : /^\d+$/.test(text) ? Number(text) : text);
  const date = (iso: string): XCell => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? { date: iso } : iso === '' ? null : iso);
  const sheets: XSheet[] = lists.bodies.map((l) => ({
    name: name(l.body),
    // Status, reserve rank, id, name, position, e-mail, organisation, gender, priority, body, run date, seed.
    columns: kinds(m.bodyHeader, [1, 8], [10]),
    rows: [...l.admitted.map((e) => [m.admitted, e] as const), ...l.reserves.map((e) => [m.reserve, e] as const)].map(([status, e]) => [
      status,
      e.reserveRank,
      e.id,
      e.name,
      e.position,
      e.email,
      e.organisation,
      e.gender,
      num(e.priority),
      l.body,
      date(run.date),
      run.seed,
    ]),
  }));
  sheets.push({
    name: name('BI'),
    // Id, name, birth date, e-mail, employer, sector, position, nominated by, run date, seed.
    columns: kinds(m.admissionHeader, [], [2, 8]),
    rows: lists.admission.map((e) => [e.id, e.name, date(e.birthDate), e.email, e.organisation, m.sector(e.sector), e.position, e.body, date(run.date), run.seed]),
  });
  return workbookBytes(sheets);
}

export function runLists(opts: ListsOptions): CommandOutcome {
  const lang = opts.lang ?? 'nb';
  const m = CATALOGUE[lang].lists;
  const issues: InputIssue[] = [];
  if (opts.date !== undefined) {
    const d = parseDate(opts.date);
    if (!d.ok || !/^\d{4}-\d{2}-\d{2}$/.test(opts.date.trim())) issues.push({ code: 'invalid_date', file: '--date', message: m.badDate(opts.date) });
  }
  const { read, issues: readIssues, warnings: readWarnings } = readAllocationWithRun(opts.allocation, opts.cwd, { ...CATALOGUE[lang].diff, noSummary: m.noSummary }, opts.encoding);
  issues.push(...readIssues);
  if (read === null || issues.length > 0) throw new InputError(issues);

  const { lists, problems } = buildLists(read.allocation.rows);
  for (const p of problems) issues.push({ code: p.code, file: opts.allocation, line: p.line, column: 'cell', message: `${p.id}: ${m.noBody}` });
  if (issues.length > 0) throw new InputError(issues, m.cannotList);

  const warnings: Warning[] = readWarnings.filter((w) => w.code !== 'no_summary' || opts.seed === undefined);
  if (lists.admission.length + lists.bodies.reduce((n, l) => n + l.reserves.length, 0) > 0 && !read.allocation.rows.some((r) => emailColumn(r.details.input) !== null)) {
    warnings.push({ code: 'no_email_column', message: m.noEmail });
  }
  const run = {
    date: opts.date?.trim() ?? localDate(statSync(resolve(opts.cwd, opts.allocation)).mtime),
    seed: opts.seed ?? read.run?.seed ?? m.unknownSeed,
  };
  // The lists are written in the allocation's language (its headers), as allocate writes its files.
  const fileLang = outputLang(opts.langAsked, [read.allocation.headers], lang);
  const fm = CATALOGUE[fileLang].lists;
  const format = opts.format ?? (read.allocation.encoding === 'xlsx' || read.allocation.encoding === 'ods' ? 'xlsx' : 'csv');
  const lines: string[] = [];
  if (format === 'xlsx') {
    writeOutputs(opts.out, [{ name: LISTS_WORKBOOK, content: listWorkbook(lists, fm, run) }], { force: opts.force, cwd: opts.cwd, inputs: [opts.allocation] });
    lines.push(m.wroteWorkbook(`${opts.out}/${LISTS_WORKBOOK}`, lists.bodies.length + 1));
    for (const l of lists.bodies) lines.push(m.bodyLine(l.body, l.body, l.admitted.length, l.reserves.length));
    lines.push(m.admissionLine('BI', lists.admission.length));
  } else {
    // Lists in bokmål are for a Norwegian spreadsheet (`;`); English ones keep the allocation's delimiter.
    const dialect = outputDialect(opts.delimiter, fileLang === 'nb', read.allocation.delimiter === '' ? undefined : read.allocation.delimiter);
    const files = listFiles(lists, fm, run, dialect.delimiter);
    writeOutputs(opts.out, files, { force: opts.force, cwd: opts.cwd, inputs: [opts.allocation] });
    lines.push(m.wrote(files.length, opts.out));
    lists.bodies.forEach((l, i) => lines.push(m.bodyLine(files[i]?.name ?? '', l.body, l.admitted.length, l.reserves.length)));
    lines.push(m.admissionLine(ADMISSION_FILE, lists.admission.length));
  }
  lines.push(m.run(run.date, opts.date === undefined ? 'file' : 'option', run.seed));
  return { stdout: `${lines.join('\n')}\n`, stderr: warningLines(warnings, m.warning), exitCode: EXIT.ok };
}
