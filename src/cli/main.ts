/**
 * The CLI: commander wiring only. Parses argv, calls the app layer (read → validate → compute → write),
 * prints, and chooses the exit code. Nothing else in the project touches process or console.
 */
import { Command, CommanderError, Option } from 'commander';
import { CohortError, ConfigError, EXIT, InputError, formatIssue } from '../domain/errors.js';
import { TOOL_VERSION } from '../domain/version.js';
import type { CommandOutcome } from '../app/outcome.js';
import { DEFAULT_DEADLINE_MS } from '../solver/policy.js';

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

/** Where the CLI writes; injectable so tests run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export const EXIT_CODE_HELP = `Exit codes:
  0  success: the run worked and every programme rule is met
  1  the run worked and wrote its output, but a programme rule is not met
     (a quota seat unfilled, a gender rule the candidates cannot meet, a relaxed group rule)
  2  usage error (unknown option, missing argument)
  3  invalid input data or programme config; nothing was written
  4  internal error (a bug): please report it with the printed stack`;

const MAX_ISSUES_PRINTED = 200;

function commonInputOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'programme config JSON (default: the built-in programme)')
    .addOption(new Option('--delimiter <char>', 'CSV delimiter for input and output (default: detected from the header line)').choices([',', ';', 'tab']))
    .addOption(new Option('--encoding <name>', 'input encoding').choices(['auto', 'utf8', 'cp1252', 'cp850']).default('auto'))
    .option('--sheet <name>', 'the sheet to read in .xlsx/.ods candidate files (default: the first visible sheet)')
    .option('--json', 'print the machine-readable summary as the only thing on stdout')
    .option('-f, --force', 'overwrite existing output files');
}

export function buildProgram(io: CliIO, setOutcome: (o: CommandOutcome) => void): Command {
  const program = new Command();
  program
    .name('cohort')
    .description('Admissions for the national top-leader programme for municipal and specialist health services:\nread candidate spreadsheets, screen eligibility, select the cohort, form workshop groups and project teams.')
    .version(TOOL_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`);

  commonInputOptions(
    program
      .command('screen')
      .description('read candidate CSVs and screen eligibility; writes screening.csv')
      .argument('<files...>', 'candidate CSV files (e.g. one from KS and one per RHF)')
      .requiredOption('-o, --out <dir>', 'output directory'),
  )
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`)
    .action(async (files: string[], opts: Record<string, unknown>) => {
      setOutcome(await (await app.screen()).runScreen({ files, ...screenOpts(opts) }));
    });

  commonInputOptions(
    program
      .command('allocate')
      .description('screen, select the cohort, form workshop groups and project teams; writes allocation.csv, groups.csv, summary.json')
      .argument('<files...>', 'candidate CSV files (e.g. one from KS and one per RHF)')
      .option('-o, --out <dir>', 'output directory (required unless --dry-run)'),
  )
    .option('--seed <text>', 'lottery seed for ties (default: the programme config\'s seed; recorded in summary.json)')
    .option('--include <ids>', 'comma-separated candidate ids the committee forces in', splitIds, [] as string[])
    .option('--exclude <ids>', 'comma-separated candidate ids the committee forces out', splitIds, [] as string[])
    .option('--time-limit <seconds>', 'hard deadline per solver attempt, in seconds', parsePositive, DEFAULT_DEADLINE_MS / 1000)
    .option('--locks <file>', 'the committee\'s decisions as CSV: columns rule,id,other; rules include, exclude, group (other = group number), apart, together (other = an id)')
    .option('--report <file>', 'also write a self-contained HTML report for the committee, e.g. OUT/report.html (checked, like the other files, before anything is written)')
    .option('--previous <file>', 'an earlier allocation (.csv or .xlsx) of the same programme year: print (and record in summary.json) what changed since')
    .addOption(new Option('--dry-run', 'compute and print the summary (and the changes since --previous), write nothing').conflicts(['report', 'force']))
    .addOption(new Option('--lang <lang>', 'language of the --report file, of the xlsx workbook\'s sheets and of the changes since --previous').choices(['nb', 'en']).default('nb'))
    .addOption(new Option('--format <format>', 'csv: allocation.csv, groups.csv, summary.json; xlsx: allocation.xlsx (overview, allocation, admitted, reserves, not eligible, over the cap, groups, teams, one sheet per nominating body) and summary.json; an --out name ending in .xlsx writes only that workbook').choices(['csv', 'xlsx']).default('csv'))
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`)
    .action(async (files: string[], opts: Record<string, unknown>, command: Command) => {
      if (opts.out === undefined && opts.dryRun !== true) {
        command.error("error: required option '-o, --out <dir>' not specified (or --dry-run to write nothing)", { exitCode: EXIT.usage, code: 'commander.missingMandatoryOptionValue' });
      }
      setOutcome(
        await (await app.allocate()).runAllocate({
          format: opts.format === 'xlsx' ? 'xlsx' : 'csv',
          files,
          ...screenOpts(opts),
          dryRun: opts.dryRun === true,
          previous: typeof opts.previous === 'string' ? opts.previous : undefined,
          seed: typeof opts.seed === 'string' ? opts.seed : undefined,
          include: (opts.include as string[] | undefined) ?? [],
          exclude: (opts.exclude as string[] | undefined) ?? [],
          deadlineMs: typeof opts.timeLimit === 'number' ? Math.round(opts.timeLimit * 1000) : undefined,
          locks: typeof opts.locks === 'string' ? opts.locks : undefined,
          report: typeof opts.report === 'string' ? opts.report : undefined,
          lang: opts.lang === 'en' ? 'en' : 'nb',
        }),
      );
    });

  addTemplateAndRules(program, setOutcome);
  addCheck(program, setOutcome);
  addReplace(program, setOutcome);
  addReport(program, setOutcome);
  addDiff(program, setOutcome);
  addLists(program, setOutcome);
  return program;
}

/** `cohort template` and `cohort rules`: neither reads candidates, so neither takes the common input options. */
function addTemplateAndRules(program: Command, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('template')
    .description('print an empty candidates CSV with every recognised column, for setting up the form')
    .addOption(new Option('--lang <lang>', 'header language and value forms: nb (Norwegian labels, 31.12.1980, 4,5, Ja) or en (canonical names, 1980-12-31, 4.5, yes)').choices(['nb', 'en']).default('nb'))
    .addOption(new Option('--delimiter <char>', 'CSV delimiter (default: ; for nb, as Norwegian Excel expects; , for en)').choices([',', ';', 'tab']))
    .option('--example', 'add one example row per sector with fake data (ids EKSEMPEL-1, EKSEMPEL-2 / EXAMPLE-1, EXAMPLE-2)')
    .option('-o, --out <file>', 'write the template to this file, UTF-8 with a BOM for Excel (default: print to stdout, no BOM)')
    .option('-f, --force', 'overwrite the --out file if it exists')
    .addHelpText('after', `\nA header-only template is a valid candidates file: cohort screen reads it as 0 candidates.\n\n${EXIT_CODE_HELP}\n`)
    .action(async (opts: Record<string, unknown>) => {
      const d = opts.delimiter as string | undefined;
      setOutcome(
        (await app.template()).runTemplate({
          lang: opts.lang === 'en' ? 'en' : 'nb',
          delimiter: d === 'tab' ? '\t' : d,
          example: opts.example === true,
          out: opts.out as string | undefined,
          force: opts.force === true,
        }),
      );
    });

  program
    .command('rules')
    .description('print the active programme rules in words (seats, eligibility, gender rules, groups, teams, seed)')
    .option('-c, --config <file>', 'programme config JSON (default: the built-in programme)')
    .addOption(new Option('--lang <lang>', 'language of the text: en or nb').choices(['en', 'nb']).default('en'))
    .option('--json', 'print { schemaVersion, command, source, sha256, programme } as the only thing on stdout')
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`)
    .action(async (opts: Record<string, unknown>) => {
      setOutcome((await app.rules()).runRules({ config: opts.config as string | undefined, lang: opts.lang === 'nb' ? 'nb' : 'en', json: opts.json === true }));
    });
}

/** `cohort check`: an allocation (possibly edited by hand) against every programme rule; writes nothing. */
function addCheck(program: Command, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('check')
    .description('check an allocation.csv (possibly edited by hand and re-saved by Excel) against every programme rule; writes nothing')
    .requiredOption('--candidates <files...>', 'the candidate CSV files the allocation was made from')
    .requiredOption('-a, --allocation <file>', 'the allocation.csv to check (its delimiter and encoding are detected)')
    .option('-c, --config <file>', 'programme config JSON (default: the built-in programme)')
    .addOption(new Option('--delimiter <char>', 'CSV delimiter of the candidate files (default: detected from the header line)').choices([',', ';', 'tab']))
    .addOption(new Option('--encoding <name>', 'encoding of the candidate files').choices(['auto', 'utf8', 'cp1252', 'cp850']).default('auto'))
    .option('--sheet <name>', 'the sheet to read in .xlsx/.ods candidate files (default: the first visible sheet)')
    .option('--strict', 'treat justified envy (a better-ranked candidate passed over) as an error, not a warning')
    .option('--include <ids>', 'comma-separated candidate ids the committee forced in (as given to allocate)', splitIds, [] as string[])
    .option('--exclude <ids>', 'comma-separated candidate ids the committee forced out (rows with status excluded count too)', splitIds, [] as string[])
    .option('--locks <file>', 'the committee\'s decisions file, as given to allocate --locks (group locks are checked too)')
    .option('--json', 'print the check report as one JSON document, the only thing on stdout')
    .addHelpText('after', `\nExit code 0: every rule is met; 1: a rule is not met (each finding is printed); 3: unreadable files, ids that\nare not candidates, candidates without a row in the allocation.\n\n${EXIT_CODE_HELP}\n`)
    .action(async (opts: Record<string, unknown>) => {
      const d = opts.delimiter as string | undefined;
      setOutcome(
        (await app.check()).runCheck({
          files: (opts.candidates as string[] | undefined) ?? [],
          allocation: opts.allocation as string,
          config: opts.config as string | undefined,
          delimiter: d === 'tab' ? '\t' : d,
          encoding: (opts.encoding as 'auto' | 'utf8' | 'cp1252' | 'cp850' | undefined) ?? 'auto',
          sheet: opts.sheet as string | undefined,
          strict: opts.strict === true,
          json: opts.json === true,
          include: (opts.include as string[] | undefined) ?? [],
          exclude: (opts.exclude as string[] | undefined) ?? [],
          locks: typeof opts.locks === 'string' ? opts.locks : undefined,
        }),
      );
    });
}

/** `cohort replace`: withdrawals and committee adds on an existing allocation, moving as few people as possible. */
function addReplace(program: Command, setOutcome: (o: CommandOutcome) => void): void {
  commonInputOptions(
    program
      .command('replace')
      .description('withdraw participants or reserves from an allocation.csv and fill their seats from the reserves, moving as few people as possible; writes allocation.csv, groups.csv, summary.json')
      .requiredOption('--candidates <files...>', 'the candidate CSV files the allocation was made from')
      .requiredOption('-a, --allocation <file>', 'the current allocation.csv (as allocate or replace wrote it; its delimiter and encoding are detected)')
      .requiredOption('--withdraw <ids>', 'comma-separated ids of participants or reserves who withdraw', (v: string, prev: string[] | undefined) => splitIds(v, prev ?? []))
      .option('--add <ids>', 'comma-separated ids of reserves the committee brings in; each takes a seat freed in its own quota cell', (v: string, prev: string[] | undefined) => splitIds(v, prev ?? []))
      .requiredOption('-o, --out <dir>', 'output directory'),
  )
    .option('--seed <text>', 'lottery seed for reserves without a rank and for re-forming groups (default: the programme config\'s seed)')
    .option('--time-limit <seconds>', 'hard deadline per solver attempt, in seconds (used only if groups and teams must be re-formed)', parsePositive, DEFAULT_DEADLINE_MS / 1000)
    .option('--locks <file>', 'the committee\'s decisions file, as given to allocate --locks: group and team locks are held')
    .option('--report <file>', 'also write a self-contained HTML report of the new allocation, e.g. OUT/report.html')
    .addOption(new Option('--lang <lang>', 'language of the --report file').choices(['nb', 'en']).default('nb'))
    .addHelpText(
      'after',
      `\nEach withdrawn participant's seat goes to the next reserve of the same quota cell (or to a reserve of the needed\ngender when the next one would break a gender rule the allocation met), in the same workshop group and project\nteam when the rules allow; otherwise as few participants as possible change group, then team. Withdrawn rows stay\nin allocation.csv with status "withdrawn". Exit code 1 when a seat stays empty or a rule cannot be kept.\n\n${EXIT_CODE_HELP}\n`,
    )
    .action(async (opts: Record<string, unknown>) => {
      setOutcome(
        await (await app.replace()).runReplace({
          ...screenOpts(opts),
          files: (opts.candidates as string[] | undefined) ?? [],
          allocation: opts.allocation as string,
          withdraw: (opts.withdraw as string[] | undefined) ?? [],
          add: (opts.add as string[] | undefined) ?? [],
          seed: typeof opts.seed === 'string' ? opts.seed : undefined,
          deadlineMs: typeof opts.timeLimit === 'number' ? Math.round(opts.timeLimit * 1000) : undefined,
          locks: typeof opts.locks === 'string' ? opts.locks : undefined,
          report: typeof opts.report === 'string' ? opts.report : undefined,
          lang: opts.lang === 'en' ? 'en' : 'nb',
        }),
      );
    });
}

