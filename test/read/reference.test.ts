import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { editDistance, parseReferenceData, type ReferenceTexts } from '../../src/read/reference.js';
import { REFERENCE_DIR } from '../../src/io/reference-load.js';
import { ref } from './helpers.js';

const texts = (): ReferenceTexts => ({
  helseforetak: readFileSync(join(REFERENCE_DIR, 'helseforetak.csv'), 'utf8'),
  fylker: readFileSync(join(REFERENCE_DIR, 'fylker.csv'), 'utf8'),
  kommuner: readFileSync(join(REFERENCE_DIR, 'kommuner.csv'), 'utf8'),
  opptaksomrader: readFileSync(join(REFERENCE_DIR, 'opptaksomrader.csv'), 'utf8'),
});

describe('the bundled reference data', () => {
  it('loads from data/ with every row', () => {
    const r = ref();
    expect(r.municipalities).toHaveLength(357);
    expect(r.counties).toHaveLength(15);
    expect(r.trusts).toHaveLength(44);
  });

  it('is the shared reference copy, byte for byte', () => {
    for (const f of ['helseforetak.csv', 'fylker.csv', 'kommuner.csv', 'opptaksomrader.csv']) {
      const shared = join(REFERENCE_DIR, '..', '..', 'shared', 'reference', f);
      let want: Buffer;
      try {
        want = readFileSync(shared);
      } catch {
        continue; // not every checkout has the shared folder beside it
      }
      expect(readFileSync(join(REFERENCE_DIR, f)).equals(want), f).toBe(true);
    }
  });
});

describe('catchment areas (opptaksomrader.csv)', () => {
  it('give every municipality a hospital trust of its own RHF, known in helseforetak.csv', () => {
    const r = ref();
    const trusts = new Map(r.trusts.map((t) => [t.name, t]));
    for (const m of r.municipalities) {
      const t = trusts.get(m.catchmentTrust);
      expect(t, `${m.number} ${m.name}`).toBeDefined();
      expect(t?.rhf, `${m.number} ${m.name}`).toBe(m.rhf);
    }
  });

  it.each([
    ['5601', 'Finnmarkssykehuset HF'],
    ['5603', 'Finnmarkssykehuset HF'],
    ['5501', 'Universitetssykehuset Nord-Norge HF'],
    ['1806', 'Universitetssykehuset Nord-Norge HF'],
    ['4601', 'Helse Bergen HF'],
    ['0301', 'Oslo universitetssykehus HF'],
  ])('%s lies in the catchment area of %s', (number, trust) => {
    const m = ref().municipality(number);
    expect(m.status === 'found' ? m.value.catchmentTrust : null).toBe(trust);
  });
});

describe('trust lookup', () => {
  it.each([
    ['Helse Bergen HF', 'Helse Bergen HF', 'Helse Vest'],
    ['Helse Bergen', 'Helse Bergen HF', 'Helse Vest'],
    ['helse bergen hf', 'Helse Bergen HF', 'Helse Vest'],
    ['  HELSE   BERGEN  ', 'Helse Bergen HF', 'Helse Vest'],
    ['Haukeland', 'Helse Bergen HF', 'Helse Vest'],
    ['OUS', 'Oslo universitetssykehus HF', 'Helse Sør-Øst'],
    ['Ahus', 'Akershus universitetssykehus HF', 'Helse Sør-Øst'],
    ['A-hus', 'Akershus universitetssykehus HF', 'Helse Sør-Øst'],
    ['Sykehuset Ostfold', 'Sykehuset Østfold HF', 'Helse Sør-Øst'],
    ['St. Olavs hospital', 'St. Olavs hospital HF', 'Helse Midt-Norge'],
    ['St Olav', 'St. Olavs hospital HF', 'Helse Midt-Norge'],
    ['UNN', 'Universitetssykehuset Nord-Norge HF', 'Helse Nord'],
    ['Lovisenberg Diakonale Sykehus', 'Lovisenberg Diakonale Sykehus AS', 'Helse Sør-Øst'],
    ['Helse Vest RHF', 'Helse Vest RHF', 'Helse Vest'],
    ['Sykehusinnkjøp', 'Sykehusinnkjøp HF', 'Felles'],
  ])('%j → %s (%s)', (text, name, rhf) => {
    const m = ref().trust(text);
    expect(m.status).toBe('found');
    if (m.status === 'found') {
      expect(m.value.name).toBe(name);
      expect(m.value.rhf).toBe(rhf);
    }
  });

  it.each(['Helse Bergn', 'Bergen kommune', '', 'Rikshospitalet'])('%j matches no trust', (text) => {
    expect(ref().trust(text).status).toBe('none');
  });

  it('keeps the category', () => {
    const m = ref().trust('Nasjonal IKT');
    expect(m.status === 'found' && m.value.kategori).toBe('avviklet');
  });
});

