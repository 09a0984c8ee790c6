import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/domain/errors.js';
import { readCandidates, type ReadOptions, type ReadResult } from '../../src/read/candidates.js';
import type { Candidate } from '../../src/domain/types.js';
import { cp1252, csv, HEADER_EN, HEADER_NB, ref, row, utf8 } from './helpers.js';

const read = (files: Array<{ name: string; text: string }>, options: ReadOptions = {}): ReadResult =>
  readCandidates(files.map((f) => ({ name: f.name, bytes: utf8(f.text) })), options, ref());

/** One English-dialect file with the given rows. */
const readRows = (rows: string[][], header: string[] = HEADER_EN): ReadResult => read([{ name: 'c.csv', text: csv([header, ...rows]) }]);

describe('readCandidates: a good file', () => {
  it('builds a Candidate exactly as the core types describe it', () => {
    const r = readRows([row({ id: ' S1 ', name: ' Kari Nordmann ' }), row({ id: 'K1', sector: 'kommune', organisation: 'Bergen kommune', priority: '', endorsed: '' })]);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.candidates[0]).toEqual<Candidate>({
      id: 'S1',
      ref: { file: 'c.csv', line: 2 },
      name: 'Kari Nordmann',
      birthDate: '1980-12-31',
      gender: 'female',
      sector: 'spesialist',
      rhf: 'Helse Vest',
      organisation: 'Helse Bergen HF',
      organisationKey: 'helse bergen hf',
      municipality: null,
      trust: 'Helse Bergen HF',
      position: 'Klinikkdirektør',
      education: 'master',
      experienceYears: 10,
      priority: 1,
      endorsed: true,
      raw: Object.fromEntries(HEADER_EN.map((h, i) => [h, row({ id: ' S1 ', name: ' Kari Nordmann ' })[i] ?? ''])),
    });
    expect(r.candidates[1]).toMatchObject({
      id: 'K1',
      ref: { file: 'c.csv', line: 3 },
      sector: 'kommune',
      rhf: 'Helse Vest',
      organisation: 'Bergen',
      organisationKey: 'bergen',
      municipality: { number: '4601', name: 'Bergen', countyNumber: '46', countyName: 'Vestland' },
      trust: null,
      priority: null,
      endorsed: null,
    });
    expect(r.files).toEqual([{ name: 'c.csv', encoding: 'utf8', delimiter: ',', bom: false, rows: 2, headers: HEADER_EN }]);
  });

  it('reads a file with only the required columns; the optional ones read as blank', () => {
    const r = readRows([['7', '1975-01-01', 'kommune', '301', 'bachelor', '4']], ['id', 'birth_date', 'sector', 'organisation', 'education', 'experience_years']);
    expect(r.issues).toEqual([]);
    expect(r.candidates[0]).toMatchObject({ id: '7', name: '', gender: 'unknown', rhf: 'Helse Sør-Øst', organisation: 'Oslo - Oslove', position: '', priority: null, endorsed: null });
  });

  it('keeps unknown columns in raw, keyed by the header as written', () => {
    const r = readRows([[...row(), 'ringes etter 16']], [...HEADER_EN, 'Merknad']);
    expect(r.candidates[0]?.raw['Merknad']).toBe('ringes etter 16');
  });

  it('blank birth date, education and experience read as null for screening to judge', () => {
    const r = readRows([row({ birth_date: '', education: '', experience_years: '' })]);
    expect(r.issues).toEqual([]);
    expect(r.candidates[0]).toMatchObject({ birthDate: null, education: null, experienceYears: null });
  });
});

