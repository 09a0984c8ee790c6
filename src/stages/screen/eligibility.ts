/**
 * Screening: the hard eligibility rules of a programme, applied to every candidate. Pure and deterministic:
 * the verdict for a candidate depends on the set of candidates, never on their order in the input.
 *
 * Rules and the decisions behind them:
 * - Age is counted in whole years on `programme.startDate` by calendar arithmetic (year difference, minus
 *   one when the start date's month/day comes before the birth month/day). A person born 2001-08-17 is 25
 *   on 2026-08-17 and 24 on 2026-08-16. A 29 February birthday is reached on 1 March in a non-leap year
 *   (on 28 February the person is still the younger age), which is what comparing month/day gives.
 * - Education and experience: eligible with `experienceYears ≥ minExperienceYears`, or with
 *   `experienceYears ≥ minExperienceYearsWithMaster` and master's or higher (phd counts). The comparison is
 *   a plain `>=` on the parsed numbers with no arithmetic before it: parsing decimal text rounds
 *   monotonically, so for inputs of up to 15 significant digits this is the exact decimal comparison
 *   (3.99 < 4, 3.9999999 < 4, 4.0 = 4) with no epsilon that could let 3.9999999 through.
 *   When education is unknown, `too_little_experience` is only given if the years fail even the master's
 *   minimum (the candidate is ineligible anyway through `missing_education`).
 * - Endorsement: `endorsed === false` is a per-candidate warning, or a hard reason when the programme
 *   has `requireEndorsement`. With `requireEndorsement`, a blank endorsement (`null`) also fails: a hard
 *   rule needs a recorded yes. Without it, a blank gives no warning (municipal candidates send the letter
 *   later in the process).
 * - Nomination cap: counts nominations, i.e. every `spesialist` row with the same matched hospital trust
 *   (`candidate.trust`), whatever its other reasons. Within a trust, rows are ranked by priority
 *   (1 best; blank priority after every ranked row), ties broken by id in code-unit order. Rows beyond the
 *   trust's top N get `nomination_cap`, and one run warning per trust names it. Rows whose organisation
 *   did not match a known trust (`trust === null`) are not capped: there is no trust to count them under.
 * - Reason texts never contain the candidate's name or birth date.
 */
import { compareCodeUnits } from '../../domain/compare.js';
import { ageOn } from '../../domain/dates.js';
import { cellFor, type Programme } from '../../domain/programme.js';
import { compareNominations, nominationCap } from '../../domain/rules.js';
import { educationAtLeast, type Candidate, type Reason, type ReasonFacts, type ScreenedCandidate, type ScreeningReasonCode } from '../../domain/types.js';
import type { Warning } from '../../domain/warnings.js';
import { warning } from '../../domain/i18n/index.js';

/** Result of `screen`: one entry per input candidate, in input order, plus run-level warnings. */
export interface ScreeningResult {
  screened: ScreenedCandidate[];
  /** Run-level warnings: one `nomination_cap` per trust over the cap, in code-unit order of the trust name. */
  warnings: Warning[];
}

/**
 * Screen every candidate against `programme.eligibility` and the nomination cap.
 * Returns the candidates in input order with status, every hard reason, soft warnings and quota cell.
 */
export function screen(candidates: readonly Candidate[], programme: Programme): ScreeningResult {
  const capped = capNominations(candidates, nominationCap(programme));
  const screened = candidates.map((c): ScreenedCandidate => {
    const reasons: Reason[] = [];
    const warnings: Reason[] = [];
    reasons.push(...ageReasons(c, programme));
    reasons.push(...educationReasons(c, programme));
    reasons.push(...experienceReasons(c, programme));
    const cell = cellFor(programme, c.sector, c.rhf);
    if (cell === null) reasons.push(unknownRhf(c));
    const endorsement = endorsementReason(c, programme);
    if (endorsement !== null) (programme.eligibility.requireEndorsement ? reasons : warnings).push(endorsement);
    const cap = capped.byCandidate.get(c);
    if (cap !== undefined) reasons.push(cap);
    return { candidate: c, status: reasons.length === 0 ? 'eligible' : 'ineligible', reasons, warnings, cell: cell?.key ?? null };
  });
  return { screened, warnings: capped.warnings };
}

function reason(code: ScreeningReasonCode, detail: string, facts: ReasonFacts): Reason {
  return { code, text: `${code}: ${detail}`, facts };
}

