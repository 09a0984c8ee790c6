/**
 * `cohort check`: read the candidates and an allocation (possibly edited by hand) → re-screen → check every
 * programme rule with the independent checkers → report. Writes nothing.
 *
 * The checkers are the ones `cohort allocate` runs before it writes anything (`core/check/selection.ts`,
 * `core/check/groups.ts`), so an untouched allocation passes by construction and a hand edit is judged by the
 * same rules. What this module adds: reading the allocation back, the statuses it claims against the
 * screening, the severities for a committee's edits (justified envy is a warning unless `--strict`), and
 * allocation rows in every message.
 */
import { EXIT, InputError, type InputIssue } from '../domain/errors.js';
import { checkGroupsAndTeams } from '../check/groups.js';
import { partitionsOf } from '../domain/partition.js';
import type { GroupLocks } from '../domain/types.js';
import { loadLocks, unknownLockIds } from './pipeline.js';
import { checkSelection } from '../check/selection.js';
import { quotaCells } from '../domain/programme.js';
import type { Lang } from '../domain/text.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { FindingFacts } from '../domain/i18n/catalogue.js';
import type { Candidate, ScreenedCandidate } from '../domain/types.js';
import { accountForCandidates, readAllocation, type AllocationFile, type AllocationRow } from '../read/allocation.js';
import type { EncodingChoice } from '../read/decode.js';
import { workbookKind } from '../read/sheet.js';
import { sheetLib } from '../io/workbook-lib.js';
import { TOOL_VERSION } from '../domain/version.js';
import { inputRecords, loadInputs, readFiles, sha256, type InputOptions, type LoadedInputs } from './load.js';
import type { CommitteeLocks } from '../read/locks.js';
import { runWarningLines, warningsInLang, type CommandOutcome } from './outcome.js';
import type { CheckReport, CheckViolation } from './summary-schema.js';
import { overCapOnly } from '../domain/nomination.js';
import { rowDecisions } from './decisions.js';
import { nominationCapSummary } from './nomination-cap.js';
import { committeeLines } from './committee-text.js';

export interface CheckOptions {
  /** Candidate files, as for `allocate`. */
  files: readonly string[];
  /** The directory relative paths are taken from: the CLI's working directory. */
  cwd: string;
  /** The allocation.csv to check. Its dialect is always detected (Excel may have re-saved it). */
  allocation: string;
  /** The language of the terminal text (the JSON's keys and codes stay English). Default English. */
  lang?: Lang | undefined;
  /** Programme config path; undefined for the built-in programme. */
  config?: string | undefined;
  /** Delimiter of the candidate files; default detected per file. */
  delimiter?: string | undefined;
  /** Encoding of the candidate files. */
  encoding: EncodingChoice;
  /** The sheet to read in workbook candidate files (`--sheet`). */
  sheet?: string | undefined;
  /** Justified envy is an error instead of a warning. */
  strict: boolean;
  json: boolean;
  /** Ids the committee forced in (as given to `allocate --include`). */
  include: readonly string[];
  /** Ids the committee forced out, besides the allocation's `excluded` rows. */
  exclude: readonly string[];
  /** The committee's decisions file, as given to `allocate --locks`. */
  locks?: string | undefined;
}

export const CHECK_SCHEMA_VERSION = 1;

/** Allocation rows named after a message, at most this many. */
const MAX_ROWS_NAMED = 10;

/** What `checkAllocation` needs: the screened candidates, the programme, the allocation as read. */
export interface CheckInput {
  inputs: LoadedInputs;
  allocation: AllocationFile;
  strict: boolean;
  include: readonly string[];
  exclude: readonly string[];
  /** Workshop-group and team locks (keep in group, apart, together), checked like any rule. */
  groupLocks?: GroupLocks | undefined;
}

/**
 * Every finding about an allocation, in a stable order: statuses against the screening, then selection (seats,
 * eligibility, gender rules, justified envy, reserve ranks), then workshop groups and project teams. Pure.
 */
export function checkAllocation(input: CheckInput): CheckViolation[] {
  return findingsOf(input).map((f) => f.violation);
}

/** A finding and the figures of its English message, for the terminal's other languages (not in the JSON). */
interface Finding {
  violation: CheckViolation;
  facts: FindingFacts | null;
}

