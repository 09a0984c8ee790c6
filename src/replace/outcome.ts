/**
 * Step 3 of `cohort replace`: the programme's rules after the change (each quota cell, each gender rule), the seats
 * that stay empty, and each cell's counts; every rule that is not met says why. Pure.
 */
import { plural } from '../domain/text.js';
import type { ReplaceState } from './request.js';
import type { SeatDecision } from './seats.js';
import type { CellOutcome, EmptySeat, RuleOutcome } from './types.js';

const ONE: Readonly<Record<'female' | 'male', string>> = { female: 'woman', male: 'man' };

export function ruleOutcomes(state: ReplaceState, d: SeatDecision): { rules: RuleOutcome[]; emptySeats: EmptySeat[]; cells: CellOutcome[] } {
  const { cells, cellByKey, info } = state;
  const ruleOut: RuleOutcome[] = [];
  const emptySeats: EmptySeat[] = [];
  const cellOut: CellOutcome[] = [];
  for (const cell of cells) {
    const sel = d.participants.filter((id) => info(id).cell?.key === cell.key);
    const empty = d.seatsOf(cell.key).filter((s) => s.taker === null);
    const reserves = [...d.rankAfter.keys()].filter((id) => info(id).cell?.key === cell.key).length;
    for (const s of empty) {
      emptySeats.push({
        cell: cell.key,
        withdrawn: s.withdrawn,
        explanation: `${cell.label}: ${s.withdrawn === null ? 'a vacant seat' : `the seat of ${s.withdrawn} (withdrawn)`} stays empty — the cell has no reserve left to call in`,
      });
    }
    const g = { female: 0, male: 0, unknown: 0 };
    for (const id of sel) g[info(id).c.gender]++;
    cellOut.push({ key: cell.key, label: cell.label, seats: cell.seats, selected: sel.length, reserves, shortfall: cell.seats - sel.length, gender: g });
    ruleOut.push({
      id: `quota.${cell.key}`,
      kind: 'quota',
      scope: 'cell',
      scopeKey: cell.key,
      gender: null,
      required: cell.seats,
      actual: sel.length,
      met: sel.length === cell.seats,
      text: `${cell.label}: ${cell.seats} seats filled`,
      explanation:
        sel.length === cell.seats
          ? null
          : `${cell.label}: ${plural(cell.seats, 'seat', 'seats')}, ${sel.length} filled — ${plural(cell.seats - sel.length, 'seat', 'seats')} empty${empty.some((s) => s.withdrawn !== null) ? ` after ${empty.flatMap((s) => (s.withdrawn === null ? [] : [s.withdrawn])).join(', ')} withdrew` : ''}: no reserve left`,
    });
  }
  for (const r of d.rulesAfter) {
    const a = d.count(d.participants, r);
    const met = a >= r.required;
    let explanation: string | null = null;
    if (!met) {
      const before = d.actualBefore.get(r.id);
      if (!d.protectedIds.has(r.id)) {
        explanation = `${r.text}: ${a} — not met before this change either (${before ?? 0})`;
      } else {
        const without = [...r.cellKeys].filter((k) => d.seatsOf(k).some((s) => s.withdrawn !== null) && d.nextReserve(k, (id) => info(id).c.gender === r.gender) === undefined);
        const adds = d.seats.filter((s) => s.how === 'committee_add' && r.cellKeys.has(s.cell.key) && info(s.taker as string).c.gender !== r.gender).map((s) => s.taker as string);
        explanation =
          `${r.text}: ${a} after the change (the allocation had ${before ?? 0}) — no newcomer's seat in ${r.scope === 'cohort' ? 'the cohort' : r.scopeKey} can go to a ${ONE[r.gender]} from its cell's reserves` +
          (without.length > 0 ? ` (${without.map((k) => cellByKey.get(k)?.label ?? k).join(', ')}: no ${ONE[r.gender]} among the reserves)` : '') +
          (adds.length > 0 ? `; the committee's --add of ${adds.join(', ')} stands` : '') +
          '; replace never takes a seat from a participant to keep a gender rule';
      }
    }
    ruleOut.push({ id: r.id, kind: 'gender', scope: r.scope, scopeKey: r.scopeKey, gender: r.gender, required: r.required, actual: a, met, text: r.text, explanation });
  }
  return { rules: ruleOut, emptySeats, cells: cellOut };
}
