/**
 * `cohort replace`: read the candidates and the current allocation → re-screen → decide the seats and places
 * (`core/replace.ts`, pure) → re-check the new allocation with the same checkers as `cohort check` → write the
 * same files as `cohort allocate`.
 *
 * The new allocation is judged exactly as `cohort check` would judge the written file: the exit code is 0 when check
 * would exit 0, else 1. A finding of severity `error` that the change did not explain (it was in the starting
 * allocation already, or it is a gender rule the reserves cannot keep) is a bug: nothing is written. When the local
 * search cannot place the cohort within the rules (or the cohort now needs another number of workshop groups), the
 * groups and teams are formed afresh by the allocate pipeline and numbered to keep as many people in place as
 * possible; every move then says so.
 */
import { join } from 'node:path';
import { EXIT, InputError, InternalError } from '../domain/errors.js';
import {
  computeReplacement,
  moveText,
  type CurrentRow,
  type ReformedPlacement,
  type ReplaceInput,
  type ReplaceResult,
  type ResultRow,
} from '../replace/replace.js';
import { toPerson } from '../stages/common.js';
import { groupQualityRows, teamQualityRows } from '../stages/quality.js';
import { partitionsOf } from '../domain/partition.js';
import { quotaCells } from '../domain/programme.js';
import type { Lang } from '../domain/text.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { Candidate } from '../domain/types.js';
import { closeSolvers, createSolve } from '../solver/index.js';
import { allocationColumn, type AllocationFile, type AllocationRow } from '../read/allocation.js';
import { unneutraliseCell } from '../domain/cells.js';
import { idKey } from '../domain/ids.js';
import { readCsv } from '../read/csv.js';
import { toCsv } from '../io/csv-write.js';
import { decode } from '../read/decode.js';
import type { CommitteeLocks } from '../read/locks.js';
import { renderReport } from '../report/render.js';
import type { NoteView, ReportView } from '../report/view.js';
import { TOOL_VERSION } from '../domain/version.js';
import { explainTimeLimit, formGroupsAndTeams, loadLocks, unknownLockIds } from './pipeline.js';
import { checkAllocation, readInputsWithAllocation } from './check.js';
import { inputPaths, inputRecords, sha256, type LoadedInputs } from './load.js';
import { runWarningLines, warningsInLang, type CommandOutcome } from './outcome.js';
import { warning } from '../domain/i18n/index.js';
import { compareCodeUnits } from '../domain/compare.js';
import { ALLOCATION_OWN_COLUMNS, groupsTable, localised, outputColumns, passThrough, SOURCE_COLUMNS } from './outputs.js';
import { reportViewFromRows, writeOutputsWithReport } from './report-view.js';
import { joinReasons, type ScreenOptions } from './screen.js';
import type { CheckViolation, ReplaceSummary } from './summary-schema.js';
import { overCapOnly } from '../domain/nomination.js';
import { rowDecisions } from './decisions.js';
import { nominationCapSummary } from './nomination-cap.js';
import { committeeLines } from './committee-text.js';

export interface ReplaceOptions extends ScreenOptions {
  /** The current allocation.csv (as `allocate` or an earlier `replace` wrote it, possibly re-saved by Excel). */
  allocation: string;
  /** Lottery seed; default the programme's. */
  seed?: string | undefined;
  /** Participants or reserves who leave. */
  withdraw: readonly string[];
  /** Reserves the committee brings in. */
  add: readonly string[];
  /**
   * Hard deadline per solver attempt in milliseconds, used only when groups and teams must be re-formed. Default:
   * the solver policy's `DEFAULT_DEADLINE_MS`.
   */
  deadlineMs?: number | undefined;
  /** The committee's decisions file, as given to `allocate --locks`: its group and team locks are held. */
  locks?: string | undefined;
  /** Also write the HTML report to this path. Default: none. */
  report?: string | undefined;
  /** Language of the report. Default `nb`. */
  lang?: 'nb' | 'en' | undefined;
}

export const REPLACE_SCHEMA_VERSION = 1;

