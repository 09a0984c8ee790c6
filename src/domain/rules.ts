/**
 * The programme's rules, each declared once. The models (src/stages), the independent checker (src/check),
 * `replace` and the words of `cohort rules` read a rule's parameters and definition here; none keeps its own
 * copy of a number or of what a rule means. The checker still verifies with its own code (that independence
 * from the models is its point), against these declarations.
 *
 * Where the programme file parameterises a rule (the zod schema in programme.ts), the reader here is the one
 * place that reads those keys, and `RULE_DEFAULTS` holds the built-in programme's values.
 *
 * Adding a rule: declare its parameters (with a default here, and its key in the programme schema) and what it
 * requires here; add its constraint to the model, its verification to the checker, and tests. See
 * `genderRules` for the selection's rules and `test/rules/declared.test.ts` for a test that model and checker
 * honour the declaration. Pure.
 */
import { compareCodeUnits } from './compare.js';
import { compareDraws } from './lottery.js';
import { fixedGenderMinimum, shareMinimum, type CellGenderRule, type Programme, type QuotaCell } from './programme.js';
import { SECTORS, type Gender, type Rhf, type Sector } from './types.js';

/** The built-in programme's values (data/programme.json) of the rules declared here. */
export const RULE_DEFAULTS = {
  nominationCapPerTrust: 3,
  gender: { cells: 'table', minShareCohort: 0.4, minShareSector: 0.4, acrossBodies: false },
  workshopGroups: { minSize: 6, maxSize: 8, count: null },
  projectTeams: { kommune: 2, spesialist: 2 },
} as const satisfies Pick<Programme, 'nominationCapPerTrust' | 'gender' | 'workshopGroups' | 'projectTeams'>;

// ---------------------------------------------------------------------------------------------------------
// Seats and ranking order

/** Seats a quota cell fills: all of them, or every available candidate when there are fewer. */
export function seatsToFill(seats: number, available: number): number {
  return Math.min(seats, available);
}

/** A nominating body's ranking order: a lower priority number first, any number before none (unranked). */
export function compareRank(a: number | null, b: number | null): number {
  const pa = a ?? Number.POSITIVE_INFINITY;
  const pb = b ?? Number.POSITIVE_INFINITY;
  return pa === pb ? 0 : pa < pb ? -1 : 1;
}

/** Call-in order of a cell's candidates (selection and reserves): rank, then the seeded lottery draw, then id. */
export function compareCallIn(a: { priority: number | null; draw: number; id: string }, b: { priority: number | null; draw: number; id: string }): number {
  return compareRank(a.priority, b.priority) || compareDraws(a, b);
}

// ---------------------------------------------------------------------------------------------------------
// Nomination cap

/** At most this many nominations per hospital trust, by the trust's own ranking; null for no cap. */
export function nominationCap(p: Pick<Programme, 'nominationCapPerTrust'>): number | null {
  return p.nominationCapPerTrust;
}

/** Which of a trust's nominations count first against the cap: rank, then id (no lottery: screening precedes it). */
export function compareNominations(a: { priority: number | null; id: string }, b: { priority: number | null; id: string }): number {
  return compareRank(a.priority, b.priority) || compareCodeUnits(a.id, b.id);
}

// ---------------------------------------------------------------------------------------------------------
// Gender: the Norwegian representation table and the selection's gender rules

/**
 * The boards' representation table (allmennaksjeloven § 6-11a): a body of up to `upTo` members needs at least
 * `minimum` of each gender; a larger body `beyondShare` of its members, rounded up.
 */
export const GENDER_TABLE = {
  rows: [
    { upTo: 1, minimum: 0 },
    { upTo: 3, minimum: 1 },
    { upTo: 5, minimum: 2 },
    { upTo: 8, minimum: 3 },
    { upTo: 9, minimum: 4 },
  ],
  beyondShare: 0.4,
} as const;

/** Minimum members of each gender for a body of `n` members by the table: 2–3 → 1, 4–5 → 2, 6–8 → 3, 9 → 4, more → 40 %. */
export function genderTableMinimum(n: number): number {
  for (const row of GENDER_TABLE.rows) if (n <= row.upTo) return row.minimum;
  return shareMinimum(n, GENDER_TABLE.beyondShare);
}

export { shareMinimum };