describe('the two dialects give the same candidates', () => {
  // The same three people, once as Norwegian Excel writes them and once as an English form tool does.
  const nb = [
    ['A-1', 'Åse Ødegård', '31.12.1980', 'Kvinne', 'Spesialisthelsetjenesten', '', 'Helse Førde', 'Klinikksjef – kirurgi', 'Master', '4,5', '1', 'Ja'],
    ['A-2', 'Pål Ærø', '01.02.1970', 'M', 'Kommunehelsetjenesten', '', 'Tromsø kommune', 'Kommunalsjef', 'cand.polit.', '12', '', 'Nei'],
    ['A-3', 'Kari Sæther', '15.06.1985', 'K', 'spesialist', 'Sør-Øst', 'Sykehuset Østfold', 'Avdelingsleder', 'Bachelor', '6', '2', ''],
  ];
  const en = [
    ['A-1', 'Åse Ødegård', '1980-12-31', 'female', 'specialist', '', 'Helse Førde HF', 'Klinikksjef – kirurgi', 'master', '4.5', '1', 'yes'],
    ['A-2', 'Pål Ærø', '1970-02-01', 'male', 'municipal', '', '5501', 'Kommunalsjef', 'master', '12', '', 'no'],
    ['A-3', 'Kari Sæther', '1985-06-15', 'female', 'spesialist', 'Helse Sør-Øst', 'Sykehuset Østfold HF', 'Avdelingsleder', 'bachelor', '6', '2', ''],
  ];
  const nbBytes = cp1252(csv([HEADER_NB, [';;;;;;;;;;;'], ...nb], ';', '\r\n'));
  const enBytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv([HEADER_EN, ...en]))]);
  const strip = (c: Candidate) => ({ ...c, ref: null, raw: null });

  it('reads Windows-1252 with ; and CRLF, and UTF-8 with a BOM and ,', () => {
    const a = readCandidates([{ name: 'nb.csv', bytes: nbBytes }], {}, ref());
    const b = readCandidates([{ name: 'en.csv', bytes: enBytes }], {}, ref());
    expect(a.issues).toEqual([]);
    expect(b.issues).toEqual([]);
    expect(a.files[0]).toMatchObject({ encoding: 'cp1252', delimiter: ';', bom: false, rows: 3 });
    expect(b.files[0]).toMatchObject({ encoding: 'utf8', delimiter: ',', bom: true, rows: 3 });
    expect(a.candidates.map(strip)).toEqual(b.candidates.map(strip));
    expect(a.candidates.map((c) => c.ref.line)).toEqual([3, 4, 5]);
    expect(a.candidates[0]).toMatchObject({ name: 'Åse Ødegård', position: 'Klinikksjef – kirurgi', rhf: 'Helse Vest', trust: 'Helse Førde HF' });
    expect(a.candidates[1]).toMatchObject({ rhf: 'Helse Nord', municipality: { number: '5501', name: 'Tromsø' } });
    expect(a.candidates[0]?.raw['Høyeste fullførte utdanning']).toBe('Master');
  });

  it('honours --encoding and --delimiter overrides', () => {
    const a = readCandidates([{ name: 'nb.csv', bytes: nbBytes }], { encoding: 'cp1252', delimiter: ';' }, ref());
    expect(a.issues).toEqual([]);
    expect(a.candidates).toHaveLength(3);
    const wrong = readCandidates([{ name: 'nb.csv', bytes: nbBytes }], { encoding: 'utf8' }, ref());
    expect(wrong.issues.map(formatIssue)).toEqual([
      'nb.csv:1: expected UTF-8 (--encoding utf8), got the byte 0xF8, which is not UTF-8; save the file as "CSV UTF-8" or use --encoding cp1252',
    ]);
  });
});

