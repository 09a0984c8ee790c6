/**
 * `run(argv, io)`: everything it needs from the process comes through `io`. Relative paths are taken from
 * `io.cwd` (never the test process's directory), text goes to `io.stdout`/`io.stderr` only, and the exit code
 * is returned, not set on the process.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT_CODE_HELP, run, type CliIO } from '../../src/cli/main.js';
import { ROOT, SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';
import { CASES } from '../golden/cases.js';

/** A working directory of its own, holding the nb sample under its plain names (kommune.csv, …). */
function sampleDir(): { cwd: string; files: string[] } {
  const cwd = tempDir('cohort-cwd-');
  for (const f of SAMPLE_NB) copyFileSync(f, join(cwd, basename(f)));
  return { cwd, files: SAMPLE_NB.map((f) => basename(f)) };
}

/** Output names none of these tests may leave in the test process's own directory. */
const NOT_IN_ROOT = ['cwd-out', 'cwd-report.html', 'cwd-template.csv', 'cwd-replaced'];

afterEach(() => {
  for (const name of NOT_IN_ROOT) expect(existsSync(join(ROOT, name)), name).toBe(false);
});

describe('relative paths are taken from io.cwd', () => {
  it('screen: candidates, --config and --out; messages and the summary keep the names as given', async () => {
    const { cwd, files } = sampleDir();
    writeFileSync(join(cwd, 'programme.json'), readFileSync(join(ROOT, 'data', 'programme.json')));
    expect(process.cwd()).not.toBe(cwd);
    const r = await cohort(['screen', ...files, '--config', 'programme.json', '--out', 'cwd-out', '--json'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'cwd-out'))).toEqual(['screening.csv']);
    const summary = JSON.parse(r.stdout) as { programme: { source: string }; inputs: Array<{ file: string }> };
    expect(summary.programme.source).toBe('programme.json');
    expect(summary.inputs.map((i) => i.file)).toEqual(files);
    const again = await cohort(['screen', ...files, '--out', 'cwd-out'], cwd);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('cwd-out/screening.csv already exists');
  });

  it('allocate, check, report and replace: --locks, --report, --allocation, --output', async () => {
    const { cwd, files } = sampleDir();
    copyFileSync(join(ROOT, 'fixtures', 'locks', 'sample-locks.csv'), join(cwd, 'locks.csv'));
    const allocated = await cohort(['allocate', ...files, '--out', 'cwd-out', '--locks', 'locks.csv', '--report', 'cwd-report.html'], cwd);
    expect(allocated.code, allocated.stderr).toBe(0);
    expect(allocated.stdout).toContain('Wrote cwd-out/allocation.csv, cwd-out/groups.csv and cwd-out/summary.json.\nWrote the report cwd-report.html.\n');
    expect(readdirSync(join(cwd, 'cwd-out')).sort()).toEqual(['allocation.csv', 'groups.csv', 'summary.json']);
    expect(existsSync(join(cwd, 'cwd-report.html'))).toBe(true);

    const checked = await cohort(['check', '--candidates', ...files, '--allocation', 'cwd-out/allocation.csv', '--locks', 'locks.csv'], cwd);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toContain('Checked cwd-out/allocation.csv ');

    mkdirSync(join(cwd, 'drawn'));
    const drawn = await cohort(['report', '--candidates', ...files, '--allocation', 'cwd-out/allocation.csv', '--output', 'drawn/report.html'], cwd);
    expect(drawn.code, drawn.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'drawn'))).toEqual(['report.html']);

    const leaving = readFileSync(join(cwd, 'cwd-out', 'allocation.csv'), 'utf8').split('\r\n').find((l) => l.includes(';tatt opp;'))?.split(';')[0];
    expect(leaving).toMatch(/^TLP-\d{4}$/);
    const replaced = await cohort(['replace', '--candidates', ...files, '--allocation', 'cwd-out/allocation.csv', '--withdraw', leaving ?? '', '--locks', 'locks.csv', '--out', 'cwd-replaced'], cwd);
    expect([0, 1]).toContain(replaced.code);
    expect(readdirSync(join(cwd, 'cwd-replaced')).sort()).toEqual(['allocation.csv', 'groups.csv', 'summary.json']);
  });

  it('template --out and rules --config', async () => {
    const cwd = tempDir('cohort-cwd-');
    const t = await cohort(['template', '--out', 'cwd-template.csv'], cwd);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^Wrote cwd-template\.csv \(/);
    expect(existsSync(join(cwd, 'cwd-template.csv'))).toBe(true);
    mkdirSync(join(cwd, 'dir.csv'));
    expect((await cohort(['template', '--out', 'dir.csv'], cwd)).stderr).toContain('got the directory "dir.csv"');

    writeFileSync(join(cwd, 'p.json'), readFileSync(join(ROOT, 'fixtures', 'programme-200.json')));
    const rules = await cohort(['rules', '--config', 'p.json', '--json'], cwd);
    expect(rules.code, rules.stderr).toBe(0);
    expect((JSON.parse(rules.stdout) as { source: string }).source).toBe('p.json');
    expect((await cohort(['rules', '--config', 'p.json'])).stderr).toContain('p.json: no such file');
  });
});

