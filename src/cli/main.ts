/**
 * The CLI: commander wiring only. Parses argv, calls the app layer (read → validate → compute → write),
 * prints, and chooses the exit code. `run` takes everything it needs from the process as an argument (the
 * streams, the environment, the working directory), so tests call it in-process; only `bin/cohort.js` touches
 * `process`.
 */
import { Command, CommanderError, InvalidArgumentError, Option, type OptionValues } from '@commander-js/extra-typings';
import { CohortError, ConfigError, EXIT, InputError, formatIssue } from '../domain/errors.js';
import { TOOL_VERSION } from '../domain/version.js';
import type { EncodingChoice } from '../domain/types.js';
import { escapeForTerminal } from '../domain/escape.js';
import type { CommandOutcome } from '../app/outcome.js';
import { DEFAULT_DEADLINE_MS, MAX_DEADLINE_MS, MIN_DEADLINE_MS, deadlineFromSeconds } from '../app/pipeline.js';

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
}

export const EXIT_CODE_HELP = `Exit codes:
  0  success: the run worked and every programme rule is met
  1  the run worked and wrote its output, but a programme rule is not met
     (a quota seat unfilled, a gender rule the candidates cannot meet, a relaxed group rule)
  2  usage error (unknown option, missing argument)
  3  invalid input data or programme config; nothing was written
  4  internal error (a bug): please report it with the printed stack
  5  no result within the time limit: no solver found a solution within --time-limit;
     nothing was written (the message suggests a longer limit)`;

const MAX_ISSUES_PRINTED = 200;

const DELIMITERS = [',', ';', 'tab'] as const;
const ENCODINGS = ['auto', 'utf8', 'cp1252', 'cp850'] as const satisfies readonly EncodingChoice[];
type Delimiter = (typeof DELIMITERS)[number];

/** The options every command that reads candidates and writes into a directory takes (screen, allocate, replace). */
function withInputOptions<A extends unknown[], O extends OptionValues, G extends OptionValues>(cmd: Command<A, O, G>) {
  return cmd
    .option('-c, --config <file>', 'programme config JSON (default: the built-in programme)')
    .addOption(new Option('--delimiter <char>', 'CSV delimiter for input and output (default: detected from the header line)').choices(DELIMITERS))
    .addOption(new Option('--encoding <name>', 'input encoding').choices(ENCODINGS).default('auto'))
    .option('--sheet <name>', 'the sheet to read in .xlsx/.ods candidate files (default: the first visible sheet)')
    .option('--json', 'print the machine-readable summary as the only thing on stdout')
    .option('-f, --force', 'overwrite existing output files');
}

interface InputFlags {
  out?: string | undefined;
  config?: string | undefined;
  delimiter?: Delimiter | undefined;
  encoding: EncodingChoice;
  sheet?: string | undefined;
  json?: true | undefined;
  force?: true | undefined;
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
  };
}

function delimiterChar(d: Delimiter | undefined): string | undefined {
  return d === 'tab' ? '\t' : d;
}

