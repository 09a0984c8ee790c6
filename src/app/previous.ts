/**
 * `allocate --previous FILE`: the allocation a new run is compared with (and, for stable reruns, kept close to).
 * Read and checked before any solver runs: an unreadable file, a bad row, another programme or year, or no
 * candidate in common stops the run (exit 3, nothing written); ids that are no longer candidates are a warning, and so are
 * ids that now name another person (most of them: the file is refused).
 */
import { InputError } from '../domain/errors.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { Lang } from '../domain/text.js';
import { diffAllocations, type AllocationDiff } from '../diff/diff.js';
import { comparableInput, readAllocationDetailed, type DetailedAllocationRow } from '../read/allocation.js';
import type { Candidate } from '../domain/types.js';
import type { PreviousPlacement } from '../stages/stable.js';
import { comparableRows, identityOf, readAllocationWithRun, sameProgrammeIssues, type AllocationIdentity, type ReadAllocation, type Warning } from './diff.js';
import type { LoadedInputs } from './load.js';
import { compareCodeUnits } from '../domain/compare.js';

/** The previous allocation as read and checked against this run's inputs. */
export interface Previous {
  read: ReadAllocation;
  /** Ids of the previous allocation that are not among this run's candidates (code-unit order). */
  gone: string[];
  /**
   * Ids that are candidates in both, but whose name and birth date both differ: the id now names someone else (a
   * re-export that renumbered the files). Not kept in place; named in a warning (code-unit order).
   */
  changed: string[];
  warnings: Warning[];
}

/** Read `--previous` and check it belongs to this run's programme year. Throws InputError. */
export function loadPrevious(path: string, cwd: string, inputs: LoadedInputs, seed: string, lang: Lang): Previous {
  const m = CATALOGUE[lang].diff;
  const pm = CATALOGUE[lang].previous;
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
  const byId = new Map(inputs.read.candidates.map((c) => [c.id, c]));
  const common = read.allocation.rows.filter((r) => byId.has(r.id));
  const changed = common.filter((r) => namesAnotherPerson(r, byId.get(r.id))).map((r) => r.id).sort(compareCodeUnits);
  // Most ids naming someone else: the previous file is another year's or another export's, not a draft of this one.
  if (changed.length > 0 && changed.length * 2 > common.length) {
    throw new InputError([{ code: 'previous_other_people', file: path, message: pm.otherPeople(path, changed, common.length) }]);
  }
  const all = [...warnings];
  if (gone.length > 0) all.push({ code: 'previous_ids_gone', message: pm.idsGone(path, gone) });
  if (changed.length > 0) all.push({ code: 'previous_ids_changed', message: pm.idsChanged(path, changed) });
  return { read, gone, changed, warnings: all };
}

/** A name as a person reads it: composed, spaces collapsed, case folded. */
function personName(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('nb');
}

/**
 * The previous row's id now names someone else: both its name and its birth date differ from the candidate's
 * (by meaning). One of them alone is a correction (a corrected birth date, a name with a typo), never a new person.
 * A previous file without the name or birth date column cannot tell, and is trusted.
 */
function namesAnotherPerson(r: DetailedAllocationRow, c: Candidate | undefined): boolean {
  if (c === undefined) return false;
  const name = personName(r.details.input.name ?? '');
  const born = comparableInput('birth_date', r.details.input.birth_date ?? '');
  if (name === '' || born === '' || c.birthDate === null) return false;
  return name !== personName(c.name) && born !== c.birthDate;
}

