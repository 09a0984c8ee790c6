import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeCp1252, generateCandidates, toCsv } from '../../scripts/lib/generate.js';
import { loadInputs } from '../../src/app/load.js';
import { screeningCsv } from '../../src/app/screen.js';
import { toolNames } from '../e2e/helpers.js';

/** Screen generated rows written as a file in the given dialect; returns screening.csv parsed. */
function screenRows(rows: ReturnType<typeof generateCandidates>, dialect: 'nb' | 'en'): Array<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-prop-'));
  const file = join(dir, `candidates-${dialect}.csv`);
  const text = toCsv(rows, dialect);
  writeFileSync(file, dialect === 'nb' ? encodeCp1252(text) : text);
  const csv = screeningCsv(loadInputs({ files: [file], cwd: dir, encoding: 'auto' }));
  // Under the tool's names: the nb file's are Norwegian (`ID`, `Kildelinje`).
  return toolNames(parse(csv, { columns: true, delimiter: dialect === 'nb' ? ';' : ',' }) as Array<Record<string, string>>);
}

describe('property: cohort screen accounts for every row once, and row order changes only source_line', () => {
  it('holds for generated candidate sets in both dialects', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 80 }), fc.constantFrom('nb' as const, 'en' as const), fc.integer(), (seed, count, dialect, permSeed) => {
        const rows = generateCandidates({ seed, count });
        const out = screenRows(rows, dialect);
        expect(out.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
        // A seeded Fisher–Yates shuffle of the input rows.
        const shuffled = [...rows];
        let s = permSeed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const again = screenRows(shuffled, dialect);
        const strip = (rs: Array<Record<string, string>>) => rs.map(({ source_line: _l, source_file: _f, ...rest }) => rest);
        expect(strip(again)).toEqual(strip(out));
      }),
      { numRuns: 25, seed: 20261124 },
    );
  });
});
