/**
 * `cohort allocate`: read → screen → select → workshop groups → project teams → write.
 * Every stage's result has already been re-checked by the independent checkers before it reaches here;
 * nothing is written unless the whole pipeline succeeded.
 */
import { EXIT, InputError, type InputIssue } from '../errors.js';
import { select, type CandidateSelection, type SelectionResult } from '../core/selection.js';
import { formGroupsAndTeams } from '../core/teams.js';
import type { GroupsResult } from '../core/groups.js';
import type { TeamsResult } from '../core/teams.js';
import type { Candidate, Warning } from '../core/types.js';
import { closeSolvers } from '../solver/index.js';
import { toCsv } from '../io/csv-write.js';
import { TOOL_VERSION } from '../version.js';
import { inputRecords, loadInputs, readFiles, type LoadedInputs } from './inputs.js';
import { emptyLocks, lockIds, parseLocks, type CommitteeLocks } from '../io/locks-read.js';
import type { CommandOutcome } from './outcome.js';
import { compareCodeUnits, passThrough } from './passthrough.js';
import { joinReasons, type ScreenOptions } from './screen.js';
import { renderTable } from './table.js';
import type { AllocateSummary } from './summary-schema.js';
import { renderReport } from '../report/render.js';
import { reportViewFromAllocation, writeOutputsWithReport } from './report.js';

export interface AllocateOptions extends ScreenOptions {
  /** Lottery seed; default the programme's. */
  seed?: string | undefined;
  include: readonly string[];
  exclude: readonly string[];
  /** Hard deadline per solver attempt, in milliseconds. */
  deadlineMs: number;
  /** The committee's decisions as a CSV file (see src/io/locks-read.ts); merged with include/exclude. */
  locks?: string | undefined;
  /** Also write the HTML report to this path (`--report`; see `writeOutputsWithReport` in report.ts). Default: none. */
  report?: string | undefined;
  /** Language of the report. Default `nb`. */
  lang?: 'nb' | 'en' | undefined;
}

export const SUMMARY_SCHEMA_VERSION = 1;

/** The computed allocation, before anything is written. */
export interface Allocation {
  inputs: LoadedInputs;
  seed: string;
  selection: SelectionResult;
  groups: GroupsResult;
  teams: TeamsResult;
}

const STATUS_ORDER: Record<CandidateSelection['status'], number> = { selected: 0, reserve: 1, excluded: 2, ineligible: 3 };

/** Read `--locks FILE` (the committee's decisions) and merge its include/exclude with the options'. */
export function loadLocks(path: string | undefined, include: readonly string[], exclude: readonly string[]): CommitteeLocks {
  const locks = emptyLocks();
  if (path !== undefined) {
    const { files, issues } = readFiles([path]);
    if (issues.length > 0) throw new InputError(issues);
    Object.assign(locks, parseLocks((files[0] as { bytes: Uint8Array }).bytes, path));
  }
  return { ...locks, include: [...new Set([...include, ...locks.include])], exclude: [...new Set([...exclude, ...locks.exclude])] };
}

/** Ids named in --include/--exclude or a locks file must exist, and no id may be in both: a typo must not pass silently. */
function checkLocks(candidates: readonly Candidate[], include: readonly string[], exclude: readonly string[], locks?: { file: string; ids: readonly string[] }): void {
  const ids = new Set(candidates.map((c) => c.id));
  const issues: InputIssue[] = [];
  const lists: Array<readonly [string, readonly string[]]> = [['--include', include], ['--exclude', exclude]];
  if (locks !== undefined) lists.push([locks.file, locks.ids]);
  for (const [option, list] of lists) {
    for (const id of list) {
      if (!ids.has(id)) issues.push({ code: 'unknown_id', file: option, message: `expected the id of a candidate in the input files, got "${id}"` });
    }
  }
  for (const id of include) {
    if (exclude.includes(id)) issues.push({ code: 'conflicting_lock', file: '--include/--exclude', message: `"${id}" is both included and excluded` });
  }
  if (issues.length > 0) throw new InputError(issues);
}

