/**
 * Fault injection on the commands that read an earlier allocation (`cohort diff`, `cohort lists`, `allocate
 * --previous`): the run record beside it goes through the one input reader (a FIFO is not waited for), its columns
 * are data (`__proto__`, `constructor`), warnings reach stderr escaped, and an output that is one of the compared
 * files is refused. In-process; no solver runs.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiff } from '../../src/app/diff.js';
import { comparableInput, readAllocationDetailed } from '../../src/read/allocation.js';
import { ROOT, expectPrintable, tempDir } from './helpers.js';

const GOLDEN = join(ROOT, 'fixtures', 'golden', 'sample-nb');

/** The golden allocation copied into `dir` (with its summary.json unless `summary` says otherwise). */
function copyRun(dir: string, summary: 'copy' | 'fifo' | 'none'): string {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(GOLDEN, 'allocation.csv'), join(dir, 'allocation.csv'));
  if (summary === 'copy') copyFileSync(join(GOLDEN, 'summary.json'), join(dir, 'summary.json'));
  if (summary === 'fifo') execFileSync('mkfifo', [join(dir, 'summary.json')]);
  return join(dir, 'allocation.csv');
}

describe('an allocation\'s columns are data', () => {
  it('columns named __proto__ and constructor are read as columns; a header constructor finds no parser', () => {
    const text = 'id;status;workshop_group;project_team;__proto__;constructor;toString\r\nA-1;selected;1;1;x;y;z\r\n';
    const a = readAllocationDetailed(new TextEncoder().encode(text), 'a.csv');
    expect(a.issues).toEqual([]);
    const input = a.rows[0]?.details.input ?? {};
    expect(Object.getPrototypeOf(input)).toBeNull();
    expect(Object.entries(input)).toEqual(expect.arrayContaining([['__proto__', 'x'], ['constructor', 'y'], ['toString', 'z']]));
    expect(comparableInput('constructor', ' 1982-11-10 ')).toBe('1982-11-10');
    expect(comparableInput('birth_date', '10.11.1982')).toBe('1982-11-10');
  });
});

describe('cohort diff', () => {
  it.skipIf(process.platform === 'win32')('a summary.json that is a FIFO is not waited for: a warning, escaped, and the comparison still runs', () => {
    const root = tempDir();
    const old = copyRun(join(root, 'old\u001b[2J'), 'fifo');
    const now = copyRun(join(root, 'new'), 'copy');
    const r = runDiff({ cwd: root, old, new: now, json: false, force: false, lang: 'en' });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('old\\u001b[2J/summary.json was not used (expected a summary.json file, got a FIFO (named pipe))');
    expectPrintable(r.stderr);
  });

  it('--report naming one of the compared files is refused, even with --force', () => {
    const root = tempDir();
    const old = copyRun(join(root, 'old'), 'copy');
    const now = copyRun(join(root, 'new'), 'copy');
    const before = readFileSync(old);
    const r = runDiff({ cwd: root, old, new: now, json: false, force: true, lang: 'en', report: old });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('(E_OUTPUT_IS_INPUT)');
    expect(readFileSync(old).equals(before)).toBe(true);
  });
});
