/**
 * `cohort allocate`: read → screen → select → workshop groups → project teams → write.
 * Every stage's result has already been re-checked by the independent checkers before it reaches here;
 * nothing is written unless the whole pipeline succeeded.
 */
import { EXIT, InternalError } from '../domain/errors.js';
import type { Lang } from '../domain/text.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import { allocateText } from './allocate-text.js';
import type { AllocationDiff } from '../diff/diff.js';
import { diffText } from '../diff/text.js';
import { diffChanges } from './diff.js';
import { diffWithPrevious, moveReasons, type Placed } from './previous.js';
import type { CandidateSelection } from '../stages/select/select.js';
import type { GroupsResult } from '../stages/groups/groups.js';
import { NOT_CANONICAL_NOTE } from '../stages/common.js';
import type { Candidate } from '../domain/types.js';
import type { Warning } from '../domain/warnings.js';
import { basename, dirname } from 'node:path';
import { toCsv, type OutputFile } from '../io/csv-write.js';
import { workbookBytes } from '../io/xlsx-write.js';
import { allocationWorkbook } from './workbook.js';
import { TOOL_VERSION } from '../domain/version.js';
import { inputPaths, inputRecords } from './load.js';
import { allRulesMet, computeAllocation, PLAIN_GROUPS_NOTE, type AllocateOptions, type Allocation } from './pipeline.js';
import { runWarningLines, warningLines, warningsInLang, type CommandOutcome } from './outcome.js';
import { compareCodeUnits } from '../domain/compare.js';
import { ALLOCATION_OWN_COLUMNS, groupsTable, localised, outputColumns, passThrough, SOURCE_COLUMNS, type OutputTable } from './outputs.js';
import { joinReasons } from './screen.js';
import type { AllocateSummary } from './summary-schema.js';
import { renderReport } from '../report/render.js';
import type { AllocationStatus } from '../read/allocation.js';
import { allocationDecisions, decisionReasons } from './decisions.js';
import { nominationCapSummary, outputStatus } from './nomination-cap.js';
import { committeeLines } from './committee-text.js';
import { reportViewFromAllocation, writeOutputsWithReport } from './report-view.js';

export const SUMMARY_SCHEMA_VERSION = 1;

const STATUS_ORDER: Record<AllocationStatus, number> = { selected: 0, reserve: 1, excluded: 2, ineligible: 3, over_cap: 4, withdrawn: 5 };



/** allocation.csv: every input row exactly once; sorted by cell, status, reserve rank and id (never by input order). */
export function allocationCsv(a: Allocation): string {
  const t = localised(allocationTable(a), a.inputs.outputLang);
  return toCsv(t.header, t.body, { delimiter: a.inputs.outputDelimiter });
}

/** allocation.csv's columns and rows: the tool's names and values (written in the output's language by `localised`). */
export function allocationTable(a: Allocation): OutputTable {
  const pt = passThrough(a.inputs.read.candidates, a.inputs.read.files, a.inputs.outputDecimal);
  const byId = new Map(a.inputs.read.candidates.map((c) => [c.id, c]));
  const warningsById = new Map(a.inputs.screening.screened.map((s) => [s.candidate.id, s.warnings]));
  const cellOrder = new Map(a.selection.cells.map((c, i) => [c.key, i]));
  const committee = decisionReasons(allocationDecisions(a));
  const status = (s: CandidateSelection) => outputStatus(s.status, s.reasons);
  const rows = [...a.selection.candidates].sort(
    (x, y) =>
      (cellOrder.get(x.cell ?? '') ?? 1e9) - (cellOrder.get(y.cell ?? '') ?? 1e9) ||
      STATUS_ORDER[status(x)] - STATUS_ORDER[status(y)] ||
      (x.reserveRank ?? 0) - (y.reserveRank ?? 0) ||
      compareCodeUnits(x.id, y.id),
  );
  const body = rows.map((s) => {
    const c = byId.get(s.id) as Candidate;
    return [
      s.id,
      status(s),
      s.cell ?? '',
      s.reserveRank === null ? '' : String(s.reserveRank),
      numberOrBlank(a.groups.groupOf[s.id]),
      numberOrBlank(a.teams.teamOf[s.id]),
      joinReasons([...s.reasons, ...(committee.get(s.id) ?? [])], a.inputs.outputLang),
      joinReasons(warningsById.get(s.id) ?? [], a.inputs.outputLang),
      ...pt.row(c),
      c.ref.file,
      String(c.ref.line),
    ];
  });
  return { columns: outputColumns(ALLOCATION_OWN_COLUMNS, pt, SOURCE_COLUMNS), body };
}

function numberOrBlank(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}

/** groups.csv: one row per member of each workshop group and project team, for printing. */
export function groupsCsv(a: Allocation): string {
  const t = localised(groupsTable(a.inputs.read.candidates, a.groups.groups, a.teams.teams), a.inputs.outputLang);
  return toCsv(t.header, t.body, { delimiter: a.inputs.outputDelimiter });
}