describe('municipality lookup', () => {
  it.each([
    ['Bergen', '4601', 'Bergen', '46', 'Vestland', 'Helse Vest'],
    ['Bergen kommune', '4601', 'Bergen', '46', 'Vestland', 'Helse Vest'],
    ['BERGEN KOMMUNE', '4601', 'Bergen', '46', 'Vestland', 'Helse Vest'],
    ['4601', '4601', 'Bergen', '46', 'Vestland', 'Helse Vest'],
    ['4601 Bergen', '4601', 'Bergen', '46', 'Vestland', 'Helse Vest'],
    ['301', '0301', 'Oslo - Oslove', '03', 'Oslo', 'Helse Sør-Øst'],
    ['0301', '0301', 'Oslo - Oslove', '03', 'Oslo', 'Helse Sør-Øst'],
    ['Oslo', '0301', 'Oslo - Oslove', '03', 'Oslo', 'Helse Sør-Øst'],
    ['Oslove', '0301', 'Oslo - Oslove', '03', 'Oslo', 'Helse Sør-Øst'],
    ['Oslo - Oslove', '0301', 'Oslo - Oslove', '03', 'Oslo', 'Helse Sør-Øst'],
    ['Oslo kommune', '0301', 'Oslo - Oslove', '03', 'Oslo', 'Helse Sør-Øst'],
    ['Tråante', '5001', 'Trondheim - Tråante', '50', 'Trøndelag', 'Helse Midt-Norge'],
    ['Trondheim kommune', '5001', 'Trondheim - Tråante', '50', 'Trøndelag', 'Helse Midt-Norge'],
    ['Ivgu', '5536', 'Lyngen - Ivgu - Yykeä', '55', 'Troms', 'Helse Nord'],
    ['Kautokeino', '5612', 'Guovdageaidnu - Kautokeino', '56', 'Finnmark', 'Helse Nord'],
    ['Baerum', '3201', 'Bærum', '32', 'Akershus', 'Helse Sør-Øst'],
    ['Herøy (Nordland)', '1818', 'Herøy (Nordland)', '18', 'Nordland', 'Helse Nord'],
    ['1515', '1515', 'Herøy (Møre og Romsdal)', '15', 'Møre og Romsdal', 'Helse Midt-Norge'],
  ])('%j → %s %s, %s %s, %s', (text, number, name, countyNumber, countyName, rhf) => {
    const m = ref().municipality(text);
    expect(m).toMatchObject({ status: 'found', value: { number, name, countyNumber, countyName, rhf } });
  });

  it.each(['Herøy', 'Herøy kommune', 'Våler'])('%j names two municipalities', (text) => {
    const m = ref().municipality(text);
    expect(m.status).toBe('ambiguous');
    if (m.status === 'ambiguous') expect(m.options).toHaveLength(2);
  });

  it.each(['9999', '1', '4601 Oslo', 'Bergn', 'Helse Bergen HF', ''])('%j matches no municipality', (text) => {
    expect(ref().municipality(text).status).toBe('none');
  });
});

describe('RHF lookup', () => {
  it.each([
    ['Helse Sør-Øst', 'Helse Sør-Øst'],
    ['Helse Sør-Øst RHF', 'Helse Sør-Øst'],
    ['Sør-Øst', 'Helse Sør-Øst'],
    ['sør-øst', 'Helse Sør-Øst'],
    ['HSØ', 'Helse Sør-Øst'],
    ['HSØ', 'Helse Sør-Øst'],
    ['helse  sør-øst', 'Helse Sør-Øst'],
    ['Helse Vest', 'Helse Vest'],
    ['Vest', 'Helse Vest'],
    ['HV', 'Helse Vest'],
    ['Helse Midt-Norge', 'Helse Midt-Norge'],
    ['Midt-Norge', 'Helse Midt-Norge'],
    ['Midt', 'Helse Midt-Norge'],
    ['HMN', 'Helse Midt-Norge'],
    ['Helse Nord', 'Helse Nord'],
    ['Nord', 'Helse Nord'],
    ['NORD', 'Helse Nord'],
    ['Helse Nord RHF', 'Helse Nord'],
  ])('%j → %s', (text, rhf) => {
    expect(ref().rhf(text)).toBe(rhf);
  });

  // Letters are not guessed: the RHF decides the quota cell, so a typo gets a did-you-mean instead.
  it.each(['Helse Sor-Ost', 'Helse Sor-Øst', 'Helse Sor-Oest'])('%j is not an RHF but is suggested as Helse Sør-Øst', (text) => {
    expect(ref().rhf(text)).toBeNull();
    expect(ref().suggest('rhf', text)).toBe('Helse Sør-Øst');
  });

  it.each(['Helse Sør', 'Øst', 'Felles', 'Helse Bergen HF', ''])('%j is not an RHF', (text) => {
    expect(ref().rhf(text)).toBeNull();
  });
});

