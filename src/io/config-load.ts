/**
 * Loading the programme config: the built-in `data/programme.json` or a file given with `--config`.
 * Read → check syntax → schema → semantic rules; every problem is collected and thrown together as one
 * ConfigError whose issues carry the JSON path (and the line, where the file has one).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ConfigError, type InputIssue } from '../domain/errors.js';
import { formatPath, parseProgramme, programmeSchema, type Programme, type Zod } from '../domain/programme.js';
import { readJsonLocated } from '../read/json-located.js';
import { readInputFile } from './input-file.js';

/** The built-in programme. Both `src/io` and `dist/io` sit two levels below the package root. */
export const BUILTIN_PROGRAMME_PATH = fileURLToPath(new URL('../../data/programme.json', import.meta.url));

/**
 * The SHA-256 of the built-in programme as the build validated it (`scripts/bundle.mjs` writes it after
 * `parseProgramme` accepted the file). A config with exactly these bytes is valid without loading zod, whose load
 * time was a third of a 40-seat run's. Both `dist/io` and `dist/bundle` sit one level below `dist`; from source (tests)
 * the file is missing and every config is validated.
 */
const VALIDATED_SHA256_URL = new URL('../builtin-programme.sha256', import.meta.url);

function validatedAtBuild(sha256: string): boolean {
  try {
    return readFileSync(VALIDATED_SHA256_URL, 'utf8').trim() === sha256;
  } catch {
    return false;
  }
}

/** zod, loaded on the first config that needs validating (synchronously: config loading is). */
let zod: Zod | undefined;
function loadZod(): Zod {
  zod ??= (createRequire(import.meta.url)('zod') as { z: Zod }).z;
  return zod;
}

/** `source` of the built-in programme (a file given by the user is recorded as given). */
const BUILTIN_SOURCE = 'built-in';

/** A config larger than this is refused before reading: a programme config is about 1 kB. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedProgramme {
  programme: Programme;
  /** Lowercase hex SHA-256 of the file's bytes, for the run record. */
  sha256: string;
  /** `built-in`, or the path exactly as given. */
  source: string;
}

/**
 * Load and validate a programme config: `path` as given, or the built-in programme when omitted. A relative
 * `path` is taken from `cwd` (default: the process's working directory); issues name it as given.
 * @throws ConfigError with every problem (unreadable file, JSON syntax with line and column, duplicate
 * keys, schema and semantic problems each as `path: message`).
 */
export function loadProgramme(path?: string, cwd?: string): LoadedProgramme {
  const file = path ?? BUILTIN_PROGRAMME_PATH;
  const bytes = readConfigBytes(file, cwd);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const programme = validatedAtBuild(sha256) ? (JSON.parse(decodeUtf8(bytes, file).replace(/^\uFEFF/, '')) as Programme) : parseProgrammeText(decodeUtf8(bytes, file), file);
  return { programme, sha256, source: path ?? BUILTIN_SOURCE };
}

/**
 * Validate config text (already decoded). `file` is only used in the issues.
 * @throws ConfigError
 */
export function parseProgrammeText(text: string, file: string): Programme {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = readJsonLocated(body);
  if (scan.error !== null) {
    throw new ConfigError([
      {
        code: 'invalid_json',
        file,
        line: scan.error.line,
        message: `JSON syntax error at column ${scan.error.column}: ${scan.error.message}`,
        params: { kind: 'config', path: '', problem: 'json_syntax', column: scan.error.column },
      },
    ]);
  }
  const issues: InputIssue[] = scan.duplicates.map((d) => ({
    code: 'duplicate_key',
    file,
    line: d.line,
    message: `${d.path}: duplicate key (JSON would silently keep the last one)`,
    params: { kind: 'config', path: d.path, problem: 'duplicate_key' },
  }));
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    // Only reachable if jsonc-parser and JSON.parse ever disagree: still a located user error, not a crash.
    throw new ConfigError([{ code: 'invalid_json', file, message: `JSON syntax error: ${(e as Error).message}` }]);
  }
  const result = parseProgramme(data, loadZod());
  if (!result.ok) {
    for (const p of result.problems) {
      issues.push({
        code: 'invalid_config',
        file,
        line: lineFor(scan.lines, p.path, p.message),
        message: `${p.path}: ${p.message}`,
        params: p.params === undefined ? undefined : { kind: 'config', path: p.path, ...p.params },
      });
    }
  }
  if (issues.length > 0 || !result.ok) throw new ConfigError(issues);
  return result.programme;
}

/**
 * The line of a problem's path: the member itself, an unknown key named in the message, or the nearest
 * ancestor that is in the file (for a missing key). Undefined at the root of a one-line file.
 */
function lineFor(lines: ReadonlyMap<string, number>, path: string, message: string): number | undefined {
  const unknown = /^unknown keys? "((?:[^"\\]|\\.)*)"/.exec(message);
  if (unknown?.[1] !== undefined) {
    const child = path === '(root)' ? formatPath([unknown[1]]) : `${path}.${unknown[1]}`;
    const line = lines.get(child);
    if (line !== undefined) return line;
  }
  let p = path;
  while (p !== '' && p !== '(root)') {
    const line = lines.get(p);
    if (line !== undefined) return line;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut <= 0 ? '' : p.slice(0, cut);
  }
  return undefined;
}

function readConfigBytes(file: string, cwd: string | undefined): Buffer {
  const read = readInputFile(file, { what: 'a programme config file', expected: 'config', maxBytes: MAX_CONFIG_BYTES, codes: { unreadable: 'unreadable_config', tooLarge: 'config_too_large' } }, cwd);
  if (!read.ok) throw new ConfigError([read.issue]);
  return read.bytes;
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ConfigError([{ code: 'invalid_encoding', file, message: 'expected UTF-8 text, got bytes that are not valid UTF-8', params: { kind: 'file', problem: 'not_utf8', byte: null, because: 'config' } }]);
  }
}

/**
 * The JSON Schema of a programme config as committed in `data/programme.schema.json` (two-space indent,
 * trailing newline). `scripts/gen-schemas.mjs` writes it; a test checks the committed file against it.
 */
export function programmeJsonSchema(): string {
  const z = loadZod();
  return `${JSON.stringify(z.toJSONSchema(programmeSchema(z)), null, 2)}\n`;
}
