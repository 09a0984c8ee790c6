/**
 * The report's own words in Norwegian (bokmål, the default) and English. Data (names, organisations, the
 * English explanations recorded by the pipeline) is not translated here.
 */
import { formatDate, formatNumber, formatPercent, listText, plural } from '../domain/text.js';
import type { Gender, Sector } from '../domain/types.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { EligibilityFacts, ReportLang } from './view.js';

/** The eligibility minimums a reason's detail may quote; absent ones are left out of the words. */
export interface Minimums {
  minAge: number;
  minEducation?: string | undefined;
  minExperienceYears?: number | undefined;
  minExperienceYearsWithMaster?: number | undefined;
}

/** A person as the overview names them: `Kari Nordmann (K-1, prioritet 3)`. */
export interface RankedPerson {
  name: string;
  id: string;
  priority: number | null;
}

export interface ReportWords {
  htmlLang: string;
  titleSuffix: string;
  startDate: (date: string) => string;
  allMet: string;
  notAllMet: string;
  statSelected: string;
  statCandidates: string;
  statReserves: string;
  statIneligible: string;
  statExcluded: string;
  privacy: string;
  // overview (page 1 of the print)
  overview: string;
  body: string;
  women: string;
  men: string;
  unknownGender: string;
  proofTitle: string;
  /** Said when the view knows no solver stages (a report drawn from an existing allocation). */
  proofUnknown: string;
  shortfalls: string;
  noShortfall: string;
  departures: string;
  noDepartures: string;
  /** A person's priority is a number, or null when unranked. */
  departure: (d: { cell: string; taken: RankedPerson; passedOver: RankedPerson; cause: string; sameRank: boolean }) => string;
  lottery: string;
  noLottery: string;
  /** The cohort's and sectors' gender shares: the box's title and its line when every share is reached. */
  balance: string;
  balanceMet: string;
  lotteryLine: (l: { cell: string; priority: string; won: readonly string[]; tied: number }) => string;
  decisionsTitle: string;
  decisionsLine: (count: number, notObeyed: number) => string;
  noDecisions: string;
  overCapTitle: string;
  noOverCap: string;
  overCapLine: (trust: string, nominated: number, over: number, cap: number | null) => string;
  /** The last line of an overview box cut short: how many more, and the heading they are under further down. */
  moreBelow: (n: number, title: string) => string;
  /** Whether the pipeline's English detail (explanations, reasons, notes) is shown: only on the English page. */
  pipelineDetail: boolean;
  /** A run note or finding in words, from its code and ids (the Norwegian page; the English one shows the message). */
  note: (code: string, ids: readonly string[], severity?: 'error' | 'unmet' | 'warning') => string;
  /** An ineligible candidate's detail from what was measured; null when the heading says it all. */
  reasonDetail: (code: string, facts: EligibilityFacts, min: Minimums) => string | null;
  // quota table
  quotas: string;
  quotasIntro: string;
  cell: string;
  sectorCol: string;
  seats: string;
  eligible: string;
  selected: string;
  reserves: string;
  shortfall: string;
  excludedCol: string;
  genderSelected: string;
  total: string;
  wholeSector: string;
  // rules
  rules: string;
  rule: string;
  required: string;
  actual: string;
  status: string;
  met: string;
  notMet: string;
  quotaRule: (cell: string, seats: number) => string;
  genderRule: (n: number, g: 'female' | 'male', where: string) => string;
  cohortScope: string;
  inSector: (s: Sector) => string;
  inCell: (label: string) => string;
  groupRules: string;
  noRelaxations: string;
  relaxed: (stage: 'groups' | 'teams') => string;
  explanationNote: string;
  // groups and teams
  groups: string;
  groupsIntro: string;
  group: (n: number) => string;
  participants: (n: number) => string;
  sectorBalance: string;
  genderMin: (n: number) => string;
  noOrgClash: string;
  orgClash: (n: number) => string;
  name: string;
  rhf: string;
  organisation: string;
  gender: string;
  teams: string;
  teamsIntro: (m: { catchmentMatched: number; catchmentBest: number | null; regionMatched: number; regionBest: number | null }, total: number) => string;
  team: (n: number) => string;
  /** Badge of a catchment-matched team. */
  catchmentMatch: string;
  regionMatch: (region: string) => string;
  noRegionMatch: string;
  differentGroups: string;
  sameGroup: string;
  bothGenders: string;
  oneGender: string;
  groupShort: (n: number) => string;
  // reserves, ineligible, excluded
  reserveLists: string;
  reserveIntro: string;
  noReserves: string;
  rank: string;
  priority: string;
  unranked: string;
  ineligible: string;
  ineligibleIntro: string;
  noIneligible: string;
  detail: string;
  reason: (code: string, minAge: number) => string;
  excluded: string;
  excludedIntro: string;
  warnings: string;
  // footer
  record: string;
  seed: string;
  config: string;
  builtIn: string;
  inputFiles: string;
  file: string;
  rows: string;
  solver: string;
  stage: (stage: string) => string;
  stageStatus: (status: string) => string;
  gap: (gap: number | null) => string;
  tool: (name: string, version: string) => string;
  // vocab
  sector: (s: Sector, long?: boolean) => string;
  genderWord: (g: Gender) => string;
  genderShort: (g: Gender) => string;
  genderCount: (n: number, g: Gender) => string;
  groupCol: string;
  toolLabel: string;
  unknownRhf: string;
}

