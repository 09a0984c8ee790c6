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
  /** Municipal candidates: the municipality number (4 digits) and county, when the organisation matched one. */
  municipality: { number: string; name: string; countyNumber: string; countyName: string } | null;
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

export interface Reason {
  code: string;
  /** Readable English text, e.g. `too_young: 24 years on 2026-08-15, minimum 25`. */
  text: string;
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
