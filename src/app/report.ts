/**
 * `cohort report`: the committee's HTML report drawn from an existing, possibly hand-edited allocation.csv and the
 * candidate files. The allocation is judged by the same checkers as `cohort check` (same locks, same severities):
 * its rules are measured on the file's decisions, its findings become the report's broken rules and notes. No
 * solver runs, so the report has no seed and no solver stages. Writes only the report.
 */
import { dirname } from 'node:path';
import { EXIT, InputError } from '../domain/errors.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import { quotaCells } from '../domain/programme.js';
import { genderRules, seatsToFill } from '../domain/rules.js';
import { reportFileName, writeOutputs } from '../io/csv-write.js';
import type { AllocationRow } from '../read/allocation.js';
import type { EncodingChoice } from '../read/decode.js';
import { renderReport } from '../report/render.js';
import type { RelaxationView, RuleView } from '../report/view.js';
import { loadLocks, unknownLockIds } from './pipeline.js';
import { checkAllocation, readInputsWithAllocation } from './check.js';
import { inputPaths, type LoadedInputs } from './load.js';
import { runWarningLines, type CommandOutcome } from './outcome.js';
import { reportViewFromRows, type AllocationRowView } from './report-view.js';
import { rowDecisions } from './decisions.js';
import type { CheckViolation } from './summary-schema.js';

export interface ReportOptions {
  /** Candidate files, as given to `allocate`. */
  files: readonly string[];
  /** The directory relative paths are taken from: the CLI's working directory. */
  cwd: string;
  /** The allocation.csv to draw (its dialect is always detected). */
  allocation: string;
  /** Where to write the HTML report. */
  output: string;
  config?: string | undefined;
  /** Delimiter of the candidate files; default detected. */
  delimiter?: string | undefined;
  encoding: EncodingChoice;
  force: boolean;
  /** The sheet to read in workbook candidate files (`--sheet`). */
  sheet?: string | undefined;
  /** The committee's decisions file, as given to `allocate --locks`: checked like `cohort check --locks`. */
  locks?: string | undefined;
  /** Language of the report. Default `nb`. */
  lang?: 'nb' | 'en' | undefined;
}

/** A finding that breaks a rule: what makes `cohort check` exit 1. */
const breaks = (v: CheckViolation): boolean => v.severity === 'error' || v.severity === 'unmet';

/**
 * The programme's quota and gender rules measured on the allocation's selected participants. A rule is not met
 * when its count falls short or `cohort check` reports a breaking finding about it (e.g. `over_quota`).
 */
function measuredRules(inputs: LoadedInputs, rows: readonly AllocationRowView[], findings: readonly CheckViolation[]): RuleView[] {
  const programme = inputs.programme;
  const cells = quotaCells(programme);
  const eligible = new Set(inputs.screening.screened.filter((s) => s.status === 'eligible' && s.cell !== null).map((s) => s.candidate.id));
  const gender = new Map(inputs.read.candidates.map((c) => [c.id, c.gender]));
  const selected = rows.filter((r) => r.status === 'selected' && eligible.has(r.id));
  const available = (key: string) => rows.filter((r) => r.cell === key && eligible.has(r.id) && r.status !== 'excluded' && r.status !== 'withdrawn').length;
  // As the checker: each cell must fill min(seats, available) seats, and the gender rules follow from those.
  const fill = new Map(cells.map((c) => [c.key, seatsToFill(c.seats, available(c.key))]));
  const broken = (id: string) => findings.filter((f) => f.rule === id && breaks(f));
  const out: RuleView[] = [];
  for (const cell of cells) {
    const id = `quota.${cell.key}`;
    const actual = selected.filter((r) => r.cell === cell.key).length;
    const why = broken(id);
    const met = actual === cell.seats && why.length === 0;
    const explanation = met ? null : why.length > 0 ? why.map((f) => f.message).join('; ') : `${cell.label}: ${cell.seats} seats, ${actual} filled`;
    out.push({ id, kind: 'quota', scope: 'cell', scopeKey: cell.key, gender: null, required: cell.seats, actual, met, explanation });
  }
  for (const r of genderRules(programme, cells, fill)) {
    const actual = selected.filter((s) => s.cell !== null && r.cellKeys.has(s.cell) && gender.get(s.id) === r.gender).length;
    const why = broken(r.id);
    const met = actual >= r.required && why.length === 0;
    const explanation = met ? null : why.length > 0 ? why.map((f) => f.message).join('; ') : `${r.text}: ${actual}`;
    out.push({ id: r.id, kind: 'gender', scope: r.scope, scopeKey: r.scopeKey, gender: r.gender, required: r.required, actual, met, explanation });
  }
  return out;
}

