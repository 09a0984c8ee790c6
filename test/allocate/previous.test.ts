/**
 * Stable reruns (`allocate --previous`), in-process on the sample year: what the rules do not force to change
 * stays, with the same group and team numbers, and the quality of the result is that of a run without --previous.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAllocate } from '../../src/app/allocate.js';
import { AllocateSummarySchema, type AllocateSummary } from '../../src/app/summary-schema.js';
import { ROOT, allocationFolder, goldenRows, tempDir } from '../diff/helpers.js';
import { encodeCp1252, generateCandidates, toCsv } from '../../scripts/lib/generate.js';
import { answeredOnce } from './answered-once.js';

const SAMPLE = ['kommune', 'helse-sor-ost', 'helse-vest', 'helse-midt-norge', 'helse-nord'].map((f) => `fixtures/sample/nb/${f}.csv`);
// A stable rerun and the plain run it is compared with share most models: each is solved once (answeredOnce).
const base = { cwd: process.cwd(), encoding: 'auto' as const, include: [], exclude: [], deadlineMs: 20_000, force: false, dryRun: true, json: true, solve: answeredOnce() };

async function summaryOf(files: string[], previous?: string, locks?: string): Promise<AllocateSummary> {
  const r = await runAllocate({ ...base, files, previous, locks });
  return AllocateSummarySchema.parse(JSON.parse(r.stdout));
}

/** Quality terms of a stage, without the keep-in-place term only a --previous run has. */
function quality(s: AllocateSummary, stage: string): Array<[string, number]> {
  return (s.stages.find((x) => x.stage === stage)?.terms ?? []).filter((t) => t.name !== 'moved_from_previous_group' && t.name !== 'lottery_tiebreak').map((t) => [t.name, t.value]);
}

