/** Helpers for the fault-injection tests: the English sample copied into a temp dir, and catching located errors in-process. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { ConfigError, InputError, OutputError, type InputIssue } from '../../src/domain/errors.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLE_NAMES = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'] as const;
export const SAMPLE_EN = SAMPLE_NAMES.map((f) => join(ROOT, 'fixtures', 'sample', 'en', `${f}.csv`));

export function tempDir(prefix = 'cohort-robust-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The English sample written into `dir`, each file's text passed through `edit` first. */
export function copySample(dir: string, edit: (name: string, text: string) => string = (_n, t) => t): string[] {
  return SAMPLE_NAMES.map((name, i) => {
    const path = join(dir, `${name}.csv`);
    writeFileSync(path, edit(name, readFileSync(SAMPLE_EN[i] as string, 'utf8')));
    return path;
  });
}

/** The issues of the InputError or ConfigError `run` throws (sync or async); fails when it throws nothing else. */
export async function issuesOf(run: () => unknown): Promise<InputIssue[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError || e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  throw new Error('expected an InputError or ConfigError, the run succeeded');
}

/** The OutputError `run` throws. */
export async function outputErrorOf(run: () => unknown): Promise<OutputError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof OutputError) return e;
    throw e;
  }
  throw new Error('expected an OutputError, the run succeeded');
}

/**
 * A control or invisible character that would reach a terminal raw: any C0/C1 control or DEL except a line feed,
 * tab or the CR of a CRLF, a format character (zero-width, bidi), a line or paragraph separator.
 */
const RAW_CONTROL = /\r(?!\n)|[^\n\r\t\P{Cc}]|[\p{Cf}\u2028\u2029]/u;

export function expectPrintable(text: string): void {
  const m = RAW_CONTROL.exec(text);
  expect(m === null ? null : { char: `U+${(m[0].codePointAt(0) ?? 0).toString(16)}`, at: text.slice(Math.max(0, m.index - 40), m.index + 40) }).toBeNull();
}

/** Options every in-process allocate/screen run takes. */
export const BASE = { config: undefined, delimiter: undefined, encoding: 'auto' as const, json: false, force: false, cwd: ROOT };
