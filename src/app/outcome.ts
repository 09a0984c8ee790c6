import type { ExitCode } from '../domain/errors.js';
import { escapeControls } from '../domain/escape.js';

/** What a command hands back to the CLI: text to print and the exit code. Files are already written. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: ExitCode;
}

/** `warning: …` lines for stderr, each message escaped: a warning may quote a header, a cell or a file name. */
export function warningLines(warnings: ReadonlyArray<{ message: string }>): string {
  return warnings.map((w) => `warning: ${escapeControls(w.message)}\n`).join('');
}
