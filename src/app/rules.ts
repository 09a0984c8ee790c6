/**
 * `cohort rules`: the active programme rules in words (English or Norwegian), or as one JSON document.
 * `describeProgramme` is pure; `runRules` only adds loading the config.
 */
import { latestBirthDate } from '../domain/dates.js';
import { EXIT } from '../domain/errors.js';
import { quotaCells, type CellGenderRule, type Programme } from '../domain/programme.js';
import { cellGenderMinimum, GENDER_TABLE, genderRuleParams, groupCount, nominationCap, shareMinimum, teamRule, workshopGroupRule } from '../domain/rules.js';
import { formatDate, formatNumber, formatPercent, plural } from '../domain/text.js';
import { SECTORS, type Education, type Sector } from '../domain/types.js';
import { loadProgramme } from '../io/config-load.js';
import type { CommandOutcome } from './outcome.js';
import { renderTable } from './table.js';

/** Where the programme came from, as recorded in every run's output. */
export interface ProgrammeOrigin {
  /** `built-in`, or the config path as given. */
  source: string;
  /** Lowercase hex SHA-256 of the config file's bytes. */
  sha256: string;
}

export interface RulesOptions {
  /** Programme config path; undefined for the built-in programme. */
  config?: string | undefined;
  /** The directory relative paths are taken from: the CLI's working directory. */
  cwd: string;
  /** Language of the text. Default in the CLI: `en`. Ignored with `json`. */
  lang: 'en' | 'nb';
  /** Print `{ schemaVersion, command, source, sha256, programme }` instead of text. */
  json: boolean;
}

/** Version of the `cohort rules --json` document; bumped on any incompatible change. */
export const RULES_SCHEMA_VERSION = 1;

/** The phrases of one language. Numbers and dates arrive unformatted; each language formats its own. */
interface Words {
  config: (o: ProgrammeOrigin) => string;
  start: (date: string) => string;
  seats: (n: number) => string;
  seatHeader: string[];
  cellRule: (rule: CellGenderRule, minimum: number) => string;
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
  bodies: string;
  across: (on: boolean) => string;
  groups: (min: number, max: number, count: number | null, fewest: number, seats: number) => string;
  teams: (kommune: number, spesialist: number) => string;
  seed: (seed: string) => string;
}

const EDUCATION_EN: Readonly<Record<Education, string>> = { none: 'none', fagskole: 'a fagskole (tertiary vocational) diploma', bachelor: "a bachelor's degree", master: "a master's degree", phd: 'a PhD' };
const EDUCATION_NB: Readonly<Record<Education, string>> = { none: 'ingen', fagskole: 'fagskole', bachelor: 'bachelor', master: 'master', phd: 'ph.d.' };
const EDUCATION_ORDER_EN = 'none < fagskole < bachelor < master < phd';
const EDUCATION_ORDER_NB = 'ingen < fagskole < bachelor < master < ph.d.';

/** The representation table in words, from its declaration: `2–3 seats → 1, 4–5 → 2, …, more → 40 % rounded up`. */
function tableRuleText(seats: string, more: string, roundedUp: string, lang: 'nb' | 'en'): string {
  const parts: string[] = [];
  let from = 0;
  for (const row of GENDER_TABLE.rows) {
    if (row.minimum > 0) parts.push(`${from === row.upTo ? String(from) : `${from}–${row.upTo}`}${parts.length === 0 ? ` ${seats}` : ''} → ${row.minimum}`);
    from = row.upTo + 1;
  }
  parts.push(`${more} → ${formatPercent(GENDER_TABLE.beyondShare, lang)} ${roundedUp}`);
  return parts.join(', ');
}

const TABLE_RULE_EN = tableRuleText('seats', 'more', 'rounded up', 'en');
const TABLE_RULE_NB = tableRuleText('plasser', 'flere', 'rundet opp', 'nb');


