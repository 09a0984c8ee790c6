/**
 * The quality tables of workshop groups and project teams: one row per group or team with its sector, gender and
 * region counts, the rule measures and the organisation clashes. Computed here only, from a partition, for the
 * stages' results, `cohort replace` and the report of an existing allocation alike. Pure.
 */
import { compareCodeUnits } from '../domain/compare.js';
import type { Partition } from '../domain/partition.js';
import { bothGenders, catchmentMatch, genderTableMinimum, groupGenderMinimum, regionMatch } from '../domain/rules.js';
import type { Gender, Sector } from '../domain/types.js';
import { regionCounts, type Person, type Region } from './common.js';

/** One row of the per-group quality table. */
export interface GroupQuality {
  group: number;
  size: number;
  kommune: number;
  spesialist: number;
  female: number;
  male: number;
  unknownGender: number;
  /** The Norwegian-table minimum of each gender for this size. */
  genderMinimum: number;
  /** Both genders at or above `genderMinimum` (or, where the cohort has fewer of a gender, all of them). */
  genderMinimumMet: boolean;
  /** Members per region (RHF; `unknown` when not known), regions present only. */
  regions: Array<{ region: Region; count: number }>;
  /** Pairs of members from the same organisation (ids). */
  organisationClashes: Array<[string, string]>;
}

/** One row of the per-team quality table. */
export interface TeamQuality {
  team: number;
  members: Array<{ id: string; sector: Sector; region: Region; county: string | null; gender: Gender; group: number | null }>;
  kommune: number;
  spesialist: number;
  /**
   * Every municipal member's municipality lies in the catchment area of at least one of the specialist members'
   * trusts (`catchmentMatch`).
   */
  catchmentMatch: boolean;
  /** The RHF every member belongs to, or null when the team is not region-matched. */
  regionMatch: Region | null;
  /** No two members from the same workshop group. */
  groupsDistinct: boolean;
  /** Pairs of members that share a workshop group. */
  sameGroupPairs: number;
  female: number;
  male: number;
  bothGenders: boolean;
  /** Pairs of members from the same organisation (ids). */
  organisationClashes: Array<[string, string]>;
}

/** The members of a part as persons, in id order. */
function membersOf(part: Partition, person: (id: string) => Person): Person[] {
  return [...part.memberIds].sort(compareCodeUnits).map(person);
}

const count = (ms: readonly Person[], pred: (p: Person) => boolean): number => ms.filter(pred).length;

/** Pairs of members from the same organisation, by id (members in id order). */
function clashPairs(ms: readonly Person[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      const a = ms[i] as Person;
      const b = ms[j] as Person;
      if (a.org === b.org) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** The quality table of workshop groups; the cohort is everyone in the groups. */
export function groupQualityRows(groups: readonly Partition[], person: (id: string) => Person): GroupQuality[] {
  const all = groups.flatMap((g) => membersOf(g, person));
  const cohort = { female: count(all, (p) => p.gender === 'female'), male: count(all, (p) => p.gender === 'male') };
  return groups.map((g) => {
    const ms = membersOf(g, person);
    const female = count(ms, (p) => p.gender === 'female');
    const male = count(ms, (p) => p.gender === 'male');
    return {
      group: g.number,
      size: ms.length,
      kommune: count(ms, (p) => p.sector === 'kommune'),
      spesialist: count(ms, (p) => p.sector === 'spesialist'),
      female,
      male,
      unknownGender: ms.length - female - male,
      genderMinimum: genderTableMinimum(ms.length),
      genderMinimumMet: female >= groupGenderMinimum(ms.length, cohort.female) && male >= groupGenderMinimum(ms.length, cohort.male),
      regions: regionCounts(ms),
      organisationClashes: clashPairs(ms),
    };
  });
}

/** The quality table of project teams; `groupOf` gives each member's workshop group (undefined when none). */
export function teamQualityRows(teams: readonly Partition[], person: (id: string) => Person, groupOf: (id: string) => number | undefined): TeamQuality[] {
  return teams.map((t) => {
    const ms = membersOf(t, person);
    let same = 0;
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        const g = groupOf((ms[i] as Person).id);
        if (g !== undefined && g === groupOf((ms[j] as Person).id)) same++;
      }
    }
    return {
      team: t.number,
      members: ms.map((p) => ({ id: p.id, sector: p.sector, region: p.region, county: p.county, gender: p.gender, group: groupOf(p.id) ?? null })),
      kommune: count(ms, (p) => p.sector === 'kommune'),
      spesialist: count(ms, (p) => p.sector === 'spesialist'),
      catchmentMatch: catchmentMatch(ms),
      regionMatch: regionMatch(ms),
      groupsDistinct: same === 0,
      sameGroupPairs: same,
      female: count(ms, (p) => p.gender === 'female'),
      male: count(ms, (p) => p.gender === 'male'),
      bothGenders: bothGenders(ms),
      organisationClashes: clashPairs(ms),
    };
  });
}