/** `checkAllocation`'s findings, each with its figures. */
function findingsOf(input: CheckInput): Finding[] {
  const { inputs, allocation } = input;
  const programme = inputs.programme;
  const screenedById = new Map<string, ScreenedCandidate>(inputs.screening.screened.map((s) => [s.candidate.id, s]));
  const cellLabel = new Map(quotaCells(programme).map((c) => [c.key, c.label]));
  const rows = allocation.rows;
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const out: Finding[] = [];
  const add = (v: CheckViolation, facts?: FindingFacts): void => {
    out.push({ violation: { ...v, message: v.message + located(v.ids, rowOf, allocation.file) }, facts: facts ?? null });
  };

  // Statuses the allocation claims against what screening finds (a selected ineligible person: the checker's).
  for (const r of rows) {
    const s = screenedById.get(r.id);
    if (s === undefined) continue; // an input error, reported before any check
    const eligible = s.status === 'eligible' && s.cell !== null;
    const who = `${r.id} (${s.candidate.ref.file} line ${s.candidate.ref.line})`;
    if ((r.status === 'ineligible' || r.status === 'over_cap') && eligible) {
      const marked = r.status === 'ineligible' ? 'ineligible' : 'over the nomination cap';
      add({ code: `marked_${r.status}`, severity: 'error', ids: [r.id], rule: null, message: `${who} is marked ${marked}, but screening finds them eligible for ${cellLabel.get(s.cell ?? '') ?? s.cell}` });
    } else if (r.status === 'over_cap' && !overCapOnly(s.reasons.map((x) => x.code))) {
      add({ code: 'marked_over_cap', severity: 'error', ids: [r.id], rule: null, message: `${who} is marked over the nomination cap, but screening finds ${ineligibleCodes(s)}` });
    } else if (r.status === 'reserve' && !eligible) {
      add({ code: 'marked_reserve', severity: 'error', ids: [r.id], rule: null, message: `${who} is marked reserve, but is not eligible (${ineligibleCodes(s)})` });
    }
  }

  // Selection: the independent checker on the allocation's decisions. A withdrawn row (`cohort replace`) is out of
  // the cohort and off the reserve list, as an excluded one is.
  const exclude = [...new Set([...rows.filter((r) => r.status === 'excluded' || r.status === 'withdrawn').map((r) => r.id), ...input.exclude])];
  const reserveRanks = new Map<string, number>();
  if (allocation.hasReserveRanks) for (const r of rows) if (r.reserveRank !== null) reserveRanks.set(r.id, r.reserveRank);
  const selectionFindings = checkSelection(inputs.screening.screened, programme, {
    selected: rows.filter((r) => r.status === 'selected').map((r) => r.id),
    reserveRanks,
    include: input.include,
    exclude,
  });
  for (const v of selectionFindings) {
    // Without a reserve_rank column there is no reserve list to check.
    if (!allocation.hasReserveRanks && v.code.startsWith('reserve_')) continue;
    let message = v.message;
    if (v.code === 'selected_ineligible') {
      const s = screenedById.get(v.ids[0] ?? '');
      if (s !== undefined) message += ` (${ineligibleCodes(s)})`;
    }
    add({ code: v.code, severity: selectionSeverity(v.code, v.severity, input.strict), ids: v.ids, rule: v.rule ?? null, message }, v.facts);
  }

  // Workshop groups and project teams of everyone the allocation selects.
  const selectedIds = new Set(rows.filter((r) => r.status === 'selected').map((r) => r.id));
  const participants: Candidate[] = inputs.read.candidates.filter((c) => selectedIds.has(c.id));
  const groupFindings = checkGroupsAndTeams({
    participants,
    programme,
    groups: partitionsOf(rows.flatMap((r) => (r.workshopGroup === null ? [] : [[r.id, r.workshopGroup] as const]))),
    teams: partitionsOf(rows.flatMap((r) => (r.projectTeam === null ? [] : [[r.id, r.projectTeam] as const]))),
    locks: input.groupLocks,
  });
  for (const v of groupFindings) {
    const severity = v.severity === 'error' ? 'error' : v.code.startsWith('lock_') ? 'warning' : 'unmet';
    add({ code: v.code, severity, ids: v.ids, rule: null, message: v.message }, v.facts);
  }
  return out;
}

