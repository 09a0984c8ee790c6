/**
 * The words a person reads on the terminal, one catalogue per language (`nb.ts`, `en.ts`), both checked against
 * this interface: a text missing in one language fails the build. Numbers, plurals, lists and dates go through
 * `Intl` (domain/text.ts). JSON keys and codes stay English: they are the CI contract, not words.
 */
import { formatPercent, type Lang } from '../text.js';
import type { WarningTexts } from '../warnings.js';
import type { CanonicalColumn, Education, ReasonFacts, Sector } from '../types.js';

/** A stage's result as the committee reads it. */
export interface StageOutcome {
  stage: 'selection' | 'groups' | 'teams';
  status: 'optimal' | 'feasible' | 'infeasible' | 'timed_out' | 'unbounded' | 'error';
  gap: number | null;
}

/** A gender rule not met, in numbers: who was required, admitted and eligible where. */
export interface GenderShort {
  scope: 'cohort' | 'sector' | 'cell';
  /** The cell's label (an RHF, `kommune`) or the sector (`kommune`, `spesialist`); empty for the cohort. */
  where: string;
  gender: 'female' | 'male';
  required: number;
  actual: number;
  /** Eligible candidates of that gender in that scope; null when not known. */
  eligible: number | null;
}

/** A candidate as the departure and proposal lines name them: id and the body's priority (null: unranked). */
export interface Ranked {
  id: string;
  priority: number | null;
}

/** A departure from a body's ranking (summary.json `departures`). */
export interface DepartureLine {
  body: string;
  passedOver: Ranked;
  takenInstead: Ranked;
  cause: 'gender_body' | 'gender_agreement' | 'include' | 'exclude' | 'nomination_cap';
  sameRank: boolean;
}

/** Seats a body's tie decided by the lottery (summary.json `lottery`). */
export interface LotteryLine {
  body: string;
  /** Who should be asked to rank them: `KS`, an RHF. */
  ranker: string;
  priority: number | null;
  seats: number;
  /** How many were tied. */
  among: number;
  /** The tied candidates the draw admitted. */
  selected: readonly string[];
}

/** A target of the cohort's or a sector's gender share that the selection does not reach. */
export interface TargetShort {
  scope: 'cohort' | 'sector';
  /** The sector (`kommune`, `spesialist`); empty for the cohort. */
  where: string;
  gender: 'female' | 'male';
  required: number;
  actual: number;
}

