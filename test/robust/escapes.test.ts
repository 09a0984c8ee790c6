/**
 * Fault injection, terminal escapes: ESC, C1 CSI, BEL and bidi overrides typed into headers, cells, option values
 * and file names come back escaped in every message, warning and printed line, never raw. In-process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/app/check.js';
import { runScreen } from '../../src/app/screen.js';
import { run } from '../../src/cli/main.js';
import { escapeControls, escapeForTerminal } from '../../src/domain/escape.js';
import { OutputError, formatIssue } from '../../src/domain/errors.js';
import { escapeHtml } from '../../src/report/html.js';
import { BASE, ROOT, SAMPLE_EN, copySample, expectPrintable, issuesOf, outputErrorOf, tempDir } from './helpers.js';

const ESC = '\u001b[2J\u001b]0;owned\u0007';
const CSI = '\u009b31m';
const RLO = '\u202e';
const HOSTILE = `${ESC}${CSI}${RLO}`;
/** Controls without letters or digits: a header with them still names its column (headers are compared folded). */
const HEADER_JUNK = '\u009b\u001b';

describe('escapeControls and escapeForTerminal (pure)', () => {
  it.each([
    ['ESC and BEL', 'a\u001b[2Jb\u0007', 'a\\u001b[2Jb\\u0007'],
    ['C1 CSI and DEL', `x${CSI}\u007f`, 'x\\u009b31m\\u007f'],
    ['bidi override, zero-width space, BOM', `${RLO}a\u200b\uFEFF`, '\\u202ea\\u200b\\ufeff'],
    ['line breaks and tabs, in one line', 'a\nb\r\tc\u2028', 'a\\nb\\r\\tc\\u2028'],
    ['an invisible character beyond the BMP, as a surrogate pair', 'tag\u{E0041}', 'tag\\udb40\\udc41'],
    ['printable text, backslashes and Norwegian letters unchanged', 'Sør-Øst \\ æøå – “x”', 'Sør-Øst \\ æøå – “x”'],
  ])('escapeControls: %s', (_label, input, output) => {
    expect(escapeControls(input)).toBe(output);
  });

  it('escapeForTerminal keeps line feeds, CRLF and tabs; a JSON document keeps its meaning', () => {
    expect(escapeForTerminal(`a\tb\r\nc\rd${HOSTILE}\n`)).toBe('a\tb\r\nc\\rd\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u202e\n');
    const doc = JSON.stringify({ id: `x${HOSTILE}\u{E0041}`, list: [CSI] }, null, 2);
    const safe = escapeForTerminal(doc);
    expectPrintable(safe);
    expect(JSON.parse(safe)).toEqual(JSON.parse(doc));
  });
});

describe('messages built from hostile input are printable', () => {
  it('a header, a cell and a file name with controls: every located issue escapes them', async () => {
    const dir = tempDir();
    const files = copySample(dir, (name, t) =>
      name === 'kommune' ? t.replace('birth_date', `birth_date${HEADER_JUNK}`).replace('1982-11-10', `1982${ESC}`) : t,
    );
    const hostileFile = join(dir, `bad${ESC}.csv`);
    writeFileSync(hostileFile, `id,${RLO}x\nA,1\n`);
    const issues = await issuesOf(() => runScreen({ ...BASE, files: [...files, hostileFile], out: join(dir, 'never') }));
    expect(issues.length).toBeGreaterThanOrEqual(2);
    const text = issues.map(formatIssue).join('\n');
    expectPrintable(text);
    expect(text).toContain('kommune.csv:2 column "birth_date\\u009b\\u001b": expected a date like 31.12.1980, got "1982\\u001b[2J\\u001b]0;owned\\u0007"');
    expect(text).toContain('bad\\u001b[2J\\u001b]0;owned\\u0007.csv:1 column "sector": expected a column "sector"');
  });

  it('--include and locks cells with controls are escaped in the unknown-id and bad-lock messages', async () => {
    const dir = tempDir();
    const locks = join(dir, 'locks.csv');
    writeFileSync(locks, `rule,id,other\ninclude${CSI},TLP-0001,\nexclude,NOPE${ESC},\n`);
    const allocation = join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv');
    const nb = SAMPLE_EN.map((f) => f.replace(`${join('sample', 'en')}`, join('sample', 'nb')));
    const check = (over: { include?: string[]; locks?: string }) => issuesOf(() => runCheck({ files: nb, allocation, encoding: 'auto', strict: false, json: false, include: [], exclude: [], cwd: ROOT, ...over }));

    const bad = await check({ locks });
    expect(bad.map((i) => [i.code, i.line, i.column])).toEqual([
      ['invalid_lock', 2, 'rule'],
      ['invalid_lock', 3, 'id'],
    ]);
    const badText = bad.map(formatIssue).join('\n');
    expectPrintable(badText);
    expect(badText).toContain('got "include\\u009b31m"');
    expect(badText).toContain('got "NOPE\\u001b[2J\\u001b]0;owned\\u0007", which holds the control character U+001B');

    writeFileSync(locks, `rule,id,other\nexclude,NOPE${RLO}1,\n`);
    const unknown = await check({ include: [`NOPE${HOSTILE}`], locks });
    expect(unknown.map((i) => [i.code, i.file, i.line])).toEqual([
      ['unknown_id', '--include', undefined],
      ['unknown_id', locks, 2],
    ]);
    const text = unknown.map(formatIssue).join('\n');
    expectPrintable(text);
    expect(text).toContain('--include: expected the id of a candidate in the input files, got "NOPE\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u202e"');
    // A bidi override is invisible, so an id is read without it (as NOPE1), like a zero-width space.
    expect(text).toContain(':2 column "id": expected the id of a candidate in the input files, got "NOPE1"');
  });

  it('warnings quoting a hostile header and cell reach stderr escaped', async () => {
    const dir = tempDir();
    const files = copySample(dir, (name, t) => (name === 'kommune' ? t.replace('organisation', `organisation${HEADER_JUNK}`).replace('Skien', `Nowhere${ESC}`) : t));
    const r = await runScreen({ ...BASE, lang: 'en', files, out: join(dir, 'out') });
    expect(r.stderr).toContain('column "organisation\\u009b\\u001b": "Nowhere\\u001b[2J\\u001b]0;owned\\u0007" is not a municipality');
    expectPrintable(r.stderr);
    // The bokmål text quotes the same header and cell, escaped the same way.
    const nb = await runScreen({ ...BASE, lang: 'nb', files, out: join(dir, 'out-nb') });
    expect(nb.stderr).toContain('kolonne «organisation\\u009b\\u001b»: «Nowhere\\u001b[2J\\u001b]0;owned\\u0007» er ikke en kommune');
    expectPrintable(nb.stderr);
    expectPrintable(r.stderr);
    expectPrintable(r.stdout);
  });

  it('an output error quoting a hostile path is printable', async () => {
    const dir = tempDir();
    const out = join(dir, `out${ESC}`);
    await runScreen({ ...BASE, files: SAMPLE_EN, out });
    const e = await outputErrorOf(() => runScreen({ ...BASE, files: SAMPLE_EN, out }));
    expect(e).toBeInstanceOf(OutputError);
    expect(e.code).toBe('E_EXISTS');
    expectPrintable(e.message);
    expect(e.message).toContain('out\\u001b[2J');
  });
});

