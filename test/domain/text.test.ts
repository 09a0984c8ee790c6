import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, listText, plural, pluralForm } from '../../src/domain/text.js';

describe('text through Intl, in bokmål and English', () => {
  it.each([
    [1, 'nb', '1 kandidat'],
    [2, 'nb', '2 kandidater'],
    [0, 'nb', '0 kandidater'],
    [1.5, 'nb', '1,5 kandidater'],
    [1, 'en', '1 kandidat'],
    [21, 'en', '21 kandidater'],
  ] as const)('plural(%d) in %s → %s', (n, lang, expected) => {
    expect(plural(n, 'kandidat', 'kandidater', lang)).toBe(expected);
  });

  it('chooses a verb form without the number', () => {
    expect([1, 2].map((n) => pluralForm(n, 'exists', 'exist'))).toEqual(['exists', 'exist']);
  });

  it.each([
    [['A'], 'nb', 'A'],
    [['A', 'B'], 'nb', 'A og B'],
    [['A', 'B', 'C'], 'nb', 'A, B og C'],
    [['A', 'B'], 'en', 'A and B'],
    [['A', 'B', 'C'], 'en', 'A, B and C'],
  ] as const)('listText(%j) in %s → %s', (items, lang, expected) => {
    expect(listText(items, lang)).toBe(expected);
  });

  it.each([
    [3.5, 'nb', undefined, '3,5'],
    [3.5, 'en', undefined, '3.5'],
    // No grouping: bokmål's separator would be a no-break space.
    [12345.5, 'nb', undefined, '12345,5'],
    [0.1 + 0.2, 'en', undefined, String(0.1 + 0.2)],
    [12.5, 'en', { fixed: 4 }, '12.5000'],
    [2.25, 'nb', { max: 1 }, '2,3'],
    [1.005, 'en', { fixed: 2 }, '1.01'],
  ] as const)('formatNumber(%d, %s, %j) → %s', (n, lang, decimals, expected) => {
    expect(formatNumber(n, lang, decimals)).toBe(expected);
  });

  it.each([
    [0.4, 'nb', undefined, '40 %'],
    [1 / 3, 'nb', undefined, '33,3 %'],
    [0.07, 'en', undefined, '7 %'],
    [0.12345, 'nb', { fixed: 2 }, '12,35 %'],
    [0.001, 'en', { fixed: 2 }, '0.10 %'],
  ] as const)('formatPercent(%d, %s, %j) → %s (a plain space before %%)', (share, lang, decimals, expected) => {
    expect(formatPercent(share, lang, decimals)).toBe(expected);
  });

  it.each([
    ['2026-08-17', 'nb', '17.08.2026'],
    ['2026-08-17', 'en', '2026-08-17'],
    ['2026-02-30', 'nb', '2026-02-30'],
    ['17.08.2026', 'nb', '17.08.2026'],
  ] as const)('formatDate(%s, %s) → %s', (iso, lang, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });
});
