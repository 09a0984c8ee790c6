// `npm run bench`: speed, memory and optimality of `cohort allocate` at real and larger sizes (issue 6).
//
//   npm run bench                      full run (about 2–3 minutes on 2 cores)
//   BENCH_SEEDS=3 npm run bench        fewer generator seeds per size (default 10)
//   BENCH_QUICK=1 npm run bench        3 seeds, no 20,000-candidate case
//   BENCH_KEEP=1 npm run bench         keep the generated files and outputs (the temp dir is printed)
//   BENCH_README=1 npm run bench       also rewrite the README's table (between <!-- bench:start --> and <!-- bench:end -->)
//
// In-process stages: every case runs in its own child process (scripts/bench-worker.mjs), which does one
// warm-up run and then one run per generator seed, timing read → screen → select → groups → teams →
// write with the functions `cohort allocate` itself calls. The generated candidates are written here,
// before the child starts, as Norwegian Excel CSV (`;`, Windows-1252), one file per seed.
// Whole process: the real CLI (`node bin/cohort.js allocate … --out <tmp> --force --json`) is spawned per
// seed, with scripts/bench-worker.mjs preloaded only to record its peak RSS; each run is paired with a bare
// `node -e 0` start timed just before it, and the ratio is the median of the pairs' ratios (a shared machine's
// load moves both alike). Targets are printed beside the figures; nothing is asserted.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { encodeCp1252, generateCandidates, toCsv } from './lib/generate.js';
import { parseProgramme } from '../dist/domain/programme.js';
import { renderTable } from '../dist/app/table.js';
import { DEFAULT_DEADLINE_MS } from '../dist/solver/policy.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const WORKER = join(ROOT, 'scripts', 'bench-worker.mjs');
const CLI = join(ROOT, 'bin', 'cohort.js');
const P200 = join(ROOT, 'fixtures', 'programme-200.json');
const P1000 = join(ROOT, 'fixtures', 'programme-1000.json');

const QUICK = process.env.BENCH_QUICK === '1';
const SEEDS = positiveInt(process.env.BENCH_SEEDS) ?? (QUICK ? 3 : 10);
const PROCESS_RUNS = SEEDS;
/** Each whole-process seed is run this many times and its fastest run kept: filters machine noise, not seed variance. */
const PROCESS_REPEATS = QUICK ? 1 : 2;
const BARE_STARTS = 10;
/** Hard deadline per solver attempt (the CLI's --time-limit default), and a watchdog per case process. */
const DEADLINE_MS = DEFAULT_DEADLINE_MS;
const BIG_DEADLINE_MS = 30_000;
const CASE_WATCHDOG_MS = 240_000;

const STAGES = ['read', 'screen', 'select', 'groups', 'teams', 'write', 'total'];
const SOLVED = ['select', 'groups', 'teams'];

/** In-process cases. `allTypes`: keep only seeds whose selected cohort holds all 16 sector × region × gender types. */
const CASES = [
  { label: '60 / 40', count: 60, config: null },
  { label: '150 / 40', count: 150, config: null },
  { label: '500 / 40', count: 500, config: null },
  { label: '2,000 / 40', count: 2000, config: null },
  { label: '150 / 40, 16 types', count: 150, config: null, allTypes: true, generator: { femaleShare: 0.5 } },
  { label: '2,000 / 200', count: 2000, config: P200 },
  { label: '5,000 / 200', count: 5000, config: P200 },
  ...(QUICK ? [] : [{ label: '20,000 / 1,000', count: 20000, config: P1000, seeds: 1, deadlineMs: BIG_DEADLINE_MS, smallWarmup: true }]),
];

/** Whole-process cases and their wall-time targets (null: relative to a bare Node start). */
const PROCESS_CASES = [
  { label: '150 / 40', count: 150, config: null, limitS: null, bareFactor: 3 },
  { label: '2,000 / 200', count: 2000, config: P200, limitS: 1 },
  { label: '5,000 / 200', count: 5000, config: P200, limitS: 2 },
  ...(QUICK ? [] : [{ label: '20,000 / 1,000', count: 20000, config: P1000, limitS: 10, seeds: 1, repeats: 1, timeLimitS: BIG_DEADLINE_MS / 1000 }]),
];
/** Peak RSS target at 200 seats, in MB (10^6 bytes). */
const RSS_LIMIT_MB = 150;

