/**
 * `cohort check` (the CLI in-process): the untouched allocation passes, each hand-broken allocation of
 * fixtures/hand-edited/ fails with the right message and exit code; then the allocation reader in-process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { sheetLib } from '../../src/io/workbook-lib.js';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/app/summary-schema.js';
import { encodeCp1252 } from '../../scripts/lib/generate.js';
import { accountForCandidates, readAllocation } from '../../src/read/allocation.js';
import { neutraliseCell, unneutraliseCell } from '../../src/domain/cells.js';
import { ROOT, SAMPLE_EN, SAMPLE_NB, cohort, tempDir, type Run } from './helpers.js';

const GOLDEN_ALLOCATION = join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv');
const handEdited = (name: string) => `fixtures/hand-edited/${name}`;
/** The nb sample, relative to the repository root (the cwd of every run), as messages then name them. */
const SAMPLE_NB_REL = SAMPLE_NB.map((f) => relative(ROOT, f));

/** `cohort check` with the nb sample as candidates and paths relative to the repository root. */
function check(allocation: string, extra: readonly string[] = []): Promise<Run> {
  return cohort(['check', '--candidates', ...SAMPLE_NB_REL, '--allocation', allocation, ...extra]);
}

function report(run: Run): CheckReport {
  // Exactly one JSON document on stdout: JSON.parse refuses anything after it.
  return JSON.parse(run.stdout) as CheckReport;
}

/** Every name and birth date of the sample, in both dialects' date forms. */
function personalData(): string[] {
  const rows = SAMPLE_EN.flatMap((f) => parse(readFileSync(f, 'utf8'), { columns: true }) as Array<Record<string, string>>);
  return rows.flatMap((r) => {
    const [y, m, d] = (r.birth_date ?? '').split('-');
    return [r.name ?? '', r.birth_date ?? '', `${d}.${m}.${y}`];
  }).filter((s) => s !== '' && s !== 'undefined.undefined.');
}

const ID = 'TLP-\\d{4}';
const ROW = (file: string) => `${ID} \\(fixtures/sample/nb/${file} line \\d+(, priority \\d+)?\\)`;

