import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProgramme, rulesDocument } from '../../src/app/rules.js';
import { ageOn, latestBirthDate } from '../../src/domain/dates.js';
import { quotaCells, type Programme } from '../../src/domain/programme.js';
import { cellGenderMinimum } from '../../src/domain/rules.js';
import { loadProgramme } from '../../src/io/config-load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILTIN = loadProgramme().programme;
const P200 = loadProgramme(join(ROOT, 'fixtures', 'programme-200.json')).programme;

type CellRule = Programme['gender']['cells'];

function variant(p: Programme, cells: CellRule, acrossBodies: boolean, requireEndorsement: boolean): Programme {
  return { ...p, gender: { ...p.gender, cells, acrossBodies }, eligibility: { ...p.eligibility, requireEndorsement } };
}

/** What each language must say; the numbers come from the programme, so a wrong computation fails. */
const WORDS = {
  en: {
    header: /^sector\s+cell\s+seats\s+min\. each gender$/m,
    rule: { table: 'table', none: 'no rule', share: '50 %' },
    total: 'total',
    whole: '(whole sector)',
    bodies: /^- Each nominating body's own list .*never made up for in another body's list\.$/m,
    acrossOn: /^- The bodies have agreed to balance gender across their lists/m,
    acrossOff: /^- The shares of the cohort and of each sector are targets/m,
    required: '- Endorsement by the nearest superior: required; a "no" or a blank makes the candidate ineligible.',
    notRequired: '- Endorsement by the nearest superior: not required; a "no" gives a warning, a blank is accepted.',
    cohort: (min: number, seats: number) => `each gender at least 40 % of the seats (${min} of ${seats})`,
    sector: (min: number, seats: number) => `kommune ${min} of ${seats}, spesialist ${min} of ${seats}`,
    age: '- Age: at least 25 years on the start date 2026-08-17 (born on or before 2001-08-17).',
    experience: "- Experience: at least 4 years of full-time-equivalent work experience, or 3 years with a master's degree or higher.",
    teams: 'Project teams: 2 municipal and 2 specialist participants each (4 per team).',
  },
  nb: {
    header: /^sektor\s+celle\s+plasser\s+min\. per kjønn$/m,
    rule: { table: 'tabell', none: 'ingen regel', share: '50 %' },
    total: 'sum',
    whole: '(hele sektoren)',
    bodies: /^- Hver nominerende instans sin egen liste .*tas aldri igjen på en annen instans sin liste\.$/m,
    acrossOn: /^- Instansene er enige om å balansere kjønn på tvers av listene/m,
    acrossOff: /^- Andelene for kullet og for hver sektor er mål/m,
    required: '- Forankring hos nærmeste leder: påkrevd; «Nei» eller tom celle gjør søkeren ikke kvalifisert.',
    notRequired: '- Forankring hos nærmeste leder: ikke påkrevd; «Nei» gir en advarsel, tom celle godtas.',
    cohort: (min: number, seats: number) => `hvert kjønn minst 40 % av plassene (${min} av ${seats})`,
    sector: (min: number, seats: number) => `kommune ${min} av ${seats}, spesialist ${min} av ${seats}`,
    age: '- Alder: minst 25 år på oppstartsdagen 17.08.2026 (født 17.08.2001 eller tidligere).',
    experience: '- Arbeidserfaring: minst 4 år omregnet til heltid, eller 3 år med mastergrad eller høyere.',
    teams: 'Prosjektgrupper: 2 fra kommunehelsetjenesten og 2 fra spesialisthelsetjenesten i hver (4 per gruppe).',
  },
} as const;

const PROGRAMMES = [
  { label: 'built-in (40 seats)', programme: BUILTIN, cohortMin: 16, sectorMin: 8, sectorSeats: 20, groups: { en: 'the fewest groups that fit (5 for a full cohort of 40)', nb: 'så få grupper som mulig (5 for et fullt kull på 40)' } },
  { label: 'programme-200.json', programme: P200, cohortMin: 80, sectorMin: 40, sectorSeats: 100, groups: { en: '25 groups, fixed by the config', nb: '25 grupper, fastsatt i konfigurasjonen' } },
];

const CASES = PROGRAMMES.flatMap((p) =>
  (['en', 'nb'] as const).flatMap((lang) =>
    (['table', 'none', 'share'] as const).flatMap((rule) =>
      [true, false].flatMap((acrossBodies) => [true, false].map((requireEndorsement) => ({ ...p, lang, rule, acrossBodies, requireEndorsement }))),
    ),
  ),
);