/** `cohort report`: the committee's HTML report of an existing (possibly hand-edited) allocation. */
function addReport(program: Command, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('report')
    .description('draw the self-contained HTML report (as allocate --report writes it) from an existing allocation.csv, possibly edited by hand')
    .requiredOption('--candidates <files...>', 'the candidate CSV files the allocation was made from')
    .requiredOption('-a, --allocation <file>', 'the allocation.csv to draw (its delimiter and encoding are detected)')
    .requiredOption('-o, --output <file>', 'the HTML report to write, e.g. report.html')
    .option('-c, --config <file>', 'programme config JSON (default: the built-in programme)')
    .addOption(new Option('--delimiter <char>', 'CSV delimiter of the candidate files (default: detected from the header line)').choices([',', ';', 'tab']))
    .addOption(new Option('--encoding <name>', 'encoding of the candidate files').choices(['auto', 'utf8', 'cp1252', 'cp850']).default('auto'))
    .option('--sheet <name>', 'the sheet to read in .xlsx/.ods candidate files (default: the first visible sheet)')
    .option('--locks <file>', 'the committee\'s decisions file, as given to allocate --locks (checked as by cohort check --locks)')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['nb', 'en']).default('nb'))
    .option('-f, --force', 'overwrite an existing report file')
    .addHelpText('after', `\nThe rules are judged as cohort check judges them. Exit code 0: every rule is met; 1: a rule is not met (the\nreport is written and shows it); 3: unreadable files, ids that are not candidates, an existing report without --force.\n\n${EXIT_CODE_HELP}\n`)
    .action(async (opts: Record<string, unknown>) => {
      const d = opts.delimiter as string | undefined;
      setOutcome(
        (await app.report()).runReport({
          files: (opts.candidates as string[] | undefined) ?? [],
          allocation: opts.allocation as string,
          output: opts.output as string,
          config: opts.config as string | undefined,
          delimiter: d === 'tab' ? '\t' : d,
          encoding: (opts.encoding as 'auto' | 'utf8' | 'cp1252' | 'cp850' | undefined) ?? 'auto',
          sheet: opts.sheet as string | undefined,
          force: opts.force === true,
          locks: typeof opts.locks === 'string' ? opts.locks : undefined,
          lang: opts.lang === 'en' ? 'en' : 'nb',
        }),
      );
    });
}

