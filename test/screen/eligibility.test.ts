import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/domain/dates.js';
import { screen } from '../../src/stages/screen/eligibility.js';
import type { Programme } from '../../src/domain/programme.js';
import type { Candidate, Education, Rhf } from '../../src/domain/types.js';
import { loadProgramme } from '../../src/io/config-load.js';

const BUILTIN = loadProgramme().programme;

/** The built-in programme with some fields replaced. */
function programme(patch: { eligibility?: Partial<Programme['eligibility']>; nominationCapPerTrust?: number | null; startDate?: string } = {}): Programme {
  return {
    ...BUILTIN,
    ...(patch.startDate === undefined ? {} : { startDate: patch.startDate }),
    ...(patch.nominationCapPerTrust === undefined ? {} : { nominationCapPerTrust: patch.nominationCapPerTrust }),
    eligibility: { ...BUILTIN.eligibility, ...patch.eligibility },
  };
}

let seq = 0;
/** An eligible municipal candidate unless overridden. */
function cand(over: Partial<Candidate> = {}): Candidate {
  seq++;
  const id = over.id ?? `A${String(seq).padStart(4, '0')}`;
  return {
    id,
    ref: { file: 'test.csv', line: seq + 1 },
    name: 'Kari Nordmann',
    birthDate: '1975-03-14',
    gender: 'female',
    sector: 'kommune',
    rhf: 'Helse Vest',
    organisation: 'Bergen kommune',
    organisationKey: 'bergen kommune',
    municipality: { number: '4601', name: 'Bergen', countyNumber: '46', countyName: 'Vestland', catchmentTrust: 'Helse Bergen HF' },
    trust: null,
    position: 'Kommunalsjef',
    education: 'master',
    experienceYears: 10,
    priority: null,
    endorsed: true,
    raw: {},
    ...over,
  };
}

/** A specialist candidate of a trust. */
function spes(trust: string, over: Partial<Candidate> = {}): Candidate {
  return cand({ sector: 'spesialist', trust, organisation: trust, organisationKey: trust.toLowerCase(), municipality: null, rhf: 'Helse Vest', ...over });
}

function one(c: Candidate, p: Programme = BUILTIN) {
  const r = screen([c], p).screened[0];
  if (r === undefined) throw new Error('no result');
  return r;
}
const codes = (c: Candidate, p?: Programme) => one(c, p).reasons.map((r) => r.code);

