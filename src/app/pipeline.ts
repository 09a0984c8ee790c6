/**
 * The allocation pipeline without any output: load → screen → select → workshop groups → project teams.
 * `allocate` writes its result; the report and the commands that re-read an allocation share `loadLocks`.
 *
 * The stages are pure: this layer builds their `Solve` from the solver policy (`createSolve`), closes the solver
 * workers when done, and re-checks every stage's result with the independent checkers (`check/`) before using
 * it. A disagreement is a bug (`InternalError`): nothing is written.
 */
import { InputError, InternalError, TimeLimitError, type InputIssue } from '../domain/errors.js';
import type { Candidate, GroupLocks, ScreenedCandidate } from '../domain/types.js';
import type { Programme } from '../domain/programme.js';
import type { Solve } from '../solver/types.js';
import { select, type SelectionOptions, type SelectionResult } from '../stages/select/select.js';
import { computeTeams, prepareTeams, type FormTeamsOptions, type TeamsResult } from '../stages/teams/teams.js';
import { computeGroups, type FormGroupsOptions, type GroupsResult } from '../stages/groups/groups.js';
import type { StageReport } from '../stages/common.js';
import { checkSelection } from '../check/selection.js';
import { checkGroupsAndTeams, unexplainedViolations } from '../check/groups.js';
import { closeSolvers, createSolve } from '../solver/index.js';
import { DEFAULT_DEADLINE_MS, suggestedTimeLimit } from '../solver/policy.js';
import { loadInputs, readFiles, type LoadedInputs } from './load.js';
import { emptyLocks, parseLocks, type CommitteeLocks, type LockRef, type LockRule } from '../read/locks.js';
import { idKey } from '../domain/ids.js';
import { mangledHint } from '../read/allocation.js';
import type { ScreenOptions } from './screen.js';
import { loadPrevious, placementOf, type Previous } from './previous.js';

export interface AllocateOptions extends Omit<ScreenOptions, 'out'> {
  /** Output directory; required unless `dryRun` (which never touches it). */
  out?: string | undefined;
  /** Compute and print, write nothing (`--dry-run`). Default false. */
  dryRun?: boolean | undefined;
  /** The terminal summary with the solver's detail: seed, group table, each stage's solver, objective, bound, gap. */
  verbose?: boolean | undefined;
  /** An earlier allocation.csv of the same programme year to compare with (`--previous`). Default none. */
  previous?: string | undefined;
  /** Lottery seed; default the programme's. */
  seed?: string | undefined;
  include: readonly string[];
  exclude: readonly string[];
  /** Hard deadline per solver attempt, in milliseconds. Default: the solver policy's `DEFAULT_DEADLINE_MS`. */
  deadlineMs?: number | undefined;
  /** The stages' solver (tests: one solver alone, a starved one). Default: the policy's, with `deadlineMs`. */
  solve?: Solve | undefined;
  /** The committee's decisions as a CSV file (see src/io/locks-read.ts); merged with include/exclude. */
  locks?: string | undefined;
  /** Also write the HTML report to this path (`--report`; see `writeOutputsWithReport` in report.ts). Default: none. */
  report?: string | undefined;
  /** Language of the report and of the comparison with `previous`. Default `nb`. */
  lang?: 'nb' | 'en' | undefined;
}

/** The computed allocation, before anything is written. */
export interface Allocation {
  inputs: LoadedInputs;
  seed: string;
  /** `--previous`, read and checked against the inputs; null without it. */
  previous: Previous | null;
  selection: SelectionResult;
  groups: GroupsResult;
  teams: TeamsResult;
  /** The committee's locks as read (file and options merged): recorded with their outcome (`app/decisions.ts`). */
  locks: CommitteeLocks;
}

/**
 * Read `--locks FILE` (the committee's decisions; a relative path is taken from `cwd`) and merge its
 * include/exclude with the options'. Ids from the options are normalised as candidate ids are, so that they
 * match; each id keeps the place it was named.
 */
