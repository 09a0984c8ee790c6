import type { ExitCode } from '../domain/errors.js';
import { escapeControls } from '../domain/escape.js';
import { CATALOGUE, warningText } from '../domain/i18n/index.js';
import type { Lang } from '../domain/text.js';
import type { Warning, WarningCode, WarningFacts } from '../domain/warnings.js';

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

/** A warning as a JSON document holds it (its params typed as the schema's record). */
interface SummaryWarning {
  code: WarningCode;
  params: object;
}

/**
 * A command's run-level warnings on stderr, each in `lang` from its code and facts, after the language's label
 * (`advarsel: …`, `warning: …`).
 */
export function runWarningLines(warnings: ReadonlyArray<WarningFacts | SummaryWarning>, lang: Lang): string {
  return warningLines(
    // A summary's warning was made by `warningsInLang` from a typed one: its code and params still belong together.
    warnings.map((w) => ({ message: warningText(w as WarningFacts, lang) })),
    CATALOGUE[lang].warning,
  );
}

/** Warnings as the JSON documents carry them: the code, the text in the run's language, the facts. */
export function warningsInLang(warnings: ReadonlyArray<WarningFacts>, lang: Lang): Warning[] {
  return warnings.map((w) => ({ code: w.code, message: warningText(w, lang), params: w.params }) as Warning);
}
