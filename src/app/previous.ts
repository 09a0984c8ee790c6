/**
 * `allocate --previous FILE`: the allocation a new run is compared with (and, for stable reruns, kept close to).
 * Read and checked before any solver runs: an unreadable file, a bad row, another programme or year, or no
 * candidate in common stops the run (exit 3, nothing written); ids that are no longer candidates are a warning.
 */
import { InputError } from '../domain/errors.js';
import { diffAllocations, type AllocationDiff } from '../diff/diff.js';
import { DIFF_MESSAGES, type DiffLang } from '../diff/messages.js';
import { readAllocationDetailed } from '../read/allocation.js';
import type { PreviousPlacement } from '../stages/stable.js';
import { comparableRows, identityOf, readAllocationWithRun, sameProgrammeIssues, type AllocationIdentity, type ReadAllocation, type Warning } from './diff.js';
import type { LoadedInputs } from './load.js';
import { compareCodeUnits } from '../domain/compare.js';
import { PREVIOUS_MESSAGES } from './previous-messages.js';

/** The previous allocation as read and checked against this run's inputs. */
export interface Previous {
  read: ReadAllocation;
  /** Ids of the previous allocation that are not among this run's candidates (code-unit order). */
  gone: string[];
  warnings: Warning[];
}

/** Read `--previous` and check it belongs to this run's programme year. Throws InputError. */
export function loadPrevious(path: string, cwd: string, inputs: LoadedInputs, seed: string, lang: DiffLang): Previous {
  const m = DIFF_MESSAGES[lang];
  const pm = PREVIOUS_MESSAGES[lang];
  const { read, issues, warnings } = readAllocationWithRun(path, cwd, m);
  if (read === null) throw new InputError(issues);
  const current: AllocationIdentity = {
    file: pm.thisRun,
    run: { command: 'allocate', programme: inputs.programme.name, startDate: inputs.programme.startDate, seed, candidates: inputs.read.candidates.length },
    ids: inputs.read.candidates.map((c) => c.id),
  };
  const programmeIssues = sameProgrammeIssues(current, identityOf(read), m);
  if (programmeIssues.length > 0) throw new InputError(programmeIssues);
  const ids = new Set(inputs.read.candidates.map((c) => c.id));
  const gone = read.allocation.rows.filter((r) => !ids.has(r.id)).map((r) => r.id).sort(compareCodeUnits);
  const all = [...warnings];
  if (gone.length > 0) all.push({ code: 'previous_ids_gone', message: pm.idsGone(path, gone) });
  return { read, gone, warnings: all };
}

/** The previous participants' workshop groups and project teams, for the stages' stable rerun. */
export function placementOf(previous: Previous): PreviousPlacement {
  const groupOf = new Map<string, number>();
  const teamOf = new Map<string, number>();
  for (const r of previous.read.allocation.rows) {
    if (r.status !== 'selected') continue;
    if (r.workshopGroup !== null) groupOf.set(r.id, r.workshopGroup);
    if (r.projectTeam !== null) teamOf.set(r.id, r.projectTeam);
  }
  return { groupOf, teamOf };
}

/** This run's allocation.csv text compared with the previous allocation, exactly as `cohort diff` would compare the two files. */
export function diffWithPrevious(previous: Previous, allocationCsvText: string): AllocationDiff {
  const now = readAllocationDetailed(new TextEncoder().encode(allocationCsvText), 'allocation.csv');
  return diffAllocations(comparableRows(previous.read.allocation.rows), comparableRows(now.rows));
}