const STATUS_ORDER: Record<ResultRow['status'], number> = { selected: 0, reserve: 1, withdrawn: 2, excluded: 3, ineligible: 4, over_cap: 5 };

interface Loaded {
  locks: CommitteeLocks;
  inputs: LoadedInputs;
  allocation: AllocationFile;
  allocationSha256: string;
  /** The `reasons` cell of each row, when the allocation has that column. */
  reasons: Map<string, string>;
}

/** Read everything; every problem in any input is collected into one InputError (exit 3, nothing written). */
function load(opts: ReplaceOptions): Loaded {
  const locks = loadLocks(opts.locks, [], [], opts.cwd);
  const { inputs, allocation, file, issues } = readInputsWithAllocation(opts);
  if (allocation !== null) {
    for (const r of allocation.rows) {
      if (r.status === 'selected' && (r.workshopGroup === null || r.projectTeam === null)) {
        issues.push({
          code: 'missing_place',
          file: allocation.file,
          line: r.line,
          column: r.workshopGroup === null ? 'workshop_group' : 'project_team',
          message: `expected a workshop group and a project team for selected participant ${r.id}, got a blank cell`,
        });
      }
    }
  }
  if (inputs !== null) issues.push(...unknownLockIds(inputs.read.candidates, locks));
  if (issues.length > 0 || inputs === null || allocation === null || file === undefined) throw new InputError(issues);
  return { locks, inputs, allocation, allocationSha256: sha256(file.bytes), reasons: reasonsOf(file.bytes, file.name) };
}

/** The `reasons` column by id: not a decision, but what the coordinator was told; kept and added to. */
function reasonsOf(bytes: Uint8Array, file: string): Map<string, string> {
  const out = new Map<string, string>();
  const decoded = decode(bytes, file, 'auto');
  if (!decoded.ok) return out;
  const table = readCsv(decoded.text, file);
  const idAt = table.headers.findIndex((h) => allocationColumn(h) === 'id');
  const reasonsAt = table.headers.findIndex((h) => allocationColumn(h) === 'reasons');
  if (idAt < 0 || reasonsAt < 0) return out;
  for (const r of table.records) out.set(idKey(unneutraliseCell(r.cells[idAt] ?? '')), unneutraliseCell(r.cells[reasonsAt] ?? ''));
  return out;
}

function replaceInput(loaded: Loaded, opts: ReplaceOptions, seed: string): ReplaceInput {
  const rows: CurrentRow[] = loaded.allocation.rows.map((r) => ({ id: r.id, status: r.status, workshopGroup: r.workshopGroup, projectTeam: r.projectTeam, reserveRank: r.reserveRank }));
  return { programme: loaded.inputs.programme, screened: loaded.inputs.screening.screened, rows, withdraw: opts.withdraw, add: opts.add, seed, locks: loaded.locks.groups };
}

function compute(input: ReplaceInput, lang: Lang, reformed?: ReformedPlacement): ReplaceResult {
  const outcome = computeReplacement(input, reformed);
  if (!outcome.ok) {
    throw new InputError(
      outcome.problems.map((p) => ({ code: p.code, file: p.option, message: p.message, params: p.params })),
      CATALOGUE[lang].commands.requestProblems(outcome.problems.length),
    );
  }
  return outcome.result;
}

/** The new allocation's rows in output order: by cell (programme order), status, reserve rank, id. */
function orderedRows(loaded: Loaded, result: ReplaceResult): ResultRow[] {
  const cellOrder = new Map(quotaCells(loaded.inputs.programme).map((c, i) => [c.key, i]));
  // An allocation of an earlier version has `ineligible` for those over the nomination cap only: now `over_cap`.
  const capOnly = new Set(loaded.inputs.screening.screened.filter((s) => overCapOnly(s.reasons.map((r) => r.code))).map((s) => s.candidate.id));
  return result.rows.map((r): ResultRow => (r.status === 'ineligible' && capOnly.has(r.id) ? { ...r, status: 'over_cap' } : r)).sort(
    (x, y) =>
      (cellOrder.get(x.cell ?? '') ?? 1e9) - (cellOrder.get(y.cell ?? '') ?? 1e9) ||
      STATUS_ORDER[x.status] - STATUS_ORDER[y.status] ||
      (x.reserveRank ?? 0) - (y.reserveRank ?? 0) ||
      compareCodeUnits(x.id, y.id),
  );
}