function buildProgram(io: CliIO, setOutcome: (o: CommandOutcome) => void): Command {
  const program = new Command()
    .name('cohort')
    .description('Admissions for the national top-leader programme for municipal and specialist health services:\nread candidate spreadsheets, screen eligibility, select the cohort, form workshop groups and project teams.')
    .version(TOOL_VERSION, '-V, --version')
    // Set before the subcommands are added: they copy these settings when created.
    .exitOverride()
    .configureOutput(outputConfiguration(io))
    .showSuggestionAfterError(true)
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`);

  withInputOptions(
    program
      .command('screen')
      .description('read candidate CSVs and screen eligibility; writes screening.csv')
      .argument('<files...>', 'candidate CSV files (e.g. one from KS and one per RHF)')
      .requiredOption('-o, --out <dir>', 'output directory'),
  )
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`)
    .action(async (files, opts) => {
      setOutcome(await (await app.screen()).runScreen({ files, ...screenOpts(opts, io.cwd), out: opts.out }));
    });

  withInputOptions(
    program
      .command('allocate')
      .description('screen, select the cohort, form workshop groups and project teams; writes allocation.csv, groups.csv, summary.json')
      .argument('<files...>', 'candidate CSV files (e.g. one from KS and one per RHF)')
      .option('-o, --out <dir>', 'output directory (required unless --dry-run)'),
  )
    .option('--seed <text>', 'lottery seed for ties (default: the programme config\'s seed; recorded in summary.json)')
    .option('--include <ids>', 'comma-separated candidate ids the committee forces in', splitIds, [])
    .option('--exclude <ids>', 'comma-separated candidate ids the committee forces out', splitIds, [])
    .option('--time-limit <seconds>', `hard deadline per solver attempt, in seconds (${MIN_DEADLINE_MS / 1000} to ${MAX_DEADLINE_MS / 1000})`, parseTimeLimit, DEFAULT_DEADLINE_MS / 1000)
    .option('--locks <file>', 'the committee\'s decisions as CSV: columns rule,id,other; rules include, exclude, group (other = group number), apart, together (other = an id)')
    .option('--report <file>', 'also write a self-contained HTML report for the committee, e.g. OUT/report.html (checked, like the other files, before anything is written)')
    .option('--previous <file>', 'an earlier allocation (.csv or .xlsx) of the same programme year: print (and record in summary.json) what changed since')
    .addOption(new Option('--dry-run', 'compute and print the summary (and the changes since --previous), write nothing').conflicts(['report', 'force']))
    .addOption(new Option('--lang <lang>', 'language of the --report file, of the xlsx workbook\'s sheets and of the changes since --previous').choices(['nb', 'en'] as const).default('nb'))
    .addOption(new Option('--format <format>', 'csv: allocation.csv, groups.csv, summary.json; xlsx: allocation.xlsx (overview, allocation, admitted, reserves, not eligible, over the cap, groups, teams, one sheet per nominating body) and summary.json; an --out name ending in .xlsx writes only that workbook').choices(['csv', 'xlsx'] as const).default('csv'))
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`)
    .action(async (files, opts, command) => {
      if (opts.out === undefined && opts.dryRun !== true) {
        command.error("error: required option '-o, --out <dir>' not specified (or --dry-run to write nothing)", { exitCode: EXIT.usage, code: 'commander.missingMandatoryOptionValue' });
      }
      setOutcome(
        await (await app.allocate()).runAllocate({
          format: opts.format,
          files,
          ...screenOpts(opts, io.cwd),
          dryRun: opts.dryRun === true,
          previous: opts.previous,
          seed: opts.seed,
          include: opts.include,
          exclude: opts.exclude,
          deadlineMs: Math.round(opts.timeLimit * 1000),
          locks: opts.locks,
          report: opts.report,
          lang: opts.lang,
        }),
      );
    });

  addTemplateAndRules(program, io, setOutcome);
  addCheck(program, io, setOutcome);
  addReplace(program, io, setOutcome);
  addReport(program, io, setOutcome);
  addDiff(program, io, setOutcome);
  addLists(program, io, setOutcome);
  return program;
}

/** `cohort template` and `cohort rules`: neither reads candidates, so neither takes the common input options. */
function addTemplateAndRules(program: Command, io: CliIO, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('template')
    .description('print an empty candidates CSV with every recognised column, for setting up the form')
    .addOption(new Option('--lang <lang>', 'header language and value forms: nb (Norwegian labels, 31.12.1980, 4,5, Ja) or en (canonical names, 1980-12-31, 4.5, yes)').choices(['nb', 'en'] as const).default('nb'))
    .addOption(new Option('--delimiter <char>', 'CSV delimiter (default: ; for nb, as Norwegian Excel expects; , for en)').choices(DELIMITERS))
    .option('--example', 'add one example row per sector with fake data (ids EKSEMPEL-1, EKSEMPEL-2 / EXAMPLE-1, EXAMPLE-2)')
    .option('-o, --out <file>', 'write the template to this file, UTF-8 with a BOM for Excel (default: print to stdout, no BOM)')
    .option('-f, --force', 'overwrite the --out file if it exists')
    .addHelpText('after', `\nA header-only template is a valid candidates file: cohort screen reads it as 0 candidates.\n\n${EXIT_CODE_HELP}\n`)
    .action(async (opts) => {
      setOutcome(
        (await app.template()).runTemplate({
          cwd: io.cwd,
          lang: opts.lang,
          delimiter: delimiterChar(opts.delimiter),
          example: opts.example === true,
          out: opts.out,
          force: opts.force === true,
        }),
      );
    });

  program
    .command('rules')
    .description('print the active programme rules in words (seats, eligibility, gender rules, groups, teams, seed)')
    .option('-c, --config <file>', 'programme config JSON (default: the built-in programme)')
    .addOption(new Option('--lang <lang>', 'language of the text: en or nb').choices(['en', 'nb'] as const).default('en'))
    .option('--json', 'print { schemaVersion, command, source, sha256, programme } as the only thing on stdout')
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`)
    .action(async (opts) => {
      setOutcome((await app.rules()).runRules({ cwd: io.cwd, config: opts.config, lang: opts.lang, json: opts.json === true }));
    });
}

