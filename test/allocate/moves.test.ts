/**
 * The facts a stable rerun gives for each move (`moveReasons`), on a hand-made pair of allocations: who took the
 * place, and who still there the rules keep apart from them (same organisation, same workshop group).
 */
import { describe, expect, it } from 'vitest';
import { moveReasons, type Placed, type Previous } from '../../src/app/previous.js';
import { CATALOGUE } from '../../src/domain/i18n/index.js';

/** A previous allocation with just what `moveReasons` reads: selected rows with cell, group and team. */
function previous(rows: Array<[id: string, cell: string, group: number, team: number]>, changed: string[] = []): Previous {
  return {
    read: { allocation: { rows: rows.map(([id, cell, workshopGroup, projectTeam]) => ({ id, status: 'selected', workshopGroup, projectTeam, reserveRank: null, details: { cell } })) } },
    gone: [],
    changed,
    warnings: [],
  } as unknown as Previous;
}

function placed(rows: Array<[id: string, sector: string, org: string, group: number, team: number]>, locked: string[] = []): Placed {
  return {
    groupOf: Object.fromEntries(rows.map(([id, , , g]) => [id, g])),
    teamOf: Object.fromEntries(rows.map(([id, , , , t]) => [id, t])),
    who: new Map(rows.map(([id, sector, org]) => [id, { sector, organisationKey: org, cell: sector === 'kommune' ? 'kommune' : 'spesialist/Helse Vest' }])),
    locked: new Set(locked),
  };
}

describe('moveReasons', () => {
  // L (municipal) leaves; the newcomer N is a colleague of S, who stays in L's team 1: N goes to team 2 and M
  // (municipal, team 2) takes L's place.
  const prev = previous([
    ['L', 'kommune', 1, 1],
    ['S', 'spesialist/Helse Vest', 2, 1],
    ['M', 'kommune', 2, 2],
    ['T', 'spesialist/Helse Vest', 1, 2],
  ]);
  const now = placed([
    ['N', 'kommune', 'org-s', 1, 2],
    ['S', 'spesialist', 'org-s', 2, 1],
    ['M', 'kommune', 'org-m', 2, 1],
    ['T', 'spesialist', 'org-t', 1, 2],
  ]);

  it('a newcomer not in the leaver\'s place: the colleague who stayed there, and who took it; a mover: who took their place', () => {
    expect(moveReasons(prev, now)).toEqual([
      { id: 'M', part: 'team', from: 2, to: 1, instead: null, facts: [{ fact: 'taken_by', by: ['N'] }] },
      { id: 'N', part: 'team', from: 1, to: 2, instead: 'L', facts: [{ fact: 'same_organisation', with: 'S' }, { fact: 'taken_by', by: ['M'] }] },
    ]);
    const words = moveReasons(prev, now).map((m) => CATALOGUE.en.previous.move(m));
    expect(words).toEqual(['M: project team 2 → 1: the place in project team 2 went to N', "N (new): project team 2, not L's project team 1: project team 1 has S of the same organisation; the place in project team 1 went to M"]);
    expect(CATALOGUE.nb.previous.move(moveReasons(prev, now)[1] as never)).toBe('N (ny): prosjektgruppe 2, ikke Ls prosjektgruppe 1: prosjektgruppe 1 har S fra samme virksomhet; plassen i prosjektgruppe 1 gikk til M');
  });

  it('a group lock, and a team left because someone who stayed in it is now of the same workshop group', () => {
    // T is locked from group 1 to group 2, S takes T's place in group 1; T (now of group 2) cannot stay in team 2 with U,
    // who is of group 2 too, and S takes that place as well.
    const p = previous([
      ['T', 'spesialist/Helse Vest', 1, 2],
      ['U', 'kommune', 2, 2],
      ['M', 'kommune', 1, 1],
      ['S', 'spesialist/Helse Vest', 2, 1],
    ]);
    const n = placed(
      [
        ['T', 'spesialist', 'org-t', 2, 1],
        ['U', 'kommune', 'org-u', 2, 2],
        ['M', 'kommune', 'org-m', 1, 1],
        ['S', 'spesialist', 'org-s', 1, 2],
      ],
      ['T'],
    );
    const reasons = moveReasons(p, n);
    expect(reasons.find((r) => r.id === 'T' && r.part === 'group')?.facts).toEqual([{ fact: 'locked' }, { fact: 'taken_by', by: ['S'] }]);
    expect(reasons.find((r) => r.id === 'T' && r.part === 'team')?.facts).toEqual([{ fact: 'same_group', with: 'U' }, { fact: 'taken_by', by: ['S'] }]);
    // Ids whose name and birth date both changed are other people: no move is told for them.
    const renamed = previous(
      [
        ['T', 'spesialist/Helse Vest', 1, 2],
        ['U', 'kommune', 2, 2],
      ],
      ['T'],
    );
    expect(moveReasons(renamed, placed([['T', 'spesialist', 'org-t', 2, 1], ['U', 'kommune', 'org-u', 2, 2]]))).toEqual([]);
  });
});
