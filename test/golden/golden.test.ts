/**
 * Golden tests: the CLI's `summary.json` and `allocation.csv` for each case under fixtures/golden/ must
 * not change by a single byte. Inputs are named by paths relative to the repository root (as summary.json
 * records them), so the files are the same on every machine.
 *
 * After an intended change, rewrite the expected files and review the diff:
 *   npm run build && UPDATE_GOLDEN=1 npx vitest run test/golden
 * That also rewrites fixtures/hand-edited/ from the new sample allocation.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, cohort, tempDir, toolNames } from '../e2e/helpers.js';
import { CASES } from './cases.js';
import { HAND_EDITS } from './hand-edits.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = join(ROOT, 'fixtures', 'golden');
const HAND_EDITED = join(ROOT, 'fixtures', 'hand-edited');

const OUTPUTS = ['summary.json', 'allocation.csv'] as const;

/** Byte equality, shown as a text diff when it fails (both files are UTF-8). */
function expectSameBytes(actual: Buffer, expectedPath: string): void {
  if (UPDATE) {
    mkdirSync(join(expectedPath, '..'), { recursive: true });
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath);
  expect(actual.toString('utf8'), `${expectedPath} (UPDATE_GOLDEN=1 rewrites it)`).toBe(expected.toString('utf8'));
  expect(actual.equals(expected), expectedPath).toBe(true);
}

describe.each(CASES)('golden case $name', (c) => {
  it(`cohort allocate gives the committed summary.json and allocation.csv, exit ${c.exit}`, async () => {
    const out = tempDir();
    const run = await cohort(['allocate', ...c.files, ...c.extra, '--out', out]);
    expect(run.code, run.stderr).toBe(c.exit);
    for (const f of OUTPUTS) expectSameBytes(readFileSync(join(out, f)), join(GOLDEN, c.name, f));
    // Names and birth dates are in allocation.csv, and nowhere on the terminal.
    const csv = readFileSync(join(out, 'allocation.csv'), 'utf8').slice(1);
    const rows = toolNames(parse(csv, { columns: true, delimiter: csv.split('\n')[0]?.includes(';') ? ';' : ',' }) as Array<Record<string, string>>);
    const personal = rows.flatMap((r) => [r.name ?? '', r.birth_date ?? '']).filter((x) => x !== '');
    expect(personal.length).toBeGreaterThan(rows.length);
    for (const p of personal) {
      expect(run.stdout).not.toContain(p);
      expect(run.stderr).not.toContain(p);
    }
  });

  it(`cohort check on the committed allocation exits ${c.exit}, as allocate did`, async () => {
    const run = await cohort(['check', '--candidates', ...c.files, ...c.extra, '--allocation', `fixtures/golden/${c.name}/allocation.csv`, '--json']);
    expect(run.code, run.stdout + run.stderr).toBe(c.exit);
    const report = JSON.parse(run.stdout) as { ok: boolean; tally: { errors: number; unmet: number } };
    expect(report.ok).toBe(c.exit === 0);
    expect(report.tally.errors).toBe(0);
  });
});

describe('fixtures/hand-edited/', () => {
  const sample = () => readFileSync(join(GOLDEN, 'sample-nb', 'allocation.csv'), 'utf8');

  it.each(HAND_EDITS.map((e) => [e.name, e] as const))('%s is derived from the golden sample allocation', (_name, edit) => {
    expectSameBytes(Buffer.from(edit.derive(sample())), join(HAND_EDITED, edit.name));
  });

  it('README.md lists every file with what was done', () => {
    const lines = [
      '# Hand-edited allocations',
      '',
      'Derived from `fixtures/golden/sample-nb/allocation.csv` by `test/golden/hand-edits.ts`, the way a committee',
      'member would edit the proposed allocation in Excel. `test/e2e/check.test.ts` runs `cohort check` on each',
      '(candidates: `fixtures/sample/nb/*.csv`). Regenerate with `npm run build && UPDATE_GOLDEN=1 npx vitest run test/golden`.',
      '',
      '| file | what was done |',
      '|---|---|',
      ...HAND_EDITS.map((e) => `| \`${e.name}\` | ${e.description} |`),
      '',
    ];
    expectSameBytes(Buffer.from(lines.join('\n'), 'utf8'), join(HAND_EDITED, 'README.md'));
  });
});