export async function computeAllocation(opts: AllocateOptions): Promise<Allocation> {
  const inputs = loadInputs(opts);
  const locks = loadLocks(opts.locks, opts.include, opts.exclude);
  checkLocks(inputs.read.candidates, locks.include, locks.exclude, opts.locks === undefined ? undefined : { file: opts.locks, ids: lockIds(locks) });
  const seed = opts.seed ?? inputs.programme.seed;
  try {
    const selection = await select(inputs.screening.screened, inputs.programme, {
      seed,
      include: locks.include,
      exclude: locks.exclude,
      solve: { deadlineMs: opts.deadlineMs },
    });
    const selectedIds = new Set(selection.candidates.filter((c) => c.status === 'selected').map((c) => c.id));
    const participants = inputs.read.candidates.filter((c) => selectedIds.has(c.id));
    const { groups, teams } = await formGroupsAndTeams(participants, inputs.programme, { seed, deadlineMs: opts.deadlineMs, locks: locks.groups });
    return { inputs, seed, selection, groups, teams };
  } finally {
    await closeSolvers();
  }
}

/** allocation.csv: every input row exactly once; sorted by cell, status, reserve rank and id (never by input order). */
export function allocationCsv(a: Allocation): string {
  const pt = passThrough(a.inputs.read.candidates);
  const byId = new Map(a.inputs.read.candidates.map((c) => [c.id, c]));
  const warningsById = new Map(a.inputs.screening.screened.map((s) => [s.candidate.id, s.warnings]));
  const cellOrder = new Map(a.selection.cells.map((c, i) => [c.key, i]));
  const rows = [...a.selection.candidates].sort(
    (x, y) =>
      (cellOrder.get(x.cell ?? '') ?? 1e9) - (cellOrder.get(y.cell ?? '') ?? 1e9) ||
      STATUS_ORDER[x.status] - STATUS_ORDER[y.status] ||
      (x.reserveRank ?? 0) - (y.reserveRank ?? 0) ||
      compareCodeUnits(x.id, y.id),
  );
  const body = rows.map((s) => {
    const c = byId.get(s.id) as Candidate;
    return [
      s.id,
      s.status,
      s.cell ?? '',
      s.reserveRank === null ? '' : String(s.reserveRank),
      numberOrBlank(a.groups.groupOf[s.id]),
      numberOrBlank(a.teams.teamOf[s.id]),
      joinReasons(s.reasons),
      joinReasons(warningsById.get(s.id) ?? []),
      ...pt.row(c),
      c.ref.file,
      String(c.ref.line),
    ];
  });
  const header = ['id', 'status', 'cell', 'reserve_rank', 'workshop_group', 'project_team', 'reasons', 'warnings', ...pt.header.map((h) => (h === 'id' ? 'input_id' : h)), 'source_file', 'source_line'];
  return toCsv(header, body, { delimiter: a.inputs.outputDelimiter });
}

function numberOrBlank(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}

/** groups.csv: one row per member of each workshop group and project team, for printing. */
export function groupsCsv(a: Allocation): string {
  const byId = new Map(a.inputs.read.candidates.map((c) => [c.id, c]));
  const rows: string[][] = [];
  const member = (kind: string, n: number, id: string) => {
    const c = byId.get(id) as Candidate;
    rows.push([kind, String(n), id, c.name, c.sector, c.rhf ?? '', c.organisation, c.municipality?.countyName ?? '', c.gender]);
  };
  for (const g of a.groups.groups) for (const id of g.memberIds) member('workshop_group', g.number, id);
  for (const t of a.teams.teams) for (const id of t.memberIds) member('project_team', t.number, id);
  return toCsv(['kind', 'number', 'id', 'name', 'sector', 'rhf', 'organisation', 'county', 'gender'], rows, { delimiter: a.inputs.outputDelimiter });
}