const EN: Words = {
  config: (o) => `Config: ${o.source} (SHA-256 ${o.sha256})`,
  start: (date) => `Start date: ${date}`,
  seats: (n) => `Seats: ${n}`,
  seatHeader: ['sector', 'cell', 'seats', 'min. each gender'],
  cellRule: (rule, minimum) =>
    rule === 'none' ? '– (no rule)' : rule === 'table' ? `${minimum} (table)` : 'share' in rule ? `${minimum} (${formatPercent(rule.share, 'en')})` : `${minimum} (fixed)`,
  wholeSector: '(whole sector)',
  total: 'total',
  eligibility: 'Eligibility',
  age: (min, start, latest) =>
    min === 0
      ? 'Age: no minimum.'
      : `Age: at least ${min} years on the start date ${start}${latest === null ? '' : ` (born on or before ${latest})`}.`,
  education: (min) =>
    min === 'none'
      ? 'Education: no minimum.'
      : `Education: highest completed education ${EDUCATION_EN[min]} or higher (${EDUCATION_ORDER_EN}).`,
  experience: (plain, master) =>
    plain === master
      ? `Experience: at least ${plural(plain, 'year', 'years')} of full-time-equivalent work experience.`
      : `Experience: at least ${plural(plain, 'year', 'years')} of full-time-equivalent work experience, or ${plural(master, 'year', 'years')} with a master's degree or higher.`,
  endorsement: (required) =>
    required
      ? 'Endorsement by the nearest superior: required; a "no" or a blank makes the candidate ineligible.'
      : 'Endorsement by the nearest superior: not required; a "no" gives a warning, a blank is accepted.',
  cap: (cap) =>
    cap === null
      ? 'Nomination cap: none; a hospital trust may nominate any number of candidates.'
      : `Nomination cap: at most ${plural(cap, 'candidate', 'candidates')} per hospital trust, by the trust's own priority; the rest are over the cap (status over_cap), apart from failing the admission requirements.`,
  gender: 'Gender balance (where the eligible candidates allow it)',
  bodies: `Each nominating body's own list (the municipal list, each RHF's list): each gender at least "min. each gender" in the seat table. Table rule: ${TABLE_RULE_EN}. A body whose eligible candidates cannot meet it is reported for that body; it is never made up for in another body's list.`,
  cohortShare: (share, min, seats, rule) =>
    share === 0 ? 'Whole cohort: no minimum share.' : `Whole cohort (${rule ? 'a rule' : 'a target'}): each gender at least ${formatPercent(share, 'en')} of the seats (${min} of ${seats}).`,
  sectorShare: (share, parts, rule) =>
    share === 0
      ? 'Each sector: no minimum share.'
      : `Each sector (${rule ? 'a rule' : 'a target'}): each gender at least ${formatPercent(share, 'en')} of the sector's seats (${parts.map((p) => `${p.sector} ${p.min} of ${p.seats}`).join(', ')}).`,
  across: (on) =>
    on
      ? 'The bodies have agreed to balance gender across their lists (gender.acrossBodies): the shares of the cohort and of each sector are rules, and a body\'s better-ranked candidate may be passed over for them; every such departure is listed.'
      : 'The shares of the cohort and of each sector are targets: shown, with a proposal when they are not reached; a body\'s ranking is never overridden because of another body\'s list unless the bodies agree (gender.acrossBodies).',
  groups: (min, max, count, fewest, seats) =>
    `Workshop groups: ${min === max ? String(min) : `${min}–${max}`} participants each; ` +
    (count === null ? `the fewest groups that fit (${fewest} for a full cohort of ${seats}).` : `${plural(count, 'group', 'groups')}, fixed by the config.`),
  teams: (k, s) => `Project teams: ${k} municipal and ${s} specialist participants each (${k + s} per team).`,
  seed: (seed) => `Lottery seed for ties: ${JSON.stringify(seed)} (cohort allocate --seed overrides it).`,
};