const EDUCATION_NB: Record<string, string> = { none: 'ingen', fagskole: 'fagskole', bachelor: 'bachelorgrad', master: 'mastergrad', phd: 'doktorgrad' };

const rankedNb = (p: RankedPerson): string => `${p.name} (${p.id}, ${p.priority === null ? 'uprioritert' : `prioritet ${p.priority}`})`;
const rankedEn = (p: RankedPerson): string => `${p.name} (${p.id}, ${p.priority === null ? 'unranked' : `priority ${p.priority}`})`;

/** Why a body's ranking was departed from, by the selection's cause code. */
const CAUSES_NB: Record<string, string> = {
  gender_body: 'etter nominasjonsinstansens egen kjønnsregel',
  gender_agreement: 'for kjønnsbalansen i kullet, som instansene har avtalt å dele',
  include: 'etter komiteens vedtak om å ta med',
  exclude: 'komiteen holdt den høyere rangerte utenfor',
  nomination_cap: 'den høyere rangerte er over nominasjonstaket',
};

const CAUSES_EN: Record<string, string> = {
  gender_body: "the body's own gender rule",
  gender_agreement: "the cohort's gender balance, which the bodies agreed to share",
  include: "the committee's decision to include",
  exclude: 'the committee excluded the better-ranked candidate',
  nomination_cap: 'the better-ranked candidate is over the nomination cap',
};

/** `cohort replace`'s changes, which name their people in the sentence. */
const CHANGE_NOTES_NB: Record<string, (ids: readonly string[]) => string> = {
  withdrawn: (ids) => `${ids[0] ?? '?'} trakk seg${ids[1] === undefined ? '' : `; ${ids[1]} tar plassen`}.`,
  newcomer: (ids) => `${ids[0] ?? '?'} er kalt inn fra reservelisten.`,
  moved: (ids) => `${ids[0] ?? '?'} er flyttet til en annen verkstedgruppe eller prosjektgruppe.`,
};

/** Findings about either kind of group, by the code's ending: `group_size`, `team_size`. */
const PART_NOTES_NB: Record<string, (kind: string) => string> = {
  '*_size': (k) => `en ${k} har feil størrelse`,
  '*_sector_mix': () => 'blandingen av sektorer er ikke holdt i alle verkstedgrupper',
  '*_count': (k) => `feil antall ${k}r`,
  '*_numbering': (k) => `${k}ne er ikke nummerert 1, 2, 3 …`,
  '*_missing': (k) => `en deltaker er ikke i noen ${k}`,
  '*_duplicate': (k) => `en deltaker står i flere ${k}r`,
  '*_unknown_member': (k) => `et medlem av en ${k} er ikke tatt opp`,
  '*_org_clash': (k) => `kolleger fra samme virksomhet deler ${k}`,
};