async function main() {
  const tmp = mkdtempSync(join(os.tmpdir(), 'cohort-bench-'));
  try {
    const started = performance.now();
    printMachine();
    const caseResults = [];
    for (const c of CASES) caseResults.push(await runInProcessCase(c, tmp));
    progress(`timing ${BARE_STARTS} bare \`node -e ""\` starts and ${BARE_STARTS} \`cohort --version\` starts`);
    const bare = timeStarts(['-e', ''], BARE_STARTS);
    const cliStart = timeStarts([CLI, '--version'], BARE_STARTS);
    const processResults = PROCESS_CASES.map((c) => runProcessCase(c, tmp));
    printStageTable(caseResults);
    printColdTable(caseResults);
    printSolverTable(caseResults);
    printProcessTable(processResults, bare, cliStart);
    printTargets(caseResults, processResults, bare);
    const table = readmeTable(caseResults, processResults);
    console.log(`\nREADME table (BENCH_README=1 writes it between the markers):\n${table}`);
    if (process.env.BENCH_README === '1') writeReadmeTable(table);
    console.log(`\nBench took ${((performance.now() - started) / 1000).toFixed(0)} s. Load average at the end: ${loadAverage()}.`);
    if (busy()) console.log(`WARNING: the machine was busy (see the load averages; ${os.cpus().length} cores): other work inflated these figures; re-run when it is idle.`);
  } finally {
    if (process.env.BENCH_KEEP === '1') console.log(`Kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Inputs

function positiveInt(s) {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : null;
}

const programmes = new Map();
/** The programme the generator needs (start date, eligibility, nomination cap); null = the built-in one. */
function generatorProgramme(config) {
  const path = config ?? join(ROOT, 'data', 'programme.json');
  if (!programmes.has(path)) {
    const parsed = parseProgramme(JSON.parse(readFileSync(path, 'utf8')), z);
    if (!parsed.ok) throw new Error(`${path}: invalid programme`);
    programmes.set(path, parsed.programme);
  }
  return programmes.get(path);
}

/** Write one generated candidate set as Norwegian Excel CSV (cp1252, `;`, CRLF); returns its path. */
function writeCandidates(dir, c, seed) {
  const rows = generateCandidates({ seed, count: c.count, programme: generatorProgramme(c.config), ...(c.generator ?? {}) });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${c.count}-${seed}.csv`);
  writeFileSync(path, encodeCp1252(toCsv(rows, 'nb')));
  return path;
}

function progress(text) {
  process.stderr.write(`bench: ${text}\n`);
}

// ---------------------------------------------------------------------------------------------------------
// In-process stages

async function runInProcessCase(c, tmp) {
  const dir = join(tmp, 'in', c.label.replace(/[^0-9a-z]+/gi, '-'));
  const want = c.seeds ?? SEEDS;
  progress(`${c.label}: generating ${want} candidate set(s)`);
  let files;
  let searched = want;
  if (c.allTypes) ({ files, searched } = await allTypesFiles(c, dir, want));
  else files = Array.from({ length: want }, (_, i) => writeCandidates(dir, c, `bench-${i + 1}`));
  // The warm-up of the 20,000 case runs at 150 / 40: it warms the code (not the solvers: every run closes
  // its solver workers, as the CLI does) without doubling the case's time.
  const warmupCase = c.smallWarmup ? { count: 150, config: null } : c;
  const warmup = { file: writeCandidates(dir, warmupCase, 'warmup'), config: warmupCase.config };
  const spec = { config: c.config, outDir: join(dir, 'out'), deadlineMs: c.deadlineMs ?? DEADLINE_MS, warmup, files };
  const specPath = join(dir, 'spec.json');
  writeFileSync(specPath, JSON.stringify(spec));
  progress(`${c.label}: running ${files.length} seed(s) after a warm-up`);
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [WORKER, specPath], { encoding: 'utf8', timeout: CASE_WATCHDOG_MS, maxBuffer: 64 * 1024 * 1024 });
  const wallS = (performance.now() - t0) / 1000;
  progress(`${c.label}: done in ${wallS.toFixed(1)} s`);
  if (child.status !== 0 || child.stdout.trim() === '') {
    const why = child.signal !== null ? `killed by the ${CASE_WATCHDOG_MS / 1000} s watchdog (${child.signal})` : `exit ${child.status}: ${child.stderr.trim().split('\n').slice(-3).join(' / ')}`;
    return { case: c, searched, runs: [], warmup: null, warmupMs: null, peakRssMiB: null, failed: why, wallS };
  }
  const out = JSON.parse(child.stdout.trim().split('\n').pop());
  return { case: c, searched, runs: out.runs, warmup: out.warmup, warmupMs: out.warmup?.ms.total ?? null, peakRssMiB: out.peakRssMiB, failed: null, wallS };
}