/** A row's reasons: fresh for newcomers and the newly withdrawn; else the allocation's, reserve rank updated, plus notes. */
function reasonsText(loaded: Loaded, r: ResultRow): string {
  if (r.freshReasons) return joinReasons(r.notes, loaded.inputs.outputLang);
  let old = loaded.reasons.get(r.id) ?? '';
  if (r.previousReserveRank !== null && r.reserveRank !== null) {
    old = old.replace(/\breserve: number \d+/, `reserve: number ${r.reserveRank}`).replace(/\breserve nummer \d+/, `reserve nummer ${r.reserveRank}`);
  }
  return [old, joinReasons(r.notes, loaded.inputs.outputLang)].filter((t) => t !== '').join('; ');
}

function allocationCsv(loaded: Loaded, rows: readonly ResultRow[]): string {
  const candidates = loaded.inputs.read.candidates;
  const pt = passThrough(candidates, loaded.inputs.read.files, loaded.inputs.outputDecimal);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const warningsById = new Map(loaded.inputs.screening.screened.map((s) => [s.candidate.id, s.warnings]));
  const num = (n: number | null) => (n === null ? '' : String(n));
  const body = rows.map((r) => {
    const c = byId.get(r.id) as Candidate;
    return [r.id, r.status, r.cell ?? '', num(r.reserveRank), num(r.workshopGroup), num(r.projectTeam), reasonsText(loaded, r), joinReasons(warningsById.get(r.id) ?? [], loaded.inputs.outputLang), ...pt.row(c), c.ref.file, String(c.ref.line)];
  });
  const t = localised({ columns: outputColumns(ALLOCATION_OWN_COLUMNS, pt, SOURCE_COLUMNS), body }, loaded.inputs.outputLang);
  return toCsv(t.header, t.body, { delimiter: loaded.inputs.outputDelimiter });
}

/** groups.csv, as `cohort allocate` writes it: one row per member of each workshop group and project team. */
function groupsCsv(loaded: Loaded, result: ReplaceResult): string {
  const t = localised(groupsTable(loaded.inputs.read.candidates, partitionsOf(result.placement.groupOf), partitionsOf(result.placement.teamOf)), loaded.inputs.outputLang);
  return toCsv(t.header, t.body, { delimiter: loaded.inputs.outputDelimiter });
}

/** The new allocation as `cohort check` reads the written file (lines as they will be written). */
function asAllocationFile(loaded: Loaded, rows: readonly ResultRow[], file: string): AllocationFile {
  const out: AllocationRow[] = rows.map((r, i) => ({ id: r.id, line: i + 2, status: r.status, workshopGroup: r.workshopGroup, projectTeam: r.projectTeam, reserveRank: r.reserveRank }));
  return {
    file,
    encoding: 'utf8',
    delimiter: loaded.inputs.outputDelimiter,
    rows: out,
    // The check reads the decision columns only, never the header row.
    headers: [],
    rowCount: out.length,
    ids: out.map((r) => r.id),
    complete: true,
    hasReserveRanks: true,
    issues: [],
  };
}

/**
 * What `cohort check` (with the same locks file) finds. An include lock on someone who has since withdrawn cannot
 * hold and is left out (the caller warns about it).
 */
function findings(loaded: Loaded, allocation: AllocationFile): CheckViolation[] {
  const withdrawn = new Set(allocation.rows.filter((r) => r.status === 'withdrawn').map((r) => r.id));
  const include = loaded.locks.include.filter((id) => !withdrawn.has(id));
  return checkAllocation({ inputs: loaded.inputs, allocation, strict: false, include, exclude: loaded.locks.exclude, groupLocks: loaded.locks.groups });
}

