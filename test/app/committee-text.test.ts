/** The nomination cap and the committee's decisions on the terminal (app/committee-text.ts), in both languages. */
import { describe, expect, it } from 'vitest';
import { committeeLines } from '../../src/app/committee-text.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `T-${String(i + 1).padStart(2, '0')}`);
const cap = (over: string[]) => ({ cap: 3, trusts: [{ trust: 'Sykehuset Telemark HF', rhf: 'Helse Sør-Øst', nominated: 3 + over.length, overCap: over }] });

describe('over the nomination cap', () => {
  it.each([
    ['nb', 2, 'Over nominasjonstaket: Sykehuset Telemark HF nominerte 5, taket er 3; 2 kandidater over taket (T-01 og T-02).'],
    ['en', 2, 'over the nomination cap: Sykehuset Telemark HF nominated 5, cap 3; 2 over it: T-01, T-02'],
    ['nb', 12, 'Over nominasjonstaket: Sykehuset Telemark HF nominerte 15, taket er 3; 12 kandidater over taket (T-01, T-02, T-03, T-04, T-05, T-06, T-07, T-08 og 4 til, alle i summary.json).'],
    ['en', 12, 'over the nomination cap: Sykehuset Telemark HF nominated 15, cap 3; 12 over it: T-01, T-02, T-03, T-04, T-05, T-06, T-07, T-08 and 4 more (all in summary.json)'],
  ] as const)('%s, %i over: the first 8 by name, the rest counted', (lang, over, line) => {
    expect(committeeLines(cap(ids(over)), [], lang)).toBe(`${line}\n`);
  });
});
