import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, EXIT, formatIssue, type InputIssue } from '../../src/domain/errors.js';
import { BUILTIN_PROGRAMME_PATH, loadProgramme, parseProgrammeText } from '../../src/io/config-load.js';
import fc from 'fast-check';
import { readJsonLocated } from '../../src/read/json-located.js';

const dir = mkdtempSync(join(tmpdir(), 'cohort-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const builtinText = readFileSync(BUILTIN_PROGRAMME_PATH, 'utf8');
const builtin = JSON.parse(builtinText) as Record<string, unknown>;

let n = 0;
function writeConfig(text: string | Uint8Array): string {
  const path = join(dir, `p${++n}.json`);
  writeFileSync(path, text);
  return path;
}

/** A config object as the tests edit it: deliberately untyped, so that wrong values can be written. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests write values the schema rejects
type Loose = any;

/** The built-in config, deep-copied and changed by `edit`, written pretty-printed. */
function variant(edit: (p: Loose) => void): string {
  const p = structuredClone(builtin);
  edit(p);
  return writeConfig(JSON.stringify(p, null, 2));
}

function issuesOf(path: string): InputIssue[] {
  try {
    loadProgramme(path);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const err = e as ConfigError;
    expect(err.code).toBe('E_CONFIG');
    expect(err.exitCode).toBe(EXIT.invalidInput);
    return [...err.issues];
  }
  throw new Error('expected a ConfigError');
}
const messages = (path: string) => issuesOf(path).map((i) => i.message);

describe('loadProgramme: the built-in programme', () => {
  it('loads the top-leader programme with its hash', () => {
    const r = loadProgramme();
    expect(r.source).toBe('built-in');
    expect(r.programme.seats).toBe(40);
    expect(r.programme.startDate).toBe('2026-08-17');
    expect(r.programme.quotas.spesialist.cells?.map((c) => c.seats)).toEqual([8, 4, 4, 4]);
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(BUILTIN_PROGRAMME_PATH)).digest('hex'));
  });

  it('loads a given file, recording the path as given', () => {
    const path = variant((p) => {
      p.seats = 30;
      p.quotas.kommune.seats = 10;
    });
    const r = loadProgramme(path);
    expect(r.source).toBe(path);
    expect(r.programme.seats).toBe(30);
  });

  it('accepts a UTF-8 BOM (Notepad) and a $schema pointer', () => {
    const path = writeConfig(`\uFEFF${JSON.stringify({ $schema: './programme.schema.json', ...builtin })}`);
    expect(loadProgramme(path).programme.name).toBe(builtin['name']);
  });
});

