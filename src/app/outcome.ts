import type { ExitCode } from '../domain/errors.js';
import { escapeControls } from '../domain/escape.js';

/** What a command hands back to the CLI: text to print and the exit code. Files are already written. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: ExitCode;
}

/**
 * `warning: …` lines for stderr, each message escaped: a warning may quote a header, a cell or a file name.
 * `label` is the word in front (default `warning`; a command that speaks Norwegian passes its own).
 */
export function warningLines(warnings: ReadonlyArray<{ message: string }>, label = 'warning'): string {
  return warnings.map((w) => `${label}: ${escapeControls(w.message)}\n`).join('');
}
