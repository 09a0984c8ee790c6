/**
 * The CLI: commander wiring only. Parses argv, calls the app layer (read → validate → compute → write),
 * prints, and chooses the exit code. `run` takes everything it needs from the process as an argument (the
 * streams, the environment, the working directory), so tests call it in-process; only `bin/cohort.js` touches
 * `process`.
 */
import { Command, CommanderError, InvalidArgumentError, Option, type OptionValues } from '@commander-js/extra-typings';
import { CohortError, ConfigError, EXIT, InputError, errorText, formatIssuesHeading, issueFormatter, formatMoreIssues } from '../domain/errors.js';
import { TOOL_VERSION } from '../domain/version.js';
import type { EncodingChoice } from '../domain/types.js';
import { escapeForTerminal } from '../domain/escape.js';
import type { CommandOutcome } from '../app/outcome.js';
import { DEFAULT_DEADLINE_MS, MAX_DEADLINE_MS, MIN_DEADLINE_MS, deadlineFromSeconds, type AllocateOptions } from '../app/pipeline.js';
import type { Lang } from '../domain/text.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import { HELP, placeholdersIn, translateCommanderError, type HelpText } from './help-text.js';
import { environmentLang, langArgument, LANGS } from './lang.js';

// Each command's module is loaded only when that command runs: `cohort --help` and a 40-seat allocate
// start measurably faster without the report renderer, the checker and replace (see npm run bench).
const app = {
  screen: () => import('../app/screen.js'),
  allocate: () => import('../app/allocate.js'),
  template: () => import('../app/template.js'),
  rules: () => import('../app/rules.js'),
  check: () => import('../app/check.js'),
  replace: () => import('../app/replace.js'),
  report: () => import('../app/report.js'),
  diff: () => import('../app/diff.js'),
  lists: () => import('../app/lists.js'),
};

/** A stream the CLI writes text to: `process.stdout`, or a test's collector. */
export interface TextOutput {
  write(text: string): unknown;
  /** Whether it is a terminal; commander then wraps help text to `columns`. */
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** What the CLI takes from its process; `bin/cohort.js` passes the real ones, tests their own. */
export interface CliIO {
  stdout: TextOutput;
  stderr: TextOutput;
  /** The environment (read for NO_COLOR, FORCE_COLOR and CLICOLOR_FORCE, as commander would read it). */
  env: Readonly<Record<string, string | undefined>>;
  /** Absolute working directory: relative paths in arguments and options are taken from it. */
  cwd: string;
  /**
   * The system's locale as `Intl` reports it (`nb-NO`), for the language when no `LC_ALL`, `LC_MESSAGES` or
   * `LANG` is set (see cli/lang.ts); undefined: English.
   */
  locale?: string | undefined;
  /**
   * `allocate`'s solver, handed in (tests that run one input several times share the answers to models already
   * solved; every stage asks for the canonical optimum, so the allocation is the same). Default: the solver
   * policy's, with `--time-limit`.
   */
  solve?: AllocateOptions['solve'];
}

/** The exit-code table every command's help ends with (English; `HELP[lang].exitCodes` for another language). */
export const EXIT_CODE_HELP = HELP.en.exitCodes;

const MAX_ISSUES_PRINTED = 200;

const DELIMITERS = [',', ';', 'tab'] as const;
const ENCODINGS = ['auto', 'utf8', 'cp1252', 'cp850'] as const satisfies readonly EncodingChoice[];
type Delimiter = (typeof DELIMITERS)[number];

/** The options every command that reads candidates and writes into a directory takes (screen, allocate, replace). */
function withInputOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>, h: HelpText) {
  return cmd
    .option('-c, --config <file>', h.common.config)
    .addOption(new Option('--delimiter <char>', h.common.delimiter).choices(DELIMITERS))
    .addOption(new Option('--encoding <name>', h.common.encoding).choices(ENCODINGS).default('auto'))
    .option('--sheet <name>', h.common.sheet)
    .option('--json', h.common.json)
    .option('-f, --force', h.common.force)
    .addOption(langOption(h));
}

