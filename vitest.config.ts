import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Solver tests spawn worker threads; keep the pool small on 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // Hooks that run the CLI in-process (an allocation of the sample) take seconds; 10 s (the default) is too
    // tight for a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
