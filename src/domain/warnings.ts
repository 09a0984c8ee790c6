/**
 * Run-level warnings: a stable code and the facts behind it (ids, counts, files, lines, the names of trusts,
 * municipalities and quota cells; never personal data). The words are the catalogue's (`warnings` in
 * domain/i18n), one text per code and language, so a warning reads in the run's language wherever a person
 * reads it. `message` holds the English text, built from the same catalogue, for records that are English by
 * design (the pipeline's detail); summary.json carries the run's language there (see app/warnings.ts).
 */

/** A file-level warning's place: the file as named on the command line, and the sheet of a workbook (else null). */
type FilePlace = {
  file: string;
  sheet: string | null;
};

/** A cell's place: the file and sheet, the row as the spreadsheet numbers it, and the column's header as written. */
type CellPlace = FilePlace & {
  line: number;
  column: string;
};

/** The facts of each warning code. Adding a code here makes the catalogue of every language need its text. */
// Type aliases, not interfaces: the facts must fit summary.json's `params` record (an implicit index signature).
export type WarningParams = {
  /** A title or note above the header row: the header's row and the rows not read. */
  header_not_first: FilePlace & { headerRow: number; rows: number[] };
  /** Ids stored as numbers in a workbook (leading zeros may be lost). */
  ids_as_numbers: FilePlace & { count: number };
  /** Ids read without invisible characters or unusual spaces: how many, and on which lines (at most 10 named). */
  id_normalised: FilePlace & { count: number; lines: number[] };
  /** Rows whose gender is not one the reader knows, recorded as unknown (at most 10 lines named). */
  unrecognised_gender: { file: string; count: number; lines: number[] };
  /** A specialist employer that is no hospital trust, accepted for the RHF given. */
  unknown_organisation: CellPlace & { value: string; rhf: string; suggestion: string | null; otherSector: boolean };
  /** A municipal employer that is no municipality, accepted as typed (region unknown when `rhf` is null). */
  unknown_municipality: CellPlace & { value: string; rhf: string | null; suggestion: string | null; otherSector: boolean };
  /** The RHF column names another RHF than the municipality's county belongs to; the column wins. */
  rhf_differs_from_county: CellPlace & { rhf: string; municipality: string; county: string; countyRhf: string };
  /** A hospital trust nominated more than the cap: the candidates beyond its top `cap` by priority. */
  nomination_cap: { trust: string; nominated: number; cap: number; ids: string[]; tieAtCut: boolean };
  /** Eligible candidates that fit no quota cell of the programme. */
  no_quota_cell: { ids: string[] };
  /** An id both included and excluded: neither lock applies. */
  lock_conflict: { id: string };
  /** An include or exclude lock on an id that is no candidate. */
  lock_unknown_id: { lock: 'include' | 'exclude'; id: string };
  /** An include lock on a candidate who is not eligible. */
  include_ineligible: { id: string; file: string; line: number };
  /** More includes in a quota cell than its seats: the first `seats` in call-in order keep their lock. */
  include_over_quota: { cell: string; included: number; seats: number; ids: string[] };
  /** `cohort replace`: the allocation it starts from already breaks a rule (`detail`: the checker's English). */
  starting_allocation_breaks_rule: { rule: string; ids: string[]; detail: string };
  /** `cohort replace`: a withdrawn participant is still included in the locks file. */
  withdrawn_still_included: { id: string; locks: string | null };
};

export type WarningCode = keyof WarningParams;

/** Every warning code, in the order of `WarningParams` (for tests and the schema's description). */
export const WARNING_CODES = [
  'header_not_first',
  'ids_as_numbers',
  'id_normalised',
  'unrecognised_gender',
  'unknown_organisation',
  'unknown_municipality',
  'rhf_differs_from_county',
  'nomination_cap',
  'no_quota_cell',
  'lock_conflict',
  'lock_unknown_id',
  'include_ineligible',
  'include_over_quota',
  'starting_allocation_breaks_rule',
  'withdrawn_still_included',
] as const satisfies readonly WarningCode[];

/** A warning's code with its facts, typed together. */
export type WarningFacts = { [C in WarningCode]: { code: C; params: WarningParams[C] } }[WarningCode];

/** A run-level warning: its code and facts, and the English text from the catalogue. */
export type Warning = WarningFacts & { message: string };

/** One text per warning code in a language; a code without its text fails the build. */
export type WarningTexts = { [C in WarningCode]: (p: WarningParams[C]) => string };