describe('cohort check on the untouched allocation', () => {
  it('exits 0 and says every rule is met', async () => {
    const r = await check(GOLDEN_ALLOCATION);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('(40 selected, 76 reserve, 0 excluded, 14 ineligible) against 130 candidates in 5 files.');
    expect(r.stdout).toContain('0 errors, 0 rules not met, 0 warnings.\nEvery programme rule is met.\n');
    // Screening warnings go to stderr, never between the findings.
    expect(r.stderr).toMatch(/^warning: Sykehuset Telemark HF nominated 4 candidates/);
  });

  it('--json prints one document: ok, no violations, the allocation as read', async () => {
    const r = await check(GOLDEN_ALLOCATION, ['--json']);
    expect(r.code).toBe(0);
    const doc = report(r);
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'check', ok: true, strict: false, violations: [], tally: { errors: 0, unmet: 0, warnings: 0 } });
    expect(doc.allocation).toMatchObject({ encoding: 'utf8', delimiter: ';', rows: 130 });
    expect(r.stderr).toMatch(/^warning: /);
  });

  it('passes the same allocation written with `,` from the English sample (a dialect is not a decision)', async () => {
    const out = tempDir();
    expect((await cohort(['allocate', ...SAMPLE_EN, '--out', out])).code).toBe(0);
    const r = await check(join(out, 'allocation.csv'), ['--json']);
    expect(r.code, r.stdout).toBe(0);
    expect(report(r).allocation.delimiter).toBe(',');
  });

  it('reads back cells the writer neutralised against formula injection (ids starting with = - + @)', async () => {
    const dir = tempDir();
    const rows = parse(readFileSync(join(ROOT, 'fixtures', 'broken', 'formula-injection.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const ids = ['=A1', '-2', '+3', '@4', 'TLP-0005'];
    rows.forEach((r, i) => {
      r.id = ids[i] ?? '';
    });
    const candidates = join(dir, 'candidates.csv');
    writeFileSync(candidates, stringify(rows, { header: true, columns: Object.keys(rows[0] ?? {}) }));
    const out = join(dir, 'out');
    const allocate = await cohort(['allocate', candidates, '--out', out]);
    expect(allocate.code).toBe(1); // 5 candidates cannot fill 40 seats
    expect(readFileSync(join(out, 'allocation.csv'), 'utf8')).toContain("\n'=A1,");
    const r = await cohort(['check', '--candidates', candidates, '--allocation', join(out, 'allocation.csv'), '--json']);
    expect(r.code, r.stderr).toBe(1);
    const doc = report(r);
    expect(doc.tally.errors).toBe(0);
    expect(doc.violations.every((v) => v.severity === 'unmet')).toBe(true);
  });
});

describe('cohort check on hand-edited allocations (fixtures/hand-edited/)', () => {
  it.each<[string, number, string[], RegExp[]]>([
    [
      'helse-vest-5th.csv',
      1,
      ['over_quota', 'reserve_rank_sequence', 'group_count', 'group_size', 'team_composition', 'team_org_clash'],
      [new RegExp(`^error   over_quota: Helse Vest: 5 selected for 4 seats \\(in fixtures/hand-edited/helse-vest-5th\\.csv: (${ID} line \\d+, ){4}${ID} line \\d+\\)$`, 'm')],
    ],
    ['group-of-9.csv', 1, ['group_size'], [/^error {3}group_size: group 1 has 9 members, expected 6–8 \(in fixtures\/hand-edited\/group-of-9\.csv: /m]],
    [
      'team-3-1.csv',
      1,
      ['team_composition', 'team_composition'],
      [/^error {3}team_composition: team 1 has 1 municipal and 3 specialist members, expected 2 \+ 2 /m, /^error {3}team_composition: team 2 has 3 municipal and 1 specialist members, expected 2 \+ 2 /m],
    ],
    [
      'ineligible-swapped-in.csv',
      1,
      ['selected_ineligible', 'seats_unfilled', 'gender_rules_below_achievable', 'gender_rule_not_met', 'reserve_rank_missing'],
      [
        new RegExp(`^error   selected_ineligible: ${ROW('helse-vest.csv')} is selected but not eligible for any quota cell \\(no_bachelor\\) \\(in fixtures/hand-edited/ineligible-swapped-in\\.csv: ${ID} line \\d+\\)$`, 'm'),
        /^error {3}seats_unfilled: Helse Vest: 3 selected for 4 seats although 12 candidates are available$/m,
      ],
    ],
    [
      'committee-swap.csv',
      0,
      ['justified_envy'],
      [new RegExp(`^warning justified_envy: Helse Sør-Øst: ${ROW('helse-sor-ost.csv')} is not selected while ${ROW('helse-sor-ost.csv')} is, and swapping them breaks no gender rule`, 'm')],
    ],
    ['excel-resaved.csv', 0, [], [/Every programme rule is met\./]],
  ])('%s: exit %i with the right findings', async (file, exit, codes, messages) => {
    const text = await check(handEdited(file));
    expect(text.code, text.stdout + text.stderr).toBe(exit);
    for (const m of messages) expect(text.stdout).toMatch(m);
    const json = await check(handEdited(file), ['--json']);
    expect(json.code).toBe(exit);
    const doc = report(json);
    expect(doc.violations.map((v) => v.code)).toEqual(codes);
    expect(doc.ok).toBe(exit === 0);
  });

  it('the Excel re-save is read as Windows-1252 with `;` and no BOM', async () => {
    const bytes = readFileSync(join(ROOT, handEdited('excel-resaved.csv')));
    expect(bytes[0]).not.toBe(0xef);
    const doc = report(await check(handEdited('excel-resaved.csv'), ['--json']));
    expect(doc.allocation).toMatchObject({ encoding: 'cp1252', delimiter: ';', rows: 130 });
  });

  it('--strict makes the committee\'s justified envy an error: exit 1', async () => {
    const r = await check(handEdited('committee-swap.csv'), ['--strict', '--json']);
    expect(r.code).toBe(1);
    const doc = report(r);
    expect(doc.strict).toBe(true);
    expect(doc.violations.map((v) => [v.code, v.severity])).toEqual([['justified_envy', 'error']]);
  });

  it('an unknown id: exit 3, naming the allocation line and the candidate left without a row', async () => {
    for (const extra of [[], ['--json']]) {
      const r = await check(handEdited('unknown-id.csv'), extra);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/fixtures\/hand-edited\/unknown-id\.csv:\d+ column "ID": expected the id of a candidate in the candidate files, got "TLP-9999"/);
      expect(r.stderr).toMatch(new RegExp(`fixtures/hand-edited/unknown-id\\.csv: expected a row for every candidate, ${ID} \\(fixtures/sample/nb/helse-nord\\.csv:\\d+\\) has none; every input row must be accounted for`));
    }
  });

  it('a selected person missing from the candidates (a candidate file left out): exit 3', async () => {
    const r = await cohort(['check', '--candidates', ...SAMPLE_NB_REL.filter((f) => !f.endsWith('helse-nord.csv')), '--allocation', GOLDEN_ALLOCATION]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/allocation\.csv:\d+ column "ID": expected the id of a candidate in the candidate files, got "TLP-\d{4}"/);
  });

  it('a row without a decision and cells that are not numbers: exit 3 with every cell located', async () => {
    const dir = tempDir();
    const lines = readFileSync(GOLDEN_ALLOCATION, 'utf8').split('\r\n');
    // The golden allocation is bokmål: `Status` `tatt opp`, `Verkstedgruppe`, `Prosjektgruppe`.
    lines[1] = lines[1]!.replace(/^(TLP-\d{4});tatt opp;kommune;;\d+;\d+;/, '$1;maybe;kommune;;x;0;');
    lines[2] = lines[2]!.replace(/^(TLP-\d{4});tatt opp;/, '$1;;');
    const file = join(dir, 'allocation.csv');
    writeFileSync(file, lines.join('\r\n'));
    const r = await check(file);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${file}:2 column "Status": expected one of selected, reserve, excluded, ineligible, over_cap, withdrawn, got "maybe"`);
    expect(r.stderr).toContain(`${file}:2 column "Verkstedgruppe": expected a workshop group number (a whole number from 1) or a blank cell, got "x"`);
    expect(r.stderr).toContain(`${file}:2 column "Prosjektgruppe": expected a project team number (a whole number from 1) or a blank cell, got "0"`);
    expect(r.stderr).toContain(`${file}:3 column "Status": expected one of selected, reserve, excluded, ineligible, over_cap, withdrawn, got a blank cell`);
    expect(r.stderr).not.toContain('has none');
  });

  it('statuses that contradict the screening: an eligible reserve marked ineligible, an ineligible one marked reserve', async () => {
    const dir = tempDir();
    const text = readFileSync(GOLDEN_ALLOCATION, 'utf8')
      .replace(/\n(TLP-\d{4});ikke kvalifisert;kommune;;/, '\n$1;reserve;kommune;;')
      .replace(/\n(TLP-\d{4});reserve;kommune;34;/, '\n$1;ikke kvalifisert;kommune;;');
    const file = join(dir, 'allocation.csv');
    writeFileSync(file, text);
    const r = await cohort(['check', '--candidates', ...SAMPLE_NB_REL, '--allocation', file, '--json']);
    expect(r.code).toBe(1);
    const doc = report(r);
    expect(doc.violations.map((v) => [v.code, v.severity])).toEqual([
      ['marked_ineligible', 'error'],
      ['marked_reserve', 'error'],
      ['reserve_rank_missing', 'error'], // the one marked ineligible is an eligible candidate without a reserve rank
    ]);
    expect(doc.violations[0]?.message).toMatch(new RegExp(`^${ROW('kommune.csv')} is marked ineligible, but screening finds them eligible for kommune \\(in `));
    expect(doc.violations[1]?.message).toMatch(new RegExp(`^${ROW('kommune.csv')} is marked reserve, but is not eligible \\((too_young|no_bachelor|too_little_experience)\\) \\(in `));
  });

  it('an allocation that cannot be read: exit 3', async () => {
    const r = await check('no/such/allocation.csv');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no/such/allocation.csv: no such file');
  });

  it('--allocation and --candidates are required: usage error, exit 2', async () => {
    expect((await cohort(['check', '--candidates', ...SAMPLE_NB_REL])).code).toBe(2);
    expect((await cohort(['check', '--allocation', GOLDEN_ALLOCATION])).code).toBe(2);
  });

  it('--help names the exit codes', async () => {
    const r = await cohort(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit code 0: every rule is met; 1: a rule is not met/);
    expect(r.stdout).toContain('--strict');
  });

  it('prints no names or birth dates, on stdout or stderr', async () => {
    const runs = await Promise.all(['helse-vest-5th.csv', 'ineligible-swapped-in.csv', 'committee-swap.csv', 'unknown-id.csv'].flatMap((f) => [check(handEdited(f)), check(handEdited(f), ['--json'])]));
    const data = personalData();
    expect(data.length).toBeGreaterThan(200);
    for (const r of runs) {
      for (const p of data) {
        expect(r.stdout).not.toContain(p);
        expect(r.stderr).not.toContain(p);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// The allocation reader, in-process.

const CANDIDATES = ['A-1', 'A-2', 'A-3'].map((id, i) => ({ id, ref: { file: 'c.csv', line: i + 2 } }));

function bytesOf(text: string, encoding: 'utf8-bom' | 'cp1252' = 'utf8-bom'): Uint8Array {
  return encoding === 'cp1252' ? encodeCp1252(text) : Buffer.from(`\uFEFF${text}`, 'utf8');
}

describe('cohort check in bokmål', () => {
  it('--lang nb: each finding in a few words by its code, with the body, the gender and the ids; no English left', async () => {
    const r = await check(handEdited('ineligible-swapped-in.csv'), ['--lang', 'nb']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^feil {9}selected_ineligible: en som ikke er kvalifisert, er tatt opp \(TLP-\d{4}\)$/m);
    expect(r.stdout).toContain('seats_unfilled: ikke alle plasser er fylt: Helse Vest');
    expect(r.stdout).toContain('ikke oppfylt gender_rule_not_met: en kjønnsregel er ikke oppfylt: Helse Vest, menn');
    const lines = r.stdout.split('\n').map((l) => l.replace(/\b[a-z]+(_[a-z]+)+\b/g, ''));
    for (const l of lines) expect(l).not.toMatch(/\b(selected|seats?|eligible|gender|rule|reserve rank|line|priority|candidates?)\b/);
    const swap = await check(handEdited('committee-swap.csv'), ['--lang', 'nb']);
    expect(swap.stdout).toMatch(/^advarsel {5}justified_envy: en bedre rangert kandidat i samme kvotecelle er forbigått \(TLP-\d{4} og TLP-\d{4}\)$/m);
  });
});

describe('readAllocation', () => {
  it('reads the decisions in either delimiter and encoding, ignoring every other column', () => {
    const comma = 'id,status,Navn,reserve_rank,workshop_group,project_team\r\nA-1,selected,Åse,,1,2\r\nA-2,reserve,Øy,1,,\r\nA-3,ineligible,Ærlig,,,\r\n';
    const semi = comma.replaceAll(',', ';');
    for (const [text, enc, delimiter] of [[comma, 'utf8-bom', ','], [semi, 'cp1252', ';']] as const) {
      const a = readAllocation(bytesOf(text, enc), 'a.csv');
      expect(a.issues).toEqual([]);
      expect([a.encoding, a.delimiter, a.hasReserveRanks, a.complete]).toEqual([enc === 'cp1252' ? 'cp1252' : 'utf8', delimiter, true, true]);
      expect(a.rows).toEqual([
        { id: 'A-1', line: 2, status: 'selected', workshopGroup: 1, projectTeam: 2, reserveRank: null },
        { id: 'A-2', line: 3, status: 'reserve', workshopGroup: null, projectTeam: null, reserveRank: 1 },
        { id: 'A-3', line: 4, status: 'ineligible', workshopGroup: null, projectTeam: null, reserveRank: null },
      ]);
    }
  });

  it('accepts headers in any case, Norwegian statuses, Excel\'s "3,0" and a neutralised id', () => {
    const a = readAllocation(bytesOf("ID;Status;Workshop Group;Project-Team\n'-1;Valgt;3,0;1\nA-2;ikke  kvalifisert;;\nA-3;Ekskludert;;\n"), 'a.csv');
    expect(a.issues).toEqual([]);
    expect(a.hasReserveRanks).toBe(false);
    expect(a.rows.map((r) => [r.id, r.status, r.workshopGroup])).toEqual([['-1', 'selected', 3], ['A-2', 'ineligible', null], ['A-3', 'excluded', null]]);
  });

  it('locates every bad cell and duplicate id, and reads on', () => {
    const a = readAllocation(bytesOf('id;status;workshop_group;project_team;reserve_rank\nA-1;chosen;1;2;\n;selected;1.5;;\nA-1;reserve;;;-1\n'), 'a.csv');
    expect(a.issues.map((i) => [i.line, i.column, i.code, i.message])).toEqual([
      [2, 'status', 'invalid_status', 'expected one of selected, reserve, excluded, ineligible, over_cap, withdrawn, got "chosen"'],
      [3, 'id', 'missing_value', 'expected a candidate id, got a blank cell'],
      [3, 'workshop_group', 'invalid_workshop_group', 'expected a workshop group number (a whole number from 1) or a blank cell, got "1.5"'],
      [4, 'reserve_rank', 'invalid_reserve_rank', 'expected a reserve rank (a whole number from 1) or a blank cell, got "-1"'],
      [4, 'id', 'duplicate_id', 'expected each candidate once, "A-1" is also on line 2'],
    ]);
    expect(a.rows).toEqual([]);
  });

  it('names a missing column once, at the header line', () => {
    const a = readAllocation(bytesOf('id;status;workshop_group\nA-1;selected;1\n'), 'a.csv');
    expect(a.issues).toEqual([
      { code: 'missing_column', file: 'a.csv', line: 1, column: 'project_team', message: 'expected a column "project_team" (an allocation.csv as cohort allocate writes it has id, status, workshop_group, project_team)' },
    ]);
    expect(a.complete).toBe(false);
    // An unreadable file does not also make every candidate "missing".
    expect(accountForCandidates(a, CANDIDATES)).toEqual([]);
  });

  it('refuses bytes that are not text, and a damaged workbook', () => {
    expect(readAllocation(new Uint8Array([0x41, 0x00, 0x42]), 'a.csv').issues.map((i) => i.code)).toEqual(['binary_file']);
    // A zip header: a workbook, which needs the spreadsheet library; cut short, it is damaged.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]);
    expect(readAllocation(zip, 'a.xlsx').issues.map((i) => i.code)).toEqual(['unsupported_workbook']);
    expect(readAllocation(zip, 'a.xlsx', { sheetLib: sheetLib() }).issues.map((i) => i.code)).toEqual(['corrupt_workbook']);
  });
});

describe('accountForCandidates', () => {
  it('every candidate has a row and every row is a candidate', () => {
    const a = readAllocation(bytesOf('id;status;workshop_group;project_team\nA-1;selected;1;1\nB-9;reserve;;\nA-3;reserve;;\n'), 'a.csv');
    expect(accountForCandidates(a, CANDIDATES)).toEqual([
      { code: 'unknown_id', file: 'a.csv', line: 3, column: 'id', message: 'expected the id of a candidate in the candidate files, got "B-9"', params: { kind: 'unknown_candidate', id: 'B-9' } },
      {
        code: 'missing_candidate',
        file: 'a.csv',
        message: 'expected a row for every candidate, A-2 (c.csv:3) has none; every input row must be accounted for',
        params: { kind: 'missing_candidate_row', id: 'A-2', file: 'c.csv', line: 3 },
      },
    ]);
  });
});

describe('unneutraliseCell', () => {
  it.each([
    ["'=SUM(1)", '=SUM(1)'],
    ["'-3", '-3'],
    ["'+47 912", '+47 912'],
    ["'@x", '@x'],
    ["'\tx", '\tx'],
    ["'＝x", '＝x'],
    ["'abc", "'abc"],
    ["''=x", "''=x"],
    ['plain', 'plain'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(unneutraliseCell(cell)).toBe(expected);
  });

  it('undoes neutraliseCell for every cell that does not itself start with a quote before a formula character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", 'a', '1', ' ', '＝') }), (cell) => {
        fc.pre(!/^'[=+\-@\t\r\n＝＋－＠]/.test(cell));
        expect(unneutraliseCell(neutraliseCell(cell))).toBe(cell);
      }),
    );
  });
});