/** `--lang`, on every command: without it, the environment's language (`io`'s locale). */
function langOption(h: HelpText) {
  return new Option('--lang <lang>', h.common.lang).choices(LANGS);
}

interface InputFlags {
  out?: string | undefined;
  config?: string | undefined;
  delimiter?: Delimiter | undefined;
  encoding: EncodingChoice;
  sheet?: string | undefined;
  json?: true | undefined;
  force?: true | undefined;
  lang?: Lang | undefined;
}

/** The help's words for `lang`, and commander's headings, usage line and option notes in them. */
function helpConfiguration(h: HelpText) {
  const titles: Readonly<Record<string, string>> = {
    'Usage:': h.words.usage,
    'Options:': h.words.options,
    'Arguments:': h.words.arguments,
    'Commands:': h.words.commands,
    'Global Options:': h.words.globalOptions,
  };
  return {
    styleTitle: (title: string) => titles[title] ?? title,
    styleUsage: (usage: string) => placeholdersIn(usage.replaceAll('[options]', h.words.options_).replaceAll('[command]', h.words.command_), h),
    styleOptionTerm: (term: string) => placeholdersIn(term, h),
    styleSubcommandTerm: (term: string) => placeholdersIn(term, h),
    // An argument's term is its bare name (`files`): named as its placeholder is (`<files...>` → `<filer...>`).
    styleArgumentTerm: (term: string) => (h.words.placeholders[`<${term}...>`] ?? h.words.placeholders[`<${term}>`] ?? term).replace(/^<(.*?)(\.\.\.)?>$/, '$1'),
    styleOptionDescription: (text: string) => text.replace(/\((choices: .*?)?(, )?(default: .*?)?\)$/, (all: string) => all.replace('choices: ', `${h.words.choices}: `).replace('default: ', `${h.words.default}: `)),
  };
}

/** A command's closing help: what it adds, its examples, and the exit-code table. */
function helpAfter(h: HelpText, examples: string, extra?: string): string {
  return `${extra === undefined ? '' : `\n${extra}\n`}\n${h.words.examples}\n${examples}\n\n${h.exitCodes}\n`;
}

/** The options `screen`, `allocate` and `replace` share, as the app layer takes them. */
function screenOpts(opts: InputFlags, cwd: string) {
  return {
    cwd,
    out: opts.out,
    config: opts.config,
    delimiter: delimiterChar(opts.delimiter),
    encoding: opts.encoding,
    sheet: opts.sheet,
    json: opts.json === true,
    force: opts.force === true,
    /** The files' language: --lang as given, else their headers' (app/outputs.ts `outputLang`). */
    langAsked: opts.lang,
  };
}

function delimiterChar(d: Delimiter | undefined): string | undefined {
  return d === 'tab' ? '\t' : d;
}

