// `npm run build`, second step: bundle the compiled `dist/` into `dist/bundle/` with esbuild, so that `cohort`
// starts from a few files instead of about 150 modules of ours and the libraries' (Node's ES module loader pays per
// file). Code split at every dynamic import: a command loads only its own chunks (the report, replace, the
// solvers, zod for a --config file), as the unbundled dist does. `bin/cohort.js` runs the bundle when it is
// there, else `dist/cli/main.js`.
//
// Kept outside the bundle (loaded from node_modules when needed): HiGHS (its WebAssembly file sits beside its
// script), the workbook library (loaded through createRequire), and the two JavaScript solvers, which the solver
// worker loads by itself.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { parseProgramme } from '../dist/domain/programme.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(ROOT, 'dist', 'bundle');

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  // The worker sits beside the chunk that starts it: `workerScriptUrl` looks for `./worker.js`. Both `dist/*/` and
  // `dist/bundle/` are two levels below the package root, so `../../data/` resolves alike.
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/solver/worker.js' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's `main` is a UMD build that requires its own files at run time; its ES module build bundles.
  mainFields: ['module', 'main'],
  external: ['highs', '@e965/xlsx', 'javascript-lp-solver', 'yalps'],
  // CommonJS libraries in the bundle (commander, csv-parse) require Node's built-in modules.
  banner: { js: "import { createRequire as __cohortRequire } from 'node:module'; const require = __cohortRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});

// The built-in programme, validated here once: `loadProgramme` (src/io/config-load.ts) takes a config with exactly
// these bytes as valid without loading zod.
const programmeBytes = readFileSync(join(ROOT, 'data', 'programme.json'));
const parsed = parseProgramme(JSON.parse(programmeBytes.toString('utf8').replace(/^\uFEFF/, '')), z);
if (!parsed.ok) throw new Error(`data/programme.json is not a valid programme: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
writeFileSync(join(ROOT, 'dist', 'builtin-programme.sha256'), `${createHash('sha256').update(programmeBytes).digest('hex')}\n`);
