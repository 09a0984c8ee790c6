/**
 * Fault injection, ids: prototype names (`__proto__`, `constructor`, `toString`) are ordinary ids and column
 * names through allocate → check; invisible characters, spacing and decomposed letters never make two people of
 * one id, and ids named in an allocation, a locks file or --include match however they were typed. In-process;
 * one allocation of the English sample.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAllocate } from '../../src/app/allocate.js';
import { runCheck, type CheckOptions } from '../../src/app/check.js';
import { runScreen } from '../../src/app/screen.js';
import { BASE, ROOT, copySample, issuesOf, tempDir } from './helpers.js';

/** Sample ids renamed: two participants, a reserve and an ineligible candidate of Helse Vest, and one with letters NFC composes. */
const RENAME: Record<string, string> = { 'TLP-0059': '__proto__', 'TLP-0069': 'constructor', 'TLP-0106': 'toString', 'TLP-0086': 'hasOwnProperty', 'TLP-0020': 'ÅSE-Ø1' };
const PROTO_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const COMPOSED = 'ÅSE-Ø1'.normalize('NFC');
const DECOMPOSED = COMPOSED.normalize('NFD');

let dir: string;
let files: string[];
let allocation: string;
let allocateExit: number;
/** allocation.csv as arrays of cells (not objects: a header `__proto__` must not become a prototype here either). */
let table: string[][];

function readTable(path: string): string[][] {
  return parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ',', relax_column_count: false }) as string[][];
}

function checkOptions(over: Partial<CheckOptions> = {}): CheckOptions {
  return { files, allocation, encoding: 'auto', strict: false, json: false, include: [], exclude: [], cwd: ROOT, ...over };
}

/** The allocation with its id cells rewritten, written next to it. */
function rewrittenAllocation(name: string, rewrite: (id: string) => string): string {
  const [header, ...rows] = table;
  const path = join(dir, name);
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  writeFileSync(path, [header as string[], ...rows.map((r) => [rewrite(r[0] as string), ...r.slice(1)])].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
  return path;
}

beforeAll(async () => {
  dir = tempDir();
  files = copySample(dir, (name, text) => {
    let t = text;
    for (const [from, to] of Object.entries(RENAME)) t = t.replace(`\n${from},`, `\n${to},`);
    // Two unknown columns named like prototype members, in one file only.
    if (name === 'helse-vest') t = t.split('\n').map((line, i) => (line === '' ? line : `${line},${i === 0 ? '__proto__,constructor' : `p${i},c${i}`}`)).join('\n');
    return t;
  });
  const outcome = await runAllocate({ ...BASE, files, out: join(dir, 'out'), include: [], exclude: [], deadlineMs: 20_000 });
  allocateExit = outcome.exitCode;
  allocation = join(dir, 'out', 'allocation.csv');
  table = readTable(allocation);
}, 120_000);

describe('prototype names are data', () => {
  it('allocate writes each prototype id once, with a whole number or nothing as group and team', () => {
    const [header, ...rows] = table as [string[], ...string[][]];
    const at = (name: string) => header.indexOf(name);
    for (const r of rows) {
      expect(r[at('workshop_group')]).toMatch(/^(\d+)?$/);
      expect(r[at('project_team')]).toMatch(/^(\d+)?$/);
    }
    const proto = rows.filter((r) => PROTO_IDS.includes(r[0] as string));
    expect(proto.map((r) => r[0]).sort()).toEqual([...PROTO_IDS].sort());
    // Both paths are exercised: a participant (placed) and someone without a place.
    const statuses = new Set(proto.map((r) => r[at('status')]));
    expect(statuses.has('selected')).toBe(true);
    expect([...statuses].some((s) => s !== 'selected')).toBe(true);
  });

  it('unknown columns named __proto__ and constructor pass through with their cells', () => {
    const [header, ...rows] = table as [string[], ...string[][]];
    expect(header).toContain('__proto__');
    expect(header).toContain('constructor');
    const vest = rows.filter((r) => r[header.indexOf('source_file')]?.endsWith('helse-vest.csv'));
    expect(vest.length).toBeGreaterThan(0);
    for (const r of vest) {
      const line = r[header.indexOf('source_line')];
      expect([r[header.indexOf('__proto__')], r[header.indexOf('constructor')]]).toEqual([`p${Number(line) - 1}`, `c${Number(line) - 1}`]);
    }
  });

  it('check accepts allocate\'s own output (the round trip)', () => {
    const r = runCheck(checkOptions());
    expect(r.exitCode).toBe(allocateExit);
    expect(r.exitCode).toBe(0);
  });

  it('a status or lock rule named like a prototype member is refused where it is', async () => {
    const [header] = table as [string[]];
    const statusAt = header.indexOf('status');
    const rows = table.slice(1);
    const bad = join(dir, 'bad-status.csv');
    writeFileSync(bad, [header, ...rows.map((r, i) => (i < 3 ? r.map((c, k) => (k === statusAt ? PROTO_IDS[i] ?? c : c)) : r))].map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'));
    const issues = await issuesOf(() => runCheck(checkOptions({ allocation: bad })));
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['invalid_status', 2, 'status'],
      ['invalid_status', 3, 'status'],
      ['invalid_status', 4, 'status'],
    ]);

    const locks = join(dir, 'proto-locks.csv');
    writeFileSync(locks, 'rule,id,other\n__proto__,TLP-0001,\nconstructor,TLP-0001,\ntoString,TLP-0001,\ninclude,toString,\n');
    const lockIssues = await issuesOf(() => runCheck(checkOptions({ locks })));
    expect(lockIssues).toEqual(
      ['__proto__', 'constructor', 'toString'].map((rule, i) => ({ code: 'invalid_lock', file: locks, line: i + 2, column: 'rule', message: `expected one of include, exclude, group, apart, together, got "${rule}"`,
        params: { kind: 'lock', problem: 'rule', value: rule, allowed: ['include', 'exclude', 'group', 'apart', 'together'] },
      })),
    );
  });
});

