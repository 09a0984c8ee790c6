/**
 * Test files that replace a module with `vi.mock` and so must run in a fresh module registry. Every other file
 * shares its worker's module cache (vitest.config.ts); test/meta/isolation.test.ts keeps this list complete.
 */
export const ISOLATED_TEST_FILES: readonly string[] = ['test/io/write-outputs-atomic.test.ts'];
