// Failure injection for writeOutputs: node:fs is wrapped so that creating, writing or renaming a file fails on
// demand (a permission trick would not work when the tests run as root).
import type * as FsModule from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { OutputError } from '../../src/domain/errors.js';
import { writeOutputs } from '../../src/io/csv-write.js';

const fail = vi.hoisted(() => ({ openOf: null as string | null, writeOf: null as string | null, renameOf: null as string | null }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof FsModule>();
  const pathOfFd = new Map<number, string>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  return {
    ...fs,
    openSync: (...args: Parameters<typeof fs.openSync>) => {
      if (fail.openOf !== null && String(args[0]).includes(fail.openOf)) {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }
      const fd = fs.openSync(...args);
      pathOfFd.set(fd, String(args[0]));
      return fd;
    },
    writeSync: ((fd: number, ...rest: unknown[]) => {
      if (fail.writeOf !== null && (pathOfFd.get(fd) ?? '').includes(fail.writeOf)) throw enospc();
      return (fs.writeSync as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync,
    renameSync: (from: string, to: string) => {
      if (fail.renameOf !== null && to.endsWith(fail.renameOf)) throw enospc();
      fs.renameSync(from, to);
    },
  };
});

const root = mkdtempSync(join(tmpdir(), 'cohort-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  fail.openOf = null;
  fail.writeOf = null;
  fail.renameOf = null;
});
let n = 0;
const freshDir = () => {
  const d = join(root, `run${++n}`);
  mkdirSync(d);
  return d;
};

function thrown(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

const files = [
  { name: 'a.csv', content: 'A' },
  { name: 'b.json', content: 'B' },
];

describe('writeOutputs when the disk fails', () => {
  it('a failed write of the second file: nothing is written, no temp file is left', () => {
    const dir = freshDir();
    fail.writeOf = 'b.json';
    const e = thrown(() => writeOutputs(dir, files, { force: false }));
    expect(e).toBeInstanceOf(OutputError);
    expect((e as OutputError).code).toBe('E_WRITE');
    expect((e as OutputError).message).toBe(`cannot write into ${dir} (ENOSPC)`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('permission denied creating the second file: nothing is written, no temp file is left', () => {
    const dir = freshDir();
    fail.openOf = '.b.json.';
    const e = thrown(() => writeOutputs(dir, files, { force: false }));
    expect((e as OutputError).code).toBe('E_WRITE');
    expect((e as OutputError).message).toBe(`cannot write into ${dir} (EACCES)`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed write with force leaves the old file untouched', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.csv'), 'old');
    fail.writeOf = 'a.csv';
    expect((thrown(() => writeOutputs(dir, files, { force: true })) as OutputError).code).toBe('E_WRITE');
    expect(readdirSync(dir)).toEqual(['a.csv']);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old');
  });

  it('a failed rename leaves no temp file behind', () => {
    const dir = freshDir();
    fail.renameOf = 'b.json';
    expect((thrown(() => writeOutputs(dir, files, { force: false })) as OutputError).code).toBe('E_WRITE');
    // The first file was already in place: documented; no .tmp remains.
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('without failures both files land and no temp file is left', () => {
    const dir = freshDir();
    writeOutputs(dir, files, { force: false });
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.json']);
  });
});