/** `cohort diff OLD NEW`: what changed between two allocations. Exit codes as diff(1): 0 equal, 1 different, 2 trouble. */
function addDiff(program: Command, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('diff')
    .description('compare two allocation.csv files of the same programme year: who came in, who went out and why, who changed group or team, each body\'s seats and gender balance; writes nothing unless --report')
    .argument('<old>', 'the earlier allocation (.csv or .xlsx; e.g. the draft sent out)')
    .argument('<new>', 'the later allocation (.csv or .xlsx)')
    .addOption(new Option('--encoding <name>', 'encoding of both files').choices(['auto', 'utf8', 'cp1252']).default('auto'))
    .option('--json', 'print the changes as one JSON document, the only thing on stdout')
    .option('--report <file>', 'also write the changes as a self-contained HTML page, e.g. diff.html')
    .option('-f, --force', 'overwrite an existing --report file')
    .addOption(new Option('--lang <lang>', 'language of the text and the page').choices(['nb', 'en']).default('nb'))
    .addHelpText('after', '\nExit code 0: the allocations are equal; 1: they differ; 2: bad input (an unreadable file, two allocations of\ndifferent programmes or years, an existing --report without --force; nothing is written); 4: internal error.\n')
    .action(async (oldFile: string, newFile: string, opts: Record<string, unknown>) => {
      setOutcome(
        (await app.diff()).runDiff({
          old: oldFile,
          new: newFile,
          encoding: (opts.encoding as 'auto' | 'utf8' | 'cp1252' | undefined) ?? 'auto',
          json: opts.json === true,
          report: typeof opts.report === 'string' ? opts.report : undefined,
          force: opts.force === true,
          lang: opts.lang === 'en' ? 'en' : 'nb',
        }),
      );
    });
}

