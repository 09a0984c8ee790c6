/**
 * `cohort replace` (issue 7): dropouts and late changes after the allocation, disturbing as few people as
 * possible. Pure: takes the screened candidates, the programme and the current allocation's decisions, returns
 * the new decisions and the change set. No files, no clock, no solver.
 *
 * ## Seats
 * - A withdrawn participant frees a seat in their quota cell, tied to their workshop-group and project-team place.
 *   A withdrawn reserve frees nothing; the reserves behind them move up.
 * - `add` (a committee decision) brings a named reserve in: it takes a seat freed in its own cell (the freed seats
 *   of a cell in the order of the withdrawn ids), before any reserve is called in, so the reserve who would have
 *   been called next stays a reserve. An add with no free seat in its cell is refused (`no_free_seat`): a quota
 *   cell never holds more than its seats.
 * - Every other free seat is filled from its cell's reserves in call-in order (the allocation's `reserve_rank`,
 *   else priority, the seeded lottery draw, id — as `cohort allocate` orders them).
 * - Gender rules (the same rules as the selection: cohort, sector and, with `cellMinimums`, cell minimums) that the
 *   allocation met must still be met. When the reserves called in break one, the worst-placed newcomer of the other
 *   gender in a cell the rule covers gives way to that cell's best-placed reserve of the needed gender, as long as
 *   that lowers the total shortfall of those rules. Only newcomers give way: a participant who has been told is
 *   never un-admitted, and a committee add never gives way. A rule that cannot be kept so is reported, not hidden.
 * - A seat with no reserve left stays empty and is reported (a quota rule not met).
 *
 * ## Places in groups and teams
 * Each newcomer starts in the exact workshop-group and project-team place of the one who left (a seat that was
 * already vacant starts in the smallest group and the team missing that sector). A newcomer is always of the same
 * sector as the one they replace (a quota cell is within one sector), so team shapes and the groups' sector mix
 * are kept; what can break is an organisation clash, or — when seats stay empty — group sizes, sector mix and team
 * shapes, the committee's locks. Then the groups, and after them the teams, are searched for the lexicographic
 * best of:
 *   1. hard rules broken (sizes, sector mix, organisation clashes beyond the unavoidable, team shapes, locks: keep in
 *      a group, keep apart, keep together in a team);
 *   2. participants who change their workshop group (respectively project team); newcomers do not count; for teams,
 *      then those the group stage did not move already (disturb as few people as possible);
 *   3. newcomers away from the place they were given;
 *   4. quality: groups — gender below the Norwegian-table minimum, RHF above its even share; teams — not
 *      region-matched, members sharing a workshop group, a gender missing.
 * The search is exhaustive over every single swap or relocation that involves a newcomer or a member of a part
 * that breaks a rule; from the best of those (a beam of `BEAM` states) the same again, up to `MAX_DEPTH` steps,
 * and it stops as soon as no further step can lower the number of people moved. Ties go to the first state in a
 * fixed enumeration order (participants by id), so the result is deterministic. The caller re-checks the result
 * with the independent checkers; when the search cannot reach a valid placement (`placement.hardLeft`, the checker's
 * errors) or the cohort now needs another number of groups (`placement.groupCountChanged`), the caller re-forms the
 * groups and teams from scratch and passes them back in (`ReformedPlacement`).
 */
import { REGIONS, type Region } from '../stages/common.js';
import type { GroupLocks } from '../domain/types.js';
import { compareCodeUnits, lotteryDraw } from '../domain/lottery.js';
import { genderTableMinimum, quotaCells, type Programme, type QuotaCell } from '../domain/programme.js';
import type { Candidate, Gender, ScreenedCandidate, Sector } from '../domain/types.js';
import { fewestSmallerTeams } from '../check/groups.js';
import { groupCount } from '../stages/groups/model.js';
import { plural } from '../domain/text.js';
import { genderRules, rankText, type RuleDef, type SelectionRule } from '../stages/select/select.js';
import type { GroupQuality } from '../stages/groups/groups.js';
import type { TeamQuality } from '../stages/teams/teams.js';

/** A row's status in an allocation, `withdrawn` included. */
export type RowStatus = 'selected' | 'reserve' | 'excluded' | 'ineligible' | 'withdrawn';

/** The decisions about one candidate in the current allocation. */
export interface CurrentRow {
  id: string;
  status: RowStatus;
  workshopGroup: number | null;
  projectTeam: number | null;
  reserveRank: number | null;
}

export interface ReplaceInput {
  programme: Programme;
  /** Every candidate, screened (cells, eligibility). */
  screened: readonly ScreenedCandidate[];
  /** The current allocation: one row per candidate. */
  rows: readonly CurrentRow[];
  /** Participants or reserves who leave. */
  withdraw: readonly string[];
  /** Reserves the committee brings in. */
  add: readonly string[];
  /** Lottery seed: the call-in order of a cell whose reserves have no ranks. */
  seed: string;
  /**
   * The committee's group and team locks (keep in a group, keep apart, keep together in a team), held like the
   * hard rules; a lock on someone who is no longer a participant has nothing to hold. Default: none.
   */
  locks?: GroupLocks | undefined;
}

/** A request that cannot be carried out, for the option that asked for it. */
export interface RequestProblem {
  code: 'unknown_id' | 'not_withdrawable' | 'not_a_reserve' | 'conflicting_request' | 'no_free_seat';
  option: '--withdraw' | '--add';
  id: string;
  message: string;
}

/** How a newcomer got their seat. */
export type NewcomerHow = 'next_reserve' | 'gender_rule' | 'committee_add';

export interface WithdrawnChange {
  id: string;
  cell: string | null;
  was: 'selected' | 'reserve';
  /** The place they left (null for a reserve). */
  workshopGroup: number | null;
  projectTeam: number | null;
  /** Their reserve rank before (null for a participant). */
  reserveRank: number | null;
  /** Who took their seat; null for a reserve or a seat left empty. */
  replacedBy: string | null;
}