/** The previous participants' workshop groups and project teams, for the stages' stable rerun. */
export function placementOf(previous: Previous): PreviousPlacement {
  const groupOf = new Map<string, number>();
  const teamOf = new Map<string, number>();
  const changed = new Set(previous.changed);
  for (const r of previous.read.allocation.rows) {
    if (r.status !== 'selected' || changed.has(r.id)) continue;
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

/**
 * What a stable rerun can say about a move, from the two allocations alone: the committee's group lock put them
 * there; the part they left (the group or team under that number) still holds someone of their (new) workshop group
 * or of their organisation, whom the rules keep apart from them; who took their place. A newcomer not in the place
 * of the one who left their cell (`instead`) gets the same facts about that place.
 */
export type MoveFact = { fact: 'locked' } | { fact: 'same_group'; with: string } | { fact: 'same_organisation'; with: string } | { fact: 'taken_by'; by: string[] };

export interface MoveReason {
  id: string;
  part: 'group' | 'team';
  /** The number they had (a newcomer: the leaver's), and the number they have now. */
  from: number;
  to: number;
  /** A newcomer who did not take the place of `instead`, who left their cell. */
  instead: string | null;
  facts: MoveFact[];
}

export interface Placed {
  groupOf: Readonly<Record<string, number>>;
  teamOf: Readonly<Record<string, number>>;
  /** Participant id → sector, organisation key, cell key. */
  who: ReadonlyMap<string, { sector: string; organisationKey: string; cell: string | null }>;
  /** Participants with a committee group lock. */
  locked: ReadonlySet<string>;
}

/** The moves of a stable rerun with the facts behind them (see `MoveFact`): groups, then teams; movers by id, then newcomers. */
export function moveReasons(previous: Previous, now: Placed): MoveReason[] {
  const before = new Map(previous.read.allocation.rows.filter((r) => r.status === 'selected' && !previous.changed.includes(r.id)).map((r) => [r.id, r]));
  const ids = Object.keys(now.groupOf).sort(compareCodeUnits);
  const membersOf = (of: Readonly<Record<string, number>>, n: number): string[] => ids.filter((x) => of[x] === n);
  const facts = (id: string, part: 'group' | 'team', from: number): MoveFact[] => {
    const me = now.who.get(id);
    const there = membersOf(part === 'group' ? now.groupOf : now.teamOf, from).filter((x) => x !== id);
    const prevOf = (x: string): number | null | undefined => (part === 'group' ? before.get(x)?.workshopGroup : before.get(x)?.projectTeam);
    // Who was there before and still is: the ones the rules would keep apart from them are why they are not there.
    const stayed = there.filter((x) => prevOf(x) === from);
    const out: MoveFact[] = [];
    if (part === 'group' && now.locked.has(id)) out.push({ fact: 'locked' });
    if (part === 'team') for (const x of stayed) if (now.groupOf[x] === now.groupOf[id]) out.push({ fact: 'same_group', with: x });
    for (const x of stayed) if (me !== undefined && now.who.get(x)?.organisationKey === me.organisationKey) out.push({ fact: 'same_organisation', with: x });
    const by = there.filter((x) => prevOf(x) !== from && now.who.get(x)?.sector === me?.sector);
    if (by.length > 0) out.push({ fact: 'taken_by', by });
    return out;
  };
  const out: MoveReason[] = [];
  for (const part of ['group', 'team'] as const) {
    const nowOf = part === 'group' ? now.groupOf : now.teamOf;
    for (const id of ids) {
      const was = before.get(id);
      const from = part === 'group' ? was?.workshopGroup : was?.projectTeam;
      const to = nowOf[id];
      if (was === undefined || from === null || from === undefined || to === undefined || from === to) continue;
      out.push({ id, part, from, to, instead: null, facts: facts(id, part, from) });
    }
    // Newcomers: the place of a participant who left the same cell, when they are not in it.
    const leavers = [...before.values()].filter((r) => nowOf[r.id] === undefined);
    for (const id of ids.filter((x) => !before.has(x))) {
      const cell = now.who.get(id)?.cell ?? null;
      const left = leavers.filter((r) => r.details.cell === cell);
      const places = left.map((r) => (part === 'group' ? r.workshopGroup : r.projectTeam));
      const to = nowOf[id];
      if (left.length === 0 || to === undefined || places.includes(to)) continue;
      const first = left[0] as DetailedAllocationRow;
      const from = places[0];
      if (from === null || from === undefined) continue;
      out.push({ id, part, from, to, instead: first.id, facts: facts(id, part, from) });
    }
  }
  return out;
}
