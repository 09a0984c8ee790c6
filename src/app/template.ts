/**
 * `cohort template`: an empty candidates CSV with every recognised column, for setting up the application
 * form or the spreadsheet the nominating bodies fill in. Optionally one example row per sector, with
 * obviously fake data in the dialect's value forms, so that the coordinator sees what each column expects.
 *
 * A header-only template is a valid candidates file: `cohort screen` reads it as 0 candidates and exits 0
 * (a region with no applicants sends exactly that), and the example rows screen as eligible under the
 * built-in programme.
 */
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EXIT, OutputError } from '../domain/errors.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import { templateHeaders } from '../read/columns.js';
import { CANONICAL_COLUMNS, SECTORS, type CanonicalColumn, type Sector } from '../domain/types.js';
import { toCsv, writeOutputs } from '../io/csv-write.js';
import type { CommandOutcome } from './outcome.js';

export interface TemplateOptions {
  /** Header and example-value language: Norwegian labels and forms (`nb`) or canonical names (`en`). */
  lang: 'en' | 'nb';
  /** Field delimiter (`,`, `;` or a tab). Default: `;` for `nb` (what Norwegian Excel expects), `,` for `en`. */
  delimiter?: string | undefined;
  /** Add one example row per sector (ids `EKSEMPEL-1`… / `EXAMPLE-1`…). Default false. */
  example: boolean;
  /** Write the template to this file (UTF-8 with a BOM) instead of printing it (no BOM). */
  out?: string | undefined;
  /** Overwrite `out` when it exists. Default false. */
  force: boolean;
  /** The directory relative paths are taken from: the CLI's working directory. */
  cwd: string;
}

/** The delimiter a template is written with: the one asked for, else the dialect's usual one. */
export function templateDelimiter(lang: 'en' | 'nb', delimiter?: string): string {
  return delimiter ?? (lang === 'nb' ? ';' : ',');
}

type ExampleRow = Readonly<Record<CanonicalColumn, string>>;

/**
 * Clearly fake people (Kari and Ola Nordmann are the Norwegian placeholder names) who meet the built-in
 * programme's rules: a municipal candidate with a master's and 4.5 years (the decimal shows the form), and a
 * specialist candidate with a bachelor's and 6 years. The municipal RHF is left blank: it is derived.
 */
const EXAMPLES: Readonly<Record<'en' | 'nb', Readonly<Record<Sector, ExampleRow>>>> = {
  nb: {
    kommune: {
      id: 'EKSEMPEL-1',
      name: 'Kari Nordmann',
      birth_date: '31.12.1980',
      gender: 'Kvinne',
      sector: 'Kommune',
      rhf: '',
      organisation: 'Bergen kommune',
      position: 'Avdelingsleder',
      education: 'Master',
      experience_years: '4,5',
      priority: '',
      endorsed: 'Ja',
    },
    spesialist: {
      id: 'EKSEMPEL-2',
      name: 'Ola Nordmann',
      birth_date: '15.06.1975',
      gender: 'Mann',
      sector: 'Spesialist',
      rhf: 'Helse Vest',
      organisation: 'Helse Bergen HF',
      position: 'Klinikksjef',
      education: 'Bachelor',
      experience_years: '6',
      priority: '1',
      endorsed: 'Ja',
    },
  },
  en: {
    kommune: {
      id: 'EXAMPLE-1',
      name: 'Kari Nordmann',
      birth_date: '1980-12-31',
      gender: 'female',
      sector: 'kommune',
      rhf: '',
      organisation: 'Bergen kommune',
      position: 'Head of department',
      education: 'master',
      experience_years: '4.5',
      priority: '',
      endorsed: 'yes',
    },
    spesialist: {
      id: 'EXAMPLE-2',
      name: 'Ola Nordmann',
      birth_date: '1975-06-15',
      gender: 'male',
      sector: 'spesialist',
      rhf: 'Helse Vest',
      organisation: 'Helse Bergen HF',
      position: 'Clinic director',
      education: 'bachelor',
      experience_years: '6',
      priority: '1',
      endorsed: 'yes',
    },
  },
};

/** One example row per sector, cells in template column order. */
export function exampleRows(lang: 'en' | 'nb'): string[][] {
  return SECTORS.map((s) => CANONICAL_COLUMNS.map((c) => EXAMPLES[lang][s][c]));
}

/** The template's CSV text (CRLF, no BOM): the header row, plus the example rows when asked for. */
export function templateCsv(lang: 'en' | 'nb', delimiter: string, example: boolean): string {
  return toCsv(templateHeaders(lang), example ? exampleRows(lang) : [], { delimiter });
}

const UTF8_BOM = '\uFEFF';

/** Print the template, or write it to `out` (refusing to overwrite without `force`). */
export function runTemplate(opts: TemplateOptions): CommandOutcome {
  const csv = templateCsv(opts.lang, templateDelimiter(opts.lang, opts.delimiter), opts.example);
  if (opts.out === undefined) return { stdout: csv, stderr: '', exitCode: EXIT.ok };
  const name = basename(opts.out);
  // A directory (`.`, `out/`, an existing one) is a likely slip for `screen --out <dir>`: say so, rather than
  // let writeOutputs call a `.` name a bug or write a file named after the directory.
  const isDir = isDirectory(resolve(opts.cwd, opts.out));
  if (name === '' || name === '.' || name === '..' || /[\\/]$/.test(opts.out) || isDir) {
    throw new OutputError('E_OUT_FILE', `expected a file name for --out, got ${isDir ? 'the directory ' : ''}${JSON.stringify(opts.out)}`, { kind: 'out_file', path: opts.out, folder: isDir });
  }
  // The BOM in the content: Excel needs it whatever the file is called, and writeOutputs adds none twice.
  writeOutputs(dirname(opts.out), [{ name, content: UTF8_BOM + csv }], { force: opts.force, cwd: opts.cwd });
  const rows: number = opts.example ? SECTORS.length : 0;
  return {
    stdout: `${CATALOGUE[opts.lang].commands.wroteTemplate(opts.out, templateHeaders(opts.lang).length, rows)}\n`,
    stderr: '',
    exitCode: EXIT.ok,
  };
}

/** Whether `path` is (or links to) a directory; an unreadable path is left for writeOutputs to report. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}