/**
 * Which solver answered each stage, and what was tried before it. Kept out of summary.json and the report:
 * whether javascript-lp-solver beats its short deadline depends on the machine, and every stage's optimum is
 * unique (seeded tie-break costs), so the log varies across machines while the result does not.
 */
export function solverLog(a: Allocation): Array<{ stage: string; solver: string | null; attempts: string }> {
  const attempts = (list: ReadonlyArray<{ solver: string; status: string; note?: string | undefined }>) =>
    list.map((t) => `${t.solver} ${t.status}${t.note === undefined ? '' : ` (${t.note})`}`).join(', then ');
  return [
    { stage: 'selection', solver: a.selection.stage.solver, attempts: attempts(a.selection.stage.attempts) },
    { stage: 'groups', solver: a.groups.report.solver, attempts: attempts(a.groups.report.attempts) },
    { stage: 'teams', solver: a.teams.report.solver, attempts: attempts(a.teams.report.attempts) },
  ];
}

export function allRulesMet(a: Allocation): boolean {
  return a.selection.allRulesMet && a.groups.relaxations.length === 0 && a.teams.relaxations.length === 0;
}

/** summary.json; its shape is `AllocateSummarySchema` (src/app/summary-schema.ts, data/summary.schema.json). */
export function buildSummary(a: Allocation): AllocateSummary {
  const { inputs, selection, groups, teams } = a;
  const count = (s: CandidateSelection['status']) => selection.candidates.filter((c) => c.status === s).length;
  const stage = (r: GroupsResult['report']) => ({
    stage: r.stage,
    model: r.model,
    status: r.status,
    solverStatus: r.solverStatus,
    objective: r.objective,
    bound: r.bound,
    gap: r.gap,
    terms: r.terms,
    modelSizes: r.modelSizes,
  });
  const sel = selection.stage;
  const warnings: Warning[] = [...inputs.read.warnings, ...inputs.screening.warnings, ...selection.warnings];
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: 'cohort', version: TOOL_VERSION },
    command: 'allocate',
    seed: a.seed,
    programme: { name: inputs.programme.name, startDate: inputs.programme.startDate, source: inputs.programmeSource, sha256: inputs.programmeSha256 },
    inputs: inputRecords(inputs),
    counts: { candidates: selection.candidates.length, selected: count('selected'), reserve: count('reserve'), excluded: count('excluded'), ineligible: count('ineligible') },
    allRulesMet: allRulesMet(a),
    cells: selection.cells.map((c) => ({ ...c, reserves: c.eligible - c.excluded - c.selected })),
    gender: selection.gender,
    rules: selection.rules,
    relaxations: [...groups.relaxations.map((r) => ({ stage: 'groups' as const, ...r })), ...teams.relaxations.map((r) => ({ stage: 'teams' as const, ...r }))],
    stages: [
      {
        stage: 'selection',
        model: 'type-aggregated counts (cell × gender × rank class)',
        status: sel.status,
        solverStatus: sel.status,
        objective: sel.objective,
        bound: sel.bound,
        gap: sel.gap,
        terms: sel.terms === null ? [] : (['genderShortfall', 'rank', 'lottery'] as const).map((k) => ({ name: k, value: sel.terms?.[k] ?? 0, weight: sel.weights[k] })),
        modelSizes: [{ label: 'selection', variables: sel.variables, constraints: sel.constraints }],
      },
      stage(groups.report),
      stage(teams.report),
    ],
    groups: groups.quality,
    teams: teams.quality,
    warnings,
  };
}

export type Summary = ReturnType<typeof buildSummary>;

