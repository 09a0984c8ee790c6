/**
 * The HTML report of a run (`cohort allocate --report FILE`): the view built from a computed allocation, and
 * writing the report together with the run's other files.
 */
import { dirname, resolve } from 'node:path';
import { OutputError } from '../domain/errors.js';
import type { OutputOption } from '../domain/i18n/catalogue.js';
import { partitionsOf, type Partition } from '../domain/partition.js';
import { quotaCells } from '../domain/programme.js';
import { toPerson } from '../stages/common.js';
import { groupQualityRows, teamQualityRows, type GroupQuality, type TeamQuality } from '../stages/quality.js';
import { pluralForm } from '../domain/text.js';
import type { Candidate } from '../domain/types.js';
import { lstatOrNull, refuseInputTargets, reportFileName, writeOutputs, type OutputFile, type WriteOptions } from '../io/csv-write.js';
import type { DecisionView, EligibilityFacts, ListedCandidateView, NominationCapView, NoteView, PersonView, RelaxationView, ReportView, RuleView } from '../report/view.js';
import { ageOn } from '../domain/dates.js';
import type { Programme } from '../domain/programme.js';
import { emailOf } from '../read/columns.js';
import { overCapOnly } from '../domain/nomination.js';
import { allocationDecisions, type DecisionRecord } from './decisions.js';
import { nominationCapSummary, outputStatus } from './nomination-cap.js';
import { TOOL_VERSION } from '../domain/version.js';
import type { Allocation } from './pipeline.js';
import { inputRecords, type LoadedInputs } from './load.js';

/** Reasons about the committee's locks, not about eligibility: the ineligible section groups by the others. */
const LOCK_REASONS = new Set(['lock_not_obeyed', 'excluded', 'included']);

function person(c: Candidate): PersonView {
  return { id: c.id, name: c.name, gender: c.gender, sector: c.sector, rhf: c.rhf, organisation: c.organisation, priority: c.priority, position: c.position, email: emailOf(c.raw) };
}

/** What the eligibility rules measured of a candidate, for the ineligible list's detail. */
function facts(c: Candidate, p: Programme): EligibilityFacts {
  return { age: c.birthDate === null ? null : ageOn(c.birthDate, p.startDate), education: c.education, experienceYears: c.experienceYears };
}

/** The report's programme record. */
function programmeView(inputs: LoadedInputs): ReportView['programme'] {
  const p = inputs.programme;
  const e = p.eligibility;
  return {
    name: p.name,
    startDate: p.startDate,
    source: inputs.programmeSource,
    sha256: inputs.programmeSha256,
    minAge: e.minAge,
    eligibility: { minEducation: e.minEducation, minExperienceYears: e.minExperienceYears, minExperienceYearsWithMaster: e.minExperienceYearsWithMaster },
  };
}

/** The report's workshop groups: members from the candidates, the gender minimum and clashes from the quality table. */
function groupViews(groups: readonly Partition[], quality: readonly GroupQuality[], candidate: (id: string) => Candidate): ReportView['groups'] {
  const rowOf = new Map(quality.map((q) => [q.group, q]));
  return groups.map((g) => {
    const q = rowOf.get(g.number);
    if (q === undefined) throw new Error(`report: no quality row for workshop group ${g.number}`);
    return { number: g.number, members: g.memberIds.map((id) => person(candidate(id))), genderMinimum: q.genderMinimum, organisationClashes: q.organisationClashes };
  });
}

/** The report's project teams: members (with their workshop group) from the candidates, region match and clashes from the quality table. */
function teamViews(teams: readonly Partition[], quality: readonly TeamQuality[], candidate: (id: string) => Candidate, groupOf: (id: string) => number | undefined): ReportView['teams'] {
  const rowOf = new Map(quality.map((q) => [q.team, q]));
  return teams.map((t) => {
    const q = rowOf.get(t.number);
    if (q === undefined) throw new Error(`report: no quality row for project team ${t.number}`);
    return { number: t.number, members: t.memberIds.map((id) => ({ ...person(candidate(id)), group: groupOf(id) ?? null })), catchmentMatch: q.catchmentMatch, regionMatch: q.regionMatch, organisationClashes: q.organisationClashes };
  });
}