export interface AllocateWords {
  /** `Programme 2026–2027 (start 17.08.2026)`. */
  heading: (programme: string, startDate: string) => string;
  /** `40 av 130 kandidater er tatt opp.` and the rest of the candidates by status. */
  admitted: (c: { selected: number; candidates: number; reserve: number; excluded: number; notEligible: number; overCap: number }) => string;
  /** Column headings of the per-body table. */
  bodyTable: { body: string; seats: string; eligible: string; admitted: string; reserves: string; missing: string; women: string; men: string };
  /** The whole cohort, and a sector by its key, as a rule names them (`kullet`, `spesialisthelsetjenesten`). */
  cohortWord: string;
  sectorWord: (sector: string) => string;
  /** A quota cell's label as the committee names the body: `kommune` → `Kommunene (KS)`. */
  body: (label: string) => string;
  /** The cohort's gender balance in one line. */
  gender: (g: { women: number; men: number; unknown: number; kommune: [number, number]; spesialist: [number, number] }) => string;
  /** `Helse Nord: 1 av 4 plasser ikke fylt (3 kvalifiserte).` */
  unfilled: (body: string, missing: number, seats: number, eligible: number) => string;
  genderShort: (g: GenderShort) => string;
  /** Workshop groups: how many, their sizes, the sector and gender mix, colleagues sharing a group. */
  groups: (g: { count: number; sizes: ReadonlyArray<readonly [size: number, groups: number]>; bothSectors: number; genderMet: number; orgClashes: number }) => string;
  /**
   * Project teams: how many of which make-up (most common first), catchment-matched and region-matched (each with
   * the most the cohort allows, when known), members from distinct groups, both genders.
   */
  teams: (t: {
    count: number;
    shapes: ReadonlyArray<readonly [kommune: number, spesialist: number, teams: number]>;
    catchmentMatched: number;
    catchmentBest: number | null;
    regionMatched: number;
    regionBest: number | null;
    groupsDistinct: number;
    bothGenders: number;
  }) => string;
  /** The body's ranking followed everywhere: one line. */
  noDepartures: string;
  /** The heading above the departure lines. */
  departuresHead: (count: number) => string;
  /** After the first lines: how many more departures there are, and where all of them are. */
  moreDepartures: (count: number) => string;
  /** One departure: who was passed over, who was taken instead, and the rule that required it. */
  departure: (d: DepartureLine) => string;
  /** Seats decided by the lottery in one body's tie, with the advice to ask the body to rank them. */
  lottery: (l: LotteryLine) => string;
  /** A share of the cohort or a sector the bodies' own lists do not reach (a target, or a rule by agreement). */
  targetShort: (t: TargetShort, agreed: boolean) => string;
  /** The proposal's heading: applied (the bodies agreed) or only proposed, and whether it reaches the targets. */
  proposal: (p: { applied: boolean; changes: number; shortfallAfter: number }) => string;
  /** One change of the proposal (no bullet): in `body`, `in` takes the seat of `out`. */
  proposalChange: (c: { body: string; out: Ranked & { gender: 'female' | 'male' | 'unknown' }; in: Ranked & { gender: 'female' | 'male' | 'unknown' } }) => string;
  /** Every stage proven best, or which are not and how far they could be from the best. */
  proof: (stages: readonly StageOutcome[]) => string;
  /** A group or team rule the locks or the candidates made the tool relax (code from the checker). */
  relaxed: (stage: 'groups' | 'teams', code: string, ids: readonly string[]) => string;
  allMet: string;
  notAllMet: string;
  /** `Skrev a, b og c.` */
  wrote: (files: readonly string[]) => string;
  wroteReport: (file: string) => string;
  /** --verbose: the lottery seed, and the headings of the group and stage tables. */
  seed: (seed: string) => string;
  groupTable: { group: string; size: string; kommune: string; spesialist: string; women: string; men: string; regions: string; clashes: string };
  stageTable: { stage: string; status: string; solver: string; objective: string; bound: string; gap: string };
  stageName: (stage: StageOutcome['stage']) => string;
  /** --verbose: a stage's or a solver attempt's status (`optimal`, `timed_out`, …) in words. */
  solveStatus: (status: string) => string;
  /**
   * --verbose: a rule not met, a cell's unfilled seats or a relaxed group or team rule in detail. `english`: the
   * pipeline's own sentence (summary.json), which the English catalogue shows as it is; the others word the facts
   * (null: no facts known, the line is left out).
   */
  detail: (d: VerboseDetail | null, english: string) => string | null;
  /**
   * --verbose (stderr): the solvers a stage tried, in order, with each one's status; `note` is the solver's own
   * (English) note on why it stopped, which the English catalogue shows.
   */
  solverLine: (stage: StageOutcome['stage'], attempts: ReadonlyArray<{ solver: string; status: string; note: string | null }>) => string;
}

/** The facts behind a --verbose detail line (see `AllocateWords.detail`). */
export type VerboseDetail =
  /** A quota cell with unfilled seats; `ineligible`: how many nominated are not eligible, by screening reason code. */
  | { kind: 'cell'; body: string; seats: number; nominated: number; eligible: number; excluded: number; shortfall: number; ineligible: Readonly<Record<string, number>> }
  | { kind: 'gender'; short: GenderShort }
  | { kind: 'relaxed'; stage: 'groups' | 'teams'; code: string; ids: readonly string[] };

/** The nomination cap and the committee's decisions, as `allocate`, `check` and `replace` print them. */
export interface CommitteeWords {
  /** `ids`: the first of those over the cap (the terminal shows a few), `count`: how many are. */
  overCap: (trust: string, nominated: number, cap: number | null, ids: readonly string[], count: number) => string;
  /** `Komiteens beslutninger: 3, alle fulgt (2 begrunnelser i summary.json).` */
  decisions: (count: number, notObeyed: number, withReason: number) => string;
  /** A decision the allocation does not obey; `why` is the pipeline's English detail, shown in English only. */
  notObeyed: (what: { rule: string; id: string; other: string | null; group: number | null }, source: string, why: string | null) => string;
  /** `kandidater.csv linje 4`. */
  source: (file: string, line: number | null) => string;
}

/** `cohort report`'s and `cohort template`'s lines on the terminal. */
export interface CommandWords {
  /** `cohort report`: the allocation the report was drawn from, with its counts. */
  drewReport: (c: { file: string; selected: number; reserve: number; excluded: number; ineligible: number; overCap: number }) => string;
  /** `cohort report`: rules not met (`shown`: how many the report shows; 0: see the report). */
  reportNotMet: (shown: number) => string;
  /** `cohort template --out`: the file written, its columns and example rows. */
  wroteTemplate: (file: string, columns: number, rows: number) => string;
  /** `cohort replace`: the heading of the changes it cannot make. */
  requestProblems: (count: number) => string;
  /** `--time-limit` outside its range: what to write (commander says which option and value). */
  timeLimit: (min: number, max: number) => string;
}