/** `cohort check`: an allocation (possibly edited by hand) against every programme rule; writes nothing. */
function addCheck(program: Command, io: CliIO, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('check')
    .description('check an allocation.csv (possibly edited by hand and re-saved by Excel) against every programme rule; writes nothing')
    .requiredOption('--candidates <files...>', 'the candidate CSV files the allocation was made from')
    .requiredOption('-a, --allocation <file>', 'the allocation.csv to check (its delimiter and encoding are detected)')
    .option('-c, --config <file>', 'programme config JSON (default: the built-in programme)')
    .addOption(new Option('--delimiter <char>', 'CSV delimiter of the candidate files (default: detected from the header line)').choices(DELIMITERS))
    .addOption(new Option('--encoding <name>', 'encoding of the candidate files').choices(ENCODINGS).default('auto'))
    .option('--sheet <name>', 'the sheet to read in .xlsx/.ods candidate files (default: the first visible sheet)')
    .option('--strict', 'treat justified envy (a better-ranked candidate passed over) as an error, not a warning')
    .option('--include <ids>', 'comma-separated candidate ids the committee forced in (as given to allocate)', splitIds, [])
    .option('--exclude <ids>', 'comma-separated candidate ids the committee forced out (rows with status excluded count too)', splitIds, [])
    .option('--locks <file>', 'the committee\'s decisions file, as given to allocate --locks (group locks are checked too)')
    .option('--json', 'print the check report as one JSON document, the only thing on stdout')
    .addHelpText('after', `\nExit code 0: every rule is met; 1: a rule is not met (each finding is printed); 3: unreadable files, ids that\nare not candidates, candidates without a row in the allocation.\n\n${EXIT_CODE_HELP}\n`)
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
        }),
      );
    });
}