function buildProgram(io: CliIO, lang: Lang, setOutcome: (o: CommandOutcome) => void): Command {
  const h = HELP[lang];
  /** The language a command speaks: its `--lang`, else the one the help was chosen in (the environment's). */
  const langOf = (opts: { lang?: Lang | undefined }): Lang => opts.lang ?? lang;
  const program = new Command()
    .name('cohort')
    .description(h.program)
    .version(TOOL_VERSION, '-V, --version', h.words.version)
    .helpOption('-h, --help', h.words.help)
    .helpCommand('help [command]', h.words.helpCommand)
    // Set before the subcommands are added: they copy these settings when created.
    .exitOverride()
    .configureOutput(outputConfiguration(io, lang))
    .configureHelp(helpConfiguration(h))
    .showSuggestionAfterError(true)
    .addHelpText('after', `\n${h.exitCodes}\n`);

  withInputOptions(
    program
      .command('screen')
      .description(h.screen.description)
      .argument('<files...>', h.common.files)
      .requiredOption('-o, --out <dir>', h.screen.out),
    h,
  )
    .addHelpText('after', helpAfter(h, h.screen.examples))
    .action(async (files, opts) => {
      setOutcome(await (await app.screen()).runScreen({ files, ...screenOpts(opts, io.cwd), out: opts.out, lang: langOf(opts) }));
    });

  withInputOptions(
    program
      .command('allocate')
      .description(h.allocate.description)
      .argument('<files...>', h.common.files)
      .option('-o, --out <dir>', h.allocate.out),
    h,
  )
    .option('--seed <text>', h.allocate.seed)
    .option('--include <ids>', h.allocate.include, splitIds, [])
    .option('--exclude <ids>', h.allocate.exclude, splitIds, [])
    .option('--time-limit <seconds>', h.common.timeLimit(DEADLINE_LIMITS), parseTimeLimit(lang), DEFAULT_DEADLINE_MS / 1000)
    .option('--locks <file>', h.allocate.locks)
    .option('--report <file>', h.allocate.report)
    .option('--previous <file>', h.allocate.previous)
    .addOption(new Option('--dry-run', h.allocate.dryRun).conflicts(['report', 'force']))
    .addOption(new Option('--format <format>', h.allocate.format).choices(['csv', 'xlsx'] as const).default('csv'))
    .option('--verbose', h.allocate.verbose)
    .addHelpText('after', helpAfter(h, h.allocate.examples))
    .action(async (files, opts, command) => {
      if (opts.out === undefined && opts.dryRun !== true) {
        command.error(h.allocate.missingOut, { exitCode: EXIT.usage, code: 'commander.missingMandatoryOptionValue' });
      }
      setOutcome(
        await (await app.allocate()).runAllocate({
          format: opts.format,
          files,
          ...screenOpts(opts, io.cwd),
          dryRun: opts.dryRun === true,
          verbose: opts.verbose === true,
          previous: opts.previous,
          seed: opts.seed,
          include: opts.include,
          exclude: opts.exclude,
          deadlineMs: Math.round(opts.timeLimit * 1000),
          solve: io.solve,
          locks: opts.locks,
          report: opts.report,
          lang: langOf(opts),
        }),
      );
    });

  const ctx: Ctx = { io, lang, h, langOf, setOutcome };
  addTemplateAndRules(program, ctx);
  addCheck(program, ctx);
  addReplace(program, ctx);
  addReport(program, ctx);
  addDiff(program, ctx);
  addLists(program, ctx);
  return program;
}

/** What each command's wiring needs: the process, the help's words, the language rule and the outcome's sink. */
interface Ctx {
  io: CliIO;
  /** The language of help and usage errors (the environment's, or `--lang` when given). */
  lang: Lang;
  h: HelpText;
  langOf: (opts: { lang?: Lang | undefined }) => Lang;
  setOutcome: (o: CommandOutcome) => void;
}

const DEADLINE_LIMITS = { min: MIN_DEADLINE_MS / 1000, max: MAX_DEADLINE_MS / 1000 };

/** `cohort template` and `cohort rules`: neither reads candidates, so neither takes the common input options. */
function addTemplateAndRules(program: Command, { io, h, langOf, setOutcome }: Ctx): void {
  program
    .command('template')
    .description(h.template.description)
    .addOption(new Option('--lang <lang>', h.template.lang).choices(LANGS))
    .addOption(new Option('--delimiter <char>', h.template.delimiter).choices(DELIMITERS))
    .option('--example', h.template.example)
    .option('-o, --out <file>', h.template.out)
    .option('-f, --force', h.template.force)
    .addHelpText('after', helpAfter(h, h.template.examples, h.template.after))
    .action(async (opts) => {
      setOutcome(
        (await app.template()).runTemplate({
          cwd: io.cwd,
          lang: langOf(opts),
          delimiter: delimiterChar(opts.delimiter),
          example: opts.example === true,
          out: opts.out,
          force: opts.force === true,
        }),
      );
    });

  program
    .command('rules')
    .description(h.rules.description)
    .option('-c, --config <file>', h.common.config)
    .addOption(langOption(h))
    .option('--json', h.rules.json)
    .addHelpText('after', helpAfter(h, h.rules.examples))
    .action(async (opts) => {
      setOutcome((await app.rules()).runRules({ cwd: io.cwd, config: opts.config, lang: langOf(opts), json: opts.json === true }));
    });
}

