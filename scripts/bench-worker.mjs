// Child process of `npm run bench` (scripts/bench.mjs). Two roles:
//
//   node scripts/bench-worker.mjs <spec.json>
//       Runs one bench case in this process: a warm-up run, then one measured run per generated
//       candidate file, each timed stage by stage with the same functions `cohort allocate` uses
//       (dist/app/load.js, dist/app/pipeline.js, dist/stages/*, dist/solver/index.js, dist/app/allocate.js,
//       dist/io/csv-write.js). Prints one JSON line on stdout: the runs and the
//       process's peak RSS. One case per process, so the peak RSS is the case's own.
//
//   node --import ./scripts/bench-worker.mjs bin/cohort.js allocate ...
//       Preloaded into the real CLI: only records the process's peak RSS (worker threads included) at
//       exit, into the file named by $BENCH_RSS_FILE.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (!isMain) {
  const target = process.env.BENCH_RSS_FILE;
  if (target !== undefined && target !== '') {
    process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
  }
} else {
  await runCase(JSON.parse(readFileSync(process.argv[2], 'utf8')));
}

/** Peak RSS of this process so far, in MiB (resourceUsage reports KiB). */
function peakRssMiB() {
  return process.resourceUsage().maxRSS / 1024;
}

async function runCase(spec) {
  const dist = new URL('../dist/', import.meta.url);
  const load = (p) => import(new URL(p, dist).href);
  const lib = {
    ...(await load('io/config-load.js')),
    ...(await load('io/reference-load.js')),
    ...(await load('app/load.js')),
    ...(await load('read/candidates.js')),
    ...(await load('stages/screen/eligibility.js')),
    ...(await load('stages/groups/groups.js')),
    ...(await load('stages/teams/teams.js')),
    ...(await load('app/pipeline.js')),
    ...(await load('app/allocate.js')),
    ...(await load('io/csv-write.js')),
    ...(await load('app/outputs.js')),
    ...(await load('solver/index.js')),
  };
  const opts = { config: spec.config ?? undefined, out: spec.outDir, deadlineMs: spec.deadlineMs };
  const warmup = spec.warmup ? await runPipeline(lib, spec.warmup.file, { ...opts, config: spec.warmup.config ?? undefined }) : null;
  const runs = [];
  for (const file of spec.files) runs.push(await runPipeline(lib, file, opts));
  process.stdout.write(JSON.stringify({ warmup, runs, peakRssMiB: peakRssMiB() }) + '\n');
}

/**
 * One `cohort allocate` run, stage by stage, mirroring computeAllocation (read → screen → select →
 * groups → teams, then closeSolvers as its `finally` does) and runAllocate (summary, CSVs, writeOutputs
 * with force). Only the stage boundaries are added. Never throws: a failure is returned as `error`.
 */
async function runPipeline(lib, file, { config, out, deadlineMs }) {
  const ms = {};
  const t0 = performance.now();
  let last = t0;
  const lap = (stage) => {
    const now = performance.now();
    ms[stage] = now - last;
    last = now;
  };
  try {
    const inputs = readInputs(lib, [file], config);
    lap('read');
    inputs.screening = lib.screen(inputs.read.candidates, inputs.programme);
    lap('screen');
    const seed = inputs.programme.seed;
    const solve = lib.createSolve({ deadlineMs });
    const selection = await lib.selectChecked(inputs.screening.screened, inputs.programme, { seed, include: [], exclude: [], solve });
    lap('select');
    const selectedIds = new Set(selection.candidates.filter((c) => c.status === 'selected').map((c) => c.id));
    const participants = inputs.read.candidates.filter((c) => selectedIds.has(c.id));
    // As groupsThenTeams does: the teams stage's solver worker starts while the groups are formed.
    lib.prepareTeams(participants, inputs.programme, solve);
    const groups = await lib.computeGroups(participants, inputs.programme, { seed, solve });
    lap('groups');
    // formTeams = computeTeams + the independent checker over groups and teams together, exactly the
    // work formGroupsAndTeams does after computeGroups.
    const teams = await lib.formTeams(participants, groups, inputs.programme, { seed, solve });
    lap('teams');
    await lib.closeSolvers();
    lap('close');
    // No committee decisions and no previous allocation, as computeAllocation has them for a plain run.
    writeAll(lib, { inputs, seed, selection, groups, teams, previous: null, locks: lib.loadLocks(undefined, [], [], process.cwd()) }, out);
    lap('write');
    ms.total = performance.now() - t0;
    return { file, ms, cohort: participants.length, candidates: inputs.read.candidates.length, types: typesOf(participants), stages: stageRecords(selection, groups, teams) };
  } catch (err) {
    await lib.closeSolvers();
    return { file, ms, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

/** loadInputs, with the screening left for its own stage. */
function readInputs(lib, files, config) {
  const loaded = lib.loadProgramme(config);
  const reference = lib.loadReferenceData();
  const read0 = lib.readFiles(files);
  const read = lib.readCandidates(read0.files, { delimiter: undefined, encoding: 'auto' }, reference);
  const issues = [...read0.issues, ...read.issues];
  if (issues.length > 0) throw new Error(`input issues: ${issues.slice(0, 3).map((i) => i.message).join('; ')}`);
  const lang = lib.outputLang(undefined, read.files.map((f) => f.headers), 'nb');
  const dialect = lib.outputDialect(undefined, lang === 'nb', read.files.find((f) => f.delimiter !== '')?.delimiter);
  return {
    programme: loaded.programme,
    programmeSource: loaded.source,
    programmeSha256: loaded.sha256,
    reference,
    read,
    screening: null,
    inputHashes: read0.files.map((f) => ({ file: f.name, sha256: lib.sha256(f.bytes), bytes: f.bytes.length })),
    outputDelimiter: dialect.delimiter,
    outputDecimal: dialect.decimal,
    outputLang: lang,
  };
}

/** What runAllocate writes with --json --force. */
function writeAll(lib, allocation, out) {
  const json = JSON.stringify(lib.buildSummary(allocation), null, 2) + '\n';
  lib.writeOutputs(
    out,
    [
      { name: 'allocation.csv', content: lib.allocationCsv(allocation) },
      { name: 'groups.csv', content: lib.groupsCsv(allocation) },
      { name: 'summary.json', content: json },
    ],
    { force: true },
  );
}

/** Distinct sector × region × gender types among the participants. */
function typesOf(participants) {
  return new Set(participants.map((c) => `${c.sector}|${c.rhf ?? 'unknown'}|${c.gender}`)).size;
}

function stageRecords(selection, groups, teams) {
  const sel = selection.stage;
  const record = (status, solverStatus, solver, gap, attempts, sizes) => ({
    status,
    solverStatus,
    solver,
    gap,
    attempts: attempts.map((a) => `${a.solver}:${a.status}`),
    size: sizes.reduce((m, s) => Math.max(m, s.variables + s.constraints), 0),
    sizes: sizes.map((s) => `${s.variables}×${s.constraints}`),
  });
  return {
    select: record(sel.status, sel.status, sel.solver, sel.gap, sel.attempts, [{ variables: sel.variables, constraints: sel.constraints }]),
    groups: record(groups.report.status, groups.report.solverStatus, groups.report.solver, groups.report.gap, groups.report.attempts, groups.report.modelSizes),
    teams: record(teams.report.status, teams.report.solverStatus, teams.report.solver, teams.report.gap, teams.report.attempts, teams.report.modelSizes),
  };
}