/** The programme's gender rule parameters (each body's own rule, the cohort's and sectors' shares, whether the bodies balance across their lists). */
export function genderRuleParams(p: Programme): Programme['gender'] {
  return p.gender;
}

/**
 * Minimum of each gender a nominating body's own rule asks of its `fill` filled seats: the table minimum, a share
 * rounded up, a fixed minimum (at most half the seats filled), or 0.
 */
export function cellGenderMinimum(rule: CellGenderRule, fill: number): number {
  if (rule === 'none') return 0;
  if (rule === 'table') return genderTableMinimum(fill);
  return Math.min(fixedGenderMinimum(rule, fill) ?? 0, Math.floor(fill / 2));
}

export type GenderRuleScope = 'cohort' | 'sector' | 'cell';

/** One gender rule of the selection: at least `required` of `gender` among the selected of `cellKeys`. */
export interface GenderRule {
  /** `gender.cohort.female`, `gender.sector.kommune.male`, `gender.cell.<cell key>.female`. */
  id: string;
  scope: GenderRuleScope;
  /** `cohort`, a sector, or a cell key. */
  scopeKey: string;
  gender: 'female' | 'male';
  /** The quota cells the rule counts over. */
  cellKeys: ReadonlySet<string>;
  required: number;
  /** Where, in words: `the cohort`, `kommune`, `Helse Vest`. */
  where: string;
  /** The rule in words: `at least 8 women in kommune`. */
  text: string;
}

const GENDER_WORDS: Readonly<Record<'female' | 'male', string>> = { female: 'women', male: 'men' };

/**
 * The selection's gender rules when each cell fills `fill` seats (see `seatsToFill`), in a fixed order: each
 * cell's own rule (each nominating body's list: `cellGenderMinimum`), then, only when the bodies have agreed to
 * balance across their lists (`acrossBodies`), the cohort's and each sector's share (`genderTargets`); women before
 * men. Without that agreement the cohort and sector shares are targets that are shown, never rules: no body's
 * ranking gives way to another body's list (`across` asks for either set regardless). Unknown gender counts for neither side; a rule asking for 0 is left
 * out. The scopes nest (cell ⊂ sector ⊂ cohort), which the selection model and the checker rely on.
 */
export function genderRules(p: Programme, cells: readonly QuotaCell[], fill: ReadonlyMap<string, number>, across = genderRuleParams(p).acrossBodies): GenderRule[] {
  const out: GenderRule[] = [];
  const targets = across ? genderTargets(p, cells, fill) : [];
  for (const c of cells) {
    const f = fill.get(c.key) ?? 0;
    const required = cellGenderMinimum(c.gender, f);
    // With the agreement, an unsplit sector's own rule only matters where it asks more than the sector's share.
    const sectorRule = targets.find((t) => t.scope === 'sector' && t.scopeKey === c.sector);
    if (c.rhf === null && sectorRule !== undefined && sectorRule.cellKeys.size === 1 && required <= sectorRule.required) continue;
    pushRule(out, 'cell', c.key, [c.key], required, c.label);
  }
  return [...targets, ...out];
}

/**
 * The cohort's and each sector's gender share (`minShareCohort`, `minShareSector` of the seats filled) as rules of
 * the same shape: rules only with `acrossBodies`, else targets the summary shows and the proposal aims at.
 */
export function genderTargets(p: Programme, cells: readonly QuotaCell[], fill: ReadonlyMap<string, number>): GenderRule[] {
  const g = genderRuleParams(p);
  const out: GenderRule[] = [];
  const seatsOf = (cs: readonly QuotaCell[]): number => cs.reduce((s, c) => s + (fill.get(c.key) ?? 0), 0);
  pushRule(out, 'cohort', 'cohort', cells.map((c) => c.key), shareMinimum(seatsOf(cells), g.minShareCohort), 'the cohort');
  for (const sector of SECTORS) {
    const sc = cells.filter((c) => c.sector === sector);
    if (sc.length > 0) pushRule(out, 'sector', sector, sc.map((c) => c.key), shareMinimum(seatsOf(sc), g.minShareSector), sector);
  }
  return out;
}

