/** A small hand-made report view: two cells, two groups, one team, reserves, ineligible, excluded, a relaxation. */
import type { PersonView, ReportView } from '../../src/report/view.js';

const p = (id: string, name: string, gender: PersonView['gender'], sector: PersonView['sector'], rhf: string | null, organisation: string, priority: number | null = null): PersonView => ({
  id,
  name,
  gender,
  sector,
  rhf,
  organisation,
  priority,
});

const K1 = p('K-1', 'Kari Nordmann', 'female', 'kommune', 'Helse Vest', 'Bergen kommune');
const K2 = p('K-2', 'Ola Nordmann', 'male', 'kommune', 'Helse Nord', 'Tromsø kommune');
const K3 = p('K-3', 'Åse Ås', 'female', 'kommune', 'Helse Vest', 'Voss herad');
const S1 = p('S-1', 'Per Hansen', 'male', 'spesialist', 'Helse Vest', 'Helse Bergen HF', 1);
const S2 = p('S-2', 'Lise Berg', 'female', 'spesialist', 'Helse Vest', 'Helse Stavanger HF', 2);
const S3 = p('S-3', 'Nils Dahl', 'unknown', 'spesialist', 'Helse Vest', 'Helse Fonna HF', 3);

export function sampleView(): ReportView {
  return {
    programme: { name: 'Topplederprogram 2026–2027', startDate: '2026-08-17', source: 'built-in', sha256: 'ab'.repeat(32), minAge: 25, eligibility: { minEducation: 'bachelor', minExperienceYears: 4, minExperienceYearsWithMaster: 3 } },
    tool: { name: 'cohort', version: '0.1.0' },
    seed: 'frø',
    inputs: [
      { file: 'kommune.csv', sha256: 'cd'.repeat(32), rows: 5 },
      { file: 'helse-vest.csv', sha256: 'ef'.repeat(32), rows: 5 },
    ],
    counts: { candidates: 10, selected: 6, reserve: 1, excluded: 1, ineligible: 2 },
    allRulesMet: false,
    cells: [
      {
        key: 'kommune',
        label: 'kommune',
        sector: 'kommune',
        rhf: null,
        seats: 3,
        nominated: 5,
        eligible: 4,
        excluded: 1,
        selected: 3,
        reserves: 0,
        shortfall: 0,
        genderSelected: { female: 2, male: 1, unknown: 0 },
        explanation: null,
      },
      {
        key: 'spesialist/Helse Vest',
        label: 'Helse Vest',
        sector: 'spesialist',
        rhf: 'Helse Vest',
        seats: 4,
        nominated: 5,
        eligible: 4,
        excluded: 0,
        selected: 3,
        reserves: 1,
        shortfall: 1,
        genderSelected: { female: 1, male: 1, unknown: 1 },
        explanation: 'Helse Vest: 4 seats, 4 eligible of 5 nominated (1 under 25 years) — 1 seat unfilled',
      },
    ],
    rules: [
      { id: 'quota.kommune', kind: 'quota', scope: 'cell', scopeKey: 'kommune', gender: null, required: 3, actual: 3, met: true, explanation: null },
      { id: 'quota.spesialist/Helse Vest', kind: 'quota', scope: 'cell', scopeKey: 'spesialist/Helse Vest', gender: null, required: 4, actual: 3, met: false, explanation: 'Helse Vest: 1 seat unfilled' },
      { id: 'gender.cohort.female', kind: 'gender', scope: 'cohort', scopeKey: 'cohort', gender: 'female', required: 2, actual: 3, met: true, explanation: null },
      { id: 'gender.sector.spesialist.male', kind: 'gender', scope: 'sector', scopeKey: 'spesialist', gender: 'male', required: 2, actual: 1, met: false, explanation: 'spesialist: at least 2 men required, 1 selected' },
    ],
    relaxations: [{ stage: 'groups', code: 'group_size', reason: '6 participants cannot be split into 2 groups of 6–8', ids: [] }],
    groups: [
      { number: 1, members: [K1, K2, S1], genderMinimum: 1, organisationClashes: [] },
      { number: 2, members: [K3, S2, S3], genderMinimum: 1, organisationClashes: [['K-3', 'S-2']] },
    ],
    teams: [
      {
        number: 1,
        members: [
          { ...K1, group: 1 },
          { ...K3, group: 2 },
          { ...S1, group: 1 },
          { ...S2, group: 2 },
        ],
        catchmentMatch: true,
        regionMatch: 'Helse Vest',
        organisationClashes: [],
      },
    ],
    teamMatch: { catchmentMatched: 1, catchmentBest: 1, regionMatched: 1, regionBest: 1 },
    reserves: [
      { cellKey: 'kommune', reserves: [] },
      { cellKey: 'spesialist/Helse Vest', reserves: [{ ...p('S-4', 'Reidun Reserve', 'female', 'spesialist', 'Helse Vest', 'Helse Førde HF', 4), rank: 1 }] },
    ],
    ineligible: [
      {
        ...p('S-9', 'Unge Ung', 'male', 'spesialist', 'Helse Vest', 'Helse Bergen HF', 9),
        cellKey: 'spesialist/Helse Vest',
        facts: { age: 24, education: 'fagskole', experienceYears: 5 },
        reasons: [
          { code: 'too_young', text: 'too_young: 24 years on 2026-08-17, minimum 25' },
          { code: 'no_bachelor', text: 'no_bachelor: highest education fagskole, minimum bachelor' },
        ],
      },
      { ...p('K-9', 'Ukjent Celle', 'female', 'kommune', null, 'Ingensteds kommune'), cellKey: null, reasons: [{ code: 'some_new_code', text: 'some_new_code: a reason the report has no words for' }] },
    ],
    excluded: [{ ...p('K-8', 'Utelatt Person', 'male', 'kommune', 'Helse Nord', 'Alta kommune'), cellKey: 'kommune', reasons: [{ code: 'excluded', text: 'excluded: by the committee (exclude lock)' }] }],
    warnings: [{ code: 'nomination_cap', message: 'Helse Bergen HF nominated 4 candidates, more than the cap of 3' }],
    stages: [
      { stage: 'selection', status: 'optimal', gap: 0 },
      { stage: 'groups', status: 'feasible', gap: 0.0125 },
      { stage: 'teams', status: 'optimal', gap: 0 },
    ],
  };
}