/**
 * Candidate files whose selected cohort holds all 16 sector × region × gender types: generator seeds are
 * tried in turn and the selection (the app's loadInputs + select, untimed) decides.
 */
async function allTypesFiles(c, dir, want) {
  const { loadInputs } = await import('../dist/app/load.js');
  const { selectChecked } = await import('../dist/app/pipeline.js');
  const { closeSolvers, createSolve } = await import('../dist/solver/index.js');
  const solve = createSolve();
  const files = [];
  let searched = 0;
  try {
    while (files.length < want && searched < want * 20) {
      searched++;
      const path = writeCandidates(dir, c, `types-${searched}`);
      const inputs = loadInputs({ files: [path], config: c.config ?? undefined, encoding: 'auto' });
      const sel = await selectChecked(inputs.screening.screened, inputs.programme, { seed: inputs.programme.seed, solve });
      const chosen = new Set(sel.candidates.filter((x) => x.status === 'selected').map((x) => x.id));
      const types = new Set(inputs.read.candidates.filter((x) => chosen.has(x.id)).map((x) => `${x.sector}|${x.rhf}|${x.gender}`));
      if (types.size === 16) files.push(path);
      else rmSync(path);
    }
  } finally {
    await closeSolvers();
  }
  return { files, searched };
}

// ---------------------------------------------------------------------------------------------------------
// Whole process

/** Wall seconds of `node <args>` started n times (after one discarded start): median and worst. */
function timeStarts(args, n) {
  spawnSync(process.execPath, args);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args);
    times.push((performance.now() - t0) / 1000);
  }
  return { median: median(times), worst: Math.max(...times) };
}

/** Spawn `node bin/cohort.js allocate` once per seed (after one discarded warm-up process). */
function runProcessCase(c, tmp) {
  const dir = join(tmp, 'proc', c.label.replace(/[^0-9a-z]+/gi, '-'));
  const seeds = c.seeds ?? PROCESS_RUNS;
  progress(`${c.label}: ${seeds} whole-process run(s) of the CLI, each paired with a bare node start`);
  if (c.seeds === undefined) runCli(c, writeCandidates(dir, c, 'warmup'), dir);
  const runs = [];
  const ratios = [];
  // The same seeds (hence the same candidate files) as the in-process case of that size.
  for (let i = 0; i < seeds; i++) {
    const file = writeCandidates(dir, c, `bench-${i + 1}`);
    const tries = Array.from({ length: c.repeats ?? PROCESS_REPEATS }, () => {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      const bareS = (performance.now() - t0) / 1000;
      const run = runCli(c, file, dir);
      ratios.push(run.wallS / bareS);
      return run;
    });
    const fastest = tries.reduce((a, b) => (b.wallS < a.wallS ? b : a));
    runs.push({ seed: `bench-${i + 1}`, ...fastest, rssMiB: Math.max(...tries.map((t) => t.rssMiB ?? Infinity)) });
  }
  return { case: c, runs, pairedRatio: median(ratios) };
}

function runCli(c, file, dir) {
  const rssFile = join(dir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const args = ['--import', pathToFileURL(WORKER).href, CLI, 'allocate', file, '--out', join(dir, 'out'), '--force', '--json', ...(c.config ? ['--config', c.config] : []), ...(c.timeLimitS ? ['--time-limit', String(c.timeLimitS)] : [])];
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, BENCH_RSS_FILE: rssFile }, maxBuffer: 64 * 1024 * 1024, timeout: CASE_WATCHDOG_MS });
  const wallS = (performance.now() - t0) / 1000;
  let rssMiB = null;
  try {
    rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // the process died before its exit hook ran
  }
  let statuses = null;
  try {
    if (child.status === 0 || child.status === 1) statuses = JSON.parse(child.stdout).stages.map((s) => ({ stage: s.stage, status: s.status, gap: s.gap }));
  } catch {
    // not the summary JSON: counted as not optimal
  }
  return { wallS, rssMiB, exit: child.status, statuses };
}

// ---------------------------------------------------------------------------------------------------------
// Figures

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function mostCommon(xs) {
  const counts = new Map();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
}

