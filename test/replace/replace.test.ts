/**
 * `cohort replace` through the CLI, starting from the sample year as `cohort allocate` writes it: one withdrawal
 * from a full cohort, a gender swap, an empty reserve list, several withdrawals at once, committee adds, a chain of
 * replacements; `cohort check` on every result; byte-identical output for the same input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReplaceSummarySchema, type ReplaceSummary } from '../../src/app/summary-schema.js';
import { SAMPLE, allocateSample, cellCount, cellMinimum, check, clashes, cohort, countOf, genderSwap, plainWithdrawal, readRows, replace, reservesOf, tempDir, type Row, type Run } from './helpers.js';

let allocation: string;
let before: Row[];

beforeAll(async () => {
  allocation = await allocateSample();
  before = readRows(allocation);
});

function summaryOf(out: string): ReplaceSummary {
  return ReplaceSummarySchema.parse(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')));
}

/** Run replace into a fresh directory; returns the run, its directory and the rows it wrote. */
async function run(args: readonly string[], from = allocation): Promise<{ r: Run; out: string; rows: Row[]; summary: ReplaceSummary }> {
  const out = join(tempDir('cohort-replace-run-'), 'out');
  const r = await replace(from, out, args);
  if (r.code !== 0 && r.code !== 1) throw new Error(`replace exited ${r.code}: ${r.stderr}`);
  return { r, out, rows: readRows(join(out, 'allocation.csv')), summary: summaryOf(out) };
}

const byId = (rows: readonly Row[]) => new Map(rows.map((r) => [r.id, r]));

/** Every participant of `before` not withdrawn keeps group and team unless listed as moved. */
function expectOnlyListedMoves(rows: readonly Row[], summary: ReplaceSummary): void {
  const now = byId(rows);
  const moved = new Set(summary.changes.moves.map((m) => m.id));
  for (const b of before.filter((x) => x.status === 'selected')) {
    const a = now.get(b.id) as Row;
    if (a.status === 'withdrawn') continue;
    expect(a.status).toBe('selected');
    if (!moved.has(b.id)) expect([b.id, a.group, a.team]).toEqual([b.id, b.group, b.team]);
    else expect([a.group, a.team]).not.toEqual([b.group, b.team]);
  }
}