/** `cohort check`: an allocation (possibly edited by hand) against every programme rule; writes nothing. */
function addCheck(program: Command, { io, h, langOf, setOutcome }: Ctx): void {
  program
    .command('check')
    .description(h.check.description)
    .requiredOption('--candidates <files...>', h.common.candidates)
    .requiredOption('-a, --allocation <file>', h.check.allocation)
    .option('-c, --config <file>', h.common.config)
    .addOption(new Option('--delimiter <char>', h.common.candidateDelimiter).choices(DELIMITERS))
    .addOption(new Option('--encoding <name>', h.common.candidateEncoding).choices(ENCODINGS).default('auto'))
    .option('--sheet <name>', h.common.sheet)
    .option('--strict', h.check.strict)
    .option('--include <ids>', h.check.include, splitIds, [])
    .option('--exclude <ids>', h.check.exclude, splitIds, [])
    .option('--locks <file>', h.check.locks)
    .option('--json', h.check.json)
    .addOption(langOption(h))
    .addHelpText('after', helpAfter(h, h.check.examples, h.check.after))
    .action(async (opts) => {
      setOutcome(
        (await app.check()).runCheck({
          cwd: io.cwd,
          files: opts.candidates,
          allocation: opts.allocation,
          config: opts.config,
          delimiter: delimiterChar(opts.delimiter),
          encoding: opts.encoding,
          sheet: opts.sheet,
          strict: opts.strict === true,
          json: opts.json === true,
          include: opts.include,
          exclude: opts.exclude,
          locks: opts.locks,
          lang: langOf(opts),
        }),
      );
    });
}

/** `cohort replace`: withdrawals and committee adds on an existing allocation, moving as few people as possible. */
function addReplace(program: Command, { io, lang, h, langOf, setOutcome }: Ctx): void {
  withInputOptions(
    program
      .command('replace')
      .description(h.replace.description)
      .requiredOption('--candidates <files...>', h.common.candidates)
      .requiredOption('-a, --allocation <file>', h.replace.allocation)
      .requiredOption('--withdraw <ids>', h.replace.withdraw, splitMoreIds)
      .option('--add <ids>', h.replace.add, splitMoreIds)
      .requiredOption('-o, --out <dir>', h.replace.out),
    h,
  )
    .option('--seed <text>', h.replace.seed)
    .option('--time-limit <seconds>', h.replace.timeLimit(DEADLINE_LIMITS), parseTimeLimit(lang), DEFAULT_DEADLINE_MS / 1000)
    .option('--locks <file>', h.replace.locks)
    .option('--report <file>', h.replace.report)
    .addHelpText('after', helpAfter(h, h.replace.examples, h.replace.after))
    .action(async (opts) => {
      setOutcome(
        await (await app.replace()).runReplace({
          ...screenOpts(opts, io.cwd),
          out: opts.out,
          files: opts.candidates,
          allocation: opts.allocation,
          withdraw: opts.withdraw,
          add: opts.add ?? [],
          seed: opts.seed,
          deadlineMs: Math.round(opts.timeLimit * 1000),
          locks: opts.locks,
          report: opts.report,
          lang: langOf(opts),
        }),
      );
    });
}

/** `cohort report`: the committee's HTML report of an existing (possibly hand-edited) allocation. */
function addReport(program: Command, { io, h, langOf, setOutcome }: Ctx): void {
  program
    .command('report')
    .description(h.report.description)
    .requiredOption('--candidates <files...>', h.common.candidates)
    .requiredOption('-a, --allocation <file>', h.report.allocation)
    .requiredOption('-o, --output <file>', h.report.output)
    .option('-c, --config <file>', h.common.config)
    .addOption(new Option('--delimiter <char>', h.common.candidateDelimiter).choices(DELIMITERS))
    .addOption(new Option('--encoding <name>', h.common.candidateEncoding).choices(ENCODINGS).default('auto'))
    .option('--sheet <name>', h.common.sheet)
    .option('--locks <file>', h.report.locks)
    .addOption(langOption(h))
    .option('-f, --force', h.report.force)
    .addHelpText('after', helpAfter(h, h.report.examples, h.report.after))
    .action(async (opts) => {
      setOutcome(
        (await app.report()).runReport({
          cwd: io.cwd,
          files: opts.candidates,
          allocation: opts.allocation,
          output: opts.output,
          config: opts.config,
          delimiter: delimiterChar(opts.delimiter),
          encoding: opts.encoding,
          sheet: opts.sheet,
          force: opts.force === true,
          locks: opts.locks,
          lang: langOf(opts),
        }),
      );
    });
}