/**
 * Which solver answered each stage, and what was tried before it. Kept out of summary.json and the report:
 * whether javascript-lp-solver beats its short deadline depends on the machine, but only on models whose optimum
 * is unique (the solver policy gives it the full deadline elsewhere), so the log varies across machines while the
 * result does not.
 */
export function solverLog(a: Allocation): Array<{ stage: 'selection' | 'groups' | 'teams'; solver: string | null; attempts: Array<{ solver: string; status: string; note: string | null }> }> {
  const attempts = (list: ReadonlyArray<{ solver: string; status: string; note?: string | undefined }>) => list.map((t) => ({ solver: t.solver, status: t.status, note: t.note ?? null }));
  return [
    { stage: 'selection', solver: a.selection.stage.solver, attempts: attempts(a.selection.stage.attempts) },
    { stage: 'groups', solver: a.groups.report.solver, attempts: attempts(a.groups.report.attempts) },
    { stage: 'teams', solver: a.teams.report.solver, attempts: attempts(a.teams.report.attempts) },
  ];
}

/**
 * summary.json; its shape is `AllocateSummarySchema` (src/app/summary-schema.ts, data/summary.schema.json). With
 * `--previous`, `previous` holds the changes from that allocation (the same as `cohort diff PREVIOUS allocation.csv`).
 */
export function buildSummary(a: Allocation, diff: AllocationDiff | null = null, lang: Lang = 'nb'): AllocateSummary {
  const { inputs, selection, groups, teams } = a;
  const count = (s: CandidateSelection['status']) => selection.candidates.filter((c) => c.status === s).length;
  const overCap = selection.candidates.filter((c) => outputStatus(c.status, c.reasons) === 'over_cap').length;
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
  const warnings: Warning[] = warningsInLang([...inputs.read.warnings, ...inputs.screening.warnings, ...selection.warnings], lang);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: 'cohort', version: TOOL_VERSION },
    command: 'allocate',
    seed: a.seed,
    programme: { name: inputs.programme.name, startDate: inputs.programme.startDate, source: inputs.programmeSource, sha256: inputs.programmeSha256 },
    inputs: inputRecords(inputs),
    counts: { candidates: selection.candidates.length, selected: count('selected'), reserve: count('reserve'), excluded: count('excluded'), ineligible: count('ineligible'), overCap },
    allRulesMet: allRulesMet(a),
    cells: selection.cells.map((c) => ({ ...c, reserves: c.eligible - c.excluded - c.selected })),
    gender: selection.gender,
    rules: selection.rules,
    relaxations: [...groups.relaxations.map((r) => ({ stage: 'groups' as const, ...r })), ...teams.relaxations.map((r) => ({ stage: 'teams' as const, ...r }))],
    stages: [
      {
        stage: 'selection',
        model: `type-aggregated counts (cell × gender × rank class)${sel.canonical ? '' : NOT_CANONICAL_NOTE}`,
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
    teamMatch: teams.match,
    warnings,
    decisions: allocationDecisions(a),
    nominationCap: nominationCapSummary(inputs.screening.screened, inputs.programme),
    departures: selection.departures,
    lottery: selection.lottery,
    genderBalance: selection.balance,
    ...(a.previous === null || diff === null
      ? {}
      : { previous: { file: a.previous.read.file, sha256: a.previous.read.sha256, idsNotInInput: a.previous.gone, idsNamingAnotherPerson: a.previous.changed, stability: stabilityOf(a), ...diffChanges(diff) } }),
  };
}

export type Summary = ReturnType<typeof buildSummary>;

/** This run's groups and teams as `moveReasons` reads them (a newcomer's cell from the diff). */
function placedOf(a: Allocation, diff: AllocationDiff): Placed {
  const cellOf = new Map(diff.changes.map((c) => [c.id, c.new?.cell ?? null]));
  const byId = new Map(a.inputs.read.candidates.map((c) => [c.id, c]));
  const who = new Map(Object.keys(a.groups.groupOf).map((id) => [id, { sector: byId.get(id)?.sector ?? '', organisationKey: byId.get(id)?.organisationKey ?? '', cell: cellOf.get(id) ?? null }]));
  return { groupOf: a.groups.groupOf, teamOf: a.teams.teamOf, who, locked: new Set((a.locks.groups.inGroup ?? []).map((l) => l.id)) };
}

/** Participants of both the previous allocation and this one, and how many kept their group and team number. */
export function stabilityOf(a: Allocation): { participantsInBoth: number; sameGroup: number; sameTeam: number } {
  const before = new Map((a.previous?.read.allocation.rows ?? []).filter((r) => r.status === 'selected').map((r) => [r.id, r]));
  const both = Object.keys(a.groups.groupOf).filter((id) => before.has(id));
  return {
    participantsInBoth: both.length,
    sameGroup: both.filter((id) => before.get(id)?.workshopGroup === a.groups.groupOf[id]).length,
    sameTeam: both.filter((id) => before.get(id)?.projectTeam === a.teams.teamOf[id]).length,
  };
}

