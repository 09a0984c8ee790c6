/**
 * diff, lists and allocate --previous take relative paths from the CLI's working directory (`io.cwd`), not the
 * process's, and name files as given.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { SAMPLE_NB } from '../e2e/helpers.js';
import { allocationFolder, findRow, setRow, tempDir } from './helpers.js';

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd });
  return { code, stdout, stderr };
}

describe('relative paths from the CLI working directory', () => {
  const participant = findRow((r) => r.status === 'selected', 'participant');

  it('diff and lists read and write relative to cwd, naming the files as given', async () => {
    const base = tempDir();
    allocationFolder('a', undefined, { base });
    allocationFolder('b', (rows) => setRow(rows, participant.id ?? '', { workshop_group: participant.workshop_group === '1' ? '2' : '1' }), { base });
    expect(process.cwd()).not.toBe(base);
    const d = await cli(['diff', 'a/allocation.csv', 'b/allocation.csv', '--report', 'diff.html', '--lang', 'en'], base);
    expect(d.code, d.stderr).toBe(1);
    expect(d.stdout.startsWith('Changes from a/allocation.csv to b/allocation.csv:')).toBe(true);
    expect(existsSync(join(base, 'diff.html'))).toBe(true);
    const l = await cli(['lists', '--allocation', 'a/allocation.csv', '--out', 'lists', '--date', '2026-04-20'], base);
    expect(l.code, l.stderr).toBe(0);
    expect(existsSync(join(base, 'lists', 'bi.csv'))).toBe(true);
  });

  it('allocate --previous reads the previous allocation relative to cwd', async () => {
    const base = tempDir();
    allocationFolder('draft', undefined, { base });
    const r = await cli(['allocate', ...SAMPLE_NB, '--dry-run', '--previous', 'draft/allocation.csv', '--lang', 'en'], base);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Changes from draft/allocation.csv to this run: No changes');
  });
});
