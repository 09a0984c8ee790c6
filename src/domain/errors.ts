/**
 * Error classes, split by audience. Every error has a stable string `code` and maps to one exit code.
 * The exit-code table is a public contract (README, `--help`, tests).
 *
 * Messages quote input (cells, headers, file names, option values). Everything that turns an error into text
 * goes through `escapeControls` here, so that no control character reaches a terminal raw: `formatIssue` for
 * the located issues, the constructors for the one-line messages.
 */
import { escapeControls } from './escape.js';

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
  /** Human text: what was expected and what was found. */
  message: string;
}

/** `file:line column "header": message` (or `file, sheet "S", cell B14 …`), one line, every control or invisible character of the input escaped. */
export function formatIssue(i: InputIssue): string {
  const file = escapeControls(i.file);
  const where =
    i.sheet !== undefined
      ? `${file}, sheet "${escapeControls(i.sheet)}"${i.cell !== undefined ? `, cell ${i.cell}` : i.line !== undefined ? `, row ${i.line}` : ''}`
      : i.line === undefined
        ? file
        : `${file}:${i.line}`;
  const col = i.column === undefined ? '' : ` column "${escapeControls(i.column)}"`;
  return `${where}${col}: ${escapeControls(i.message)}`;
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
  constructor(readonly issues: readonly InputIssue[], summary?: string) {
    super(escapeControls(summary ?? `${issues.length} problem${issues.length === 1 ? '' : 's'} in the input`));
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
  constructor(code: string, message: string) {
    super(escapeControls(message));
    this.code = code;
    this.name = 'OutputError';
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