/** `cohort check`'s frame around the checker's findings. */
export interface CheckWords {
  checked: (c: { file: string; selected: number; reserve: number; excluded: number; notEligible: number; overCap: number; candidates: number; files: number; strict: boolean }) => string;
  severity: (s: 'error' | 'unmet' | 'warning') => string;
  tally: (t: { errors: number; unmet: number; warnings: number }) => string;
  /**
   * A checker finding's line after its severity and code: the English is the checker's own detail (`detail`);
   * `rule` names the rule a quota or gender finding is about (its body, sector or the cohort, and the gender);
   * `facts` the detail's figures, so that a language without the detail gives the same numbers.
   */
  finding: (code: string, ids: readonly string[], detail: string, rule: { where: string; gender: 'female' | 'male' | null } | null, facts?: FindingFacts | null) => string;
}

/**
 * A checker finding's figures, as its English detail has them (src/check), for the other languages' words.
 * Sectors' counts are `kommune` and `spesialist`; `expected` a team's standard shape.
 */
export type FindingFacts =
  | { fact: 'over_quota'; selected: number; seats: number }
  | { fact: 'unfilled'; selected: number; seats: number; available: number }
  | { fact: 'shortfall'; seats: number; available: number }
  | { fact: 'included'; included: number; seats: number }
  | { fact: 'gender'; selected: number; required: number }
  | { fact: 'gender_total'; shortfall: number; least: number }
  | { fact: 'group_count'; found: number; expected: number; participants: number }
  | { fact: 'numbering'; numbers: readonly number[] }
  | { fact: 'group_size'; group: number; size: number; min: number; max: number }
  | { fact: 'sector_mix'; group: number; kommune: number; spesialist: number }
  | { fact: 'team_shape'; team: number; kommune: number; spesialist: number; expected: { kommune: number; spesialist: number }; orSmaller: boolean }
  | { fact: 'smaller_teams'; smaller: number; fewest: number; expected: { kommune: number; spesialist: number } }
  /** `body`: the quota cell's label (`kommune`, `Helse Vest`). */
  | { fact: 'reserve_ranks'; body: string; reserves: number };

/** `cohort replace`'s change set on the terminal (the English detail stays in summary.json). */
export interface ReplaceWords {
  heading: (c: { programme: string; withdrawals: number; newcomers: number; moved: number; from: string }) => string;
  withdrawnHead: string;
  /** `TLP-0081 (Helse Sør-Øst): was in workshop group 2, project team 7; seat taken by TLP-0118`. */
  withdrawn: (w: { id: string; body: string; was: 'selected' | 'reserve'; group: number | null; team: number | null; reserveRank: number | null; replacedBy: string | null }) => string;
  newHead: (count: number) => string;
  /** `TLP-0118 (Helse Sør-Øst) replaces TLP-0081: workshop group 2, project team 7 (the same place)`. */
  newcomer: (n: { id: string; body: string; replaces: string | null; group: number; team: number; exact: boolean }) => string;
  /**
   * Why this reserve: the next in line, the body's gender rule (with the gender called in), a committee decision.
   * `detail` is the pipeline's English sentence (summary.json), which the English catalogue shows as it is.
   */
  why: (w: { how: 'next_reserve' | 'gender_rule' | 'committee_add'; body: string; reserveRank: number | null; gender: 'female' | 'male' | 'unknown'; passedOver: readonly string[]; detail: string }) => string;
  /** Not the exact place of the one replaced: the rules of groups and teams (`detail`: the pipeline's English). */
  placeNote: (detail: string) => string;
  /** `reason`: why everyone moved when the groups were formed afresh (the pipeline's English), else null. */
  movedHead: (count: number, reason: string | null) => string;
  /** `moved from workshop group 2 to 3; project team 7 to 5`. */
  moved: (m: { fromGroup: number; toGroup: number; fromTeam: number; toTeam: number }) => string;
  /** Why one person moved (`detail`: the pipeline's English): to keep the group and team rules. */
  movedWhy: (detail: string) => string;
  emptyHead: string;
  empty: (e: { body: string; withdrawn: string | null; detail: string }) => string;
  /** A rule not met after the change (`detail`: the pipeline's English explanation, when it has one). */
  ruleNotMet: (r: { kind: 'quota' | 'gender'; where: string; gender: 'female' | 'male' | null; required: number; actual: number; detail: string | null }) => string;
  checkHead: string;
}

/** `cohort screen`'s table on the terminal. */
export interface ScreenWords {
  header: { body: string; candidates: string; eligible: string; ineligible: string; byReason: string };
  total: string;
  noCell: string;
  wrote: (file: string, rows: number) => string;
}

/**
 * An input problem in structured form, for each language to say in its own words (`InputIssue.params`).
 * `value` is the cell as typed, cut when long; the limits are the rule's own, passed so that each is declared once.
 */