/** ` (minst 4 år, 3 med mastergrad)`; nothing when the minimums are not known. */
function experienceMin(m: Minimums, lang: 'nb' | 'en'): string {
  if (m.minExperienceYears === undefined) return '';
  const master = m.minExperienceYearsWithMaster;
  const plain = formatNumber(m.minExperienceYears, lang);
  if (master === undefined || master === m.minExperienceYears) return lang === 'nb' ? ` (krav: ${plain})` : ` (minimum ${plain})`;
  return lang === 'nb' ? ` (krav: ${plain}, ${formatNumber(master, lang)} med mastergrad)` : ` (minimum ${plain}, ${formatNumber(master, lang)} with a master's)`;
}

const NB: ReportWords = {
  htmlLang: 'nb',
  overview: 'Oversikt',
  body: 'Nominert av',
  women: 'Kvinner',
  men: 'Menn',
  unknownGender: 'Ukjent kjønn',
  proofTitle: 'Optimering',
  proofUnknown: 'Ikke vurdert: rapporten er laget fra en eksisterende fordeling, uten optimering.',
  shortfalls: 'Udekkede plasser',
  noShortfall: 'Alle plasser er fylt.',
  departures: 'Avvik fra rangeringen',
  noDepartures: 'Ingen: alle plasser er gitt i nominasjonsrekkefølgen.',
  departure: (d) =>
    `${d.cell}: ${rankedNb(d.taken)} fikk plass foran ${rankedNb(d.passedOver)}` +
    `${d.sameRank ? ', som loddtrekningen hadde satt først' : ''} – ${CAUSES_NB[d.cause] ?? `årsak: ${d.cause}`}.`,
  lottery: 'Avgjort ved loddtrekning',
  noLottery: 'Ingen plasser er avgjort ved loddtrekning.',
  balance: 'Kjønnsbalanse i kullet og sektorene',
  balanceMet: 'Hvert kjønn har minst sin andel av kullet og av hver sektor.',
  lotteryLine: (l) => `${l.cell}: ${l.tied} ${l.priority === '' ? 'uten prioritet' : `med prioritet ${l.priority}`}; loddtrekningen ga plass til ${listText(l.won, 'nb')}.`,
  decisionsTitle: 'Komiteens vedtak',
  decisionsLine: (c, no) => `${plural(c, 'vedtak', 'vedtak', 'nb')}, ${no === 0 ? 'alle fulgt' : `${no} ikke fulgt`}.`,
  noDecisions: 'Komiteen har ikke gitt vedtak for denne fordelingen.',
  overCapTitle: 'Over nominasjonstaket',
  noOverCap: 'Ingen helseforetak nominerte flere enn taket.',
  overCapLine: (t, n, o, cap) => `${t}: ${n} nominert, taket er ${cap ?? '–'}; ${o} over taket.`,
  moreBelow: (n, title) => `… og ${n} til; alle står under «${title}» lenger ned.`,
  pipelineDetail: false,
  note: (code, ids, severity) => {
    const change = CHANGE_NOTES_NB[code];
    if (change !== undefined) return change(ids);
    const who = ids.length > 0 ? ` (${listText(ids, 'nb')})` : '';
    const kind = /^(group|team)_(.*)$/.exec(code);
    const text = CATALOGUE.nb.notes[code] ?? (kind === null ? undefined : PART_NOTES_NB[`*_${kind[2] ?? ''}`]?.(kind[1] === 'group' ? 'verkstedgruppe' : 'prosjektgruppe'));
    const head = severity === undefined ? '' : `${CATALOGUE.nb.check.severity(severity)}: `;
    const said = text ?? `merknad med kode ${code}`;
    return `${head === '' ? said.charAt(0).toUpperCase() + said.slice(1) : head.charAt(0).toUpperCase() + head.slice(1) + said}${who}.`;
  },
  reasonDetail: (code, f, m) => {
    switch (code) {
      case 'too_young':
        return f.age === null ? null : f.age < 0 ? `født etter oppstart (minst ${m.minAge} år)` : `${f.age} år ved oppstart (minst ${m.minAge})`;
      case 'no_bachelor':
        return f.education === null ? null : `høyeste utdanning ${EDUCATION_NB[f.education] ?? f.education}${m.minEducation === undefined ? '' : ` (krav: ${EDUCATION_NB[m.minEducation] ?? m.minEducation})`}`;
      case 'too_little_experience':
        return f.experienceYears === null ? null : `${formatNumber(f.experienceYears, 'nb')} år${experienceMin(m, 'nb')}`;
      default:
        return null;
    }
  },

  titleSuffix: 'opptak',
  startDate: (d) => `Oppstart ${formatDate(d, 'nb')}`,
  allMet: 'Alle regler er oppfylt',
  notAllMet: 'Minst én regel er ikke oppfylt',
  statSelected: 'valgt',
  statCandidates: 'søkere',
  statReserves: 'reserver',
  statIneligible: 'ikke kvalifisert',
  statExcluded: 'utelatt av komiteen',
  privacy: 'Filen inneholder personopplysninger. Den henter og sender ingenting, og kan åpnes uten nett.',
  quotas: 'Kvoter',
  quotasIntro: 'Plasser per kvotecelle, og kjønnsfordelingen blant de valgte.',
  cell: 'Kvotecelle',
  sectorCol: 'Sektor',
  seats: 'Plasser',
  eligible: 'Kvalifisert',
  selected: 'Valgt',
  reserves: 'Reserver',
  shortfall: 'Udekket',
  excludedCol: 'Utelatt',
  genderSelected: 'Kjønn blant valgte',
  total: 'Sum',
  wholeSector: 'hele sektoren',
  rules: 'Regler',
  rule: 'Regel',
  required: 'Krav',
  actual: 'Faktisk',
  status: 'Status',
  met: 'oppfylt',
  notMet: 'ikke oppfylt',
  quotaRule: (cell, seats) => `${cell}: alle ${seats} plasser fylt`,
  genderRule: (n, g, where) => `Minst ${g === 'female' ? plural(n, 'kvinne', 'kvinner', 'nb') : plural(n, 'mann', 'menn', 'nb')} ${where}`,
  cohortScope: 'i hele kullet',
  inSector: (s) => (s === 'kommune' ? 'i kommunehelsetjenesten' : 'i spesialisthelsetjenesten'),
  inCell: (l) => `i ${l}`,
  groupRules: 'Verkstedgrupper og prosjektgrupper',
  noRelaxations: 'Alle regler for verkstedgruppene og prosjektgruppene holdt; ingen måtte lempes.',
  relaxed: (s) => (s === 'groups' ? 'Lempet (verkstedgrupper)' : 'Lempet (prosjektgrupper)'),
  explanationNote: '',
  groups: 'Verkstedgrupper',
  groupsIntro: 'Verkstedgrupper (programmets basisgrupper) for hele året, blandet på tvers av kommune og spesialisthelsetjeneste.',
  group: (n) => `Gruppe ${n}`,
  participants: (n) => plural(n, 'deltaker', 'deltakere', 'nb'),
  sectorBalance: 'Kommune/spesialist i balanse',
  genderMin: (n) => `Minst ${n} av hvert kjønn`,
  noOrgClash: 'Ingen fra samme virksomhet',
  orgClash: (n) => `${n} par fra samme virksomhet`,
  name: 'Navn',
  rhf: 'RHF',
  organisation: 'Virksomhet',
  gender: 'Kjønn',
  teams: 'Prosjektgrupper',
  teamsIntro: (m, t) =>
    `To fra kommunene og to fra spesialisthelsetjenesten i hver prosjektgruppe. ` +
    `I ${m.catchmentMatched} av ${t} ligger hver kommune i opptaksområdet til et av helseforetakene i gruppa` +
    `${m.catchmentBest === null ? '' : ` (høyst ${m.catchmentBest} er mulig)`}; ` +
    `${m.regionMatched} av ${t} er fra samme region${m.regionBest === null ? '' : ` (høyst ${m.regionBest} er mulig når opptaksområdet går først)`}.`,
  team: (n) => `Prosjektgruppe ${n}`,
  catchmentMatch: 'Kommunene i helseforetakets opptaksområde',
  regionMatch: (r) => `Samme region: ${r}`,
  noRegionMatch: 'Blandet region',
  differentGroups: 'Fra ulike verkstedgrupper',
  sameGroup: 'Deler verkstedgruppe',
  bothGenders: 'Begge kjønn',
  oneGender: 'Bare ett kjønn',
  groupShort: (n) => `gr. ${n}`,
  reserveLists: 'Reservelister',
  reserveIntro: 'I den rekkefølgen reservene kalles inn, per kvotecelle.',
  noReserves: 'Ingen reserver.',
  rank: 'Nr.',
  priority: 'Prioritet',
  unranked: 'uprioritert',
  ineligible: 'Ikke kvalifiserte søkere',
  ineligibleIntro: 'Gruppert etter årsak. En søker med flere årsaker står under hver av dem.',
  noIneligible: 'Alle søkerne er kvalifisert.',
  detail: 'Detalj',
  reason: (code, minAge) => CATALOGUE.nb.reasons[code]?.(minAge) ?? code,
  excluded: 'Utelatt av komiteen',
  excludedIntro: 'Kvalifiserte søkere som komiteen har tatt ut (--exclude).',
  warnings: 'Merknader fra kjøringen',
  record: 'For protokollen',
  seed: 'Loddtrekningsnøkkel',
  config: 'Programkonfigurasjon',
  builtIn: 'innebygd',
  inputFiles: 'Søkerfiler',
  file: 'Fil',
  rows: 'Rader',
  solver: 'Optimering',
  stage: (s) => ({ selection: 'utvelgelse', groups: 'verkstedgrupper', teams: 'prosjektgrupper' })[s] ?? s,
  stageStatus: (s) => ({ optimal: 'optimal', feasible: 'gyldig, ikke bevist optimal', infeasible: 'uten løsning', timed_out: 'tidsgrensen nådd', unbounded: 'ubegrenset', error: 'feil' })[s] ?? s,
  gap: (g) => (g === null ? 'avvik ukjent' : g === 0 ? 'bevist optimal' : `avvik ${formatPercent(g, 'nb', { fixed: 2 })}`),
  tool: (n, v) => `Laget med ${n} ${v}`,
  sector: (s, long) => (s === 'kommune' ? (long ? 'Kommunehelsetjenesten' : 'Kommune') : long ? 'Spesialisthelsetjenesten' : 'Spesialist'),
  genderWord: (g) => ({ female: 'Kvinne', male: 'Mann', unknown: 'Ukjent' })[g],
  genderShort: (g) => ({ female: 'K', male: 'M', unknown: '?' })[g],
  genderCount: (n, g) => ({ female: plural(n, 'kvinne', 'kvinner', 'nb'), male: plural(n, 'mann', 'menn', 'nb'), unknown: plural(n, 'ukjent', 'ukjent', 'nb') })[g],
  groupCol: 'Gr.',
  toolLabel: 'Verktøy',
  unknownRhf: 'ukjent',
};

