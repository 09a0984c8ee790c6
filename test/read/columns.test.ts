import { describe, expect, it } from 'vitest';
import { canonicalColumn, COLUMN_SPECS, headerKey, headerLanguage, matchHeaders, NB_LABELS, REQUIRED_COLUMNS, templateHeaders } from '../../src/read/columns.js';
import { CANONICAL_COLUMNS } from '../../src/domain/types.js';

const everyAlias = COLUMN_SPECS.flatMap((s) => [s.column, ...s.aliases].map((a) => [a, s.column] as const));

describe('header aliases', () => {
  it.each(everyAlias)('%j → %s', (header, column) => {
    expect(canonicalColumn(header)).toBe(column);
  });

  it.each([
    ['FØDSELSDATO', 'birth_date'],
    ['  fødselsdato  ', 'birth_date'],
    ['Fodselsdato', 'birth_date'],
    ['Fødselsdato (dd.mm.åååå)', 'birth_date'],
    ['Birth Date', 'birth_date'],
    ['birth-date', 'birth_date'],
    ['Arbeidserfaring (år)', 'experience_years'],
    ['Arbeidserfaring(år)', 'experience_years'],
    ['arbeidserfaring', 'experience_years'],
    ['Arbeidserfaring (antall år)', 'experience_years'],
    ['Experience (years)', 'experience_years'],
    ['experience years', 'experience_years'],
    ['Søknads-ID', 'id'],
    ['søknads id', 'id'],
    ['Høyeste  fullførte utdanning', 'education'],
    ['Kjønn *', 'gender'],
    ['ORGANISATION', 'organisation'],
  ])('%j → %s (case, space, punctuation and a bracket do not matter)', (header, column) => {
    expect(canonicalColumn(header)).toBe(column);
  });

  it.each(['Merknad', 'Kommentar', 'Telefon', '(år)', ''])('%j is not a known column', (header) => {
    expect(canonicalColumn(header)).toBeNull();
  });

  it('no two columns share an alias', () => {
    const keys = everyAlias.map(([a]) => headerKey(a));
    const owners = new Map<string, Set<string>>();
    everyAlias.forEach(([, c], i) => owners.set(keys[i] as string, (owners.get(keys[i] as string) ?? new Set()).add(c)));
    expect([...owners].filter(([, s]) => s.size > 1)).toEqual([]);
  });

  it('specs cover the canonical columns in template order', () => {
    expect(COLUMN_SPECS.map((s) => s.column)).toEqual([...CANONICAL_COLUMNS]);
  });

  it('the Norwegian labels are the first aliases', () => {
    expect(NB_LABELS).toEqual({
      id: 'Søknadsnummer',
      name: 'Navn',
      birth_date: 'Fødselsdato',
      gender: 'Kjønn',
      sector: 'Sektor',
      rhf: 'RHF',
      organisation: 'Virksomhet',
      position: 'Stilling',
      education: 'Høyeste fullførte utdanning',
      experience_years: 'Arbeidserfaring (år)',
      priority: 'Prioritet',
      endorsed: 'Forankret',
    });
    expect(templateHeaders('nb').map(canonicalColumn)).toEqual([...CANONICAL_COLUMNS]);
    expect(templateHeaders('en')).toEqual([...CANONICAL_COLUMNS]);
  });

  it('required columns', () => {
    expect(REQUIRED_COLUMNS).toEqual(['id', 'birth_date', 'sector', 'organisation', 'education', 'experience_years']);
  });
});

describe('matchHeaders', () => {
  const full = ['Søknadsnummer', 'Navn', 'Fødselsdato', 'Kjønn', 'Sektor', 'RHF', 'Virksomhet', 'Stilling', 'Utdanning', 'Arbeidserfaring', 'Prioritet', 'Forankret'];

  it('maps every column and keeps unknown ones', () => {
    const m = matchHeaders([...full, 'Merknad', ''], 'f.csv', 1);
    expect(m.issues).toEqual([]);
    expect(m.index).toEqual(Object.fromEntries(CANONICAL_COLUMNS.map((c, i) => [c, i])));
    expect(m.unknown).toEqual([12]);
  });

  it('needs only the required columns', () => {
    expect(matchHeaders(['id', 'birth_date', 'sector', 'organisation', 'education', 'experience_years'], 'f.csv', 1).issues).toEqual([]);
  });

  it('reports two headers meaning the same column, naming both', () => {
    const m = matchHeaders([...full, 'Arbeidsgiver'], 'f.csv', 3);
    expect(m.issues).toEqual([
      {
        code: 'duplicate_column',
        file: 'f.csv',
        line: 3,
        column: 'Arbeidsgiver',
        message: 'expected each column once: "Virksomhet" (column 7) and "Arbeidsgiver" (column 13) both mean "organisation"',
        params: { kind: 'duplicate_column', first: 'Virksomhet', firstAt: 7, at: 13, label: 'Virksomhet' },
      },
    ]);
  });

  it('reports an identical unknown header twice', () => {
    const m = matchHeaders([...full, 'Merknad', 'Merknad'], 'f.csv', 1);
    expect(m.issues.map((i) => [i.code, i.column, i.message])).toEqual([
      ['duplicate_column', 'Merknad', 'expected each column once: "Merknad" (column 13) and "Merknad" (column 14)'],
    ]);
  });

  it('reports each missing required column once, with the headers accepted', () => {
    const m = matchHeaders(full.filter((h) => h !== 'Fødselsdato' && h !== 'Sektor'), 'f.csv', 1);
    expect(m.issues).toEqual([
      {
        code: 'missing_column',
        file: 'f.csv',
        line: 1,
        column: 'birth_date',
        message: 'expected a column "birth_date" in the header (also accepted: "Fødselsdato", "Født", "Date of birth", "Birth date", "Birthdate", "DOB")',
        params: { kind: 'missing_column', label: 'Fødselsdato', aliases: ['Fødselsdato', 'Født', 'Date of birth', 'Birth date', 'Birthdate', 'DOB'] },
      },
      expect.objectContaining({ code: 'missing_column', column: 'sector' }),
    ]);
  });
});

describe('the language a header row is written in (it decides, with --lang, the dialect of the outputs)', () => {
  it.each([
    ['the Norwegian template', templateHeaders('nb'), 'nb'],
    ['the English template (canonical names)', templateHeaders('en'), 'en'],
    ['Norwegian with unknown columns', ['Søknadsnummer', 'Fødselsdato', 'Sektor', 'Telefon', 'Kommentar'], 'nb'],
    ['English aliases', ['Application ID', 'Date of birth', 'Sector', 'Employer'], 'en'],
    ['id and rhf read the same in both and count as neither', ['ID', 'RHF', 'Fødselsdato'], 'nb'],
    ['only id and rhf', ['id', 'RHF'], null],
    ['as many of each', ['Søknadsnummer', 'birth_date'], null],
    ['no known column', ['Kandidater Helse Vest 2026'], null],
    ['empty', [], null],
  ] as const)('%s → %s', (_what, headers, lang) => {
    expect(headerLanguage(headers)).toBe(lang);
  });

  it('each Norwegian alias counts as Norwegian, each English one as English', () => {
    for (const s of COLUMN_SPECS) {
      const [nb, en] = [s.aliases.slice(0, s.nb), s.aliases.slice(s.nb)];
      for (const a of nb) if (headerKey(a) !== headerKey(s.column)) expect([a, headerLanguage([a])]).toEqual([a, 'nb']);
      for (const a of [s.column, ...en]) if (!nb.some((n) => headerKey(n) === headerKey(a))) expect([a, headerLanguage([a])]).toEqual([a, 'en']);
    }
  });
});
