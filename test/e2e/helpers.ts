/** Run the built binary as a user would: a child process, NO_COLOR, no stdin. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'cohort.js');
export const SAMPLE_NB = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`));
export const SAMPLE_EN = SAMPLE_NB.map((f) => f.replace(`${join('sample', 'nb')}`, join('sample', 'en')));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cohort(args: readonly string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'cohort-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