describe('loadProgramme: schema and rule problems, each with its path', () => {
  it.each<[string, (p: Loose) => void, string[]]>([
    ['bad seats in a cell', (p) => (p.quotas.spesialist.cells[2].seats = 0), ['quotas.spesialist.cells[2].seats: expected a positive integer']],
    ['fractional seats', (p) => (p.quotas.spesialist.cells[2].seats = 4.5), ['quotas.spesialist.cells[2].seats: expected a positive integer']],
    ['negative fractional seats, said once', (p) => (p.quotas.spesialist.cells[2].seats = -1.5), ['quotas.spesialist.cells[2].seats: expected a positive integer']],
    ['minAge as a string', (p) => (p.eligibility.minAge = '25'), ['eligibility.minAge: expected number, received string']],
    ['seats as a string', (p) => (p.seats = '40'), ['seats: expected a positive integer']],
    ['cells not summing', (p) => (p.quotas.spesialist.cells[0].seats = 9), ["quotas.spesialist.cells: expected the cells' seats to add up to 20, got 21"]],
    ['sectors not summing', (p) => (p.seats = 41), ['seats: expected the sum of the sector quotas (40), got 41']],
    ['unknown key at the root', (p) => (p.colour = 'blue'), ['(root): unknown key "colour"']],
    ['unknown key deep down', (p) => (p.quotas.spesialist.cells[1].region = 'x'), ['quotas.spesialist.cells[1]: unknown key "region"']],
    ['bad date', (p) => (p.startDate = '2026-02-30'), ['startDate: expected a real calendar date like 2026-08-15']],
    ['date in the wrong form', (p) => (p.startDate = '17.08.2026'), ['startDate: expected a date like 2026-08-15']],
    ['duplicate RHF cell', (p) => (p.quotas.spesialist.cells[3].rhf = 'Helse Vest'), ['quotas.spesialist.cells[3].rhf: expected each RHF once, "Helse Vest" is also cells[1]']],
    ['unknown RHF', (p) => (p.quotas.spesialist.cells[0].rhf = 'Helse Sor-Ost'), ['quotas.spesialist.cells[0].rhf: expected one of Helse Sør-Øst, Helse Vest, Helse Midt-Norge, Helse Nord']],
    ['gender share out of range', (p) => (p.gender.minShareCohort = 0.6), ['gender.minShareCohort: expected a share between 0 and 0.5']],
    ['endorsement not a boolean', (p) => (p.eligibility.requireEndorsement = 'yes'), ['eligibility.requireEndorsement: expected true or false']],
  ])('%s', (_label, edit, expected) => {
    expect(messages(variant(edit))).toEqual(expected);
  });

  it('a missing key is reported at its path', () => {
    const msgs = messages(
      variant((p) => {
        delete p.eligibility.minAge;
      }),
    );
    expect(msgs).toEqual(['eligibility.minAge: required: expected number']);
    expect(messages(variant((p) => delete p.quotas.spesialist.cells[1].seats))).toEqual(['quotas.spesialist.cells[1].seats: required: expected a positive integer']);
  });

  it('collects every problem, not the first, each with the file and its line', () => {
    const path = variant((p) => {
      p.quotas.spesialist.cells[2].seats = -1;
      p.startDate = 'soon';
      p.extra = 1;
    });
    const issues = issuesOf(path);
    expect(issues.map((i) => i.message).sort()).toEqual(['(root): unknown key "extra"', 'quotas.spesialist.cells[2].seats: expected a positive integer', 'startDate: expected a date like 2026-08-15']);
    for (const i of issues) expect(i.file).toBe(path);
    const lines = readFileSync(path, 'utf8').split('\n');
    const seats = issues.find((i) => i.message.startsWith('quotas.spesialist.cells[2].seats'));
    expect(lines[(seats?.line ?? 0) - 1]).toContain('"seats": -1');
    const extra = issues.find((i) => i.message.includes('extra'));
    expect(lines[(extra?.line ?? 0) - 1]).toContain('"extra"');
    expect(formatIssue(seats as InputIssue)).toBe(`${path}:${seats?.line}: quotas.spesialist.cells[2].seats: expected a positive integer`);
  });

  it('semantic rules run only on a schema-valid config', () => {
    expect(messages(variant((p) => ((p.seats = 0), (p.quotas.kommune.seats = 3))))).toEqual(['seats: expected a positive integer']);
  });

  it('a duplicate key is an error (JSON.parse would keep the last silently)', () => {
    const text = builtinText.replace('"seats": 40,', '"seats": 40,\n  "seats": 40,');
    const issues = issuesOf(writeConfig(text));
    expect(issues.map((i) => [i.code, i.line, i.message])).toEqual([['duplicate_key', 5, 'seats: duplicate key (JSON would silently keep the last one)']]);
  });
});

