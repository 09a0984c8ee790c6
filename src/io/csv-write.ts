/**
 * Writing outputs: Excel-safe CSV text and an atomic, no-clobber file writer.
 *
 * Formula injection: a cell that starts with `=`, `+`, `-`, `@`, tab, CR or LF (or the full-width
 * `＝ ＋ － ＠`, which some spreadsheet apps also treat as formulas) is prefixed with a single quote `'`,
 * as OWASP recommends (https://owasp.org/www-community/attacks/CSV_Injection). Excel then shows the text
 * as typed with the quote as a hidden text marker; other readers see the quote. Legitimate values such as
 * `-3` are neutralised too: a spreadsheet cell must not be able to start a formula, and the outputs carry
 * text, not numbers for arithmetic. Header cells are treated the same (they come from input files).
 * Cells containing the delimiter, a double quote, CR or LF are quoted by csv-stringify, so a cell cannot
 * break out into a neighbour either.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { InternalError, OutputError } from '../domain/errors.js';
import type { OutputOption } from '../domain/i18n/catalogue.js';
import { neutraliseCell } from '../domain/cells.js';
import { pluralForm } from '../domain/text.js';


export interface CsvOptions {
  /** Field delimiter, e.g. `,`, `;` or a tab. */
  delimiter: string;
}

/**
 * CSV text for Excel: every cell neutralised against formula injection, quoted where needed, CRLF after
 * every record (including the last). No BOM: `writeOutputs` adds it to `.csv` files.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], options: CsvOptions): string {
  const records = [header, ...rows].map((r) => r.map(neutraliseCell));
  // quote_record_delimiter: csv-stringify stops quoting a lone CR or LF once record_delimiter is set; Excel
  // would end the row there.
  return stringify(records, { delimiter: options.delimiter, record_delimiter: '\r\n', quote_record_delimiter: true, quote: '"', escape: '"', eof: true });
}

export interface OutputFile {
  /** A plain file name (no directory part), e.g. `screening.csv`. */
  name: string;
  /** Text is written as UTF-8 (with a BOM for `.csv`); bytes are written as they are. */
  content: string | Uint8Array;
  /** The option that named this file, for messages; default `--out` (the folder it is written into). */
  option?: OutputOption | undefined;
}

export interface WriteOptions {
  /** Overwrite files that exist. Default in the CLI: false (`--force`). */
  force: boolean;
  /**
   * The directory a relative `dir` is taken from (the CLI's working directory). Messages keep `dir` as given.
   * Default: the process's working directory.
   */
  cwd?: string | undefined;
  /**
   * The run's input files (candidates, config, locks, allocation), as given. An output that is one of them (the
   * same file by device and inode: the same path, another spelling of it, a hard link) is refused, even with
   * `force`. Default: none.
   */
  inputs?: readonly string[] | undefined;
}

/**
 * Temp files as `writeOutputs` names them: `.NAME.PID.HEX.tmp`, and `.NAME.HEX.tmp` as earlier versions did.
 * Nothing else in an output directory is ever removed.
 */
const TEMP_NAME = /^\.(.+?)\.(?:(\d+)\.)?[0-9a-f]{12}\.tmp$/;

