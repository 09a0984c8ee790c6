import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { allocationFolder, setRow, tempDir, findRow } from './helpers.js';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  // run() takes argv as process.argv has it: the node binary and the script first.
  const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: process.cwd() });
  return { code, stdout, stderr };
}

describe('cohort diff through the CLI wiring (in-process)', () => {
  const selected = findRow((r) => r.status === 'selected', 'participant');

  it('exit 0 equal, 1 different, 2 on bad input or a missing argument', async () => {
    const base = tempDir();
    const a = allocationFolder('a', undefined, { base });
    const b = allocationFolder('b', (rows) => setRow(rows, selected.id ?? '', { workshop_group: selected.workshop_group === '1' ? '2' : '1' }), { base });
    expect((await cli(['diff', a, a])).code).toBe(0);
    const changed = await cli(['diff', a, b, '--lang', 'en']);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('Another workshop group, project team or quota cell (1)');
    const json = await cli(['diff', a, b, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ command: 'diff', equal: false, counts: { moved: 1 } });
    expect((await cli(['diff', a, `${a}.missing`])).code).toBe(2);
    expect((await cli(['diff', a])).code).toBe(2);
  });
});
