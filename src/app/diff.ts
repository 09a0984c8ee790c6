/**
 * `cohort diff OLD NEW`: read two allocations (as allocate or replace wrote them, or edited by hand; CSV or
 * workbook, either language of headers) → check they belong to the same programme year → compare (src/diff, pure) → print, and
 * with `--report FILE` write the HTML page. Exit codes as `diff`'s: 0 equal, 1 different, 2 bad input (nothing
 * written); 4 stays an internal error.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CohortError, EXIT, errorText, issueFormatter, InputError, type InputIssue } from '../domain/errors.js';
import { TOOL_VERSION } from '../domain/version.js';
import { diffAllocations, type AllocationDiff } from '../diff/diff.js';
import { diffText } from '../diff/text.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { DiffWords } from '../domain/i18n/catalogue.js';
import type { Lang } from '../domain/text.js';
import { reportFileName, writeOutputs } from '../io/csv-write.js';
import { comparableInput, readAllocationDetailed, type DetailedAllocationFile, type DetailedAllocationRow } from '../read/allocation.js';
import type { EncodingChoice } from '../read/decode.js';
import { workbookKind } from '../read/sheet.js';
import { sheetLib } from '../io/workbook-lib.js';
import { readInputFile } from '../io/input-file.js';
import { readRunSummary, runRecordPath, type RunRecord } from '../read/run-summary.js';
import { renderDiffReport, type DiffPageView } from '../report/diff.js';
import { readFiles, sha256 } from './load.js';
import { INPUT_LIMITS } from '../read/csv.js';
import { warningLines, type CommandOutcome } from './outcome.js';
import type { DiffChanges, DiffDocument } from './summary-schema.js';

export interface DiffOptions {
  /** Absolute working directory: relative paths are taken from it. */
  cwd: string;
  old: string;
  new: string;
  /** Encoding of both files; default detected. */
  encoding?: EncodingChoice | undefined;
  json: boolean;
  /** Also write the HTML page here. */
  report?: string | undefined;
  force: boolean;
  /** Language of the text and the page. Default `nb`. */
  lang?: Lang | undefined;
}

/** One allocation as read for a comparison, with its run (from the summary.json beside it) when there is one. */
export interface ReadAllocation {
  file: string;
  sha256: string;
  allocation: DetailedAllocationFile;
  run: RunRecord | null;
}

export interface Warning {
  code: string;
  message: string;
}

/**
 * Read one allocation and the run record beside it. Unreadable files and bad rows are located issues; a
 * summary.json that is not one or belongs to another run is a warning, and is not used.
 */
/** The words reading a run's summary.json may need. */
export type RunMessages = Pick<DiffWords, 'summaryIgnored' | 'summaryMismatch' | 'noSummary'>;

export function readAllocationWithRun(path: string, cwd: string, m: RunMessages, encoding: EncodingChoice = 'auto'): { read: ReadAllocation | null; issues: InputIssue[]; warnings: Warning[] } {
  const { files, issues } = readFiles([path], cwd);
  const f = files[0];
  if (f === undefined) return { read: null, issues, warnings: [] };
  // A workbook (allocate --format xlsx, or re-saved by a coordinator) is read by its decisions sheet.
  const allocation = readAllocationDetailed(f.bytes, path, { encoding, sheetLib: workbookKind(f.bytes) === null ? undefined : sheetLib() });
  if (allocation.issues.length > 0) return { read: null, issues: allocation.issues, warnings: [] };
  const warnings: Warning[] = [];
  const summaryPath = runRecordPath(path);
  const summaryAt = resolve(cwd, summaryPath);
  let run: RunRecord | null = null;
  if (existsSync(summaryAt)) {
    // Through the one input reader: a summary.json that is a FIFO, a device or huge is not waited for or read.
    const bytes = readInputFile(summaryPath, { what: 'a summary.json file', expected: 'summary', maxBytes: INPUT_LIMITS.maxFileBytes }, cwd);
    const parsed = bytes.ok ? readRunSummary(bytes.bytes) : { ok: false as const, why: bytes.issue.message };
    if (!parsed.ok) warnings.push({ code: 'summary_ignored', message: m.summaryIgnored(summaryPath, parsed.why) });
    else if (parsed.run.candidates !== allocation.rowCount) {
      warnings.push({ code: 'summary_mismatch', message: m.summaryMismatch(summaryPath, allocation.rowCount, path, parsed.run.candidates) });
    } else run = parsed.run;
  } else warnings.push({ code: 'no_summary', message: m.noSummary(path) });
  return { read: { file: path, sha256: sha256(f.bytes), allocation, run }, issues: [], warnings };
}

/** What tells an allocation's programme year: its run record (from summary.json) and its ids. */
export interface AllocationIdentity {
  file: string;
  run: RunRecord | null;
  ids: readonly string[];
}

export function identityOf(r: ReadAllocation): AllocationIdentity {
  return { file: r.file, run: r.run, ids: r.allocation.rows.map((x) => x.id) };
}

/**
 * Two allocations of different programmes or years cannot be compared: their summaries name different
 * programmes, or (without summaries to tell) they have no candidate in common. Issues are located at `b`.
 */