describe('suggest', () => {
  it.each([
    ['rhf', 'Helse Sor-Ost', 'Helse Sør-Øst'],
    ['rhf', 'Helse Sør-Øsr', 'Helse Sør-Øst'],
    ['rhf', 'Helse Vets', 'Helse Vest'],
    ['rhf', 'Helse Midt Norg', 'Helse Midt-Norge'],
    ['trust', 'Helse Bergn', 'Helse Bergen HF'],
    ['trust', 'Helse Bergn HF', 'Helse Bergen HF'],
    ['trust', 'Sørlandet sjukehus', 'Sørlandet sykehus HF'],
    ['trust', 'Nordlandsykehuset', 'Nordlandssykehuset HF'],
    ['municipality', 'Trondhiem', 'Trondheim'],
    ['municipality', 'Bergn kommune', 'Bergen'],
    ['municipality', 'Kristiansan', 'Kristiansand'],
  ] as const)('%s %j → %j', (kind, text, want) => {
    expect(ref().suggest(kind, text)).toBe(want);
  });

  it.each([
    ['rhf', 'Trondheim'],
    ['trust', 'Kommunen'],
    ['municipality', 'xyz'],
    ['rhf', 'HX'],
    ['trust', 'OUX'],
    ['municipality', 'a'.repeat(5000)],
  ] as const)('%s %j → nothing close', (kind, text) => {
    expect(ref().suggest(kind, text)).toBeNull();
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['trondhiem', 'trondheim', 1],
    ['kitten', 'sitting', 3],
  ])('%j ↔ %j = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops at the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });
});

describe('parseReferenceData refuses broken files with located problems', () => {
  const broken = (patch: (t: ReferenceTexts) => ReferenceTexts): InputError => {
    try {
      parseReferenceData(patch(texts()));
    } catch (err) {
      if (err instanceof InputError) return err;
      throw err;
    }
    throw new Error('expected an InputError');
  };

  it.each([
    ['an unknown RHF', (t: ReferenceTexts) => ({ ...t, fylker: t.fylker.replace('46,Vestland,Helse Vest', '46,Vestland,Helse Vestt') }), 'data/fylker.csv', 13],
    ['a municipality in no county', (t: ReferenceTexts) => ({ ...t, kommuner: t.kommuner.replace('4601,Bergen,46,Vestland', '4601,Bergen,47,Vestland') }), 'data/kommuner.csv', undefined],
    ['a three-digit municipality number', (t: ReferenceTexts) => ({ ...t, kommuner: t.kommuner.replace('0301,Oslo - Oslove', '301,Oslo - Oslove') }), 'data/kommuner.csv', 2],
    ['an unknown trust category', (t: ReferenceTexts) => ({ ...t, helseforetak: t.helseforetak.replace('Helse Bergen HF,Haukeland,Helse Vest,sykehus', 'Helse Bergen HF,Haukeland,Helse Vest,hospital') }), 'data/helseforetak.csv', 22],
    ['a wrong header', (t: ReferenceTexts) => ({ ...t, helseforetak: t.helseforetak.replace('hf_name', 'name') }), 'data/helseforetak.csv', 1],
    ['a county count that does not add up', (t: ReferenceTexts) => ({ ...t, fylker: t.fylker.replace('46,Vestland,Helse Vest,43', '46,Vestland,Helse Vest,44') }), 'data/fylker.csv', undefined],
    ['a municipality without a catchment area', (t: ReferenceTexts) => ({ ...t, opptaksomrader: t.opptaksomrader.replace('5601,Alta,Finnmark,Finnmarkssykehuset HF,Helse Nord\n', '') }), 'data/opptaksomrader.csv', undefined],
    ['a catchment trust not in helseforetak.csv', (t: ReferenceTexts) => ({ ...t, opptaksomrader: t.opptaksomrader.replace('5601,Alta,Finnmark,Finnmarkssykehuset HF', '5601,Alta,Finnmark,Finnmark sykehus HF') }), 'data/opptaksomrader.csv', 341],
    ['a catchment row for an unknown municipality', (t: ReferenceTexts) => ({ ...t, opptaksomrader: t.opptaksomrader.replace('5601,Alta,', '5699,Alta,') }), 'data/opptaksomrader.csv', 341],
    ['a catchment trust of another RHF', (t: ReferenceTexts) => ({ ...t, opptaksomrader: t.opptaksomrader.replace('5601,Alta,Finnmark,Finnmarkssykehuset HF,Helse Nord', '5601,Alta,Finnmark,Finnmarkssykehuset HF,Helse Vest') }), 'data/opptaksomrader.csv', 341],
  ])('%s', (_what, patch, file, line) => {
    const err = broken(patch);
    expect(err.issues.length).toBeGreaterThan(0);
    expect(err.issues[0]?.file).toBe(file);
    if (line !== undefined) expect(err.issues[0]?.line).toBe(line);
  });
});