describe('every problem, located', () => {
  it.each([
    [{ birth_date: '31/13/1980' }, 'c.csv:2 column "birth_date": expected a date like 31.12.1980, got "31/13/1980"'],
    [{ birth_date: '31/12' }, 'c.csv:2 column "birth_date": expected a date like 31.12.1980, got "31/12"'],
    [{ birth_date: '30.02.1980' }, 'c.csv:2 column "birth_date": expected a real calendar date like 31.12.1980, got "30.02.1980"'],
    [{ experience_years: '4 år' }, 'c.csv:2 column "experience_years": expected a number of years like 4 or 4,5, got "4 år"'],
    [{ education: 'Sykepleier' }, 'c.csv:2 column "education": expected one of Ingen, Fagskole, Bachelor, Master, Ph.d., got "Sykepleier"'],
    [{ priority: '0' }, 'c.csv:2 column "priority": expected a whole number between 1 and 9999, got "0"'],
    [{ endorsed: 'kanskje' }, 'c.csv:2 column "endorsed": expected Ja or Nei (also yes/no, true/false, 1/0), got "kanskje"'],
    [{ sector: 'privat' }, 'c.csv:2 column "sector": expected kommune or spesialist, got "privat"'],
    [{ sector: '' }, 'c.csv:2 column "sector": expected kommune or spesialist, got a blank cell'],
    [{ id: '' }, 'c.csv:2 column "id": expected an application id, got a blank cell'],
    [{ organisation: '' }, 'c.csv:2 column "organisation": expected the employer (a hospital trust or a municipality), got a blank cell'],
    [{ rhf: 'Helse Sør-Øsr', organisation: 'OUS' }, 'c.csv:2 column "rhf": expected an RHF (Helse Sør-Øst, Helse Vest, Helse Midt-Norge, Helse Nord; or Sør-Øst, Vest, Midt, Nord), got "Helse Sør-Øsr"; did you mean "Helse Sør-Øst"?'],
    [{ rhf: 'Helse Nord' }, 'c.csv:2 column "rhf": expected "Helse Vest" (the RHF that owns Helse Bergen HF) or a blank cell, got "Helse Nord"'],
    [{ organisation: 'Sykehusinnkjøp HF' }, 'c.csv:2 column "rhf": expected the RHF whose quota the candidate competes in: Sykehusinnkjøp HF is owned by all four RHFs together, got a blank cell'],
    [{ organisation: 'Helse Bergn' }, 'c.csv:2 column "organisation": expected a hospital trust (or an RHF in the RHF column for another employer), got "Helse Bergn"; did you mean "Helse Bergen HF"?'],
    [{ organisation: 'Bergen kommune' }, 'c.csv:2 column "organisation": expected a hospital trust (or an RHF in the RHF column for another employer), got "Bergen kommune"; it is a municipality: is the sector right?'],
    [{ sector: 'kommune', organisation: 'Herøy' }, 'c.csv:2 column "organisation": expected one municipality, got "Herøy", which may be Herøy (Møre og Romsdal) (1515) or Herøy (Nordland) (1818); write the number or the name with the county'],
  ])('%j → %s', (over, message) => {
    const r = readRows([row(over)]);
    expect(r.issues.map(formatIssue)).toEqual([message]);
    expect(r.candidates).toEqual([]);
  });

  it('uses the header as written in the file', () => {
    const header = HEADER_NB;
    const r = readRows([row({ birth_date: '31/13/1980' })], header);
    expect(r.issues.map(formatIssue)).toEqual(['c.csv:2 column "Fødselsdato": expected a date like 31.12.1980, got "31/13/1980"']);
  });

  it('collects every problem in every file, in file and line order', () => {
    const r = read([
      { name: 'a.csv', text: csv([HEADER_EN, row({ id: '1', birth_date: 'x' }), row({ id: '2' }), row({ id: '3', education: '?', priority: 'y' })]) },
      { name: 'b.csv', text: csv([HEADER_EN, row({ id: '4', experience_years: '-1' })]) },
    ]);
    expect(r.issues.map((i) => `${i.file}:${i.line}:${i.column}`)).toEqual(['a.csv:2:birth_date', 'a.csv:4:education', 'a.csv:4:priority', 'b.csv:2:experience_years']);
    expect(r.candidates.map((c) => c.id)).toEqual(['2']);
  });

  it('reports duplicate ids within and across files, naming both places', () => {
    const r = read([
      { name: 'ks.csv', text: csv([HEADER_EN, row({ id: '1' }), row({ id: '2' }), row({ id: '1' })]) },
      { name: 'vest.csv', text: csv([HEADER_EN, row({ id: '2' }), row({ id: ' 3 ' })]) },
      { name: 'nord.csv', text: csv([HEADER_EN, row({ id: '3' })]) },
    ]);
    expect(r.issues.map(formatIssue)).toEqual([
      'ks.csv:4 column "id": expected each id once across all files, "1" is also at ks.csv:2',
      'vest.csv:2 column "id": expected each id once across all files, "2" is also at ks.csv:3',
      'nord.csv:2 column "id": expected each id once across all files, "3" is also at vest.csv:3',
    ]);
  });

  it('reports the duplicate of a row that has problems of its own', () => {
    const r = read([{ name: 'a.csv', text: csv([HEADER_EN, row({ id: '1', birth_date: 'x' }), row({ id: '1' })]) }]);
    expect(r.issues.map((i) => i.code)).toEqual(['invalid_date', 'duplicate_id']);
  });

  it('a missing required column is one issue, not one per row', () => {
    const header = HEADER_EN.filter((h) => h !== 'birth_date');
    const rows = [row(), row({ id: 'S2' })].map((r) => r.filter((_, i) => HEADER_EN[i] !== 'birth_date'));
    const r = readRows(rows, header);
    expect(r.issues.map(formatIssue)).toEqual([
      'c.csv:1 column "birth_date": expected a column "birth_date" in the header (also accepted: "Fødselsdato", "Født", "Date of birth", "Birth date", "Birthdate", "DOB")',
    ]);
    expect(r.files[0]?.rows).toBe(2);
  });

  it('a duplicate header is an error', () => {
    const r = readRows([[...row(), 'x']], [...HEADER_EN, 'Fødselsdato']);
    expect(r.issues.map((i) => [i.code, i.column])).toEqual([['duplicate_column', 'Fødselsdato']]);
  });

  it('never puts a name or another cell than the offending one into a message', () => {
    const r = readRows([row({ name: 'Kari Nordmann', birth_date: '1980-12-31', education: 'Sykepleier', organisation: 'Ukjent AS' })]);
    expect(r.issues).toHaveLength(2);
    for (const i of r.issues) {
      expect(i.message).not.toContain('Kari');
      expect(i.message).not.toContain('1980-12-31');
    }
  });

  it('stops checking a file after the issue limit', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row({ id: String(i), birth_date: 'x' }));
    const r = readRows(rows);
    expect(r.issues).toHaveLength(101);
    expect(r.issues.at(-1)).toMatchObject({ code: 'too_many_issues', line: 102 });
  });

  it('cuts a long offending cell in messages', () => {
    const r = readRows([row({ education: 'x'.repeat(500) })]);
    expect(r.issues[0]?.message).toMatch(/got "x{60}…"$/);
  });
});

