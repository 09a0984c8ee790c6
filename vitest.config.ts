import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Solver tests spawn worker threads; keep the pool small on 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