describe('describeProgramme', () => {
  it.each(CASES)('$label, $lang, cells $rule, acrossBodies $acrossBodies, requireEndorsement $requireEndorsement', (c) => {
    const cells: CellRule = c.rule === 'share' ? { share: 0.5 } : c.rule;
    const p = variant(c.programme, cells, c.acrossBodies, c.requireEndorsement);
    const w = WORDS[c.lang];
    const text = describeProgramme(p, c.lang);
    const lines = text.split('\n');

    expect(lines[0]).toBe(p.name);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('SHA-256');

    // Seat table: one row per quota cell with its seats and its body's own gender minimum (with the rule), and a total.
    expect(text).toMatch(w.header);
    for (const cell of quotaCells(p)) {
      const label = cell.rhf ?? w.whole;
      const min = c.rule === 'none' ? '–' : String(cellGenderMinimum(cells, cell.seats));
      expect(text).toMatch(new RegExp(`^${cell.sector}\\s+${label.replace(/[()]/g, '\\$&')}\\s+${cell.seats}\\s+${min} \\(${w.rule[c.rule]}\\)$`, 'm'));
    }
    expect(text).toMatch(new RegExp(`^${w.total}\\s+${p.seats}$`, 'm'));
    expect(text).toMatch(w.bodies);
    expect(text).toMatch(c.acrossBodies ? w.acrossOn : w.acrossOff);
    expect(text).not.toMatch(c.acrossBodies ? w.acrossOff : w.acrossOn);

    expect(lines).toContain(c.requireEndorsement ? w.required : w.notRequired);
    expect(lines).not.toContain(c.requireEndorsement ? w.notRequired : w.required);

    expect(lines).toContain(w.age);
    expect(lines).toContain(w.experience);
    expect(text).toContain(w.cohort(c.cohortMin, p.seats));
    expect(text).toContain(w.sector(c.sectorMin, c.sectorSeats));
    expect(text).toContain(c.groups[c.lang]);
    expect(lines).toContain(w.teams);
    expect(text).toContain(`"${p.seed}"`);
  });

  it("prints the seat table of the built-in programme exactly, with each body's table minimum", () => {
    const lines = describeProgramme(BUILTIN, 'en').split('\n');
    const start = lines.indexOf('Seats: 40');
    expect(lines.slice(start, start + 9)).toEqual([
      'Seats: 40',
      'sector      cell              seats  min. each gender',
      '----------  ----------------  -----  ----------------',
      'kommune     (whole sector)       20  8 (table)',
      'spesialist  Helse Sør-Øst         8  3 (table)',
      'spesialist  Helse Vest            4  2 (table)',
      'spesialist  Helse Midt-Norge      4  2 (table)',
      'spesialist  Helse Nord            4  2 (table)',
      'total                            40',
    ]);
  });

  it.each(['en', 'nb'] as const)('names the config source and SHA-256 when given (%s)', (lang) => {
    const text = describeProgramme(BUILTIN, lang, { source: 'built-in', sha256: 'ab'.repeat(32) });
    expect(text.split('\n')[1]).toBe(lang === 'en' ? `Config: built-in (SHA-256 ${'ab'.repeat(32)})` : `Konfigurasjon: innebygd (SHA-256 ${'ab'.repeat(32)})`);
    expect(describeProgramme(BUILTIN, lang, { source: 'my/p.json', sha256: '00' }).split('\n')[1]).toContain('my/p.json (SHA-256 00)');
  });

  it.each([
    ['en', 'Nomination cap: none;', 'Whole cohort: no minimum share.', 'Experience: at least 4.5 years of full-time-equivalent work experience.', 'Age: no minimum.', 'Workshop groups: 8 participants each; 1 group, fixed by the config.'],
    ['nb', 'Nominasjonstak: ingen;', 'Hele kullet: ingen minsteandel.', 'Arbeidserfaring: minst 4,5 år omregnet til heltid.', 'Alder: ingen nedre grense.', 'Verkstedgrupper: 8 deltakere i hver; 1 gruppe, fastsatt i konfigurasjonen.'],
  ] as const)('words the edge values (%s)', (lang, cap, share, experience, age, groups) => {
    const p: Programme = {
      ...BUILTIN,
      nominationCapPerTrust: null,
      gender: { ...BUILTIN.gender, minShareCohort: 0 },
      eligibility: { ...BUILTIN.eligibility, minAge: 0, minExperienceYears: 4.5, minExperienceYearsWithMaster: 4.5 },
      workshopGroups: { minSize: 8, maxSize: 8, count: 1 },
    };
    const text = describeProgramme(p, lang);
    for (const s of [cap, share, experience, age, groups]) expect(text).toContain(s);
  });

  it('is pure: same text twice, the programme untouched', () => {
    const before = structuredClone(P200);
    expect(describeProgramme(P200, 'nb')).toBe(describeProgramme(P200, 'nb'));
    expect(P200).toEqual(before);
  });

  it('the Norwegian text carries none of the English headings', () => {
    const text = describeProgramme(BUILTIN, 'nb');
    for (const s of ['Eligibility', 'Gender balance', 'Workshop groups', 'Project teams', 'Seats:', 'total']) expect(text).not.toContain(s);
  });
});

describe('latestBirthDate', () => {
  it.each([
    ['2026-08-17', 25, '2001-08-17'],
    ['2026-01-01', 30, '1996-01-01'],
    ['2028-02-29', 25, '2003-02-28'],
    ['2028-02-29', 28, '2000-02-29'],
    ['2026-08-17', 3000, null],
  ])('start %s, minimum age %i → born on or before %s', (start, minAge, expected) => {
    const latest = latestBirthDate(start, minAge);
    expect(latest).toBe(expected);
    if (latest === null) return;
    // The same calendar arithmetic as screening: that day is old enough, the next is not.
    expect(ageOn(latest, start)).toBe(minAge);
    const next = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(ageOn(next, start)).toBe(minAge - 1);
  });
});

describe('rulesDocument', () => {
  it('is the programme as configured plus its origin, versioned', () => {
    expect(rulesDocument(P200, { source: 'x.json', sha256: 'ff' })).toEqual({ schemaVersion: 1, command: 'rules', source: 'x.json', sha256: 'ff', programme: P200 });
  });
});
