/**
 * The input columns every output row carries: the canonical columns (values exactly as typed) and every
 * column the tool does not know, so that nothing the coordinator put in a file is lost.
 */
import { compareCodeUnits } from '../domain/compare.js';
import { canonicalColumn } from '../read/columns.js';
import { CANONICAL_COLUMNS, type Candidate } from '../domain/types.js';

export interface PassThrough {
  /** Output header names: canonical names, then unknown columns in code-unit order (independent of file order). */
  header: string[];
  row: (c: Candidate) => string[];
}

export function passThrough(candidates: readonly Candidate[]): PassThrough {
  const extras = new Set<string>();
  for (const c of candidates) for (const h of Object.keys(c.raw)) if (canonicalColumn(h) === null) extras.add(h);
  const extraList = [...extras].filter((h) => !(CANONICAL_COLUMNS as readonly string[]).includes(h)).sort(compareCodeUnits);
  return {
    header: [...CANONICAL_COLUMNS, ...extraList],
    row: (c) => {
      const canon = new Map<string, string>();
      for (const [h, v] of Object.entries(c.raw)) {
        const col = canonicalColumn(h);
        if (col !== null && !canon.has(col)) canon.set(col, v);
      }
      return [...CANONICAL_COLUMNS.map((col) => canon.get(col) ?? ''), ...extraList.map((h) => c.raw[h] ?? '')];
    },
  };
}