describe('loadProgramme: files that cannot be read as JSON', () => {
  it.each<[string, string, number, string]>([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 'JSON syntax error at column 3: expected "," or "}" after a property value, got "\\""'],
    ['a trailing comma', '{\n  "a": 1,\n}', 3, 'JSON syntax error at column 1: expected a property name in double quotes (JSON allows no comma before "}"), got "}"'],
    ['a trailing comma in an array', '{"a": [1, 2, ]}', 1, 'JSON syntax error at column 14: expected a value (JSON allows no comma before "]"), got "]"'],
    ['single quotes', "{\r\n 'a': 1}", 2, `JSON syntax error at column 2: expected a property name in double quotes, got "'"`],
    ['a comment', '{\n  // seats\n  "seats": 40\n}', 2, 'JSON syntax error at column 3: expected a property name in double quotes, got "/"'],
    ['truncated', '{\n  "a": [1, 2', 2, 'JSON syntax error at column 13: expected "," or "]" after an array element, got end of input'],
    ['an unclosed string', '{\n  "name": "Kull 2026\n}', 2, 'JSON syntax error at column 21: expected a closing double quote (a line break or control character must be escaped inside a string), got "\\n"'],
    ['a string never closed', '{ "name": "Kull', 1, 'JSON syntax error at column 11: expected a closing double quote for the string that starts here, got end of input'],
    ['an empty file', '', 1, 'JSON syntax error at column 1: expected a value (object, array, string, number, true, false or null), got end of input'],
    ['two values', '{}\n{}', 2, 'JSON syntax error at column 1: expected end of input after the top-level value, got "{"'],
    ['a bad number', '{"a": 01}', 1, 'JSON syntax error at column 8: expected "," or "}" after a property value, got "1"'],
    ['a bare word', '{"a": yes}', 1, 'JSON syntax error at column 7: expected a value (object, array, string, number, true, false or null), got "y"'],
    ['a column after æøå counts characters', '{"navn": "Sør-Øst" x}', 1, 'JSON syntax error at column 20: expected "," or "}" after a property value, got "x"'],
    ['a missing colon', '{"a" 1}', 1, 'JSON syntax error at column 6: expected ":" after a property name, got "1"'],
    ['a bad escape', '{"a": "C:\\temp\\new\\x"}', 1, 'JSON syntax error at column 20: expected one of " \\ / b f n r t u after a backslash, got "x"'],
    ['a short \\u escape', '{"a": "\\u00e"}', 1, 'JSON syntax error at column 10: expected four hex digits after \\u, got "0"'],
    ['a tab inside a string', '{"a": "x\ty"}', 1, 'JSON syntax error at column 9: expected a closing double quote (a line break or control character must be escaped inside a string), got "\\t"'],
    ['a number ending in a point', '{"seats": 40.}', 1, 'JSON syntax error at column 14: expected a digit after the decimal point, got "}"'],
    ['an exponent without digits', '{"seats": 4e}', 1, 'JSON syntax error at column 13: expected a digit in the exponent, got "}"'],
    ['a lone minus', '{"seats": -}', 1, 'JSON syntax error at column 12: expected a digit, got "}"'],
    ['a literal run into a word', '{"ok": nullx}', 1, 'JSON syntax error at column 12: expected "," or "}" after a property value, got "x"'],
    ['a non-breaking space', '{"a":\u00a01}', 1, 'JSON syntax error at column 6: expected a value (object, array, string, number, true, false or null), got "\u00a0"'],
    ['a comma after the brace', '{,"a": 1}', 1, 'JSON syntax error at column 2: expected a property name in double quotes, got ","'],
    ['a closing bracket too many', '{"a": [1]]}', 1, 'JSON syntax error at column 10: expected "," or "}" after a property value, got "]"'],
  ])('%s: %j → line %i', (_label, text, line, message) => {
    expect(() => JSON.parse(text)).toThrow(); // the reader must agree with JSON.parse
    const issues = issuesOf(writeConfig(text));
    expect(issues).toEqual([{ code: 'invalid_json', file: expect.any(String), line, message, params: { kind: 'config', path: '', problem: 'json_syntax', column: Number(/column (\d+)/.exec(message)?.[1]) } }]);
  });

  it.each<[string, () => string, string, string]>([
    ['a missing file', () => join(dir, 'nope.json'), 'unreadable_config', 'no such file'],
    ['a directory', () => dir, 'unreadable_config', 'expected a programme config file, got a directory'],
    ['cp1252 bytes', () => writeConfig(Uint8Array.from([0x7b, 0x22, 0xf8, 0x22, 0x3a, 0x31, 0x7d])), 'invalid_encoding', 'expected UTF-8 text, got bytes that are not valid UTF-8'],
    ['a huge file', () => writeConfig(' '.repeat(1024 * 1024 + 1)), 'config_too_large', 'expected a programme config file of at most 1 MiB (1048576 bytes), got 1048577 bytes'],
  ])('%s', (_label, make, code, message) => {
    const path = make();
    expect(issuesOf(path)).toMatchObject([{ code, file: path, message, params: { kind: 'file' } }]);
  });

  it('deep nesting is an error, not a stack overflow', () => {
    const issues = issuesOf(writeConfig('['.repeat(100_000)));
    expect(issues[0]?.message).toBe('JSON syntax error at column 514: expected at most 512 levels of nesting, got more');
  });
});

describe('readJsonLocated', () => {
  it.each([
    '{"a":[1,-2.5e+3,0,true,false,null,"x\\u00e6\\n"],"b":{}}',
    ' [ ] ',
    '"\\ud83d\\ude00"',
    '{"a":{"b":[{"c":1}]}}',
  ])('%s is well-formed', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(readJsonLocated(text).error).toBeNull();
  });

  it('records the line of each member and element', () => {
    const s = readJsonLocated('{\n "a": {\n  "b": [\n   1,\n   {"c": 2}\n  ]\n }\n}');
    expect(Object.fromEntries(s.lines)).toEqual({ a: 2, 'a.b': 3, 'a.b[0]': 4, 'a.b[1]': 5, 'a.b[1].c': 5 });
  });

  it('counts lines ended by CR, LF and CRLF alike', () => {
    expect(Object.fromEntries(readJsonLocated('{\r"a": 1,\r\n"b": 2,\n"c": 3}').lines)).toEqual({ a: 2, b: 3, c: 4 });
  });

  it('finds a duplicate key in a nested object, keeping the first line', () => {
    const s = readJsonLocated('{"a": [{"x": 1,\n "x": 2}], "b": {"x": 1}}');
    expect(s.duplicates).toEqual([{ path: 'a[0].x', line: 2 }]);
    expect(s.lines.get('a[0].x')).toBe(1);
  });

  it('finds an error exactly where JSON.parse does, on text made from JSON tokens', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '\n', '"a"', '"', '\\', '1', '-', '.', 'e', 'true', 'nul', '/', "'", '\u0001');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(readJsonLocated(text).error === null).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseProgrammeText reports against the given file name', () => {
    expect(() => parseProgrammeText('nope', 'x.json')).toThrow(ConfigError);
  });
});
