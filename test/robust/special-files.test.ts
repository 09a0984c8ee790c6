/**
 * Fault injection, input paths: every input (config, candidates, locks, allocation) refuses a directory, a FIFO,
 * a device and a file over its stated size with one located issue, and never blocks on a FIFO or reads a device
 * without end. In-process; nothing here runs a solver (every run stops at reading).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAllocate } from '../../src/app/allocate.js';
import { runCheck } from '../../src/app/check.js';
import { runRules } from '../../src/app/rules.js';
import { runScreen } from '../../src/app/screen.js';
import { readInputFile } from '../../src/io/input-file.js';
import type { NotRegular } from '../../src/domain/i18n/catalogue.js';
import { BASE, ROOT, SAMPLE_EN, issuesOf, tempDir } from './helpers.js';

/** A FIFO nobody writes to: opening it for reading would block forever. Null where mkfifo does not exist. */
function makeFifo(dir: string): string | null {
  const path = join(dir, 'pipe');
  try {
    execFileSync('mkfifo', [path], { stdio: 'ignore' });
    return path;
  } catch {
    return null;
  }
}

const GOLDEN_ALLOCATION = join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv');
const SAMPLE_NB = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`));

let dir: string;
let fifo: string | null;
let sparse: { csv: string; config: string };
/** Each special path with what the message says it is. */
let specials: Array<{ label: string; path: string; got: string; kind: NotRegular }>;

beforeAll(() => {
  dir = tempDir();
  fifo = makeFifo(dir);
  mkdirSync(join(dir, 'folder'));
  // Sparse files: over the limit on disk without writing the bytes.
  sparse = { csv: join(dir, 'huge.csv'), config: join(dir, 'huge.json') };
  writeFileSync(sparse.csv, '');
  truncateSync(sparse.csv, 10 * 1024 * 1024 + 1);
  writeFileSync(sparse.config, '');
  truncateSync(sparse.config, 1024 * 1024 + 1);
  specials = [{ label: 'a directory', path: join(dir, 'folder'), got: 'a directory', kind: 'directory' }];
  if (fifo !== null) {
    specials.push({ label: 'a FIFO', path: fifo, got: 'a FIFO (named pipe)', kind: 'fifo' });
    const link = join(dir, 'link-to-pipe.csv');
    symlinkSync(fifo, link);
    specials.push({ label: 'a symbolic link to a FIFO', path: link, got: 'a FIFO (named pipe)', kind: 'fifo' });
  }
  if (existsSync('/dev/zero')) specials.push({ label: '/dev/zero', path: '/dev/zero', got: 'a character device', kind: 'character_device' });
  if (existsSync('/dev/null')) specials.push({ label: '/dev/null', path: '/dev/null', got: 'a character device', kind: 'character_device' });
});

describe('readInputFile, the one reader of every input path', () => {
  it('refuses each special path with what it is, as one located issue', () => {
    expect(specials.length).toBeGreaterThanOrEqual(process.platform === 'linux' ? 5 : 1);
    for (const s of specials) {
      const r = readInputFile(s.path, { what: 'a CSV file', expected: 'csv', maxBytes: 1000 });
      expect(r, s.label).toEqual({ ok: false, issue: { code: 'unreadable_file', file: s.path, message: `expected a CSV file, got ${s.got}`, params: { kind: 'file', problem: 'not_regular', got: s.kind, expected: 'csv' } } });
    }
  });

  it('states the size limit and the size found', () => {
    const r = readInputFile(sparse.csv, { what: 'a CSV file', expected: 'csv', maxBytes: 10 * 1024 * 1024 });
    expect(r).toEqual({ ok: false, issue: { code: 'file_too_large', file: sparse.csv, message: `expected a CSV file of at most 10 MiB (10485760 bytes), got 10485761 bytes`, params: { kind: 'file', problem: 'too_large', expected: 'csv', maxBytes: 10485760, bytes: 10485761 } } });
  });

  it('reads a regular file (and one through a symbolic link) whole', () => {
    const path = join(dir, 'small.csv');
    writeFileSync(path, 'a,b\r\n1,2\r\n');
    const link = join(dir, 'small-link.csv');
    symlinkSync(path, link);
    for (const p of [path, link]) {
      const r = readInputFile(p, { what: 'a CSV file', expected: 'csv', maxBytes: 100 });
      expect(r.ok && r.bytes.toString('utf8')).toBe('a,b\r\n1,2\r\n');
    }
  });

  it('a missing file and an unreadable path are located issues, not exceptions', () => {
    expect(readInputFile(join(dir, 'nope.csv'), { what: 'a CSV file', expected: 'csv', maxBytes: 100 })).toMatchObject({ ok: false, issue: { code: 'unreadable_file', message: 'no such file' } });
    expect(readInputFile(join(dir, 'small.csv', 'below'), { what: 'a CSV file', expected: 'csv', maxBytes: 100 })).toMatchObject({ ok: false, issue: { code: 'unreadable_file', message: 'cannot read it (ENOTDIR)' } });
  });
});

describe('every command input refuses special files (in-process, nothing hangs)', () => {
  it('--config: a directory, FIFO, device and a file over 1 MiB are config errors naming the file', async () => {
    for (const s of specials) {
      const issues = await issuesOf(() => runScreen({ ...BASE, files: SAMPLE_EN, config: s.path, out: join(dir, 'never') }));
      expect(issues, s.label).toEqual([{ code: 'unreadable_config', file: s.path, message: `expected a programme config file, got ${s.got}`, params: { kind: 'file', problem: 'not_regular', got: s.kind, expected: 'config' } }]);
    }
    const issues = await issuesOf(() => runRules({ config: sparse.config, lang: 'en', json: false, cwd: ROOT }));
    expect(issues).toEqual([{ code: 'config_too_large', file: sparse.config, message: 'expected a programme config file of at most 1 MiB (1048576 bytes), got 1048577 bytes', params: { kind: 'file', problem: 'too_large', expected: 'config', maxBytes: 1048576, bytes: 1048577 } }]);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('candidate files: each special path is reported, together with the other files\' problems', async () => {
    const files = [...SAMPLE_EN, ...specials.map((s) => s.path), sparse.csv];
    const issues = await issuesOf(() => runScreen({ ...BASE, files, out: join(dir, 'never') }));
    expect(issues).toEqual([
      ...specials.map((s) => ({ code: 'unreadable_file', file: s.path, message: `expected a CSV file or a workbook, got ${s.got}`, params: { kind: 'file', problem: 'not_regular', got: s.kind, expected: 'table' } })),
      { code: 'file_too_large', file: sparse.csv, message: 'expected a CSV file or a workbook of at most 10 MiB (10485760 bytes), got 10485761 bytes', params: { kind: 'file', problem: 'too_large', expected: 'table', maxBytes: 10485760, bytes: 10485761 } },
    ]);
  });

  it('--locks: refused before any solver runs', async () => {
    for (const s of [...specials, { label: 'too large', path: sparse.csv, got: '' }]) {
      const issues = await issuesOf(() => runAllocate({ ...BASE, files: SAMPLE_EN, out: join(dir, 'never'), include: [], exclude: [], deadlineMs: 1000, locks: s.path }));
      expect(issues.map((i) => [i.code, i.file]), s.label).toEqual([[s.got === '' ? 'file_too_large' : 'unreadable_file', s.path]]);
    }
  });

  it('--allocation of cohort check: refused as a located issue', async () => {
    for (const s of specials) {
      const issues = await issuesOf(() => runCheck({ files: SAMPLE_NB, allocation: s.path, encoding: 'auto', strict: false, json: false, include: [], exclude: [], cwd: ROOT }));
      expect(issues, s.label).toEqual([{ code: 'unreadable_file', file: s.path, message: `expected a CSV file or a workbook, got ${s.got}`, params: { kind: 'file', problem: 'not_regular', got: s.kind, expected: 'table' } }]);
    }
    // The same files as a regular allocation pass the reading stage (sanity: the refusal is about the path).
    expect(runCheck({ files: SAMPLE_NB, allocation: GOLDEN_ALLOCATION, encoding: 'auto', strict: false, json: false, include: [], exclude: [], cwd: ROOT }).exitCode).toBe(0);
  });
});