/**
 * Everything the report shows, from a freshly computed allocation. Every input candidate lands in exactly one
 * place: a workshop group (selected), a reserve list, the ineligible list or the excluded list.
 */
export function reportViewFromAllocation(a: Allocation): ReportView {
  const { inputs, selection, groups, teams } = a;
  const byId = new Map(inputs.read.candidates.map((c) => [c.id, c]));
  const candidate = (id: string): Candidate => {
    const c = byId.get(id);
    if (c === undefined) throw new Error(`report: no input candidate with id ${id}`);
    return c;
  };
  const overCap = new Set(selection.candidates.filter((s) => outputStatus(s.status, s.reasons) === 'over_cap').map((s) => s.id));
  const listed = (status: 'ineligible' | 'excluded'): ListedCandidateView[] =>
    selection.candidates
      .filter((s) => s.status === status && !overCap.has(s.id))
      .map((s) => ({
        ...person(candidate(s.id)),
        cellKey: s.cell,
        reasons: s.reasons.filter((r) => !LOCK_REASONS.has(r.code)).map((r) => ({ code: r.code, text: r.text })),
        ...(status === 'ineligible' ? { facts: facts(candidate(s.id), inputs.programme) } : {}),
      }));
  const count = (status: string) => selection.candidates.filter((s) => s.status === status && !overCap.has(s.id)).length;
  const relaxations = [...groups.relaxations.map((r) => ({ stage: 'groups' as const, ...r })), ...teams.relaxations.map((r) => ({ stage: 'teams' as const, ...r }))];
  const sel = selection.stage;
  return {
    programme: programmeView(inputs),
    tool: { name: 'cohort', version: TOOL_VERSION },
    seed: a.seed,
    inputs: inputRecords(inputs).map(({ file, sha256, rows }) => ({ file, sha256, rows })),
    counts: { candidates: selection.candidates.length, selected: count('selected'), reserve: count('reserve'), excluded: count('excluded'), ineligible: count('ineligible') },
    // The same definition as the exit code's (`allRulesMet` in pipeline.ts), from what the report shows.
    allRulesMet: selection.rules.every((r) => r.met) && relaxations.length === 0,
    cells: selection.cells.map((c) => ({
      key: c.key,
      label: c.label,
      sector: c.sector,
      rhf: c.rhf,
      seats: c.seats,
      nominated: c.nominated,
      eligible: c.eligible,
      excluded: c.excluded,
      selected: c.selected,
      reserves: c.eligible - c.excluded - c.selected,
      shortfall: c.shortfall,
      genderSelected: { ...c.gender.selected },
      explanation: c.explanation,
    })),
    rules: selection.rules.map((r) => ({
      id: r.id,
      kind: r.kind,
      scope: r.scope,
      scopeKey: r.scopeKey,
      gender: r.gender,
      required: r.required,
      actual: r.actual,
      met: r.met,
      explanation: r.explanation,
    })),
    relaxations,
    groups: groupViews(groups.groups, groups.quality, candidate),
    teams: teamViews(teams.teams, teams.quality, candidate, (id) => groups.groupOf[id]),
    teamMatch: {
      catchmentMatched: teams.match.catchmentMatched.count,
      catchmentBest: teams.match.catchmentMatched.best,
      regionMatched: teams.match.regionMatched.count,
      regionBest: teams.match.regionMatched.best,
    },
    reserves: selection.cells.map((cell) => ({
      cellKey: cell.key,
      reserves: selection.candidates
        .filter((s) => s.status === 'reserve' && s.cell === cell.key)
        .sort((x, y) => (x.reserveRank ?? 0) - (y.reserveRank ?? 0))
        .map((s) => ({ ...person(candidate(s.id)), rank: s.reserveRank ?? 0 })),
    })),
    ineligible: listed('ineligible'),
    excluded: listed('excluded'),
    warnings: [...inputs.read.warnings, ...inputs.screening.warnings, ...selection.warnings].map((w) => ({ code: w.code, message: w.message })),
    // No solver names: which solver answered depends on the machine's speed, the result does not (see solverLog).
    stages: [
      { stage: 'selection', status: sel.status, gap: sel.gap },
      { stage: 'groups', status: groups.report.status, gap: groups.report.gap },
      { stage: 'teams', status: teams.report.status, gap: teams.report.gap },
    ],
    nominationCap: nominationCapView(inputs, overCap, candidate),
    decisions: decisionViews(allocationDecisions(a), byId),
    departures: selection.departures.map((d) => ({
      cellKey: d.cell,
      passedOver: person(candidate(d.passedOver.id)),
      takenInstead: person(candidate(d.takenInstead.id)),
      cause: d.cause,
      sameRank: d.sameRank,
    })),
    genderBalance: {
      acrossBodies: selection.balance.acrossBodies,
      targets: selection.balance.targets.map(({ scope, scopeKey, gender, required, actual, met }) => ({ scope, scopeKey, gender, required, actual, met })),
      proposal:
        selection.balance.proposal === null
          ? null
          : {
              applied: selection.balance.proposal.applied,
              shortfallAfter: selection.balance.proposal.shortfallAfter,
              changes: selection.balance.proposal.changes.map((c) => ({ cellKey: c.cell, out: c.out, in: c.in })),
            },
    },
    lottery: selection.lottery.map((l) => ({
      cellKey: l.cell,
      priority: l.priority,
      won: l.selected.map((id) => person(candidate(id))),
      lost: l.among.filter((id) => !l.selected.includes(id)).map((id) => person(candidate(id))),
    })),
  };
}