/** The ids of every selected participant (members of the workshop groups). */
export function selectedIds(view: ReportView): string[] {
  return view.groups.flatMap((g) => g.members.map((m) => m.id));
}

/** The markup of one `<section id="…">` (sections inside it closed in order; the groups section has none). */
export function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  let depth = 0;
  const re = /<section\b|<\/section>/g;
  re.lastIndex = start;
  for (let m = re.exec(page); m !== null; m = re.exec(page)) {
    depth += m[0] === '</section>' ? -1 : 1;
    if (depth === 0) return page.slice(start, m.index + m[0].length);
  }
  throw new Error(`section ${id} is not closed`);
}

/** The sample view with every optional part: departures, lottery seats, decisions (one not obeyed), the nomination cap, notes. */
export function fullView(): ReportView {
  const view = sampleView();
  const [k1, k2] = [view.groups[0]!.members[0]!, view.groups[0]!.members[1]!];
  const reserve = view.reserves[1]!.reserves[0]!;
  return {
    ...view,
    departures: [{ cellKey: 'spesialist/Helse Vest', passedOver: reserve, takenInstead: view.groups[1]!.members[2]!, cause: 'gender_body', sameRank: false }],
    lottery: [{ cellKey: 'kommune', priority: null, won: [k1], lost: [k2] }],
    decisions: [
      { rule: 'include', person: k1, other: null, group: null, reason: 'Styrevedtak 12/26', source: 'locks.csv:2', obeyed: true, why: null },
      { rule: 'apart', person: k1, other: k2, group: null, reason: null, source: 'locks.csv:3', obeyed: false, why: 'K-1 and K-2 share workshop group 1: the group rules left no other way' },
    ],
    nominationCap: { cap: 3, trusts: [{ trust: 'Helse Bergen HF', nominated: 4, people: [{ ...reserve, cellKey: 'spesialist/Helse Vest', reasons: [] }] }] },
    warnings: [...view.warnings, { code: 'some_new_note', message: 'a note the report has no words for', ids: ['K-1'] }, { code: 'withdrawn', message: 'K-2 withdrew; S-4 takes the seat.', ids: ['K-2', 'S-4'] }],
  };
}

/** The full view with every overview box as long as it gets: many departures, lottery seats, trusts over the cap. */
export function busyView(): ReportView {
  const view = fullView();
  const someone = view.groups[0]!.members[0]!;
  const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
  return {
    ...view,
    cells: view.cells.map((c) => ({ ...c, shortfall: 1, explanation: `${c.label}: 1 seat unfilled` })),
    departures: many(12, (i) => ({
      cellKey: 'kommune',
      passedOver: { ...someone, id: `P-${i}`, name: `Forbigått Person ${i}`, priority: i + 1 },
      takenInstead: { ...someone, id: `D-${i}`, priority: 10 + i },
      cause: i % 2 === 0 ? 'gender_body' : 'gender_agreement',
      sameRank: false,
    })),
    lottery: many(9, (i) => ({ cellKey: 'kommune', priority: i + 1, won: [{ ...someone, id: `L-${i}` }], lost: [{ ...someone, id: `T-${i}` }] })),
    nominationCap: { cap: 3, trusts: many(11, (i) => ({ trust: `Helseforetak nummer ${i} HF`, nominated: 5, people: [] })) },
  };
}
