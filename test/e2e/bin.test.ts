/**
 * Smoke tests of the real process: `bin/cohort.js` over the built `dist/`. Everything else calls `run` in-process
 * (test/e2e/helpers.ts); these check only what a process adds: the exit code as the shell sees it, the real
 * streams and working directory, a closed pipe and an interrupt. Keep this file small: each test starts node.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODE_HELP } from '../../src/cli/main.js';
import { TOOL_VERSION } from '../../src/domain/version.js';
import { BIN, ROOT, cohortBin, tempDir } from './helpers.js';

describe('bin/cohort.js (the built binary)', () => {
  it('--help: exit 0, the usage and the exit-code table on stdout, nothing on stderr', () => {
    const r = cohortBin(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cohort \[options\] \[command\]\n/);
    expect(r.stdout.endsWith(`${EXIT_CODE_HELP}\n\n`)).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('--version: exit 0 and the version alone', () => {
    expect(cohortBin(['--version'])).toEqual({ code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' });
  });

  it('usage errors exit 2 with the message on stderr: no command, an unknown option', () => {
    const none = cohortBin([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^Usage: cohort /);
    const unknown = cohortBin(['screen', 'a.csv', '--out', tempDir(), '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error: unknown option '--bogus'\n");
  });

  it('invalid input exits 3, from the shell\'s working directory, and writes nothing', () => {
    const out = join(tempDir(), 'out');
    const r = cohortBin(['screen', 'no-such.csv', '--out', out], join(ROOT, 'fixtures'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^cohort: .*\(E_INPUT\); nothing was written:\n {2}no-such\.csv: no such file\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('allocates the bundled sample: exit 0, and summary.json is the golden one byte for byte', () => {
    const out = tempDir();
    const files = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => `fixtures/sample/nb/${f}.csv`);
    const r = cohortBin(['allocate', ...files, '--out', out, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Every programme rule is met.');
    expect(readdirSync(out).sort()).toEqual(['allocation.csv', 'groups.csv', 'summary.json']);
    expect(readFileSync(join(out, 'summary.json')).equals(readFileSync(join(ROOT, 'fixtures', 'golden', 'sample-nb', 'summary.json')))).toBe(true);
  });

  it('a reader that closes the pipe early (cohort --help | true) is not an error: exit 0, nothing on stderr', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --help | true; echo "exit \${PIPESTATUS[0]}" >&2`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('exit 0\n');
  });

  it('SIGINT during a run ends the process by that signal, and nothing is written', async () => {
    const out = join(tempDir(), 'out');
    // The 200-seat programme takes seconds of solver time, so the signal arrives mid-run.
    const child = spawn(process.execPath, [BIN, 'allocate', 'fixtures/golden/programme-200/input/candidates.csv', '--config', 'fixtures/programme-200.json', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGINT');
    expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