describe('ids are normalised the same way everywhere', () => {
  it('an allocation whose ids carry invisible characters, extra spaces or decomposed letters is the same allocation', () => {
    const path = rewrittenAllocation('retyped.csv', (id) => (id === COMPOSED ? DECOMPOSED : id === 'TLP-0001' ? ' \u200bTLP-\u00ad0001\uFEFF ' : id.replace('-', '-\u2060')));
    expect(readFileSync(path, 'utf8')).toContain(DECOMPOSED);
    const r = runCheck(checkOptions({ allocation: path }));
    expect(r.stdout).toContain('0 errors, 0 rules not met, 0 warnings.');
    expect(r.exitCode).toBe(0);
  });

  it('--include and a locks file match ids typed with invisible characters or decomposed letters', async () => {
    const [header, ...rows] = table as [string[], ...string[][]];
    const row = rows.find((r) => r[0] === COMPOSED) as string[];
    expect(row[header.indexOf('status')]).toBe('selected');
    const group = Number(row[header.indexOf('workshop_group')]);
    const locks = (g: number) => {
      const path = join(dir, `locks-${g}.csv`);
      writeFileSync(path, `rule,id,other\ngroup,${DECOMPOSED}\u200b,${g}\n`);
      return path;
    };
    const ok = runCheck(checkOptions({ include: [`\u200b${DECOMPOSED} `], locks: locks(group) }));
    expect(ok.exitCode).toBe(0);
    // The lock is matched, not ignored: the wrong group number is found.
    const wrong = runCheck(checkOptions({ locks: locks((group % 5) + 1) }));
    expect(wrong.stdout).toContain(`lock_group: ${COMPOSED} is locked into group ${(group % 5) + 1} but is in group ${group}`);
  });
});

describe('candidate ids: one id per person, however it was typed', () => {
  const screen = (extra: string) => issuesOf(() => runScreen({ ...BASE, files: copySample(tempDir(), (name, t) => (name === 'kommune' ? t + extra : t)), out: join(tempDir(), 'never') }));
  /** The row of TLP-0001 with another id, as a copy-paste would make it. */
  const copyOf = (id: string) => readFileSync(files[0] as string, 'utf8').split('\n')[1]?.replace('TLP-0001', id) + '\n';

  it.each([
    ['a trailing zero-width space', 'TLP-0001\u200b', true],
    ['a soft hyphen inside', 'TLP-\u00ad0001', true],
    ['a byte-order mark in front', '\uFEFFTLP-0001', false],
    ['a no-break space around', '\u00a0TLP-0001\u00a0', false],
    ['a word joiner', 'TLP\u2060-0001', true],
  ])('a copied row with %s is a located duplicate', async (_label, id, explained) => {
    const issues = await screen(copyOf(id));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'duplicate_id', line: 62, column: 'id' });
    const why = explained ? ` \\(written "TLP-0001" there and ".+" here: they differ only in invisible characters, spacing or composed letters\\)` : '';
    expect(issues[0]?.message).toMatch(new RegExp(`^expected each id once across all files, "TLP-0001" is also at .*kommune\\.csv:2${why}$`));
  });

  it('composed and decomposed letters are one id', async () => {
    const issues = await screen(copyOf(COMPOSED) + copyOf(DECOMPOSED));
    expect(issues.map((i) => [i.code, i.line])).toEqual([['duplicate_id', 63]]);
  });

  it('an id of nothing but invisible characters, or with a control character, is refused where it is', async () => {
    const issues = await screen(copyOf('\u200b\u200c') + copyOf('TLP-\u001b[2J9'));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'invalid_id', line: 62, column: 'id', message: 'expected an application id, got only invisible characters ("\\u200b\\u200c")' }),
      expect.objectContaining({ code: 'invalid_id', line: 63, column: 'id', message: 'expected an application id, got "TLP-\\u001b[2J9", which holds the control character U+001B' }),
    ]);
  });

  it('a lone id with invisible characters is read without them, with a warning naming its line', async () => {
    const out = join(tempDir(), 'o');
    const r = await runScreen({ ...BASE, lang: 'en', files: copySample(tempDir(), (name, t) => (name === 'kommune' ? t.replace('\nTLP-0001,', '\nTLP-0001\u200b,') : t)), out });
    expect(r.stderr).toMatch(/warning: .*kommune\.csv: 1 id with invisible characters, unusual spaces or decomposed letters, read without them \(line 2\)/);
    const screening = readFileSync(join(out, 'screening.csv'), 'utf8');
    expect(screening).toMatch(/\r\nTLP-0001,/);
    expect(screening).not.toMatch(/\r\nTLP-0001\u200b,/);
  });
});