function readableSummary(a: Allocation, summary: Summary, out: string): string {
  const parts: string[] = [];
  const solvers = solverLog(a);
  parts.push(`${summary.programme.name}: ${summary.counts.selected} selected of ${summary.counts.candidates} candidates (seed "${a.seed}")\n`);
  parts.push(
    renderTable(
      ['cell', 'seats', 'eligible', 'selected', 'reserves', 'shortfall', 'women', 'men'],
      summary.cells.map((c) => [c.label, c.seats, c.eligible, c.selected, c.reserves, c.shortfall, c.gender.selected.female, c.gender.selected.male]),
    ),
  );
  const g = summary.gender;
  parts.push(
    '\n' +
      renderTable(
        ['gender', 'cohort', 'kommune', 'spesialist'],
        [
          ['women', g.cohort.female, g.sectors.kommune.female, g.sectors.spesialist.female],
          ['men', g.cohort.male, g.sectors.kommune.male, g.sectors.spesialist.male],
          ['unknown', g.cohort.unknown, g.sectors.kommune.unknown, g.sectors.spesialist.unknown],
        ],
      ),
  );
  parts.push(
    '\n' +
      renderTable(
        ['group', 'size', 'kommune', 'spesialist', 'women', 'men', 'RHFs', 'org clashes'],
        summary.groups.map((q) => [q.group, q.size, q.kommune, q.spesialist, q.female, q.male, q.regions.map((r) => `${r.region} ${r.count}`).join(', '), q.organisationClashes.length]),
      ),
  );
  const matched = summary.teams.filter((t) => t.regionMatch !== null).length;
  parts.push(`\nProject teams: ${summary.teams.length}, region-matched ${matched}, all members from different workshop groups ${summary.teams.filter((t) => t.groupsDistinct).length}, both genders ${summary.teams.filter((t) => t.bothGenders).length}.\n`);
  parts.push(
    '\n' +
      renderTable(
        ['stage', 'status', 'solver', 'objective', 'bound', 'gap'],
        summary.stages.map((s, i) => [s.stage, s.status, solvers[i]?.solver ?? '–', fmt(s.objective), fmt(s.bound), s.gap === null ? '–' : s.gap === 0 ? '0' : `${(s.gap * 100).toFixed(2)} %`]),
      ),
  );
  const notMet = summary.rules.filter((r) => !r.met);
  for (const r of notMet) parts.push(`rule not met: ${r.explanation ?? r.text}\n`);
  for (const c of summary.cells) if (c.explanation !== null && !notMet.some((r) => r.explanation === c.explanation)) parts.push(`${c.explanation}\n`);
  for (const r of summary.relaxations) parts.push(`relaxed (${r.stage}): ${r.reason}\n`);
  parts.push(`\n${summary.allRulesMet ? 'Every programme rule is met.' : 'A programme rule is not met (exit code 1).'}\nWrote ${out}/allocation.csv, ${out}/groups.csv and ${out}/summary.json.\n`);
  return parts.join('');
}

function fmt(n: number | null): string {
  if (n === null) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(4);
}

export async function runAllocate(opts: AllocateOptions): Promise<CommandOutcome> {
  const a = await computeAllocation(opts);
  const summary = buildSummary(a);
  const json = JSON.stringify(summary, null, 2) + '\n';
  const report = opts.report === undefined ? undefined : { path: opts.report, content: renderReport(reportViewFromAllocation(a), opts.lang ?? 'nb') };
  writeOutputsWithReport(
    opts.out,
    [
      { name: 'allocation.csv', content: allocationCsv(a) },
      { name: 'groups.csv', content: groupsCsv(a) },
      { name: 'summary.json', content: json },
    ],
    report,
    { force: opts.force },
  );
  // The solver log is progress, not a result: stderr, so that --json keeps stdout to one document.
  const log = solverLog(a).map((l) => `solver: ${l.stage}: ${l.attempts}\n`).join('');
  const stderr = summary.warnings.map((w) => `warning: ${w.message}\n`).join('') + (opts.json ? log : '');
  const exitCode = summary.allRulesMet ? EXIT.ok : EXIT.ruleNotMet;
  const wroteReport = report === undefined ? '' : `Wrote the report ${report.path}.\n`;
  return { stdout: opts.json ? json : readableSummary(a, summary, opts.out) + wroteReport, stderr, exitCode };
}