/** Broken workshop-group and project-team rules (sizes, mixes, clashes): the report's "relaxed" notes. */
function placementFindings(findings: readonly CheckViolation[]): RelaxationView[] {
  return findings
    .filter((f) => breaks(f) && f.rule === null && (f.code.startsWith('group_') || f.code.startsWith('team_')))
    .map((f) => ({ stage: f.code.startsWith('team_') ? ('teams' as const) : ('groups' as const), code: f.code, reason: f.message, ids: [...f.ids] }));
}

/** `, 2 over the nomination cap` when anyone is. */
function overCapCount(view: { nominationCap?: { trusts: ReadonlyArray<{ people: readonly unknown[] }> } | undefined }): number {
  return (view.nominationCap?.trusts ?? []).reduce((a, t) => a + t.people.length, 0);
}

export function runReport(opts: ReportOptions): CommandOutcome {
  const locks = loadLocks(opts.locks, [], [], opts.cwd);
  const { inputs, allocation, file, issues } = readInputsWithAllocation(opts);
  if (inputs !== null) issues.push(...unknownLockIds(inputs.read.candidates, locks));
  if (issues.length > 0 || inputs === null || allocation === null || file === undefined) throw new InputError(issues);

  const findings = checkAllocation({ inputs, allocation, strict: false, include: locks.include, exclude: locks.exclude, groupLocks: locks.groups });
  const allRulesMet = !findings.some(breaks);
  const cellOf = new Map(inputs.screening.screened.map((s) => [s.candidate.id, s.cell]));
  const rows: AllocationRowView[] = allocation.rows.map((r) => ({ id: r.id, status: r.status, cell: cellOf.get(r.id) ?? null, reserveRank: r.reserveRank }));
  const placed = (numberOf: (r: AllocationRow) => number | null) =>
    new Map(allocation.rows.flatMap((r) => (r.status === 'selected' && numberOf(r) !== null ? [[r.id, numberOf(r) as number] as const] : [])));
  const warnings = [...inputs.read.warnings, ...inputs.screening.warnings];
  const view = reportViewFromRows({
    inputs,
    rows,
    groupOf: placed((r) => r.workshopGroup),
    teamOf: placed((r) => r.projectTeam),
    rules: measuredRules(inputs, rows, findings),
    relaxations: placementFindings(findings),
    seed: null,
    allRulesMet,
    warnings: [...warnings.map((w) => ({ code: w.code, message: w.message })), ...findings.map((f) => ({ code: f.code, message: `${f.severity} ${f.code}: ${f.message}`, ids: [...f.ids], severity: f.severity }))],
    decisions: rowDecisions(locks.decisions, allocation.rows, findings),
  });
  const name = reportFileName(opts.output, '--output', 'report.html');
  // The same no-clobber, atomic writer as every other output: refused without --force when the file exists.
  writeOutputs(dirname(opts.output), [{ name, content: renderReport(view, opts.lang ?? 'nb'), option: '--output' }], { force: opts.force, cwd: opts.cwd, inputs: inputPaths(opts) });

  const notMet = view.rules.filter((r) => !r.met).length + view.relaxations.length;
  const lang = opts.lang ?? 'nb';
  const w = CATALOGUE[lang].commands;
  return {
    stdout:
      `${w.drewReport({ file: allocation.file, ...view.counts, overCap: overCapCount(view) })}\n` +
      `${allRulesMet ? CATALOGUE[lang].allocate.allMet : w.reportNotMet(notMet)}\n` +
      `${CATALOGUE[lang].allocate.wroteReport(opts.output)}\n`,
    stderr: runWarningLines(warnings, opts.lang ?? 'nb'),
    exitCode: allRulesMet ? EXIT.ok : EXIT.ruleNotMet,
  };
}
