import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxWeightAssignment, numberLikePrevious, previousPairs } from '../../src/stages/stable.js';

/** The best total weight over every assignment of rows to distinct columns (rows ≤ columns: all rows; else all columns). */
function bruteForce(w: number[][]): number {
  const n = w.length;
  const m = w[0]?.length ?? 0;
  let best = -Infinity;
  const used = new Array<boolean>(m).fill(false);
  const rec = (i: number, acc: number, assigned: number): void => {
    if (i === n) {
      if (assigned === Math.min(n, m)) best = Math.max(best, acc);
      return;
    }
    if (n > m) rec(i + 1, acc, assigned); // a row may stay without a column
    for (let j = 0; j < m; j++) {
      if (used[j]) continue;
      used[j] = true;
      rec(i + 1, acc + (w[i]?.[j] ?? 0), assigned + 1);
      used[j] = false;
    }
  };
  rec(0, 0, 0);
  return best;
}

describe('maxWeightAssignment', () => {
  it('finds the best total on random matrices (square and rectangular either way), with distinct columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.integer({ min: 1, max: 6 }).chain((m) => fc.array(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n })),
        ),
        (w) => {
          const a = maxWeightAssignment(w);
          const cols = a.filter((c) => c >= 0);
          expect(new Set(cols).size).toBe(cols.length);
          expect(cols.length).toBe(Math.min(w.length, w[0]?.length ?? 0));
          const total = a.reduce((s, c, i) => s + (c >= 0 ? (w[i]?.[c] ?? 0) : 0), 0);
          expect(total).toBe(bruteForce(w));
        },
      ),
      { seed: 18, numRuns: 300 },
    );
  });

  it('is empty for no rows', () => {
    expect(maxWeightAssignment([])).toEqual([]);
  });
});

describe('numberLikePrevious', () => {
  const prev = new Map([
    ['a', 1], ['b', 1], ['c', 2], ['d', 2], ['e', 3], ['f', 3],
  ]);
  it.each<[string, string[][], Map<number, number>, number[]]>([
    ['the same parts in another order get their old numbers', [['e', 'f'], ['a', 'b'], ['c', 'd']], new Map(), [3, 1, 2]],
    ['a part mostly of group 2 takes 2', [['a', 'c', 'd'], ['b', 'e'], ['f', 'x']], new Map(), [2, 1, 3]],
    ['a part of newcomers takes the number left over', [['x', 'y'], ['c', 'd'], ['a', 'b']], new Map(), [3, 2, 1]],
    ['a locked part keeps its number even against the majority', [['a', 'b'], ['c', 'd'], ['e', 'f']], new Map([[0, 2]]), [2, 1, 3]],
    ['numbers beyond the parts are not used', [['e', 'f'], ['a', 'b']], new Map(), [2, 1]],
  ])('%s', (_, parts, locked, labels) => {
    const got = numberLikePrevious(parts, prev, locked);
    expect(got).toEqual(labels);
    expect([...got].sort((x, y) => x - y)).toEqual(parts.map((_, i) => i + 1));
  });

  it('counts previous pairs', () => {
    expect(previousPairs(['a', 'b', 'c', 'x'], prev)).toBe(1);
    expect(previousPairs(['a', 'b', 'c', 'd'], prev)).toBe(2);
  });
});