const NB: Words = {
  config: (o) => `Konfigurasjon: ${o.source === 'built-in' ? 'innebygd' : o.source} (SHA-256 ${o.sha256})`,
  start: (date) => `Oppstart: ${formatDate(date, 'nb')}`,
  seats: (n) => `Plasser: ${n}`,
  seatHeader: ['sektor', 'celle', 'plasser', 'min. per kjønn'],
  cellRule: (rule, minimum) =>
    rule === 'none' ? '– (ingen regel)' : rule === 'table' ? `${minimum} (tabell)` : 'share' in rule ? `${minimum} (${formatPercent(rule.share, 'nb')})` : `${minimum} (fast)`,
  wholeSector: '(hele sektoren)',
  total: 'sum',
  eligibility: 'Opptakskrav',
  age: (min, start, latest) =>
    min === 0
      ? 'Alder: ingen nedre grense.'
      : `Alder: minst ${min} år på oppstartsdagen ${formatDate(start, 'nb')}${latest === null ? '' : ` (født ${formatDate(latest, 'nb')} eller tidligere)`}.`,
  education: (min) =>
    min === 'none'
      ? 'Utdanning: ingen krav.'
      : `Utdanning: høyeste fullførte utdanning ${EDUCATION_NB[min]} eller høyere (${EDUCATION_ORDER_NB}).`,
  experience: (plain, master) =>
    plain === master
      ? `Arbeidserfaring: minst ${formatNumber(plain, 'nb')} år omregnet til heltid.`
      : `Arbeidserfaring: minst ${formatNumber(plain, 'nb')} år omregnet til heltid, eller ${formatNumber(master, 'nb')} år med mastergrad eller høyere.`,
  endorsement: (required) =>
    required
      ? 'Forankring hos nærmeste leder: påkrevd; «Nei» eller tom celle gjør søkeren ikke kvalifisert.'
      : 'Forankring hos nærmeste leder: ikke påkrevd; «Nei» gir en advarsel, tom celle godtas.',
  cap: (cap) =>
    cap === null
      ? 'Nominasjonstak: ingen; et helseforetak kan nominere så mange søkere det vil.'
      : `Nominasjonstak: høyst ${plural(cap, 'søker', 'søkere', 'nb')} per helseforetak, etter foretakets egen prioritering; de øvrige står over nominasjonstaket (egen status, ikke det samme som å ikke oppfylle opptakskravene).`,
  gender: 'Kjønnsbalanse (så langt de kvalifiserte søkerne gjør det mulig)',
  bodies: `Hver nominerende instans sin egen liste (kommunenes liste, hvert RHFs liste): hvert kjønn minst «min. per kjønn» i plasstabellen. Tabellregelen: ${TABLE_RULE_NB}. En instans som ikke har nok kvalifiserte søkere av et kjønn, rapporteres for seg; det tas aldri igjen på en annen instans sin liste.`,
  cohortShare: (share, min, seats, rule) =>
    share === 0 ? 'Hele kullet: ingen minsteandel.' : `Hele kullet (${rule ? 'regel' : 'mål'}): hvert kjønn minst ${formatPercent(share, 'nb')} av plassene (${min} av ${seats}).`,
  sectorShare: (share, parts, rule) =>
    share === 0
      ? 'Hver sektor: ingen minsteandel.'
      : `Hver sektor (${rule ? 'regel' : 'mål'}): hvert kjønn minst ${formatPercent(share, 'nb')} av sektorens plasser (${parts.map((p) => `${p.sector} ${p.min} av ${p.seats}`).join(', ')}).`,
  across: (on) =>
    on
      ? 'Instansene er enige om å balansere kjønn på tvers av listene (gender.acrossBodies): andelene for kullet og for hver sektor er regler, og en instans sin høyere rangerte søker kan bli forbigått for dem; hvert slikt avvik vises.'
      : 'Andelene for kullet og for hver sektor er mål: de vises, med et forslag når de ikke nås; en instans sin rangering overstyres aldri på grunn av en annen instans sin liste uten at instansene er enige (gender.acrossBodies).',
  groups: (min, max, count, fewest, seats) =>
    `Verkstedgrupper: ${min === max ? String(min) : `${min}–${max}`} deltakere i hver; ` +
    (count === null ? `så få grupper som mulig (${fewest} for et fullt kull på ${seats}).` : `${plural(count, 'gruppe', 'grupper', 'nb')}, fastsatt i konfigurasjonen.`),
  teams: (k, s) => `Prosjektteam: ${k} fra kommunehelsetjenesten og ${s} fra spesialisthelsetjenesten i hvert (${k + s} per team).`,
  seed: (seed) => `Loddtrekningsnøkkel ved likt rangerte: ${JSON.stringify(seed)} (cohort allocate --seed overstyrer den).`,
};

