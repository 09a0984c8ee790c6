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
import { CATALOGUE } from '../../src/domain/i18n/index.js';
import { answeredOnce } from '../allocate/answered-once.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'cohort.js');
export const SAMPLE_NB = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => join(ROOT, 'fixtures', 'sample', 'nb', `${f}.csv`));
export const SAMPLE_EN = SAMPLE_NB.map((f) => f.replace(`${join('sample', 'nb')}`, join('sample', 'en')));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `allocate`'s solver for every `cohort` run of a test file: a model solved once is not solved again (see
 * answered-once.ts; the same allocation, in less time). Runs with `--time-limit` get the policy's solver, so that
 * the limit is what they test.
 */
const SHARED_SOLVE = answeredOnce();

/** The CLI in-process, as a user would run it from `cwd` (default: the repository root) with NO_COLOR set. */
export async function cohort(args: readonly string[], cwd = ROOT): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(args, {
    stdout: { write: (text: string) => stdout.push(text) },
    stderr: { write: (text: string) => stderr.push(text) },
    env: { NO_COLOR: '1' },
    cwd,
    ...(args.includes('--time-limit') ? {} : { solve: SHARED_SOLVE }),
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

const NB_FILES = CATALOGUE.nb.files;
/** Norwegian output headers → the tool's names (`Søknadsnummer` in an output is the id as typed, `input_id`). */
const TOOL_HEADER: ReadonlyMap<string, string> = new Map([
  ...Object.entries(NB_FILES.candidateColumns).map(([k, v]): [string, string] => [v, k]),
  ...Object.entries(NB_FILES.columns).map(([k, v]): [string, string] => [v, k]),
]);
/** A bokmål output's header under the tool's name (`Status` → `status`); any other header as it is. */
export function toolHeader(header: string): string {
  return TOOL_HEADER.get(header) ?? header;
}

const TOOL_VALUE: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  status: new Map(Object.entries(NB_FILES.status).map(([k, v]) => [v, k])),
  kind: new Map(Object.entries(NB_FILES.kind).map(([k, v]) => [v, k])),
};

/**
 * Rows of a bokmål CSV output (read with `columns: true`) under the tool's names: the catalogue's Norwegian headers
 * and its status and group-kind words turned into `status` `selected`, `kind` `workshop_group`. For tests of what
 * was decided, not of the words: a header or value the catalogue does not have stays as written, so a test that
 * looks for the tool's name of a column the file misnames still fails. The words themselves are tested in
 * test/app/file-language.test.ts.
 */
export function toolNames<R extends Record<string, string | undefined>>(rows: readonly R[]): R[] {
  return rows.map((row) => {
    const out: Record<string, string | undefined> = {};
    for (const [h, v] of Object.entries(row)) {
      const key = TOOL_HEADER.get(h) ?? h;
      out[key] = v === undefined ? v : (TOOL_VALUE[key]?.get(v) ?? v);
    }
    return out as R;
  });
}