describe('organisations against the reference data', () => {
  it.each([
    ['spesialist', 'Helse Bergen HF', '', { rhf: 'Helse Vest', trust: 'Helse Bergen HF', organisation: 'Helse Bergen HF' }],
    ['spesialist', 'Haukeland', 'Vest', { rhf: 'Helse Vest', trust: 'Helse Bergen HF' }],
    ['spesialist', 'OUS', 'HSØ', { rhf: 'Helse Sør-Øst', trust: 'Oslo universitetssykehus HF' }],
    ['spesialist', 'helse stavanger', 'helse vest', { rhf: 'Helse Vest', trust: 'Helse Stavanger HF', organisationKey: 'helse stavanger hf' }],
    ['spesialist', 'Sykehusinnkjøp HF', 'Nord', { rhf: 'Helse Nord', trust: 'Sykehusinnkjøp HF' }],
    ['spesialist', 'Helse Midt-Norge RHF', '', { rhf: 'Helse Midt-Norge', trust: 'Helse Midt-Norge RHF' }],
    ['kommune', 'Bergen', '', { rhf: 'Helse Vest', organisation: 'Bergen', municipality: { number: '4601', name: 'Bergen', countyNumber: '46', countyName: 'Vestland' } }],
    ['kommune', '4601', '', { rhf: 'Helse Vest', organisation: 'Bergen' }],
    ['kommune', '301', '', { rhf: 'Helse Sør-Øst', organisation: 'Oslo - Oslove', organisationKey: 'oslo oslove' }],
    ['kommune', 'Oslove', '', { rhf: 'Helse Sør-Øst', organisation: 'Oslo - Oslove' }],
    ['kommune', 'Trondheim kommune', '', { rhf: 'Helse Midt-Norge', organisation: 'Trondheim - Tråante' }],
    ['kommune', 'Herøy (Nordland)', '', { rhf: 'Helse Nord', municipality: { number: '1818', name: 'Herøy (Nordland)', countyNumber: '18', countyName: 'Nordland' } }],
  ] as const)('%s %j with RHF %j', (sector, organisation, rhf, want) => {
    const r = readRows([row({ sector, organisation, rhf })]);
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.candidates[0]).toMatchObject(want);
  });

  it.each([
    ['spesialist', 'Aleris Helse AS', 'Sør-Øst', { rhf: 'Helse Sør-Øst', trust: null, organisation: 'Aleris Helse AS', organisationKey: 'aleris helse as' }, 'unknown_organisation',
      'c.csv:2 column "organisation": "Aleris Helse AS" is not a hospital trust in the reference data; accepted as typed for Helse Sør-Øst'],
    ['spesialist', 'Helse Bergn', 'Vest', { rhf: 'Helse Vest', trust: null, organisation: 'Helse Bergn' }, 'unknown_organisation',
      'c.csv:2 column "organisation": "Helse Bergn" is not a hospital trust in the reference data; accepted as typed for Helse Vest; did you mean "Helse Bergen HF"?'],
    ['kommune', 'Trondhiem kommune', '', { rhf: null, municipality: null, organisation: 'Trondhiem kommune' }, 'unknown_municipality',
      'c.csv:2 column "organisation": "Trondhiem kommune" is not a municipality in the reference data; accepted as typed, region unknown; did you mean "Trondheim"?'],
    ['kommune', 'Trondhiem', 'Midt', { rhf: 'Helse Midt-Norge', municipality: null }, 'unknown_municipality',
      'c.csv:2 column "organisation": "Trondhiem" is not a municipality in the reference data; accepted as typed for Helse Midt-Norge; did you mean "Trondheim"?'],
    ['kommune', 'Helse Bergen HF', '', { rhf: null }, 'unknown_municipality',
      'c.csv:2 column "organisation": "Helse Bergen HF" is not a municipality in the reference data; accepted as typed, region unknown; it is a hospital trust: is the sector right?'],
    ['kommune', 'Bindal', 'Midt-Norge', { rhf: 'Helse Midt-Norge', municipality: { number: '1811', name: 'Bindal', countyNumber: '18', countyName: 'Nordland' } }, 'rhf_differs_from_county',
      'c.csv:2 column "rhf": Helse Midt-Norge used as written, though Bindal lies in Nordland, which belongs to Helse Nord'],
  ] as const)('%s %j with RHF %j is accepted with a warning', (sector, organisation, rhf, want, code, message) => {
    const r = readRows([row({ sector, organisation, rhf })]);
    expect(r.issues).toEqual([]);
    expect(r.candidates[0]).toMatchObject(want);
    expect(r.warnings).toMatchObject([{ code, message }]);
  });

  it('gathers unrecognised genders into one warning per file', () => {
    const r = readRows([row({ id: '1', gender: 'Annet' }), row({ id: '2', gender: '' }), row({ id: '3', gender: 'Ikke oppgitt' })]);
    expect(r.issues).toEqual([]);
    expect(r.candidates.map((c) => c.gender)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(r.warnings).toMatchObject([
      { code: 'unrecognised_gender', message: 'c.csv: 2 rows with a gender other than Kvinne/Mann (K/M, female/male) recorded as unknown (lines 2, 4)' },
    ]);
  });
});