export function loadLocks(path: string | undefined, include: readonly string[], exclude: readonly string[], cwd: string): CommitteeLocks {
  let locks = emptyLocks();
  if (path !== undefined) {
    const { files, issues } = readFiles([path], cwd);
    if (issues.length > 0) throw new InputError(issues);
    locks = parseLocks((files[0] as { bytes: Uint8Array }).bytes, path);
  }
  const fromOption = (option: '--include' | '--exclude', ids: readonly string[]): LockRef[] =>
    ids.map((text) => ({ id: idKey(text), file: option, rule: option === '--include' ? 'include' : 'exclude' }));
  const options = [...fromOption('--include', include), ...fromOption('--exclude', exclude)];
  const ids = (rule: LockRule, list: readonly string[]) => [...new Set([...options.filter((r) => r.rule === rule).map((r) => r.id), ...list])];
  const optionDecisions = options.map((r) => ({ rule: r.rule, id: r.id, other: null, group: null, reason: null, source: { file: r.file, line: null } }));
  return {
    ...locks,
    include: ids('include', locks.include),
    exclude: ids('exclude', locks.exclude),
    named: [...options, ...locks.named],
    decisions: [...optionDecisions, ...locks.decisions],
  };
}

/**
 * Every id named in --include/--exclude or a locks file must be a candidate: a typo must not pass silently. Each
 * unknown id is reported once per place that names it, at that place (`locks.csv:7 column "id"`, `--include`).
 */
export function unknownLockIds(candidates: readonly Candidate[], locks: CommitteeLocks): InputIssue[] {
  const ids = new Set(candidates.map((c) => c.id));
  const seen = new Set<string>();
  const issues: InputIssue[] = [];
  for (const ref of locks.named) {
    const key = JSON.stringify([ref.file, ref.line ?? null, ref.id]);
    if (ids.has(ref.id) || seen.has(key)) continue;
    seen.add(key);
    issues.push({ code: 'unknown_id', file: ref.file, line: ref.line, column: ref.column, message: `expected the id of a candidate in the input files, got ${JSON.stringify(ref.id)}${mangledHint(ref.id, candidates)}`,
      params: { kind: 'unknown_candidate', id: ref.id },
    });
  }
  return issues;
}

/** No id may be both included and excluded; named at both places. */
function conflictingLocks(locks: CommitteeLocks): InputIssue[] {
  const where = (ref: LockRef) => (ref.line === undefined ? ref.file : `${ref.file}:${ref.line}`);
  const issues: InputIssue[] = [];
  for (const id of locks.include) {
    if (!locks.exclude.includes(id)) continue;
    const inc = locks.named.find((r) => r.id === id && r.rule === 'include');
    const exc = locks.named.find((r) => r.id === id && r.rule === 'exclude');
    const at = exc ?? inc;
    issues.push({
      code: 'conflicting_lock',
      file: at?.file ?? '--include/--exclude',
      line: at?.line,
      column: at?.column,
      message: `${JSON.stringify(id)} is both included (${inc === undefined ? '?' : where(inc)}) and excluded (${exc === undefined ? '?' : where(exc)})`,
    });
  }
  return issues;
}

export async function computeAllocation(opts: AllocateOptions): Promise<Allocation> {
  const inputs = loadInputs(opts);
  const locks = loadLocks(opts.locks, opts.include, opts.exclude, opts.cwd);
  const lockIssues = [...unknownLockIds(inputs.read.candidates, locks), ...conflictingLocks(locks)];
  if (lockIssues.length > 0) throw new InputError(lockIssues);
  const seed = opts.seed ?? inputs.programme.seed;
  const previous = opts.previous === undefined ? null : loadPrevious(opts.previous, opts.cwd, inputs, seed, opts.lang ?? 'nb');
  const solve = opts.solve ?? createSolve({ deadlineMs: opts.deadlineMs });
  try {
    const selection = await selectChecked(inputs.screening.screened, inputs.programme, { seed, include: locks.include, exclude: locks.exclude, solve });
    const selectedIds = new Set(selection.candidates.filter((c) => c.status === 'selected').map((c) => c.id));
    const participants = inputs.read.candidates.filter((c) => selectedIds.has(c.id));
    const { groups, teams } = await formGroupsAndTeams(participants, inputs.programme, { seed, solve, locks: locks.groups, previous: previous === null ? undefined : placementOf(previous) });
    return { inputs, seed, previous, selection, groups, teams, locks };
  } catch (err) {
    throw explainTimeLimit(err, opts.deadlineMs);
  } finally {
    // The workers are the caller's to close when it handed in the solver (a test file's runs share them).
    if (opts.solve === undefined) await closeSolvers();
  }
}

export function allRulesMet(a: Allocation): boolean {
  return a.selection.allRulesMet && a.groups.relaxations.length === 0 && a.teams.relaxations.length === 0;
}

