import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EN, SAMPLE_NB, cohort, tempDir, toolNames, type Run } from './helpers.js';

type Row = Record<string, string>;

/** An output CSV's rows under the tool's names, whichever language it is written in (see `toolNames`). */
function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const delimiter = text.split('\n')[0]!.includes(';') ? ';' : ',';
  return toolNames(parse(text.slice(1), { columns: true, delimiter }) as Row[]);
}

interface Summary {
  allRulesMet: boolean;
  counts: { candidates: number; selected: number };
  cells: Array<{ key: string; seats: number; selected: number; shortfall: number; explanation: string | null }>;
  gender: { cohort: { female: number; male: number } };
  stages: Array<{ stage: string; status: string; gap: number | null }>;
  groups: Array<{ size: number; kommune: number; spesialist: number; organisationClashes: unknown[] }>;
  teams: Array<{ kommune: number; spesialist: number; regionMatch: string | null }>;
  teamMatch: unknown;
  rules: Array<{ id: string; met: boolean; explanation: string | null }>;
}

async function allocate(files: readonly string[], extra: readonly string[] = []): Promise<{ run: Run; dir: string; summary: Summary; rows: Row[] }> {
  const dir = tempDir();
  const run = await cohort(['allocate', ...files, '--out', dir, ...extra]);
  if (run.code !== 0 && run.code !== 1) throw new Error(`allocate exited ${run.code}: ${run.stderr}`);
  return { run, dir, summary: JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary, rows: readCsv(join(dir, 'allocation.csv')) };
}

/** What must not change when input rows are permuted: everything decided about each candidate. */
function decisions(rows: readonly Row[]): Map<string, string> {
  return new Map(rows.map((r) => [r.id!, [r.status, r.cell, r.reserve_rank, r.workshop_group, r.project_team].join('|')]));
}

/** The nb sample allocated once for the whole file (the test of a second run makes its own). */
let sampleRun: ReturnType<typeof allocate> | undefined;
function sampleNb(): ReturnType<typeof allocate> {
  sampleRun ??= allocate(SAMPLE_NB);
  return sampleRun;
}