/** `cohort replace`: withdrawals and committee adds on an existing allocation, moving as few people as possible. */
function addReplace(program: Command, io: CliIO, setOutcome: (o: CommandOutcome) => void): void {
  withInputOptions(
    program
      .command('replace')
      .description('withdraw participants or reserves from an allocation.csv and fill their seats from the reserves, moving as few people as possible; writes allocation.csv, groups.csv, summary.json')
      .requiredOption('--candidates <files...>', 'the candidate CSV files the allocation was made from')
      .requiredOption('-a, --allocation <file>', 'the current allocation.csv (as allocate or replace wrote it; its delimiter and encoding are detected)')
      .requiredOption('--withdraw <ids>', 'comma-separated ids of participants or reserves who withdraw', splitMoreIds)
      .option('--add <ids>', 'comma-separated ids of reserves the committee brings in; each takes a seat freed in its own quota cell', splitMoreIds)
      .requiredOption('-o, --out <dir>', 'output directory'),
  )
    .option('--seed <text>', 'lottery seed for reserves without a rank and for re-forming groups (default: the programme config\'s seed)')
    .option('--time-limit <seconds>', `hard deadline per solver attempt, in seconds (${MIN_DEADLINE_MS / 1000} to ${MAX_DEADLINE_MS / 1000}; used only if groups and teams must be re-formed)`, parseTimeLimit, DEFAULT_DEADLINE_MS / 1000)
    .option('--locks <file>', 'the committee\'s decisions file, as given to allocate --locks: group and team locks are held')
    .option('--report <file>', 'also write a self-contained HTML report of the new allocation, e.g. OUT/report.html')
    .addOption(new Option('--lang <lang>', 'language of the --report file').choices(['nb', 'en'] as const).default('nb'))
    .addHelpText(
      'after',
      `\nEach withdrawn participant's seat goes to the next reserve of the same quota cell (or to a reserve of the needed\ngender when the next one would break a gender rule the allocation met), in the same workshop group and project\nteam when the rules allow; otherwise as few participants as possible change group, then team. Withdrawn rows stay\nin allocation.csv with status "withdrawn". Exit code 1 when a seat stays empty or a rule cannot be kept.\n\n${EXIT_CODE_HELP}\n`,
    )
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
          lang: opts.lang,
        }),
      );
    });
}

/** `cohort report`: the committee's HTML report of an existing (possibly hand-edited) allocation. */
function addReport(program: Command, io: CliIO, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('report')
    .description('draw the self-contained HTML report (as allocate --report writes it) from an existing allocation.csv, possibly edited by hand')
    .requiredOption('--candidates <files...>', 'the candidate CSV files the allocation was made from')
    .requiredOption('-a, --allocation <file>', 'the allocation.csv to draw (its delimiter and encoding are detected)')
    .requiredOption('-o, --output <file>', 'the HTML report to write, e.g. report.html')
    .option('-c, --config <file>', 'programme config JSON (default: the built-in programme)')
    .addOption(new Option('--delimiter <char>', 'CSV delimiter of the candidate files (default: detected from the header line)').choices(DELIMITERS))
    .addOption(new Option('--encoding <name>', 'encoding of the candidate files').choices(ENCODINGS).default('auto'))
    .option('--sheet <name>', 'the sheet to read in .xlsx/.ods candidate files (default: the first visible sheet)')
    .option('--locks <file>', 'the committee\'s decisions file, as given to allocate --locks (checked as by cohort check --locks)')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['nb', 'en'] as const).default('nb'))
    .option('-f, --force', 'overwrite an existing report file')
    .addHelpText('after', `\nThe rules are judged as cohort check judges them. Exit code 0: every rule is met; 1: a rule is not met (the\nreport is written and shows it); 3: unreadable files, ids that are not candidates, an existing report without --force.\n\n${EXIT_CODE_HELP}\n`)
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
          lang: opts.lang,
        }),
      );
    });
}

/** `cohort diff OLD NEW`: what changed between two allocations. Exit codes as diff(1): 0 equal, 1 different, 2 trouble. */
function addDiff(program: Command, io: CliIO, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('diff')
    .description('compare two allocation.csv files of the same programme year: who came in, who went out and why, who changed group or team, each body\'s seats and gender balance; writes nothing unless --report')
    .argument('<old>', 'the earlier allocation (.csv or .xlsx; e.g. the draft sent out)')
    .argument('<new>', 'the later allocation (.csv or .xlsx)')
    .addOption(new Option('--encoding <name>', 'encoding of both files').choices(['auto', 'utf8', 'cp1252'] as const).default('auto'))
    .option('--json', 'print the changes as one JSON document, the only thing on stdout')
    .option('--report <file>', 'also write the changes as a self-contained HTML page, e.g. diff.html')
    .option('-f, --force', 'overwrite an existing --report file')
    .addOption(new Option('--lang <lang>', 'language of the text and the page').choices(['nb', 'en'] as const).default('nb'))
    .addHelpText('after', '\nExit code 0: the allocations are equal; 1: they differ; 2: bad input (an unreadable file, two allocations of\ndifferent programmes or years, an existing --report without --force; nothing is written); 4: internal error.\n')
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
          lang: opts.lang,
        }),
      );
    });
}

