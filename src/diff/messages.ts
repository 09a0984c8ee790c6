/**
 * Every word `cohort diff` shows a person (terminal, errors, the HTML page, and the diff `allocate --previous`
 * prints), in bokmål (the default) and English. One interface, so a text missing in one language fails the build.
 * Data (ids, file names, the pipeline's English reasons in the HTML page) is not translated here.
 */
import type { AllocationStatus } from '../read/allocation.js';
import { NB_LABELS } from '../read/columns.js';
import type { CanonicalColumn } from '../domain/types.js';
import type { ChangeKind } from './diff.js';

export type DiffLang = 'nb' | 'en';

export interface DiffMessages {
  htmlLang: string;
  /** First line: which two files are compared. */
  comparing: (oldFile: string, newFile: string) => string;
  equal: string;
  /** `2 in, 1 out, 3 moved, …`: only the kinds with changes. */
  tally: (counts: Readonly<Record<ChangeKind, number>>) => string;
  heading: Record<ChangeKind, string>;
  /** A status in words; `rank` for a reserve. Null status: not among the candidates. */
  status: (status: AllocationStatus | null, rank: number | null) => string;
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

const NB_REASONS: Record<string, string> = {
  selected: 'valgt etter rangering',
  included: 'tatt inn av komiteen',
  selected_for_gender_rule: 'valgt for å oppfylle en kjønnsregel',
  lottery: 'loddtrekning ved lik rangering',
  reserve: 'reserve',
  passed_over_for_gender_rule: 'forbigått for å oppfylle en kjønnsregel',
  excluded: 'utelatt av komiteen',
  lock_not_obeyed: 'komiteens lås kunne ikke følges',
  withdrawn: 'trukket',
  too_young: 'under aldersgrensen',
  missing_birth_date: 'mangler fødselsdato',
  no_bachelor: 'utdanning under kravet',
  missing_education: 'mangler utdanning',
  too_little_experience: 'for kort arbeidserfaring',
  missing_experience: 'mangler arbeidserfaring',
  nomination_cap: 'over helseforetakets nominasjonstak',
  not_endorsed: 'ikke forankret hos nærmeste leder',
  unknown_rhf: 'ukjent RHF',
  no_quota_cell: 'passer ingen kvotecelle',
};

const EN_REASONS: Record<string, string> = {
  selected: 'selected by ranking',
  included: 'included by the committee',
  selected_for_gender_rule: 'selected to meet a gender rule',
  lottery: 'lottery among equal ranks',
  reserve: 'reserve',
  passed_over_for_gender_rule: 'passed over to meet a gender rule',
  excluded: 'excluded by the committee',
  lock_not_obeyed: "the committee's lock could not be obeyed",
  withdrawn: 'withdrawn',
  too_young: 'under the minimum age',
  missing_birth_date: 'no birth date',
  no_bachelor: 'education below the minimum',
  missing_education: 'no education given',
  too_little_experience: 'too little work experience',
  missing_experience: 'no work experience given',
  nomination_cap: "over the hospital trust's nomination cap",
  not_endorsed: 'not endorsed by the nearest superior',
  unknown_rhf: 'unknown RHF',
  no_quota_cell: 'fits no quota cell',
};

function signed(d: number): string {
  return d > 0 ? `+${d}` : `−${-d}`;
}

const moved = (a: number, b: number): string => (a === b ? String(a) : `${a} → ${b} (${signed(b - a)})`);

function bodyName(cell: string | null, municipal: string, unknown: string): string {
  if (cell === null) return unknown;
  if (cell === 'kommune') return municipal;
  return cell.startsWith('spesialist/') ? cell.slice('spesialist/'.length) : cell;
}

const KINDS: readonly ChangeKind[] = ['in', 'out', 'moved', 'status', 'reserve_rank', 'data'];

const NB: DiffMessages = {
  htmlLang: 'nb',
  comparing: (a, b) => `Endringer fra ${a} til ${b}`,
  equal: 'Ingen endringer: de to fordelingene er like.',
  tally: (c) => {
    const words: Record<ChangeKind, string> = { in: 'inn', out: 'ut', moved: 'flyttet', status: 'annen statusendring', reserve_rank: 'ny reserveplass', data: 'endrede inndata' };
    return KINDS.filter((k) => c[k] > 0).map((k) => `${c[k]} ${words[k]}`).join(', ');
  },
  heading: {
    in: 'Inn i kullet',
    out: 'Ut av kullet',
    moved: 'Ny verkstedgruppe, nytt prosjektteam eller ny kvotecelle',
    status: 'Andre endringer utenfor kullet',
    reserve_rank: 'Ny plass på reservelisten',
    data: 'Endrede inndata, ellers uendret',
  },
  status: (s, rank) => {
    if (s === null) return 'ikke blant søkerne';
    if (s === 'reserve') return rank === null ? 'reserve' : `reserve nr. ${rank}`;
    return { selected: 'deltaker', excluded: 'utelatt av komiteen', ineligible: 'ikke kvalifisert', over_cap: 'over nominasjonstaket', withdrawn: 'trukket' }[s];
  },
  place: (g, t) => [g === null ? null : `gruppe ${g}`, t === null ? null : `team ${t}`].filter((x) => x !== null).join(', '),
  body: (cell) => bodyName(cell, 'KS (kommune)', 'ukjent kvotecelle'),
  reason: (code) => NB_REASONS[code] ?? code,
  before: 'før',
  now: 'nå',
  why: 'grunn',
  newCandidate: 'ny søker',
  columns: (names) => `endret: ${names.map((n) => NB_LABELS[n as CanonicalColumn] ?? n).join(', ')}`,
  bodiesHeading: 'Plasser og kjønnsbalanse per instans',
  bodiesHeader: ['instans', 'deltakere', 'kvinner', 'menn', 'reserver'],
  moved,
  cannotCompare: 'kan ikke sammenligne fordelingene',
  differentProgrammes: (fa, na, sa, nb, sb) => `gjelder «${nb}» (oppstart ${sb}), men ${fa} gjelder «${na}» (oppstart ${sa}): to ulike programmer eller år`,
  noCommonCandidate: (a) => `har ingen søker felles med ${a}: de ser ut til å gjelde ulike programmer eller år`,
  summaryIgnored: (s, why) => `${s} ble ikke brukt (${why === 'not valid JSON' ? 'ikke gyldig JSON' : 'ikke summary.json fra cohort allocate eller cohort replace'})`,
  summaryMismatch: (s, rows, file, n) => `${s} ble ikke brukt: den gjelder ${n} søkere, ${file} har ${rows} rader`,
  noSummary: (f) => `fant ingen summary.json ved siden av ${f}: programmet og året kan ikke kontrolleres`,
  wroteReport: (p) => `Skrev ${p}.`,
  warning: 'advarsel',
  pageTitle: 'endringer',
  eyebrow: 'Endringer mellom to fordelinger',
  oldFile: 'Før',
  newFile: 'Nå',
  verdictEqual: 'Ingen endringer',
  verdictChanges: (n) => (n === 1 ? '1 endring' : `${n} endringer`),
  stat: { in: 'inn', out: 'ut', moved: 'flyttet', status: 'andre statusendringer', reserve_rank: 'nye reserveplasser', data: 'endrede inndata' },
  bodiesIntro: 'Deltakere og reserver per nominerende instans (KS for kommunene, hvert RHF for sine helseforetak), og kjønnsbalansen blant deltakerne.',
  name: 'Navn',
  id: 'ID',
  cellCol: 'Instans',
  beforeCol: 'Før',
  afterCol: 'Nå',
  reasonsCol: 'Begrunnelse i ny kjøring',
  reasonsNote: 'Begrunnelsene fra beregningen står på engelsk.',
  noChanges: 'Ingen.',
  record: 'For protokollen',
  seed: 'Seed for loddtrekning',
  unknown: 'ukjent',
  tool: (n, v) => `Laget med ${n} ${v}`,
  privacy: 'Filen inneholder personopplysninger. Den henter og sender ingenting, og kan åpnes uten nett.',
};

const EN: DiffMessages = {
  htmlLang: 'en',
  comparing: (a, b) => `Changes from ${a} to ${b}`,
  equal: 'No changes: the two allocations are equal.',
  tally: (c) => {
    const words: Record<ChangeKind, string> = { in: 'in', out: 'out', moved: 'moved', status: 'other status change', reserve_rank: 'new reserve place', data: 'changed input' };
    return KINDS.filter((k) => c[k] > 0).map((k) => `${c[k]} ${words[k]}`).join(', ');
  },
  heading: {
    in: 'Into the cohort',
    out: 'Out of the cohort',
    moved: 'Another workshop group, project team or quota cell',
    status: 'Other changes outside the cohort',
    reserve_rank: 'Another place on the reserve list',
    data: 'Input changed, decisions unchanged',
  },
  status: (s, rank) => {
    if (s === null) return 'not among the candidates';
    if (s === 'reserve') return rank === null ? 'reserve' : `reserve no. ${rank}`;
    return { selected: 'participant', excluded: 'excluded by the committee', ineligible: 'ineligible', over_cap: 'over the nomination cap', withdrawn: 'withdrawn' }[s];
  },
  place: (g, t) => [g === null ? null : `group ${g}`, t === null ? null : `team ${t}`].filter((x) => x !== null).join(', '),
  body: (cell) => bodyName(cell, 'KS (municipal)', 'unknown quota cell'),
  reason: (code) => EN_REASONS[code] ?? code,
  before: 'before',
  now: 'now',
  why: 'why',
  newCandidate: 'new candidate',
  columns: (names) => `changed: ${names.join(', ')}`,
  bodiesHeading: 'Seats and gender balance per nominating body',
  bodiesHeader: ['body', 'participants', 'women', 'men', 'reserves'],
  moved,
  cannotCompare: 'cannot compare the allocations',
  differentProgrammes: (fa, na, sa, nb, sb) => `is for "${nb}" (starting ${sb}), but ${fa} is for "${na}" (starting ${sa}): two different programmes or years`,
  noCommonCandidate: (a) => `has no candidate in common with ${a}: they look like allocations of different programmes or years`,
  summaryIgnored: (s, why) => `${s} was not used (${why})`,
  summaryMismatch: (s, rows, file, n) => `${s} was not used: it is about ${n} candidates, ${file} has ${rows} rows`,
  noSummary: (f) => `no summary.json beside ${f}: the programme and year cannot be checked`,
  wroteReport: (p) => `Wrote ${p}.`,
  warning: 'warning',
  pageTitle: 'changes',
  eyebrow: 'Changes between two allocations',
  oldFile: 'Before',
  newFile: 'Now',
  verdictEqual: 'No changes',
  verdictChanges: (n) => (n === 1 ? '1 change' : `${n} changes`),
  stat: { in: 'in', out: 'out', moved: 'moved', status: 'other status changes', reserve_rank: 'new reserve places', data: 'input changed' },
  bodiesIntro: 'Participants and reserves per nominating body (KS for the municipalities, each RHF for its hospital trusts), and the gender balance among the participants.',
  name: 'Name',
  id: 'ID',
  cellCol: 'Body',
  beforeCol: 'Before',
  afterCol: 'Now',
  reasonsCol: 'Reasons in the new run',
  reasonsNote: '',
  noChanges: 'None.',
  record: 'For the record',
  seed: 'Lottery seed',
  unknown: 'unknown',
  tool: (n, v) => `Made with ${n} ${v}`,
  privacy: 'This file holds personal data. It fetches and sends nothing and opens without a network.',
};

export const DIFF_MESSAGES: Readonly<Record<DiffLang, DiffMessages>> = { nb: NB, en: EN };