const EN: ReportWords = {
  htmlLang: 'en',
  overview: 'Overview',
  body: 'Nominated by',
  women: 'Women',
  men: 'Men',
  unknownGender: 'Gender unknown',
  proofTitle: 'Optimisation',
  proofUnknown: 'Not judged: the report is drawn from an existing allocation, with no optimisation.',
  shortfalls: 'Unfilled seats',
  noShortfall: 'Every seat is filled.',
  departures: 'Departures from the rankings',
  noDepartures: 'None: every seat follows the nominating order.',
  departure: (d) =>
    `${d.cell}: ${rankedEn(d.taken)} took the seat before ${rankedEn(d.passedOver)}` +
    `${d.sameRank ? ', whom the lottery had placed first' : ''} – ${CAUSES_EN[d.cause] ?? `cause: ${d.cause}`}.`,
  lottery: 'Decided by lottery',
  noLottery: 'No seat was decided by lottery.',
  balance: 'Gender balance of the cohort and the sectors',
  balanceMet: 'Each gender has at least its share of the cohort and of each sector.',
  lotteryLine: (l) => `${l.cell}: ${l.tied} ${l.priority === '' ? 'unranked' : `ranked ${l.priority}`}; the draw gave a seat to ${listText(l.won, 'en')}.`,
  decisionsTitle: "The committee's decisions",
  decisionsLine: (c, no) => `${plural(c, 'decision', 'decisions')}, ${no === 0 ? 'all obeyed' : `${no} not obeyed`}.`,
  noDecisions: 'The committee gave no decisions for this allocation.',
  overCapTitle: 'Over the nomination cap',
  noOverCap: 'No hospital trust nominated more than the cap.',
  overCapLine: (t, n, o, cap) => `${t}: ${n} nominated, the cap is ${cap ?? '–'}; ${o} over it.`,
  moreBelow: (n, title) => `… and ${n} more; all are listed under “${title}” further down.`,
  pipelineDetail: true,
  note: (code, ids) => `${code}${ids.length > 0 ? ` (${listText(ids, 'en')})` : ''}`,
  reasonDetail: () => null,

  titleSuffix: 'admissions',
  startDate: (d) => `Starts ${d}`,
  allMet: 'Every rule is met',
  notAllMet: 'At least one rule is not met',
  statSelected: 'selected',
  statCandidates: 'candidates',
  statReserves: 'reserves',
  statIneligible: 'ineligible',
  statExcluded: 'excluded by the committee',
  privacy: 'This file contains personal data. It fetches and sends nothing and opens without a network.',
  quotas: 'Quotas',
  quotasIntro: 'Seats per quota cell, and the gender split among those selected.',
  cell: 'Quota cell',
  sectorCol: 'Sector',
  seats: 'Seats',
  eligible: 'Eligible',
  selected: 'Selected',
  reserves: 'Reserves',
  shortfall: 'Shortfall',
  excludedCol: 'Excluded',
  genderSelected: 'Gender of those selected',
  total: 'Total',
  wholeSector: 'whole sector',
  rules: 'Rules',
  rule: 'Rule',
  required: 'Required',
  actual: 'Actual',
  status: 'Status',
  met: 'met',
  notMet: 'not met',
  quotaRule: (cell, seats) => `${cell}: all ${seats} seats filled`,
  genderRule: (n, g, where) => `At least ${g === 'female' ? plural(n, 'woman', 'women') : plural(n, 'man', 'men')} ${where}`,
  cohortScope: 'in the whole cohort',
  inSector: (s) => (s === 'kommune' ? 'in the municipal health services' : 'in the specialist health services'),
  inCell: (l) => `in ${l}`,
  groupRules: 'Workshop groups and project teams',
  noRelaxations: 'Every rule for the groups and teams held; none had to be relaxed.',
  relaxed: (s) => (s === 'groups' ? 'Relaxed (workshop groups)' : 'Relaxed (project teams)'),
  explanationNote: '',
  groups: 'Workshop groups',
  groupsIntro: 'Base groups for the whole year, mixed across municipal and specialist services.',
  group: (n) => `Group ${n}`,
  participants: (n) => plural(n, 'participant', 'participants'),
  sectorBalance: 'Municipal/specialist balanced',
  genderMin: (n) => `At least ${n} of each gender`,
  noOrgClash: 'No two from one organisation',
  orgClash: (n) => `${plural(n, 'pair', 'pairs')} from one organisation`,
  name: 'Name',
  rhf: 'RHF',
  organisation: 'Organisation',
  gender: 'Gender',
  teams: 'Project teams',
  teamsIntro: (m, t) =>
    `Two municipal and two specialist members in every team. ` +
    `In ${m.catchmentMatched} of ${t} teams every municipality lies in the catchment area of a trust in the team` +
    `${m.catchmentBest === null ? '' : ` (at most ${m.catchmentBest} are possible)`}; ` +
    `${m.regionMatched} of ${t} teams are from one region${m.regionBest === null ? '' : ` (at most ${m.regionBest} are possible with catchment areas first)`}.`,
  team: (n) => `Prosjektgruppe ${n}`,
  catchmentMatch: "Municipalities in the trust's catchment area",
  regionMatch: (r) => `One region: ${r}`,
  noRegionMatch: 'Mixed regions',
  differentGroups: 'From different workshop groups',
  sameGroup: 'Share a workshop group',
  bothGenders: 'Both genders',
  oneGender: 'One gender only',
  groupShort: (n) => `gr. ${n}`,
  reserveLists: 'Reserve lists',
  reserveIntro: 'In the order reserves are called in, per quota cell.',
  noReserves: 'No reserves.',
  rank: 'No.',
  priority: 'Priority',
  unranked: 'unranked',
  ineligible: 'Ineligible candidates',
  ineligibleIntro: 'Grouped by reason. A candidate with several reasons is listed under each.',
  noIneligible: 'Every candidate is eligible.',
  detail: 'Detail',
  reason: (code, minAge) => CATALOGUE.en.reasons[code]?.(minAge) ?? code,
  excluded: 'Excluded by the committee',
  excludedIntro: 'Eligible candidates the committee took out (--exclude).',
  warnings: 'Notes from the run',
  record: 'For the record',
  seed: 'Lottery seed',
  config: 'Programme config',
  builtIn: 'built-in',
  inputFiles: 'Candidate files',
  file: 'File',
  rows: 'Rows',
  solver: 'Optimisation',
  stage: (s) => s,
  stageStatus: (s) => s,
  gap: (g) => (g === null ? 'gap unknown' : g === 0 ? 'proven optimal' : `gap ${formatPercent(g, 'en', { fixed: 2 })}`),
  tool: (n, v) => `Made with ${n} ${v}`,
  sector: (s, long) => (s === 'kommune' ? (long ? 'Municipal health services' : 'Municipal') : long ? 'Specialist health services' : 'Specialist'),
  genderWord: (g) => ({ female: 'Woman', male: 'Man', unknown: 'Unknown' })[g],
  genderShort: (g) => ({ female: 'W', male: 'M', unknown: '?' })[g],
  genderCount: (n, g) => ({ female: plural(n, 'woman', 'women'), male: plural(n, 'man', 'men'), unknown: plural(n, 'unknown', 'unknown') })[g],
  groupCol: 'Gr.',
  toolLabel: 'Tool',
  unknownRhf: 'unknown',
};

export const WORDS: Readonly<Record<ReportLang, ReportWords>> = { nb: NB, en: EN };

/** Reason codes in the order the ineligible section lists them; unknown codes follow in code-unit order. */
export const REASON_ORDER: readonly string[] = [
  'too_young',
  'missing_birth_date',
  'no_bachelor',
  'missing_education',
  'too_little_experience',
  'missing_experience',
  'nomination_cap',
  'not_endorsed',
  'unknown_rhf',
  'no_quota_cell',
];
