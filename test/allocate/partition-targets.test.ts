/**
 * The bound over every possible team (stages/teams/partition.ts) where the teams that can be in a set one unit better
 * than the fill's are too many for a column model: the stage then takes the highest target whose teams are few
 * enough, and the best set there is the best of all (every set costing at most the target is among its columns).
 * Checked on a generated 150-candidate cohort (the bench's seed 4) where it is so.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAllocate } from '../../src/app/allocate.js';
import { AllocateSummarySchema } from '../../src/app/summary-schema.js';
import { encodeCp1252, generateCandidates, toCsv } from '../../scripts/lib/generate.js';
import { tempDir } from '../diff/helpers.js';

describe('the bound over every possible team, at a target between its bound and the teams', () => {
  it('finds the best set among the teams of the sets up to the highest target it can hold, without the integer search', async () => {
    const dir = tempDir('cohort-partition-targets-');
    const file = join(dir, 'kandidater.csv');
    writeFileSync(file, encodeCp1252(toCsv(generateCandidates({ seed: 'bench-4', count: 150 }), 'nb')));
    const r = await runAllocate({ cwd: process.cwd(), encoding: 'auto', include: [], exclude: [], deadlineMs: 20_000, force: false, dryRun: true, json: true, files: [file] });
    const s = AllocateSummarySchema.parse(JSON.parse(r.stdout));
    const teams = s.stages.find((x) => x.stage === 'teams');
    const targets = (teams?.modelSizes ?? []).flatMap((m) => {
      const t = /costing at most (\d+)\)$/.exec(m.label);
      return t === null ? [] : [Number(t[1])];
    });
    // The bound's own target (no set there), then a higher one below the fill's teams: the best set.
    expect(targets).toHaveLength(2);
    expect(targets[1]).toBeGreaterThan(targets[0] as number);
    expect(teams?.model).toContain('replaced by the best set of teams over every possible team');
    expect(teams?.modelSizes.map((m) => m.label)).not.toContain('teams-columns (integer search)');
    expect(teams?.status).toBe('optimal');
    expect(teams?.objective).toBeLessThanOrEqual(targets[1] as number);
    expect(teams?.objective).toBeGreaterThan(targets[0] as number);
  }, 60_000);
});
