/**
 * Where an input problem is, in each language: the frame `formatIssue` puts before the message (a CSV row, a
 * workbook's sheet and cell, a JSON file's line, a whole file), and the heading above the list of problems.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError, formatIssuesHeading, formatMoreIssues, issueFormatter, type InputIssue } from '../../src/domain/errors.js';

const CASES: ReadonlyArray<{ name: string; issue: InputIssue; en: string; nb: string }> = [
  {
    name: 'a CSV row and column',
    issue: { code: 'x', file: 'k.csv', line: 14, column: 'Fødselsdato', message: 'm' },
    en: 'k.csv:14 column "Fødselsdato": m',
    nb: 'Fil k.csv, rad 14, kolonne «Fødselsdato»: m',
  },
  {
    name: "a workbook's cell",
    issue: { code: 'x', file: 'k.xlsx', line: 14, column: 'Fødselsdato', sheet: 'Ark1', cell: 'C14', message: 'm' },
    en: 'k.xlsx, sheet "Ark1", cell C14 column "Fødselsdato": m',
    nb: 'Fil k.xlsx, ark «Ark1», celle C14, kolonne «Fødselsdato»: m',
  },
  {
    name: "a workbook's row",
    issue: { code: 'x', file: 'k.xlsx', line: 3, sheet: 'Ark1', message: 'm' },
    en: 'k.xlsx, sheet "Ark1", row 3: m',
    nb: 'Fil k.xlsx, ark «Ark1», rad 3: m',
  },
  {
    name: "a JSON file's line",
    issue: { code: 'x', file: 'program.json', line: 7, message: 'm' },
    en: 'program.json:7: m',
    nb: 'Fil program.json, linje 7: m',
  },
  {
    name: 'a whole file, its name escaped',
    issue: { code: 'x', file: 'a\u0007.csv', message: 'm' },
    en: 'a\\u0007.csv: m',
    nb: 'Fil a\\u0007.csv: m',
  },
];

describe('the frame of an input problem', () => {
  it.each(CASES)('$name', ({ issue, en, nb }) => {
    expect(issueFormatter('en')(issue)).toBe(en);
    expect(issueFormatter('nb')(issue)).toBe(nb);
  });

  it('the heading counts the problems, or says the summary given; and how many more there are', () => {
    const one: InputIssue = { code: 'x', file: 'k.csv', message: 'm' };
    expect(formatIssuesHeading(new InputError([one, one, one]), 'en')).toBe('cohort: 3 problems in the input (E_INPUT); nothing was written:');
    expect(formatIssuesHeading(new InputError([one, one, one]), 'nb')).toBe('cohort: 3 feil i inndataene (E_INPUT); ingenting er skrevet:');
    expect(formatIssuesHeading(new ConfigError([one]), 'nb')).toBe('cohort: 1 feil i programfilen (E_CONFIG); ingenting er skrevet:');
    expect(formatIssuesHeading(new InputError([one], 'kan ikke lage listene'), 'nb')).toBe('cohort: kan ikke lage listene (E_INPUT); ingenting er skrevet:');
    expect(formatMoreIssues(12, 'en')).toBe('… and 12 more');
    expect(formatMoreIssues(12, 'nb')).toBe('… og 12 til');
  });
});