export type IssueParams =
  | { kind: 'date'; value: string; problem: 'form' | 'calendar' }
  | { kind: 'date'; value: string; problem: 'year'; min: number; max: number }
  /** `years` and `priority`: `date_cell`, a workbook's date cell; `date_text`, text that reads as a date (`03.mai`). */
  | { kind: 'years' | 'priority'; value: string; problem: 'form' | 'date_cell' | 'date_text' }
  | { kind: 'years' | 'priority'; value: string; problem: 'range'; min: number; max: number }
  | { kind: 'yes_no'; value: string }
  /** `unfinished`: the cell says the degree is not completed (`Master påbegynt`, `Bachelor?`). */
  | { kind: 'education'; value: string; unfinished: boolean }
  /** An unknown sector; `value` `` for a blank cell. */
  | { kind: 'sector'; value: string }
  | { kind: 'blank'; what: 'id' | 'organisation' }
  /** `label`: the column's Norwegian header, `aliases`: every header accepted for it. */
  | { kind: 'missing_column'; label: string; aliases: readonly string[] }
  /** `spelledApart`: the two cells differ only in invisible characters, spacing or composed letters. */
  | { kind: 'duplicate_id'; id: string; file: string; line: number; spelledApart: boolean }
  /** An employer not in the reference list of hospital trusts; `otherSector`: it is a municipality. */
  | { kind: 'unknown_trust'; value: string; suggestion: string | null; otherSector: boolean }
  | { kind: 'unknown_rhf'; value: string; rhfs: readonly string[]; suggestion: string | null }
  | { kind: 'ambiguous_municipality'; value: string; options: ReadonlyArray<{ name: string; number: string }> }
  /** The RHF column names another RHF than the one that owns the hospital trust. */
  | { kind: 'rhf_mismatch'; value: string; trust: string; rhf: string }
  /** A row with fewer cells than the header (`few`), or a value beyond its last column (`many`, `at` the 1-based cell). */
  | { kind: 'cell_count'; problem: 'few'; header: number; found: number }
  | { kind: 'cell_count'; problem: 'many'; header: number; at: number }
  /** A column twice: `first` (at 1-based `firstAt`) and the one at `at`; `label`: the Norwegian header both mean, if known. */
  | { kind: 'duplicate_column'; first: string; firstAt: number; at: number; label: string | null }
  /** An allocation file's status cell (`value` `` when blank) not among `allowed` (the tool's status names). */
  | { kind: 'allocation_status'; value: string; allowed: readonly AllocationStatusName[] }
  /** An allocation file's group, team or reserve number that is not a whole number from 1. */
  | { kind: 'allocation_number'; value: string; what: 'workshop_group' | 'project_team' | 'reserve_rank' }
  /** An allocation row whose id is no candidate of the candidate files. */
  | { kind: 'unknown_candidate'; id: string }
  /**
   * A change `cohort replace` was asked for and cannot make: an id not in the allocation, a withdrawal of someone
   * neither admitted nor a reserve (`status`), an add of someone who is not a reserve, both withdrawn and added, or
   * an add with no seat freed in its cell (`cell`).
   */
  | { kind: 'request'; problem: 'unknown_id' | 'not_withdrawable' | 'not_a_reserve' | 'conflicting_request'; id: string; status: AllocationStatusName | null }
  | { kind: 'request'; problem: 'no_free_seat'; id: string; cell: string }
  /** A committee decision (locks file) that cannot be read: its rule word, a group number or the other id. */
  | { kind: 'lock'; problem: 'rule'; value: string; allowed: readonly string[] }
  | { kind: 'lock'; problem: 'group'; value: string }
  | { kind: 'lock'; problem: 'other'; rule: string }
  | { kind: 'lock'; problem: 'missing_column'; column: string }
  /** A programme file's problem at `path` (`(root)` for the top level): see `ConfigProblemParams`. */
  | ({ kind: 'config'; path: string } & ConfigProblemParams)
  /** A candidate (at `file`, `line`) without a row in the allocation. */
  | { kind: 'missing_candidate_row'; id: string; file: string; line: number }
  /** A problem with the whole file or its shape, not one cell's value (see `FileProblem`). */
  | ({ kind: 'file' } & FileProblem);

/** What the programme schema expects of a value (programme.ts `CONFIG_EXPECT` has the English). */
export type ConfigExpect = 'positive_int' | 'non_negative' | 'share' | 'date' | 'real_date' | 'gender_rule' | 'non_empty_name' | 'whole_years';

/**
 * A programme file's problem in structured form: a single value's (the schema's), or a check across values
 * (`ConfigCrossCheck`), each with its figures.
 */
