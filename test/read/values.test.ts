import { describe, expect, it } from 'vitest';
import {
  compact,
  fold,
  parseBoolean,
  parseDate,
  parseDecimal,
  parseEducation,
  parseExperienceYears,
  parseGender,
  parsePriority,
  parseSector,
} from '../../src/read/values.js';

describe('fold', () => {
  it.each([
    ['Helse Sør-Øst', 'helse sor ost'],
    ['helse  SOR–ost', 'helse sor ost'],
    ['Bærum', 'baerum'],
    ['Ålesund', 'alesund'],
    ['Evenášši', 'evenassi'],
    ['Deatnu - Tana', 'deatnu tana'],
    ['St. Olavs hospital HF', 'st olavs hospital hf'],
    ['  ', ''],
  ])('%j → %j', (input, want) => {
    expect(fold(input)).toBe(want);
  });

  it('compact drops the spaces too', () => {
    expect(compact('A-hus')).toBe(compact('Ahus'));
  });
});

describe('parseDate', () => {
  it.each([
    ['31.12.1980', '1980-12-31'],
    ['1.2.1980', '1980-02-01'],
    ['01.02.1980', '1980-02-01'],
    ['1980-12-31', '1980-12-31'],
    ['29.02.2000', '2000-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('accepts %j as %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31/12/1980', 'a date like 31.12.1980', { problem: 'form' }],
    ['31/12', 'a date like 31.12.1980', { problem: 'form' }],
    ['31.12.80', 'a date like 31.12.1980', { problem: 'form' }],
    ['12/31/1980', 'a date like 31.12.1980', { problem: 'form' }],
    ['1980-1-31', 'a date like 31.12.1980', { problem: 'form' }],
    ['29586', 'a date like 31.12.1980', { problem: 'form' }],
    ['31.12.1980 00:00', 'a date like 31.12.1980', { problem: 'form' }],
    ['31.02.1980', 'a real calendar date like 31.12.1980', { problem: 'calendar' }],
    ['29.02.1900', 'a real calendar date like 31.12.1980', { problem: 'calendar' }],
    ['31.13.1980', 'a real calendar date like 31.12.1980', { problem: 'calendar' }],
    ['00.12.1980', 'a real calendar date like 31.12.1980', { problem: 'calendar' }],
    ['1980-02-30', 'a real calendar date like 31.12.1980', { problem: 'calendar' }],
    ['31.12.0980', 'a date like 31.12.1980 with a year between 1900 and 2100', { problem: 'range', min: 1900, max: 2100 }],
  ] as const)('refuses %j', (text, expected, why) => {
    expect(parseDate(text)).toEqual({ ok: false, expected, why });
  });
});

describe('numbers', () => {
  it.each([
    ['4', 4],
    ['4,5', 4.5],
    ['4.5', 4.5],
    ['0', 0],
    [',5', 0.5],
    ['3.99', 3.99],
  ])('decimal %j → %d', (text, n) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: n });
  });

  it.each(['-1', '4 år', '4,5,6', '1 000', 'four', '4.', '1e3', 'Infinity'])('decimal refuses %j', (text) => {
    expect(parseDecimal(text).ok).toBe(false);
  });

  it('experience years are capped at 60', () => {
    expect(parseExperienceYears('60')).toEqual({ ok: true, value: 60 });
    expect(parseExperienceYears('61')).toEqual({ ok: false, expected: 'a number of years between 0 and 60', why: { problem: 'range', min: 0, max: 60 } });
    expect(parseExperienceYears('x')).toEqual({ ok: false, expected: 'a number of years like 4 or 4,5', why: { problem: 'form' } });
  });

  it.each([
    ['1', 1],
    ['03', 3],
    ['9999', 9999],
  ])('priority %j → %d', (text, n) => {
    expect(parsePriority(text)).toEqual({ ok: true, value: n });
  });

  it.each(['0', '-1', '1,5', 'første', '10000'])('priority refuses %j', (text) => {
    expect(parsePriority(text).ok).toBe(false);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['Ja', true],
    ['ja', true],
    ['J', true],
    ['yes', true],
    ['Y', true],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['x', true],
    ['Nei', false],
    ['N', false],
    ['no', false],
    ['false', false],
    ['0', false],
  ])('%j → %s', (text, value) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value });
  });

  it.each(['kanskje', '2', 'ok'])('refuses %j', (text) => {
    expect(parseBoolean(text)).toEqual({ ok: false, expected: 'Ja or Nei (also yes/no, true/false, 1/0)', why: { problem: 'form' } });
  });
});

describe('parseGender', () => {
  it.each([
    ['Kvinne', 'female'],
    ['kvinne', 'female'],
    ['K', 'female'],
    ['female', 'female'],
    ['F', 'female'],
    ['Woman', 'female'],
    ['Mann', 'male'],
    ['M', 'male'],
    ['male', 'male'],
    ['Man', 'male'],
  ])('%j → %s', (text, value) => {
    expect(parseGender(text)).toEqual({ value, recognised: true });
  });

  it.each(['', 'Annet', 'Ikke oppgitt', 'x'])('%j → unknown, never an error', (text) => {
    expect(parseGender(text)).toEqual({ value: 'unknown', recognised: false });
  });
});

describe('parseSector', () => {
  it.each([
    ['kommune', 'kommune'],
    ['Kommunehelsetjenesten', 'kommune'],
    ['kommunal', 'kommune'],
    ['municipal', 'kommune'],
    ['KS', 'kommune'],
    ['spesialist', 'spesialist'],
    ['Spesialisthelsetjenesten', 'spesialist'],
    ['specialist', 'spesialist'],
    ['Sykehus', 'spesialist'],
  ])('%j → %s', (text, value) => {
    expect(parseSector(text)).toEqual({ ok: true, value });
  });

  it('refuses other words', () => {
    expect(parseSector('privat')).toEqual({ ok: false, expected: 'kommune or spesialist', why: { problem: 'form' } });
  });
});

describe('parseEducation', () => {
  it.each([
    ['Ingen', 'none'],
    ['none', 'none'],
    ['Videregående skole', 'none'],
    ['Fagskole', 'fagskole'],
    ['vocational', 'fagskole'],
    ['Bachelor', 'bachelor'],
    ['bachelorgrad', 'bachelor'],
    ['Bachelor i sykepleie', 'bachelor'],
    ['cand.mag.', 'bachelor'],
    ['Cand. mag.', 'bachelor'],
    ['Master', 'master'],
    ['mastergrad', 'master'],
    ['Master i helseledelse', 'master'],
    ['MBA', 'master'],
    ['Hovedfag', 'master'],
    ['cand.med.', 'master'],
    ['cand.polit.', 'master'],
    ['cand.scient.', 'master'],
    ['cand.psychol.', 'master'],
    ['Cand.jur', 'master'],
    ['Ph.d.', 'phd'],
    ['PhD', 'phd'],
    ['ph.d. i medisin', 'phd'],
    ['Doktorgrad', 'phd'],
    ['dr.med.', 'phd'],
    ['dr.philos.', 'phd'],
  ])('%j → %s', (text, value) => {
    expect(parseEducation(text)).toEqual({ ok: true, value });
  });

  it.each(['Sykepleier', 'Høyskole', 'Master (påbegynt)', 'Bachelor, ikke fullført', 'cand', 'dr'])('refuses %j', (text) => {
    const r = parseEducation(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.expected).toMatch(/^one of Ingen, Fagskole, Bachelor, Master, Ph\.d\./);
  });
});