/**
 * The programme's rules in words, as printed by `cohort rules`: name, config origin (when given), start
 * date, a table of seats per quota cell, eligibility, gender rules, groups, teams and seed. Pure.
 */
export function describeProgramme(p: Programme, lang: 'en' | 'nb', origin?: ProgrammeOrigin): string {
  const w = lang === 'nb' ? NB : EN;
  const e = p.eligibility;
  const g = genderRuleParams(p);
  const rows = quotaCells(p).map((c) => [c.sector, c.rhf ?? w.wholeSector, c.seats, w.cellRule(c.gender, cellGenderMinimum(c.gender, c.seats))]);
  rows.push([w.total, '', p.seats, '']);
  const wg = workshopGroupRule(p);
  const teams = teamRule(p);
  const bullet = (s: string) => `- ${s}`;
  const lines = [
    p.name,
    ...(origin === undefined ? [] : [w.config(origin)]),
    w.start(p.startDate),
    '',
    w.seats(p.seats),
    renderTable(w.seatHeader, rows).trimEnd(),
    '',
    w.eligibility,
    bullet(w.age(e.minAge, p.startDate, latestBirthDate(p.startDate, e.minAge))),
    bullet(w.education(e.minEducation)),
    bullet(w.experience(e.minExperienceYears, e.minExperienceYearsWithMaster)),
    bullet(w.endorsement(e.requireEndorsement)),
    bullet(w.cap(nominationCap(p))),
    '',
    w.gender,
    bullet(w.bodies),
    bullet(w.cohortShare(g.minShareCohort, shareMinimum(p.seats, g.minShareCohort), p.seats, g.acrossBodies)),
    bullet(w.sectorShare(g.minShareSector, SECTORS.map((s) => ({ sector: s, seats: p.quotas[s].seats, min: shareMinimum(p.quotas[s].seats, g.minShareSector) })), g.acrossBodies)),
    bullet(w.across(g.acrossBodies)),
    '',
    w.groups(wg.minSize, wg.maxSize, wg.count, groupCount(p.seats, { ...wg, count: null }), p.seats),
    w.teams(teams.kommune, teams.spesialist),
    w.seed(p.seed),
  ];
  return `${lines.join('\n')}\n`;
}

/** The `--json` document: versioned, with the programme exactly as configured. */
export function rulesDocument(p: Programme, origin: ProgrammeOrigin): { schemaVersion: number; command: 'rules'; source: string; sha256: string; programme: Programme } {
  return { schemaVersion: RULES_SCHEMA_VERSION, command: 'rules', source: origin.source, sha256: origin.sha256, programme: p };
}

/** Load the config (throws ConfigError) and describe it. Writes nothing. */
export function runRules(opts: RulesOptions): CommandOutcome {
  const loaded = loadProgramme(opts.config, opts.cwd);
  const origin = { source: loaded.source, sha256: loaded.sha256 };
  const stdout = opts.json ? `${JSON.stringify(rulesDocument(loaded.programme, origin), null, 2)}\n` : describeProgramme(loaded.programme, opts.lang, origin);
  return { stdout, stderr: '', exitCode: EXIT.ok };
}