export interface Newcomer {
  id: string;
  cell: string;
  /** The withdrawn participant whose seat they take; null for a seat that was already vacant. */
  replaces: string | null;
  /** Their reserve rank before the change. */
  reserveRank: number | null;
  how: NewcomerHow;
  /** Why this person, in plain words (ids and ranks only). */
  why: string;
  workshopGroup: number;
  projectTeam: number;
  /** Whether they took the exact group and team place of the one they replace. */
  exactPlace: boolean;
  /** Why not the exact place; null when exact. */
  placeNote: string | null;
}

export interface Move {
  id: string;
  fromGroup: number;
  toGroup: number;
  fromTeam: number;
  toTeam: number;
  why: string;
}

export interface EmptySeat {
  cell: string;
  /** The withdrawn participant whose seat stays empty; null for a seat that was already vacant. */
  withdrawn: string | null;
  explanation: string;
}

/** A selection rule after the change: the same shape, ids and texts as `cohort allocate`'s. */
export type RuleOutcome = SelectionRule;

export interface CellOutcome {
  key: string;
  label: string;
  seats: number;
  selected: number;
  reserves: number;
  shortfall: number;
  gender: { female: number; male: number; unknown: number };
}

/** A candidate's row after the change. */
export interface ResultRow {
  id: string;
  status: RowStatus;
  cell: string | null;
  reserveRank: number | null;
  workshopGroup: number | null;
  projectTeam: number | null;
  /** The reserve rank before, when the row's rank changed. */
  previousReserveRank: number | null;
  /** Reason texts this change adds to the row (the app appends them to the row's reasons). */
  notes: string[];
  /** A new reason list replaces the old one (newcomers, the newly withdrawn); false: keep and append `notes`. */
  freshReasons: boolean;
}

export interface Placement {
  /** `local`: the search below; `reformed`: groups and teams formed afresh by the caller (see `ReformedPlacement`). */
  method: 'local' | 'reformed';
  /** Hard rules the placement still breaks by the search's own count (unavoidable ones included); 0 when re-formed. */
  hardLeft: number;
  /** The cohort now needs another number of workshop groups: only a full re-forming can place it. */
  groupCountChanged: boolean;
  /** States the search evaluated (groups and teams), for the record. */
  statesExplored: number;
  groupOf: Map<string, number>;
  teamOf: Map<string, number>;
  /** What was wrong with the newcomers in the freed places, per stage: why anyone moved. */
  groupIssues: PartIssue[];
  teamIssues: PartIssue[];
  /** Where each participant started before the search: their own place, or a newcomer's freed place. */
  groupStart: Map<string, number>;
  teamStart: Map<string, number>;
}

/** A rule the starting placement breaks, in words, with the group or team number it is about. */
export interface PartIssue {
  part: number;
  text: string;
}

export interface ReplaceResult {
  rows: ResultRow[];
  withdrawn: WithdrawnChange[];
  newcomers: Newcomer[];
  moves: Move[];
  emptySeats: EmptySeat[];
  rules: RuleOutcome[];
  cells: CellOutcome[];
  /** Participants after the change, by id. */
  participants: string[];
  placement: Placement;
}

export type ReplaceOutcome = { ok: true; result: ReplaceResult } | { ok: false; problems: RequestProblem[] };

/** States kept from one search depth to the next. */
const BEAM = 200;
/** Most steps (swaps or relocations) the search chains. */
const MAX_DEPTH = 3;

type G2 = 'female' | 'male';
const GS: readonly G2[] = ['female', 'male'];
const ONE: Record<G2, string> = { female: 'woman', male: 'man' };

interface Info {
  id: string;
  c: Candidate;
  cell: QuotaCell | null;
  eligible: boolean;
  draw: number;
}





/** A seat to fill: freed by a withdrawn participant (with their place) or already vacant. */
interface Seat {
  cell: QuotaCell;
  withdrawn: string | null;
  group: number | null;
  team: number | null;
  taker: string | null;
  how: NewcomerHow | null;
}

/**
 * Groups and teams formed afresh for the whole cohort by the caller (when the local search cannot place it), numbered
 * to keep as many participants in place as possible.
 */
export interface ReformedPlacement {
  groupOf: ReadonlyMap<string, number>;
  teamOf: ReadonlyMap<string, number>;
  /** Why, in words; it becomes the `why` of every move. */
  why: string;
}

/**
 * Compute the replacement. Problems with the request (unknown ids, an add without a seat) come back as a value.
 * With `reformed`, the seats are decided the same way and the given groups and teams are used instead of the search.
 */
