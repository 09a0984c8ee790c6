/**
 * `cohort rules`: the active programme rules in words (English or Norwegian), or as one JSON document.
 * `describeProgramme` is pure; `runRules` only adds loading the config.
 */
import { latestBirthDate } from '../domain/dates.js';
import { EXIT } from '../domain/errors.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import { quotaCells, type Programme } from '../domain/programme.js';
import { cellGenderMinimum, GENDER_TABLE, genderRuleParams, groupCount, nominationCap, shareMinimum, teamRule, workshopGroupRule } from '../domain/rules.js';
import { SECTORS } from '../domain/types.js';
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

/**
 * The programme's rules in words, as printed by `cohort rules`: name, config origin (when given), start
 * date, a table of seats per quota cell, eligibility, gender rules, groups, teams and seed. Pure.
 */
export function describeProgramme(p: Programme, lang: 'en' | 'nb', origin?: ProgrammeOrigin): string {
  const w = CATALOGUE[lang].rules;
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
    bullet(w.bodies(GENDER_TABLE)),
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