/** `cohort lists`: each nominating body's admitted and reserves, and BI's admission list, as CSV files. */
function addLists(program: Command, setOutcome: (o: CommandOutcome) => void): void {
  program
    .command('lists')
    .description('write the lists after the meeting: for KS and each RHF its admitted and reserves with rank and contact, for BI the admission list; CSV, each row with the run\'s date and seed')
    .requiredOption('-a, --allocation <file>', 'the allocation.csv or allocation.xlsx (as allocate or replace wrote it, or edited by hand; its dialect is detected)')
    .requiredOption('-o, --out <dir>', 'output directory for ks.csv, helse-sor-ost.csv, …, bi.csv (or lists.xlsx)')
    .addOption(new Option('--encoding <name>', 'encoding of the allocation').choices(['auto', 'utf8', 'cp1252']).default('auto'))
    .addOption(new Option('--delimiter <char>', 'CSV delimiter of the lists (default: the allocation\'s)').choices([',', ';', 'tab']))
    .option('--seed <text>', 'the run\'s seed (default: from the summary.json beside the allocation)')
    .option('--date <yyyy-mm-dd>', 'the run\'s date (default: the allocation file\'s modification date)')
    .option('-f, --force', 'overwrite existing lists')
    .addOption(new Option('--lang <lang>', 'language of the headers and words').choices(['nb', 'en']).default('nb'))
    .addOption(new Option('--format <format>', 'csv: one file per body and bi.csv; xlsx: one workbook lists.xlsx, a sheet per body and one for BI (default: xlsx when the allocation is a workbook, else csv)').choices(['csv', 'xlsx']))
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n`)
    .action(async (opts: Record<string, unknown>) => {
      const d = opts.delimiter as string | undefined;
      setOutcome(
        (await app.lists()).runLists({
          allocation: opts.allocation as string,
          out: opts.out as string,
          encoding: (opts.encoding as 'auto' | 'utf8' | 'cp1252' | undefined) ?? 'auto',
          delimiter: d === 'tab' ? '\t' : d,
          seed: typeof opts.seed === 'string' ? opts.seed : undefined,
          date: typeof opts.date === 'string' ? opts.date : undefined,
          force: opts.force === true,
          lang: opts.lang === 'en' ? 'en' : 'nb',
          format: opts.format === 'xlsx' ? 'xlsx' : opts.format === 'csv' ? 'csv' : undefined,
        }),
      );
    });
}

function screenOpts(opts: Record<string, unknown>) {
  const d = opts.delimiter as string | undefined;
  return {
    // Required by every command but allocate --dry-run, whose wiring checks it.
    out: opts.out as string,
    config: opts.config as string | undefined,
    delimiter: d === 'tab' ? '\t' : d,
    encoding: (opts.encoding as 'auto' | 'utf8' | 'cp1252' | 'cp850' | undefined) ?? 'auto',
    sheet: opts.sheet as string | undefined,
    json: opts.json === true,
    force: opts.force === true,
  };
}

function splitIds(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter((s) => s !== '')];
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new CommanderError(EXIT.usage, 'cohort.invalidArgument', `error: expected a positive number of seconds, got "${value}"`);
  }
  return n;
}

/** Runs the CLI and returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  let outcome: CommandOutcome | undefined;
  const program = buildProgram(io, (o) => {
    outcome = o;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    return reportError(err, io);
  }
  if (outcome === undefined) {
    // No subcommand: show help on stderr, a usage error.
    io.stderr(program.helpInformation());
    return EXIT.usage;
  }
  if (outcome.stdout !== '') io.stdout(outcome.stdout);
  if (outcome.stderr !== '') io.stderr(outcome.stderr);
  return outcome.exitCode;
}

function reportError(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    // commander already printed its message; help and version are successes.
    // Help asked for (or version) is a success; help shown because no command was given is a usage error.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return EXIT.usage;
  }
  if (err instanceof InputError || err instanceof ConfigError) {
    const issues = err.issues;
    const shown = issues.slice(0, MAX_ISSUES_PRINTED);
    const lines = shown.map((i) => `  ${formatIssue(i)}`);
    if (issues.length > shown.length) lines.push(`  … and ${issues.length - shown.length} more`);
    io.stderr(`cohort: ${err.message} (${err.code}); nothing was written:\n${lines.join('\n')}\n`);
    return err.exitCode;
  }
  if (err instanceof CohortError && err.exitCode !== EXIT.internal) {
    io.stderr(`cohort: ${err.message} (${err.code})\n`);
    return err.exitCode;
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  const code = err instanceof CohortError ? ` (${err.code})` : '';
  io.stderr(`cohort: internal error${code}: this is a bug, nothing was written.\n${stack}\nPlease report it with the command you ran (not the candidate files) at the project's issue tracker.\n`);
  return EXIT.internal;
}

/** Entry point used by bin/cohort.js. */
export async function main(argv: readonly string[]): Promise<void> {
  // `cohort --help | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  process.exitCode = await run(argv);
}