function readableSummary(a: Allocation, summary: Summary, lang: Lang, verbose: boolean): string {
  const w = CATALOGUE[lang].allocate;
  return (
    allocateText(summary, { lang, verbose, solvers: solverLog(a) }) +
    committeeLines(summary.nominationCap, summary.decisions, lang) +
    `\n${summary.allRulesMet ? w.allMet : w.notAllMet}\n`
  );
}


export interface AllocateRunOptions extends AllocateOptions {
  /**
   * `csv` (default): allocation.csv, groups.csv, summary.json. `xlsx`: allocation.xlsx (every sheet a coordinator
   * hands on) and summary.json. An `--out` name ending in `.xlsx` writes only that workbook.
   */
  format?: 'csv' | 'xlsx' | undefined;
}

/** The files of a run in the chosen format: where they go and what they are. */
function runFiles(a: Allocation, summary: Summary, json: string, out: string, opts: AllocateRunOptions, allocation: string): { dir: string; files: OutputFile[] } {
  const workbookOnly = /\.xlsx$/i.test(out);
  if (opts.format !== 'xlsx' && !workbookOnly) {
    return {
      dir: out,
      files: [
        { name: 'allocation.csv', content: allocation },
        { name: 'groups.csv', content: groupsCsv(a) },
        { name: 'summary.json', content: json },
      ],
    };
  }
  const bytes = workbookBytes(
    allocationWorkbook({
      allocation: allocationTable(a),
      groups: groupsTable(a.inputs.read.candidates, a.groups.groups, a.teams.teams),
      candidates: a.inputs.read.candidates,
      summary,
      lang: a.inputs.outputLang,
    }),
  );
  if (workbookOnly) return { dir: dirname(out), files: [{ name: basename(out), content: bytes }] };
  return { dir: out, files: [{ name: 'allocation.xlsx', content: bytes }, { name: 'summary.json', content: json }] };
}

export async function runAllocate(opts: AllocateRunOptions): Promise<CommandOutcome> {
  const a = await computeAllocation(opts);
  const lang = opts.lang ?? 'nb';
  const allocation = allocationCsv(a);
  const diff = a.previous === null ? null : diffWithPrevious(a.previous, allocation);
  const summary = buildSummary(a, diff, lang);
  const json = JSON.stringify(summary, null, 2) + '\n';
  const pm = CATALOGUE[lang].previous;
  let wroteText: string;
  if (opts.dryRun === true) {
    wroteText = `${pm.dryRun}\n`;
  } else {
    if (opts.out === undefined) throw new InternalError('E_NO_OUT', 'allocate needs an output directory unless it is a dry run');
    const report = opts.report === undefined ? undefined : { path: opts.report, content: renderReport(reportViewFromAllocation(a), lang) };
    const run = runFiles(a, summary, json, opts.out, opts, allocation);
    writeOutputsWithReport(run.dir, run.files, report, { force: opts.force, cwd: opts.cwd, inputs: inputPaths(opts) });
    const w = CATALOGUE[lang].allocate;
    wroteText = `${w.wrote(run.files.map((f) => `${run.dir}/${f.name}`))}\n` + (report === undefined ? '' : `${w.wroteReport(report.path)}\n`);
  }
  // The solver log is progress, not a result: stderr, so that --json keeps stdout to one document.
  const log = solverLog(a).map((l) => `${CATALOGUE[lang].allocate.solverLine(l.stage, l.attempts)}\n`).join('');
  const previousWarnings = a.previous?.warnings ?? [];
  const stderr = runWarningLines(summary.warnings, lang) + warningLines(previousWarnings, CATALOGUE[lang].warning) + (opts.json || opts.verbose === true ? log : '');
  const exitCode = summary.allRulesMet ? EXIT.ok : EXIT.ruleNotMet;
  let compared = '';
  if (diff !== null && a.previous !== null && summary.previous !== undefined) {
    const groupsStage = summary.stages.find((st) => st.stage === 'groups');
    const how = groupsStage?.model.includes(PLAIN_GROUPS_NOTE) === true ? 'plain' : groupsStage?.status === 'optimal' ? 'proven' : 'unproven';
    const moves = moveReasons(a.previous, placedOf(a, diff));
    const why = moves.length === 0 ? '' : `${pm.movesHead}\n${moves.map((m) => `- ${pm.move(m)}\n`).join('')}`;
    compared = `\n${diffText(diff, CATALOGUE[lang].diff, a.previous.read.file, pm.thisRun)}${pm.kept(summary.previous.stability, how)}\n${why}`;
  }
  return { stdout: opts.json ? json : readableSummary(a, summary, lang, opts.verbose === true) + wroteText + compared, stderr, exitCode };
}