function tempName(name: string): string {
  return `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Whether a process with this id runs (a run that is still writing its temp files); a permission error means it does. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temp files a killed run left in `dir` (they hold candidate data): regular files named as
 * `writeOutputs` names its temp files, whose writing process no longer runs. Best effort, never throws.
 * @returns the names removed.
 */
export function removeStaleTempFiles(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (m === null) continue;
    if (m[2] !== undefined && processAlive(Number(m[2]))) continue;
    const path = join(dir, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/**
 * Refuse, even with --force, to write over an input of the run: `targets` that are the same file (device and
 * inode, so another spelling of the path or a hard link too) as one of `inputs`. Missing paths are no clash.
 * Relative paths are taken from `cwd` (default: the process's); messages name them as given.
 * @throws OutputError `E_OUTPUT_IS_INPUT`
 */
export function refuseInputTargets(targets: readonly string[], inputs: readonly string[] | undefined, cwd?: string | undefined): void {
  if (inputs === undefined || inputs.length === 0) return;
  // No identity when the path cannot be stat'ed, or the file system reports no inode number (0): no clash claimed.
  const identity = (path: string): string | null => {
    try {
      const st = statSync(cwd === undefined ? path : resolve(cwd, path), { throwIfNoEntry: false });
      return st === undefined || st.ino === 0 ? null : `${st.dev}:${st.ino}`;
    } catch {
      return null;
    }
  };
  const inputOf = new Map<string, string>();
  for (const input of inputs) {
    const id = identity(input);
    if (id !== null && !inputOf.has(id)) inputOf.set(id, input);
  }
  for (const target of targets) {
    const id = identity(target);
    const input = id === null ? undefined : inputOf.get(id);
    if (input !== undefined) {
      throw new OutputError(
        'E_OUTPUT_IS_INPUT',
        `${target} is the input file ${input}; nothing was written (choose another output directory or name: an input is never overwritten, not even with --force)`,
        { kind: 'output_is_input', target, input },
      );
    }
  }
}

/**
 * The report's file name in `path`, or an `E_REPORT_PATH` error when `path` names no file (empty, `.`, `..`, a
 * trailing slash). `example`: a file name to give instead, `report.html`.
 */
export function reportFileName(path: string, option: OutputOption, example: string): string {
  const name = basename(path);
  if (name === '' || name === '.' || name === '..' || /[/\\]$/.test(path)) {
    throw new OutputError('E_REPORT_PATH', `${option}: expected a file name like ${example}, got "${path}"`, { kind: 'report_path', option, path, example });
  }
  return name;
}

const UTF8_BOM = '\uFEFF';

/** The bytes of a file: strings as UTF-8, with a BOM for `.csv` (Excel needs it to read UTF-8). */
export function encodeOutput(name: string, content: string | Uint8Array): Uint8Array {
  if (typeof content !== 'string') return content;
  const bom = extname(name).toLowerCase() === '.csv' && !content.startsWith(UTF8_BOM) ? UTF8_BOM : '';
  return Buffer.from(bom + content, 'utf8');
}

/**
 * Write `files` into `dir` (created with mode 0700 when new). Refuses, before writing anything, when a file
 * exists and `force` is false, and always when a file is one of `options.inputs`. Each file is written to a temp
 * file (mode 0600) in `dir`, synced and renamed into place, so a reader never sees a half-written file; all temp
 * files are written before the first rename. A failure between two renames (disk removed, say) can leave the
 * earlier files of the set written. Temp files an earlier, killed run left in `dir` are removed first.
 * @throws OutputError `E_EXISTS` (a file exists, no force), `E_NOT_FILE` (the name is taken by a
 * non-file), `E_OUTPUT_IS_INPUT` (a file is an input of the run), `E_OUT_DIR` (`dir` cannot be created or is
 * not a directory), `E_WRITE` (an I/O failure).
 */
export function writeOutputs(dir: string, files: readonly OutputFile[], options: WriteOptions): void {
  for (const f of files) {
    if (f.name === '' || f.name === '.' || f.name === '..' || basename(f.name) !== f.name || f.name.includes('\\')) {
      throw new InternalError('E_OUTPUT_NAME', `output file name must be a plain name, got ${JSON.stringify(f.name)}`);
    }
  }
  // `at` is where the file system looks; `dir` (as the user typed it) is what messages name.
  const at = options.cwd === undefined ? dir : resolve(options.cwd, dir);
  ensureDir(at, dir);
  removeStaleTempFiles(at);

  const existing: string[] = [];
  for (const f of files) {
    const target = join(dir, f.name);
    const st = lstatOrNull(join(at, f.name), target);
    if (st === null) continue;
    if (!st.isFile()) {
      const option = f.option ?? '--out';
      throw new OutputError('E_NOT_FILE', `${target} exists and is not a regular file; choose another ${option === '--out' ? '--out directory' : `${option} path`}`, { kind: 'not_file', path: target, option });
    }
    existing.push(target);
  }
  refuseInputTargets(existing, options.inputs, options.cwd);
  if (existing.length > 0 && !options.force) {
    throw new OutputError('E_EXISTS', `${existing.join(', ')} already ${pluralForm(existing.length, 'exists', 'exist')}; nothing was written (use --force to overwrite)`, { kind: 'exists', paths: existing });
  }

  const temps: Array<{ temp: string; target: string }> = [];
  try {
    for (const f of files) {
      const target = join(at, f.name);
      const temp = join(at, tempName(f.name));
      writeSynced(temp, encodeOutput(f.name, f.content));
      temps.push({ temp, target });
    }
    while (temps.length > 0) {
      const t = temps[0];
      if (t === undefined) break;
      renameSync(t.temp, t.target);
      temps.shift();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError('E_WRITE', `cannot write into ${dir} (${code ?? String(e)})`, { kind: 'write', path: dir, reason: code ?? String(e) });
  } finally {
    for (const t of temps) {
      try {
        unlinkSync(t.temp);
      } catch {
        // Already gone: nothing to clean up.
      }
    }
  }
  syncDir(at);
}

function ensureDir(at: string, dir: string): void {
  // `--out ""` (an unset variable in a script) would mean the working directory: never meant.
  if (dir.trim() === '') throw new OutputError('E_OUT_DIR', 'expected an output directory, got an empty name', { kind: 'out_dir_empty' });
  try {
    mkdirSync(at, { recursive: true, mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OutputError('E_OUT_DIR', `cannot create the output directory ${dir} (${code ?? 'unknown error'})`, { kind: 'out_dir_create', dir, reason: code ?? 'unknown error' });
  }
  if (!statSync(at).isDirectory()) throw new OutputError('E_OUT_DIR', `${dir} is not a directory`, { kind: 'not_dir', dir });
}

/**
 * What is at an output path (not following a symbolic link), or null when nothing is. A path the file system
 * refuses to look at (a name over 255 bytes, a loop of links) is an `E_WRITE` naming `shown`, not a crash.
 */
export function lstatOrNull(path: string, shown: string = path): Stats | null {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) ?? null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return null;
    throw new OutputError('E_WRITE', `cannot write ${shown} (${code ?? String(e)})`, { kind: 'write', path: shown, reason: code ?? String(e) });
  }
}

/** Create `path` exclusively with mode 0600, write all bytes, fsync, close; remove it again on failure. */
function writeSynced(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    // The umask can only take bits away; set the mode explicitly so the file is exactly 0600.
    fchmodSync(fd, 0o600);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // Best effort.
    }
    throw e;
  }
  closeSync(fd);
}

/** Make the renames durable. Not possible on every platform (Windows cannot open a directory): best effort. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