describe('cohort allocate on the sample year', () => {
  let nb: Awaited<ReturnType<typeof allocate>>;
  beforeAll(async () => {
    nb = await sampleNb();
  });

  it('selects exactly 20/8/4/4/4 with at least 16 of each gender, every stage optimal, exit 0', () => {
    expect(nb.run.code).toBe(0);
    const s = nb.summary;
    expect(s.allRulesMet).toBe(true);
    expect(Object.fromEntries(s.cells.map((c) => [c.key, c.selected]))).toEqual({
      kommune: 20,
      'spesialist/Helse Sør-Øst': 8,
      'spesialist/Helse Vest': 4,
      'spesialist/Helse Midt-Norge': 4,
      'spesialist/Helse Nord': 4,
    });
    expect(s.gender.cohort.female).toBeGreaterThanOrEqual(16);
    expect(s.gender.cohort.male).toBeGreaterThanOrEqual(16);
    expect(s.stages.map((x) => [x.stage, x.status, x.gap])).toEqual([
      ['selection', 'optimal', 0],
      ['groups', 'optimal', 0],
      ['teams', 'optimal', 0],
    ]);
    // Catchment areas first: as many catchment-matched teams as any set of teams has, and as many RHF-matched.
    expect(s.teamMatch).toEqual({ catchmentMatched: { count: 4, best: 4 }, regionMatched: { count: 8, best: 8 } });
  });

  it('accounts for every input row exactly once', () => {
    expect(nb.rows).toHaveLength(130);
    expect(new Set(nb.rows.map((r) => r.id)).size).toBe(130);
    expect(nb.rows.filter((r) => r.status === 'selected')).toHaveLength(40);
  });

  it('forms 5 groups of 8 mixing sectors 4/4 with no organisation clash, and 10 teams of 2+2', () => {
    expect(nb.summary.groups.map((g) => [g.size, g.kommune, g.spesialist, g.organisationClashes.length])).toEqual(Array(5).fill([8, 4, 4, 0]));
    expect(nb.summary.teams.map((t) => [t.kommune, t.spesialist])).toEqual(Array(10).fill([2, 2]));
    for (const r of nb.rows) {
      const selected = r.status === 'selected';
      expect(r.workshop_group !== '', r.id).toBe(selected);
      expect(r.project_team !== '', r.id).toBe(selected);
    }
    const groups = readCsv(join(nb.dir, 'groups.csv'));
    expect(groups.filter((g) => g.kind === 'workshop_group')).toHaveLength(40);
    expect(groups.filter((g) => g.kind === 'project_team')).toHaveLength(40);
  });

  it('gives byte-identical files on a second run', async () => {
    const again = await allocate(SAMPLE_NB);
    for (const f of ['allocation.csv', 'groups.csv', 'summary.json']) {
      expect(readFileSync(join(again.dir, f)), f).toEqual(readFileSync(join(nb.dir, f)));
    }
  });

  it('decides the same for every candidate from the English dialect', async () => {
    const en = await allocate(SAMPLE_EN);
    expect(decisions(en.rows)).toEqual(decisions(nb.rows));
  });

  it('decides the same for every candidate when rows are shuffled and files given in another order', async () => {
    const dir = tempDir();
    const shuffled = SAMPLE_EN.map((f, i) => {
      const rows = parse(readFileSync(f, 'utf8'), { columns: true }) as Row[];
      // A fixed permutation per file: reverse, then rotate.
      const perm = [...rows].reverse();
      const rotated = [...perm.slice(i + 1), ...perm.slice(0, i + 1)];
      const out = join(dir, `shuffled-${basename(f)}`);
      writeFileSync(out, stringify(rotated, { header: true, columns: Object.keys(rows[0]!) }));
      return out;
    });
    const r = await allocate([...shuffled].reverse());
    expect(decisions(r.rows)).toEqual(decisions(nb.rows));
  });

  it('--json prints exactly summary.json on stdout', async () => {
    const dir = tempDir();
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', dir, '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });

  it('a different seed is recorded and still meets every rule', async () => {
    const other = await allocate(SAMPLE_NB, ['--seed', 'another-year']);
    expect(other.run.code).toBe(0);
    expect((JSON.parse(readFileSync(join(other.dir, 'summary.json'), 'utf8')) as { seed: string }).seed).toBe('another-year');
  });
});

describe('cohort allocate when the candidates fall short', () => {
  it('fills what it can, writes everything, explains the shortfall and exits 1', async () => {
    const dir = tempDir();
    // Helse Nord: keep only its 3 best-ranked rows.
    const nord = SAMPLE_EN.find((f) => f.endsWith('helse-nord.csv'))!;
    const rows = parse(readFileSync(nord, 'utf8'), { columns: true }) as Row[];
    const eligibleIds = new Set(
      (parse(readFileSync(join(SAMPLE_EN[0]!, '..', '..', 'expected.csv'), 'utf8'), { columns: true }) as Row[]).filter((r) => r.status === 'eligible').map((r) => r.id),
    );
    const kept = rows.filter((r) => eligibleIds.has(r.id!)).slice(0, 3);
    const short = join(dir, 'helse-nord.csv');
    writeFileSync(short, stringify(kept, { header: true, columns: Object.keys(rows[0]!) }));
    const files = [...SAMPLE_EN.filter((f) => f !== nord), short];
    const r = await allocate(files);
    expect(r.run.code).toBe(1);
    const cell = r.summary.cells.find((c) => c.key === 'spesialist/Helse Nord')!;
    expect([cell.seats, cell.selected, cell.shortfall]).toEqual([4, 3, 1]);
    expect(cell.explanation).toMatch(/Helse Nord: 4 seats, 3 eligible of 3 nominated.*1 seat unfilled/);
    expect(r.run.stdout).toContain('Helse Nord: 1 of 4 seats unfilled (3 eligible candidates).');
    expect(r.run.stdout).toContain('10 project teams: 9 of 2 municipal + 2 specialist participants and 1 of 2 + 1;');
    expect(r.summary.allRulesMet).toBe(false);
    expect(r.summary.rules.find((x) => x.id === 'quota.spesialist/Helse Nord')?.met).toBe(false);
    expect(r.rows.filter((x) => x.status === 'selected')).toHaveLength(39);
  });

  it('rejects an unknown --include id as invalid input and writes nothing', async () => {
    const dir = join(tempDir(), 'out');
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', dir, '--include', 'NO-SUCH-ID']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('--include: expected the id of a candidate in the input files, got "NO-SUCH-ID"');
  });
});

