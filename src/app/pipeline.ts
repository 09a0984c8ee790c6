/**
 * The allocation pipeline without any output: load → screen → select → workshop groups → project teams.
 * `allocate` writes its result; the report and the commands that re-read an allocation share `loadLocks`.
 */
import { InputError, type InputIssue } from '../domain/errors.js';
import type { Candidate } from '../domain/types.js';
import { select, type SelectionResult } from '../stages/select/select.js';
import { formGroupsAndTeams, type TeamsResult } from '../stages/teams/teams.js';
import type { GroupsResult } from '../stages/groups/groups.js';
import { closeSolvers } from '../solver/index.js';
import { loadInputs, readFiles, type LoadedInputs } from './load.js';
import { emptyLocks, lockIds, parseLocks, type CommitteeLocks } from '../read/locks.js';
import type { ScreenOptions } from './screen.js';

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

/** The computed allocation, before anything is written. */
export interface Allocation {
  inputs: LoadedInputs;
  seed: string;
  selection: SelectionResult;
  groups: GroupsResult;
  teams: TeamsResult;
}

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

export function allRulesMet(a: Allocation): boolean {
  return a.selection.allRulesMet && a.groups.relaxations.length === 0 && a.teams.relaxations.length === 0;
}