/** `cohort diff OLD NEW`: what changed between two allocations. Exit codes as diff(1): 0 equal, 1 different, 2 trouble. */
function addDiff(program: Command, { io, h, langOf, setOutcome }: Ctx): void {
  program
    .command('diff')
    .description(h.diff.description)
    .argument('<old>', h.diff.old)
    .argument('<new>', h.diff.new)
    .addOption(new Option('--encoding <name>', h.diff.encoding).choices(['auto', 'utf8', 'cp1252'] as const).default('auto'))
    .option('--json', h.diff.json)
    .option('--report <file>', h.diff.report)
    .option('-f, --force', h.diff.force)
    .addOption(langOption(h))
    .addHelpText('after', `\n${h.diff.after}\n\n${h.words.examples}\n${h.diff.examples}\n`)
    .action(async (oldFile, newFile, opts) => {
      setOutcome(
        (await app.diff()).runDiff({
          cwd: io.cwd,
          old: oldFile,
          new: newFile,
          encoding: opts.encoding,
          json: opts.json === true,
          report: opts.report,
          force: opts.force === true,
          lang: langOf(opts),
        }),
      );
    });
}

/** `cohort lists`: each nominating body's admitted and reserves, and BI's admission list, as CSV files. */
function addLists(program: Command, { io, h, langOf, setOutcome }: Ctx): void {
  program
    .command('lists')
    .description(h.lists.description)
    .requiredOption('-a, --allocation <file>', h.lists.allocation)
    .requiredOption('-o, --out <dir>', h.lists.out)
    .addOption(new Option('--encoding <name>', h.lists.encoding).choices(['auto', 'utf8', 'cp1252'] as const).default('auto'))
    .addOption(new Option('--delimiter <char>', h.lists.delimiter).choices([',', ';', 'tab'] as const))
    .option('--seed <text>', h.lists.seed)
    .option('--date <yyyy-mm-dd>', h.lists.date)
    .option('-f, --force', h.lists.force)
    .addOption(langOption(h))
    .addOption(new Option('--format <format>', h.lists.format).choices(['csv', 'xlsx'] as const))
    .addHelpText('after', helpAfter(h, h.lists.examples))
    .action(async (opts) => {
      setOutcome(
        (await app.lists()).runLists({
          cwd: io.cwd,
          allocation: opts.allocation,
          out: opts.out,
          encoding: opts.encoding,
          delimiter: delimiterChar(opts.delimiter),
          seed: opts.seed,
          date: opts.date,
          force: opts.force === true,
          lang: langOf(opts),
          langAsked: opts.lang,
          format: opts.format,
        }),
      );
    });
}

function splitIds(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter((s) => s !== '')];
}

/** `splitIds` for a repeatable option without a default (commander passes undefined the first time). */
function splitMoreIds(value: string, previous: string[] | undefined): string[] {
  return splitIds(value, previous ?? []);
}

/** `--time-limit`: seconds within the range the solver policy accepts (`deadlineFromSeconds`). */
function parseTimeLimit(lang: Lang): (value: string) => number {
  return (value) => {
    const n = Number(value);
    const d = deadlineFromSeconds(n);
    // commander prints "error: option '--time-limit <seconds>' argument '0' is invalid. <this message>".
    if ('problem' in d) {
      throw new InvalidArgumentError(lang === 'en' ? `${d.problem[0]?.toUpperCase() ?? ''}${d.problem.slice(1)}, got "${value}".` : CATALOGUE[lang].commands.timeLimit(MIN_DEADLINE_MS / 1000, MAX_DEADLINE_MS / 1000));
    }
    return n;
  };
}