describe('cohort allocate --locks (the committee decisions file)', () => {
  it('honours keep-in-group, keep-apart and keep-together, and include/exclude from the file', async () => {
    const dir = tempDir();
    const base = (await sampleNb()).rows;
    const byId = new Map(base.map((r) => [r.id!, r]));
    const selected = base.filter((r) => r.status === 'selected');
    const k = selected.filter((r) => r.cell === 'kommune');
    const s = selected.filter((r) => r.cell !== 'kommune');
    // Two participants who share a group in the unlocked run are kept apart; a pair from different groups
    // is kept together in a team; one participant is moved to another group.
    const [a, b] = (() => {
      for (const x of selected) for (const y of selected) if (x.id! < y.id! && x.workshop_group === y.workshop_group) return [x, y];
      throw new Error('no pair shares a group');
    })();
    const kTogether = k.find((r) => r.id !== a!.id && r.id !== b!.id)!;
    const sTogether = s.find((r) => r.project_team !== kTogether.project_team && r.id !== a!.id && r.id !== b!.id)!;
    const mover = k.find((r) => ![a!.id, b!.id, kTogether.id].includes(r.id))!;
    const target = String((Number(mover.workshop_group) % 5) + 1);
    const reserve = base.find((r) => r.status === 'reserve' && r.cell === 'kommune')!;
    const locks = join(dir, 'locks.csv');
    writeFileSync(
      locks,
      ['rule,id,other', `apart,${a!.id},${b!.id}`, `together,${kTogether.id},${sTogether.id}`, `group,${mover.id},${target}`, `exclude,${reserve.id},`].join('\n') + '\n',
    );
    const r = await allocate(SAMPLE_NB, ['--locks', locks]);
    expect(r.run.code).toBe(0);
    const got = new Map(r.rows.map((x) => [x.id!, x]));
    expect(got.get(a!.id!)!.workshop_group).not.toBe(got.get(b!.id!)!.workshop_group);
    expect(got.get(kTogether.id!)!.project_team).toBe(got.get(sTogether.id!)!.project_team);
    expect(got.get(mover.id!)!.workshop_group).toBe(target);
    expect(got.get(reserve.id!)!.status).toBe('excluded');
    expect(byId.size).toBe(got.size);
  });

  it('cohort check verifies the group locks: the locked allocation passes, an unlocked one breaks them', async () => {
    const locked = await allocate(SAMPLE_NB, ['--locks', 'fixtures/locks/sample-locks.csv']);
    const unlocked = await sampleNb();
    const check = (dir: string) => cohort(['check', '--candidates', ...SAMPLE_NB, '--allocation', join(dir, 'allocation.csv'), '--locks', 'fixtures/locks/sample-locks.csv']);
    expect((await check(locked.dir)).code).toBe(0);
    const broken = await check(unlocked.dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/lock_apart: TLP-0002 and TLP-0081 are to be kept apart but share group/);
    expect(broken.stdout).toMatch(/lock_together: TLP-0010 and TLP-0024 are to be kept together in a team/);
  });

  it('reports every bad row of a locks file by line and column, exit 3', async () => {
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', join(tempDir(), 'o'), '--locks', 'fixtures/locks/broken-locks.csv']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('fixtures/locks/broken-locks.csv:2 column "other": expected a workshop group number');
    expect(run.stderr).toContain('fixtures/locks/broken-locks.csv:3 column "rule": expected one of include, exclude, group, apart, together, got "hold"');
    expect(run.stderr).toContain('fixtures/locks/broken-locks.csv:5 column "other": expected the id of another participant');
  });

  it('refuses a locks file naming an unknown id', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'l.csv'), 'regel;id;annen\ninkluder;NOPE-1;\n');
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', join(dir, 'o'), '--locks', join(dir, 'l.csv')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('expected the id of a candidate in the input files, got "NOPE-1"');
  });
});