/**
 * Severity of a selection finding in `cohort check`. Justified envy is the committee's to allow (a warning)
 * unless `--strict`; a rule the candidates cannot meet is `unmet`; lock findings are warnings.
 */
function selectionSeverity(code: string, severity: 'error' | 'warning', strict: boolean): CheckViolation['severity'] {
  if (code === 'justified_envy') return strict ? 'error' : 'warning';
  if (severity === 'error') return 'error';
  return code === 'shortfall' || code === 'gender_rule_not_met' ? 'unmet' : 'warning';
}

function ineligibleCodes(s: ScreenedCandidate): string {
  const codes = s.reasons.map((r) => r.code);
  if (s.cell === null) codes.push('no_quota_cell');
  return codes.length === 0 ? 'ineligible' : codes.join(', ');
}

/** ` (in FILE: ID line N, …)`: where each person is in the allocation, so an edit can be found and undone. */
function located(ids: readonly string[], rowOf: ReadonlyMap<string, AllocationRow>, file: string): string {
  const named = [...new Set(ids)].flatMap((id) => {
    const r = rowOf.get(id);
    return r === undefined ? [] : [`${id} line ${r.line}`];
  });
  if (named.length === 0) return '';
  const shown = named.slice(0, MAX_ROWS_NAMED).join(', ') + (named.length > MAX_ROWS_NAMED ? `, … (${named.length - MAX_ROWS_NAMED} more)` : '');
  return ` (in ${file}: ${shown})`;
}

// ---------------------------------------------------------------------------------------------------------

interface CheckInputs {
  inputs: LoadedInputs;
  allocation: AllocationFile;
  allocationSha256: string;
}

/**
 * Read the candidates, the programme and the allocation; every problem in any of them is collected into one
 * InputError (exit 3): unreadable files, bad cells, ids that are not candidates, candidates without a row,
 * lock ids that are not candidates.
 */
function loadCheckInputs(opts: CheckOptions, locks: CommitteeLocks): CheckInputs {
  const { inputs, allocation, file, issues } = readInputsWithAllocation(opts);
  if (inputs !== null) issues.push(...unknownLockIds(inputs.read.candidates, locks));
  if (issues.length > 0 || inputs === null || allocation === null || file === undefined) throw new InputError(issues);
  return { inputs, allocation, allocationSha256: sha256(file.bytes) };
}

/** The inputs of a command that works on an existing allocation, with every problem of either collected (not thrown). */
export interface InputsWithAllocation {
  inputs: LoadedInputs | null;
  allocation: AllocationFile | null;
  file: { name: string; bytes: Uint8Array } | undefined;
  issues: InputIssue[];
}

/** Read candidates, programme and allocation; problems in the allocation are reported in the same run as the candidates'. */
export function readInputsWithAllocation(opts: InputOptions & { allocation: string }): InputsWithAllocation {
  const issues: InputIssue[] = [];
  let inputs: LoadedInputs | null = null;
  try {
    inputs = loadInputs(opts);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    issues.push(...err.issues);
  }
  const read = readFiles([opts.allocation], opts.cwd);
  issues.push(...read.issues);
  const file = read.files[0];
  const allocation = file === undefined ? null : readAllocation(file.bytes, file.name, { sheetLib: workbookKind(file.bytes) === null ? undefined : sheetLib() });
  if (allocation !== null) issues.push(...allocation.issues);
  if (allocation !== null && inputs !== null) issues.push(...accountForCandidates(allocation, inputs.read.candidates));
  return { inputs, allocation, file, issues };
}

