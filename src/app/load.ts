/**
 * Reading the inputs of a command: the programme config, the reference data and the candidate files.
 * Collects every problem in every file; throws one InputError (nothing is written) when there is any.
 */
import { createHash } from 'node:crypto';
import { InputError, type InputIssue } from '../domain/errors.js';
import { readCandidates, type ReadResult } from '../read/candidates.js';
import { screen, type ScreeningResult } from '../stages/screen/eligibility.js';
import type { Programme } from '../domain/programme.js';
import type { ReferenceData } from '../read/reference.js';
import type { EncodingChoice } from '../read/decode.js';
import { loadProgramme } from '../io/config-load.js';
import { loadReferenceData } from '../io/reference-load.js';
import { readInputFile } from '../io/input-file.js';
import { INPUT_LIMITS } from '../read/csv.js';
import { runRecordPath } from '../read/run-summary.js';
import { workbookKind } from '../read/sheet.js';
import { sheetLib } from '../io/workbook-lib.js';
import type { Lang } from '../domain/text.js';
import { outputDialect, outputLang } from './outputs.js';

/** Larger files are refused before reading them into memory (the reader's own limit). */
const MAX_INPUT_BYTES = INPUT_LIMITS.maxFileBytes;

export interface InputOptions {
  /** Candidate files, as the user named them (messages and summaries keep these names). */
  files: readonly string[];
  /** The directory relative paths are taken from: the CLI's working directory. */
  cwd: string;
  /** Programme config path; undefined for the built-in programme. */
  config?: string | undefined;
  delimiter?: string | undefined;
  encoding: EncodingChoice;
  /** The sheet to read in workbook inputs (`--sheet`); default each workbook's first visible sheet. */
  sheet?: string | undefined;
  /** The language of the run (`--lang`, else the environment's): the files' language when their headers do not say. */
  lang?: Lang | undefined;
  /**
   * `--lang` as given: the language of the files written (headers, values, dialect); undefined: the candidate
   * files' headers decide (see `outputLang`).
   */
  langAsked?: Lang | undefined;
}

export interface FileHash {
  file: string;
  sha256: string;
  bytes: number;
}

export interface LoadedInputs {
  programme: Programme;
  programmeSource: string;
  programmeSha256: string;
  reference: ReferenceData;
  read: ReadResult;
  screening: ScreeningResult;
  inputHashes: FileHash[];
  /**
   * The delimiter of the CSV outputs: `--delimiter`; else `;` for Norwegian output (`outputLang`); else the first
   * CSV input's (`,` when all are workbooks).
   */
  outputDelimiter: string;
  /** The decimal separator of numbers in the CSV outputs (`outputDialect`). */
  outputDecimal: ',' | '.';
  /** The language of the files written: their headers and values (`outputLang`). */
  outputLang: Lang;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Read the raw bytes of every CSV or workbook input (candidate files, and the one locks or allocation file); a
 * missing file, a directory, FIFO or device, an oversized file and a file named twice are located issues (see
 * readInputFile). A relative name is taken from `cwd`; each file keeps its name as given.
 */
export function readFiles(files: readonly string[], cwd: string): { files: Array<{ name: string; bytes: Uint8Array }>; issues: InputIssue[] } {
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const name of files) {
    if (seen.has(name)) {
      issues.push({ code: 'duplicate_file', file: name, message: 'the same file is named twice on the command line', params: { kind: 'file', problem: 'duplicate_file' } });
      continue;
    }
    seen.add(name);
    const read = readInputFile(name, { what: 'a CSV file or a workbook', expected: 'table', maxBytes: MAX_INPUT_BYTES }, cwd);
    if (read.ok) out.push({ name, bytes: read.bytes });
    else issues.push(read.issue);
  }
  return { files: out, issues };
}

/** Every input file a command names (candidates, config, locks, allocation, previous run): outputs must never overwrite one. */
export function inputPaths(opts: InputOptions & { locks?: string | undefined; allocation?: string | undefined; previous?: string | undefined }): string[] {
  // The previous allocation's summary.json is read beside it (its run record): an input too.
  const record = opts.previous === undefined ? undefined : runRecordPath(opts.previous);
  return [...opts.files, opts.config, opts.locks, opts.allocation, opts.previous, record].filter((p): p is string => p !== undefined);
}

/** Load config, reference data and candidates, and screen them. Throws InputError/ConfigError. */
export function loadInputs(opts: InputOptions): LoadedInputs {
  const loaded = loadProgramme(opts.config, opts.cwd);
  const reference = loadReferenceData();
  const { files, issues } = readFiles(opts.files, opts.cwd);
  // The spreadsheet library is loaded only when a workbook is among the inputs.
  const lib = files.some((f) => workbookKind(f.bytes) !== null) ? sheetLib() : undefined;
  const read = readCandidates(files, { delimiter: opts.delimiter, encoding: opts.encoding, sheet: opts.sheet, sheetLib: lib }, reference);
  const allIssues = [...issues, ...read.issues];
  if (allIssues.length > 0) throw new InputError(allIssues);
  const screening = screen(read.candidates, loaded.programme);
  const lang = outputLang(opts.langAsked, read.files.map((f) => f.headers), opts.lang ?? 'nb');
  const dialect = outputDialect(opts.delimiter, lang === 'nb', read.files.find((f) => f.delimiter !== '')?.delimiter);
  return {
    programme: loaded.programme,
    programmeSource: loaded.source,
    programmeSha256: loaded.sha256,
    reference,
    read,
    screening,
    inputHashes: files.map((f) => ({ file: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length })),
    outputDelimiter: dialect.delimiter,
    outputDecimal: dialect.decimal,
    outputLang: lang,
  };
}

/** Each input file as summaries record it: name, SHA-256, detected dialect and data rows. */
export function inputRecords(inputs: LoadedInputs): Array<{ file: string; sha256: string; encoding: string; delimiter: string; rows: number }> {
  return inputs.read.files.map((f) => ({
    file: f.name,
    sha256: inputs.inputHashes.find((h) => h.file === f.name)?.sha256 ?? '',
    encoding: f.encoding,
    delimiter: f.delimiter,
    rows: f.rows,
  }));
}