describe('the CLI prints nothing raw (in-process run)', () => {
  const capture = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await run(argv, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: { NO_COLOR: '1' }, cwd: ROOT });
    return { code, stdout, stderr };
  };

  it('an input error, a commander error and a readable summary', async () => {
    const dir = tempDir();
    const files = copySample(dir, (name, t) => (name === 'kommune' ? t.replace('birth_date', `birth_date${HEADER_JUNK}`).replace('1982-11-10', `1982${ESC}`) : t));
    const bad = await capture(['screen', ...files, '--out', join(dir, 'o')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('column "birth_date\\u009b\\u001b": expected a date like 31.12.1980');
    expectPrintable(bad.stderr);

    const usage = await capture(['screen', ...SAMPLE_EN, '--out', join(dir, 'u'), `--x${ESC}`]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('\\u001b');
    expectPrintable(usage.stderr);

    const ok = await capture(['screen', ...SAMPLE_EN, '--out', join(dir, `o${ESC}`)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`o\\u001b[2J`);
    expectPrintable(ok.stdout + ok.stderr);
  });
});

describe('the HTML report shows controls by their escape, as the terminal does', () => {
  it.each([
    ['ESC and C1 in a name', `Mari${ESC}${CSI}`, 'Mari\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m'],
    ['a bidi override and a zero-width space', `${RLO}a\u200b<b>`, '\\u202ea\\u200b&lt;b&gt;'],
    ['line feeds and tabs stay', 'a\n\tb & "c"', 'a\n\tb &amp; &quot;c&quot;'],
  ])('escapeHtml: %s', (_name, text, want) => {
    expect(escapeHtml(text)).toBe(want);
  });

  it('allocate --report with a hostile name, seed and programme name', async () => {
    const dir = tempDir();
    const files = copySample(dir, (name, t) => (name === 'kommune' ? t.replace('Mari Jensen', `Mari${HOSTILE}Jensen`) : t));
    const programme = JSON.parse(readFileSync(join(ROOT, 'data', 'programme.json'), 'utf8')) as Record<string, unknown>;
    const config = join(dir, 'programme.json');
    writeFileSync(config, JSON.stringify({ ...programme, name: `P${HOSTILE}` }));
    const report = join(dir, 'report.html');
    let stderr = '';
    const code = await run(['allocate', ...files, '--config', config, '--seed', `s${HOSTILE}`, '--out', join(dir, 'o'), '--report', report], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      cwd: ROOT,
    });
    expect([code, stderr.split('\n').filter((l) => !l.startsWith('warning:') && l !== '')]).toEqual([0, []]);
    const page = readFileSync(report, 'utf8');
    expectPrintable(page);
    expect(page).toContain('Mari\\u001b[2J');
    expect(page).toContain('P\\u001b[2J');
    expect(page).toContain('\\u202e');
  });
});