export function sameProgrammeIssues(a: AllocationIdentity, b: AllocationIdentity, m: DiffWords): InputIssue[] {
  if (a.run !== null && b.run !== null) {
    if (a.run.programme !== b.run.programme || a.run.startDate !== b.run.startDate) {
      return [{ code: 'different_programmes', file: b.file, message: m.differentProgrammes(a.file, a.run.programme, a.run.startDate, b.run.programme, b.run.startDate) }];
    }
    return [];
  }
  const ids = new Set(a.ids);
  if (a.ids.length > 0 && b.ids.length > 0 && !b.ids.some((id) => ids.has(id))) {
    return [{ code: 'no_common_candidate', file: b.file, message: m.noCommonCandidate(a.file) }];
  }
  return [];
}

/** Rows whose input columns compare by meaning (a date in either form, `Kvinne` and `female`, …). */
export function comparableRows(rows: readonly DetailedAllocationRow[]): DetailedAllocationRow[] {
  return rows.map((r) => ({
    ...r,
    details: { ...r.details, input: Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(Object.entries(r.details.input).map(([k, v]) => [k, comparableInput(k, v)]))) },
  }));
}

/** The JSON part every diff shares (`cohort diff --json`, `allocate --previous`'s summary). */
export function diffChanges(d: AllocationDiff): DiffChanges {
  return {
    equal: d.equal,
    counts: d.counts,
    changes: d.changes.map((c) => ({ id: c.id, kind: c.kind, old: c.old, new: c.new, reasons: c.reasons, columnsChanged: c.columnsChanged })),
    bodies: d.bodies,
  };
}

function fileRecord(r: ReadAllocation) {
  return {
    file: r.file,
    sha256: r.sha256,
    encoding: r.allocation.encoding,
    delimiter: r.allocation.delimiter,
    rows: r.allocation.rowCount,
    programme: r.run === null ? null : { name: r.run.programme, startDate: r.run.startDate },
    seed: r.run?.seed ?? null,
  };
}

/** Names by id for the page: the new file's, else the old file's. */
function names(a: ReadAllocation, b: ReadAllocation): Record<string, string> {
  // Null prototype: an id such as `__proto__` is a key like any other.
  const out = Object.create(null) as Record<string, string>;
  for (const r of [...a.allocation.rows, ...b.allocation.rows]) out[r.id] = r.details.input.name ?? '';
  return out;
}

export function runDiff(opts: DiffOptions): CommandOutcome {
  const m = CATALOGUE[opts.lang ?? 'nb'].diff;
  try {
    return compare(opts, m);
  } catch (err) {
    // Bad input is exit 2 here, as diff(1) has it; a bug stays a bug (exit 4, printed by the CLI).
    if (err instanceof InputError) {
      return { stdout: '', stderr: `cohort diff: ${m.cannotCompare}:\n${err.issues.map((i) => `  ${issueFormatter(opts.lang ?? 'nb')(i)}`).join('\n')}\n`, exitCode: EXIT.usage };
    }
    if (err instanceof CohortError && err.exitCode !== EXIT.internal) return { stdout: '', stderr: `cohort diff: ${errorText(err, opts.lang ?? 'nb')} (${err.code})\n`, exitCode: EXIT.usage };
    throw err;
  }
}

function compare(opts: DiffOptions, m: DiffWords): CommandOutcome {
  const a = readAllocationWithRun(opts.old, opts.cwd, m, opts.encoding);
  const b = readAllocationWithRun(opts.new, opts.cwd, m, opts.encoding);
  const issues = [...a.issues, ...b.issues];
  if (a.read === null || b.read === null) throw new InputError(issues);
  issues.push(...sameProgrammeIssues(identityOf(a.read), identityOf(b.read), m));
  if (issues.length > 0) throw new InputError(issues);
  const warnings = [...a.warnings, ...b.warnings];
  const diff = diffAllocations(comparableRows(a.read.allocation.rows), comparableRows(b.read.allocation.rows));

  if (opts.report !== undefined) {
    const name = reportFileName(opts.report, '--report', 'diff.html');
    const programme = a.read.run ?? b.read.run;
    const view: DiffPageView = {
      tool: { name: 'cohort', version: TOOL_VERSION },
      programme: programme === null ? null : { name: programme.programme, startDate: programme.startDate },
      old: { file: a.read.file, sha256: a.read.sha256, seed: a.read.run?.seed ?? null },
      new: { file: b.read.file, sha256: b.read.sha256, seed: b.read.run?.seed ?? null },
      diff,
      names: names(a.read, b.read),
    };
    writeOutputs(dirname(opts.report), [{ name, content: renderDiffReport(view, opts.lang ?? 'nb'), option: '--report' }], { force: opts.force, cwd: opts.cwd, inputs: [opts.old, opts.new, runRecordPath(opts.old), runRecordPath(opts.new)] });
  }

  const doc: DiffDocument = {
    schemaVersion: 1,
    tool: { name: 'cohort', version: TOOL_VERSION },
    command: 'diff',
    old: fileRecord(a.read),
    new: fileRecord(b.read),
    ...diffChanges(diff),
    warnings,
  };
  const text = diffText(diff, m, a.read.file, b.read.file) + (opts.report === undefined ? '' : `${m.wroteReport(opts.report)}\n`);
  return {
    stdout: opts.json ? `${JSON.stringify(doc, null, 2)}\n` : text,
    stderr: warningLines(warnings, m.warning),
    exitCode: diff.equal ? EXIT.ok : EXIT.ruleNotMet,
  };
}