/**
 * Errors in the new allocation that neither the starting allocation had nor the change explains. A gender rule the
 * reserves cannot keep may leave a shortfall some re-selection could avoid (`gender_rules_below_achievable`): replace
 * never un-admits a participant to avoid it, and says so in the rule's explanation.
 */
function unexplained(after: readonly CheckViolation[], before: readonly CheckViolation[], result: ReplaceResult): CheckViolation[] {
  const had = new Set(before.filter((v) => v.severity === 'error').map((v) => v.code));
  const genderUnkept = result.rules.some((r) => r.kind === 'gender' && !r.met);
  return after.filter((v) => v.severity === 'error' && !had.has(v.code) && !(genderUnkept && v.code === 'gender_rules_below_achievable'));
}

/** New parts numbered after the old ones they overlap most (greedy, deterministic); labels from `labels`, then fresh. */
function renumber(parts: ReadonlyArray<{ number: number; memberIds: readonly string[] }>, old: ReadonlyMap<string, number | null>, labels: readonly number[]): Map<string, number> {
  const pairs: Array<{ part: number; label: number; overlap: number }> = [];
  parts.forEach((p, i) => {
    for (const label of labels) {
      const overlap = p.memberIds.filter((id) => old.get(id) === label).length;
      if (overlap > 0) pairs.push({ part: i, label, overlap });
    }
  });
  pairs.sort((a, b) => b.overlap - a.overlap || a.part - b.part || a.label - b.label);
  const labelOf = new Map<number, number>();
  const used = new Set<number>();
  for (const { part, label } of pairs) {
    if (labelOf.has(part) || used.has(label)) continue;
    labelOf.set(part, label);
    used.add(label);
  }
  const free = [...labels.filter((l) => !used.has(l))];
  let next = Math.max(0, ...labels) + 1;
  parts.forEach((_, i) => {
    if (!labelOf.has(i)) labelOf.set(i, free.shift() ?? next++);
  });
  const out = new Map<string, number>();
  parts.forEach((p, i) => {
    for (const id of p.memberIds) out.set(id, labelOf.get(i) as number);
  });
  return out;
}

/** Groups and teams formed afresh for the new cohort (the allocate pipeline), numbered to keep most in place. */
async function reform(loaded: Loaded, result: ReplaceResult, seed: string, deadlineMs: number | undefined, because: string): Promise<ReformedPlacement> {
  const ids = new Set(result.participants);
  const participants = loaded.inputs.read.candidates.filter((c) => ids.has(c.id));
  try {
    const { groups, teams } = await formGroupsAndTeams(participants, loaded.inputs.programme, { seed, solve: createSolve({ deadlineMs }), locks: loaded.locks.groups });
    // Groups locked to a number keep the numbers the model gave them.
    const keepNumbers = (loaded.locks.groups.inGroup ?? []).some((l) => ids.has(l.id));
    const rows = new Map(loaded.allocation.rows.map((r) => [r.id, r]));
    const oldGroup = new Map(result.participants.map((id) => [id, rows.get(id)?.status === 'selected' ? (rows.get(id)?.workshopGroup ?? null) : null]));
    const oldTeam = new Map(result.participants.map((id) => [id, rows.get(id)?.status === 'selected' ? (rows.get(id)?.projectTeam ?? null) : null]));
    const teamLabels = [...new Set(loaded.allocation.rows.flatMap((r) => (r.status === 'selected' && r.projectTeam !== null ? [r.projectTeam] : [])))].sort((a, b) => a - b);
    return {
      // Workshop groups must stay numbered 1..G.
      groupOf: keepNumbers ? new Map(Object.entries(groups.groupOf)) : renumber(groups.groups, oldGroup, groups.groups.map((_, i) => i + 1)),
      teamOf: renumber(teams.teams, oldTeam, teamLabels),
      why: `${because}: the workshop groups and project teams were formed afresh for the whole cohort and numbered to keep as many participants in place as possible`,
    };
  } catch (err) {
    throw explainTimeLimit(err, deadlineMs);
  } finally {
    await closeSolvers();
  }
}