/** `cohort lists`: each nominating body's admitted and reserves, and BI's admission list, as CSV files. */
function addLists(program: Command, io: CliIO, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('lists')
    .description('write the lists after the meeting: for KS and each RHF its admitted and reserves with rank and contact, for BI the admission list; CSV, each row with the run\'s date and seed')
    .requiredOption('-a, --allocation <file>', 'the allocation.csv or allocation.xlsx (as allocate or replace wrote it, or edited by hand; its dialect is detected)')
    .requiredOption('-o, --out <dir>', 'output directory for ks.csv, helse-sor-ost.csv, …, bi.csv (or lists.xlsx)')
    .addOption(new Option('--encoding <name>', 'encoding of the allocation').choices(['auto', 'utf8', 'cp1252'] as const).default('auto'))
    .addOption(new Option('--delimiter <char>', 'CSV delimiter of the lists (default: the allocation\'s)').choices([',', ';', 'tab'] as const))
    .option('--seed <text>', 'the run\'s seed (default: from the summary.json beside the allocation)')
    .option('--date <yyyy-mm-dd>', 'the run\'s date (default: the allocation file\'s modification date)')
    .option('-f, --force', 'overwrite existing lists')
    .addOption(new Option('--lang <lang>', 'language of the headers and words').choices(['nb', 'en'] as const).default('nb'))
    .addOption(new Option('--format <format>', 'csv: one file per body and bi.csv; xlsx: one workbook lists.xlsx, a sheet per body and one for BI (default: xlsx when the allocation is a workbook, else csv)').choices(['csv', 'xlsx'] as const))
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`)
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
          lang: opts.lang,
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
function parseTimeLimit(value: string): number {
  const n = Number(value);
  const d = deadlineFromSeconds(n);
  // commander prints "error: option '--time-limit <seconds>' argument '0' is invalid. <this message>".
  if ('problem' in d) throw new InvalidArgumentError(`${d.problem[0]?.toUpperCase() ?? ''}${d.problem.slice(1)}, got "${value}".`);
  return n;
}

/**
 * commander's output through `io`: help width and colour from the given streams and environment, not the
 * process's. Help is wrapped to a terminal's width, else to 80 columns (commander's default).
 */
function outputConfiguration(io: CliIO) {
  const width = (s: TextOutput) => (s.isTTY === true && s.columns !== undefined ? s.columns : 80);
  return {
    writeOut: (text: string) => void io.stdout.write(text),
    writeErr: (text: string) => void io.stderr.write(text),
    // An error quotes the argument as typed: no control character of it reaches the terminal raw (help keeps its colours).
    outputError: (text: string, write: (t: string) => void) => write(escapeForTerminal(text)),
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
  const program = buildProgram(io, (o) => {
    outcome = o;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    return reportError(err, io);
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

function reportError(err: unknown, io: CliIO): number {
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
    const lines = shown.map((i) => `  ${formatIssue(i)}`);
    if (issues.length > shown.length) lines.push(`  … and ${issues.length - shown.length} more`);
    io.stderr.write(`cohort: ${err.message} (${err.code}); nothing was written:\n${lines.join('\n')}\n`);
    return err.exitCode;
  }
  if (err instanceof CohortError && err.exitCode !== EXIT.internal) {
    io.stderr.write(`cohort: ${err.message} (${err.code})\n`);
    return err.exitCode;
  }
  const stack = escapeForTerminal(err instanceof Error ? (err.stack ?? err.message) : String(err));
  const code = err instanceof CohortError ? ` (${err.code})` : '';
  io.stderr.write(`cohort: internal error${code}: this is a bug, nothing was written.\n${stack}\nPlease report it with the command you ran (not the candidate files) at the project's issue tracker.\n`);
  return EXIT.internal;
}
