/**
 * Error classes, split by audience. Every error has a stable string `code` and maps to one exit code.
 * The exit-code table is a public contract (README, `--help`, tests).
 *
 * Messages quote input (cells, headers, file names, option values). Everything that turns an error into text
 * goes through `escapeControls` here, so that no control character reaches a terminal raw: `formatIssue` for
 * the located issues, the constructors for the one-line messages.
 */
import { escapeControls } from './escape.js';
import { CATALOGUE } from './i18n/index.js';
import type { IssueParams, OutputParams } from './i18n/catalogue.js';
import type { Lang } from './text.js';

/** Exit codes of every `cohort` command. */
export const EXIT = {
  /** Success: the run worked and every programme rule is met. */
  ok: 0,
  /** The run worked and wrote its output, but a programme rule is not met (shortfall, gender rule, check failed). */
  ruleNotMet: 1,
  /** Usage error: unknown option, missing argument (commander's own code). */
  usage: 2,
  /** Invalid input data or config: the user can fix a file. Nothing was written. */
  invalidInput: 3,
  /** Internal error: a bug. A stack trace and a "please report" line are printed. */
  internal: 4,
  /** No result within the time limit: a stage's solvers found no solution within `--time-limit`. Nothing was written. */
  timeLimit: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One located problem in an input file. Never carries personal data beyond the offending cell. */
export interface InputIssue {
  /** Stable machine code, e.g. `invalid_date`, `duplicate_id`, `missing_column`. */
  code: string;
  /** File as given on the command line (or a config path). */
  file: string;
  /**
   * 1-based row as a spreadsheet shows the file (for a CSV file: records counted from the top, so a quoted cell
   * with line breaks is one row); for an undecodable file, the line of the bad byte. Undefined for whole-file
   * problems.
   */
  line?: number | undefined;
  /** Column name as written in the header (or canonical name when the column is missing). */
  column?: string | undefined;
  /** A workbook's sheet the problem is in; undefined for a CSV file. */
  sheet?: string | undefined;
  /** A workbook's cell address, e.g. `B14`; undefined for a CSV file and for row-level problems. */
  cell?: string | undefined;
  /** Human text in English: what was expected and what was found. */
  message: string;
  /** The problem in structured form, for the other languages' words (see `IssueParams`); undefined: `message` only. */
  params?: IssueParams | undefined;
}

/** One issue as an English line: `file:line column "header": message` (see `issueFormatter`). */
export function formatIssue(i: InputIssue): string {
  return issueFormatter('en')(i);
}

/**
 * One issue as a line in `lang`: where (`file:line column "header"`, or `file, sheet "S", cell B14 …`; in bokmål
 * `Fil f.csv, rad 14, kolonne «Fødselsdato»`) and what. Every control or invisible character of the input escaped.
 */
export function issueFormatter(lang: Lang): (i: InputIssue) => string {
  return (i) => formatIn(i, lang);
}

function formatIn(i: InputIssue, lang: Lang): string {
  const words = CATALOGUE[lang].errors;
  const where = words.where({
    file: escapeControls(i.file),
    line: i.line,
    // A JSON file (programme, reference data) is read by its lines, a table by its rows.
    unit: /\.json$/i.test(i.file) ? 'line' : 'row',
    sheet: i.sheet === undefined ? undefined : escapeControls(i.sheet),
    cell: i.cell,
    column: i.column === undefined || !words.frameColumn(i.params) ? undefined : escapeControls(i.column),
  });
  return `${where}: ${escapeControls((i.params === undefined ? null : words.issue(i.params)) ?? i.message)}`;
}

/** The line above an input or config error's issues (`cohort: 3 problems in the input (E_INPUT); nothing was written:`), in `lang`. */
export function formatIssuesHeading(err: InputError | ConfigError, lang: Lang = 'en'): string {
  return CATALOGUE[lang].errors.heading({
    code: err.code,
    count: err.issues.length,
    subject: err instanceof ConfigError ? 'config' : 'input',
    message: err.message,
    summary: err instanceof InputError ? err.summary : undefined,
  });
}

/** After the first issues printed, how many more there are: `… and 3 more`. */
export function formatMoreIssues(count: number, lang: Lang = 'en'): string {
  return CATALOGUE[lang].errors.more(count);
}

/**
 * A user error's one-line text in `lang`: an output problem in the catalogue's words where it has them, else the
 * error's own (English) message. Not escaped: the caller writes it through the terminal's escaping.
 */
export function errorText(err: CohortError, lang: Lang): string {
  const said = err instanceof OutputError && err.params !== undefined ? CATALOGUE[lang].errors.output(err.params) : null;
  return said ?? err.message;
}

/** Base class: every error the CLI knows how to report. */
export abstract class CohortError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: ExitCode;
}

/** Bad input data (candidate CSVs, allocation CSVs): collects every issue, not just the first. */
export class InputError extends CohortError {
  readonly code = 'E_INPUT';
  readonly exitCode = EXIT.invalidInput;
  /** The summary given instead of the count of problems (escaped), as `message` has it; undefined: the count. */
  readonly summary: string | undefined;
  constructor(readonly issues: readonly InputIssue[], summary?: string) {
    super(escapeControls(summary ?? `${issues.length} problem${issues.length === 1 ? '' : 's'} in the input`));
    this.summary = summary === undefined ? undefined : escapeControls(summary);
    this.name = 'InputError';
  }
}

/** Bad programme config: every issue carries its JSON path in `column`-less form inside the message. */
export class ConfigError extends CohortError {
  readonly code = 'E_CONFIG';
  readonly exitCode = EXIT.invalidInput;
  constructor(readonly issues: readonly InputIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the programme config`);
    this.name = 'ConfigError';
  }
}

/**
 * Refusal to do something unsafe the user can fix by an option or another path. Codes: `E_EXISTS` (a file exists,
 * no --force), `E_NOT_FILE` (an output name is taken by a non-file), `E_OUT_DIR` (the output directory cannot be
 * made), `E_OUT_FILE` (`template --out` names a directory), `E_WRITE` (an I/O failure), `E_REPORT_PATH` (a report
 * path names no file or one of the run's own files), `E_OUTPUT_IS_INPUT` (an output would overwrite one of the run's
 * input files, refused even with --force). The README lists them too.
 */
export class OutputError extends CohortError {
  readonly code: string;
  readonly exitCode = EXIT.invalidInput;
  /** The problem in structured form, for the terminal's language (`ErrorWords.output`); the message is English. */
  readonly params: OutputParams | undefined;
  constructor(code: string, message: string, params?: OutputParams) {
    super(escapeControls(message));
    this.code = code;
    this.name = 'OutputError';
    this.params = params;
  }
}

/**
 * A stage's solvers found no solution within the time limit (every attempt hit its deadline), so there is no
 * result to write. The user can fix it with a longer `--time-limit`; the message says which.
 */
export class TimeLimitError extends CohortError {
  readonly code = 'E_TIME_LIMIT';
  readonly exitCode = EXIT.timeLimit;
  constructor(
    /** The stage without a solution: `selection`, `groups` or `teams`. */
    readonly stage: 'selection' | 'groups' | 'teams',
    message: string,
  ) {
    super(message);
    this.name = 'TimeLimitError';
  }
}

/** A bug: an invariant broke (e.g. the independent checker rejected the solver's result). */
export class InternalError extends CohortError {
  readonly code: string;
  readonly exitCode = EXIT.internal;
  constructor(code: string, message: string, readonly detail?: unknown) {
    super(escapeControls(message));
    this.code = code;
    this.name = 'InternalError';
  }
}
