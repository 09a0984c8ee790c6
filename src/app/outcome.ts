import type { ExitCode } from '../domain/errors.js';

/** What a command hands back to the CLI: text to print and the exit code. Files are already written. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: ExitCode;
}
