/**
 * The core's data model. Everything downstream of reading (screening, selection, groups, teams, report)
 * works on these types only; nothing here knows about files or the terminal.
 */

export const SECTORS = ['kommune', 'spesialist'] as const;
export type Sector = (typeof SECTORS)[number];

/** `unknown` counts for neither side of a gender rule. */
export const GENDERS = ['female', 'male', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** Highest completed education, ordered: index comparison is meaningful. */
export const EDUCATION_LEVELS = ['none', 'fagskole', 'bachelor', 'master', 'phd'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];
export function educationAtLeast(have: Education, need: Education): boolean {
  return EDUCATION_LEVELS.indexOf(have) >= EDUCATION_LEVELS.indexOf(need);
}

/** The four regional health authorities, by their full names as in the reference data. */
export const RHFS = ['Helse Sør-Øst', 'Helse Vest', 'Helse Midt-Norge', 'Helse Nord'] as const;
export type Rhf = (typeof RHFS)[number];

/**
 * Canonical column names of a candidate file, in the order `cohort template` writes them.
 * Aliases (Norwegian labels etc.) live in `src/core/columns.ts`.
 */
export const CANONICAL_COLUMNS = [
  'id',
  'name',
  'birth_date',
  'gender',
  'sector',
  'rhf',
  'organisation',
  'position',
  'education',
  'experience_years',
  'priority',
  'endorsed',
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/** Where a record came from: the file as named on the command line and the 1-based line its record starts on. */
export interface RowRef {
  file: string;
  line: number;
}

/** A candidate row after reading and normalising, before screening. */
export interface Candidate {
  /** Application id as typed (trimmed). Unique across all input files. */
  id: string;
  ref: RowRef;
  /** Personal data: never put into logs or error messages. */
  name: string;
  /** ISO date `YYYY-MM-DD`, or null when blank (screening then fails it). Personal data. */
  birthDate: string | null;
  gender: Gender;
  sector: Sector;
  /**
   * The RHF whose quota cell the candidate competes in: the RHF column, or derived from the hospital
   * trust for `spesialist`; for `kommune`, the RHF whose area the municipality's county lies in.
   * Null when it cannot be known.
   */
  rhf: Rhf | null;
  /** Organisation as matched against the reference data (canonical name), else as typed (trimmed). */
  organisation: string;
  /** Normalised key for "same employer" comparisons (case/space/diacritic-insensitive canonical name). */
  organisationKey: string;
  /**
   * Municipal candidates: the municipality number (4 digits) and county, when the organisation matched one, and
   * the hospital trust whose catchment area (opptaksområde) it lies in (`data/opptaksomrader.csv`).
   */
  municipality: { number: string; name: string; countyNumber: string; countyName: string; catchmentTrust: string } | null;
  /** Specialist candidates: the matched hospital trust's canonical name, when matched. */
  trust: string | null;
  position: string;
  /** Null when blank or unrecognised (the reader reports unrecognised values as errors). */
  education: Education | null;
  /** Full-time-equivalent years, or null when blank. */
  experienceYears: number | null;
  /** The nominating body's ranking: 1 is best; null when unranked. */
  priority: number | null;
  /** Null when the column is missing or blank. */
  endorsed: boolean | null;
  /** Every input cell as typed, keyed by the header as written in the file (for pass-through to outputs). */
  raw: Record<string, string>;
}

/** Stable reason codes for screening. */
export type ScreeningReasonCode =
  | 'too_young'
  | 'missing_birth_date'
  | 'no_bachelor'
  | 'missing_education'
  | 'too_little_experience'
  | 'missing_experience'
  | 'nomination_cap'
  | 'not_endorsed'
  | 'unknown_rhf';

/** A gender rule as a reason names it: at least `required` of `gender` in `where` (a body, a sector or the cohort), `actual` admitted. */
export interface RuleFact {
  scope: 'cohort' | 'sector' | 'cell';
  /** The cell's label (`Helse Vest`, `kommune`), the sector key, or `` for the cohort. */
  where: string;
  gender: 'female' | 'male';
  required: number;
  actual: number;
}

/** Who was passed over (or admitted instead), and how many more, to meet which gender rules. */
export interface GenderRuleFacts {
  first: { id: string; priority: number | null };
  sameRank: boolean;
  others: number;
  rules: readonly RuleFact[];
}

/** The facts of a reason, for each language to say in its own words (the files' `reasons` and `warnings` cells). */
export type ReasonFacts =
  | { code: 'missing_birth_date'; problem: 'blank' | 'not_a_date'; minAge: number; start: string }
  /** `age` null: born after the start date. */
  | { code: 'too_young'; age: number | null; minAge: number; start: string }
  | { code: 'missing_education'; min: string }
  | { code: 'no_bachelor'; education: string; min: string }
  | { code: 'missing_experience'; min: number; minMaster: number }
  | { code: 'too_little_experience'; years: number; min: number; minMaster: number }
  | { code: 'unknown_rhf'; sector: string; rhf: string | null }
  /** `endorsed` false: not endorsed; null: nothing recorded. */
  | { code: 'not_endorsed'; endorsed: false | null; required: boolean }
  | { code: 'nomination_cap'; trust: string; nominated: number; cap: number }
  | { code: 'no_quota_cell'; sector: string; rhf: string | null }
  | { code: 'excluded'; eligible: boolean }
  | { code: 'included' }
  /** `over_quota`: more includes than the cell's seats, this one competes as usual. */
  | { code: 'lock_not_obeyed'; why: 'conflict' | 'not_eligible' | 'over_quota' }
  | { code: 'selected'; priority: number | null; cell: string }
  | { code: 'reserve'; rank: number | null; priority: number | null; cell: string }
  /** A tie the lottery decided: `others` not selected (for one selected) or selected (for a reserve). */
  | { code: 'lottery'; selected: boolean; priority: number | null; cell: string; others: number; seed: string }
  /** Admitted before `first` (and `others` more), or passed over for `first` (and `others` more), to meet `rules`. */
  | ({ code: 'selected_for_gender_rule' } & GenderRuleFacts)
  | ({ code: 'passed_over_for_gender_rule' } & GenderRuleFacts)
  /** `cohort replace`: left the cohort (`was` selected: the place left and who took the seat) or the reserve list. */
  | { code: 'withdrawn'; was: 'selected' | 'reserve'; group: number | null; team: number | null; replacedBy: string | null; reserveRank: number | null; cell: string }
  /**
   * `cohort replace`: called in from the reserves (`how`), before `passedOver`, into the seat of `replaces` (null: a
   * vacant seat), in its exact place or not.
   */
  | {
      code: 'newcomer';
      how: 'next_reserve' | 'gender_rule' | 'committee_add';
      cell: string;
      reserveRank: number | null;
      priority: number | null;
      gender: 'female' | 'male' | 'unknown';
      passedOver: readonly string[];
      replaces: string | null;
      exact: boolean;
    }
  /** `cohort replace`: moved to keep the group and team rules. */
  | { code: 'moved'; fromGroup: number; toGroup: number; fromTeam: number; toTeam: number }
  /** `cohort replace`: these newcomers of the other gender were called in before this reserve, for a gender rule. */
  | { code: 'called_in_instead'; ids: readonly string[] }
  /** A committee decision with its reason (`text`: the committee's words, as written). */
  | { code: 'decision'; rule: string; id: string; other: string | null; group: number | null; file: string; line: number | null; obeyed: boolean; text: string };

export interface Reason {
  code: string;
  /** Readable English text, e.g. `too_young: 24 years on 2026-08-15, minimum 25`. */
  text: string;
  /**
   * The facts, for the files in another language; absent where the text is all there is; null where another reason
   * of the same list says it in other languages (the English text is said only in English).
   */
  facts?: ReasonFacts | null | undefined;
}

export type ScreeningStatus = 'eligible' | 'ineligible';

export interface ScreenedCandidate {
  candidate: Candidate;
  status: ScreeningStatus;
  /** Every hard reason that applies (empty when eligible). */
  reasons: Reason[];
  /** Soft findings (e.g. `not_endorsed` when the programme does not make it hard). */
  warnings: Reason[];
  /** Quota cell key (see `cellKey`), or null when the candidate fits no cell. */
  cell: string | null;
}

export interface GroupLocks {
  /** Keep a participant in a workshop group (1-based group number). */
  inGroup?: ReadonlyArray<{ id: string; group: number }>;
  /** Keep two participants apart: never in the same workshop group, never in the same project team. */
  apart?: ReadonlyArray<readonly [string, string]>;
  /** Keep two participants together in one project team (e.g. a municipality and its hospital that applied as a pair). */
  togetherInTeam?: ReadonlyArray<readonly [string, string]>;
}

/** A rule that could not be held (or a lock that could not be honoured), with the reason in plain words. */
export interface Relaxation {
  /** Stable code, the same as the independent checker's violation code for the same rule. */
  code: string;
  /** Plain-English reason: what was wanted, what the cohort allows, what was done instead. */
  reason: string;
  /** Participant ids concerned (sorted), empty for cohort-wide reasons. */
  ids: string[];
}

/** How to decode an input file's bytes: detected (`auto`) or named by the user (`--encoding`). */
export type EncodingChoice = 'auto' | 'utf8' | 'cp1252' | 'cp850';
