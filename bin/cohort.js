#!/usr/bin/env node
// The process around `run` (src/cli/main.ts): the real streams, environment and directory in, the exit code out.
// `cohort --help | head` closes the pipe early: that is the reader's choice, not an error.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node ≥ 22.1 keeps V8's compiled code of these modules between runs (a no-op where it is missing or disabled).
module.enableCompileCache?.();
for (const s of [process.stdout, process.stderr]) s.on('error', (err) => { if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw err; });
// The one-file bundle `npm run build` makes (scripts/bundle.mjs), else the compiled modules.
const bundle = new URL('../dist/bundle/main.js', import.meta.url);
import(existsSync(bundle) ? bundle.href : '../dist/cli/main.js').then(async ({ run }) => { process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), locale: Intl.DateTimeFormat().resolvedOptions().locale }); }).catch((err) => { console.error(err); process.exitCode = 4; });