describe('one withdrawal from a full cohort', () => {
  it('moves nobody: the next reserve takes the exact group and team place', async () => {
    const { leaving, newcomer } = plainWithdrawal(before);
    const { r, rows, summary, out } = await run(['--withdraw', leaving.id]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const now = byId(rows);
    expect(now.get(leaving.id)).toMatchObject({ status: 'withdrawn', group: null, team: null, reserveRank: null });
    expect(now.get(leaving.id)?.reasons).toContain(`withdrawn: left the cohort (was in workshop group ${leaving.group}, project team ${leaving.team}); seat taken by ${newcomer.id}`);
    expect(now.get(newcomer.id)).toMatchObject({ status: 'selected', group: leaving.group, team: leaving.team, reserveRank: null });
    expect(now.get(newcomer.id)?.reasons).toContain(`replaces ${leaving.id} (withdrawn), in the same workshop group and project team`);
    expect(summary.changes).toEqual({
      withdrawn: [{ id: leaving.id, cell: leaving.cell, was: 'selected', workshopGroup: leaving.group, projectTeam: leaving.team, reserveRank: null, replacedBy: newcomer.id }],
      newcomers: [
        {
          id: newcomer.id,
          cell: leaving.cell,
          replaces: leaving.id,
          reserveRank: 1,
          how: 'next_reserve',
          why: expect.stringMatching(/^next reserve in .+: reserve number 1 \((priority \d+|unranked)\)$/) as unknown as string,
          passedOver: [],
          workshopGroup: leaving.group as number,
          projectTeam: leaving.team as number,
          exactPlace: true,
          placeNote: null,
        },
      ],
      moves: [],
      emptySeats: [],
    });
    expectOnlyListedMoves(rows, summary);
    // Every other participant and every other row is untouched; the reserves behind move up by one.
    for (const b of before) {
      const a = now.get(b.id) as Row;
      if (b.id === leaving.id || b.id === newcomer.id) continue;
      if (b.status === 'reserve' && b.cell === leaving.cell) expect(a.reserveRank).toBe((b.reserveRank ?? 0) - 1);
      else expect(a).toEqual(b);
    }
    expect(summary).toMatchObject({ command: 'replace', allRulesMet: true, counts: { selected: 40, withdrawn: 1 }, placement: { method: 'local', groupChanges: 0, teamChanges: 0 } });
    expect(r.stdout).toContain(`  ${newcomer.id} (`);
    expect(r.stdout).toContain(`) replaces ${leaving.id}: workshop group ${leaving.group}, project team ${leaving.team} (the same place)\n`);
    expect(r.stdout).toContain('\nMoved: nobody.\n');
    const c = await check(join(out, 'allocation.csv'));
    expect(c.code, c.stdout).toBe(0);
    expect(c.stdout).toContain('0 errors, 0 rules not met, 0 warnings.');
  });

  it('a newcomer who would share a team or group with a colleague changes place with one participant, and says why', async () => {
    // Constructed from the sample: the next reserve of some cell shares an organisation with a member of the freed place.
    const found = before
      .filter((r) => r.status === 'selected')
      .map((leaving) => ({ leaving, newcomer: reservesOf(before, leaving.cell)[0] }))
      .find((x): x is { leaving: Row; newcomer: Row } => x.newcomer !== undefined && x.newcomer.gender === x.leaving.gender && clashes(before, x.leaving, x.newcomer));
    expect(found, 'the sample offers a withdrawal whose next reserve meets a colleague').toBeDefined();
    const { leaving, newcomer } = found as { leaving: Row; newcomer: Row };
    const { r, rows, summary, out } = await run(['--withdraw', leaving.id]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const nc = summary.changes.newcomers[0];
    expect(nc).toMatchObject({ id: newcomer.id, exactPlace: false });
    expect(nc?.placeNote).toMatch(/are from the same organisation and would share (workshop group|project team) \d+/);
    expect(summary.changes.moves).toHaveLength(1);
    const move = summary.changes.moves[0];
    expect(move?.why).toContain(`${newcomer.id} (new) takes the place`);
    expect(r.stdout).toContain(`\nMoved:\n  ${move?.id}: `);
    expectOnlyListedMoves(rows, summary);
    // No colleague of the newcomer in their group or team now.
    const mine = byId(rows).get(newcomer.id) as Row;
    expect(rows.filter((x) => x.status === 'selected' && x.id !== newcomer.id && x.organisation === newcomer.organisation && (x.group === mine.group || x.team === mine.team))).toEqual([]);
    expect((await check(join(out, 'allocation.csv'))).code).toBe(0);
  });
});

describe('gender rules', () => {
  it('a withdrawal that would break a gender rule takes the best-ranked reserve of the needed gender and says why', async () => {
    const { leaving, passedOver, newcomer, minimum, label } = genderSwap(before);
    const { r, rows, summary, out } = await run(['--withdraw', leaving.id]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(summary.changes.newcomers).toHaveLength(1);
    const nc = summary.changes.newcomers[0];
    expect(nc).toMatchObject({ id: newcomer.id, how: 'gender_rule', replaces: leaving.id, reserveRank: newcomer.reserveRank });
    expect(nc?.passedOver[0]).toBe(passedOver.id);
    expect(nc?.why).toContain(`best-placed man among the reserves of`);
    expect(nc?.why).toContain(`called in before better-placed ${passedOver.id} (reserve number 1)`);
    expect(nc?.why).toContain(`at least ${minimum} men in ${label}`);
    expect(r.stdout).toContain(`    why: ${nc?.why ?? ''}\n`);
    expect(cellCount(rows, leaving.cell, 'male')).toBe(minimum);
    const now = byId(rows);
    expect(now.get(passedOver.id)).toMatchObject({ status: 'reserve', reserveRank: 1 });
    expect(now.get(passedOver.id)?.reasons).toContain(`passed_over_for_gender_rule: ${newcomer.id} called in instead`);
    expect(summary.rules.filter((x) => !x.met)).toEqual([]);
    // No justified envy finding: the swap is blocked by the rule the newcomer keeps.
    const c = await check(join(out, 'allocation.csv'), ['--strict']);
    expect(c.code, c.stdout).toBe(0);
  });

  it('a gender rule no reserve of the cell can keep is reported, and nobody is un-admitted for it (exit 1)', async () => {
    // A specialist man whose body's men are at its own minimum; his cell's male reserves withdraw with him.
    const leaving = before.find((x) => x.status === 'selected' && x.sector === 'spesialist' && x.gender === 'male' && cellCount(before, x.cell, 'male') === cellMinimum(before, x.cell)) as Row;
    expect(leaving, 'the sample has a body whose men are at its minimum').toBeDefined();
    const minimum = cellMinimum(before, leaving.cell);
    const label = leaving.cell.replace(/^spesialist\//, '');
    const ids = [leaving.id, ...reservesOf(before, leaving.cell).filter((y) => y.gender === 'male').map((y) => y.id)];
    const { r, summary, out } = await run(['--withdraw', ids.join(',')]);
    expect(r.code).toBe(1);
    const rule = `gender.cell.${leaving.cell}.male`;
    const unmet = summary.rules.filter((x) => !x.met).map((x) => x.id);
    expect(unmet).toContain(rule);
    expect(summary.rules.find((x) => x.id === rule)?.explanation).toContain('replace never takes a seat from a participant to keep a gender rule');
    expect(summary.changes.moves).toEqual([]);
    expect(r.stdout).toContain(`rule not met: at least ${minimum} men in ${label}: ${minimum - 1} after the change (the allocation had ${minimum})`);
    expect(r.stdout).toContain('A programme rule is not met (exit code 1).');
    const c = await check(join(out, 'allocation.csv'));
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(`gender_rule_not_met: at least ${minimum} men in ${label}: ${minimum - 1} selected`);
  });
});

describe('an empty reserve list', () => {
  it('leaves the seat empty, keeps groups and teams valid and exits 1 with the explanation', async () => {
    const cell = 'spesialist/Helse Nord';
    const reserves = reservesOf(before, cell);
    expect(reserves.length).toBeGreaterThan(0);
    // Withdraw every reserve of the cell, then a woman participant (so no gender rule is involved).
    const leaving = before.find((x) => x.status === 'selected' && x.cell === cell && x.gender === 'female' && countOf(before, 'spesialist', 'female') > 8) as Row;
    expect(leaving).toBeDefined();
    const ids = [...reserves.map((x) => x.id), leaving.id];
    const { r, rows, summary, out } = await run(['--withdraw', ids.join(',')]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(summary.changes.newcomers).toEqual([]);
    expect(summary.changes.emptySeats).toEqual([{ cell, withdrawn: leaving.id, explanation: `Helse Nord: the seat of ${leaving.id} (withdrawn) stays empty — the cell has no reserve left to call in` }]);
    expect(summary.changes.withdrawn.map((w) => [w.id, w.was, w.replacedBy])).toEqual(ids.sort().map((id) => [id, id === leaving.id ? 'selected' : 'reserve', null]));
    expect(summary.rules.find((x) => x.id === `quota.${cell}`)).toMatchObject({ met: false, actual: 3, required: 4 });
    expect(summary).toMatchObject({ allRulesMet: false, counts: { selected: 39, withdrawn: ids.length } });
    expect(rows.filter((x) => x.status === 'selected')).toHaveLength(39);
    expectOnlyListedMoves(rows, summary);
    expect(r.stdout).toContain(`\nEmpty seats:\n  Helse Nord: the seat of ${leaving.id} (withdrawn) stays empty — the cell has no reserve left to call in`);
    expect(r.stdout).toContain('A programme rule is not met (exit code 1).');
    // cohort check agrees: the only finding is the shortfall, a rule not met, not an error.
    const c = await check(join(out, 'allocation.csv'), ['--json']);
    expect(c.code).toBe(1);
    const doc = JSON.parse(c.stdout) as { violations: Array<{ code: string; severity: string }> };
    expect(doc.violations.map((v) => [v.code, v.severity])).toEqual([['shortfall', 'unmet']]);
  });
});

describe('several changes at once', () => {
  it('fills every freed seat from its own cell, renumbers the reserves, and check passes', async () => {
    const selected = before.filter((x) => x.status === 'selected');
    // One participant of each cell, plus the second reserve of the municipal list.
    const cells = [...new Set(selected.map((x) => x.cell))];
    const leaving = cells.map((c) => selected.find((x) => x.cell === c && countOf(before, x.sector, x.gender) > 8) as Row);
    expect(leaving.every((x) => x !== undefined)).toBe(true);
    const reserveOut = reservesOf(before, 'kommune')[1] as Row;
    const { r, rows, summary, out } = await run(['--withdraw', [...leaving.map((x) => x.id), reserveOut.id].join(',')]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(summary.changes.withdrawn).toHaveLength(leaving.length + 1);
    expect(summary.changes.newcomers).toHaveLength(leaving.length);
    for (const w of leaving) {
      const nc = summary.changes.newcomers.find((n) => n.replaces === w.id);
      expect(nc?.cell).toBe(w.cell);
      expect(byId(before).get(nc?.id ?? '')?.status).toBe('reserve');
    }
    expect(summary.counts).toMatchObject({ selected: 40, withdrawn: leaving.length + 1 });
    expectOnlyListedMoves(rows, summary);
    for (const c of cells) expect(reservesOf(rows, c).map((x) => x.reserveRank)).toEqual(reservesOf(rows, c).map((_, i) => i + 1));
    // Reserves keep their order.
    const order = (rs: readonly Row[], c: string) => reservesOf(rs, c).map((x) => x.id);
    for (const c of cells) expect(order(rows, c)).toEqual(order(before, c).filter((id) => order(rows, c).includes(id)));
    expect((await check(join(out, 'allocation.csv'), ['--strict'])).code).toBe(0);
  });

  it('a replace result is a valid starting point: withdrawn rows stay withdrawn, check passes after a second replace', async () => {
    const { leaving } = plainWithdrawal(before);
    const first = await run(['--withdraw', leaving.id]);
    const next = plainWithdrawal(first.rows.filter((x) => x.id !== leaving.id));
    const second = await run(['--withdraw', next.leaving.id], join(first.out, 'allocation.csv'));
    expect(second.r.code, second.r.stderr).toBe(0);
    const now = byId(second.rows);
    expect(now.get(leaving.id)?.status).toBe('withdrawn');
    expect(now.get(leaving.id)?.reasons).toBe(byId(first.rows).get(leaving.id)?.reasons);
    expect(now.get(next.leaving.id)?.status).toBe('withdrawn');
    expect(second.summary.counts).toMatchObject({ selected: 40, withdrawn: 2 });
    expect((await check(join(second.out, 'allocation.csv'))).code).toBe(0);
  });
});

describe('when the local search cannot place the cohort', () => {
  it('re-forms groups and teams (here: 32 participants need 4 groups), numbered to keep most in place; check agrees', async () => {
    // Two specialist cells lose every participant and every reserve: 8 seats stay empty.
    const gone = before.filter((x) => (x.cell === 'spesialist/Helse Nord' || x.cell === 'spesialist/Helse Midt-Norge') && (x.status === 'selected' || x.status === 'reserve'));
    const { r, rows, summary, out } = await run(['--withdraw', gone.map((x) => x.id).join(',')]);
    expect(r.code, r.stderr).toBe(1);
    expect(summary.placement.method).toBe('reformed');
    expect(summary.changes.emptySeats).toHaveLength(8);
    expect([...new Set(rows.flatMap((x) => (x.group === null ? [] : [x.group])))].sort()).toEqual([1, 2, 3, 4]);
    expect(summary.changes.moves.length).toBeGreaterThan(0);
    expect(summary.changes.moves.every((m) => m.why.includes('32 participants need another number of workshop groups'))).toBe(true);
    expectOnlyListedMoves(rows, summary);
    // summary.json's findings are exactly what cohort check reports on the written file.
    const c = await check(join(out, 'allocation.csv'), ['--json']);
    expect(c.code).toBe(1);
    expect((JSON.parse(c.stdout) as { violations: unknown[] }).violations).toEqual(summary.findings);
    expect(summary.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([]);
  });
});

describe('committee adds', () => {
  it('--add brings a named reserve into the freed seat of its cell; the next reserve stays a reserve', async () => {
    const { leaving, newcomer: next } = plainWithdrawal(before);
    const later = reservesOf(before, leaving.cell).find((x) => x.gender === leaving.gender && x.id !== next.id && !clashes(before, leaving, x)) as Row;
    expect(later).toBeDefined();
    const { r, rows, summary, out } = await run(['--withdraw', leaving.id, '--add', later.id]);
    expect(r.code, r.stderr).toBe(0);
    expect(summary.changes.newcomers).toEqual([expect.objectContaining({ id: later.id, how: 'committee_add', replaces: leaving.id, exactPlace: true })]);
    expect(summary.changes.newcomers[0]?.why).toContain(`brought in before ${next.id} (reserve number 1), who stays a reserve`);
    expect(byId(rows).get(next.id)).toMatchObject({ status: 'reserve', reserveRank: 1 });
    // The committee overrode the ranking knowingly: a warning for check, an error only with --strict.
    expect((await check(join(out, 'allocation.csv'))).code).toBe(0);
    expect((await check(join(out, 'allocation.csv'), ['--strict'])).code).toBe(1);
  });

  it('refuses an add without a free seat in its cell, and unknown or unfit ids, writing nothing (exit 3)', async () => {
    const { leaving } = plainWithdrawal(before);
    const otherCell = reservesOf(before, before.find((x) => x.status === 'selected' && x.cell !== leaving.cell)?.cell ?? '')[0] as Row;
    const out = join(tempDir(), 'out');
    const r = await replace(allocation, out, ['--withdraw', `${leaving.id},NO-SUCH-ID`, '--add', otherCell.id]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--withdraw: expected the id of a candidate in the allocation, got "NO-SUCH-ID"');
    const r2 = await replace(allocation, out, ['--withdraw', leaving.id, '--add', otherCell.id]);
    expect(r2.code).toBe(3);
    expect(r2.stderr).toMatch(new RegExp(`--add: expected a free seat in .+ for ${otherCell.id}, got none: all \\d+ seats stay taken after the withdrawals; an add takes a seat freed in its own quota cell`));
    const ineligible = before.find((x) => x.status === 'ineligible') as Row;
    const r3 = await replace(allocation, out, ['--withdraw', ineligible.id]);
    expect(r3.code).toBe(3);
    expect(r3.stderr).toContain(`--withdraw: expected a selected participant or a reserve, ${ineligible.id} is ineligible`);
    expect(() => readFileSync(join(out, 'summary.json'))).toThrow();
  });
});

describe('the committee\'s locks', () => {
  it('replace --locks holds them and cohort check --locks passes on the result', async () => {
    const locksFile = 'fixtures/locks/sample-locks.csv';
    const out = join(tempDir('cohort-replace-locks-'), 'allocated');
    const a = await cohort(['allocate', ...SAMPLE, '--locks', locksFile, '--out', out]);
    expect(a.code, a.stderr).toBe(0);
    const start = readRows(join(out, 'allocation.csv'));
    // TLP-0024 is to be kept in a team with TLP-0010; TLP-0001 is locked into group 3.
    const { r, rows, out: dir } = await run(['--withdraw', 'TLP-0024', '--locks', locksFile], join(out, 'allocation.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(byId(rows).get('TLP-0001')?.group).toBe(3);
    expect(byId(rows).get('TLP-0010')).toEqual(byId(start).get('TLP-0010'));
    const c = await cohort(['check', '--candidates', ...SAMPLE, '--allocation', join(dir, 'allocation.csv'), '--locks', locksFile]);
    expect(c.code, c.stdout).toBe(0);
    expect(c.stdout).toContain('lock_unknown_participant: keep-together of TLP-0010 and TLP-0024: not both participants');
  });
});

describe('in bokmål', () => {
  it('--lang nb: the change set in the committee\'s words, no English on stdout', async () => {
    const { leaving, newcomer } = genderSwap(before);
    const plain = plainWithdrawal(before).leaving;
    const { r } = await run(['--withdraw', `${leaving.id},${plain.id}`, '--lang', 'nb']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 har trukket seg, 2 nye deltakere');
    expect(r.stdout).toContain(`${newcomer.id} (`);
    expect(r.stdout).toMatch(/hvorfor: beste mann blant reservene i Helse \S+ \(reserve nummer \d+\), tatt inn foran TLP-\d{4}( og \d+ andre)? for å holde instansens kjønnsbalanse/);
    expect(r.stdout).toMatch(/hvorfor: neste på reservelisten i /);
    expect(r.stdout).toContain('Alle programreglene er oppfylt.');
    expect(r.stdout).not.toMatch(/\b(withdrawals?|newcomers?|replaces|workshop|project|why|reserve number|Wrote|rule|seat)\b/i);
  });
});

describe('output contract', () => {
  it('the same input twice gives byte-identical files; --json prints summary.json and nothing else', async () => {
    const { leaving } = genderSwap(before);
    const args = ['--withdraw', `${leaving.id},${plainWithdrawal(before).leaving.id}`];
    const a = await run(args);
    const b = await run([...args, '--json']);
    for (const f of ['allocation.csv', 'groups.csv', 'summary.json']) {
      expect(readFileSync(join(b.out, f)).equals(readFileSync(join(a.out, f))), f).toBe(true);
    }
    expect(b.r.stdout).toBe(readFileSync(join(b.out, 'summary.json'), 'utf8'));
    expect(readFileSync(join(a.out, 'allocation.csv'), 'utf8').startsWith('\uFEFFid,status,cell,reserve_rank,workshop_group,project_team,reasons,warnings,input_id,')).toBe(true);
  });

  it('--report writes the committee report of the new allocation, the changes among its notes', async () => {
    const { leaving, newcomer } = plainWithdrawal(before);
    const dir = join(tempDir('cohort-replace-report-'), 'out');
    const r = await replace(allocation, dir, ['--withdraw', leaving.id, '--report', join(dir, 'report.html'), '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote the report ${join(dir, 'report.html')}.`);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain(`${leaving.id} withdrew; ${newcomer.id} takes the seat.`);
    const nbDir = join(tempDir('cohort-replace-report-'), 'out');
    expect((await replace(allocation, nbDir, ['--withdraw', leaving.id, '--report', join(nbDir, 'report.html'), '--lang', 'nb'])).code).toBe(0);
    const nb = readFileSync(join(nbDir, 'report.html'), 'utf8');
    expect(nb).toContain(`${leaving.id} trakk seg; ${newcomer.id} tar plassen.`);
    expect(nb).not.toContain('withdrew');
  });

  it('names people by id only: no name or birth date on stdout or stderr', async () => {
    const { leaving } = genderSwap(before);
    const { r } = await run(['--withdraw', leaving.id]);
    const people = SAMPLE.flatMap((f) => parse(readFileSync(f, 'utf8'), { columns: true }) as Array<Record<string, string>>);
    const personal = people.flatMap((p) => [p.name ?? '', p.birth_date ?? '']).filter((x) => x !== '');
    expect(personal.length).toBeGreaterThan(100);
    for (const text of personal) expect(r.stdout + r.stderr).not.toContain(text);
  });

  it('--withdraw is required (usage error, exit 2)', async () => {
    const r = await cohort(['replace', '--candidates', ...SAMPLE, '--allocation', allocation, '--out', join(tempDir(), 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--withdraw <ids>' not specified");
  });

  it('refuses to overwrite without --force', async () => {
    const { leaving } = plainWithdrawal(before);
    const a = await run(['--withdraw', leaving.id]);
    const again = await replace(allocation, a.out, ['--withdraw', leaving.id]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('already exist');
    expect((await replace(allocation, a.out, ['--withdraw', leaving.id, '--force'])).code).toBe(0);
  });
});
