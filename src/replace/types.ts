/**
 * The types of `cohort replace`: its input (the current allocation and the request), its result (the new rows and
 * the change set), and the state its steps pass on. Pure types.
 */
import type { QuotaCell } from '../domain/programme.js';
import type { Candidate, GroupLocks, Reason, ScreenedCandidate } from '../domain/types.js';
import type { Programme } from '../domain/programme.js';
import type { SelectionRule } from '../stages/select/select.js';
import type { IssueParams } from '../domain/i18n/catalogue.js';

/** A row's status in an allocation, `withdrawn` included. */
export type RowStatus = 'selected' | 'reserve' | 'excluded' | 'ineligible' | 'over_cap' | 'withdrawn';

/** The decisions about one candidate in the current allocation. */
export interface CurrentRow {
  id: string;
  status: RowStatus;
  workshopGroup: number | null;
  projectTeam: number | null;
  reserveRank: number | null;
}

export interface ReplaceInput {
  programme: Programme;
  /** Every candidate, screened (cells, eligibility). */
  screened: readonly ScreenedCandidate[];
  /** The current allocation: one row per candidate. */
  rows: readonly CurrentRow[];
  /** Participants or reserves who leave. */
  withdraw: readonly string[];
  /** Reserves the committee brings in. */
  add: readonly string[];
  /** Lottery seed: the call-in order of a cell whose reserves have no ranks. */
  seed: string;
  /**
   * The committee's group and team locks (keep in a group, keep apart, keep together in a team), held like the
   * hard rules; a lock on someone who is no longer a participant has nothing to hold. Default: none.
   */
  locks?: GroupLocks | undefined;
}

/** A request that cannot be carried out, for the option that asked for it. */
export interface RequestProblem {
  code: 'unknown_id' | 'not_withdrawable' | 'not_a_reserve' | 'conflicting_request' | 'no_free_seat';
  option: '--withdraw' | '--add';
  id: string;
  message: string;
  /** The facts, for the other languages' words (`IssueParams` kind `request`). */
  params: IssueParams;
}

/** How a newcomer got their seat. */
export type NewcomerHow = 'next_reserve' | 'gender_rule' | 'committee_add';

export interface WithdrawnChange {
  id: string;
  cell: string | null;
  was: 'selected' | 'reserve';
  /** The place they left (null for a reserve). */
  workshopGroup: number | null;
  projectTeam: number | null;
  /** Their reserve rank before (null for a participant). */
  reserveRank: number | null;
  /** Who took their seat; null for a reserve or a seat left empty. */
  replacedBy: string | null;
}

export interface Newcomer {
  id: string;
  cell: string;
  /** The withdrawn participant whose seat they take; null for a seat that was already vacant. */
  replaces: string | null;
  /** Their reserve rank before the change. */
  reserveRank: number | null;
  how: NewcomerHow;
  /** Why this person, in plain words (ids and ranks only). */
  why: string;
  /** Better-placed reserves of the cell they were called in before (a gender rule, a committee add), in call-in order. */
  passedOver: string[];
  workshopGroup: number;
  projectTeam: number;
  /** Whether they took the exact group and team place of the one they replace. */
  exactPlace: boolean;
  /** Why not the exact place; null when exact. */
  placeNote: string | null;
}

export interface Move {
  id: string;
  fromGroup: number;
  toGroup: number;
  fromTeam: number;
  toTeam: number;
  why: string;
}

export interface EmptySeat {
  cell: string;
  /** The withdrawn participant whose seat stays empty; null for a seat that was already vacant. */
  withdrawn: string | null;
  explanation: string;
}

/** A selection rule after the change: the same shape, ids and texts as `cohort allocate`'s. */
export type RuleOutcome = SelectionRule;

export interface CellOutcome {
  key: string;
  label: string;
  seats: number;
  selected: number;
  reserves: number;
  shortfall: number;
  gender: { female: number; male: number; unknown: number };
}

/** A candidate's row after the change. */
export interface ResultRow {
  id: string;
  status: RowStatus;
  cell: string | null;
  reserveRank: number | null;
  workshopGroup: number | null;
  projectTeam: number | null;
  /** The reserve rank before, when the row's rank changed. */
  previousReserveRank: number | null;
  /** Reasons this change adds to the row (the app appends them to the row's reasons, in the files' language). */
  notes: Reason[];
  /** A new reason list replaces the old one (newcomers, the newly withdrawn); false: keep and append `notes`. */
  freshReasons: boolean;
}

export interface Placement {
  /** `local`: the search below; `reformed`: groups and teams formed afresh by the caller (see `ReformedPlacement`). */
  method: 'local' | 'reformed';
  /** Hard rules the placement still breaks by the search's own count (unavoidable ones included); 0 when re-formed. */
  hardLeft: number;
  /** The cohort now needs another number of workshop groups: only a full re-forming can place it. */
  groupCountChanged: boolean;
  /** States the search evaluated (groups and teams), for the record. */
  statesExplored: number;
  groupOf: Map<string, number>;
  teamOf: Map<string, number>;
  /** What was wrong with the newcomers in the freed places, per stage: why anyone moved. */
  groupIssues: PartIssue[];
  teamIssues: PartIssue[];
  /** Where each participant started before the search: their own place, or a newcomer's freed place. */
  groupStart: Map<string, number>;
  teamStart: Map<string, number>;
}

/** A rule the starting placement breaks, in words, with the group or team number it is about. */
export interface PartIssue {
  part: number;
  text: string;
}

export interface ReplaceResult {
  rows: ResultRow[];
  withdrawn: WithdrawnChange[];
  newcomers: Newcomer[];
  moves: Move[];
  emptySeats: EmptySeat[];
  rules: RuleOutcome[];
  cells: CellOutcome[];
  /** Participants after the change, by id. */
  participants: string[];
  placement: Placement;
}

export type ReplaceOutcome = { ok: true; result: ReplaceResult } | { ok: false; problems: RequestProblem[] };

/**
 * Groups and teams formed afresh for the whole cohort by the caller (when the local search cannot place it), numbered
 * to keep as many participants in place as possible.
 */
export interface ReformedPlacement {
  groupOf: ReadonlyMap<string, number>;
  teamOf: ReadonlyMap<string, number>;
  /** Why, in words; it becomes the `why` of every move. */
  why: string;
}

/** A candidate as the steps see them: the input record, its quota cell, and its lottery draw. */
export interface Info {
  id: string;
  c: Candidate;
  cell: QuotaCell | null;
  draw: number;
}

/** A seat to fill: freed by a withdrawn participant (with their place) or already vacant; who takes it and how. */
export interface Seat {
  cell: QuotaCell;
  withdrawn: string | null;
  group: number | null;
  team: number | null;
  taker: string | null;
  how: NewcomerHow | null;
}