function buildSummary(loaded: Loaded, opts: ReplaceOptions, seed: string, result: ReplaceResult, rows: readonly ResultRow[], found: readonly CheckViolation[], ok: boolean): ReplaceSummary {
  const { inputs, allocation } = loaded;
  const byId = new Map(inputs.read.candidates.map((c) => [c.id, c]));
  const person = (id: string) => toPerson(byId.get(id) as Candidate);
  const status = (s: ResultRow['status']) => rows.filter((r) => r.status === s).length;
  return {
    schemaVersion: REPLACE_SCHEMA_VERSION,
    tool: { name: 'cohort', version: TOOL_VERSION },
    command: 'replace',
    seed,
    programme: { name: inputs.programme.name, startDate: inputs.programme.startDate, source: inputs.programmeSource, sha256: inputs.programmeSha256 },
    inputs: inputRecords(inputs),
    allocation: { file: allocation.file, sha256: loaded.allocationSha256, encoding: allocation.encoding, delimiter: allocation.delimiter, rows: allocation.rowCount },
    request: { withdraw: [...new Set(opts.withdraw)].sort(compareCodeUnits), add: [...new Set(opts.add)].sort(compareCodeUnits) },
    counts: {
      candidates: rows.length,
      selected: status('selected'),
      reserve: status('reserve'),
      withdrawn: status('withdrawn'),
      excluded: status('excluded'),
      ineligible: status('ineligible') + status('over_cap'),
      overCap: status('over_cap'),
    },
    allRulesMet: ok,
    changes: {
      withdrawn: result.withdrawn.map((w) => ({ ...w })),
      newcomers: result.newcomers.map((n) => ({ ...n })),
      moves: result.moves.map((m) => ({ ...m })),
      emptySeats: result.emptySeats.map((e) => ({ ...e })),
    },
    placement: {
      method: result.placement.method,
      statesExplored: result.placement.statesExplored,
      groupChanges: result.moves.filter((m) => m.fromGroup !== m.toGroup).length,
      teamChanges: result.moves.filter((m) => m.fromTeam !== m.toTeam).length,
    },
    cells: result.cells.map((c) => ({ ...c, gender: { ...c.gender } })),
    rules: result.rules.map((r) => ({ ...r })),
    findings: [...found],
    groups: groupQualityRows(partitionsOf(result.placement.groupOf), person),
    teams: teamQualityRows(partitionsOf(result.placement.teamOf), person, (id) => result.placement.groupOf.get(id)),
    warnings: warningsInLang([...inputs.read.warnings, ...inputs.screening.warnings], opts.lang ?? 'nb'),
    decisions: rowDecisions(loaded.locks.decisions, rows, found),
    nominationCap: nominationCapSummary(inputs.screening.screened, inputs.programme),
  };
}

function cellLabel(loaded: Loaded, key: string | null): string {
  return quotaCells(loaded.inputs.programme).find((c) => c.key === key)?.label ?? key ?? '–';
}

/**
 * Who left, who is new, who moved where and why, in plain words (ids only), in the catalogue's language. The
 * pipeline's English detail (summary.json's `why`) is what the English words show; the bokmål words say the same
 * from the codes.
 */