const okRuns = (r) => r.runs.filter((x) => x.error === undefined);
const allOptimal = (run) => SOLVED.every((s) => run.stages[s].status === 'optimal');
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmtGap = (g) => (g === null ? 'no bound' : g === 0 ? '0' : `${(g * 100).toFixed(2)} %`);

/**
 * Other work competed for the cores: a 1-minute load average above half the cores before the bench starts,
 * or above the core count at its end (the bench itself keeps about one core busy).
 */
let busyAtStart = false;
function busy(atEnd = true) {
  const cores = os.cpus().length;
  return busyAtStart || os.loadavg()[0] > (atEnd ? cores : cores / 2);
}

function loadAverage() {
  return os.loadavg().map((x) => x.toFixed(2)).join(' ');
}

function printMachine() {
  const cpus = os.cpus();
  console.log(`cohort bench — ${new Date().toISOString()}`);
  console.log(`Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`);
  console.log(`Load average at the start: ${loadAverage()} (1, 5, 15 min)`);
  busyAtStart = busy(false);
  console.log(`Seeds per size: ${SEEDS} (20,000: 1), whole-process runs per size: ${PROCESS_RUNS}, solver deadline per attempt: ${DEADLINE_MS / 1000} s (20,000: ${BIG_DEADLINE_MS / 1000} s)${QUICK ? ', QUICK' : ''}\n`);
}

function printStageTable(results) {
  console.log('In-process stages, ms: median/worst over the seeds, after one warm-up run. Every run starts and closes its own');
  console.log('solver workers, as the CLI does; total includes closing them. types: sector × region × gender types in the cohort.');
  const rows = results.map((r) => {
    const runs = okRuns(r);
    const cells = STAGES.map((s) => (runs.length === 0 ? '–' : `${ms(median(runs.map((x) => x.ms[s])))}/${ms(Math.max(...runs.map((x) => x.ms[s])))}`));
    const types = runs.map((x) => x.types);
    const typeText = runs.length === 0 ? '–' : Math.min(...types) === Math.max(...types) ? String(types[0]) : `${Math.min(...types)}–${Math.max(...types)}`;
    const errors = r.runs.length - runs.length;
    return [
      r.case.label,
      runs[0]?.cohort ?? '–',
      r.failed ?? `${runs.length}${errors > 0 ? ` (+${errors} failed)` : ''}`,
      typeText,
      ...cells,
      r.warmupMs === null ? '–' : `${ms(r.warmupMs)}${r.case.smallWarmup ? ' (150 / 40)' : ''}`,
      runs.length === 0 ? '–' : `${runs.filter(allOptimal).length}/${runs.length}`,
      r.peakRssMiB === null ? '–' : r.peakRssMiB.toFixed(0),
    ];
  });
  console.log(renderTable(['case (cand / seats)', 'cohort', 'seeds', 'types', ...STAGES, 'warm-up total', 'all optimal', 'peak RSS MiB'], rows));
  for (const r of results) {
    if (r.case.allTypes) console.log(`${r.case.label}: ${r.runs.length} seeds with all 16 types found among ${r.searched} generated (femaleShare 0.5); types per cohort as measured in the run: ${okRuns(r).map((x) => x.types).join(', ')}`);
    for (const x of r.runs) {
      const seed = basename(x.file, '.csv');
      if (x.error !== undefined) console.log(`${r.case.label}: ${seed}: ${x.error}`);
      else if (!allOptimal(x)) console.log(`${r.case.label}: ${seed} not proven optimal: ${SOLVED.filter((s) => x.stages[s].status !== 'optimal').map((s) => stageText(s, x.stages[s])).join(', ')}`);
    }
  }
  console.log('');
}

/** The warm-up is the first run in a fresh process: what a CLI run pays per stage, minus Node's start and module loading. */
function printColdTable(results) {
  console.log('First run in a fresh process (the warm-up run, its own seed), ms: what one CLI run pays per stage, without Node start and imports');
  const rows = results.filter((r) => !r.case.smallWarmup && r.warmup !== null && r.warmup.error === undefined).map((r) => [r.case.label, ...STAGES.map((s) => ms(r.warmup.ms[s]))]);
  console.log(renderTable(['case (cand / seats)', ...STAGES], rows));
}