/** Select the cohort (the stage) and verify it with the independent checker; see `verifySelection`. */
export async function selectChecked(screened: readonly ScreenedCandidate[], programme: Programme, options: SelectionOptions): Promise<SelectionResult> {
  const result = await select(screened, programme, options);
  verifySelection(screened, programme, options, result);
  return result;
}

/** Form the workshop groups (the stage) and verify them with the independent checker. */
export async function formGroups(participants: readonly Candidate[], programme: Programme, options: FormGroupsOptions): Promise<GroupsResult> {
  const groups = await computeGroups(participants, programme, options);
  const bad = unexplainedViolations(checkGroupsAndTeams({ participants, programme, groups: groups.groups, teams: null, locks: options.locks }), groups.relaxations);
  if (bad.length > 0) {
    throw new InternalError('E_GROUPS_CHECK', `the independent checker rejected the workshop groups: ${bad.map((v) => `${v.code}: ${v.message}`).join('; ')}`, bad);
  }
  return groups;
}

/** Form the project teams for participants already in workshop groups, and verify groups and teams together. */
export async function formTeams(participants: readonly Candidate[], groups: GroupsResult, programme: Programme, options: FormTeamsOptions): Promise<TeamsResult> {
  const teams = await computeTeams(participants, groups, programme, options);
  verifyGroupsAndTeams(participants, programme, groups, teams, options.locks);
  return teams;
}

/**
 * Both stages, verified together: workshop groups, then project teams. A stage whose solvers gave no solution at
 * all (its result would be the greedy fallback) ends the run: `TimeLimitError` when an attempt ran out of time,
 * else `InternalError` — an allocation is never written from a fallback.
 */
export async function formGroupsAndTeams(participants: readonly Candidate[], programme: Programme, options: FormGroupsOptions): Promise<{ groups: GroupsResult; teams: TeamsResult }> {
  const kept = await groupsThenTeams(participants, programme, options);
  if (options.previous === undefined || options.keepInPlace === false) return kept;
  // The groups kept closest to the previous ones are as good as any, but the project teams formed within them can be
  // worse than within the groups a run without --previous forms (in one generated cohort, two teams without both genders instead of none).
  // Those groups, numbered like the previous ones, are taken when their teams are better; the rerun is never worse.
  const plain = await groupsThenTeams(participants, programme, { ...options, keepInPlace: false });
  if (compareQuality(plain, kept) >= 0) return kept;
  plain.groups.report.model += PLAIN_GROUPS_NOTE;
  return plain;
}

/** Said in the groups stage's model text when the stable rerun took the groups of a run without --previous. */
export const PLAIN_GROUPS_NOTE = '; formed as without --previous (the groups kept closest to the previous ones gave worse project teams), numbered like the previous groups';

async function groupsThenTeams(participants: readonly Candidate[], programme: Programme, options: FormGroupsOptions): Promise<{ groups: GroupsResult; teams: TeamsResult }> {
  prepareTeams(participants, programme, options.solve);
  const groups = await computeGroups(participants, programme, options);
  requireSolution(groups.report);
  const teams = await computeTeams(participants, groups, programme, options);
  requireSolution(teams.report);
  verifyGroupsAndTeams(participants, programme, groups, teams, options.locks);
  return { groups, teams };
}

/** Terms below every rule and quality term (the keep-in-place level and the lottery): not part of the comparison. */
const NOT_QUALITY = new Set(['moved_from_previous_group', 'lottery_tiebreak']);

/**
 * Groups and teams compared as the stages rank them: fewer relaxed rules, then the groups' terms, then the teams'
 * terms, each stage's terms in its order (highest first). Negative: `a` is better.
 */
