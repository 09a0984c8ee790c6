import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InternalError, OutputError } from '../../src/domain/errors.js';
import { encodeOutput, toCsv, writeOutputs } from '../../src/io/csv-write.js';

const root = mkdtempSync(join(tmpdir(), 'cohort-out-'));
afterAll(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});
let n = 0;
const freshDir = () => join(root, `run${++n}`, 'out');
const posix = process.platform !== 'win32';

function thrown(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('writeOutputs', () => {
  it('creates the directory (0700) and writes every file (0600), leaving no temp files', () => {
    const dir = freshDir();
    writeOutputs(dir, [{ name: 'screening.csv', content: toCsv(['id'], [['1']], { delimiter: ';' }) }, { name: 'run.json', content: '{}\n' }], { force: false });
    expect(readdirSync(dir).sort()).toEqual(['run.json', 'screening.csv']);
    if (posix) {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'screening.csv')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'run.json')).mode & 0o777).toBe(0o600);
    }
  });

  it.each<[string, string, number[]]>([
    ['screening.csv', 'id;æ\r\n', [0xef, 0xbb, 0xbf, 0x69, 0x64, 0x3b, 0xc3, 0xa6, 0x0d, 0x0a]],
    ['SCREENING.CSV', 'x', [0xef, 0xbb, 0xbf, 0x78]],
    ['bom-already.csv', '\uFEFFx', [0xef, 0xbb, 0xbf, 0x78]],
    ['run.json', '{"ø":1}', [0x7b, 0x22, 0xc3, 0xb8, 0x22, 0x3a, 0x31, 0x7d]],
    ['report.html', '<p>', [0x3c, 0x70, 0x3e]],
    ['summary.txt', 'ok', [0x6f, 0x6b]],
  ])('%s: text is UTF-8, with a BOM only for .csv', (name, content, bytes) => {
    expect([...encodeOutput(name, content)]).toEqual(bytes);
    const dir = freshDir();
    writeOutputs(dir, [{ name, content }], { force: false });
    expect([...readFileSync(join(dir, name))]).toEqual(bytes);
  });

  it('writes bytes as they are, even for .csv', () => {
    const dir = freshDir();
    writeOutputs(dir, [{ name: 'raw.csv', content: Uint8Array.from([0x61, 0xe6]) }], { force: false });
    expect([...readFileSync(join(dir, 'raw.csv'))]).toEqual([0x61, 0xe6]);
  });

  it('refuses to overwrite without force, names the file and --force, and writes nothing at all', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'b.csv'), 'old');
    const e = thrown(() => writeOutputs(dir, [{ name: 'a.csv', content: 'new' }, { name: 'b.csv', content: 'new' }], { force: false }));
    expect(e).toBeInstanceOf(OutputError);
    expect((e as OutputError).code).toBe('E_EXISTS');
    expect((e as OutputError).exitCode).toBe(3);
    expect((e as OutputError).message).toBe(`${join(dir, 'b.csv')} already exists; nothing was written (use --force to overwrite)`);
    expect(readdirSync(dir)).toEqual(['b.csv']); // a.csv was not written either
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('old');
  });

  it('names every file that exists', () => {
    const dir = freshDir();
    writeOutputs(dir, [{ name: 'a.txt', content: '1' }, { name: 'b.txt', content: '1' }], { force: false });
    const e = thrown(() => writeOutputs(dir, [{ name: 'a.txt', content: '2' }, { name: 'b.txt', content: '2' }], { force: false }));
    expect((e as Error).message).toBe(`${join(dir, 'a.txt')}, ${join(dir, 'b.txt')} already exist; nothing was written (use --force to overwrite)`);
  });

  it('overwrites with force, and the new file is 0600 whatever the old mode', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'old', { mode: 0o644 });
    writeOutputs(dir, [{ name: 'a.txt', content: 'new' }], { force: true });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new');
    if (posix) expect(statSync(join(dir, 'a.txt')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('leaves an existing directory’s mode alone', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    writeOutputs(dir, [{ name: 'a.txt', content: 'x' }], { force: false });
    if (posix) expect(statSync(dir).mode & 0o777).toBe(0o755);
  });

  it('a name taken by a directory is refused even with force', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'a.csv'), { recursive: true });
    const e = thrown(() => writeOutputs(dir, [{ name: 'a.csv', content: 'x' }], { force: true }));
    expect((e as OutputError).code).toBe('E_NOT_FILE');
  });

  it('an --out that is a file is refused', () => {
    const dir = freshDir();
    mkdirSync(join(dir, '..'), { recursive: true });
    writeFileSync(dir, 'not a dir');
    const e = thrown(() => writeOutputs(dir, [{ name: 'a.csv', content: 'x' }], { force: false }));
    expect((e as OutputError).code).toBe('E_OUT_DIR');
  });

  it.each([['../escape.csv'], ['sub/a.csv'], [''], ['..']])('a name that is not a plain file name (%j) is a bug', (name) => {
    const dir = freshDir();
    expect(thrown(() => writeOutputs(dir, [{ name, content: 'x' }], { force: true }))).toBeInstanceOf(InternalError);
    expect(existsSync(dir)).toBe(false);
  });

  it('a file that cannot be created leaves no temp file and no target, not even the files before it (atomic)', () => {
    // A real refusal by the file system that holds for root too (a read-only directory does not: root writes
    // anyway): the target name is legal (240 bytes), but its temp file's name (".NAME.<12 hex>.tmp", 258 bytes)
    // is longer than a file name may be, so creating it fails after the first file's temp file was written.
    const dir = freshDir();
    const long = `${'x'.repeat(236)}.csv`;
    const e = thrown(() => writeOutputs(dir, [{ name: 'a.csv', content: 'A' }, { name: long, content: 'B' }], { force: false }));
    expect(e).toBeInstanceOf(OutputError);
    expect((e as OutputError).code).toBe('E_WRITE');
    expect((e as OutputError).message).toBe(`cannot write into ${dir} (ENAMETOOLONG)`);
    expect(readdirSync(dir)).toEqual([]);
  });
});