function printSolverTable(results) {
  console.log('Solver stages: the solver that answered (most common), proven optimal, worst gap, largest model (variables × rows) and the most common attempt chain');
  const rows = [];
  for (const r of results) {
    const runs = okRuns(r);
    for (const s of SOLVED) {
      if (runs.length === 0) continue;
      const recs = runs.map((x) => x.stages[s]);
      const [solver, n] = mostCommon(recs.map((x) => x.solver ?? '–'));
      const [chain, m] = mostCommon(recs.map((x) => x.attempts.join(' → ')));
      const gaps = recs.filter((x) => x.status !== 'optimal').map((x) => x.gap);
      const worstGap = gaps.length === 0 ? '0' : gaps.some((g) => g === null) ? 'no bound' : fmtGap(Math.max(...gaps));
      const biggest = recs.reduce((a, b) => (b.size > a.size ? b : a));
      rows.push([s === 'select' ? r.case.label : '', s, `${solver} ${n}/${runs.length}`, `${recs.filter((x) => x.status === 'optimal').length}/${runs.length}`, worstGap, biggest.sizes.join(', '), `${chain} (${m})`]);
    }
  }
  console.log(renderTable(['case', 'stage', 'solver', 'optimal', 'worst gap', 'model', 'attempts'], rows));
}

function printProcessTable(results, bare, cliStart) {
  console.log(`Whole process: node bin/cohort.js allocate … --force --json, wall seconds over ${PROCESS_RUNS} seeds (the same files as in-process),`);
  console.log(`each seed's fastest of ${PROCESS_REPEATS} run(s), after one discarded run; peak RSS is the largest of all runs`);
  console.log(`Bare \`node -e ""\` start: median ${bare.median.toFixed(3)} s, worst ${bare.worst.toFixed(3)} s`);
  console.log(`\`node bin/cohort.js --version\` (start + loading the CLI's modules): median ${cliStart.median.toFixed(3)} s (${(cliStart.median / bare.median).toFixed(1)}× bare), worst ${cliStart.worst.toFixed(3)} s`);
  const rows = results.map((r) => {
    const walls = r.runs.map((x) => x.wallS);
    const worstRun = r.runs.reduce((a, b) => (b.wallS > a.wallS ? b : a));
    const rss = r.runs.map((x) => x.rssMiB ?? NaN);
    const optimal = r.runs.filter((x) => x.statuses !== null && x.statuses.every((s) => s.status === 'optimal')).length;
    return [
      r.case.label,
      Math.min(...walls).toFixed(3),
      median(walls).toFixed(3),
      `${Math.max(...walls).toFixed(3)} (${worstRun.seed})`,
      r.pairedRatio.toFixed(1),
      `${(median(walls) / bare.median).toFixed(1)} / ${(Math.max(...walls) / bare.median).toFixed(1)}`,
      Math.max(...rss).toFixed(0),
      `${optimal}/${r.runs.length}`,
      [...new Set(r.runs.map((x) => x.exit))].join(','),
    ];
  });
  console.log(renderTable(['case (cand / seats)', 'min s', 'median s', 'max s (seed)', '× bare, paired (median)', '× bare median start (med / max)', 'peak RSS MiB', 'all optimal', 'exit'], rows));
}

/** `teams optimal`, or e.g. `teams feasible (timed_out, gap 1.20 %)`. */
function stageText(name, rec) {
  return rec.status === 'optimal' ? `${name} optimal` : `${name} ${rec.status} (${rec.solverStatus}, gap ${fmtGap(rec.gap)})`;
}

function verdict(ok) {
  return ok ? 'PASS' : 'MISS';
}