function compareQuality(a: { groups: GroupsResult; teams: TeamsResult }, b: { groups: GroupsResult; teams: TeamsResult }): number {
  const relaxed = (x: typeof a): number => x.groups.relaxations.length + x.teams.relaxations.length;
  const values = (x: typeof a): number[] => [...x.groups.report.terms, ...x.teams.report.terms].filter((t) => !NOT_QUALITY.has(t.name)).map((t) => t.value);
  const va = [relaxed(a), ...values(a)];
  const vb = [relaxed(b), ...values(b)];
  for (let i = 0; i < Math.max(va.length, vb.length); i++) {
    const d = (va[i] ?? 0) - (vb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function requireSolution(report: StageReport): void {
  if (report.status !== 'error') return;
  const what = report.stage === 'groups' ? 'workshop groups' : 'project teams';
  if (report.attempts.some((a) => a.status === 'timed_out')) throw new TimeLimitError(report.stage, `no solver found ${what} within the time limit`);
  throw new InternalError(`E_${report.stage.toUpperCase()}_UNSOLVED`, `no solver gave ${what}: ${report.attempts.map((a) => `${a.solver}: ${a.status}${a.note === undefined ? '' : ` (${a.note})`}`).join('; ')}`, report);
}

/**
 * A stage without a solution within the time limit, in words a user can act on: the limit per attempt and a longer
 * one to try (`suggestedTimeLimit`). Other errors pass unchanged.
 */
export function explainTimeLimit(err: unknown, deadlineMs: number | undefined): unknown {
  if (!(err instanceof TimeLimitError)) return err;
  const ms = deadlineMs ?? DEFAULT_DEADLINE_MS;
  const what = { selection: 'a selection', groups: 'workshop groups', teams: 'project teams' }[err.stage];
  return new TimeLimitError(err.stage, `no result within the time limit: no solver found ${what} in ${ms / 1000} s per attempt; try --time-limit ${suggestedTimeLimit(ms)}`);
}

function verifyGroupsAndTeams(participants: readonly Candidate[], programme: Programme, groups: GroupsResult, teams: TeamsResult, locks: GroupLocks | undefined): void {
  const violations = checkGroupsAndTeams({ participants, programme, groups: groups.groups, teams: teams.teams, locks });
  const bad = unexplainedViolations(violations, [...groups.relaxations, ...teams.relaxations]);
  if (bad.length > 0) {
    throw new InternalError('E_TEAMS_CHECK', `the independent checker rejected the groups and teams: ${bad.map((v) => `${v.code}: ${v.message}`).join('; ')}`, bad);
  }
}

const LOCK_CODES = new Set(['lock_conflict', 'lock_unknown_id', 'include_ineligible', 'include_over_quota']);

/** Run the independent checker on a selection; any error, or any disagreement on which rules are met, is a bug. */
function verifySelection(screened: readonly ScreenedCandidate[], programme: Programme, options: SelectionOptions, out: SelectionResult): void {
  const reserveRanks = new Map<string, number>();
  for (const c of out.candidates) if (c.reserveRank !== null) reserveRanks.set(c.id, c.reserveRank);
  const violations = checkSelection(screened, programme, {
    selected: out.candidates.filter((c) => c.status === 'selected').map((c) => c.id),
    reserveRanks,
    ...(options.include !== undefined ? { include: options.include } : {}),
    ...(options.exclude !== undefined ? { exclude: options.exclude } : {}),
  });
  const errors = violations.filter((v) => v.severity === 'error');
  if (errors.length > 0) {
    throw new InternalError('E_SELECTION_CHECK', `the independent checker rejected the selection: ${errors.map((v) => `${v.code}: ${v.message}`).join(' | ')}`, violations);
  }
  const checkerUnmet = new Set(violations.filter((v) => v.rule !== undefined && (v.code === 'gender_rule_not_met' || v.code === 'shortfall')).map((v) => v.rule));
  const ownUnmet = new Set(out.rules.filter((r) => !r.met).map((r) => r.id));
  const checkerLocks = violations.filter((v) => LOCK_CODES.has(v.code)).map((v) => v.code).sort();
  const ownLocks = out.warnings.filter((w) => LOCK_CODES.has(w.code)).map((w) => w.code).sort();
  const same = (a: Set<string | undefined>, b: Set<string>) => a.size === b.size && [...b].every((x) => a.has(x));
  if (!same(checkerUnmet, ownUnmet) || checkerLocks.join() !== ownLocks.join()) {
    throw new InternalError(
      'E_SELECTION_CHECK_MISMATCH',
      `the checker and the selection disagree: rules not met ${[...checkerUnmet].sort().join(', ') || '(none)'} vs ${[...ownUnmet].sort().join(', ') || '(none)'}; locks ${checkerLocks.join(', ') || '(none)'} vs ${ownLocks.join(', ') || '(none)'}`,
      violations,
    );
  }
}

/**
 * The solver's default deadline per attempt and the accepted range (declared once, in src/solver/policy.ts), for
 * the CLI's --time-limit.
 */
export { DEFAULT_DEADLINE_MS, MAX_DEADLINE_MS, MIN_DEADLINE_MS, deadlineFromSeconds } from '../solver/policy.js';
