import { beforeAll, describe, expect, it } from 'vitest';
import { allRulesMet, computeAllocation, type Allocation } from '../../src/app/pipeline.js';
import { reportViewFromAllocation } from '../../src/app/report-view.js';
import { renderReport } from '../../src/report/render.js';
import type { ReportView } from '../../src/report/view.js';
import { ROOT, SAMPLE_NB } from '../e2e/helpers.js';
import { sectionOf } from './fixture.js';

describe('reportViewFromAllocation on the sample year', () => {
  let a: Allocation;
  let view: ReportView;
  beforeAll(async () => {
    a = await computeAllocation({ files: SAMPLE_NB, cwd: ROOT, out: 'unused', encoding: 'auto', json: false, force: false, include: [], exclude: ['TLP-0001'], deadlineMs: 20_000 });
    view = reportViewFromAllocation(a);
  });

  it('places every input candidate exactly once: a group, a reserve list, the ineligible, over the nomination cap or the excluded', () => {
    const overCap = (view.nominationCap?.trusts ?? []).flatMap((t) => t.people.map((m) => m.id));
    expect(overCap).toEqual(['TLP-0108']);
    const placed = [
      ...view.groups.flatMap((g) => g.members.map((m) => m.id)),
      ...view.reserves.flatMap((r) => r.reserves.map((m) => m.id)),
      ...view.ineligible.map((m) => m.id),
      ...overCap,
      ...view.excluded.map((m) => m.id),
    ];
    expect(placed.length).toBe(a.inputs.read.candidates.length);
    expect(new Set(placed)).toEqual(new Set(a.inputs.read.candidates.map((c) => c.id)));
    expect(view.excluded.map((m) => m.id)).toEqual(['TLP-0001']);
    expect(view.counts).toEqual({
      candidates: placed.length,
      selected: view.groups.reduce((n, g) => n + g.members.length, 0),
      reserve: view.reserves.reduce((n, r) => n + r.reserves.length, 0),
      excluded: 1,
      ineligible: view.ineligible.length,
    });
  });

  it('agrees with the run on the rules, the reserve order and the teams', () => {
    expect(view.allRulesMet).toBe(allRulesMet(a));
    for (const list of view.reserves) expect(list.reserves.map((r) => r.rank)).toEqual(list.reserves.map((_, i) => i + 1));
    expect(view.teams.map((t) => t.members.map((m) => m.id).sort())).toEqual(a.teams.teams.map((t) => [...t.memberIds].sort()));
    for (const t of view.teams) for (const m of t.members) expect(m.group).toBe(a.groups.groupOf[m.id]);
    // Ineligible candidates are grouped by their eligibility reasons only, never by lock reasons.
    for (const c of view.ineligible) expect(c.reasons.length).toBeGreaterThan(0);
    expect(view.ineligible.flatMap((c) => c.reasons.map((r) => r.code))).not.toContain('lock_not_obeyed');
  });

  it('renders every selected participant exactly once in the groups section', () => {
    const groups = sectionOf(renderReport(view), 'groups');
    const ids = [...groups.matchAll(/data-id="([^"]*)"/g)].map((m) => m[1] as string).sort();
    const selected = a.selection.candidates.filter((c) => c.status === 'selected').map((c) => c.id).sort();
    expect(ids).toEqual(selected);
  });
});
