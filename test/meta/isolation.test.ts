import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED_TEST_FILES } from '../isolated-files.js';

const ROOT = join(import.meta.dirname, '..', '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? testFiles(join(dir, d.name)) : d.name.endsWith('.test.ts') ? [relative(ROOT, join(dir, d.name))] : [],
  );
}

describe('test isolation', () => {
  it('every test file that replaces a module runs isolated, and the list names only such files', () => {
    const mocking = testFiles(join(ROOT, 'test'))
      .filter((f) => /\bvi\.(mock|doMock)\(/.test(readFileSync(join(ROOT, f), 'utf8')))
      .sort();
    expect(mocking).toEqual([...ISOLATED_TEST_FILES].sort());
  });
});
