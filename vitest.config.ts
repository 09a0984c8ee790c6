import { defineConfig } from 'vitest/config';
import { ISOLATED_TEST_FILES } from './test/isolated-files.js';

// Test files that replace a module (vi.mock) run isolated; every other file shares its worker's module cache,
// which saves importing the whole tool again for each of the ~60 files (import time summed over the files:
// 67 s isolated, 22 s shared, on a loaded 2-core machine).
const ISOLATED = [...ISOLATED_TEST_FILES];

export default defineConfig({
  test: {
    // Solver tests spawn worker threads; keep the pool small on 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // Hooks that run the CLI in-process (an allocation of the sample) take seconds; 10 s (the default) is too
    // tight for a busy 2-core machine.
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