/** Those over the nomination cap (and no other reason) per trust over it, as the report lists them. */
function nominationCapView(inputs: LoadedInputs, overCap: ReadonlySet<string>, candidate: (id: string) => Candidate): NominationCapView {
  const caps = nominationCapSummary(inputs.screening.screened, inputs.programme);
  const cellOf = new Map(inputs.screening.screened.map((s) => [s.candidate.id, s.cell]));
  const listed = (id: string): ListedCandidateView => ({ ...person(candidate(id)), cellKey: cellOf.get(id) ?? null, reasons: [] });
  return {
    cap: caps.cap,
    trusts: caps.trusts.map((t) => ({ trust: t.trust, nominated: t.nominated, people: t.overCap.filter((id) => overCap.has(id)).map(listed) })).filter((t) => t.people.length > 0),
  };
}

/** The decisions as the report shows them: people with their names where they are candidates. */
function decisionViews(records: readonly DecisionRecord[], byId: ReadonlyMap<string, Candidate>): DecisionView[] {
  const who = (id: string): PersonView => {
    const c = byId.get(id);
    return c === undefined ? { id, name: id, gender: 'unknown', sector: 'kommune', rhf: null, organisation: '', priority: null } : person(c);
  };
  return records.map((d) => ({
    rule: d.rule,
    person: who(d.id),
    other: d.other === null ? null : who(d.other),
    group: d.group,
    reason: d.reason,
    source: d.source.line === null ? d.source.file : `${d.source.file}:${d.source.line}`,
    obeyed: d.obeyed,
    why: d.why,
  }));
}

/** One row of an allocation that is not freshly computed (re-read from a file, or the result of `cohort replace`). */
export interface AllocationRowView {
  id: string;
  status: 'selected' | 'reserve' | 'excluded' | 'ineligible' | 'over_cap' | 'withdrawn';
  /** Quota cell key; null when the candidate fits none. */
  cell: string | null;
  reserveRank: number | null;
}

/** What a report of an existing allocation needs besides the inputs: its rows, places, rules and verdict. */
export interface ExistingAllocation {
  inputs: LoadedInputs;
  rows: readonly AllocationRowView[];
  groupOf: ReadonlyMap<string, number>;
  teamOf: ReadonlyMap<string, number>;
  /** Quota rules (`quota.CELL`) and gender rules, measured on the allocation; a quota rule's explanation is its cell's. */
  rules: RuleView[];
  relaxations: RelaxationView[];
  seed: string | null;
  allRulesMet: boolean;
  warnings: NoteView[];
  /** The committee's decisions with their verdicts on this allocation; default none. */
  decisions?: readonly DecisionRecord[] | undefined;
}

