/**
 * Running the CLI in tests. `cohort` calls `run` in-process with its own streams, environment and working
 * directory: the same commander wiring, app code and exit codes as the binary, without starting a process.
 * `cohortBin` spawns the built binary; only the smoke tests (test/e2e/bin.test.ts) use it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli/main.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'cohort.js');
export const SAMPLE_NB = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`));
export const SAMPLE_EN = SAMPLE_NB.map((f) => f.replace(`${join('sample', 'nb')}`, join('sample', 'en')));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI in-process, as a user would run it from `cwd` (default: the repository root) with NO_COLOR set. */
export async function cohort(args: readonly string[], cwd = ROOT): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(args, {
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    // A Norwegian coordinator's machine: the language follows LANG (as it would in a terminal there).
    env: { NO_COLOR: '1', LANG: 'nb_NO.UTF-8' },
    cwd,
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** The built binary as a child process (NO_COLOR, no stdin). For the few smoke tests of the real process. */
export function cohortBin(args: readonly string[], cwd = ROOT): Run {
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