function readable(loaded: Loaded, summary: ReplaceSummary, out: string, lang: Lang): string {
  const w = CATALOGUE[lang].replace;
  const a = CATALOGUE[lang].allocate;
  const body = (key: string | null) => a.body(cellLabel(loaded, key));
  const genderOf = new Map(loaded.inputs.read.candidates.map((c) => [c.id, c.gender]));
  const ch = summary.changes;
  const parts: string[] = [];
  parts.push(`${w.heading({ programme: summary.programme.name, withdrawals: ch.withdrawn.length, newcomers: ch.newcomers.length, moved: ch.moves.length, from: summary.allocation.file })}\n`);
  parts.push(`\n${w.withdrawnHead}\n`);
  for (const x of ch.withdrawn) {
    parts.push(`  ${w.withdrawn({ id: x.id, body: body(x.cell), was: x.was, group: x.workshopGroup, team: x.projectTeam, reserveRank: x.reserveRank, replacedBy: x.replacedBy })}\n`);
  }
  parts.push(`\n${w.newHead(ch.newcomers.length)}\n`);
  for (const c of ch.newcomers) {
    parts.push(`  ${w.newcomer({ id: c.id, body: body(c.cell), replaces: c.replaces, group: c.workshopGroup, team: c.projectTeam, exact: c.exactPlace })}\n`);
    parts.push(`    ${lang === 'nb' ? 'hvorfor' : 'why'}: ${w.why({ how: c.how, body: body(c.cell), reserveRank: c.reserveRank, gender: genderOf.get(c.id) ?? 'unknown', passedOver: c.passedOver, detail: c.why })}\n`);
    if (c.placeNote !== null) parts.push(`    ${lang === 'nb' ? 'plass' : 'place'}: ${w.placeNote(c.placeNote)}\n`);
  }
  const reformed = summary.placement.method === 'reformed';
  parts.push(`\n${w.movedHead(ch.moves.length, reformed ? (ch.moves[0]?.why ?? '') : null)}\n`);
  // Re-formed groups share one reason: said once above, not per person.
  for (const m of ch.moves) parts.push(`  ${m.id}: ${w.moved(m)}\n${reformed ? '' : `    ${lang === 'nb' ? 'hvorfor' : 'why'}: ${w.movedWhy(m.why)}\n`}`);
  if (ch.emptySeats.length > 0) parts.push(`\n${w.emptyHead}\n`);
  for (const e of ch.emptySeats) parts.push(`  ${w.empty({ body: body(e.cell), withdrawn: e.withdrawn, detail: e.explanation })}\n`);
  const notMet = summary.rules.filter((r) => !r.met);
  if (notMet.length > 0) parts.push('\n');
  for (const r of notMet) {
    const where = r.scope === 'cell' ? cellLabel(loaded, r.scopeKey) : r.scopeKey;
    parts.push(`${w.ruleNotMet({ kind: r.kind, where, gender: r.gender, required: r.required, actual: r.actual, detail: r.explanation ?? r.text })}\n`);
  }
  const shown = summary.findings.filter((f) => f.severity !== 'warning' && !notMet.some((r) => r.id === f.rule));
  if (shown.length > 0) parts.push(`\n${w.checkHead}\n`);
  const sev = CATALOGUE[lang].check.severity;
  for (const f of shown) parts.push(`  ${sev(f.severity).padEnd(12)} ${f.code}: ${f.message}\n`);
  const committee = committeeLines(summary.nominationCap, summary.decisions, lang);
  if (committee !== '') parts.push(`\n${committee}`);
  parts.push(`\n${summary.allRulesMet ? a.allMet : a.notAllMet}\n${a.wrote([`${out}/allocation.csv`, `${out}/groups.csv`, `${out}/summary.json`])}\n`);
  return parts.join('');
}

/** The committee report of the new allocation; the change set goes into the report's notes. */
function reportView(loaded: Loaded, summary: ReplaceSummary, rows: readonly ResultRow[], result: ReplaceResult): ReportView {
  const changes: NoteView[] = [
    ...summary.changes.withdrawn.map((w) => ({ code: 'withdrawn', message: `${w.id} withdrew${w.replacedBy === null ? '' : `; ${w.replacedBy} takes the seat`}.`, ids: w.replacedBy === null ? [w.id] : [w.id, w.replacedBy] })),
    ...summary.changes.newcomers.map((n) => ({ code: 'newcomer', message: `${n.id}: ${n.why}.`, ids: [n.id] })),
    ...summary.changes.moves.map((m) => ({ code: 'moved', message: `${m.id}: ${moveText(m)} (${m.why}).`, ids: [m.id] })),
    ...summary.changes.emptySeats.map((e) => ({ code: 'empty_seat', message: e.explanation })),
  ];
  return reportViewFromRows({
    inputs: loaded.inputs,
    rows,
    groupOf: result.placement.groupOf,
    teamOf: result.placement.teamOf,
    rules: summary.rules.map((r) => ({ id: r.id, kind: r.kind, scope: r.scope, scopeKey: r.scopeKey, gender: r.gender, required: r.required, actual: r.actual, met: r.met, explanation: r.explanation })),
    relaxations: summary.findings
      .filter((f) => f.severity === 'unmet' && f.rule === null)
      .map((f) => ({ stage: f.code.startsWith('team') ? ('teams' as const) : ('groups' as const), code: f.code, reason: f.message, ids: f.ids })),
    seed: summary.seed,
    allRulesMet: summary.allRulesMet,
    warnings: [...summary.warnings.map((w) => ({ code: w.code, message: w.message })), ...changes],
    decisions: summary.decisions,
  });
}