export type ConfigProblemParams =
  | { problem: ConfigExpect | 'required' | 'duplicate_key' }
  | ConfigCrossCheck
  | { problem: 'json_syntax'; column: number }
  | { problem: 'unknown_keys'; keys: readonly string[] }
  | { problem: 'one_of'; values: readonly string[] };

/** A programme file's check across values (programme.ts `semanticProblems` has the English). */
export type ConfigCrossCheck =
  /** `seats` is not the sum of the sector quotas. */
  | { problem: 'sector_sum'; sum: number; seats: number }
  /** A split sector's cells' seats do not add up to the sector's. */
  | { problem: 'cell_sum'; seats: number; sum: number }
  /** An RHF listed twice among a sector's cells; `first`: the index of its first cell. */
  | { problem: 'duplicate_rhf'; rhf: string; first: number }
  /** A body's gender rule (`rule`, as JSON) asks for `minimum` of each gender, more than its `seats` hold; `body` the sector or the RHF. */
  | { problem: 'gender_rule_too_strict'; body: string; seats: number; rule: string; minimum: number }
  /** A value (the path's key) above another key's (`other`, `max`). */
  | { problem: 'at_most'; other: string; max: number; value: number };

/** What an input file should be, as a file-level problem names it. */
export type FileExpected = 'table' | 'csv' | 'workbook' | 'config' | 'summary';

/** What a path is when it is not a regular file. */
export type NotRegular = 'directory' | 'fifo' | 'character_device' | 'block_device' | 'socket' | 'other';

/**
 * A file that cannot be read as it is, or a shape the reader stops at (IssueParams kind `file`). The limits are the
 * reader's own, passed so that each is declared once; `reason`s are system or library codes, shown as they are.
 */
export type FileProblem =
  | { problem: 'missing' }
  | { problem: 'permission' }
  | { problem: 'unreadable'; reason: string }
  | { problem: 'not_regular'; got: NotRegular; expected: FileExpected }
  /** `bytes`: the file's size, or null when it grew past the limit while being read. */
  | { problem: 'too_large'; expected: FileExpected; maxBytes: number; bytes: number | null }
  | { problem: 'duplicate_file' }
  /** A workbook where only a CSV file is read. */
  | { problem: 'workbook_not_csv' }
  /** A NUL byte in what should be text. */
  | { problem: 'binary' }
  /** Not UTF-8: `because` the file starts with a UTF-8 byte-order mark, `--encoding utf8` said so, or the file must be (a programme config). */
  | { problem: 'not_utf8'; byte: string | null; because: 'bom' | 'option' | 'config' }
  | { problem: 'empty' }
  | { problem: 'invalid_delimiter'; delimiter: string }
  | { problem: 'unclosed_quote' }
  | { problem: 'row_too_large'; maxBytes: number }
  | { problem: 'csv_syntax'; reason: string }
  /** `blank`: blank rows of another width than the first (only spaces or delimiters). */
  | { problem: 'too_many_rows'; max: number; blank: boolean }
  /** `got` null: more than the reader counts before parsing. */
  | { problem: 'too_many_columns'; max: number; got: number | null }
  | { problem: 'cell_too_long'; max: number; got: number }
  /** A column (1-based, or a sheet's letters) with values and no header; `firstRow`: the first row with a value. */
  | { problem: 'empty_header'; column: number | string; firstRow: number }
  /** A workbook's cell: a formula (its text, cut), a spreadsheet error (`#REF!`), merged cells (`range`; in the header row or not), a value right of the last header. */
  | { problem: 'formula'; formula: string }
  | { problem: 'error_cell'; value: string }
  | { problem: 'merged'; range: string; header: boolean }
  | { problem: 'no_header_above'; headerRow: number }
  | { problem: 'too_many_issues'; max: number; scope: 'file' | 'sheet' }
  | { problem: 'password' }
  /** An Excel 97–2003 workbook (.xls). */
  | { problem: 'xls' }
  | { problem: 'not_workbook' }
  /** `reason`: the spreadsheet reader's own words (null: the zip container itself is damaged). */
  | { problem: 'corrupt_workbook'; reason: string | null }
  | { problem: 'workbook_too_large'; maxMiB: number; partMiB: number; parts: number }
  | { problem: 'no_sheet' }
  | { problem: 'unknown_sheet'; sheet: string; sheets: readonly string[] }
  | { problem: 'hidden_sheet'; visible: string; hidden: string }
  | { problem: 'empty_sheet' };