describe('hostile input ends in a located issue, never a crash or a hang', () => {
  const one = (bytes: Uint8Array) => readCandidates([{ name: 'x.csv', bytes }, { name: 'ok.csv', bytes: utf8(csv([HEADER_EN, row()])) }], {}, ref());

  it('a 50 MB file is refused before it is read, and the next file is still read', () => {
    const r = one(new Uint8Array(50 * 1024 * 1024).fill(0x61));
    expect(r.issues.map(formatIssue)).toEqual(['x.csv: expected a file of at most 10 MiB, got 50.0 MiB']);
    expect(r.candidates).toHaveLength(1);
  });

  it('random bytes (seeded)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4000 }), (bytes) => {
        const r = one(bytes);
        expect(r.issues.length).toBeGreaterThan(0);
        for (const i of r.issues) expect(i.file).toBe('x.csv');
        expect(r.candidates.map((c) => c.ref.file)).toEqual(['ok.csv']);
      }),
      { seed: 20260817, numRuns: 200 },
    );
  });

  it('random bytes without NULs, past the binary check', () => {
    fc.assert(
      fc.property(fc.uint8Array({ min: 1, minLength: 1, maxLength: 4000 }), (bytes) => {
        const r = one(bytes);
        expect(r.issues.length).toBeGreaterThan(0);
        for (const i of r.issues) expect(i.file).toBe('x.csv');
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('a 100,000-column header line', () => {
    const r = one(utf8('id,'.repeat(100_000) + '\n'));
    expect(r.issues.map(formatIssue)).toEqual(['x.csv:1: expected at most 1000 cells in a row, got 100001']);
  });

  it('a never-closed quote', () => {
    const r = one(utf8(csv([HEADER_EN, row({ id: '1' })]) + '2,"Kari,1980-12-31\n' + csv([row({ id: '3' })])));
    expect(r.issues.map((i) => [i.code, i.file, i.line])).toEqual([['unclosed_quote', 'x.csv', 3]]);
    expect(r.candidates.map((c) => c.id)).toEqual(['1', 'S1']);
  });
});

describe('property: every row read once, whatever the delimiter, line end, BOM or row order', () => {
  const orgs = [
    ['spesialist', 'Helse Bergen HF', ''],
    ['spesialist', 'OUS', 'HSØ'],
    ['spesialist', 'Sykehusinnkjøp', 'Nord'],
    ['kommune', 'Bergen kommune', ''],
    ['kommune', '301', ''],
    ['kommune', 'Oslove', ''],
  ] as const;
  // Text that stresses CSV: delimiters, quotes, line breaks, spaces, Norwegian letters.
  const tricky = fc.string({ unit: fc.constantFrom('a', 'Ø', 'å', ' ', ',', ';', '\t', '"', '\n', '\r', '–', '=', "'"), maxLength: 12 });
  const candidateRow = fc.record({
    name: tricky,
    birth: fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2005-12-31T00:00:00Z'), noInvalidDate: true }),
    gender: fc.constantFrom('Kvinne', 'Mann', 'K', 'M', 'female', 'male', '', 'Annet'),
    org: fc.constantFrom(...orgs),
    position: tricky,
    education: fc.constantFrom('Bachelor', 'Master', 'cand.med.', 'Ph.d.', 'Fagskole', ''),
    experience: fc.constantFrom('0', '3', '3,99', '4', '4.5', '', '12'),
    priority: fc.constantFrom('', '1', '2', '3'),
    endorsed: fc.constantFrom('', 'Ja', 'Nei', 'yes', 'no', '1', '0'),
    note: tricky,
  });
  const header = [...HEADER_NB, 'Merknad'];
  const toCells = (id: string, r: typeof candidateRow extends fc.Arbitrary<infer T> ? T : never): string[] => {
    const d = r.birth.toISOString().slice(0, 10).split('-');
    return [id, r.name, `${d[2]}.${d[1]}.${d[0]}`, r.gender, r.org[0], r.org[2], r.org[1], r.position, r.education, r.experience, r.priority, r.endorsed, r.note];
  };
  const write = (rows: string[][], delimiter: string, eol: string, bom: boolean): Uint8Array => {
    const text = stringify([header, ...rows], {
      delimiter,
      record_delimiter: eol === '\n' ? 'unix' : eol === '\r\n' ? 'windows' : 'mac',
      // csv-stringify quotes only the record delimiter itself; a lone CR or LF in a cell must be quoted too.
      quoted_match: [/[\r\n]/],
    });
    return new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...utf8(text)]);
  };

  it('holds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z0-9][A-Za-z0-9-]{0,7}$/), { minLength: 1, maxLength: 25 }).chain((ids) =>
          fc.tuple(fc.constant(ids), fc.array(candidateRow, { minLength: ids.length, maxLength: ids.length })),
        ),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.nat(),
        ([ids, rows], delimiter, eol, bom, shuffleSeed) => {
          const cells = ids.map((id, i) => toCells(id, rows[i] as (typeof rows)[number]));
          const a = readCandidates([{ name: 'a.csv', bytes: write(cells, delimiter, eol, bom) }], {}, ref());
          expect(a.issues).toEqual([]);
          expect(a.files[0]).toMatchObject({ delimiter, bom, rows: cells.length });
          // Every row exactly once, in order, every cell kept as written.
          expect(a.candidates.map((c) => c.id)).toEqual(ids);
          a.candidates.forEach((c, i) => expect(c.raw).toEqual(Object.fromEntries(header.map((h, k) => [h, cells[i]?.[k]]))));

          // Permuting the rows permutes the candidates and nothing else (line numbers aside).
          const order = permutation(cells.length, shuffleSeed);
          const b = readCandidates([{ name: 'a.csv', bytes: write(order.map((k) => cells[k] as string[]), delimiter, eol, bom) }], {}, ref());
          const byId = (r: ReadResult) => new Map(r.candidates.map((c) => [c.id, { ...c, ref: { file: c.ref.file, line: 0 } }]));
          expect(b.candidates.map((c) => c.id)).toEqual(order.map((k) => ids[k]));
          expect(byId(b)).toEqual(byId(a));
          expect(b.warnings.map((w) => w.code).sort()).toEqual(a.warnings.map((w) => w.code).sort());
        },
      ),
      { seed: 4242, numRuns: 150 },
    );
  });
});

/** A seeded permutation of 0..n-1 (Fisher–Yates with a small LCG). */
function permutation(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}
