/**
 * Step 2 of `cohort replace`: who takes each seat. Seats are freed by withdrawn participants (or were vacant);
 * committee adds take a seat of their own cell first, every other seat goes to its cell's next reserve in call-in
 * order, and where that breaks a gender rule the allocation met, a newcomer gives way to the cell's best-placed
 * reserve of the needed gender (see the module comment of replace.ts). Pure.
 */
import { compareCodeUnits } from '../domain/compare.js';
import type { QuotaCell } from '../domain/programme.js';
import { compareCallIn, genderRules, seatsToFill, type GenderRule } from '../domain/rules.js';
import { plural } from '../domain/text.js';
import type { ReplaceState } from './request.js';
import type { RequestProblem, Seat } from './types.js';

/** The seats and the reserve lists after the change, and what the later steps need to explain them. */
export interface SeatDecision {
  /** Each cell's reserves in call-in order before the change (ids). */
  queue: ReadonlyMap<string, readonly string[]>;
  /** Each reserve's rank before the change. */
  rankBefore: ReadonlyMap<string, number>;
  /** Every seat to fill, with its taker (null: it stays empty) and how they got it. */
  seats: readonly Seat[];
  seatsOf: (cellKey: string) => Seat[];
  /** The cell's next reserve (after the change) that `pred` accepts, if any. */
  nextReserve: (cellKey: string, pred?: (id: string) => boolean) => string | undefined;
  /** Reserves called in for a gender rule: whom they were called in for, and the rules they keep. */
  genderPicks: ReadonlyMap<string, { passedOver: string; rules: GenderRule[] }>;
  /** The gender rules after the change (for the cells' new fill). */
  rulesAfter: readonly GenderRule[];
  /** Each rule's count of its gender among the participants before the change (by the rules before). */
  actualBefore: ReadonlyMap<string, number>;
  /** The rules the allocation met, which the change must keep. */
  protectedIds: ReadonlySet<string>;
  /** Members of `ids` that a gender rule counts. */
  count: (ids: readonly string[], r: GenderRule) => number;
  /** The participants after the change, in code-unit order. */
  participants: readonly string[];
  participantSet: ReadonlySet<string>;
  /** Each reserve's rank after the change. */
  rankAfter: ReadonlyMap<string, number>;
}

const GENDERS = ['female', 'male'] as const;