function printTargets(caseResults, processResults, bare) {
  const proc = (label) => processResults.find((r) => r.case.label === label);
  const inproc = (label) => caseResults.find((r) => r.case.label === label);
  const rows = [];
  for (const p of processResults) {
    const walls = p.runs.map((x) => x.wallS);
    const worst = Math.max(...walls);
    if (p.case.bareFactor !== undefined) {
      const limit = p.case.bareFactor * bare.median;
      rows.push([`${p.case.label}: whole process ≤ ${p.case.bareFactor}× bare start (paired runs' median ratio)`, `median ${median(walls).toFixed(3)} s, paired ratio ${p.pairedRatio.toFixed(1)}×; worst ${worst.toFixed(3)} s (${(worst / bare.median).toFixed(1)}× the median bare start)`, verdict(worst <= limit), verdict(p.pairedRatio <= p.case.bareFactor)]);
    } else {
      rows.push([`${p.case.label}: whole process < ${p.case.limitS} s`, `median ${median(walls).toFixed(3)} s, worst ${worst.toFixed(3)} s`, verdict(worst < p.case.limitS), verdict(median(walls) < p.case.limitS)]);
    }
  }
  const i150 = okRuns(inproc('150 / 40'));
  const p150 = proc('150 / 40').runs;
  const opt150 = i150.filter(allOptimal).length + p150.filter((x) => x.statuses?.every((s) => s.status === 'optimal')).length;
  rows.push(['150 / 40: every stage proven optimal', `${opt150}/${i150.length + p150.length} runs (in-process + process)`, verdict(opt150 === i150.length + p150.length), '']);
  for (const label of ['2,000 / 200', '5,000 / 200']) {
    const runs = okRuns(inproc(label));
    const shown = runs.filter((x) => SOLVED.every((s) => x.stages[s].status === 'optimal' || x.stages[s].gap !== null)).length;
    const opt = runs.filter(allOptimal).length;
    rows.push([`${label}: every stage optimal or gap printed`, `${opt}/${runs.length} all optimal, ${shown}/${runs.length} optimal or with a gap`, verdict(shown === runs.length && runs.length > 0), '']);
  }
  const rss = Math.max(...processResults.filter((p) => p.case.label === '2,000 / 200').flatMap((p) => p.runs.map((x) => x.rssMiB ?? Infinity)));
  rows.push([`2,000 / 200: peak memory ≤ ${RSS_LIMIT_MB} MB (whole process, RSS)`, `${rss.toFixed(0)} MiB (${((rss * 1024 * 1024) / 1e6).toFixed(0)} MB)`, verdict(rss * 1.048576 <= RSS_LIMIT_MB), '']);
  const stress = okRuns(inproc('150 / 40, 16 types'));
  const stressText = stress.length === 0 ? 'no run' : `median ${ms(median(stress.map((x) => x.ms.groups)))} ms, worst ${ms(Math.max(...stress.map((x) => x.ms.groups)))} ms, ${stress.filter(allOptimal).length}/${stress.length} all optimal`;
  rows.push(['16-type cohort at 40 seats: groups stage (figures)', stressText, '', '']);
  const big = inproc('20,000 / 1,000');
  if (big !== undefined) {
    const run = okRuns(big)[0];
    const text = run === undefined ? (big.failed ?? big.runs[0]?.error ?? 'no run') : `total ${(run.ms.total / 1000).toFixed(1)} s, ${SOLVED.map((s) => stageText(s, run.stages[s])).join(', ')}, peak RSS ${big.peakRssMiB.toFixed(0)} MiB`;
    rows.push(['20,000 / 1,000 (figures only)', text, '', '']);
  }
  console.log('\nTargets (verdict on the worst case; the median verdict beside it)');
  console.log(renderTable(['target', 'measured', 'worst', 'median'], rows));
}

/** The README's short table: one row per whole-process size, with the in-process stage medians of the same size. */
function readmeTable(caseResults, processResults) {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${loadAverage()} at the end${busy() ? ' (busy machine)' : ''}.`,
    '',
    '| candidates / seats | whole process min / median / max | × bare `node -e 0` (paired, median) | stages, median ms (read · screen · select · groups · teams · write) | proven optimal | peak RSS |',
    '|---|---|---|---|---|---|',
  ];
  for (const p of processResults) {
    const walls = p.runs.map((x) => x.wallS);
    const inproc = caseResults.find((r) => r.case.label === p.case.label);
    const runs = inproc === undefined ? [] : okRuns(inproc);
    const stages = runs.length === 0 ? '–' : ['read', 'screen', 'select', 'groups', 'teams', 'write'].map((s) => ms(median(runs.map((x) => x.ms[s])))).join(' · ');
    const proven = p.runs.filter((x) => x.statuses !== null && x.statuses.every((s) => s.status === 'optimal')).length;
    const rss = Math.max(...p.runs.map((x) => x.rssMiB ?? NaN));
    lines.push(`| ${p.case.label} | ${Math.min(...walls).toFixed(2)} / ${median(walls).toFixed(2)} / ${Math.max(...walls).toFixed(2)} s | ${p.pairedRatio.toFixed(1)}× | ${stages} | ${proven}/${p.runs.length} | ${rss.toFixed(0)} MiB |`);
  }
  return lines.join('\n');
}

/** Rewrite the README's table between its markers. */
function writeReadmeTable(table) {
  const path = join(ROOT, 'README.md');
  const text = readFileSync(path, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md: no ${start} … ${end} markers`);
  writeFileSync(path, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
  console.log('README.md: table rewritten');
}

await main();