/**
 * Everything the report shows, from an allocation that was not computed in this run (`cohort report`, `cohort
 * replace`): counts and cells from its rows, group and team quality recomputed from its places, no solver stages.
 */
export function reportViewFromRows(a: ExistingAllocation): ReportView {
  const { inputs, rows } = a;
  const byId = new Map(inputs.read.candidates.map((c) => [c.id, c]));
  const screened = new Map(inputs.screening.screened.map((s) => [s.candidate.id, s]));
  const candidate = (id: string): Candidate => {
    const c = byId.get(id);
    if (c === undefined) throw new Error(`report: no input candidate with id ${id}`);
    return c;
  };
  // Rows over the nomination cap only, whether the file says `over_cap` or (an older file) `ineligible`.
  const overCap = new Set(
    rows.filter((r) => r.status === 'over_cap' || (r.status === 'ineligible' && overCapOnly((screened.get(r.id)?.reasons ?? []).map((x) => x.code)))).map((r) => r.id),
  );
  const listed = (status: 'ineligible' | 'excluded'): ListedCandidateView[] =>
    rows
      .filter((r) => r.status === status && !overCap.has(r.id))
      .map((r) => ({
        ...person(candidate(r.id)),
        cellKey: r.cell,
        reasons:
          status === 'excluded'
            ? [{ code: 'excluded', text: 'excluded: by the committee' }]
            : (screened.get(r.id)?.reasons ?? []).filter((x) => !LOCK_REASONS.has(x.code)).map((x) => ({ code: x.code, text: x.text })),
        ...(status === 'ineligible' ? { facts: facts(candidate(r.id), inputs.programme) } : {}),
      }));
  const count = (status: AllocationRowView['status']) => rows.filter((r) => r.status === status && !overCap.has(r.id)).length;
  const participant = (id: string) => toPerson(candidate(id));
  const groups = partitionsOf(a.groupOf);
  const teams = partitionsOf(a.teamOf);
  const groupOf = (id: string) => a.groupOf.get(id);
  const teamQuality = teamQualityRows(teams, participant, groupOf);
  const cells = quotaCells(inputs.programme);
  return {
    programme: programmeView(inputs),
    tool: { name: 'cohort', version: TOOL_VERSION },
    seed: a.seed,
    inputs: inputRecords(inputs).map(({ file, sha256, rows }) => ({ file, sha256, rows })),
    counts: { candidates: rows.length, selected: count('selected'), reserve: count('reserve'), excluded: count('excluded'), ineligible: count('ineligible') },
    allRulesMet: a.allRulesMet,
    cells: cells.map((cell) => {
      const nominated = inputs.screening.screened.filter((s) => s.cell === cell.key);
      const inCell = rows.filter((r) => r.cell === cell.key);
      const selected = inCell.filter((r) => r.status === 'selected');
      const gender = { female: 0, male: 0, unknown: 0 };
      for (const r of selected) gender[candidate(r.id).gender]++;
      return {
        key: cell.key,
        label: cell.label,
        sector: cell.sector,
        rhf: cell.rhf,
        seats: cell.seats,
        nominated: nominated.length,
        eligible: nominated.filter((s) => s.status === 'eligible').length,
        excluded: inCell.filter((r) => r.status === 'excluded').length,
        selected: selected.length,
        reserves: inCell.filter((r) => r.status === 'reserve').length,
        shortfall: cell.seats - selected.length,
        genderSelected: gender,
        explanation: a.rules.find((r) => r.id === `quota.${cell.key}`)?.explanation ?? null,
      };
    }),
    rules: a.rules.map((r) => ({ ...r })),
    relaxations: a.relaxations.map((r) => ({ ...r, ids: [...r.ids] })),
    groups: groupViews(groups, groupQualityRows(groups, participant), candidate),
    teams: teamViews(teams, teamQuality, candidate, groupOf),
    teamMatch: {
      catchmentMatched: teamQuality.filter((q) => q.catchmentMatch).length,
      catchmentBest: null,
      regionMatched: teamQuality.filter((q) => q.regionMatch !== null).length,
      regionBest: null,
    },
    reserves: cells.map((cell) => ({
      cellKey: cell.key,
      reserves: rows
        .filter((r) => r.status === 'reserve' && r.cell === cell.key)
        .sort((x, y) => (x.reserveRank ?? 0) - (y.reserveRank ?? 0))
        .map((r) => ({ ...person(candidate(r.id)), rank: r.reserveRank ?? 0 })),
    })),
    ineligible: listed('ineligible'),
    excluded: listed('excluded'),
    warnings: a.warnings.map((w) => ({ ...w, ...(w.ids === undefined ? {} : { ids: [...w.ids] }) })),
    stages: [],
    nominationCap: nominationCapView(inputs, overCap, candidate),
    decisions: decisionViews(a.decisions ?? [], byId),
  };
}