function buildCheckReport(loaded: CheckInputs, violations: readonly CheckViolation[], strict: boolean, locks: CommitteeLocks, lang: Lang): CheckReport {
  const { inputs, allocation } = loaded;
  const tally = { errors: 0, unmet: 0, warnings: 0 };
  for (const v of violations) {
    if (v.severity === 'error') tally.errors++;
    else if (v.severity === 'unmet') tally.unmet++;
    else tally.warnings++;
  }
  const status = (s: AllocationRow['status']) => allocation.rows.filter((r) => r.status === s).length;
  return {
    schemaVersion: CHECK_SCHEMA_VERSION,
    tool: { name: 'cohort', version: TOOL_VERSION },
    command: 'check',
    ok: tally.errors === 0 && tally.unmet === 0,
    strict,
    programme: { name: inputs.programme.name, startDate: inputs.programme.startDate, source: inputs.programmeSource, sha256: inputs.programmeSha256 },
    inputs: inputRecords(inputs),
    allocation: { file: allocation.file, sha256: loaded.allocationSha256, encoding: allocation.encoding, delimiter: allocation.delimiter, rows: allocation.rowCount },
    counts: {
      candidates: inputs.read.candidates.length,
      selected: status('selected'),
      reserve: status('reserve'),
      excluded: status('excluded'),
      ineligible: status('ineligible') + status('over_cap'),
      overCap: status('over_cap'),
    },
    tally,
    violations: [...violations],
    warnings: warningsInLang([...inputs.read.warnings, ...inputs.screening.warnings], lang),
    decisions: rowDecisions(locks.decisions, allocation.rows, violations),
    nominationCap: nominationCapSummary(inputs.screening.screened, inputs.programme),
  };
}

/**
 * What a quota or gender rule id (`quota.<cell>`, `gender.cell.<cell>.<g>`, `gender.sector.<sector>.<g>`,
 * `gender.cohort.<g>`) is about, in the committee's words: the body, the sector or the cohort, and the gender.
 */
function ruleWhere(rule: string | null, lang: Lang): { where: string; gender: 'female' | 'male' | null } | null {
  if (rule === null) return null;
  const w = CATALOGUE[lang].allocate;
  const m = /^(quota|gender\.cell|gender\.sector|gender\.cohort)(?:\.(.+?))?(?:\.(female|male))?$/.exec(rule);
  if (m === null) return null;
  const gender = m[3] === 'female' || m[3] === 'male' ? m[3] : null;
  const key = m[2] ?? '';
  const where = m[1] === 'gender.cohort' ? w.cohortWord : m[1] === 'gender.sector' ? w.sectorWord(key) : w.body(key.replace(/^spesialist\//, ''));
  return { where, gender };
}

/** The report in plain words: one line per finding (`facts`: each violation's figures, in order), then the verdict. */
function readableReport(report: CheckReport, facts: ReadonlyArray<FindingFacts | null>, lang: Lang): string {
  const w = CATALOGUE[lang];
  const parts: string[] = [];
  const c = report.counts;
  parts.push(
    `${w.check.checked({ file: report.allocation.file, selected: c.selected, reserve: c.reserve, excluded: c.excluded, notEligible: c.ineligible - c.overCap, overCap: c.overCap, candidates: c.candidates, files: report.inputs.length, strict: report.strict })}\n`,
  );
  if (report.violations.length > 0) parts.push('\n');
  const width = Math.max(...(['error', 'unmet', 'warning'] as const).map((s) => w.check.severity(s).length));
  report.violations.forEach((v, i) => {
    parts.push(`${w.check.severity(v.severity).padEnd(width)} ${v.code}: ${w.check.finding(v.code, v.ids, v.message, ruleWhere(v.rule, lang), facts[i] ?? null)}\n`);
  });
  const committee = committeeLines(report.nominationCap, report.decisions, lang);
  if (committee !== '') parts.push(`\n${committee}`);
  parts.push(`\n${w.check.tally(report.tally)}\n`);
  parts.push(`${report.ok ? w.allocate.allMet : w.allocate.notAllMet}\n`);
  return parts.join('');
}

export function runCheck(opts: CheckOptions): CommandOutcome {
  const locks = loadLocks(opts.locks, opts.include, opts.exclude, opts.cwd);
  const loaded = loadCheckInputs(opts, locks);
  const findings = findingsOf({ inputs: loaded.inputs, allocation: loaded.allocation, strict: opts.strict, include: locks.include, exclude: locks.exclude, groupLocks: locks.groups });
  const violations = findings.map((f) => f.violation);
  const lang = opts.lang ?? 'en';
  const report = buildCheckReport(loaded, violations, opts.strict, locks, lang);
  const stderr = runWarningLines(report.warnings, lang);
  return {
    stdout: opts.json ? `${JSON.stringify(report, null, 2)}\n` : readableReport(report, findings.map((f) => f.facts), lang),
    stderr,
    exitCode: report.ok ? EXIT.ok : EXIT.ruleNotMet,
  };
}
