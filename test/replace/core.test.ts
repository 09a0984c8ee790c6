/**
 * `computeReplacement` in-process on a hand-made allocation (test/replace/world.ts): seats, gender rules, committee
 * adds, and the placement search (exact place, one swap for a colleague clash, repairs after empty seats), each
 * result re-checked by the independent group/team checker; row order never matters.
 */
import { describe, expect, it } from 'vitest';
import type { GroupLocks } from '../../src/domain/types.js';
import { computeReplacement, type ReplaceInput, type ReplaceResult } from '../../src/replace/replace.js';
import { shuffled } from '../groups/cohort.js';
import { placementErrors, world, type WorldOptions } from './world.js';

function replace(o: WorldOptions, withdraw: string[], add: string[] = [], locks?: GroupLocks): { result: ReplaceResult; input: ReplaceInput } {
  const input = { ...world(o), withdraw, add, locks };
  const out = computeReplacement(input);
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  expect(placementErrors(input, out.result.participants, out.result.placement.groupOf, out.result.placement.teamOf)).toEqual([]);
  return { result: out.result, input };
}

const place = (r: ReplaceResult, id: string) => [r.placement.groupOf.get(id), r.placement.teamOf.get(id)];

describe('seats', () => {
  it('the next reserve takes the exact place of the one who left; nobody else moves', () => {
    const { result } = replace({}, ['S05']);
    expect(result.newcomers).toEqual([
      { id: 'S09', cell: 'spesialist/Helse Sør-Øst', replaces: 'S05', reserveRank: 1, how: 'next_reserve', why: 'next reserve in Helse Sør-Øst: reserve number 1 (priority 45)', passedOver: [], workshopGroup: 2, projectTeam: 3, exactPlace: true, placeNote: null },
    ]);
    expect(result.moves).toEqual([]);
    expect(result.rows.find((r) => r.id === 'S10')).toMatchObject({ status: 'reserve', reserveRank: 1, previousReserveRank: 2 });
    expect(result.rows.find((r) => r.id === 'S05')).toMatchObject({ status: 'withdrawn', workshopGroup: null, projectTeam: null, freshReasons: true });
  });

  it('a man who leaves while the sector is at its minimum of men is replaced by the best-ranked man, with the reason', () => {
    const { result } = replace({ reserves: { S: [['S09', 'female'], ['S10', 'female'], ['S11', 'male'], ['S12', 'male']] } }, ['S01']);
    expect(result.newcomers.map((n) => [n.id, n.how, n.replaces])).toEqual([['S11', 'gender_rule', 'S01']]);
    expect(result.newcomers[0]?.why).toBe(
      'best-placed man among the reserves of Helse Sør-Øst (reserve number 3, priority 47), called in before better-placed S09 (reserve number 1) and 1 other to keep: at least 8 men in spesialist',
    );
    expect(result.rows.find((r) => r.id === 'S09')?.notes).toEqual([
      { code: 'called_in_instead', text: 'passed_over_for_gender_rule: S11 called in instead by cohort replace to keep a gender rule', facts: { code: 'called_in_instead', ids: ['S11'] } },
    ]);
    expect(result.rules.every((r) => r.met)).toBe(true);
  });

  it('with a man and a woman leaving one cell, the man\'s seat goes to the best man and the woman\'s to the next reserve', () => {
    const { result } = replace({ reserves: { S: [['S09', 'female'], ['S10', 'female'], ['S11', 'male']] } }, ['S01', 'S05']);
    expect(result.newcomers.map((n) => [n.replaces, n.id, n.how]).sort()).toEqual([['S01', 'S11', 'gender_rule'], ['S05', 'S09', 'next_reserve']]);
    expect(result.moves).toEqual([]);
  });

  it('a gender rule no reserve can keep is reported and nobody gives up a seat for it', () => {
    const { result } = replace({}, ['N01']);
    expect(result.newcomers).toEqual([]);
    expect(result.emptySeats).toEqual([{ cell: 'spesialist/Helse Nord', withdrawn: 'N01', explanation: 'Helse Nord: the seat of N01 (withdrawn) stays empty — the cell has no reserve left to call in' }]);
    const men = result.rules.find((r) => r.id === 'gender.sector.spesialist.male');
    expect(men).toMatchObject({ met: false, actual: 7, required: 8 });
    expect(men?.explanation).toBe(
      'at least 8 men in spesialist: 7 after the change (the allocation had 8) — no newcomer\'s seat in spesialist can go to a man from its cell\'s reserves (Helse Nord: no man among the reserves); replace never takes a seat from a participant to keep a gender rule',
    );
  });

  it('a committee add takes the freed seat of its cell before the next reserve; an add without a seat is refused', () => {
    const { result } = replace({}, ['S05'], ['S10']);
    expect(result.newcomers.map((n) => [n.id, n.how, n.replaces, n.exactPlace])).toEqual([['S10', 'committee_add', 'S05', true]]);
    expect(result.newcomers[0]?.why).toBe('committee decision (--add): reserve number 2 in Helse Sør-Øst (priority 46), brought in before S09 (reserve number 1), who stays a reserve');
    const refused = computeReplacement({ ...world(), withdraw: ['S05'], add: ['V05'] });
    expect(refused).toEqual({
      ok: false,
      problems: [
        {
          code: 'no_free_seat',
          option: '--add',
          id: 'V05',
          message: 'expected a free seat in Helse Vest for V05, got none: all 4 seats stay taken after the withdrawals; an add takes a seat freed in its own quota cell, so withdraw a participant of Helse Vest to free one',
          params: { kind: 'request', problem: 'no_free_seat', id: 'V05', cell: 'Helse Vest' },
        },
      ],
    });
  });

  it.each([
    [['X99'], [], 'unknown_id'],
    [['S09', 'S09'], ['S09'], 'conflicting_request'],
    [['S05'], ['K01'], 'not_a_reserve'],
  ] as const)('refuses withdraw %j add %j (%s)', (withdraw, add, code) => {
    const out = computeReplacement({ ...world(), withdraw: [...withdraw], add: [...add] });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems.map((p) => p.code)).toContain(code);
  });

  it('a withdrawn reserve frees no seat; the reserves behind move up', () => {
    const { result } = replace({}, ['K21']);
    expect(result.newcomers).toEqual([]);
    expect(result.withdrawn).toEqual([{ id: 'K21', cell: 'kommune', was: 'reserve', workshopGroup: null, projectTeam: null, reserveRank: 1, replacedBy: null }]);
    expect(result.rows.filter((r) => r.status === 'reserve' && r.cell === 'kommune').map((r) => [r.id, r.reserveRank])).toEqual([['K22', 1], ['K23', 2]]);
  });

  it('a seat already vacant is filled too, placed in the smallest group and the team missing that sector', () => {
    const { result } = replace({ status: { S08: 'excluded' } }, ['K21']);
    expect(result.newcomers.map((n) => [n.id, n.replaces, n.workshopGroup, n.projectTeam, n.exactPlace])).toEqual([['S09', null, 2, 4, false]]);
    expect(result.moves).toEqual([]);
  });
});