describe('allocate --previous: stable reruns', () => {
  it('unchanged inputs keep every decision, and the group and team numbers of the previous file even when renumbered', async () => {
    // The golden allocation with groups 1↔2 and 3↔5 and every team number reversed: numbers of the previous file.
    const gp: Record<string, string> = { '1': '2', '2': '1', '3': '5', '5': '3' };
    const prev = allocationFolder('renumbered', (rows) =>
      rows.map((r) => ({ ...r, workshop_group: r.workshop_group === '' ? '' : (gp[r.workshop_group ?? ''] ?? r.workshop_group ?? ''), project_team: r.project_team === '' ? '' : String(11 - Number(r.project_team)) })),
    );
    const s = await summaryOf(SAMPLE, prev);
    expect(s.previous?.equal).toBe(true);
    expect(s.previous?.stability).toEqual({ participantsInBoth: 40, sameGroup: 40, sameTeam: 40 });
    const plain = await summaryOf(SAMPLE);
    for (const stage of ['groups', 'teams']) expect(quality(s, stage)).toEqual(quality(plain, stage));
  });

  it('a late nomination and a corrected birth date: only what the rules force moves; quality as without --previous', async () => {
    // A late nomination to Helse Nord (ranked first) and a birth date corrected so that a participant is too young.
    const golden = goldenRows().rows;
    const leaver = golden.find((r) => r.status === 'selected' && r.cell === 'kommune' && r.birth_date !== undefined);
    if (leaver === undefined) throw new Error('the golden allocation has no municipal participant');
    const dir = tempDir('cohort-rerun-');
    const files = SAMPLE.map((f) => {
      const to = join(dir, f.split('/').pop() ?? f);
      copyFileSync(join(ROOT, f), to);
      return to;
    });
    const kommune = files[0] ?? '';
    const bytes = readFileSync(kommune);
    const needle = Buffer.from(`${leaver.id};`, 'latin1');
    const at = bytes.indexOf(needle);
    const lineEnd = bytes.indexOf(0x0a, at);
    const line = bytes.subarray(at, lineEnd).toString('latin1').replace(/;(\d\d)\.(\d\d)\.(\d{4});/, ';$1.$2.2004;');
    writeFileSync(kommune, Buffer.concat([bytes.subarray(0, at), Buffer.from(line, 'latin1'), bytes.subarray(lineEnd)]));
    writeFileSync(files[4] ?? '', Buffer.concat([readFileSync(files[4] ?? ''), Buffer.from('TLP-9001;Sen Nominasjon;01.01.1975;Kvinne;Spesialisthelsetjenesten;Helse Nord;Nordlandssykehuset HF;Klinikksjef;Master;12;1;Ja\r\n', 'latin1')]));
    const rel = files.map((f) => relative(ROOT, f));

    const previous = join(ROOT, 'fixtures', 'golden', 'sample-nb', 'allocation.csv');
    const stable = await summaryOf(rel, previous);
    const plain = await summaryOf(rel);
    expect(plain.counts.selected).toBe(40);
    // The leaver is out (now too young), the rules' choices are the same as without --previous.
    const changes = stable.previous?.changes ?? [];
    expect(changes.find((c) => c.id === leaver.id)).toMatchObject({ kind: 'out', new: { status: 'ineligible' } });
    expect(stable.counts).toEqual(plain.counts);
    expect(stable.cells).toEqual(plain.cells);
    expect(quality(stable, 'groups')).toEqual(quality(plain, 'groups'));
    expect(stable.stages.find((x) => x.stage === 'groups')?.status).toBe('optimal');
    // The teams' catchment and region terms are the same as without --previous (the terms below them depend on the
    // workshop groups, which --previous keeps in place).
    expect(quality(stable, 'teams').slice(0, 4)).toEqual(quality(plain, 'teams').slice(0, 4));
    expect(stable.teamMatch).toEqual(plain.teamMatch);
    // What stays: of the 38 participants in both (the late nominee ranked first takes Helse Nord's lowest-ranked woman's seat), all but a few keep group and team (numbers included).
    const st = stable.previous?.stability;
    expect(st?.participantsInBoth).toBe(38);
    expect(st?.sameGroup ?? 0).toBeGreaterThanOrEqual(36);
    expect(st?.sameTeam ?? 0).toBeGreaterThanOrEqual(33);
    // The groups stage's keep-in-place term is the proven minimum the diff shows (aggregated by type, so ≤).
    const movedGroups = changes.filter((c) => c.kind === 'moved' && c.old?.workshopGroup !== c.new?.workshopGroup).length;
    const term = stable.stages.find((x) => x.stage === 'groups')?.terms.find((t) => t.name === 'moved_from_previous_group');
    expect(term?.value ?? -1).toBeLessThanOrEqual(movedGroups);
    expect(movedGroups).toBe((st?.participantsInBoth ?? 0) - (st?.sameGroup ?? 0));
  });

  /**
   * A generated cohort (150 candidates, seed 5) allocated once, then again with a new lock moving `moved` to the next
   * workshop group: with the first allocation as --previous (`stable`) and without (`plain`).
   */
  async function lockedRerun(moved: string): Promise<{ stable: AllocateSummary; plain: AllocateSummary }> {
    const dir = tempDir('cohort-rerun-quality-');
    const file = join(dir, 'kandidater.csv');
    writeFileSync(file, encodeCp1252(toCsv(generateCandidates({ seed: 5, count: 150, femaleShare: 0.6 }), 'nb')));
    const out = join(dir, 'old');
    const first = await runAllocate({ ...base, files: [file], dryRun: false, out, json: true });
    const old = AllocateSummarySchema.parse(JSON.parse(first.stdout));
    const oldRows = readFileSync(join(out, 'allocation.csv'), 'utf8').split('\r\n');
    const header = (oldRows[0] ?? '').replace(/^\uFEFF/, '').split(';');
    const row = (oldRows.find((l) => l.startsWith(`${moved};`)) ?? '').split(';');
    // Norwegian candidate headers: allocation.csv is bokmål (`Verkstedgruppe`).
    const group = Number(row[header.indexOf('Verkstedgruppe')]);
    expect(group).toBeGreaterThan(0);
    const locks = join(dir, 'locks.csv');
    writeFileSync(locks, `regel;id;annen\r\ngruppe;${moved};${(group % old.groups.length) + 1}\r\n`);
    return { stable: await summaryOf([file], join(out, 'allocation.csv'), locks), plain: await summaryOf([file], undefined, locks) };
  }

  it('never worse than a run without --previous: when the groups kept closest give worse teams, the plain groups are taken, numbered like before', async () => {
    // For this participant the groups closest to the previous ones give worse project teams than the plain run's
    // groups (for others the kept groups' teams are as good or better, and those are kept).
    const { stable, plain } = await lockedRerun('TLP-0021');
    const values = (s: AllocateSummary): number[] => ['groups', 'teams'].flatMap((st) => quality(s, st).map(([, v]) => v));
    expect(values(stable)).toEqual(values(plain));
    expect(stable.stages.find((x) => x.stage === 'groups')?.model).toContain('formed as without --previous');
    // The plain groups, numbered like the previous ones: the moved participant in the locked group, most others in place.
    expect(stable.previous?.stability.sameGroup ?? 0).toBeGreaterThan((stable.previous?.stability.participantsInBoth ?? 0) / 2);
  });

  it('teams replaced by the best set over every possible team: an unchanged rerun keeps them', async () => {
    // A generated cohort whose fill and swaps leave teams the bound over every possible team improves on (the column
    // model over the teams that can reach it); the rerun weighs the previous team-mates kept, so it lands on them again.
    const dir = tempDir('cohort-rerun-partition-');
    const file = join(dir, 'kandidater.csv');
    writeFileSync(file, encodeCp1252(toCsv(generateCandidates({ seed: 'bench-10', count: 150 }), 'nb')));
    const out = join(dir, 'old');
    const first = AllocateSummarySchema.parse(JSON.parse((await runAllocate({ ...base, files: [file], dryRun: false, out, json: true })).stdout));
    const teams = first.stages.find((x) => x.stage === 'teams');
    expect(teams?.model).toContain('replaced by the best set of teams over every possible team');
    expect(teams?.status).toBe('optimal');
    const s = await summaryOf([file], join(out, 'allocation.csv'));
    expect(s.previous?.equal).toBe(true);
    expect(s.previous?.stability.sameTeam).toBe(40);
    expect(s.stages.find((x) => x.stage === 'teams')?.status).toBe('optimal');
  });

  it('a 200-seat rerun on unchanged input keeps every decision, its teams numbered like before without the re-assignment (too large)', async () => {
    const r = await runAllocate({ ...base, files: ['fixtures/golden/programme-200/input/candidates.csv'], config: 'fixtures/programme-200.json', previous: 'fixtures/golden/programme-200/allocation.csv' });
    const s = AllocateSummarySchema.parse(JSON.parse(r.stdout));
    expect(s.previous?.equal).toBe(true);
    expect(s.previous?.stability).toEqual({ participantsInBoth: 200, sameGroup: 200, sameTeam: 200 });
    expect(s.stages.find((x) => x.stage === 'teams')?.model).toMatch(/not re-assigned to keep the previous teams \(\d+ variables, more than 2000\)/);
  });

  it('no teams proven with fewer catchment matches than other teams of the same participants reach', async () => {
    // Here the kept groups' teams have 4 catchment matches (and 7 RHF matches); the plain run's column model, which
    // holds only sets of teams with the most RHF matches (8), found 3. It must not call those proven, nor report 3
    // as the most possible.
    const { stable, plain } = await lockedRerun('TLP-0113');
    expect(stable.stages.find((x) => x.stage === 'groups')?.model).not.toContain('formed as without --previous');
    const reached = stable.teamMatch.catchmentMatched.count;
    expect(plain.teamMatch.catchmentMatched.best ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(reached);
    if (plain.teamMatch.catchmentMatched.count < reached) expect(plain.stages.find((x) => x.stage === 'teams')?.status).toBe('feasible');
  });
});
