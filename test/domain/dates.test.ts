/** The one date module: the forms it reads, the calendar it checks, and day arithmetic that agrees with Date.UTC. */
import { describe, expect, it } from 'vitest';
import { dateParts, epochDay, isCalendarDate, isoDate, parseIsoDate } from '../../src/domain/dates.js';

describe('dateParts', () => {
  it.each([
    ['31.12.1980', { year: 1980, month: 12, day: 31 }],
    ['1.2.1980', { year: 1980, month: 2, day: 1 }],
    ['1980-12-31', { year: 1980, month: 12, day: 31 }],
    ['31.12.80', null],
    ['31/12/1980', null],
    ['1980-1-31', null],
  ])('%s → %j', (text, parts) => {
    expect(dateParts(text)).toEqual(parts);
  });
});

describe('the calendar', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['0050-06-15', true],
  ])('%s is a calendar date: %s', (iso, real) => {
    expect(parseIsoDate(iso) !== null).toBe(real);
    const parts = dateParts(iso);
    expect(parts !== null && isCalendarDate(parts)).toBe(real);
    if (parts !== null && real) expect(isoDate(parts)).toBe(iso);
  });
});

describe('epochDay', () => {
  it('agrees with Date.UTC on the first of every month and the last of February, 1800–2200', () => {
    for (let year = 1800; year <= 2200; year++) {
      for (let month = 1; month <= 12; month++) {
        expect(epochDay({ year, month, day: 1 })).toBe(Date.UTC(year, month - 1, 1) / 86_400_000);
      }
      const feb = parseIsoDate(`${year}-02-29`) === null ? 28 : 29;
      expect(epochDay({ year, month: 2, day: feb })).toBe(Date.UTC(year, 1, feb) / 86_400_000);
    }
  });
});
