/**
 * Fault injection, the committee's locks: an unknown id is reported once, at the locks file's line and column (never
 * blamed on --include), in every command that reads a locks file; include/exclude conflicts name both places.
 * In-process; every run stops before a solver.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAllocate } from '../../src/app/allocate.js';
import { runCheck } from '../../src/app/check.js';
import { runReport } from '../../src/app/report.js';
import { runReplace } from '../../src/app/replace.js';
import { formatIssue } from '../../src/domain/errors.js';
import { BASE, ROOT, SAMPLE_EN, issuesOf, tempDir } from './helpers.js';

const SAMPLE_NB = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`));
const ALLOCATION = join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv');

let dir: string;
let locks: string;

beforeAll(() => {
  dir = tempDir();
  locks = join(dir, 'locks.csv');
  // Line 2: an unknown include; line 3: a known id apart from an unknown one; line 4: fine; line 5: the first unknown id again.
  writeFileSync(locks, 'regel;id;annen\ninkluder;NOPE-1;\nadskilt;TLP-0001;NOPE-2\ngruppe;TLP-0001;1\ngruppe;NOPE-1;2\n');
});

const expected = () => [
  { code: 'unknown_id', file: locks, line: 2, column: 'id', message: 'expected the id of a candidate in the input files, got "NOPE-1"', params: { kind: 'unknown_candidate', id: 'NOPE-1' } },
  { code: 'unknown_id', file: locks, line: 3, column: 'annen', message: 'expected the id of a candidate in the input files, got "NOPE-2"', params: { kind: 'unknown_candidate', id: 'NOPE-2' } },
  { code: 'unknown_id', file: locks, line: 5, column: 'id', message: 'expected the id of a candidate in the input files, got "NOPE-1"', params: { kind: 'unknown_candidate', id: 'NOPE-1' } },
];

describe('unknown ids in a locks file: once each, at file:line', () => {
  it('allocate', async () => {
    const issues = await issuesOf(() => runAllocate({ ...BASE, files: SAMPLE_EN, out: join(dir, 'never'), include: [], exclude: [], deadlineMs: 1000, locks }));
    expect(issues).toEqual(expected());
    expect(issues.map(formatIssue)[0]).toBe(`${locks}:2 column "id": expected the id of a candidate in the input files, got "NOPE-1"`);
  });

  it('allocate with --include: the option\'s own unknown id is the option\'s; the file\'s stay the file\'s', async () => {
    const issues = await issuesOf(() => runAllocate({ ...BASE, files: SAMPLE_EN, out: join(dir, 'never'), include: ['NOPE-3', 'TLP-0001'], exclude: [], deadlineMs: 1000, locks }));
    expect(issues).toEqual([{ code: 'unknown_id', file: '--include', message: 'expected the id of a candidate in the input files, got "NOPE-3"', params: { kind: 'unknown_candidate', id: 'NOPE-3' } }, ...expected()]);
  });

  it('check, report and replace report the same issues', async () => {
    const check = await issuesOf(() => runCheck({ files: SAMPLE_NB, allocation: ALLOCATION, encoding: 'auto', strict: false, json: false, include: [], exclude: [], locks, cwd: ROOT }));
    expect(check).toEqual(expected());
    const report = await issuesOf(() => runReport({ files: SAMPLE_NB, allocation: ALLOCATION, output: join(dir, 'never.html'), encoding: 'auto', force: false, locks, cwd: ROOT }));
    expect(report).toEqual(expected());
    const replace = await issuesOf(() => runReplace({ ...BASE, files: SAMPLE_NB, allocation: ALLOCATION, out: join(dir, 'never'), withdraw: ['TLP-0001'], add: [], deadlineMs: 1000, locks }));
    expect(replace).toEqual(expected());
  });

  it('an id both included and excluded names both places', async () => {
    const both = join(dir, 'both.csv');
    writeFileSync(both, 'rule,id,other\ngroup,TLP-0003,2\ninclude,TLP-0001,\n');
    const issues = await issuesOf(() => runAllocate({ ...BASE, files: SAMPLE_EN, out: join(dir, 'never'), include: [], exclude: ['TLP-0001'], deadlineMs: 1000, locks: both }));
    expect(issues).toEqual([{ code: 'conflicting_lock', file: '--exclude', message: `"TLP-0001" is both included (${both}:3) and excluded (--exclude)` }]);
  });
});
