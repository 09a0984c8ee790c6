/**
 * What the HTML report shows, as plain data: everything the renderer needs and nothing else. Built from a
 * fresh `Allocation` by `reportViewFromAllocation` (src/app/report.ts); a re-read allocation file plus the
 * candidate files can build the same view. All texts in here are data (escaped by the renderer); the
 * renderer's own words come from `words.ts`.
 */
import type { Education, Gender, Sector } from '../domain/types.js';

export type ReportLang = 'nb' | 'en';

export interface GenderSplit {
  female: number;
  male: number;
  unknown: number;
}

/** A candidate as the report shows them. Personal data: it stays in the report file. */
export interface PersonView {
  id: string;
  name: string;
  gender: Gender;
  sector: Sector;
  /** The RHF whose quota cell or area the person belongs to (for `kommune`: the county's RHF); null when unknown. */
  rhf: string | null;
  organisation: string;
  /** The nominating body's ranking (1 best); null when unranked. */
  priority: number | null;
  /** Job title (`stilling`) as written; absent or blank when the files have none. */
  position?: string | undefined;
  /** E-mail from an e-mail column of the candidate files; absent or blank when there is none. Personal data. */
  email?: string | undefined;
}

/** One quota cell: the quota table's row. */
export interface CellView {
  key: string;
  /** The programme's label, e.g. `kommune`, `Helse Vest`. */
  label: string;
  sector: Sector;
  rhf: string | null;
  seats: number;
  nominated: number;
  /** Eligible candidates of the cell, including any the committee excluded. */
  eligible: number;
  /** Eligible candidates the committee excluded. */
  excluded: number;
  selected: number;
  /** Eligible, not excluded, not selected: the length of the reserve list. */
  reserves: number;
  /** seats − selected. */
  shortfall: number;
  genderSelected: GenderSplit;
  /** Plain English when seats are unfilled (from the selection stage); null otherwise. */
  explanation: string | null;
}

/** A selection rule (quota or gender) and whether it is met. */
export interface RuleView {
  id: string;
  kind: 'quota' | 'gender';
  scope: 'cohort' | 'sector' | 'cell';
  /** `cohort`, a sector, or a cell key. */
  scopeKey: string;
  gender: 'female' | 'male' | null;
  required: number;
  actual: number;
  met: boolean;
  /** Plain English when not met; null when met. */
  explanation: string | null;
}

/** A workshop-group or project-team rule that could not be held, or a lock that could not be honoured. */
export interface RelaxationView {
  stage: 'groups' | 'teams';
  code: string;
  /** Plain English. */
  reason: string;
  ids: string[];
}

export interface GroupView {
  number: number;
  members: PersonView[];
  /** The Norwegian-table minimum of each gender for this group's size. */
  genderMinimum: number;
  /** Pairs of member ids from the same organisation. */
  organisationClashes: Array<[string, string]>;
}

export interface TeamMemberView extends PersonView {
  /** The member's workshop group; null when not known. */
  group: number | null;
}

export interface TeamView {
  number: number;
  members: TeamMemberView[];
  /**
   * Every municipal member's municipality lies in the catchment area of at least one of the specialist members'
   * trusts.
   */
  catchmentMatch: boolean;
  /** The RHF every member belongs to, or null when the team is not region-matched. */
  regionMatch: string | null;
  /** Pairs of member ids from the same organisation. */
  organisationClashes: Array<[string, string]>;
}

export interface ReserveListView {
  cellKey: string;
  /** Reserves in call-in order; `rank` is 1-based. */
  reserves: Array<PersonView & { rank: number }>;
}

/** A candidate who is not in the cohort for a reason other than the lottery: ineligible or excluded. */
export interface ListedCandidateView extends PersonView {
  /** Quota cell key, or null when the candidate fits none. */
  cellKey: string | null;
  /** Codes with plain-English detail, e.g. `{ code: 'too_young', text: 'too_young: 24 years on …' }`. */
  reasons: Array<{ code: string; text: string }>;
  /**
   * What the eligibility rules measured, for the detail in the reader's language (the English `text` is
   * the pipeline's). Personal data: it stays in the report file. Absent: the detail is the code's words only.
   */
  facts?: EligibilityFacts | undefined;
}

export interface EligibilityFacts {
  /** Whole years on the programme's start date; null when the birth date is missing or not a date. */
  age: number | null;
  education: Education | null;
  experienceYears: number | null;
}

export interface StageView {
  stage: string;
  status: string;
  /** Relative gap; 0 when proven optimal, null when no bound is known. */
  gap: number | null;
}

