/**
 * Issue 13, items 5, 6 and 8, through the CLI in-process: the committee's decisions with their reasons (a
 * formula-like one among them) in summary.json, allocation.csv, the workbook, the report and `check --json`;
 * candidates over the nomination cap as their own status; job title and e-mail carried to the files, never to
 * the terminal.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipParts } from '../io/zip-parts.js';
import { parseLocks } from '../../src/read/locks.js';
import { readAllocation } from '../../src/read/allocation.js';
import { readCsv } from '../../src/read/csv.js';
import { cohort, SAMPLE_EN, type Run } from '../e2e/helpers.js';
import type { DecisionRecord } from '../../src/app/decisions.js';

const FORMULA = '=HYPERLINK("http://example.invalid","x")';
const LOCKS = [
  'regel;id;annen;begrunnelse',
  `gruppe;TLP-0001;3;${FORMULA}`,
  'inkluder;TLP-0091;;"For ung i år; men lovende"',
  'adskilt;TLP-0002;TLP-0024;',
  'gruppe;TLP-0010;99;@feil gruppe',
].join('\n');

const enc = (s: string) => new TextEncoder().encode(s);


describe('parseLocks: the optional reason column', () => {
  it.each([
    ['Norwegian header', 'regel;id;annen;begrunnelse\ninkluder;A;;fordi\n', [{ rule: 'include', id: 'A', other: null, group: null, reason: 'fordi', source: { file: 'l.csv', line: 2 } }]],
    ['English header, blank reason', 'rule,id,other,reason\ngroup,A,2,\n', [{ rule: 'group', id: 'A', other: null, group: 2, reason: null, source: { file: 'l.csv', line: 2 } }]],
    ['no reason column', 'rule,id,other\ntogether,A,B\n', [{ rule: 'together', id: 'A', other: 'B', group: null, reason: null, source: { file: 'l.csv', line: 2 } }]],
    ['a formula-like reason kept as typed', `rule;id;reason\nexclude;A;${FORMULA}\n`, [{ rule: 'exclude', id: 'A', other: null, group: null, reason: FORMULA, source: { file: 'l.csv', line: 2 } }]],
  ])('%s', (_name, text, expected) => {
    expect(parseLocks(enc(text), 'l.csv').decisions).toEqual(expected);
  });
});

let dir: string;
let files: string[];
let locks: string;
let csvRun: Run;
let xlsxRun: Run;

/** The English sample, with an e-mail and a job title column only in the municipal file. */
function sampleWithEmail(): string[] {
  return SAMPLE_EN.map((src, i) => {
    const lines = readFileSync(src, 'utf8').trimEnd().split('\n');
    const out = i === 0 ? lines.map((l, j) => (j === 0 ? `${l},E-post` : `${l},${l.split(',')[0]?.toLowerCase()}@example.no`)) : lines;
    const path = join(dir, `in-${i}.csv`);
    writeFileSync(path, `${out.join('\n')}\n`);
    return path;
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cohort-committee-'));
  files = sampleWithEmail();
  locks = join(dir, 'locks.csv');
  writeFileSync(locks, `${LOCKS}\n`);
  csvRun = await cohort(['allocate', ...files, '--locks', locks, '--out', join(dir, 'run'), '--report', join(dir, 'run', 'report.html'), '--include', 'TLP-0003', '--lang', 'nb']);
  xlsxRun = await cohort(['allocate', ...files, '--locks', locks, '--out', join(dir, 'run.xlsx'), '--lang', 'en']);
}, 180_000);

/** The summary's decisions[] as the app declares it (not a copy of its shape). */
type Decision = DecisionRecord;

describe('allocate records every committee decision', () => {
  it('summary.json lists each with reason, source and verdict, the option first', () => {
    expect(csvRun.code, csvRun.stderr).toBe(1); // group 99 cannot hold
    const s = JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8')) as { decisions: Decision[] };
    const brief = s.decisions.map((d) => [d.rule, d.id, d.other ?? d.group, d.reason, d.source.line, d.obeyed]);
    expect(brief).toEqual([
      ['include', 'TLP-0003', null, null, null, true],
      ['group', 'TLP-0001', 3, FORMULA, 2, true],
      ['include', 'TLP-0091', null, 'For ung i år; men lovende', 3, false],
      ['apart', 'TLP-0002', 'TLP-0024', null, 4, true],
      ['group', 'TLP-0010', 99, '@feil gruppe', 5, false],
    ]);
    expect(s.decisions[0]?.source.file).toBe('--include');
    expect(s.decisions[2]?.why).toBe('included but not eligible');
    expect(s.decisions[4]?.why).toMatch(/lock of TLP-0010 into group 99 dropped: there are \d+ groups/);
    for (const d of s.decisions) expect(d.why === null).toBe(d.obeyed);
  });

  it('the terminal names the decisions not obeyed by rule and id, never the reason text', () => {
    expect(csvRun.stdout).toContain('Komiteens beslutninger: 5, 2 ikke fulgt');
    expect(csvRun.stdout).toContain(`Ikke fulgt: ta med TLP-0091 (${locks} linje 3); se rapporten eller summary.json.`);
    expect(csvRun.stdout).not.toContain('For ung i år');
    for (const text of [FORMULA, 'men lovende', '@feil']) expect(csvRun.stdout + csvRun.stderr).not.toContain(text);
  });

  it('allocation.csv carries the reasons, and no cell starts a formula', () => {
    const text = readFileSync(join(dir, 'run', 'allocation.csv'), 'utf8');
    const t = readCsv(text.replace(/^\uFEFF/, ''), 'allocation.csv');
    // The sample's Norwegian headers make the file bokmål.
    const reasons = t.headers.indexOf('Begrunnelse');
    expect(reasons).toBeGreaterThan(0);
    const row = (id: string) => t.records.find((r) => r.cells[0] === id)?.cells ?? [];
    expect(row('TLP-0001')[reasons]).toContain(`komiteens vedtak: TLP-0001 i gruppe 3 (${locks} linje 2): ${FORMULA}`);
    // The committee's ";" must not split the cell's reasons.
    expect(row('TLP-0091')[reasons]).toContain(`komiteens vedtak: ta med TLP-0091 (${locks} linje 3, ikke fulgt): For ung i år, men lovende`);
    expect(row('TLP-0091')[reasons]).toContain('komiteens beslutning er ikke fulgt: skulle tas med, men er ikke kvalifisert');
    for (const r of t.records) for (const c of r.cells) expect(c).not.toMatch(/^[=+\-@]/);
  });

  it('the report has the decisions section, the reason escaped as text', () => {
    const html = readFileSync(join(dir, 'run', 'report.html'), 'utf8');
    expect(html).toContain('<section id="decisions">');
    expect(html).toContain('Komiteens vedtak');
    expect(html).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;x&quot;)');
    expect(html).toContain('✗ ikke fulgt');
  });

  it('the workbook has a decisions sheet whose reason is an inline string, never a formula', () => {
    expect(xlsxRun.code, xlsxRun.stderr).toBe(1);
    const zip = zipParts(new Uint8Array(readFileSync(join(dir, 'run.xlsx'))));
    expect(zip.get('xl/workbook.xml')).toContain('name="Committee decisions"');
    const sheets = [...zip.entries()].filter(([k]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).map(([, v]) => v);
    const sheet = sheets.find((x) => x.includes('@feil gruppe'));
    expect(sheet).toBeDefined();
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;x&quot;)');
  });

  it('check --json carries the same decisions, measured on the written file', async () => {
    const r = await cohort(['check', '--candidates', ...files, '--allocation', join(dir, 'run', 'allocation.csv'), '--locks', locks, '--include', 'TLP-0003', '--json']);
    const doc = JSON.parse(r.stdout) as { decisions: Decision[] };
    const s = JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8')) as { decisions: Decision[] };
    expect(doc.decisions.map((d) => [d.rule, d.id, d.reason, d.obeyed])).toEqual(s.decisions.map((d) => [d.rule, d.id, d.reason, d.obeyed]));
  });
});

