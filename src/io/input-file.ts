/**
 * Reading one input file: candidates, a locks file, an allocation, the programme config. Every reader goes
 * through `readInputFile`, so every path is treated alike: a directory, a FIFO, a device or a socket is refused
 * before it is opened for reading (a FIFO would block, `/dev/zero` would never end), and so is a file over the
 * stated size. Each refusal is one located `InputIssue` naming the file.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { InputIssue } from '../domain/errors.js';
import type { FileExpected, FileProblem, NotRegular } from '../domain/i18n/catalogue.js';

export interface InputFileKind {
  /** What the file should be, for messages: `a CSV file`, `a programme config file`. */
  what: string;
  /** The same for the other languages' words. */
  expected: FileExpected;
  /** Larger files are refused, in bytes. */
  maxBytes: number;
  /** Issue codes. Default: `unreadable_file` (missing, not a regular file, no permission) and `file_too_large`. */
  codes?: { unreadable: string; tooLarge: string } | undefined;
}

export type InputFileResult = { ok: true; bytes: Buffer } | { ok: false; issue: InputIssue };

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** What a stat says the path is, when it is not a regular file. */
function notAFile(st: Stats): NotRegular | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'character_device';
  if (st.isBlockDevice()) return 'block_device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

const NOT_REGULAR: Record<NotRegular, string> = {
  directory: 'a directory',
  fifo: 'a FIFO (named pipe)',
  character_device: 'a character device',
  block_device: 'a block device',
  socket: 'a socket',
  other: 'something that is not a regular file',
};

/** `1 MiB (1048576 bytes)`: the limit, exact and readable. */
function limitText(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB (${bytes} bytes)` : `${bytes} bytes`;
}

/**
 * The bytes of `path`, or why not. Refused: a missing or unreadable path, anything but a regular file (after
 * following symbolic links), and a file over `kind.maxBytes`. The size is checked by `stat` before opening and
 * again while reading, so a file that grows (or a `/proc` file that reports size 0) cannot exceed it either; the
 * open is non-blocking, so a FIFO swapped in between the check and the open cannot hang the run. A relative
 * `path` is taken from `cwd` (default: the process's); issues name `path` as given.
 */
export function readInputFile(path: string, kind: InputFileKind, cwd?: string | undefined): InputFileResult {
  const at = cwd === undefined ? path : resolve(cwd, path);
  const codes = kind.codes ?? { unreadable: 'unreadable_file', tooLarge: 'file_too_large' };
  const refuse = (code: string, message: string, params: FileProblem): InputFileResult => ({ ok: false, issue: { code, file: path, message, params: { kind: 'file', ...params } } });
  const notFile = (got: NotRegular) => refuse(codes.unreadable, `expected ${kind.what}, got ${NOT_REGULAR[got]}`, { problem: 'not_regular', got, expected: kind.expected });
  const tooLarge = (bytes: number | null) =>
    refuse(codes.tooLarge, `expected ${kind.what} of at most ${limitText(kind.maxBytes)}, got ${bytes === null ? `more than ${kind.maxBytes} bytes` : `${bytes} bytes`}`, {
      problem: 'too_large',
      expected: kind.expected,
      maxBytes: kind.maxBytes,
      bytes,
    });
  let fd: number | undefined;
  try {
    const st = statSync(at);
    const other = notAFile(st);
    if (other !== null) return notFile(other);
    if (st.size > kind.maxBytes) return tooLarge(st.size);
    fd = openSync(at, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = notAFile(fstatSync(fd));
    if (opened !== null) return notFile(opened);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      if (total > kind.maxBytes) return tooLarge(null);
      chunks.push(n === CHUNK ? chunk : chunk.subarray(0, n));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse(codes.unreadable, 'no such file', { problem: 'missing' });
    if (code === 'EACCES' || code === 'EPERM') return refuse(codes.unreadable, 'permission denied', { problem: 'permission' });
    if (code === 'EISDIR') return notFile('directory');
    return refuse(codes.unreadable, `cannot read it (${code ?? 'unknown error'})`, { problem: 'unreadable', reason: code ?? 'unknown error' });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