/** An output problem in structured form, for each language to say in its own words (`OutputError.params`). */
export type OutputParams =
  | { kind: 'exists'; paths: readonly string[] }
  | { kind: 'output_is_input'; target: string; input: string }
  /** `option`: the option that named the path (`--out` a folder the file is written into). */
  | { kind: 'not_file'; path: string; option: OutputOption }
  /** `template --out` names a folder (`folder`: it exists as one) or no file name at all. */
  | { kind: 'out_file'; path: string; folder: boolean }
  /** A report path that names no file (`example`: a file name to give instead). */
  | { kind: 'report_path'; option: OutputOption; path: string; example: string }
  /** A report path that is one of the run's own output files. */
  | { kind: 'report_is_output'; option: OutputOption; path: string; name: string }
  | { kind: 'out_dir_empty' }
  | { kind: 'out_dir_create'; dir: string; reason: string }
  | { kind: 'not_dir'; dir: string }
  | { kind: 'write'; path: string; reason: string };

/** The option that named an output path. */
export type OutputOption = '--out' | '--report' | '--output';

/** The statuses an allocation file holds. */
export type AllocationStatusName = 'selected' | 'reserve' | 'excluded' | 'ineligible' | 'over_cap' | 'withdrawn';

/** Where an input problem is, the parts already escaped. */
export interface IssuePlace {
  file: string;
  /** The row (a table, as the spreadsheet numbers it) or the line (a JSON file); undefined for the whole file. */
  line: number | undefined;
  unit: 'row' | 'line';
  /** A workbook's sheet and cell (`B14`); undefined for a CSV file. */
  sheet: string | undefined;
  cell: string | undefined;
  /** The column's header as written in the file. */
  column: string | undefined;
}

/** The frame of the errors in input files: the heading and where each problem is. */
export interface ErrorWords {
  /**
   * `cohort: 3 feil i inndataene (E_INPUT); ingenting er skrevet:`. `message`: the error's English text;
   * `summary`: a text given instead of the count (already in the chosen language or English).
   */
  heading: (h: { code: string; count: number; subject: 'input' | 'config'; message: string; summary: string | undefined }) => string;
  /** After the first problems printed: `… og 3 til`. */
  more: (count: number) => string;
  /** `Fil kandidater.csv, rad 14, kolonne «Fødselsdato»`. */
  where: (p: IssuePlace) => string;
  /**
   * The problem in this language from its structured form (values escaped), or null to keep the issue's own
   * (English) message: English keeps those, which say the same.
   */
  issue: (p: IssueParams) => string | null;
  /** Whether the frame names the column: not where the message does itself (a missing column in bokmål). */
  frameColumn: (p: IssueParams | undefined) => boolean;
  /** An output problem in this language, or null to keep the error's own (English) message. */
  output: (p: OutputParams) => string | null;
}

/** A move of a stable rerun with its facts (app/previous.ts `MoveReason`), as the catalogue words it. */
export interface MoveText {
  id: string;
  part: 'group' | 'team';
  from: number;
  to: number;
  instead: string | null;
  facts: ReadonlyArray<{ fact: 'locked' } | { fact: 'same_group'; with: string } | { fact: 'same_organisation'; with: string } | { fact: 'taken_by'; by: readonly string[] }>;
}

/** Every word `cohort lists` shows a person (terminal, errors) or writes into a list's headers and cells. */
export interface ListsWords {
  /** Columns of a nominating body's list. */
  bodyHeader: readonly string[];
  /** Columns of BI's admission list. */
  admissionHeader: readonly string[];
  admitted: string;
  reserve: string;
  sector: (s: Sector | null) => string;
  /** An ISO date as the list shows it. */
  date: (iso: string) => string;
  unknownSeed: string;
  // terminal
  wrote: (n: number, dir: string) => string;
  wroteWorkbook: (path: string, sheets: number) => string;
  bodyLine: (file: string, body: string, admitted: number, reserves: number) => string;
  admissionLine: (file: string, admitted: number) => string;
  run: (date: string, dateFrom: 'option' | 'file', seed: string) => string;
  // warnings and errors
  warning: string;
  noSummary: (file: string) => string;
  noEmail: string;
  cannotList: string;
  noBody: string;
  badDate: (text: string) => string;
}

/** The words `allocate --dry-run` and `allocate --previous` add to allocate's output (the diff itself is worded by `DiffWords`). */
export interface PreviousWords {
  /** How the new run is named where a file name would stand. */
  thisRun: string;
  dryRun: string;
  /** Ids of the previous allocation that are not candidates any more (ids only, at most a few named). */
  idsGone: (file: string, ids: readonly string[]) => string;
  /** Ids in both whose name and birth date both differ: the id now names someone else (ids only). */
  idsChanged: (file: string, ids: readonly string[]) => string;
  /** Most ids in both name someone else: the previous file is not a draft of this run (refused). */
  otherPeople: (file: string, ids: readonly string[], inBoth: number) => string;
  /**
   * What the stable rerun kept. `groups`: `proven` the workshop-group stage proved the fewest moved (with its
   * keep-in-place level), `unproven` it did not, `plain` the groups are those of a run without --previous (the ones
   * kept closest gave worse project teams), numbered like the previous ones.
   */
  kept: (s: { participantsInBoth: number; sameGroup: number; sameTeam: number }, groups: 'proven' | 'unproven' | 'plain') => string;
  /** Heading of the facts behind the moves (after `kept`). */
  movesHead: string;
  /**
   * One move and its facts: `TLP-0106: project team 3 → 4: its place went to TLP-0083`; a newcomer not in the place
   * of `instead`, who left the cell: `TLP-0141 (new): project team 4, not TLP-0093's team 3: …`. Ids only.
   */
  move: (m: MoveText) => string;
}