/** The report as a file to write: its path as given on the command line, and the HTML. */
export interface ReportFile {
  path: string;
  content: string;
  /** The option that named `path`: `--report` (allocate, replace, diff) or `--output` (cohort report). Default `--report`. */
  option?: OutputOption | undefined;
}


function exists(path: string): 'file' | 'other' | null {
  const st = lstatOrNull(path);
  return st === null ? null : st.isFile() ? 'file' : 'other';
}

/**
 * Write a command's `files` into `dir` and, when given, the report at its own path.
 *
 * - The report in `dir` (the usual `--out DIR --report DIR/report.html`): one `writeOutputs` call with the
 *   other files, so it is written atomically with them and refused without `force` like them.
 * - The report elsewhere (e.g. `--report report.html` next to the user): every target of both places is
 *   checked first, so an existing file (without `force`) or a non-file refuses the whole run before anything
 *   is written; then the run's files and the report are written by two `writeOutputs` calls. Only a failure
 *   between the two (a full disk) can leave the run's files written without the report.
 *
 * @throws OutputError `E_REPORT_PATH` when the report path names no file or the same file as one of `files`,
 * `E_OUTPUT_IS_INPUT` when any target is one of `options.inputs`, and everything `writeOutputs` throws.
 */
export function writeOutputsWithReport(dir: string, files: readonly OutputFile[], report: ReportFile | undefined, options: WriteOptions): void {
  if (report === undefined) {
    writeOutputs(dir, files, options);
    return;
  }
  const option = report.option ?? '--report';
  const name = reportFileName(report.path, option, 'report.html');
  const reportDir = dirname(report.path);
  const reportFile: OutputFile = { name, content: report.content, option };
  // Relative paths are taken from the CLI's working directory (`options.cwd`); without one, from the process's.
  const at = (...path: string[]) => (options.cwd === undefined ? resolve(...path) : resolve(options.cwd, ...path));
  if (at(reportDir) === at(dir)) {
    if (files.some((f) => f.name === name)) {
      throw new OutputError('E_REPORT_PATH', `${option}: ${report.path} would overwrite the run's own ${name}; choose another name`, { kind: 'report_is_output', option, path: report.path, name });
    }
    writeOutputs(dir, [...files, reportFile], options);
    return;
  }
  const targets = [...files.map((f) => at(dir, f.name)), at(report.path)];
  const notFile = targets.filter((t) => exists(t) === 'other');
  const reportNotFile = notFile.includes(at(report.path));
  if (notFile.length > 0) {
    throw new OutputError('E_NOT_FILE', `${notFile.join(', ')} exists and is not a regular file; choose another path`, { kind: 'not_file', path: notFile.join(', '), option: reportNotFile ? option : '--out' });
  }
  refuseInputTargets(targets, options.inputs, options.cwd);
  const existing = targets.filter((t) => exists(t) === 'file');
  if (existing.length > 0 && !options.force) {
    throw new OutputError('E_EXISTS', `${existing.join(', ')} already ${pluralForm(existing.length, 'exists', 'exist')}; nothing was written (use --force to overwrite)`, { kind: 'exists', paths: existing });
  }
  writeOutputs(dir, files, options);
  writeOutputs(reportDir, [reportFile], options);
}
