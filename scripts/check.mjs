// `npm run check`: every check CI runs (the package.json scripts deps, knip, lint, typecheck, build:emit), on two
// lanes, then the tests (vitest run).
//
// The static steps are single-threaded, so on a 2-core machine two run side by side: the full type check (src, test
// and scripts), then the build, on one lane; the import rules, knip and eslint on the other (each lane about as long
// as the other). The build here is `build:emit`: it emits without type-checking (`tsc --noCheck`, then the bundle),
// after the type check has passed over the same sources with the same compiler options (tsconfig.build.json extends
// tsconfig.json), so src is type-checked once, not twice; the emitted files are byte-identical to a checking build's.
// `npm run build` and `npm test` on their own still type-check. The tests run when every static step has passed.
// The type check and eslint keep caches under node_modules/.cache/cohort (`tsc --incremental`, `eslint --cache
// --cache-strategy content`): a later check re-checks only what changed and what depends on it (the type check
// follows the imports; the lint rules are per file, none type-aware); a fresh clone, as in CI, starts without them.
// A step's output is printed when it ends, whole, under its name.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
// As npm scripts do: the package's own binaries first on the PATH.
const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };

const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
const lanes = [
  ['typecheck', 'build:emit'],
  ['deps', 'knip', 'lint'],
];

/** Run a shell command in the package root, its output buffered; resolves to whether it passed. */
function step(name) {
  const command = scripts[name];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${code === 0 ? '✓' : '✗'} ${name} (${seconds} s)\n${output}`);
      resolve(code === 0);
    });
  });
}

async function lane(steps) {
  for (const name of steps) if (!(await step(name))) return false;
  return true;
}

const passed = await Promise.all(lanes.map(lane));
if (passed.includes(false)) {
  process.exitCode = 1;
} else {
  const tests = spawn('vitest run', { shell: true, cwd: ROOT, stdio: 'inherit', env });
  tests.on('close', (code) => {
    process.exitCode = code ?? 1;
  });
}