function pushRule(out: GenderRule[], scope: GenderRuleScope, scopeKey: string, keys: readonly string[], required: number, where: string): void {
  if (required <= 0) return;
  const idBase = scope === 'cohort' ? 'gender.cohort' : `gender.${scope}.${scopeKey}`;
  for (const gender of ['female', 'male'] as const) {
    out.push({ id: `${idBase}.${gender}`, scope, scopeKey, gender, cellKeys: new Set(keys), required, where, text: `at least ${required} ${GENDER_WORDS[gender]} in ${where}` });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Workshop groups

/** Group sizes and count: every group of `minSize..maxSize` members; `count` groups, or (null) the fewest that fit. */
export interface WorkshopGroupRule {
  minSize: number;
  maxSize: number;
  count: number | null;
}

export function workshopGroupRule(p: Programme): WorkshopGroupRule {
  return p.workshopGroups;
}

/**
 * The number of workshop groups for `n` participants: the configured count, else the fewest groups of at most
 * `maxSize` (which is also the fewest that fit `minSize..maxSize`, when any count does).
 */
export function groupCount(n: number, rule: WorkshopGroupRule): number {
  if (rule.count !== null) return rule.count;
  if (n === 0) return 0;
  return Math.ceil(n / rule.maxSize);
}

export function groupSizeInRange(size: number, rule: WorkshopGroupRule): boolean {
  return size >= rule.minSize && size <= rule.maxSize;
}

/** Sector mix: in every workshop group the municipal and specialist counts differ by at most this. */
export const SECTOR_MIX_MAX_DIFFERENCE = 1;

export function sectorMixHolds(kommune: number, spesialist: number): boolean {
  return Math.abs(kommune - spesialist) <= SECTOR_MIX_MAX_DIFFERENCE;
}

/** The municipal counts a group of `size` may hold under the sector mix (for a difference of 1: ⌊size/2⌋..⌈size/2⌉). */
export function municipalBand(size: number): { lo: number; hi: number } {
  return { lo: Math.ceil((size - SECTOR_MIX_MAX_DIFFERENCE) / 2), hi: Math.floor((size + SECTOR_MIX_MAX_DIFFERENCE) / 2) };
}

/**
 * Gender in a workshop group (a quality goal, not a hard rule): each gender at least the table minimum for the
 * group's size, but never more than the cohort has of it.
 */
export function groupGenderMinimum(size: number, cohortCount: number): number {
  return Math.min(genderTableMinimum(size), cohortCount);
}

/**
 * Colleagues: no two participants from one organisation in a group or team, unless the organisation has more
 * participants than there are parts; then at most ⌈members / parts⌉ in one.
 */
export function orgCapPerPart(members: number, parts: number): number {
  return Math.max(1, Math.ceil(members / Math.max(1, parts)));
}

// ---------------------------------------------------------------------------------------------------------
// Project teams

/** Members of each sector in a standard project team. */
export interface TeamRule {
  kommune: number;
  spesialist: number;
}

export function teamRule(p: Programme): TeamRule {
  return p.projectTeams;
}

/** Municipal and specialist members of a team. */
export type TeamShape = readonly [kommune: number, spesialist: number];

/**
 * The team shapes in the order the composition rule prefers them, each with its tier: 0 the standard shape;
 * 1 one member smaller with both sectors (used, as few as possible, when the cohort's sectors do not divide);
 * 2 other shapes with both sectors within one member of the standard size; 3 any non-empty shape up to one larger
 * (only when nothing else covers the cohort). Tiers 2 and 3 break the rule and are reported.
 */
export function teamShapeTiers(rule: TeamRule): Array<{ shape: TeamShape; tier: 0 | 1 | 2 | 3 }> {
  const pk = rule.kommune;
  const ps = rule.spesialist;
  const out: Array<{ shape: TeamShape; tier: 0 | 1 | 2 | 3 }> = [{ shape: [pk, ps], tier: 0 }];
  const seen = new Set([`${pk},${ps}`]);
  const add = (k: number, s: number, tier: 0 | 1 | 2 | 3): void => {
    if (k < 0 || s < 0 || k + s === 0 || seen.has(`${k},${s}`)) return;
    seen.add(`${k},${s}`);
    out.push({ shape: [k, s], tier });
  };
  if (pk >= 2) add(pk - 1, ps, 1);
  if (ps >= 2) add(pk, ps - 1, 1);
  const size = pk + ps;
  for (let t = size - 1; t <= size + 1; t++) for (let k = 1; k < t; k++) add(k, t - k, 2);
  for (let t = 1; t <= size + 1; t++) for (let k = 0; k <= t; k++) add(k, t - k, 3);
  return out;
}

/** The shapes one member smaller with both sectors (tier 1): `[pk − 1, ps]` and `[pk, ps − 1]` where they exist. */
export function smallerTeamShapes(rule: TeamRule): TeamShape[] {
  return teamShapeTiers(rule).flatMap((t) => (t.tier === 1 ? [t.shape] : []));
}

/**
 * The fewest teams one member smaller (with both sectors) that cover `K` municipal and `S` specialist participants
 * with every other team standard; 0 when standard teams alone cover them, null when no such mix does (the cohort
 * then needs other shapes). Exhaustive over the number of standard and of first-smaller-shape teams.
 */
export function fewestSmallerTeams(K: number, S: number, rule: TeamRule): number | null {
  const pk = rule.kommune;
  const ps = rule.spesialist;
  const s1: [number, number] | null = pk > 1 ? [pk - 1, ps] : null;
  const s2: [number, number] | null = ps > 1 ? [pk, ps - 1] : null;
  let fewest: number | null = null;
  for (let a = 0; a * pk <= K && a * ps <= S; a++) {
    for (let b = 0; b === 0 || (s1 !== null && a * pk + b * s1[0] <= K && a * ps + b * s1[1] <= S); b++) {
      const k = K - a * pk - b * (s1?.[0] ?? 0);
      const s = S - a * ps - b * (s1?.[1] ?? 0);
      if (k < 0 || s < 0) break;
      let c: number | null = null;
      if (k === 0 && s === 0) c = 0;
      else if (s2 !== null && k % s2[0] === 0 && s % s2[1] === 0 && k / s2[0] === s / s2[1]) c = k / s2[0];
      if (c !== null && (fewest === null || b + c < fewest)) fewest = b + c;
      if (s1 === null) break;
    }
  }
  return fewest;
}

/** A team member as the team's quality goals see them. */
export interface TeamMember {
  sector: Sector;
  /** The member's RHF (for `kommune`, the RHF whose area the municipality's county lies in); `unknown` when not known. */
  region: Rhf | 'unknown';
  gender: Gender;
}

/**
 * Region match (a quality goal): every member belongs to one and the same known RHF, i.e. each municipal member's
 * county lies in the area of the RHF of the specialist members, who all belong to that RHF. A team without both
 * sectors never matches. Returns that RHF, or null.
 */
export function regionMatch(members: readonly Omit<TeamMember, 'gender'>[]): Rhf | null {
  const first = members[0];
  if (first === undefined || first.region === 'unknown') return null;
  if (!members.some((m) => m.sector === 'kommune') || !members.some((m) => m.sector === 'spesialist')) return null;
  return members.every((m) => m.region === first.region) ? first.region : null;
}

/** A team member as the catchment goal sees them. */
export interface CatchmentMember extends Omit<TeamMember, 'gender'> {
  /** `spesialist`: the trust the member works for; `kommune`: the trust whose catchment area the municipality lies in. */
  trust: string | null;
}

/**
 * Catchment match (a quality goal, above region match; a refinement of it): the team is region-matched (one RHF,
 * both sectors) and every municipal member's municipality lies in the catchment area (opptaksområde,
 * `data/opptaksomrader.csv`) of one of the team's specialist members' trusts. So every catchment-matched team is
 * also RHF-matched. A municipal member whose municipality is unknown never matches, and a specialist member whose
 * trust is unknown covers no municipality.
 */
export function catchmentMatch(members: readonly CatchmentMember[]): boolean {
  if (regionMatch(members) === null) return false;
  // Every municipal member's trust is some specialist member's (loops, not sets: the teams stage asks this of
  // hundreds of thousands of candidate teams).
  for (const k of members) {
    if (k.sector !== 'kommune') continue;
    if (k.trust === null || !members.some((s) => s.sector === 'spesialist' && s.trust === k.trust)) return false;
  }
  return true;
}

/** Gender mix in a team (a quality goal): at least one woman and one man. */
export function bothGenders(members: readonly Pick<TeamMember, 'gender'>[]): boolean {
  return members.some((m) => m.gender === 'female') && members.some((m) => m.gender === 'male');
}