export async function runReplace(options: ReplaceOptions): Promise<CommandOutcome> {
  // Ids typed on the command line are read as the files' ids are (see normaliseId), so that they match.
  const opts = { ...options, withdraw: options.withdraw.map(idKey), add: options.add.map(idKey) };
  const loaded = load(opts);
  const seed = opts.seed ?? loaded.inputs.programme.seed;
  const input = replaceInput(loaded, opts, seed);
  const before = findings(loaded, loaded.allocation);
  const file = join(opts.out, 'allocation.csv');

  let result = compute(input, opts.lang ?? 'nb');
  let rows = orderedRows(loaded, result);
  let found = findings(loaded, asAllocationFile(loaded, rows, file));
  let bad = unexplained(found, before, result);
  const placementBroken = result.placement.groupCountChanged || bad.some((v) => v.code.startsWith('group_') || v.code.startsWith('team_') || v.code.startsWith('lock_'));
  if (placementBroken) {
    const because = result.placement.groupCountChanged
      ? `${result.participants.length} participants need another number of workshop groups`
      : 'no placement within a few swaps keeps every group and team rule';
    result = compute(input, opts.lang ?? 'nb', await reform(loaded, result, seed, opts.deadlineMs, because));
    rows = orderedRows(loaded, result);
    found = findings(loaded, asAllocationFile(loaded, rows, file));
    bad = unexplained(found, before, result);
  }
  if (bad.length > 0) {
    throw new InternalError('E_REPLACE_CHECK', `the independent checkers reject the new allocation: ${bad.map((v) => `${v.code}: ${v.message}`).join(' | ')}`, bad);
  }
  const ok = !found.some((v) => v.severity === 'error' || v.severity === 'unmet');
  const summary = buildSummary(loaded, opts, seed, result, rows, found, ok);
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  const report = opts.report === undefined ? undefined : { path: opts.report, content: renderReport(reportView(loaded, summary, rows, result), opts.lang ?? 'nb') };
  writeOutputsWithReport(
    opts.out,
    [
      { name: 'allocation.csv', content: allocationCsv(loaded, rows) },
      { name: 'groups.csv', content: groupsCsv(loaded, result) },
      { name: 'summary.json', content: json },
    ],
    report,
    { force: opts.force, cwd: opts.cwd, inputs: inputPaths(opts) },
  );
  const lang = opts.lang ?? 'nb';
  const beforeErrors = before.filter((v) => v.severity === 'error');
  const includedGone = loaded.locks.include.filter((id) => rows.some((r) => r.id === id && r.status === 'withdrawn'));
  const stderr = runWarningLines(
    [
      ...summary.warnings,
      ...beforeErrors.map((v) => warning('starting_allocation_breaks_rule', { rule: v.code, ids: [...v.ids], detail: v.message })),
      ...includedGone.map((id) => warning('withdrawn_still_included', { id, locks: opts.locks ?? null })),
    ],
    lang,
  );
  const wroteReport = report === undefined ? '' : `${CATALOGUE[lang].allocate.wroteReport(report.path)}\n`;
  return { stdout: opts.json ? json : readable(loaded, summary, opts.out, lang) + wroteReport, stderr, exitCode: ok ? EXIT.ok : EXIT.ruleNotMet };
}