/**
 * `in`: in the cohort now, not before (a new candidate, a reserve called in, …). `out`: in the cohort before,
 * not now. `moved`: in the cohort in both, in another workshop group, project team or quota cell. `status`:
 * outside the cohort in both (or in one only), with another status or cell (e.g. a reserve now ineligible, a
 * late nomination on the reserve list). `reserve_rank`: a reserve of the same cell in both, at another place.
 * `data`: the same decisions, but input columns changed (a corrected birth date that changed nothing else).
 */
export const CHANGE_KINDS = ['in', 'out', 'moved', 'status', 'reserve_rank', 'data'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Every word `cohort diff` shows a person (terminal, errors, the HTML page, and the diff `allocate --previous` prints). */
export interface DiffWords {
  htmlLang: string;
  /** First line: which two files are compared. */
  comparing: (oldFile: string, newFile: string) => string;
  equal: string;
  /** `2 in, 1 out, 3 moved, …`: only the kinds with changes. */
  tally: (counts: Readonly<Record<ChangeKind, number>>) => string;
  heading: Record<ChangeKind, string>;
  /** A status in words; `rank` for a reserve. Null status: not among the candidates. */
  status: (status: AllocationStatusName | null, rank: number | null) => string;
  /** `group 3, team 7`; blank parts left out. */
  place: (group: number | null, team: number | null) => string;
  /** A quota cell as the nominating body: `KS (kommune)`, `Helse Vest`. */
  body: (cell: string | null) => string;
  /** A reason code of the pipeline in words (unknown codes as they are). */
  reason: (code: string) => string;
  before: string;
  now: string;
  why: string;
  newCandidate: string;
  columns: (names: readonly string[]) => string;
  bodiesHeading: string;
  bodiesHeader: readonly [string, string, string, string, string];
  /** `20 → 19 (−1)`, or just `20` when unchanged. */
  moved: (a: number, b: number) => string;
  // bad input and warnings
  cannotCompare: string;
  /** Located at the new file: what it is for, against the old file. */
  differentProgrammes: (oldFile: string, oldName: string, oldStart: string, newName: string, newStart: string) => string;
  /** Located at the new file. */
  noCommonCandidate: (oldFile: string) => string;
  /** Prefix of a warning line on stderr. */
  warning: string;
  summaryIgnored: (summary: string, why: string) => string;
  summaryMismatch: (summary: string, rows: number, file: string, candidates: number) => string;
  noSummary: (file: string) => string;
  wroteReport: (path: string) => string;
  // HTML page
  pageTitle: string;
  eyebrow: string;
  oldFile: string;
  newFile: string;
  verdictEqual: string;
  verdictChanges: (n: number) => string;
  stat: Record<ChangeKind, string>;
  bodiesIntro: string;
  name: string;
  id: string;
  cellCol: string;
  beforeCol: string;
  afterCol: string;
  reasonsCol: string;
  reasonsNote: string;
  noChanges: string;
  record: string;
  seed: string;
  unknown: string;
  tool: (name: string, version: string) => string;
  privacy: string;
}

/** The columns the CSV outputs (allocation.csv, screening.csv, groups.csv) and the workbook add to the input's. */
export const OUTPUT_COLUMNS = ['id', 'input_id', 'status', 'cell', 'reserve_rank', 'workshop_group', 'project_team', 'reasons', 'warnings', 'source_file', 'source_line', 'kind', 'number', 'county'] as const;
export type OutputColumn = (typeof OUTPUT_COLUMNS)[number];

/** The statuses the outputs write: screening's (`eligible`, `ineligible`) and the allocation's. */
export const OUTPUT_STATUSES = ['selected', 'reserve', 'excluded', 'ineligible', 'over_cap', 'withdrawn', 'eligible'] as const;
export type OutputStatus = (typeof OUTPUT_STATUSES)[number];

/**
 * The words of the files a person opens (the CSV outputs, the workbook): each column's header and each value
 * with a fixed set of meanings. One declaration per language for the writers and the readers: a file written
 * in either language reads back (read/columns.ts, read/allocation.ts take their names from here).
 */
export interface FileWords {
  /** A candidate file's columns: `cohort template`'s header, and the input columns the outputs pass through. */
  candidateColumns: Readonly<Record<CanonicalColumn, string>>;
  /** The outputs' own columns (`id` is the candidate id as the tool reads it; the id as typed is the candidate column). */
  columns: Readonly<Record<OutputColumn, string>>;
  status: Readonly<Record<OutputStatus, string>>;
  /** groups.csv's `kind`. */
  kind: Readonly<Record<'workshop_group' | 'project_team', string>>;
  gender: Readonly<Record<'female' | 'male' | 'unknown', string>>;
  /**
   * A sector and an education level as this language names them. An input cell with the other language's word is
   * written with this one's (`municipal` in a bokmål file is `Kommunehelsetjenesten`); any other cell as typed.
   */
  sector: Readonly<Record<Sector, string>>;
  education: Readonly<Record<Education, string>>;
  yes: string;
  no: string;
  /**
   * A reason or warning of the `reasons` and `warnings` cells, from its facts; `english` is the pipeline's own
   * sentence (`selected: priority 3 in Helse Vest`), which the English catalogue writes as it is.
   */
  reason: (facts: ReasonFacts, english: string) => string;
}

export interface Catalogue {
  lang: Lang;
  /** The label before a warning line on stderr. */
  warning: string;
  /** Each run-level warning's text, by code, from its facts (domain/warnings.ts). */
  warnings: WarningTexts;
  allocate: AllocateWords;
  committee: CommitteeWords;
  check: CheckWords;
  replace: ReplaceWords;
  screen: ScreenWords;
  lists: ListsWords;
  previous: PreviousWords;
  diff: DiffWords;
  commands: CommandWords;
  /**
   * Run notes and checker findings by code, in a few words (the report's notes, `cohort check`'s lines in bokmål);
   * English has the pipeline's own sentences instead, so its table may be empty.
   */
  notes: Readonly<Record<string, string>>;
  /** Why a candidate is not eligible, by screening reason code (`too_young` is told with the programme's minimum age). */
  reasons: Readonly<Record<string, (minAge: number) => string>>;
  errors: ErrorWords;
  files: FileWords;
  rules: RulesWords;
}

/** A nominating body's gender rule as `cohort rules` names it (programme.ts `CellGenderRule`). */
export type GenderRuleText = 'table' | 'none' | { share: number } | { minimum: number };

/** The representation table (rules.ts `GENDER_TABLE`): the minimum of each gender up to a body's size, then a share. */
export interface GenderTableText {
  rows: ReadonlyArray<{ upTo: number; minimum: number }>;
  beyondShare: number;
}

/** Where the programme came from (app/rules.ts `ProgrammeOrigin`). */
export interface OriginText {
  /** `built-in`, or the config path as given. */
  source: string;
  sha256: string;
}

/** Every word `cohort rules` prints. Numbers and dates arrive unformatted; each language formats its own. */
export interface RulesWords {
  config: (o: OriginText) => string;
  start: (date: string) => string;
  seats: (n: number) => string;
  seatHeader: string[];
  cellRule: (rule: GenderRuleText, minimum: number) => string;
  wholeSector: string;
  total: string;
  eligibility: string;
  age: (min: number, start: string, latestBirth: string | null) => string;
  education: (min: Education) => string;
  experience: (plain: number, master: number) => string;
  endorsement: (required: boolean) => string;
  cap: (cap: number | null) => string;
  gender: string;
  cohortShare: (share: number, min: number, seats: number, rule: boolean) => string;
  sectorShare: (share: number, parts: ReadonlyArray<{ sector: Sector; min: number; seats: number }>, rule: boolean) => string;
  bodies: (table: GenderTableText) => string;
  across: (on: boolean) => string;
  groups: (min: number, max: number, count: number | null, fewest: number, seats: number) => string;
  teams: (kommune: number, spesialist: number) => string;
  seed: (seed: string) => string;
}

/** The representation table in words, from its declaration: `2–3 seats → 1, 4–5 → 2, …, more → 40 % rounded up`. */
export function genderTableText(table: GenderTableText, words: { seats: string; more: string; roundedUp: string }, lang: Lang): string {
  const parts: string[] = [];
  let from = 0;
  for (const row of table.rows) {
    if (row.minimum > 0) parts.push(`${from === row.upTo ? String(from) : `${from}–${row.upTo}`}${parts.length === 0 ? ` ${words.seats}` : ''} → ${row.minimum}`);
    from = row.upTo + 1;
  }
  parts.push(`${words.more} → ${formatPercent(table.beyondShare, lang)} ${words.roundedUp}`);
  return parts.join(', ');
}