describe('the process is left alone', () => {
  it('writes only to io.stdout and io.stderr and never sets process.exitCode', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    const before = process.exitCode;
    try {
      const runs = [await cohort(['--help']), await cohort(['--version']), await cohort(['nonsense']), await cohort(['rules', '--config', 'no/such.json'])];
      expect(runs.map((r) => r.code)).toEqual([0, 0, 2, 3]);
      expect(out).not.toHaveBeenCalled();
      expect(err).not.toHaveBeenCalled();
      expect(process.exitCode).toBe(before);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });

  it('help ends with the exit-code table and is wrapped to io.stdout\'s terminal width, not the process\'s', async () => {
    const help = async (stdout: Partial<CliIO['stdout']>) => {
      const chunks: string[] = [];
      const code = await run(['allocate', '--help'], { stdout: { ...stdout, write: (t: string) => chunks.push(t) }, stderr: { write: () => true }, env: {}, cwd: ROOT });
      expect(code).toBe(0);
      return chunks.join('');
    };
    const pipe = await help({});
    expect(pipe.endsWith(`\n${EXIT_CODE_HELP}\n\n`)).toBe(true);
    expect(Math.max(...pipe.split('\n').filter((l) => l.startsWith('  -')).map((l) => l.length))).toBeLessThanOrEqual(80);
    const wide = await help({ isTTY: true, columns: 200 });
    expect(Math.max(...wide.split('\n').map((l) => l.length))).toBeGreaterThan(80);
    expect(await help({ isTTY: false, columns: 200 })).toBe(pipe);
  });

  it.each([['allocate', 'a.csv', '--out', 'o'], ['replace', '--candidates', 'a.csv', '-a', 'b.csv', '--withdraw', 'X', '--out', 'o']])(
    'a --time-limit that is not a positive number is a usage error that says so (%s)',
    async (...args) => {
      for (const bad of ['0', '-1', 'abc']) {
        const r = await cohort([...args, '--time-limit', bad]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`error: option '--time-limit <seconds>' argument '${bad}' is invalid. Expected a positive number of seconds, got "${bad}".\n`);
      }
      // Outside the solver timer's range (one place decides it: solver/policy.ts).
      for (const [bad, expected] of [
        ['0.0004', 'Expected at least 0.001 seconds'],
        ['2147484', 'Expected at most 2147483.647 seconds (about 24.8 days: the longest delay Node\'s timers hold)'],
      ] as const) {
        const r = await cohort([...args, '--time-limit', bad]);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`error: option '--time-limit <seconds>' argument '${bad}' is invalid. ${expected}, got "${bad}".\n`);
      }
    },
  );

  it.each(['0.001', '0.02', '0.2'])('allocate --time-limit %s: the allocation, or "no result within the time limit" with exit 5, never an internal error', async (limit) => {
    const out = join(tempDir(), 'out');
    const r = await cohort(['allocate', ...(CASES[0]?.files ?? []), '--out', out, '--time-limit', limit]);
    expect(r.stderr).not.toMatch(/internal error|this is a bug|\n\s+at /);
    if (r.code === 5) {
      expect(r.stderr).toMatch(new RegExp(`^cohort: no result within the time limit: no solver found (a selection|workshop groups|project teams) in ${limit} s per attempt; try --time-limit 20 \\(E_TIME_LIMIT\\)$`, 'm'));
      expect(existsSync(out)).toBe(false);
    } else {
      expect(r.code, r.stderr).toBe(0);
      // Every stage proven optimal: the committed allocation. A stage the limit cut short is labelled so instead
      // (its status and gap in summary.json), and then its answer may differ: that depends on the machine's load.
      const stages = (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { stages: Array<{ status: string; gap: number | null }> }).stages;
      if (stages.every((x) => x.status === 'optimal')) {
        expect(readFileSync(join(out, 'allocation.csv'))).toEqual(readFileSync(join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv')));
      } else {
        expect(stages.filter((x) => x.status !== 'optimal').every((x) => x.status === 'timed_out' || x.status === 'feasible')).toBe(true);
      }
    }
  });
});