export interface ReportView {
  programme: {
    name: string;
    /** ISO date. */
    startDate: string;
    /** `built-in` or the config path. */
    source: string;
    sha256: string;
    minAge: number;
    /** The other eligibility minimums, for the ineligible candidates' detail; absent when not known. */
    eligibility?: { minEducation: Education; minExperienceYears: number; minExperienceYearsWithMaster: number } | undefined;
  };
  tool: { name: string; version: string };
  /** Lottery seed of the run; null when not known (e.g. a view drawn from a re-read allocation file). */
  seed: string | null;
  inputs: Array<{ file: string; sha256: string; rows: number }>;
  counts: { candidates: number; selected: number; reserve: number; excluded: number; ineligible: number };
  /** Every rule in `rules` met and no relaxations. */
  allRulesMet: boolean;
  /** In programme order. */
  cells: CellView[];
  rules: RuleView[];
  relaxations: RelaxationView[];
  groups: GroupView[];
  teams: TeamView[];
  /** Catchment- and RHF-matched teams, with the most the cohort allows when the run computed it (else null). */
  teamMatch: { catchmentMatched: number; catchmentBest: number | null; regionMatched: number; regionBest: number | null };
  /** One list per cell, in programme order. */
  reserves: ReserveListView[];
  ineligible: ListedCandidateView[];
  excluded: ListedCandidateView[];
  /** Run-level warnings: a stable code and the pipeline's plain English (ids only, no personal data). */
  warnings: NoteView[];
  /** How each solver stage ended; empty when not known (a re-read allocation). */
  stages: StageView[];
  /**
   * Candidates over a hospital trust's nomination cap (and no other reason), per trust; they are not in
   * `ineligible`. Absent or empty: nobody is.
   */
  nominationCap?: NominationCapView | undefined;
  /** The committee's decisions with whether each is obeyed. Absent or empty: no locks were given. */
  decisions?: DecisionView[] | undefined;
  /**
   * Seats given out of the nominating bodies' order (someone selected before a better-ranked candidate of the
   * same cell). Absent: the view does not know (the overview says nothing); empty: none.
   */
  departures?: DepartureView[] | undefined;
  /**
   * The cohort's and sectors' gender shares (targets, or rules by the bodies' agreement) and the proposal that
   * would reach them (summary.json `genderBalance`). Absent: not known.
   */
  genderBalance?: GenderBalanceView | undefined;
  /** Seats decided by the lottery among equally ranked candidates. Absent: not known; empty: none. */
  lottery?: LotteryView[] | undefined;
}

/** A run-level warning or a checker's finding. */
export interface NoteView {
  /** Stable code, e.g. `nomination_cap`, `unknown_organisation`, `group_size`. */
  code: string;
  /** Plain English from the pipeline (shown in the English report only). */
  message: string;
  /** Candidate ids the note is about, when known. */
  ids?: string[] | undefined;
  /** A checker's finding (`cohort report`): how bad it is. Absent: a run warning. */
  severity?: 'error' | 'unmet' | 'warning' | undefined;
}

/**
 * One departure from a nominating body's ranking: `passedOver` comes before `takenInstead` in the body's call-in
 * order (rank, then the lottery), yet only `takenInstead` has a seat. One to one with the selection's `Departure`
 * (src/stages/select/select.ts), with people for ids.
 */
export interface DepartureView {
  cellKey: string;
  passedOver: PersonView;
  takenInstead: PersonView;
  /**
   * Why: `gender_body` (the body's own gender rule), `gender_agreement` (the cohort's or a sector's share the
   * bodies agreed to balance), `include` / `exclude` (a committee decision), `nomination_cap` (the passed-over
   * candidate is over the cap); another code is shown as the code.
   */
  cause: string;
  /** Both have the same priority: the lottery had placed `passedOver` first. */
  sameRank: boolean;
}

/**
 * Seats of one cell decided by the lottery among candidates of equal rank (or all unranked). From the
 * selection's `LotterySeats`: `won` its `selected`, `lost` the rest of its `among`.
 */
export interface LotteryView {
  cellKey: string;
  /** The shared rank; null when the tie is among unranked candidates. */
  priority: number | null;
  /** Tied candidates the draw gave a seat. */
  won: PersonView[];
  /** Tied candidates the draw left out (in the draw's order). */
  lost: PersonView[];
}

export interface NominationCapView {
  /** The programme's cap per hospital trust. */
  cap: number | null;
  trusts: Array<{ trust: string; nominated: number; people: ListedCandidateView[] }>;
}

/** One committee decision as the report shows it. */
export interface DecisionView {
  rule: 'include' | 'exclude' | 'group' | 'apart' | 'together';
  /** The person the rule is about; only the id when not among the candidates shown. */
  person: PersonView;
  /** `apart`/`together`: the other person. */
  other: PersonView | null;
  group: number | null;
  /** The committee's reason as typed (data: escaped, never markup). */
  reason: string | null;
  /** `locks.csv line 4`, or the option. */
  source: string;
  obeyed: boolean;
  /** Plain English, when not obeyed. */
  why: string | null;
}

/** The cohort's and sectors' gender shares and the proposal (ids only; see `GenderBalance` in stages/select). */
export interface GenderBalanceView {
  acrossBodies: boolean;
  targets: Array<{ scope: 'cohort' | 'sector'; scopeKey: string; gender: 'female' | 'male'; required: number; actual: number; met: boolean }>;
  proposal: {
    applied: boolean;
    shortfallAfter: number;
    changes: Array<{ cellKey: string; out: { id: string; priority: number | null; gender: Gender }; in: { id: string; priority: number | null; gender: Gender } }>;
  } | null;
}