function ageReasons(c: Candidate, p: Programme): Reason[] {
  const min = p.eligibility.minAge;
  if (c.birthDate === null) return [reason('missing_birth_date', `no birth date, needed for the minimum age ${min} on ${p.startDate}`, { code: 'missing_birth_date', problem: 'blank', minAge: min, start: p.startDate })];
  const age = ageOn(c.birthDate, p.startDate);
  if (age === null) return [reason('missing_birth_date', `the birth date is not a calendar date, needed for the minimum age ${min} on ${p.startDate}`, { code: 'missing_birth_date', problem: 'not_a_date', minAge: min, start: p.startDate })];
  if (age >= min) return [];
  if (age < 0) return [reason('too_young', `born after ${p.startDate}, minimum ${min}`, { code: 'too_young', age: null, minAge: min, start: p.startDate })];
  return [reason('too_young', `${age} year${age === 1 ? '' : 's'} on ${p.startDate}, minimum ${min}`, { code: 'too_young', age, minAge: min, start: p.startDate })];
}

function educationReasons(c: Candidate, p: Programme): Reason[] {
  const min = p.eligibility.minEducation;
  if (c.education === null) return [reason('missing_education', `no highest completed education given, minimum ${min}`, { code: 'missing_education', min })];
  if (educationAtLeast(c.education, min)) return [];
  return [reason('no_bachelor', `highest education ${c.education}, minimum ${min}`, { code: 'no_bachelor', education: c.education, min })];
}

/** `4 (3 with a master's)`, or just `4` when both minimums are equal. */
function experienceMinimumText(p: Programme): string {
  const { minExperienceYears: plain, minExperienceYearsWithMaster: master } = p.eligibility;
  return plain === master ? String(plain) : `${plain} (${master} with a master's)`;
}

function experienceReasons(c: Candidate, p: Programme): Reason[] {
  const { minExperienceYears: plain, minExperienceYearsWithMaster: master } = p.eligibility;
  const years = c.experienceYears;
  if (years === null || !Number.isFinite(years)) {
    return [reason('missing_experience', `no work experience given, minimum ${experienceMinimumText(p)} years`, { code: 'missing_experience', min: plain, minMaster: master })];
  }
  // Unknown education: fail only when the years fail even the master's minimum (see the module comment).
  const mayHaveMaster = c.education === null || educationAtLeast(c.education, 'master');
  const ok = years >= plain || (mayHaveMaster && years >= master);
  if (ok) return [];
  return [reason('too_little_experience', `${String(years)} year${years === 1 ? '' : 's'}, minimum ${experienceMinimumText(p)}`, { code: 'too_little_experience', years, min: plain, minMaster: master })];
}

function unknownRhf(c: Candidate): Reason {
  if (c.rhf === null) {
    return reason('unknown_rhf', `the RHF of this ${c.sector} candidate is not known (no RHF given and the organisation is not a known hospital trust)`, { code: 'unknown_rhf', sector: c.sector, rhf: null });
  }
  return reason('unknown_rhf', `the programme has no ${c.sector} quota cell for ${c.rhf}`, { code: 'unknown_rhf', sector: c.sector, rhf: c.rhf });
}

function endorsementReason(c: Candidate, p: Programme): Reason | null {
  if (c.endorsed === true) return null;
  const required = p.eligibility.requireEndorsement;
  if (c.endorsed === false) {
    return reason('not_endorsed', required ? 'not endorsed by the nearest superior, which this programme requires' : 'not endorsed by the nearest superior (a warning: this programme does not require it)', {
      code: 'not_endorsed',
      endorsed: false,
      required,
    });
  }
  return required ? reason('not_endorsed', 'no endorsement recorded, which this programme requires', { code: 'not_endorsed', endorsed: null, required }) : null;
}

function capNominations(candidates: readonly Candidate[], cap: number | null): { byCandidate: Map<Candidate, Reason>; warnings: Warning[] } {
  // Keyed by object, not id, so that even (invalid) duplicate ids cannot mix verdicts up.
  const byCandidate = new Map<Candidate, Reason>();
  const warnings: Warning[] = [];
  if (cap === null) return { byCandidate, warnings };
  const byTrust = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.sector !== 'spesialist' || c.trust === null) continue;
    const list = byTrust.get(c.trust);
    if (list === undefined) byTrust.set(c.trust, [c]);
    else list.push(c);
  }
  const trusts = [...byTrust.keys()].sort(compareCodeUnits);
  for (const trust of trusts) {
    const list = (byTrust.get(trust) ?? []).slice().sort(compareNominations);
    if (list.length <= cap) continue;
    const over = list.slice(cap);
    for (const c of over) {
      byCandidate.set(c, reason('nomination_cap', `${trust} nominated ${list.length}, at most ${cap}; this nomination is not in its top ${cap} by priority`, { code: 'nomination_cap', trust, nominated: list.length, cap }));
    }
    const last = list[cap - 1];
    const first = over[0];
    const tieAtCut = last !== undefined && first !== undefined && last.priority === first.priority;
    warnings.push(warning('nomination_cap', { trust, nominated: list.length, cap, ids: over.map((c) => c.id), tieAtCut }));
  }
  return { byCandidate, warnings };
}