/** Decide the seats, or the problems of committee adds that find no free seat in their cell. */
export function decideSeats(state: ReplaceState): { ok: true; decision: SeatDecision } | { ok: false; problems: RequestProblem[] } {
  const { input, cells, info, inCell, withdrawSet, add, rowById } = state;

  // Call-in order of each cell's reserves: the allocation's ranks when every reserve of the cell has one.
  const queue = new Map<string, string[]>();
  for (const cell of cells) {
    const reserves = inCell(cell.key, (r) => r.status === 'reserve');
    const ranked = reserves.every((r) => r.reserveRank !== null);
    const ordered = [...reserves].sort((a, b) => {
      if (ranked) return (a.reserveRank ?? 0) - (b.reserveRank ?? 0) || compareCodeUnits(a.id, b.id);
      const x = info(a.id);
      const y = info(b.id);
      return compareCallIn({ priority: x.c.priority, draw: x.draw, id: a.id }, { priority: y.c.priority, draw: y.draw, id: b.id });
    });
    queue.set(cell.key, ordered.map((r) => r.id));
  }
  const rankBefore = new Map<string, number>();
  for (const ids of queue.values()) ids.forEach((id, i) => rankBefore.set(id, rowById.get(id)?.reserveRank ?? i + 1));

  // Seats per cell: freed by withdrawn participants (ordered by id), then any already vacant.
  const seats: Seat[] = [];
  for (const cell of cells) {
    const before = inCell(cell.key, (r) => r.status === 'selected');
    const leaving = before.filter((r) => withdrawSet.has(r.id)).sort((a, b) => compareCodeUnits(a.id, b.id));
    for (const r of leaving) seats.push({ cell, withdrawn: r.id, group: r.workshopGroup, team: r.projectTeam, taker: null, how: null });
    for (let v = before.length; v < cell.seats; v++) seats.push({ cell, withdrawn: null, group: null, team: null, taker: null, how: null });
  }
  const seatsOf = (key: string): Seat[] => seats.filter((s) => s.cell.key === key);

  // Committee adds take a seat of their cell first, in call-in order.
  const problems: RequestProblem[] = [];
  const cellIndex = new Map(cells.map((c, i) => [c.key, i]));
  const addOrder = [...add].sort((a, b) => {
    const ka = info(a).cell?.key ?? '';
    const kb = info(b).cell?.key ?? '';
    return (cellIndex.get(ka) ?? 0) - (cellIndex.get(kb) ?? 0) || (queue.get(ka) ?? []).indexOf(a) - (queue.get(kb) ?? []).indexOf(b);
  });
  for (const id of addOrder) {
    const cell = info(id).cell as QuotaCell;
    const seat = seatsOf(cell.key).find((s) => s.taker === null);
    if (seat === undefined) {
      const free = seatsOf(cell.key).length;
      const before = addOrder.filter((x) => x !== id && info(x).cell?.key === cell.key && seatsOf(cell.key).some((s) => s.taker === x));
      problems.push({
        code: 'no_free_seat',
        option: '--add',
        id,
        message:
          `expected a free seat in ${cell.label} for ${id}, got ${free === 0 ? `none: all ${plural(cell.seats, 'seat stays', 'seats stay')} taken after the withdrawals` : `${plural(free, 'free seat', 'free seats')}, taken by ${before.join(', ')}`}; ` +
          `an add takes a seat freed in its own quota cell, so withdraw a participant of ${cell.label} to free one`,
        params: { kind: 'request', problem: 'no_free_seat', id, cell: cell.label },
      });
      continue;
    }
    seat.taker = id;
    seat.how = 'committee_add';
  }
  if (problems.length > 0) return { ok: false, problems };

  // Every other seat from the reserves, in call-in order.
  const taken = new Set(add);
  const nextReserve = (key: string, pred: (id: string) => boolean = () => true): string | undefined =>
    (queue.get(key) ?? []).find((id) => !withdrawSet.has(id) && !taken.has(id) && pred(id));
  for (const seat of seats) {
    if (seat.taker !== null) continue;
    const id = nextReserve(seat.cell.key);
    if (id === undefined) continue;
    seat.taker = id;
    seat.how = 'next_reserve';
    taken.add(id);
  }

  // --- gender rules: those the allocation met must still hold.
  const available = (key: string, after: boolean): number =>
    inCell(key, (r) => (r.status === 'selected' || r.status === 'reserve') && !(after && withdrawSet.has(r.id))).length;
  const fillBefore = new Map(cells.map((c) => [c.key, seatsToFill(c.seats, available(c.key, false))]));
  const fillAfter = new Map(cells.map((c) => [c.key, seatsToFill(c.seats, available(c.key, true))]));
  const rulesBefore = genderRules(input.programme, cells, fillBefore);
  const rulesAfter = genderRules(input.programme, cells, fillAfter);
  const selectedBefore = input.rows.filter((r) => r.status === 'selected').map((r) => r.id);
  const count = (ids: readonly string[], r: GenderRule): number => ids.filter((id) => info(id).c.gender === r.gender && r.cellKeys.has(info(id).cell?.key ?? '')).length;
  const actualBefore = new Map(rulesBefore.map((r) => [r.id, count(selectedBefore, r)]));
  const protectedIds = new Set(rulesBefore.filter((r) => (actualBefore.get(r.id) ?? 0) >= r.required).map((r) => r.id));
  const kept = selectedBefore.filter((id) => !withdrawSet.has(id));
  const selectedNow = (): string[] => [...kept, ...seats.flatMap((s) => (s.taker === null ? [] : [s.taker]))];
  const shortfall = (ids: readonly string[]): number => rulesAfter.filter((r) => protectedIds.has(r.id)).reduce((s, r) => s + Math.max(0, r.required - count(ids, r)), 0);
  const genderPicks = new Map<string, { passedOver: string; rules: GenderRule[] }>();
  for (;;) {
    const now = selectedNow();
    const current = shortfall(now);
    if (current === 0) break;
    const broken = rulesAfter.filter((r) => protectedIds.has(r.id) && count(now, r) < r.required);
    let best: { seat: Seat; id: string; value: number; rules: GenderRule[]; own: boolean } | null = null;
    for (const cell of cells) {
      for (const g of GENDERS) {
        const needing = broken.filter((r) => r.gender === g && r.cellKeys.has(cell.key));
        if (needing.length === 0) continue;
        // The worst-placed newcomer of another gender gives way (never a committee add).
        const order = queue.get(cell.key) ?? [];
        const giving = seatsOf(cell.key)
          .filter((s) => s.taker !== null && s.how !== 'committee_add' && info(s.taker).c.gender !== g)
          .sort((a, b) => order.indexOf(b.taker as string) - order.indexOf(a.taker as string))[0];
        const incoming = nextReserve(cell.key, (id) => info(id).c.gender === g);
        if (giving === undefined || incoming === undefined) continue;
        const trial = now.filter((id) => id !== giving.taker).concat(incoming);
        const value = shortfall(trial);
        // Ties: the seat of a withdrawn participant of the needed gender first (a man's seat to a man), then cell order.
        const own = giving.withdrawn !== null && info(giving.withdrawn).c.gender === g;
        if (value < current && (best === null || value < best.value || (value === best.value && own && !best.own))) best = { seat: giving, id: incoming, value, rules: needing, own };
      }
    }
    if (best === null) break;
    const out = best.seat.taker as string;
    taken.delete(out);
    taken.add(best.id);
    best.seat.taker = best.id;
    best.seat.how = 'gender_rule';
    genderPicks.set(best.id, { passedOver: out, rules: best.rules });
  }

  // Within a cell the seats are alike for the quota; for the change set and the places, give each withdrawn
  // participant's seat to a newcomer of their gender where there is one (seats and newcomers in their order).
  for (const cell of cells) {
    const own = seatsOf(cell.key).filter((x) => x.taker !== null);
    const takers = own.map((x) => ({ id: x.taker as string, how: x.how }));
    const pick = (pred: (t: { id: string }) => boolean) => {
      const i = takers.findIndex(pred);
      return i < 0 ? undefined : takers.splice(i, 1)[0];
    };
    const assigned = own.map((x) => (x.withdrawn === null ? undefined : pick((t) => info(t.id).c.gender === info(x.withdrawn as string).c.gender)));
    own.forEach((x, i) => {
      const t = assigned[i] ?? pick(() => true);
      x.taker = t?.id ?? null;
      x.how = t?.how ?? null;
    });
  }

  const participants = selectedNow().sort(compareCodeUnits);
  const participantSet = new Set(participants);

  // Reserves after: the same order, without the newcomers and the withdrawn.
  const rankAfter = new Map<string, number>();
  for (const cell of cells) {
    let n = 0;
    for (const id of queue.get(cell.key) ?? []) if (!withdrawSet.has(id) && !participantSet.has(id)) rankAfter.set(id, ++n);
  }

  return {
    ok: true,
    decision: { queue, rankBefore, seats, seatsOf, nextReserve, genderPicks, rulesAfter, actualBefore, protectedIds, count, participants, participantSet, rankAfter },
  };
}
