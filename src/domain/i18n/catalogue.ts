/**
 * The words a person reads on the terminal, one catalogue per language (`nb.ts`, `en.ts`), both checked against
 * this interface: a text missing in one language fails the build. Numbers, plurals, lists and dates go through
 * `Intl` (domain/text.ts). JSON keys and codes stay English: they are the CI contract, not words.
 */
import type { Lang } from '../text.js';

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
  /** A quota cell's label as the committee names the body: `kommune` → `Kommunene (KS)`. */
  body: (label: string) => string;
  /** The cohort's gender balance in one line. */
  gender: (g: { women: number; men: number; unknown: number; kommune: [number, number]; spesialist: [number, number] }) => string;
  /** `Helse Nord: 1 av 4 plasser ikke fylt (3 kvalifiserte).` */
  unfilled: (body: string, missing: number, seats: number, eligible: number) => string;
  genderShort: (g: GenderShort) => string;
  /** Workshop groups: how many, their sizes, the sector and gender mix, colleagues sharing a group. */
  groups: (g: { count: number; sizes: ReadonlyArray<readonly [size: number, groups: number]>; bothSectors: number; genderMet: number; orgClashes: number }) => string;
  /** Project teams: how many of which make-up (most common first), region-matched, members from distinct groups, both genders. */
  teams: (t: { count: number; shapes: ReadonlyArray<readonly [kommune: number, spesialist: number, teams: number]>; regionMatched: number; groupsDistinct: number; bothGenders: number }) => string;
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
  /** One change of the proposal: in `body`, `inId` takes the seat of `outId`. */
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
}

/** The nomination cap and the committee's decisions, as `allocate`, `check` and `replace` print them. */
export interface CommitteeWords {
  overCap: (trust: string, nominated: number, cap: number | null, ids: readonly string[]) => string;
  /** `Komiteens beslutninger: 3, alle fulgt (2 begrunnelser i summary.json).` */
  decisions: (count: number, notObeyed: number, withReason: number) => string;
  /** A decision the allocation does not obey; `why` is the pipeline's English detail, shown in English only. */
  notObeyed: (what: { rule: string; id: string; other: string | null; group: number | null }, source: string, why: string | null) => string;
  /** `kandidater.csv linje 4`. */
  source: (file: string, line: number | null) => string;
}

/** `cohort check`'s frame around the checker's findings. */
export interface CheckWords {
  checked: (c: { file: string; selected: number; reserve: number; excluded: number; notEligible: number; overCap: number; candidates: number; files: number; strict: boolean }) => string;
  severity: (s: 'error' | 'unmet' | 'warning') => string;
  tally: (t: { errors: number; unmet: number; warnings: number }) => string;
}

export interface Catalogue {
  lang: Lang;
  /** The label before a warning line on stderr. */
  warning: string;
  allocate: AllocateWords;
  committee: CommitteeWords;
  check: CheckWords;
}