describe('over the nomination cap: its own status', () => {
  it('allocation.csv, summary.json and the terminal', () => {
    const a = readAllocation(readFileSync(join(dir, 'run', 'allocation.csv')), 'allocation.csv');
    expect(a.rows.filter((r) => r.status === 'over_cap').map((r) => r.id)).toEqual(['TLP-0108']);
    const s = JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8')) as { counts: { ineligible: number; overCap: number }; nominationCap: unknown };
    expect(s.counts.overCap).toBe(1);
    expect(s.nominationCap).toEqual({ cap: 3, trusts: [{ trust: 'Sykehuset Telemark HF', rhf: 'Helse Sør-Øst', nominated: 4, overCap: ['TLP-0108'] }] });
    expect(csvRun.stdout).toContain('Over nominasjonstaket: Sykehuset Telemark HF nominerte 4, taket er 3; 1 kandidat over taket (TLP-0108).');
    const html = readFileSync(join(dir, 'run', 'report.html'), 'utf8');
    expect(html).toContain('<section id="over-cap">');
    expect(html.slice(html.indexOf('<section id="ineligible">'), html.indexOf('<section id="over-cap">'))).not.toContain('data-id="TLP-0108"');
  });

  it.each([
    ['over_cap', 'over_cap'],
    ['over nominasjonstaket', 'over_cap'],
    ['Over the nomination cap', 'over_cap'],
  ])('the reader takes %j as %s', (typed, status) => {
    const a = readAllocation(enc(`id;status;workshop_group;project_team\nX;${typed};;\n`), 'a.csv');
    expect(a.issues).toEqual([]);
    expect(a.rows[0]?.status).toBe(status);
  });

  it('an older file\'s "ineligible" with only the cap as reason reads as over_cap; another reason keeps it ineligible', () => {
    const a = readAllocation(enc('id;status;workshop_group;project_team;reasons\nX;ineligible;;;nomination_cap: T HF nominated 4, at most 3\nY;ineligible;;;"nomination_cap: x; too_young: 24"\n'), 'a.csv');
    expect(a.rows.map((r) => r.status)).toEqual(['over_cap', 'ineligible']);
  });

  it('check accepts the Norwegian status and flags over_cap on an eligible candidate', async () => {
    const file = join(dir, 'run', 'allocation.csv');
    const text = readFileSync(file, 'utf8');
    const nb = join(dir, 'nb-status.csv');
    writeFileSync(nb, text.replace('TLP-0108;over_cap;', 'TLP-0108;over nominasjonstaket;').replace('TLP-0108,over_cap,', 'TLP-0108,over nominasjonstaket,'));
    const ok = await cohort(['check', '--candidates', ...files, '--allocation', nb, '--json']);
    const okDoc = JSON.parse(ok.stdout) as { violations: Array<{ code: string }>; counts: { overCap: number } };
    expect(okDoc.violations.filter((v) => v.code.startsWith('marked_'))).toEqual([]);
    expect(okDoc.counts.overCap).toBe(1);
    const reserve = readAllocation(readFileSync(file), 'x').rows.find((r) => r.status === 'reserve')?.id ?? '';
    const bad = join(dir, 'bad-status.csv');
    writeFileSync(bad, text.replace(new RegExp(`^${reserve}([;,])reserve`, 'm'), `${reserve}$1over_cap`));
    const r = await cohort(['check', '--candidates', ...files, '--allocation', bad, '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { violations: Array<{ code: string; ids: string[] }> }).violations.filter((v) => v.code === 'marked_over_cap').map((v) => v.ids)).toEqual([[reserve]]);
  });
});

describe('job title and e-mail', () => {
  it('allocation.csv and the report carry them; the terminal never shows an e-mail', async () => {
    const text = readFileSync(join(dir, 'run', 'allocation.csv'), 'utf8');
    expect(text.split('\n')[0]).toContain(';Stilling;');
    expect(text.split('\n')[0]).toContain('E-post');
    expect(text).toContain('tlp-0001@example.no');
    const html = readFileSync(join(dir, 'run', 'report.html'), 'utf8');
    expect(html).toContain('<span class="mail">tlp-0001@example.no</span>');
    expect(html).toContain('<span class="pos">Avdelingsleder legevakt</span>');
    const lists = await cohort(['lists', '--allocation', join(dir, 'run', 'allocation.csv'), '--out', join(dir, 'lists'), '--date', '2026-04-20']);
    expect(lists.code, lists.stderr).toBe(0);
    expect(readFileSync(join(dir, 'lists', 'ks.csv'), 'utf8')).toContain('tlp-0001@example.no');
    const check = await cohort(['check', '--candidates', ...files, '--allocation', join(dir, 'run', 'allocation.csv'), '--locks', locks]);
    for (const r of [csvRun, xlsxRun, lists, check]) expect(r.stdout + r.stderr).not.toContain('@example.no');
  });

  it('without an e-mail column the report shows none', async () => {
    const r = await cohort(['report', '--candidates', ...SAMPLE_EN, '--allocation', join(dir, 'run', 'allocation.csv'), '--output', join(dir, 'plain.html')]);
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
    const html = readFileSync(join(dir, 'plain.html'), 'utf8');
    expect(html).not.toContain('class="mail"');
    expect(html).toContain('class="pos"');
  });
});