describe('ageOn', () => {
  it.each([
    ['2001-08-17', '2026-08-17', 25],
    ['2001-08-18', '2026-08-17', 24],
    ['2001-08-16', '2026-08-17', 25],
    ['2001-12-31', '2026-08-17', 24],
    ['2000-02-29', '2025-02-28', 24], // leap-day birthday, non-leap year: not yet on 28 Feb
    ['2000-02-29', '2025-03-01', 25], // … reached on 1 Mar
    ['2000-02-29', '2024-02-29', 24], // leap year: reached on the day
    ['2000-02-29', '2024-02-28', 23],
    ['2027-01-01', '2026-08-17', -1],
    ['1980-13-01', '2026-08-17', null],
    ['1981-02-29', '2026-08-17', null],
    ['31.12.1980', '2026-08-17', null],
  ] as const)('born %s, on %s → %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('screen: age on the start date', () => {
  it.each([
    ['2001-08-17', 'eligible', []], // 25 on the start day
    ['2001-08-18', 'ineligible', ['too_young']], // turns 25 the day after
    ['1950-01-01', 'eligible', []],
  ] as const)('born %s → %s', (birthDate, status, reasons) => {
    const r = one(cand({ birthDate }));
    expect(r.status).toBe(status);
    expect(r.reasons.map((x) => x.code)).toEqual(reasons);
  });

  it.each([
    ['2025-02-28', 'ineligible'],
    ['2025-03-01', 'eligible'],
    ['2024-02-29', 'ineligible'], // 24 on the leap day
  ] as const)('leap-day birthday 2000-02-29, start %s → %s', (startDate, status) => {
    expect(one(cand({ birthDate: '2000-02-29' }), programme({ startDate })).status).toBe(status);
  });

  it('says the age, the start date and the minimum, and no birth date or name', () => {
    const r = one(cand({ birthDate: '2001-08-18' }));
    expect(r.reasons).toEqual([{ code: 'too_young', text: 'too_young: 24 years on 2026-08-17, minimum 25', facts: { code: 'too_young', age: 24, minAge: 25, start: '2026-08-17' } }]);
    expect(JSON.stringify(r.reasons)).not.toMatch(/2001|08-18|Kari|Nordmann/);
  });

  it('a birth date after the start date is too young, without the date', () => {
    const r = one(cand({ birthDate: '2030-01-01' }));
    expect(r.reasons).toEqual([{ code: 'too_young', text: 'too_young: born after 2026-08-17, minimum 25', facts: { code: 'too_young', age: null, minAge: 25, start: '2026-08-17' } }]);
  });

  it.each([[null], ['not-a-date'], ['2001-02-30']])('birth date %s → missing_birth_date', (birthDate) => {
    const r = one(cand({ birthDate }));
    expect(r.reasons.map((x) => x.code)).toEqual(['missing_birth_date']);
    expect(r.reasons[0]?.text).toMatch(/^missing_birth_date: /);
    expect(r.reasons[0]?.text).not.toContain('2001');
  });
});

describe('screen: education', () => {
  it.each<[Education | null, string[]]>([
    ['none', ['no_bachelor']],
    ['fagskole', ['no_bachelor']],
    ['bachelor', []],
    ['master', []],
    ['phd', []],
    [null, ['missing_education']],
  ])('%s → %j', (education, reasons) => {
    expect(codes(cand({ education }))).toEqual(reasons);
  });

  it('names the education found and the minimum', () => {
    expect(one(cand({ education: 'fagskole' })).reasons[0]?.text).toBe('no_bachelor: highest education fagskole, minimum bachelor');
  });

  it('follows the configured minimum', () => {
    expect(codes(cand({ education: 'bachelor' }), programme({ eligibility: { minEducation: 'master' } }))).toEqual(['no_bachelor']);
  });
});

describe('screen: experience', () => {
  it.each<[Education, number, string[]]>([
    ['bachelor', 4, []],
    ['bachelor', 3.99, ['too_little_experience']],
    ['bachelor', 3.9999999, ['too_little_experience']],
    ['bachelor', 4.0000001, []],
    ['bachelor', 3, ['too_little_experience']],
    ['master', 3, []],
    ['master', 2.99, ['too_little_experience']],
    ['phd', 3, []],
    ['phd', 2.5, ['too_little_experience']],
    ['bachelor', 0, ['too_little_experience']],
    ['bachelor', 40, []],
  ])('%s with %s years → %j', (education, experienceYears, reasons) => {
    expect(codes(cand({ education, experienceYears }))).toEqual(reasons);
  });

  it('parsed from decimal text, 3,99 and 4.0 compare exactly', () => {
    expect(codes(cand({ education: 'bachelor', experienceYears: Number('3.99') }))).toEqual(['too_little_experience']);
    expect(codes(cand({ education: 'bachelor', experienceYears: Number('4.0') }))).toEqual([]);
    expect(codes(cand({ education: 'master', experienceYears: Number('2.999999999999') }))).toEqual(['too_little_experience']);
  });

  it('says the years and both minimums', () => {
    expect(one(cand({ education: 'bachelor', experienceYears: 3.5 })).reasons[0]?.text).toBe("too_little_experience: 3.5 years, minimum 4 (3 with a master's)");
  });

  it('omits the master alternative when both minimums are equal', () => {
    const p = programme({ eligibility: { minExperienceYears: 3, minExperienceYearsWithMaster: 3 } });
    expect(one(cand({ education: 'bachelor', experienceYears: 2 }), p).reasons[0]?.text).toBe('too_little_experience: 2 years, minimum 3');
  });

  it.each([[null], [Number.NaN]])('%s years → missing_experience', (experienceYears) => {
    expect(codes(cand({ experienceYears }))).toEqual(['missing_experience']);
  });

  it.each<[number, string[]]>([
    [3.5, ['missing_education']], // enough with a master's: only the education is missing
    [2, ['missing_education', 'too_little_experience']], // too little whatever the education
  ])('unknown education with %s years → %j', (experienceYears, reasons) => {
    expect(codes(cand({ education: null, experienceYears }))).toEqual(reasons);
  });
});

describe('screen: quota cell and RHF', () => {
  it.each<[Candidate['sector'], Rhf | null, string | null, string[]]>([
    ['kommune', 'Helse Nord', 'kommune', []],
    ['kommune', null, 'kommune', []], // kommune is one cell: the RHF is not needed
    ['spesialist', 'Helse Vest', 'spesialist/Helse Vest', []],
    ['spesialist', 'Helse Sør-Øst', 'spesialist/Helse Sør-Øst', []],
    ['spesialist', null, null, ['unknown_rhf']],
  ])('%s / %s → cell %s', (sector, rhf, cell, reasons) => {
    const r = one(cand({ sector, rhf, trust: null }));
    expect(r.cell).toBe(cell);
    expect(r.reasons.map((x) => x.code)).toEqual(reasons);
  });

  it('an RHF without a cell in this programme is unknown_rhf too', () => {
    const p: Programme = { ...BUILTIN, quotas: { ...BUILTIN.quotas, spesialist: { seats: 20, cells: [{ rhf: 'Helse Sør-Øst', seats: 20 }] } } };
    const r = one(cand({ sector: 'spesialist', rhf: 'Helse Nord' }), p);
    expect(r.reasons).toEqual([
      { code: 'unknown_rhf', text: 'unknown_rhf: the programme has no spesialist quota cell for Helse Nord', facts: { code: 'unknown_rhf', sector: 'spesialist', rhf: 'Helse Nord' } },
    ]);
    expect(r.cell).toBeNull();
  });
});

describe('screen: endorsement', () => {
  it.each<[boolean, boolean | null, string[], string[]]>([
    // requireEndorsement, endorsed, reasons, warnings
    [false, true, [], []],
    [false, false, [], ['not_endorsed']],
    [false, null, [], []],
    [true, true, [], []],
    [true, false, ['not_endorsed'], []],
    [true, null, ['not_endorsed'], []],
  ])('required %s, endorsed %s → reasons %j, warnings %j', (requireEndorsement, endorsed, reasons, warnings) => {
    const r = one(cand({ endorsed }), programme({ eligibility: { requireEndorsement } }));
    expect(r.reasons.map((x) => x.code)).toEqual(reasons);
    expect(r.warnings.map((x) => x.code)).toEqual(warnings);
    expect(r.status).toBe(reasons.length === 0 ? 'eligible' : 'ineligible');
  });
});

describe('screen: several reasons at once', () => {
  it('gives every reason that applies, in a fixed order', () => {
    const p = programme({ eligibility: { requireEndorsement: true } });
    const r = one(cand({ birthDate: '2005-01-01', education: 'fagskole', experienceYears: 1, sector: 'spesialist', rhf: null, endorsed: false }), p);
    expect(r.status).toBe('ineligible');
    expect(r.reasons.map((x) => x.code)).toEqual(['too_young', 'no_bachelor', 'too_little_experience', 'unknown_rhf', 'not_endorsed']);
    for (const x of r.reasons) expect(x.text.startsWith(`${x.code}: `)).toBe(true);
  });

  it('missing everything', () => {
    expect(codes(cand({ birthDate: null, education: null, experienceYears: null }))).toEqual(['missing_birth_date', 'missing_education', 'missing_experience']);
  });
});

describe('screen: nomination cap', () => {
  it('rows beyond the trust’s top 3 by priority are ineligible, with a warning naming the trust', () => {
    const cs = [
      spes('Helse Bergen HF', { id: 'B5', priority: 5 }),
      spes('Helse Bergen HF', { id: 'B1', priority: 1 }),
      spes('Helse Bergen HF', { id: 'B4', priority: 4 }),
      spes('Helse Bergen HF', { id: 'B2', priority: 2 }),
      spes('Helse Bergen HF', { id: 'B3', priority: 3 }),
      spes('Helse Stavanger HF', { id: 'S1', priority: 1 }),
      spes('Helse Stavanger HF', { id: 'S2', priority: 2 }),
      spes('Helse Stavanger HF', { id: 'S3', priority: 3 }),
    ];
    const r = screen(cs, BUILTIN);
    const capped = r.screened.filter((s) => s.reasons.some((x) => x.code === 'nomination_cap')).map((s) => s.candidate.id);
    expect(capped).toEqual(['B5', 'B4']); // input order kept
    expect(r.warnings).toMatchObject([
      { code: 'nomination_cap', message: 'Helse Bergen HF nominated 5 candidates, more than the cap of 3; over the cap beyond its top 3 by priority (not failing the admission requirements for that): B4, B5' },
    ]);
    expect(r.screened.find((s) => s.candidate.id === 'B5')?.reasons[0]?.text).toBe(
      'nomination_cap: Helse Bergen HF nominated 5, at most 3; this nomination is not in its top 3 by priority',
    );
  });

  it('counts nominations: an otherwise ineligible row still takes a place', () => {
    const cs = [
      spes('T HF', { id: 'a', priority: 1, education: 'fagskole' }),
      spes('T HF', { id: 'b', priority: 2 }),
      spes('T HF', { id: 'c', priority: 3 }),
      spes('T HF', { id: 'd', priority: 4 }),
    ];
    const byId = new Map(screen(cs, BUILTIN).screened.map((s) => [s.candidate.id, s.reasons.map((x) => x.code)]));
    expect(byId.get('a')).toEqual(['no_bachelor']);
    expect(byId.get('d')).toEqual(['nomination_cap']);
  });

  it('blank priority comes after ranked rows, ties by id (code-unit order), and the warning says so', () => {
    const cs = [
      spes('T HF', { id: 'z', priority: null }),
      spes('T HF', { id: 'b', priority: 2 }),
      spes('T HF', { id: 'a', priority: 2 }),
      spes('T HF', { id: 'C', priority: 2 }),
      spes('T HF', { id: 'y', priority: null }),
    ];
    const r = screen(cs, BUILTIN);
    const capped = r.screened.filter((s) => s.status === 'ineligible').map((s) => s.candidate.id);
    expect(capped.sort()).toEqual(['y', 'z']);
    expect(r.warnings[0]?.message).toContain('over the cap beyond its top 3 by priority (not failing the admission requirements for that): y, z');
    expect(r.warnings[0]?.message).not.toContain('ordered by id'); // the cut falls between 2 and blank

    const tie = screen([spes('T HF', { id: 'b', priority: 1 }), spes('T HF', { id: 'a', priority: 1 })], programme({ nominationCapPerTrust: 1 }));
    expect(tie.screened.map((s) => s.status)).toEqual(['ineligible', 'eligible']);
    expect(tie.warnings[0]?.message).toContain('(equal or blank priorities at the cut were ordered by id)');
  });

  it.each<[string, Partial<Candidate>]>([
    ['kommune rows', { sector: 'kommune' }],
    ['rows with no matched trust', { trust: null }],
  ])('does not cap %s', (_label, over) => {
    const cs = [1, 2, 3, 4, 5].map((n) => spes('T HF', { priority: n, ...over }));
    const r = screen(cs, BUILTIN);
    expect(r.screened.every((s) => s.status === 'eligible')).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('exactly at the cap, or with no cap, nobody is capped', () => {
    const three = [1, 2, 3].map((n) => spes('T HF', { priority: n }));
    expect(screen(three, BUILTIN).warnings).toEqual([]);
    const five = [1, 2, 3, 4, 5].map((n) => spes('T HF', { priority: n }));
    expect(screen(five, programme({ nominationCapPerTrust: null })).screened.every((s) => s.status === 'eligible')).toBe(true);
  });

  it('warnings come in trust-name order', () => {
    const cs = ['Ø HF', 'A HF', 'B HF'].flatMap((t) => [1, 2].map((n) => spes(t, { id: `${t}${n}`, priority: n })));
    expect(screen(cs, programme({ nominationCapPerTrust: 1 })).warnings.map((w) => w.message.split(' nominated')[0])).toEqual(['A HF', 'B HF', 'Ø HF']);
  });
});

describe('screen: determinism', () => {
  const trusts = ['Helse Bergen HF', 'Helse Fonna HF', 'Sykehuset Østfold HF'];
  const arbCandidate = fc
    .record({
      birthDate: fc.constantFrom(null, '2001-08-17', '2001-08-18', '1970-05-05', '2000-02-29'),
      education: fc.constantFrom<Education | null>(null, 'none', 'fagskole', 'bachelor', 'master', 'phd'),
      experienceYears: fc.constantFrom(null, 2.5, 3, 3.99, 4, 12),
      spesialist: fc.boolean(),
      trust: fc.constantFrom(...trusts),
      rhf: fc.constantFrom<Rhf | null>(null, 'Helse Vest', 'Helse Nord'),
      priority: fc.constantFrom(null, 1, 2, 3),
      endorsed: fc.constantFrom(null, true, false),
    })
    .map((r) => ({ ...r, trust: r.spesialist ? r.trust : null, sector: r.spesialist ? ('spesialist' as const) : ('kommune' as const) }));

  it('permuting the input permutes the output and changes no verdict; every row appears once', () => {
    fc.assert(
      fc.property(fc.array(arbCandidate, { maxLength: 25 }), fc.infiniteStream(fc.nat()), (rows, stream) => {
        const cs = rows.map((r, i) => cand({ id: `id${i}`, ...r }));
        const seeds = [...stream.take(cs.length)];
        const shuffled = cs.map((c, i) => [seeds[i] ?? 0, c] as const).sort((a, b) => a[0] - b[0]).map(([, c]) => c);
        const a = screen(cs, BUILTIN);
        const b = screen(shuffled, BUILTIN);
        expect(a.screened.map((s) => s.candidate)).toEqual(cs);
        expect(b.screened.map((s) => s.candidate)).toEqual(shuffled);
        const byId = new Map(b.screened.map((s) => [s.candidate.id, s]));
        for (const s of a.screened) expect(byId.get(s.candidate.id)).toEqual(s);
        expect(b.warnings).toEqual(a.warnings);
      }),
      { seed: 20260817, numRuns: 200 },
    );
  });
});