export function computeReplacement(input: ReplaceInput, reformed?: ReformedPlacement): ReplaceOutcome {
  const { programme } = input;
  const cells = quotaCells(programme);
  const cellByKey = new Map(cells.map((c) => [c.key, c]));
  const infoById = new Map<string, Info>();
  for (const s of input.screened) {
    const cell = s.cell === null ? null : (cellByKey.get(s.cell) ?? null);
    infoById.set(s.candidate.id, { id: s.candidate.id, c: s.candidate, cell, eligible: s.status === 'eligible' && cell !== null, draw: lotteryDraw(input.seed, s.candidate.id) });
  }
  const rowById = new Map(input.rows.map((r) => [r.id, r]));
  const withdraw = [...new Set(input.withdraw)].sort(compareCodeUnits);
  const add = [...new Set(input.add)].sort(compareCodeUnits);

  // --- the request
  const problems: RequestProblem[] = [];
  for (const id of withdraw) {
    const r = rowById.get(id);
    if (r === undefined || !infoById.has(id)) problems.push({ code: 'unknown_id', option: '--withdraw', id, message: `expected the id of a candidate in the allocation, got "${id}"` });
    else if (r.status !== 'selected' && r.status !== 'reserve') {
      problems.push({ code: 'not_withdrawable', option: '--withdraw', id, message: `expected a selected participant or a reserve, ${id} is ${r.status === 'withdrawn' ? 'withdrawn already' : r.status}` });
    }
  }
  for (const id of add) {
    const r = rowById.get(id);
    if (r === undefined || !infoById.has(id)) problems.push({ code: 'unknown_id', option: '--add', id, message: `expected the id of a candidate in the allocation, got "${id}"` });
    else if (withdraw.includes(id)) problems.push({ code: 'conflicting_request', option: '--add', id, message: `${id} is both withdrawn and added` });
    else if (r.status !== 'reserve') problems.push({ code: 'not_a_reserve', option: '--add', id, message: `expected a reserve to bring in, ${id} is ${r.status === 'selected' ? 'selected already' : r.status}` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const withdrawSet = new Set(withdraw);
  const info = (id: string): Info => infoById.get(id) as Info;
  const inCell = (key: string, pred: (r: CurrentRow) => boolean) => input.rows.filter((r) => info(r.id).cell?.key === key && pred(r));

  // Call-in order of each cell's reserves: the allocation's ranks when every reserve of the cell has one.
  const queue = new Map<string, string[]>();
  for (const cell of cells) {
    const reserves = inCell(cell.key, (r) => r.status === 'reserve');
    const ranked = reserves.every((r) => r.reserveRank !== null);
    const ordered = [...reserves].sort((a, b) => {
      if (ranked) return (a.reserveRank ?? 0) - (b.reserveRank ?? 0) || compareCodeUnits(a.id, b.id);
      const x = info(a.id);
      const y = info(b.id);
      const pa = x.c.priority ?? Number.POSITIVE_INFINITY;
      const pb = y.c.priority ?? Number.POSITIVE_INFINITY;
      return pa !== pb ? (pa < pb ? -1 : 1) : x.draw - y.draw || compareCodeUnits(a.id, b.id);
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
  const seatsOf = (key: string) => seats.filter((s) => s.cell.key === key);

  // Committee adds take a seat of their cell first, in call-in order.
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
  const availableBefore = (key: string) => inCell(key, (r) => r.status === 'selected' || r.status === 'reserve').length;
  const availableAfter = (key: string) => inCell(key, (r) => (r.status === 'selected' || r.status === 'reserve') && !withdrawSet.has(r.id)).length;
  const fillBefore = new Map(cells.map((c) => [c.key, Math.min(c.seats, availableBefore(c.key))]));
  const fillAfter = new Map(cells.map((c) => [c.key, Math.min(c.seats, availableAfter(c.key))]));
  const rulesBefore = genderRules(programme, cells, fillBefore);
  const rulesAfter = genderRules(programme, cells, fillAfter);
  const selectedBefore = input.rows.filter((r) => r.status === 'selected').map((r) => r.id);
  const count = (ids: readonly string[], r: RuleDef) => ids.filter((id) => info(id).c.gender === r.gender && r.cellKeys.has(info(id).cell?.key ?? '')).length;
  const actualBefore = new Map(rulesBefore.map((r) => [r.id, count(selectedBefore, r)]));
  const protectedIds = new Set(rulesBefore.filter((r) => (actualBefore.get(r.id) ?? 0) >= r.required).map((r) => r.id));
  const kept = selectedBefore.filter((id) => !withdrawSet.has(id));
  const selectedNow = (): string[] => [...kept, ...seats.flatMap((s) => (s.taker === null ? [] : [s.taker]))];
  const shortfall = (ids: readonly string[]) => rulesAfter.filter((r) => protectedIds.has(r.id)).reduce((s, r) => s + Math.max(0, r.required - count(ids, r)), 0);
  const genderPicks = new Map<string, { passedOver: string; rules: RuleDef[] }>();
  for (;;) {
    const now = selectedNow();
    const current = shortfall(now);
    if (current === 0) break;
    const broken = rulesAfter.filter((r) => protectedIds.has(r.id) && count(now, r) < r.required);
    let best: { seat: Seat; id: string; value: number; rules: RuleDef[]; own: boolean } | null = null;
    for (const cell of cells) {
      for (const g of GS) {
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

  // --- reserves after: the same order, without the newcomers and the withdrawn.
  const rankAfter = new Map<string, number>();
  for (const cell of cells) {
    let n = 0;
    for (const id of queue.get(cell.key) ?? []) if (!withdrawSet.has(id) && !participantSet.has(id)) rankAfter.set(id, ++n);
  }

  // --- rules after the change
  const ruleOut: RuleOutcome[] = [];
  const emptySeats: EmptySeat[] = [];
  const cellOut: CellOutcome[] = [];
  for (const cell of cells) {
    const sel = participants.filter((id) => info(id).cell?.key === cell.key);
    const empty = seatsOf(cell.key).filter((s) => s.taker === null);
    const reserves = [...rankAfter.keys()].filter((id) => info(id).cell?.key === cell.key).length;
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
  for (const r of rulesAfter) {
    const a = count(participants, r);
    const met = a >= r.required;
    let explanation: string | null = null;
    if (!met) {
      const before = actualBefore.get(r.id);
      if (!protectedIds.has(r.id)) {
        explanation = `${r.text}: ${a} — not met before this change either (${before ?? 0})`;
      } else {
        const without = [...r.cellKeys].filter((k) => seatsOf(k).some((s) => s.withdrawn !== null) && nextReserve(k, (id) => info(id).c.gender === r.gender) === undefined);
        const adds = seats.filter((s) => s.how === 'committee_add' && r.cellKeys.has(s.cell.key) && info(s.taker as string).c.gender !== r.gender).map((s) => s.taker as string);
        explanation =
          `${r.text}: ${a} after the change (the allocation had ${before ?? 0}) — no newcomer's seat in ${r.scope === 'cohort' ? 'the cohort' : r.scopeKey} can go to a ${ONE[r.gender]} from its cell's reserves` +
          (without.length > 0 ? ` (${without.map((k) => cellByKey.get(k)?.label ?? k).join(', ')}: no ${ONE[r.gender]} among the reserves)` : '') +
          (adds.length > 0 ? `; the committee's --add of ${adds.join(', ')} stands` : '') +
          '; replace never takes a seat from a participant to keep a gender rule';
      }
    }
    ruleOut.push({ id: r.id, kind: 'gender', scope: r.scope, scopeKey: r.scopeKey, gender: r.gender, required: r.required, actual: a, met, text: r.text, explanation });
  }

  // --- places in groups and teams
  const newcomerSeat = new Map<string, Seat>();
  for (const s of seats) if (s.taker !== null) newcomerSeat.set(s.taker, s);
  const placement: Placement =
    reformed === undefined
      ? place(programme, participants, infoById, rowById, newcomerSeat, input.locks)
      : {
          method: 'reformed',
          hardLeft: 0,
          groupCountChanged: false,
          statesExplored: 0,
          groupOf: new Map(reformed.groupOf),
          teamOf: new Map(reformed.teamOf),
          groupIssues: [],
          teamIssues: [],
          groupStart: new Map(),
          teamStart: new Map(),
        };
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

  // --- the change set
  const withdrawn: WithdrawnChange[] = withdraw.map((id) => {
    const r = rowById.get(id) as CurrentRow;
    const seat = seats.find((s) => s.withdrawn === id);
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
  const newcomers: Newcomer[] = seats.flatMap((s): Newcomer[] => {
    if (s.taker === null || s.how === null) return [];
    const id = s.taker;
    const cell = s.cell;
    const rank = rankBefore.get(id) ?? null;
    const c = info(id).c;
    let why: string;
    if (s.how === 'committee_add') {
      const next = (queue.get(cell.key) ?? []).find((x) => !withdrawSet.has(x) && x !== id && !participantSet.has(x) && (rankBefore.get(x) ?? 0) < (rank ?? 0));
      why = `committee decision (--add): reserve number ${rank ?? '?'} in ${cell.label} (${rankText(c.priority)})${next === undefined ? '' : `, brought in before ${next} (reserve number ${rankBefore.get(next) ?? '?'}), who stays a reserve`}`;
    } else if (s.how === 'gender_rule') {
      const pick = genderPicks.get(id);
      const passed = (queue.get(cell.key) ?? []).filter((x) => !withdrawSet.has(x) && !participantSet.has(x) && info(x).c.gender !== c.gender && (rankBefore.get(x) ?? 0) < (rank ?? 0));
      const first = passed[0] ?? pick?.passedOver ?? '?';
      why =
        `best-placed ${c.gender === 'unknown' ? 'reserve' : ONE[c.gender as G2]} among the reserves of ${cell.label} (reserve number ${rank ?? '?'}, ${rankText(c.priority)}), called in before ` +
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
    return [{ id, cell: cell.key, replaces: s.withdrawn, reserveRank: rank, how: s.how, why, workshopGroup: group, projectTeam: team, exactPlace, placeNote }];
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

  // --- rows
  const rows: ResultRow[] = input.rows.map((r) => {
    const i = info(r.id);
    const base = { id: r.id, cell: i.cell?.key ?? null, previousReserveRank: null as number | null, notes: [] as string[], freshReasons: false };
    if (withdrawSet.has(r.id)) {
      const w = withdrawn.find((x) => x.id === r.id) as WithdrawnChange;
      const note =
        w.was === 'selected'
          ? `withdrawn: left the cohort (was in workshop group ${w.workshopGroup ?? '?'}, project team ${w.projectTeam ?? '?'}); ${w.replacedBy === null ? 'the seat stays empty: no reserve left' : `seat taken by ${w.replacedBy}`}`
          : `withdrawn: left the reserve list (was number ${w.reserveRank ?? '?'} in ${i.cell?.label ?? '?'})`;
      return { ...base, status: 'withdrawn', reserveRank: null, workshopGroup: null, projectTeam: null, notes: [note], freshReasons: true };
    }
    if (participantSet.has(r.id)) {
      const group = placement.groupOf.get(r.id) ?? null;
      const team = placement.teamOf.get(r.id) ?? null;
      const nc = newcomers.find((x) => x.id === r.id);
      if (nc !== undefined) {
        const notes = [
          nc.how === 'committee_add' ? `included: ${nc.why}` : nc.how === 'gender_rule' ? `selected_for_gender_rule: ${nc.why}` : `selected: ${nc.why}`,
          nc.replaces === null ? 'replaces: a vacant seat' : `replaces ${nc.replaces} (withdrawn)${nc.exactPlace ? ', in the same workshop group and project team' : ''}`,
        ];
        if (nc.placeNote !== null) notes.push(`placed: ${nc.placeNote}`);
        return { ...base, status: 'selected', reserveRank: null, workshopGroup: group, projectTeam: team, notes, freshReasons: true };
      }
      const mv = moves.find((x) => x.id === r.id);
      const notes = mv === undefined ? [] : [`moved: ${moveText(mv)} (${mv.why})`];
      return { ...base, status: 'selected', reserveRank: null, workshopGroup: group, projectTeam: team, notes };
    }
    if (r.status === 'reserve') {
      const rank = rankAfter.get(r.id) ?? null;
      const before = rankBefore.get(r.id) ?? null;
      // Passed over: a newcomer of another gender, placed after them, was called in for a gender rule.
      const instead = newcomers.filter((x) => x.how === 'gender_rule' && x.cell === i.cell?.key && info(x.id).c.gender !== i.c.gender && (x.reserveRank ?? 0) > (before ?? 0));
      const notes = instead.length > 0 ? [`passed_over_for_gender_rule: ${instead.map((x) => x.id).join(', ')} called in instead by cohort replace to keep a gender rule`] : [];
      return { ...base, status: 'reserve', reserveRank: rank, workshopGroup: null, projectTeam: null, previousReserveRank: rank !== before ? before : null, notes };
    }
    return { ...base, status: r.status, reserveRank: null, workshopGroup: null, projectTeam: null };
  });

  return { ok: true, result: { rows, withdrawn, newcomers, moves, emptySeats, rules: ruleOut, cells: cellOut, participants, placement } };
}

export function moveText(m: Move): string {
  const parts: string[] = [];
  if (m.fromGroup !== m.toGroup) parts.push(`workshop group ${m.fromGroup} → ${m.toGroup}`);
  if (m.fromTeam !== m.toTeam) parts.push(`project team ${m.fromTeam} → ${m.toTeam}`);
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------------------
// Placement

interface P {
  id: string;
  sector: Sector;
  region: Region;
  gender: Gender;
  org: string;
}

function toP(c: Candidate): P {
  return { id: c.id, sector: c.sector, region: c.rhf ?? 'unknown', gender: c.gender, org: c.organisationKey };
}

interface PartCost {
  hard: number;
  /** Counted globally: the total above `extraAllowance` is hard (teams of a smaller shape). */
  extra: number;
  quality: number[];
}

interface SearchSpec {
  persons: readonly P[];
  /** Part labels (group or team numbers), by part index. */
  labels: readonly number[];
  start: Int32Array;
  /** Part index of an old participant's place; -1 for a newcomer. */
  home: Int32Array;
  /** Part index of a newcomer's freed place; -1 for anyone else. */
  slot: Int32Array;
  /** 1 for participants an earlier stage moved already: moving them again disturbs no one new (a tie-break). */
  movedBefore: Uint8Array;
  capacity: number;
  extraAllowance: number;
  qualityLength: number;
  cost: (members: readonly number[], part: number) => PartCost;
  /** The broken rules of a part, in words. */
  describe: (members: readonly number[], part: number) => string[];
}

interface State {
  assign: Int32Array;
  members: number[][];
  costs: PartCost[];
  key: number[];
}

function keyOf(spec: SearchSpec, assign: Int32Array, costs: readonly PartCost[]): number[] {
  let hard = 0;
  let extra = 0;
  const quality = new Array<number>(spec.qualityLength).fill(0);
  for (const c of costs) {
    hard += c.hard;
    extra += c.extra;
    c.quality.forEach((v, i) => (quality[i] = (quality[i] ?? 0) + v));
  }
  hard += Math.max(0, extra - spec.extraAllowance);
  let moves = 0;
  let fresh = 0;
  let displaced = 0;
  for (let i = 0; i < assign.length; i++) {
    const h = spec.home[i] ?? -1;
    const s = spec.slot[i] ?? -1;
    if (h >= 0 && assign[i] !== h) {
      moves++;
      if (spec.movedBefore[i] !== 1) fresh++;
    }
    if (s >= 0 && assign[i] !== s) displaced++;
  }
  return [hard, moves, fresh, displaced, ...quality];
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

function stateOf(spec: SearchSpec, assign: Int32Array): State {
  const members: number[][] = spec.labels.map(() => []);
  assign.forEach((p, i) => members[p]?.push(i));
  const costs = members.map((m, p) => spec.cost(m, p));
  return { assign, members, costs, key: keyOf(spec, assign, costs) };
}

/** One step: swap two people's parts (`j >= 0`) or move `i` to part `to`. */
interface Step {
  i: number;
  j: number;
  to: number;
}

function apply(spec: SearchSpec, s: State, step: Step): State {
  const assign = Int32Array.from(s.assign);
  const members = s.members.slice();
  const costs = s.costs.slice();
  const from = s.assign[step.i] as number;
  const to = step.j >= 0 ? (s.assign[step.j] as number) : step.to;
  if (step.j >= 0) {
    assign[step.i] = to;
    assign[step.j] = from;
    members[from] = (s.members[from] as number[]).map((x) => (x === step.i ? step.j : x));
    members[to] = (s.members[to] as number[]).map((x) => (x === step.j ? step.i : x));
  } else {
    assign[step.i] = to;
    members[from] = (s.members[from] as number[]).filter((x) => x !== step.i);
    members[to] = [...(s.members[to] as number[]), step.i];
  }
  costs[from] = spec.cost(members[from] as number[], from);
  costs[to] = spec.cost(members[to] as number[], to);
  return { assign, members, costs, key: keyOf(spec, assign, costs) };
}

function steps(spec: SearchSpec, s: State): Step[] {
  const n = spec.persons.length;
  const extra = s.costs.reduce((a, c) => a + c.extra, 0);
  const bad = new Set<number>();
  s.costs.forEach((c, p) => {
    if (c.hard > 0 || (extra > spec.extraAllowance && c.extra > 0)) bad.add(p);
  });
  const relevant = new Set<number>();
  for (let i = 0; i < n; i++) if (bad.has(s.assign[i] as number) || (spec.home[i] ?? -1) < 0) relevant.add(i);
  const out: Step[] = [];
  for (let i = 0; i < n; i++) {
    if (!relevant.has(i)) continue;
    for (let j = 0; j < n; j++) {
      if (j === i || s.assign[j] === s.assign[i] || (relevant.has(j) && j < i)) continue;
      out.push({ i, j, to: -1 });
    }
    for (let p = 0; p < spec.labels.length; p++) {
      if (p !== s.assign[i] && (s.members[p]?.length ?? 0) < spec.capacity) out.push({ i, j: -1, to: p });
    }
  }
  for (const p of [...bad].sort((a, b) => a - b)) {
    if ((s.members[p]?.length ?? 0) >= spec.capacity) continue;
    for (let j = 0; j < n; j++) if (!relevant.has(j) && s.assign[j] !== p) out.push({ i: j, j: -1, to: p });
  }
  return out;
}

/** The search described in the module comment. */
function search(spec: SearchSpec): { best: State; start: State; explored: number } {
  const start = stateOf(spec, spec.start);
  let best = start;
  let explored = 1;
  let frontier: State[] = [start];
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    // Stop when the best needs no rule fixed and no step can lower the moves any further.
    if ((best.key[0] ?? 0) === 0 && (best.key[1] ?? 0) < depth) break;
    const children: Array<{ key: number[]; parent: number; step: Step }> = [];
    frontier.forEach((s, parent) => {
      for (const step of steps(spec, s)) {
        const child = apply(spec, s, step);
        explored++;
        children.push({ key: child.key, parent, step });
        if (lexLess(child.key, best.key)) best = child;
      }
    });
    if (children.length === 0) break;
    // A stable sort: equal keys keep their enumeration order.
    const order = children.map((c, i) => ({ c, i })).sort((a, b) => (lexLess(a.c.key, b.c.key) ? -1 : lexLess(b.c.key, a.c.key) ? 1 : a.i - b.i));
    frontier = order.slice(0, BEAM).map(({ c }) => apply(spec, frontier[c.parent] as State, c.step));
  }
  return { best, start, explored };
}

function orgExcess(ms: readonly P[], cap: (org: string) => number): number {
  const by = new Map<string, number>();
  for (const m of ms) by.set(m.org, (by.get(m.org) ?? 0) + 1);
  let excess = 0;
  for (const [org, n] of by) excess += Math.max(0, n - cap(org));
  return excess;
}

/** Pairs of members from the same organisation, by id. */
function clashPairs(ms: readonly P[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const sorted = [...ms].sort((a, b) => compareCodeUnits(a.id, b.id));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i] as P;
      const b = sorted[j] as P;
      if (a.org === b.org) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** The region every member belongs to, when the team has both sectors and one known RHF; else null. */
function teamRegion(ms: readonly { sector: Sector; region: Region }[]): Region | null {
  const first = ms[0];
  if (first === undefined || first.region === 'unknown') return null;
  if (!ms.some((m) => m.sector === 'kommune') || !ms.some((m) => m.sector === 'spesialist')) return null;
  return ms.every((m) => m.region === first.region) ? first.region : null;
}

function place(
  programme: Programme,
  participants: readonly string[],
  infoById: ReadonlyMap<string, Info>,
  rowById: ReadonlyMap<string, CurrentRow>,
  newcomerSeat: ReadonlyMap<string, Seat>,
  locks: GroupLocks | undefined,
): Placement {
  const persons = participants.map((id) => toP((infoById.get(id) as Info).c));
  const n = persons.length;
  const indexOf = new Map(persons.map((p, i) => [p.id, i]));
  // Locks among participants only (a withdrawn person's lock has nothing left to hold).
  const lockedGroup = new Map<number, number>();
  for (const l of locks?.inGroup ?? []) {
    const i = indexOf.get(l.id);
    if (i !== undefined) lockedGroup.set(i, l.group);
  }
  const pairsOf = (list: ReadonlyArray<readonly [string, string]> | undefined): Array<[number, number]> =>
    (list ?? []).flatMap(([a, b]) => {
      const x = indexOf.get(a);
      const y = indexOf.get(b);
      return x === undefined || y === undefined || x === y ? [] : [[x, y] as [number, number]];
    });
  const apart = pairsOf(locks?.apart);
  const together = pairsOf(locks?.togetherInTeam);
  const pid = (i: number) => (persons[i] as P).id;
  /** Kept-apart pairs inside one part. */
  const apartInside = (inside: ReadonlySet<number>) => apart.filter(([x, y]) => inside.has(x) && inside.has(y));
  /** Kept-together pairs split by the part's border (each split pair is counted by both its parts). */
  const togetherSplit = (inside: ReadonlySet<number>) => together.filter(([x, y]) => inside.has(x) !== inside.has(y));
  const isNew = (i: number) => newcomerSeat.has((persons[i] as P).id);
  const wg = programme.workshopGroups;
  const pt = programme.projectTeams;

  // Parts: the group and team numbers the allocation used (its selected rows, the withdrawn included).
  const selectedRows = [...rowById.values()].filter((r) => r.status === 'selected');
  const groupLabels = [...new Set(selectedRows.flatMap((r) => (r.workshopGroup === null ? [] : [r.workshopGroup])))].sort((a, b) => a - b);
  const teamLabels = [...new Set(selectedRows.flatMap((r) => (r.projectTeam === null ? [] : [r.projectTeam])))].sort((a, b) => a - b);
  const groupCountChanged = groupCount(n, wg.minSize, wg.maxSize, wg.count) !== groupLabels.length;

  const orgSize = new Map<string, number>();
  for (const p of persons) orgSize.set(p.org, (orgSize.get(p.org) ?? 0) + 1);
  const genderTotal = { female: persons.filter((p) => p.gender === 'female').length, male: persons.filter((p) => p.gender === 'male').length };
  const regionTotal = new Map<Region, number>();
  for (const p of persons) regionTotal.set(p.region, (regionTotal.get(p.region) ?? 0) + 1);
  const Gn = Math.max(1, groupLabels.length);
  const Tn = Math.max(1, teamLabels.length);
  const capG = (org: string) => Math.max(1, Math.ceil((orgSize.get(org) ?? 0) / Gn));
  const capT = (org: string) => Math.max(1, Math.ceil((orgSize.get(org) ?? 0) / Tn));
  const who = (i: number) => `${(persons[i] as P).id}${isNew(i) ? ' (new)' : ''}`;
  const clashText = (members: readonly number[], cap: (org: string) => number, label: string): string[] => {
    const out: string[] = [];
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const x = persons[members[a] as number] as P;
        const y = persons[members[b] as number] as P;
        if (x.org !== y.org || members.filter((i) => (persons[i] as P).org === x.org).length <= cap(x.org)) continue;
        out.push(`${who(members[a] as number)} and ${who(members[b] as number)} are from the same organisation and would share ${label}`);
      }
    }
    return out;
  };
  const sectors = (members: readonly number[]) => {
    const k = members.filter((i) => (persons[i] as P).sector === 'kommune').length;
    return { k, s: members.length - k };
  };

  // --- workshop groups
  const gIndex = new Map(groupLabels.map((l, i) => [l, i]));
  const home = Int32Array.from(persons.map((p, i) => (isNew(i) ? -1 : (gIndex.get(rowById.get(p.id)?.workshopGroup ?? -1) ?? -1))));
  const slot = Int32Array.from(persons.map((p) => gIndex.get(newcomerSeat.get(p.id)?.group ?? -1) ?? -1));
  const sizes = groupLabels.map((_, g) => persons.filter((__, i) => home[i] === g || (home[i] === -1 && slot[i] === g)).length);
  const start = Int32Array.from(
    persons.map((_, i) => {
      const at = (home[i] ?? -1) >= 0 ? (home[i] as number) : (slot[i] ?? -1);
      if (at >= 0) return at;
      // A vacant seat: the smallest group (then the lowest number).
      let best = 0;
      sizes.forEach((size, g) => {
        if (size < (sizes[best] ?? 0)) best = g;
      });
      sizes[best] = (sizes[best] ?? 0) + 1;
      return best;
    }),
  );
  const groupSpec: SearchSpec = {
    persons,
    labels: groupLabels,
    start,
    home,
    slot,
    movedBefore: new Uint8Array(n),
    capacity: wg.maxSize,
    extraAllowance: 0,
    qualityLength: 2,
    cost: (members, part) => {
      const ms = members.map((i) => persons[i] as P);
      const { k, s } = sectors(members);
      let hard = orgExcess(ms, capG);
      if (lockedGroup.size > 0 || apart.length > 0) {
        hard += members.filter((i) => lockedGroup.has(i) && lockedGroup.get(i) !== groupLabels[part]).length;
        hard += apartInside(new Set(members)).length;
      }
      if (ms.length < wg.minSize || ms.length > wg.maxSize) hard++;
      if (Math.abs(k - s) > 1) hard++;
      let gender = 0;
      for (const g of GS) gender += Math.max(0, Math.min(genderTableMinimum(ms.length), genderTotal[g]) - ms.filter((m) => m.gender === g).length);
      let region = 0;
      for (const [r, total] of regionTotal) if (r !== 'unknown') region += Math.max(0, ms.filter((m) => m.region === r).length - Math.ceil(total / Gn));
      return { hard, extra: 0, quality: [gender, region] };
    },
    describe: (members, part) => {
      const label = `workshop group ${groupLabels[part] ?? '?'}`;
      const { k, s } = sectors(members);
      const out = clashText(members, capG, label);
      if (members.length < wg.minSize || members.length > wg.maxSize) out.push(`${label} would have ${members.length} members (${wg.minSize}–${wg.maxSize} allowed)`);
      if (Math.abs(k - s) > 1) out.push(`${label} would have ${k} municipal and ${s} specialist members`);
      for (const i of members) if (lockedGroup.has(i) && lockedGroup.get(i) !== groupLabels[part]) out.push(`${pid(i)} is locked into workshop group ${lockedGroup.get(i) ?? '?'}`);
      for (const [x, y] of apartInside(new Set(members))) out.push(`${pid(x)} and ${pid(y)} are to be kept apart but would share ${label}`);
      return out;
    },
  };
  const gs = search(groupSpec);
  const groupOf = new Map(persons.map((p, i) => [p.id, groupLabels[gs.best.assign[i] as number] as number]));

  // --- project teams
  const tIndex = new Map(teamLabels.map((l, i) => [l, i]));
  const thome = Int32Array.from(persons.map((p, i) => (isNew(i) ? -1 : (tIndex.get(rowById.get(p.id)?.projectTeam ?? -1) ?? -1))));
  const tslot = Int32Array.from(persons.map((p) => tIndex.get(newcomerSeat.get(p.id)?.team ?? -1) ?? -1));
  const tmembers = teamLabels.map((_, t) => persons.filter((__, i) => thome[i] === t || (thome[i] === -1 && tslot[i] === t)));
  const tstart = Int32Array.from(
    persons.map((p, i) => {
      const at = (thome[i] ?? -1) >= 0 ? (thome[i] as number) : (tslot[i] ?? -1);
      if (at >= 0) return at;
      // A vacant seat: the team missing most of this sector (then the lowest number).
      const want = p.sector === 'kommune' ? pt.kommune : pt.spesialist;
      let best = 0;
      let bestGap = Number.NEGATIVE_INFINITY;
      tmembers.forEach((ms, t) => {
        const gap = want - ms.filter((m) => m.sector === p.sector).length;
        if (gap > bestGap) {
          best = t;
          bestGap = gap;
        }
      });
      tmembers[best]?.push(p);
      return best;
    }),
  );
  const K = persons.filter((p) => p.sector === 'kommune').length;
  const fewest = fewestSmallerTeams(K, n - K, pt.kommune, pt.spesialist);
  const shapeOf = (members: readonly number[]): 'standard' | 'smaller' | 'other' => {
    const { k, s } = sectors(members);
    if (k === pt.kommune && s === pt.spesialist) return 'standard';
    const smaller = (k === pt.kommune - 1 && s === pt.spesialist && k > 0) || (k === pt.kommune && s === pt.spesialist - 1 && s > 0);
    return smaller && fewest !== null && fewest > 0 ? 'smaller' : 'other';
  };
  const teamSpec: SearchSpec = {
    persons,
    labels: teamLabels,
    start: tstart,
    home: thome,
    slot: tslot,
    movedBefore: Uint8Array.from(persons.map((_, i) => ((home[i] ?? -1) >= 0 && gs.best.assign[i] !== home[i] ? 1 : 0))),
    capacity: pt.kommune + pt.spesialist,
    extraAllowance: fewest ?? 0,
    qualityLength: 3,
    cost: (members) => {
      if (members.length === 0) return { hard: 0, extra: 0, quality: [0, 0, 0] };
      const ms = members.map((i) => persons[i] as P);
      const shape = shapeOf(members);
      // A shape no cohort of these sectors allows (fewest === null) cannot be repaired here: not counted.
      let hard = orgExcess(ms, capT) + (shape === 'other' && fewest !== null ? 1 : 0);
      if (apart.length > 0 || together.length > 0) {
        const inside = new Set(members);
        hard += apartInside(inside).length + togetherSplit(inside).length;
      }
      let same = 0;
      for (let a = 0; a < ms.length; a++) for (let b = a + 1; b < ms.length; b++) if (groupOf.get((ms[a] as P).id) === groupOf.get((ms[b] as P).id)) same++;
      const both = ms.some((m) => m.gender === 'female') && ms.some((m) => m.gender === 'male');
      return { hard, extra: shape === 'smaller' ? 1 : 0, quality: [teamRegion(ms) === null ? 1 : 0, same, both ? 0 : 1] };
    },
    describe: (members, part) => {
      const label = `project team ${teamLabels[part] ?? '?'}`;
      const out = clashText(members, capT, label);
      const { k, s } = sectors(members);
      if (members.length > 0 && shapeOf(members) !== 'standard') out.push(`${label} would have ${k} municipal and ${s} specialist members (a team has ${pt.kommune} + ${pt.spesialist})`);
      const inside = new Set(members);
      for (const [x, y] of apartInside(inside)) out.push(`${pid(x)} and ${pid(y)} are to be kept apart but would share ${label}`);
      for (const [x, y] of togetherSplit(inside)) if (inside.has(x)) out.push(`${pid(x)} and ${pid(y)} are to be kept together in a project team`);
      return out;
    },
  };
  const ts = search(teamSpec);
  const teamOf = new Map(persons.map((p, i) => [p.id, teamLabels[ts.best.assign[i] as number] as number]));

  return {
    method: 'local',
    hardLeft: (gs.best.key[0] ?? 0) + (ts.best.key[0] ?? 0),
    groupCountChanged,
    statesExplored: gs.explored + ts.explored,
    groupOf,
    teamOf,
    groupIssues: issues(groupSpec, gs.start),
    teamIssues: issues(teamSpec, ts.start),
    groupStart: new Map(persons.map((p, i) => [p.id, groupLabels[start[i] as number] as number])),
    teamStart: new Map(persons.map((p, i) => [p.id, teamLabels[tstart[i] as number] as number])),
  };
}

/** What breaks a rule in the starting placement (newcomers in the freed places), in words: why anyone moved. */
function issues(spec: SearchSpec, s: State): PartIssue[] {
  const extra = s.costs.reduce((a, c) => a + c.extra, 0);
  return s.members.flatMap((m, p) => {
    const cost = s.costs[p] as PartCost;
    const broken = cost.hard > 0 || (extra > spec.extraAllowance && cost.extra > 0);
    return broken ? spec.describe(m, p).map((text) => ({ part: spec.labels[p] ?? 0, text })) : [];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Quality tables (the same shapes as `cohort allocate`'s)

/** The same rows as `cohort allocate`'s quality tables. */
export type GroupQualityRow = GroupQuality;

export type TeamQualityRow = TeamQuality;

/** Parts numbered as given, members by id. */
export function partitionsOf(of: ReadonlyMap<string, number>): Array<{ number: number; memberIds: string[] }> {
  const by = new Map<number, string[]>();
  for (const [id, n] of of) by.set(n, [...(by.get(n) ?? []), id]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([number, ids]) => ({ number, memberIds: ids.sort(compareCodeUnits) }));
}

export function groupQualityRows(candidates: ReadonlyMap<string, Candidate>, groupOf: ReadonlyMap<string, number>): GroupQualityRow[] {
  const all = [...groupOf.keys()].map((id) => toP(candidates.get(id) as Candidate));
  const cohort = { female: all.filter((p) => p.gender === 'female').length, male: all.filter((p) => p.gender === 'male').length };
  return partitionsOf(groupOf).map(({ number, memberIds }) => {
    const ms = memberIds.map((id) => toP(candidates.get(id) as Candidate));
    const female = ms.filter((p) => p.gender === 'female').length;
    const male = ms.filter((p) => p.gender === 'male').length;
    const min = genderTableMinimum(ms.length);
    return {
      group: number,
      size: ms.length,
      kommune: ms.filter((p) => p.sector === 'kommune').length,
      spesialist: ms.filter((p) => p.sector === 'spesialist').length,
      female,
      male,
      unknownGender: ms.length - female - male,
      genderMinimum: min,
      genderMinimumMet: female >= Math.min(min, cohort.female) && male >= Math.min(min, cohort.male),
      regions: REGIONS.map((region) => ({ region, count: ms.filter((p) => p.region === region).length })).filter((r) => r.count > 0),
      organisationClashes: clashPairs(ms),
    };
  });
}

export function teamQualityRows(candidates: ReadonlyMap<string, Candidate>, teamOf: ReadonlyMap<string, number>, groupOf: ReadonlyMap<string, number>): TeamQualityRow[] {
  return partitionsOf(teamOf).map(({ number, memberIds }) => {
    const cs = memberIds.map((id) => candidates.get(id) as Candidate);
    const ms = cs.map(toP);
    let same = 0;
    for (let a = 0; a < ms.length; a++) {
      for (let b = a + 1; b < ms.length; b++) {
        const ga = groupOf.get((ms[a] as P).id);
        if (ga !== undefined && ga === groupOf.get((ms[b] as P).id)) same++;
      }
    }
    return {
      team: number,
      members: cs.map((c) => ({ id: c.id, sector: c.sector, region: c.rhf ?? 'unknown', county: c.municipality?.countyNumber ?? null, gender: c.gender, group: groupOf.get(c.id) ?? null })),
      kommune: ms.filter((p) => p.sector === 'kommune').length,
      spesialist: ms.filter((p) => p.sector === 'spesialist').length,
      regionMatch: teamRegion(ms),
      groupsDistinct: same === 0,
      sameGroupPairs: same,
      female: ms.filter((p) => p.gender === 'female').length,
      male: ms.filter((p) => p.gender === 'male').length,
      bothGenders: ms.some((p) => p.gender === 'female') && ms.some((p) => p.gender === 'male'),
      organisationClashes: clashPairs(ms),
    };
  });
}