describe('places in groups and teams', () => {
  it('a newcomer who would meet a colleague in the freed group and team changes place with one participant', () => {
    // S09 works where S06 does; S05 and S06 share group 2 and team 3.
    const { result } = replace({ orgs: { S09: 'Same HF', S06: 'Same HF' } }, ['S05']);
    expect(result.moves).toHaveLength(1);
    const move = result.moves[0];
    expect(move).toMatchObject({ fromGroup: expect.any(Number) as number, toGroup: 2, toTeam: 3 });
    expect(place(result, 'S09')).toEqual([move?.fromGroup, move?.fromTeam]);
    expect(move?.why).toContain('S06 and S09 (new) are from the same organisation and would share workshop group 2');
    expect(move?.why).toContain('S09 (new) takes the place in workshop group');
    expect(result.newcomers[0]?.placeNote).toContain('not the exact place of S05 (workshop group 2, project team 3)');
  });

  it('the committee\'s locks hold: nobody locked into a group or kept with a teammate moves, kept-apart pairs stay apart', () => {
    // Without locks S01 (group 1, team 1) would change places with S09; S01 is locked into group 1, and S03 is to be
    // kept in a team with K03, so another specialist moves.
    const free = replace({ orgs: { S09: 'Same HF', S06: 'Same HF' } }, ['S05']).result;
    expect(free.moves.map((m) => m.id)).toEqual(['S01']);
    const locks: GroupLocks = { inGroup: [{ id: 'S01', group: 1 }], togetherInTeam: [['S03', 'K03']], apart: [['S09', 'S02']] };
    const { result } = replace({ orgs: { S09: 'Same HF', S06: 'Same HF' } }, ['S05'], [], locks);
    expect(result.moves).toHaveLength(1);
    expect(['S01', 'S03']).not.toContain(result.moves[0]?.id);
    expect(result.placement.groupOf.get('S01')).toBe(1);
    expect(result.placement.teamOf.get('S03')).toBe(result.placement.teamOf.get('K03'));
    expect(result.placement.groupOf.get('S09')).not.toBe(result.placement.groupOf.get('S02'));
    expect(result.placement.teamOf.get('S09')).not.toBe(result.placement.teamOf.get('S02'));
  });

  it('a colleague in the freed group only: one participant changes group, nobody changes team', () => {
    // S09 works where S07 does: S07 is in S05's group 2 but in team 4, not in S05's team 3.
    const { result } = replace({ orgs: { S09: 'Same HF', S07: 'Same HF' } }, ['S05']);
    expect(result.moves).toHaveLength(1);
    const move = result.moves[0];
    expect(move).toMatchObject({ toGroup: 2 });
    expect(move?.fromTeam).toBe(move?.toTeam);
    expect(place(result, 'S09')).toEqual([move?.fromGroup, 3]);
    expect(result.newcomers[0]?.placeNote).toBe(`not the exact place of S05 (workshop group 2, project team 3): S07 and S09 (new) are from the same organisation and would share workshop group 2; ${move?.id ?? ''} takes the place in workshop group 2`);
  });

  it('empty seats that leave a group short of a sector and a team without specialists are repaired with as few moves as possible', () => {
    // S05 and S06 (group 2, team 3) leave and Helse Sør-Øst has no reserves left.
    const { result } = replace({ reserves: { S: [] } }, ['S05', 'S06']);
    expect(result.emptySeats).toHaveLength(2);
    // Group 2 (4 + 2) needs one specialist more; team 3 (2 + 0) needs one: the same person does both.
    expect(result.moves).toHaveLength(1);
    const m = result.moves[0];
    expect(m).toMatchObject({ toGroup: 2, toTeam: 3 });
    expect(m?.why).toContain('workshop group 2 would have 4 municipal and 2 specialist members');
    expect(m?.why).toContain('project team 3 would have 2 municipal and 0 specialist members (a team has 2 + 2)');
  });
});

describe('determinism', () => {
  it('row and candidate order never matter', () => {
    const base = { ...world({ orgs: { S09: 'Same HF', S06: 'Same HF' } }), withdraw: ['S05', 'K03', 'V05'], add: [] };
    const a = computeReplacement(base);
    const b = computeReplacement({ ...base, rows: shuffled(base.rows, 'r'), screened: shuffled(base.screened, 's'), withdraw: ['V05', 'K03', 'S05'] });
    if (!a.ok || !b.ok) throw new Error('refused');
    const norm = (r: ReplaceResult) => ({ ...r, rows: [...r.rows].sort((x, y) => (x.id < y.id ? -1 : 1)) });
    expect(norm(b.result)).toEqual(norm(a.result));
    expect(a.result.moves.length).toBeGreaterThan(0);
  });
});