/**
 * commander's output through `io`: help width and colour from the given streams and environment, not the
 * process's. Help is wrapped to a terminal's width, else to 80 columns (commander's default).
 */
function outputConfiguration(io: CliIO, lang: Lang) {
  const width = (s: TextOutput) => (s.isTTY === true && s.columns !== undefined ? s.columns : 80);
  return {
    writeOut: (text: string) => void io.stdout.write(text),
    writeErr: (text: string) => void io.stderr.write(text),
    // An error quotes the argument as typed: no control character of it reaches the terminal raw (help keeps its colours).
    outputError: (text: string, write: (t: string) => void) => write(escapeForTerminal(translateCommanderError(text, lang))),
    getOutHelpWidth: () => width(io.stdout),
    getErrHelpWidth: () => width(io.stderr),
    getOutHasColors: () => useColor(io.env) ?? io.stdout.isTTY === true,
    getErrHasColors: () => useColor(io.env) ?? io.stderr.isTTY === true,
  };
}

/** The colour conventions commander follows (no-color.org, FORCE_COLOR, CLICOLOR_FORCE); undefined: ask the stream. */
function useColor(env: CliIO['env']): boolean | undefined {
  if ((env.NO_COLOR ?? '') !== '' || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if ((env.FORCE_COLOR ?? '') !== '' || env.CLICOLOR_FORCE !== undefined) return true;
  return undefined;
}

/**
 * Run the CLI on `argv` (the arguments after the program name, e.g. `['allocate', 'a.csv', '-o', 'out']`) and
 * return the exit code. Never throws and never exits: errors become a message on `io.stderr` and an exit code.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let outcome: CommandOutcome | undefined;
  const lang = langArgument(argv) ?? environmentLang(io.env, io.locale);
  const program = buildProgram(io, lang, (o) => {
    outcome = o;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    return reportError(err, io, lang);
  }
  if (outcome === undefined) {
    // No subcommand: show help on stderr, a usage error.
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  // The outcome may quote input (a header, a file name, an option value): nothing in it reaches the terminal raw.
  if (outcome.stdout !== '') io.stdout.write(escapeForTerminal(outcome.stdout));
  if (outcome.stderr !== '') io.stderr.write(escapeForTerminal(outcome.stderr));
  return outcome.exitCode;
}

/** The error's message on stderr and its exit code; an input or config error's problems in `lang`. */
function reportError(err: unknown, io: CliIO, lang: Lang): number {
  if (err instanceof CommanderError) {
    // commander already printed its message. Help asked for (or the version) is a success; help shown because
    // no command was given is a usage error.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return EXIT.usage;
  }
  if (err instanceof InputError || err instanceof ConfigError) {
    const issues = err.issues;
    const shown = issues.slice(0, MAX_ISSUES_PRINTED);
    const lines = shown.map((i) => `  ${issueFormatter(lang)(i)}`);
    if (issues.length > shown.length) lines.push(`  ${formatMoreIssues(issues.length - shown.length, lang)}`);
    io.stderr.write(`${formatIssuesHeading(err, lang)}\n${lines.join('\n')}\n`);
    return err.exitCode;
  }
  if (err instanceof CohortError && err.exitCode !== EXIT.internal) {
    // An output problem in the terminal's language where the catalogue words it; else the error's own message.
    io.stderr.write(`cohort: ${escapeForTerminal(errorText(err, lang))} (${err.code})\n`);
    return err.exitCode;
  }
  const stack = escapeForTerminal(err instanceof Error ? (err.stack ?? err.message) : String(err));
  const code = err instanceof CohortError ? ` (${err.code})` : '';
  io.stderr.write(`cohort: internal error${code}: this is a bug, nothing was written.\n${stack}\nPlease report it with the command you ran (not the candidate files) at the project's issue tracker.\n`);
  return EXIT.internal;
}
