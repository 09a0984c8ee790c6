/**
 * Step 5 of `cohort replace`: the change set in words. Who left, who came in and why (the next reserve, a gender
 * rule, a committee decision), who moved and why (the rules their old place would break, who took it), and every
 * candidate's row after the change. Pure.
 */
import { rankText } from '../stages/select/select.js';
import { plural } from '../domain/text.js';
import type { Reason } from '../domain/types.js';
import type { ReplaceState } from './request.js';
import type { SeatDecision } from './seats.js';
import type { CurrentRow, Move, Newcomer, Placement, ReformedPlacement, ResultRow, Seat, WithdrawnChange } from './types.js';

const ONE: Readonly<Record<'female' | 'male', string>> = { female: 'woman', male: 'man' };

export interface ChangeSet {
  withdrawn: WithdrawnChange[];
  newcomers: Newcomer[];
  moves: Move[];
  rows: ResultRow[];
}

export function changeSet(state: ReplaceState, d: SeatDecision, placement: Placement, newcomerSeat: ReadonlyMap<string, Seat>, reformed: ReformedPlacement | undefined): ChangeSet {
  const { input, info, rowById, withdraw, withdrawSet } = state;
  const { queue, rankBefore, rankAfter, genderPicks, participants, participantSet } = d;

  /**
   * Why someone is not where they started (a participant's own place, a newcomer's freed place): the broken rules of
   * the parts they left or joined, and who took their place.
   */
  const whyMoved = (id: string, from: number | null, kind: 'group' | 'team'): string => {
    if (reformed !== undefined) return reformed.why;
    const list = kind === 'group' ? placement.groupIssues : placement.teamIssues;
    const finalOf = kind === 'group' ? placement.groupOf : placement.teamOf;
    const startOf = kind === 'group' ? placement.groupStart : placement.teamStart;
    const to = finalOf.get(id);
    const near = list.filter((x) => x.part === from || x.part === to);
    const texts = (near.length > 0 ? near : list).map((x) => x.text);
    const partners = participants.filter((x) => x !== id && startOf.get(x) === to && finalOf.get(x) === from).map((x) => (newcomerSeat.has(x) ? `${x} (new)` : x));
    return [...texts, ...(partners.length > 0 ? [`${partners.join(', ')} ${partners.length === 1 ? 'takes' : 'take'} the place in ${kind === 'group' ? 'workshop group' : 'project team'} ${from ?? '?'}`] : [])].join('; ');
  };

  const withdrawn: WithdrawnChange[] = withdraw.map((id) => {
    const r = rowById.get(id) as CurrentRow;
    const seat = d.seats.find((s) => s.withdrawn === id);
    return {
      id,
      cell: info(id).cell?.key ?? null,
      was: r.status === 'selected' ? 'selected' : 'reserve',
      workshopGroup: r.status === 'selected' ? r.workshopGroup : null,
      projectTeam: r.status === 'selected' ? r.projectTeam : null,
      reserveRank: r.status === 'reserve' ? (rankBefore.get(id) ?? null) : null,
      replacedBy: seat?.taker ?? null,
    };
  });
  const newcomers: Newcomer[] = d.seats.flatMap((s): Newcomer[] => {
    if (s.taker === null || s.how === null) return [];
    const id = s.taker;
    const cell = s.cell;
    const rank = rankBefore.get(id) ?? null;
    const c = info(id).c;
    let why: string;
    let passedOver: string[] = [];
    if (s.how === 'committee_add') {
      const next = (queue.get(cell.key) ?? []).find((x) => !withdrawSet.has(x) && x !== id && !participantSet.has(x) && (rankBefore.get(x) ?? 0) < (rank ?? 0));
      if (next !== undefined) passedOver = [next];
      why = `committee decision (--add): reserve number ${rank ?? '?'} in ${cell.label} (${rankText(c.priority)})${next === undefined ? '' : `, brought in before ${next} (reserve number ${rankBefore.get(next) ?? '?'}), who stays a reserve`}`;
    } else if (s.how === 'gender_rule') {
      const pick = genderPicks.get(id);
      const passed = (queue.get(cell.key) ?? []).filter((x) => !withdrawSet.has(x) && !participantSet.has(x) && info(x).c.gender !== c.gender && (rankBefore.get(x) ?? 0) < (rank ?? 0));
      const first = passed[0] ?? pick?.passedOver ?? '?';
      passedOver = passed.length > 0 ? passed : pick?.passedOver === undefined ? [] : [pick.passedOver];
      why =
        `best-placed ${c.gender === 'unknown' ? 'reserve' : ONE[c.gender]} among the reserves of ${cell.label} (reserve number ${rank ?? '?'}, ${rankText(c.priority)}), called in before ` +
        `better-placed ${first} (reserve number ${rankBefore.get(first) ?? '?'})${passed.length > 1 ? ` and ${plural(passed.length - 1, 'other', 'others')}` : ''} to keep: ${(pick?.rules ?? []).map((r) => r.text).join('; ')}`;
    } else {
      why = `next reserve in ${cell.label}: reserve number ${rank ?? '?'} (${rankText(c.priority)})`;
    }
    const group = placement.groupOf.get(id) as number;
    const team = placement.teamOf.get(id) as number;
    const exactPlace = s.group !== null && s.team !== null && group === s.group && team === s.team;
    let placeNote: string | null = null;
    if (!exactPlace) {
      if (s.withdrawn === null) placeNote = 'a seat that was already vacant has no place of its own: placed where the rules allow';
      else {
        const why = reformed !== undefined ? [reformed.why] : [...(group !== s.group ? [whyMoved(id, s.group, 'group')] : []), ...(team !== s.team ? [whyMoved(id, s.team, 'team')] : [])];
        placeNote = `not the exact place of ${s.withdrawn} (workshop group ${s.group ?? '?'}, project team ${s.team ?? '?'}): ${why.join('; ')}`;
      }
    }
    return [{ id, cell: cell.key, replaces: s.withdrawn, reserveRank: rank, how: s.how, why, passedOver, workshopGroup: group, projectTeam: team, exactPlace, placeNote }];
  });
  const moves: Move[] = [];
  for (const id of participants) {
    if (newcomerSeat.has(id)) continue;
    const r = rowById.get(id) as CurrentRow;
    const toGroup = placement.groupOf.get(id) as number;
    const toTeam = placement.teamOf.get(id) as number;
    const fromGroup = r.workshopGroup ?? 0;
    const fromTeam = r.projectTeam ?? 0;
    if (toGroup === fromGroup && toTeam === fromTeam) continue;
    const why = reformed !== undefined ? reformed.why : [...(toGroup !== fromGroup ? [whyMoved(id, fromGroup, 'group')] : []), ...(toTeam !== fromTeam ? [whyMoved(id, fromTeam, 'team')] : [])].join('; ');
    moves.push({ id, fromGroup, toGroup, fromTeam, toTeam, why: `to keep the rules: ${why}` });
  }

  const rows: ResultRow[] = input.rows.map((r) => {
    const i = info(r.id);
    const base = { id: r.id, cell: i.cell?.key ?? null, previousReserveRank: null as number | null, notes: [] as Reason[], freshReasons: false };
    if (withdrawSet.has(r.id)) {
      const w = withdrawn.find((x) => x.id === r.id) as WithdrawnChange;
      const note =
        w.was === 'selected'
          ? `withdrawn: left the cohort (was in workshop group ${w.workshopGroup ?? '?'}, project team ${w.projectTeam ?? '?'}); ${w.replacedBy === null ? 'the seat stays empty: no reserve left' : `seat taken by ${w.replacedBy}`}`
          : `withdrawn: left the reserve list (was number ${w.reserveRank ?? '?'} in ${i.cell?.label ?? '?'})`;
      const facts = { code: 'withdrawn', was: w.was, group: w.workshopGroup, team: w.projectTeam, replacedBy: w.replacedBy, reserveRank: w.reserveRank, cell: i.cell?.label ?? '?' } as const;
      return { ...base, status: 'withdrawn', reserveRank: null, workshopGroup: null, projectTeam: null, notes: [{ code: 'withdrawn', text: note, facts }], freshReasons: true };
    }
    if (participantSet.has(r.id)) {
      const group = placement.groupOf.get(r.id) ?? null;
      const team = placement.teamOf.get(r.id) ?? null;
      const nc = newcomers.find((x) => x.id === r.id);
      if (nc !== undefined) {
        const c = info(r.id).c;
        const facts = {
          code: 'newcomer',
          how: nc.how,
          cell: i.cell?.label ?? '?',
          reserveRank: nc.reserveRank,
          priority: c.priority,
          gender: c.gender,
          passedOver: nc.passedOver,
          replaces: nc.replaces,
          exact: nc.exactPlace,
        } as const;
        // The facts say all three English notes in one reason; the first carries them, the others are English only.
        const notes: Reason[] = [
          { code: 'newcomer', text: nc.how === 'committee_add' ? `included: ${nc.why}` : nc.how === 'gender_rule' ? `selected_for_gender_rule: ${nc.why}` : `selected: ${nc.why}`, facts },
          { code: 'newcomer', text: nc.replaces === null ? 'replaces: a vacant seat' : `replaces ${nc.replaces} (withdrawn)${nc.exactPlace ? ', in the same workshop group and project team' : ''}`, facts: null },
        ];
        if (nc.placeNote !== null) notes.push({ code: 'newcomer', text: `placed: ${nc.placeNote}`, facts: null });
        return { ...base, status: 'selected', reserveRank: null, workshopGroup: group, projectTeam: team, notes, freshReasons: true };
      }
      const mv = moves.find((x) => x.id === r.id);
      const notes: Reason[] =
        mv === undefined ? [] : [{ code: 'moved', text: `moved: ${moveText(mv)} (${mv.why})`, facts: { code: 'moved', fromGroup: mv.fromGroup, toGroup: mv.toGroup, fromTeam: mv.fromTeam, toTeam: mv.toTeam } }];
      return { ...base, status: 'selected', reserveRank: null, workshopGroup: group, projectTeam: team, notes };
    }
    if (r.status === 'reserve') {
      const rank = rankAfter.get(r.id) ?? null;
      const before = rankBefore.get(r.id) ?? null;
      // Passed over: a newcomer of another gender, placed after them, was called in for a gender rule.
      const instead = newcomers.filter((x) => x.how === 'gender_rule' && x.cell === i.cell?.key && info(x.id).c.gender !== i.c.gender && (x.reserveRank ?? 0) > (before ?? 0));
      const ids = instead.map((x) => x.id);
      const notes: Reason[] =
        ids.length > 0 ? [{ code: 'called_in_instead', text: `passed_over_for_gender_rule: ${ids.join(', ')} called in instead by cohort replace to keep a gender rule`, facts: { code: 'called_in_instead', ids } }] : [];
      return { ...base, status: 'reserve', reserveRank: rank, workshopGroup: null, projectTeam: null, previousReserveRank: rank !== before ? before : null, notes };
    }
    return { ...base, status: r.status, reserveRank: null, workshopGroup: null, projectTeam: null };
  });

  return { withdrawn, newcomers, moves, rows };
}

/** A move in words: `workshop group 2 → 3, project team 5 → 1`. */
export function moveText(m: Move): string {
  const parts: string[] = [];
  if (m.fromGroup !== m.toGroup) parts.push(`workshop group ${m.fromGroup} → ${m.toGroup}`);
  if (m.fromTeam !== m.toTeam) parts.push(`project team ${m.fromTeam} → ${m.toTeam}`);
  return parts.join(', ');
}
